import { createTrainedLocalRecognizer } from '../../src/language';
import type { LocalRecognizer } from '../../src/language/localRecognizer';
import { loadKnowledgeBase, parseKnowledgeBase } from '../../src/content/knowledgeBase';
import { adultCounterpart, askedAspect, followOnQuestion, loadFollowOnWords, parseFollowOnWords } from '../../src/language/followOn';
import { answerOf } from './support';
import { allText, conversation } from '../conversation/support';

/**
 * Short follow-ups that only name an aspect of the last answer ("how long is that?", "and how
 * much?", "and for teenagers?") are read against the last question: the knowledge base's followOn
 * says what the aspect means after it. Unit tests for the word classes, then whole conversations
 * with the real recogniser and knowledge base.
 */

const kb = loadKnowledgeBase();
const words = loadFollowOnWords();

describe('which aspect a short follow-up asks', () => {
  test.each([
    ['duration', ['how long is that', 'and how long', 'how long roughly?', 'how many weeks is that', 'how long does it take then', 'and how long would it last']],
    ['cost', ['how much is that', 'is it free', "and what's the price", 'do i have to pay for it', 'how much does it cost tho', 'is that free too']],
    ['youngPeople', ['and for teenagers?', 'what about for kids', 'and for under 18s', 'is it the same for teens', 'what about young people']],
  ] as const)('%s', (aspect, messages) => {
    for (const message of messages) expect([message, askedAspect(message, words)]).toEqual([message, aspect]);
  });

  test('a message with anything besides an aspect and filler is not a bare follow-up', () => {
    for (const message of ['how long is a session with a private therapist', 'is it free to park at the clinic', 'how long have you been running', 'can teenagers refer themselves online']) {
      expect([message, askedAspect(message, words)]).toEqual([message, undefined]);
    }
  });

  test('a message naming two aspects, or none, asks neither', () => {
    expect(askedAspect('how long and how much', words)).toBeUndefined();
    expect(askedAspect('is that it', words)).toBeUndefined();
    expect(askedAspect('', words)).toBeUndefined();
  });

  test('a word may belong to one aspect only', () => {
    expect(() => parseFollowOnWords({ aspects: { duration: ['long'], cost: ['long'], youngPeople: ['teens'] }, fillers: [] })).toThrow('two aspects');
  });

  test('only a last question with a followOn for the aspect resolves it', () => {
    expect(followOnQuestion(kb, 'format.first-session', 'how long is that', words)).toBe('format.session-length');
    expect(followOnQuestion(kb, 'format.first-session', 'how much is that', words)).toBeUndefined();
    expect(followOnQuestion(kb, undefined, 'how long is that', words)).toBeUndefined();
  });
});

describe('the adult question behind a young-people answer', () => {
  test('is the first question whose young-people follow-on it is', () => {
    expect(adultCounterpart(kb, 'access.under-18')).toBe('access.get-ipt-nhs');
    expect(adultCounterpart(kb, 'access.get-ipt-nhs')).toBeUndefined();
  });
});

describe('followOn in the knowledge base', () => {
  const topic = (followOn: Record<string, string>) => ({
    topic: 'demo',
    title: 'Demo',
    questions: [
      {
        id: 'demo.one',
        question: 'One?',
        phrasings: ['a', 'b', 'c', 'd', 'e', 'f'],
        answer: 'One.',
        followOn,
        sources: ['test'],
        checked: '2026-12-07',
        review: 'test',
      },
    ],
  });

  test('names a known question, and only a known aspect', () => {
    expect(() => parseKnowledgeBase([{ file: 'demo.json', json: topic({ duration: 'demo.missing' }) }])).toThrow('followOn.duration names unknown question "demo.missing"');
    expect(() => parseKnowledgeBase([{ file: 'demo.json', json: topic({ colour: 'demo.one' }) }])).toThrow('followOn');
    expect(parseKnowledgeBase([{ file: 'demo.json', json: topic({ duration: 'demo.one' }) }]).questions.get('demo.one')?.followOn).toEqual({ duration: 'demo.one' });
  });
});

describe('follow-ups read against the last answer (real recogniser and knowledge base)', () => {
  let recognizer: LocalRecognizer;
  beforeAll(async () => {
    recognizer = await createTrainedLocalRecognizer();
  }, 60_000);

  const lasts = answerOf('format.how-many-weeks');

  test.each([
    ['what happens at the first appointment', 'how long is that?', answerOf('format.session-length')],
    ['what is a normal ipt session like', 'and how long does it last', answerOf('format.session-length')],
    ['is there a waiting list for ipt', 'how long roughly', '18 weeks'],
    ['what happens once i have referred myself', 'how long does that take', '18 weeks'],
    ['how do i refer myself', 'and for teenagers?', answerOf('access.under-18')],
    ['can my doctor refer me for ipt', 'is that free?', answerOf('cost.nhs-free')],
    ['where can i find a private ipt therapist', 'is it free though', answerOf('cost.private-price')],
  ])('"%s", then "%s"', async (first, then, expected) => {
    const convo = await conversation({ recognizer });
    await convo.say(first);
    const text = allText(await convo.say(then));
    expect(text).toContain(expected);
    if (!expected.startsWith(lasts)) expect(text).not.toContain(lasts);
  }, 60_000);

  test('a full question after the waiting list is still matched on its own words', async () => {
    const convo = await conversation({ recognizer });
    await convo.say('is there a waiting list for ipt');
    expect(allText(await convo.say('how long is each session'))).toContain(answerOf('format.session-length'));
  }, 60_000);

  test('"what about in Wales?" after the waiting list gives the wait for Wales', async () => {
    const convo = await conversation({ recognizer });
    await convo.say('is there a waiting list for ipt');
    const text = allText(await convo.say('what about in wales?'));
    expect(text).toContain('In Wales, waits for talking therapy differ');
    expect(text).not.toContain('18 weeks');
  }, 60_000);

  test.each([
    ["i'm 15, can i get ipt", 'sorry, im actually 52'],
    ['how can a 14 year old get therapy', 'no, I typed it wrong, I am 41'],
  ])('"%s", then an adult age: the answer for adults, not the one for young people', async (first, correction) => {
    const convo = await conversation({ recognizer });
    expect(allText(await convo.say(first))).toContain(answerOf('access.under-18'));
    const text = allText(await convo.say(correction));
    expect(text).toContain('noted your age');
    expect(text).toContain(answerOf('access.get-ipt-nhs'));
    expect(text).not.toContain(answerOf('access.under-18'));
  }, 60_000);
});
