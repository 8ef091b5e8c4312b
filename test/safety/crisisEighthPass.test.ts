import type { TestAdapter } from 'botbuilder';
import type { Recognizer } from '../../src/language/recognizer';
import { createRecognizer } from '../../src/language';
import { createLogger } from '../../src/logger';
import type { UserProfile } from '../../src/profile';
import { shortAnswer } from '../../src/content/shortAnswer';
import { readSafeNow } from '../../src/safety/safetyAnswers';
import { extractNation } from '../../src/language/entities';
import { eventsOf } from '../support/turns';
import { expectInOrder, realBot, textOf } from './safetyDialogHarness';
import { ASKS_AGAIN, sayOnce, scriptedRisk, suggested, WEBCHAT, wordCount } from './crisisDialogSupport';

/**
 * Crisis dialog, eighth pass, by class, through the real bot (real gate, detector, recogniser and
 * answerer): a question about IPT or the service while "are you safe?" is open; the person's
 * nation's own lines in the replies after the first; 999 first when a route is asked for.
 */

let recognizer: Recognizer;
beforeAll(async () => {
  recognizer = await createRecognizer({ logger: createLogger('silent') });
}, 120_000);

async function bot(profile: UserProfile = {}, script: Parameters<typeof scriptedRisk>[0] = {}): Promise<TestAdapter> {
  const harness = await realBot(profile, WEBCHAT, recognizer);
  harness.adapter.use(scriptedRisk(script));
  return harness.adapter;
}

/** The check's first question and the knowledge base's follow-up buttons: neither belongs in a crisis turn. */
const QUIZ = /how old are you|which part of the uk|where do you live|what is troubling you/i;

