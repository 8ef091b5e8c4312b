import { checkInAnswer } from '../../src/safety/safetyAnswers';
import { say, textOf } from './safetyDialogHarness';
import { ASKS_AGAIN, crisisBot, sayOnce } from './crisisDialogSupport';

/**
 * Tenth pass on the crisis follow-ups, by class. Through the real gate, detector and MainDialog
 * where a dialog is involved.
 */

describe('safety words taken back by a "not" that sits away from them, said to the check-in', () => {
  it.each(['no love, i could not tell you i am safe', 'i really dont think im safe tonight', 'no, i do not believe i am safe at home'])('%j is danger, read as a yes (pure)', (text) => {
    expect(checkInAnswer(text)).toBe('yes');
  });

  it.each(['no, i am safe', 'nope im safe thanks', 'no', 'no never'])('%j stays a no (pure)', (text) => {
    expect(checkInAnswer(text)).toBe('no');
  });

  it('hands over to 999 and asks again, never "thanks for answering"', async () => {
    const adapter = await crisisBot({ 'LESSER RISK': { category: 'suicide', severity: 'concern' } });
    await say(adapter, 'LESSER RISK');
    const text = textOf(await sayOnce(adapter, 'no, i would not say that i am safe'));
    expect(text).toMatch(/999/);
    expect(text).toMatch(ASKS_AGAIN);
    expect(text).not.toMatch(/Thank you for answering/);
  });
});
