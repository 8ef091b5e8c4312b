import { FOLLOW_UP_MS, FOLLOW_UP_REPLIES, noteSharedRisk, personKey, takeFollowUp } from '../../bots/teams/riskFollowUp';

/** Who in a shared space keeps 999 in view after a risk reply: pure state changes. */
describe('shared-space risk follow-ups', () => {
  const ALEX = personKey('29:alex');
  const SAM = personKey('29:sam');

  it('keeps no id in the clear', () => {
    expect(ALEX).not.toContain('alex');
    expect(ALEX).toBe(personKey('29:alex'));
  });

  it('gives the person who had the risk reply a few follow-ups, numbered, and no one else', () => {
    let state = noteSharedRisk({ people: {} }, ALEX, 0);
    expect(takeFollowUp(state, SAM, 1, false).followUp).toBeUndefined();
    const numbers: Array<number | undefined> = [];
    for (let i = 0; i < FOLLOW_UP_REPLIES + 1; i++) {
      const taken = takeFollowUp(state, ALEX, 1, false);
      numbers.push(taken.followUp);
      state = taken.state;
    }
    expect(numbers).toEqual([...Array.from({ length: FOLLOW_UP_REPLIES }, (_v, i) => i), undefined]);
  });

  it('ends once the person says they are safe, or when it lapses', () => {
    const state = noteSharedRisk({ people: {} }, ALEX, 0);
    const safe = takeFollowUp(state, ALEX, 1, true);
    expect(safe.followUp).toBe(0);
    expect(takeFollowUp(safe.state, ALEX, 2, false).followUp).toBeUndefined();
    expect(takeFollowUp(state, ALEX, FOLLOW_UP_MS + 1, false).followUp).toBeUndefined();
  });
});
