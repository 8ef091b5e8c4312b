import { join } from 'node:path';
import { loadKnowledgeBaseFrom } from '../../src/content/knowledgeBase';
import { createQuestionAnswerer } from '../../src/language/questionAnswerer';
import { allText, buttons, conversation, NOT_UNDERSTOOD, texts } from '../conversation/support';

/**
 * Multi-turn conversations through the real MainDialog (TestAdapter, real middleware), answering
 * from a small fixture knowledge base (test/fixtures/knowledge-base) with the real matcher. The
 * intents come from the phrase recogniser (anything it does not know is None), so what is tested
 * here is the question matcher, context and follow-ups.
 */

const kb = loadKnowledgeBaseFrom(join(__dirname, '..', 'fixtures', 'knowledge-base'));
const answerer = createQuestionAnswerer({ kb });

async function chat() {
  return conversation({ answerer });
}

describe('answers from the knowledge base', () => {
  test('a question gets its answer and its follow-ups as buttons; a button asks that question', async () => {
    const convo = await chat();
    const replies = await convo.say('do i have to pay for therapy on the nhs');
    expect(allText(replies)).toContain('IPT on the NHS is free');
    expect(buttons(replies)).toEqual(['How much does private IPT cost?', 'How long is the wait?']);
    expect(allText(await convo.say('How long is the wait?'))).toContain('Waits differ by area');
  });

  test('"is it free?" after the waiting answer is the NHS cost question', async () => {
    const convo = await chat();
    await convo.say('how long is the waiting list');
    expect(allText(await convo.say('is it free?'))).toContain('IPT on the NHS is free');
  });

  test('feelings first: a loss gets warmth, not "I didn\'t understand"', async () => {
    const convo = await chat();
    const text = allText(await convo.say('my dad died in march and i cant stop crying'));
    expect(text).toContain("I'm so sorry");
    expect(text).not.toMatch(NOT_UNDERSTOOD);
  });
});

describe('context from free text', () => {
  test.each([
    ["I'm in Glasgow", "noted that you're in Glasgow, so I'll give you the routes for Scotland", 'In Scotland, talking therapies'],
    ['i live in cardiff', "noted that you're in Cardiff, so I'll give you the routes for Wales", 'In Wales, talking therapies'],
    ['im in belfast', "noted that you're in Belfast, so I'll give you the routes for Northern Ireland", 'In Northern Ireland, talking therapies'],
    ['my postcode is EH1', 'routes for Scotland', 'In Scotland, talking therapies'],
  ])('"%s" sets the nation, says so, and answers the last question again for it', async (say, understood, answer) => {
    const convo = await chat();
    expect(allText(await convo.say('can i refer myself'))).toContain('In England you can refer yourself');
    const replies = await convo.say(say);
    expect(texts(replies)[0]).toContain(understood);
    expect(allText(replies)).toContain(answer);
    expect(allText(replies)).not.toMatch(/you do not need a GP/i);
  });

  test('"what about in Wales?" answers the last question for Wales', async () => {
    const convo = await chat();
    await convo.say('do i need a gp');
    expect(allText(await convo.say('what about in wales?'))).toContain('In Wales, talking therapies');
  });

  test('"what about in Scotland, ..." with a question of its own answers that question for Scotland, not the last one', async () => {
    const convo = await chat();
    await convo.say('how long is each session');
    const replies = allText(await convo.say('what about scotland, do you have to pay for it there'));
    expect(replies).toContain("you're in Scotland");
    expect(replies).toMatch(/free/i);
    expect(replies).not.toMatch(/50 minutes/);
  });

  test('a place before any question: says what it understood; later answers use it', async () => {
    const convo = await chat();
    expect(allText(await convo.say('I live in Scotland'))).toContain("noted that you're in Scotland");
    expect(allText(await convo.say('Can I refer myself?'))).toContain('In Scotland');
  });

  test('a place with a question: says what it understood and answers for that nation', async () => {
    const convo = await chat();
    const replies = await convo.say("I'm in Glasgow, can I refer myself?");
    expect(texts(replies)[0]).toContain("noted that you're in Glasgow");
    expect(allText(replies)).toContain('In Scotland');
  });

  test('corrections: "I\'ve moved" asks where; the answer updates the nation', async () => {
    const convo = await chat();
    await convo.say("I'm in Glasgow");
    const asked = await convo.say("I've moved");
    expect(allText(asked)).toContain('Which part of the UK do you live in now?');
    expect(buttons(asked)).toEqual(['England', 'Wales', 'Scotland', 'Northern Ireland']);
    expect(allText(await convo.say('Wales'))).toContain("noted that you're in Wales");
    expect(allText(await convo.say('can i refer myself'))).toContain('In Wales');
  });

  test('"I\'ve moved to Bristol" sets England at once', async () => {
    const convo = await chat();
    await convo.say("I'm in Glasgow");
    expect(allText(await convo.say("I've moved to Bristol"))).toContain('routes for England');
    expect(allText(await convo.say('can i refer myself'))).toContain('In England you can refer yourself');
  });

  test('age: "im 16" gives the under-18 answer; "I\'m 18 now" corrects it', async () => {
    const convo = await chat();
    expect(allText(await convo.say('im 16'))).toContain('help for under-18s');
    expect(allText(await convo.say('can i refer myself'))).toContain('Under 18?');
    const corrected = await convo.say("I'm 18 now");
    expect(allText(corrected)).toContain("noted your age");
    expect(allText(corrected)).toContain('In England you can refer yourself');
  });

  test('context is per conversation: a new conversation does not know the nation', async () => {
    const convo = await chat();
    await convo.say("I'm in Glasgow");
    const other = await convo.say({
      type: 'message',
      text: 'can i refer myself',
      conversation: { id: 'another', isGroup: false, conversationType: 'personal', name: '' },
      from: { id: 'user1', name: 'User' },
      channelId: 'emulator',
      recipient: { id: 'bot', name: 'Bot' },
    });
    expect(allText(other)).toContain('In England you can refer yourself');
  });
});

describe("every nation's urgent routes in an answer ({{routes}})", () => {
  test.each([
    ['I live in England', ['call 999', 'call NHS 111', 'Samaritans on 116 123', 'text SHOUT to 85258'], ['Lifeline']],
    ['I live in Wales', ['call 999', 'call NHS 111 Wales', 'Samaritans on 116 123'], ['Lifeline']],
    ['I live in Scotland', ['call 999', 'NHS 24 on 111', 'Samaritans on 116 123'], ['Lifeline']],
    ['I live in Northern Ireland', ['call 999', 'Lifeline on 0808 808 8000', 'Samaritans on 116 123'], ['NHS 111']],
  ])('%s', async (where, present, absent) => {
    const convo = await chat();
    await convo.say(where);
    const text = allText(await convo.say('how long is the waiting list'));
    for (const part of present) expect(text).toContain(part);
    for (const part of absent) expect(text).not.toContain(part);
    expect(text).not.toContain('{{');
  });
});
