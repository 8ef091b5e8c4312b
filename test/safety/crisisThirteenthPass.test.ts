import { checkInAnswer, readSafeNow } from '../../src/safety/safetyAnswers';
import { expectInOrder, textOf } from './safetyDialogHarness';
import { crisisBot, sayOnce } from './crisisDialogSupport';

/**
 * Crisis dialog, thirteenth pass: taking back what was said. After telling the guide about risk,
 * "I'm fine, forget I mentioned it" is how people often hide it; it is never read as safe.
 */

const RETRACTIONS = [
  "honestly im fine, just forget i mentioned it",
  'ignore me, having a moment',
  "i'm ok. never mind",
  "its nothing, i'm being dramatic",
  'nvm im alright',
  'pretend i never said anything',
];

describe('a retraction is unsure, never safe (pure)', () => {
  it.each(RETRACTIONS)('%j', (text) => {
    expect(readSafeNow(text).label).toBe('unsure');
  });

  it.each(["yes i'm safe, my wife is home now", 'im safe, the pills are gone'])('a clear safe answer stays safe: %j', (text) => {
    expect(readSafeNow(text).label).toBe('safe');
  });
});

describe('a retraction after a disclosure: 999 and the question again, never "glad you\'re safe"', () => {
  it.each(RETRACTIONS)('%j as the first answer', async (answer) => {
    const adapter = await crisisBot();
    await sayOnce(adapter, "i've got everything ready to end it tonight");
    const text = textOf(await sayOnce(adapter, answer));
    expectInOrder(text, ['999', 'safe']);
    expect(text).not.toMatch(/glad you're safe/i);
  });
});

describe('a retraction to the gentle check-in hands over, as "not sure" does', () => {
  it.each(["ach forget i said anything, i'm fine", 'ignore me', 'never mind, doesnt matter'])('%j (pure)', (text) => {
    expect(checkInAnswer(text)).toBe('unsure');
  });
});