describe('a question about IPT or the service while "are you safe?" is open', () => {
  it.each<[string, RegExp]>([
    ['how long is the wait', /wait/i],
    ['is ipt free on the nhs?', /free/i],
    ['how many sessions is it', /12 to 16|sessions/i],
    ['ok thanks, and is there therapy for me, im so stressed', /IPT may suit you/],
    ['would ipt even work for someone like me?', /IPT may suit you/],
    ['whats ipt anyway', /Interpersonal/],
  ])('"%s": 999 first, a short answer, then the question again', async (question, answer) => {
    const adapter = await bot({ nation: 'england' });
    expect(eventsOf(await sayOnce(adapter, 'i want to end my life'))).toHaveLength(1);
    const replies = await sayOnce(adapter, question);
    const text = textOf(replies);
    expect(text).toMatch(answer);
    expectInOrder(text, ['999', 'About your question', 'safe right now?']);
    expect(text).not.toMatch(QUIZ);
    expect(text).not.toMatch(/glad you're safe|goodbye|didn.t understand|did you mean/i);
    expect(eventsOf(replies)).toHaveLength(0);
    // Short: the holding line, the gist of the answer, their nation's line, the question.
    expect(wordCount(text)).toBeLessThan(90);
    expect(suggested(replies)).toContain("Yes, I'm safe");
  });

  it('after "no", and about someone else: the answer, and 999 still first', async () => {
    const adapter = await bot({}, { 'BROTHER MESSAGE': { category: 'suicide', who: 'adult' } });
    await sayOnce(adapter, 'BROTHER MESSAGE');
    await sayOnce(adapter, 'no');
    const text = textOf(await sayOnce(adapter, 'how long is the wait for ipt'));
    expectInOrder(text, ['999', 'About your question', 'wait', 'they safe right now?']);
  });

  it.each(['what do you mean', 'why are you asking', 'what should i do', 'can you help me'])(
    '"%s" is about this conversation, not IPT: the holding reply with no answer from the knowledge base',
    async (text) => {
      const adapter = await bot({ nation: 'england' });
      await sayOnce(adapter, 'i want to kill myself');
      const reply = textOf(await sayOnce(adapter, text));
      expect(reply).not.toContain('About your question');
      expect(reply).toMatch(/999/);
      expect(reply).toMatch(ASKS_AGAIN);
    },
  );

  it('"yes im safe, how long is the wait?": glad they are safe, the answer, then what next', async () => {
    const adapter = await bot({ nation: 'england' });
    await sayOnce(adapter, 'i want to end my life');
    const text = textOf(await sayOnce(adapter, "yes i'm safe, my partner is with me. how long is the wait?"));
    expectInOrder(text, ["glad you're safe", 'About your question', 'wait', 'safety plan']);
  });
});

describe('"help" or "safe" said about therapy answers nothing about safety', () => {
  it.each(['could ipt help her', 'would it help me?', 'is ipt safe for teenagers', 'could therapy help my brother', 'can it help with anger'])('"%s" is no answer', (text) => {
    expect(readSafeNow(text).label).toBe('unknown');
  });
  it.each<[string, string]>([
    ['no, could ipt help me', 'notSafe'],
    ['help', 'notSafe'],
    ['please help her', 'notSafe'],
    ["yes i'm safe. could ipt help me?", 'safe'],
  ])('"%s" still reads as %s', (text, label) => {
    expect(readSafeNow(text).label).toBe(label);
  });

  it('through the bot, about someone else: the answer, 999 first, never "call 999 now" for a question', async () => {
    const adapter = await bot({}, { 'SISTER MESSAGE': { category: 'suicide', who: 'adult' } });
    await sayOnce(adapter, 'SISTER MESSAGE');
    const text = textOf(await sayOnce(adapter, 'could ipt help her'));
    expectInOrder(text, ['999', 'About your question', 'IPT', 'safe right now?']);
    expect(text).not.toMatch(/Please call 999 now/);
    expect(text).not.toMatch(/sorry for your loss/i);
  });
});

describe('"I\'m safe, I just feel like a burden" as a first message', () => {
  it.each(['not in danger or anything, im safe, i just feel like a burden lately', "i'm safe, i'd never do anything, but i feel like a burden to everyone"])(
    '"%s": the gentle question and the lines, without a crisis banner',
    async (text) => {
      const adapter = await bot({ nation: 'england' });
      const replies = await sayOnce(adapter, text);
      expect(eventsOf(replies)).toHaveLength(0);
      expect(textOf(replies)).toMatch(/999/);
      expect(textOf(replies)).toMatch(/\?/);
    },
  );

  it.each(['mostly to my partner, shes carrying everything since i lost my job', 'my kids mainly, i cant do the things i used to'])(
    'telling more in place of yes or no ("%s"): thanks for it, where help is, never "you don\'t have to answer"',
    async (more) => {
      const adapter = await bot({ nation: 'england' });
      await sayOnce(adapter, 'not in danger or anything, im safe, i just feel like a burden lately');
      const text = textOf(await sayOnce(adapter, more));
      expect(text).toMatch(/^Thank you for telling me more/);
      expect(text).not.toMatch(/don't have to answer/);
      expectInOrder(text, ['999', '116 123']);
    },
  );
});

describe("the person's nation stays in the replies after the first", () => {
  it.each<[string, UserProfile, string[], string[]]>([
    ['Northern Ireland', { nation: 'northern_ireland' }, ['no', 'ok', 'dunno'], ['0808 808 8000']],
    ['Scotland', { nation: 'scotland' }, ['not sure', 'k'], ['NHS 24', '0800 83 85 87']],
    ['Wales', { nation: 'wales' }, ['no', 'fine whatever'], ['NHS 111 Wales', 'Press 2']],
    ['England', { nation: 'england' }, ['idk', 'no'], ['NHS 111', 'mental health option']],
  ])('%s: every holding reply, 999 first', async (_name, profile, answers, lines) => {
    const adapter = await bot(profile);
    await sayOnce(adapter, 'i want to end it all tonight');
    for (const answer of answers) {
      const text = textOf(await sayOnce(adapter, answer));
      expectInOrder(text, ['999', ...lines]);
      expect(text).not.toMatch(/glad you're safe/i);
      // Asked three times in words, it stops asking and stays.
      expect(text).toMatch(/safe right now\?|I won't keep asking/);
    }
  });

  it('under 18 in Wales: 999, their nation\'s line and Childline after "no"', async () => {
    const adapter = await bot({ nation: 'wales', ageGroup: 'under_18' });
    await sayOnce(adapter, 'i want to kill myself');
    expectInOrder(textOf(await sayOnce(adapter, 'no')), ['999', 'NHS 111 Wales', 'Childline', '0800 1111']);
  });

  it('nation unknown: the urgent NHS lines after "no" or "not sure", not after every "ok"', async () => {
    const adapter = await bot();
    await sayOnce(adapter, 'i want to kill myself');
    expectInOrder(textOf(await sayOnce(adapter, 'not sure')), ['999', 'NHS 111', 'Lifeline']);
    expect(textOf(await sayOnce(adapter, 'ok'))).not.toMatch(/NHS 111|Lifeline/);
  });

  it('a physical emergency keeps to 999 alone', async () => {
    const adapter = await bot({ nation: 'scotland' });
    await sayOnce(adapter, 'i have taken 40 paracetamol');
    expect(textOf(await sayOnce(adapter, 'no'))).not.toMatch(/NHS 24|Breathing Space/);
  });
});

describe('a place typed as a fragment of its own', () => {
  it.each<[string, string | undefined]>([
    ['farm. powys. on my own', 'wales'],
    ['on my own now. fermanagh', 'northern_ireland'],
    ['shetland, lost my job', 'scotland'],
    ['i love reading. books help', undefined],
  ])('"%s" -> %s', (text, nation) => {
    expect(extractNation(text)?.nation).toBe(nation);
  });

  it('through the bot: the Welsh line in the first reply and after "no"', async () => {
    const adapter = await bot();
    await sayOnce(adapter, 'farm. powys. on my own');
    expectInOrder(textOf(await sayOnce(adapter, 'whats the point anymore. better off gone')), ['999', 'NHS 111 Wales', 'Press 2']);
    expectInOrder(textOf(await sayOnce(adapter, 'no')), ['999', 'NHS 111 Wales']);
  });
});

describe('a route asked for while their safety is not known', () => {
  it.each(['is it free', 'whats the text one again', 'whats the samaritans number'])('"%s": 999 first, then the route', async (text) => {
    const adapter = await bot({ nation: 'england' });
    await sayOnce(adapter, 'i want to end my life');
    const reply = textOf(await sayOnce(adapter, text));
    expectInOrder(reply, ['999', text.includes('text') ? '85258' : '116 123', 'safe right now?']);
  });
});

describe('an older person harmed: "who else can I tell"', () => {
  it.each(['who else can i tell', 'more places to get help'])('"%s" names the council\'s adult social care team too', async (text) => {
    const adapter = await bot({ nation: 'england' });
    await sayOnce(adapter, "my elderly mum's carer has been taking money from her purse");
    expect(textOf(await sayOnce(adapter, text))).toMatch(/adult social care/);
  });
});

describe('shortAnswer (pure)', () => {
  const answer = 'Most services have a wait. Your local service can tell you how long it is now. If you need help fast, call 999. Tell your GP if things get worse while you wait.';
  it('keeps whole sentences up to the limit, always the first', () => {
    expect(shortAnswer(answer, { maxWords: 5 })).toBe('Most services have a wait.');
    expect(shortAnswer(answer, { maxWords: 16 })).toBe('Most services have a wait. Your local service can tell you how long it is now.');
  });
  it('leaves out a sentence that repeats a number printed beside it', () => {
    expect(shortAnswer(answer, { maxWords: 60, avoidNumbers: ['999'] })).not.toContain('999');
    expect(shortAnswer(answer, { maxWords: 60, avoidNumbers: ['999'] })).toContain('Tell your GP');
  });
});

describe('a "no" said together with safe words', () => {
  it.each(["no im safe, just tired", 'nah im fine honestly', 'no no im ok'])(
    '"%s" is asked again with 999 kept, never read as danger now nor as safe',
    async (answer) => {
      const adapter = await bot({ nation: 'england' });
      await sayOnce(adapter, 'i want to end my life');
      const text = textOf(await sayOnce(adapter, answer));
      expect(text).toMatch(ASKS_AGAIN);
      expect(text).toMatch(/999/);
      expect(text).not.toMatch(/please call 999 now|glad you're safe|good to hear/i);
    },
  );

  it('"no, I\'m not going to do anything" agrees with the denial: read as safe', async () => {
    const adapter = await bot({ nation: 'england' });
    await sayOnce(adapter, 'i want to end my life');
    const text = textOf(await sayOnce(adapter, "no, I'm not going to do anything"));
    expect(text).not.toMatch(/please call 999 now/i);
    expect(text).not.toMatch(ASKS_AGAIN);
  });
});

describe('helping someone else: asking what to say', () => {
  it('"what do i say to him" while "are they safe?" is open gets how to talk to them, 999 first, then the question again', async () => {
    const adapter = await bot({}, { 'FRIEND MESSAGE': { category: 'suicide', who: 'adult' } });
    await sayOnce(adapter, 'FRIEND MESSAGE');
    const text = textOf(await sayOnce(adapter, 'what do i say to him'));
    expectInOrder(text, ['999', 'listen without judging', 'safe right now?']);
    expect(text).not.toMatch(QUIZ);
  });
});
