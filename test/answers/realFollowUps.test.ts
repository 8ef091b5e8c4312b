import { createTrainedLocalRecognizer } from '../../src/language';
import type { LocalRecognizer } from '../../src/language/localRecognizer';
import { loadKnowledgeBase } from '../../src/content/knowledgeBase';
import { answerOf } from './support';
import { allText, buttons, conversation } from '../conversation/support';

/**
 * Follow-ups and feelings with the real recogniser and the real knowledge base, typed the way
 * people type: each step must reach the answer of the question it depends on.
 */

const kb = loadKnowledgeBase();
let recognizer: LocalRecognizer;
beforeAll(async () => {
  recognizer = await createTrainedLocalRecognizer();
}, 60_000);


const SCRIPTS: { name: string; turns: [string, string][] }[] = [
  { name: 'is it free? after the NHS answer', turns: [['how do i get ipt on the nhs', 'NHS'], ['is it free?', answerOf('cost.nhs-free')]] },
  { name: 'how much does that cost? after private therapists', turns: [['how do i find a private ipt therapist', 'IPT UK'], ['how much does that cost?', answerOf('cost.private-price')]] },
  // "that" may be the therapy or the wait: either answer is a fair reading, never a fallback.
  { name: 'and how long does that take? after the NHS answer', turns: [['how do i get ipt on the nhs', 'NHS'], ['and how long does that take?', 'week']] },
  { name: 'tell me more about the grief one, after the four areas', turns: [['what are the focus areas', 'four'], ['tell me more about the grief one', 'Grief']] },
  { name: 'a loss, in their own words', turns: [['my dad died in march and i cant stop crying', "I'm so sorry"]] },
];

describe('follow-ups with the real knowledge base', () => {
  test.each(SCRIPTS.map((s) => [s.name, s] as const))('%s', async (_name, script) => {
    const convo = await conversation({ recognizer });
    for (const [say, expected] of script.turns) expect(allText(await convo.say(say))).toContain(expected);
  }, 60_000);
});

describe('where the person lives, with the real knowledge base', () => {
  test.each([
    ['i live in cardiff', 'In Wales, you usually start with your GP'],
    ['im in glasgow', 'In Scotland, you usually start with your GP'],
    ['I live in Belfast', 'In Northern Ireland, you usually start with your GP'],
  ])('"%s", then "can i refer myself?": the GP route, and no England-only follow-up', async (place, expected) => {
    const convo = await conversation({ recognizer });
    await convo.say(place);
    const replies = await convo.say('can i refer myself?');
    expect(allText(replies)).toContain(expected);
    expect(buttons(replies)).not.toContain('What happens after I refer myself?');
  }, 60_000);

  test('in England the same question offers what happens next', async () => {
    const convo = await conversation({ recognizer });
    await convo.say('i live in leeds');
    const replies = await convo.say('can i refer myself?');
    expect(allText(replies)).toMatch(/you do not need a GP/i);
    expect(buttons(replies)).toContain('What happens after I refer myself?');
  }, 60_000);
});

describe('the situation first, then the question (real recogniser and knowledge base)', () => {
  test.each([
    ['based in swansea - do i have to see a doctor before therapy?', 'In Wales, you usually start with your GP'],
    ['we live near dundee, is there any way to refer myself', 'In Scotland, you usually start with your GP'],
  ])('"%s": the place is context, the question is answered for that nation', async (say, expected) => {
    const convo = await conversation({ recognizer });
    expect(allText(await convo.say(say))).toContain(expected);
  }, 60_000);

  test('a parent asking for a teenager gets the under-18 answer, and the parent\'s own age is not changed', async () => {
    const convo = await conversation({ recognizer });
    const young = kb.questions.get('access.find-local-service')?.variants?.find((v) => v.when.ageGroup === 'under18')?.answer.split('.')[0] ?? 'missing';
    expect(allText(await convo.say('my daughter is 15, how do we find the local service?'))).toContain(young);
    expect(allText(await convo.say('how do i find my local service?'))).not.toContain(young);
  }, 60_000);
});

describe('questions about the guide itself (real recogniser and knowledge base)', () => {
  test.each([
    ['so how does this bot thing work', 'about-the-guide.how-it-works'],
    ['is this chatgpt or something', 'about-the-guide.how-it-works'],
    ['could you assess if ipt is right for me', 'about-the-guide.assess'],
    ['can you do an assessment for ipt', 'about-the-guide.assess'],
  ])('"%s" is about the guide, not about IPT', async (say, id) => {
    const convo = await conversation({ recognizer });
    expect(allText(await convo.say(say))).toContain(kb.questions.get(id)?.answer.split('.')[0] ?? 'missing');
  }, 60_000);

  test('asked to assess, the guide says it cannot and offers the check', async () => {
    const convo = await conversation({ recognizer });
    const replies = await convo.say('can you assess whether i should do ipt');
    expect(allText(replies)).toContain("I can't assess you");
    expect(buttons(replies)).toContain('Is IPT right for me?');
  }, 60_000);
});

describe('what people ask in their own way (real recogniser and knowledge base)', () => {
  test.each([
    // A formal or older voice gets its answer, not the check.
    ['I would be grateful if you could tell me whether the therapy may be had over the telephone.', 'format.phone'],
    ['Please could you tell me how long each appointment lasts?', 'format.session-length'],
    ['Might I ask whether my daughter may accompany me to the appointments?', 'format.partner-come'],
    ['I wonder whether it is offered free of charge on the National Health Service.', 'cost.nhs-free'],
    ['can i get it for free through my work', 'cost.eap'],
    // Who IPT is for, in general, is answered; only "am I suitable" starts the check.
    ['who is ipt meant for then', 'fit.who-for'],
    ['what kind of people does interpersonal therapy help', 'fit.who-for'],
  ])('"%s"', async (say, id) => {
    const convo = await conversation({ recognizer });
    expect(allText(await convo.say(say))).toContain(answerOf(id));
  }, 60_000);

  test('"what if I lived in Wales?" after an answer: that answer again, for Wales', async () => {
    const convo = await conversation({ recognizer });
    await convo.say('can i refer myself');
    expect(allText(await convo.say('what if i lived in wales'))).toContain('In Wales, you usually start with your GP');
  }, 60_000);

  test('two questions in one message: one answered, the other offered first and said so', async () => {
    const convo = await conversation({ recognizer });
    const replies = await convo.say('how much is it privately and can i have it by video');
    expect(allText(replies)).toContain(answerOf('cost.private-price'));
    const other = kb.questions.get('format.online')?.question ?? 'missing';
    expect(buttons(replies)[0]).toBe(other);
    expect(allText(replies)).toContain(`"${other}"`);
  }, 60_000);
});

describe('moving home (real recogniser and knowledge base)', () => {
  test('"I\'ve moved" with a question: the question is answered, and the old nation is forgotten', async () => {
    const convo = await conversation({ recognizer });
    await convo.say('im in glasgow');
    const replies = await convo.say("We've moved house. How do I give you my new phone number?");
    expect(allText(replies)).toContain(answerOf('clinic.change-details'));
    expect(allText(replies)).not.toContain('Which part of the UK');
    expect(allText(await convo.say('can i refer myself'))).not.toContain('In Scotland, you usually start with your GP');
  }, 60_000);

  test('"I\'ve moved" alone still asks where now', async () => {
    const convo = await conversation({ recognizer });
    await convo.say('im in glasgow');
    expect(allText(await convo.say('i have moved house'))).toContain('Which part of the UK');
  }, 60_000);
});
