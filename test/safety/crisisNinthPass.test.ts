import type { TestAdapter } from 'botbuilder';
import type { Recognizer } from '../../src/language/recognizer';
import { createRecognizer } from '../../src/language';
import { createLogger } from '../../src/logger';
import { readSafeNow } from '../../src/safety/safetyAnswers';
import { eventsOf } from '../support/turns';
import { realBot, textOf } from './safetyDialogHarness';
import { sayOnce, WEBCHAT } from './crisisDialogSupport';

/**
 * Crisis dialog, ninth pass (frames9), by class: "no, she's safe, she's at her dad's" to "are
 * they safe?" (a "no" that waves the worry away, with where the person is now) is a clear answer,
 * not asked again; then "how do I raise it with him" gets the how-to-talk-to-them answer. A "no"
 * about the person's own safety, or about someone else with nothing said of where they are, is
 * still asked again. Wordings written for this test.
 */

describe('"no" followed by safe words about someone else and where they are', () => {
  it.each([
    "no he's fine, he's at his nan's tonight",
    'nah she is safe, staying with her aunt',
    'no no they are ok, they are home with their mum',
  ])('"%s" is safe, about someone else', (answer) => {
    expect(readSafeNow(answer)).toMatchObject({ label: 'safe', about: 'other' });
  });

  it.each(['no im safe', 'no she is safe', 'no he is ok'])('"%s" with nothing of where they are is no clear answer', (answer) => {
    expect(readSafeNow(answer).label).not.toBe('safe');
  });
});

let recognizer: Recognizer;
beforeAll(async () => {
  recognizer = await createRecognizer({ logger: createLogger('silent') });
}, 120_000);

async function bot(): Promise<TestAdapter> {
  return (await realBot({}, WEBCHAT, recognizer)).adapter;
}

describe('through the real bot: someone else at risk, then safe where they are, then how to talk to them', () => {
  it.each([
    ['my brother texted that he wants to end his life', "no he's safe, he's at our mum's", 'how do i start that conversation with him'],
    ['my flatmate says she is going to kill herself', 'nah she is ok, staying with her girlfriend tonight', 'how should i raise it with her'],
  ])('%s', async (risk, answer, question) => {
    const adapter = await bot();
    expect(eventsOf(await sayOnce(adapter, risk))).toHaveLength(1);
    const settled = textOf(await sayOnce(adapter, answer));
    expect(settled).toMatch(/glad they're safe/i);
    expect(settled).not.toMatch(/safe right now\?/i);
    const replies = await sayOnce(adapter, question);
    expect(textOf(replies)).toMatch(/ask how they are|listen without judging/i);
    expect(eventsOf(replies)).toHaveLength(0);
  }, 120_000);

  it('"no" alone about someone else is still not safe', async () => {
    const adapter = await bot();
    await sayOnce(adapter, 'my brother texted that he wants to end his life');
    const text = textOf(await sayOnce(adapter, 'no'));
    expect(text).toMatch(/999/);
    expect(text).not.toMatch(/glad they're safe/i);
  });
});
