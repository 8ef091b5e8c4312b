import type { TestAdapter } from 'botbuilder';
import type { Recognizer } from '../../src/language/recognizer';
import { createRecognizer } from '../../src/language';
import { createLogger } from '../../src/logger';
import { readSafeNow } from '../../src/safety/safetyAnswers';
import type { RiskAssessment } from '../../src/safety/types';
import { eventsOf } from '../support/turns';
import { realBot, textOf } from './safetyDialogHarness';
import { sayOnce, scriptedRisk, WEBCHAT } from './crisisDialogSupport';

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

async function bot(script: Parameters<typeof scriptedRisk>[0] = {}): Promise<TestAdapter> {
  const harness = await realBot({}, WEBCHAT, recognizer);
  harness.adapter.use(scriptedRisk(script));
  return harness.adapter;
}

/** What the statistical backstop alone returns: a possible concern, no rule behind it. */
const GUESS: Partial<RiskAssessment> = { category: 'suicide', severity: 'concern', matched: ['model:suicide'], possible: true };

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

describe('a statistical guess beside a practical question', () => {
  it.each([
    ['how do i refer myself, i am in sheffield', /Talking Therapies|refer yourself/i],
    ['how much does it cost to see someone privately?', /£|pay|cost|price/i],
  ])('"%s": the answer and one line on where help is, no check-in', async (question, answer) => {
    const adapter = await bot({ [question]: GUESS });
    const replies = await sayOnce(adapter, question);
    const text = textOf(replies);
    expect(text).toMatch(answer);
    expect(text).toMatch(/help now/i);
    expect(text).not.toMatch(/are you thinking of harming yourself/i);
    expect(eventsOf(replies)).toHaveLength(0);
  }, 120_000);

  it.each(['i cant see a way through this, would ipt even help me', 'nothing matters any more, is therapy any use'])(
    '"%s": whether IPT would help is no practical question, so the check-in stays',
    async (question) => {
      const adapter = await bot({ [question]: GUESS });
      const text = textOf(await sayOnce(adapter, question));
      expect(text).toMatch(/116 123/);
      expect(text).toMatch(/\?/);
    },
    120_000,
  );

  it('a rule-found risk beside the same question keeps its reply', async () => {
    const question = 'how do i refer myself, i am in sheffield';
    const adapter = await bot({ [question]: { ...GUESS, matched: ['suicide.word'] } });
    const replies = await sayOnce(adapter, question);
    expect(textOf(replies)).toMatch(/116 123/);
  }, 120_000);
});
