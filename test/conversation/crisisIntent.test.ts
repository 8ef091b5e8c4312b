import type { Activity } from 'botbuilder';
import type { RecognitionResult, Recognizer } from '../../src/language/recognizer';
import { createBotHarness } from '../support/botHarness';

/** A recogniser that always says CrisisSupport, with the score the test chooses. */
function crisisAt(score: number): Recognizer {
  return {
    recognize: async (): Promise<RecognitionResult> => ({ intent: 'CrisisSupport', score, alternatives: [], recognizer: 'local' }),
  };
}

async function firstTurn(score: number): Promise<Partial<Activity>[]> {
  const harness = createBotHarness({}, { recognizer: crisisAt(score) });
  harness.adapter.activeQueue.splice(0);
  // Words the risk detector leaves alone, so only the intent decides.
  await harness.adapter.receiveActivity('since the funeral i cannot sleep');
  return harness.adapter.activeQueue.splice(0).filter((activity) => activity.type !== 'trace');
}

const texts = (activities: Partial<Activity>[]) => activities.map((activity) => activity.text ?? '').join('\n');

describe('the CrisisSupport intent', () => {
  it('when confident, hands off in full: routes first, then "are you safe"', async () => {
    const replies = await firstTurn(0.95);
    expect(replies[0]).toMatchObject({ type: 'event', name: 'emergencySupport', value: { category: 'danger', severity: 'concern' } });
    expect(texts(replies)).toMatch(/116 123/);
    expect(texts(replies)).toMatch(/safe right now/i);
  });

  it('when unsure, asks the gentle check-in question, still with 999 and Samaritans', async () => {
    const replies = await firstTurn(0.5);
    expect(replies[0]).toMatchObject({ type: 'event', name: 'emergencySupport' });
    const said = texts(replies);
    expect(said).toMatch(/999/);
    expect(said).toMatch(/116 123/);
    expect(said).toMatch(/Is that happening for you\?|Are you in danger right now\?/);
    expect(said).not.toMatch(/safe right now/i);
  });
});
