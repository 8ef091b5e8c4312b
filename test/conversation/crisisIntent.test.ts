import type { Activity } from 'botbuilder';
import type { RecognitionResult, Recognizer } from '../../src/language/recognizer';
import { createBotHarness } from '../support/botHarness';
import { say, textOf } from '../support/turns';

/** A recogniser that always says CrisisSupport, with the score the test chooses. */
function crisisAt(score: number): Recognizer {
  return {
    recognize: async (): Promise<RecognitionResult> => ({ intent: 'CrisisSupport', score, alternatives: [], recognizer: 'local' }),
  };
}

/** A new conversation's first message, and its replies. */
async function turn(text: string, score: number): Promise<Partial<Activity>[]> {
  return say(createBotHarness({}, { recognizer: crisisAt(score) }).adapter, text);
}

/**
 * On 1,000 messages written blind to the product, everything the CrisisSupport intent claimed that
 * the risk detector left alone was benign; the detector, which runs first, is what decides risk.
 */
describe('the CrisisSupport intent on words the risk detector leaves alone', () => {
  it.each([0.95, 0.5])('at %s: no emergency hand-off, but the help reply with how to get help now', async (score) => {
    const replies = await turn('is it safe to stop my pills now I feel better', score);
    expect(replies.some((activity) => activity.type === 'event')).toBe(false);
    const said = textOf(replies);
    expect(said).toMatch(/help now/);
    // Not risk, and no number asked for: the numbers are one step away ("help now", or its button).
    expect(said).not.toMatch(/999|116 123/);
    expect(replies.flatMap((activity) => activity.suggestedActions?.actions ?? []).map((action) => action.value)).toContain('Help now');
    expect(said).not.toMatch(/safe right now/i);
  });

  it('the "Help now" button is a request for urgent help: the full hand-off with the numbers', async () => {
    const replies = await turn('Help now', 0.95);
    expect(replies[0]).toMatchObject({ type: 'event', name: 'emergencySupport' });
    expect(textOf(replies)).toMatch(/999/);
  });

  it('a request for help the detector knows still hands off in full, whatever the intent', async () => {
    const replies = await turn('please I need help now', 0.2);
    expect(replies[0]).toMatchObject({ type: 'event', name: 'emergencySupport', value: { category: 'danger' } });
    expect(textOf(replies)).toMatch(/safe right now/i);
  });
});
