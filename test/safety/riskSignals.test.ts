import { accumulateSignals, signalsIn, SIGNALS_FOR_CHECK_IN } from '../../src/safety/riskSignals';
import { normaliseForRisk } from '../../src/safety/detectRisk';
import { realBot, say, textOf } from './safetyDialogHarness';

/** Risk that builds over turns: signals no single message raises add up to the check-in. */

const SIGNAL_MESSAGES = ["I haven't slept properly since Tuesday", 'I have stopped answering my friends', "honestly, what's the point of any of it"];

describe('risk signals (pure)', () => {
  it('finds each signal by id and keeps only ids', () => {
    expect(signalsIn(normaliseForRisk(SIGNAL_MESSAGES[0]))).toEqual(['not_sleeping']);
    expect(signalsIn(normaliseForRisk(SIGNAL_MESSAGES[1]))).toEqual(['withdrawing']);
    expect(signalsIn(normaliseForRisk(SIGNAL_MESSAGES[2]))).toEqual(['no_point']);
    expect(signalsIn(normaliseForRisk('what are the session times'))).toEqual([]);
  });

  it('returns a check-in once enough different signals add up, then starts again', () => {
    let state = { seen: [] as string[] };
    const ids = ['not_sleeping', 'not_sleeping', 'withdrawing', 'no_point'];
    const results = ids.map((id) => {
      const step = accumulateSignals(state, [id]);
      state = step.state;
      return step.assessment;
    });
    expect(results.slice(0, 3)).toEqual([null, null, null]);
    expect(results[3]).toMatchObject({ category: 'suicide', severity: 'concern', possible: true, who: 'self', matched: ['signals:not_sleeping', 'signals:withdrawing', 'signals:no_point'] });
    expect(state.seen).toEqual([]);
    expect(SIGNALS_FOR_CHECK_IN).toBe(3);
  });
});

describe('risk signals across a conversation (real adapter)', () => {
  it('three messages, none a risk alone, get the check-in on the third', async () => {
    const harness = await realBot();
    const turns: string[] = [];
    for (const text of SIGNAL_MESSAGES) turns.push(textOf(await say(harness.adapter, text)));
    expect(turns[0]).not.toContain('116 123');
    expect(turns[1]).not.toContain('116 123');
    expect(turns[2]).toContain('116 123');
  });
});
