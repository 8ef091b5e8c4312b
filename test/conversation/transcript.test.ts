import { randomUUID } from 'node:crypto';
import { buildApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { LINKS } from '../../src/content/links';
import { ConnectorStub, type ReceivedActivity } from '../support/connectorStub';
import { postJson } from '../support/httpClient';
import { cardProblems } from '../content/validateCard';
import type { AdaptiveCard } from '../../src/content/cards';

/**
 * A realistic 15-turn conversation through POST /api/messages over real HTTP, with the real
 * recogniser, safety gate and dialogs. The bot's replies go to a loopback Bot Connector stub (the
 * serviceUrl), and every reply's content is checked: welcome -> questions -> the suitability
 * check -> how to get IPT -> goodbye.
 */

let app: App;
let stub: ConnectorStub;
let baseUrl: string;
let serviceUrl: string;
const conversationId = `transcript-${randomUUID()}`;
let turn = 0;

beforeAll(async () => {
  stub = new ConnectorStub();
  serviceUrl = await stub.start();
  app = await buildApp(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0' }), createLogger('silent'));
  await app.server.listen();
  await app.ready;
  baseUrl = app.server.baseUrl();
  // Training the local recogniser takes seconds, more on a busy machine: no timing assertion here.
}, 120_000);

afterAll(async () => {
  await app?.server.shutdown();
  await stub?.stop();
});

const base = () => ({
  channelId: 'emulator',
  serviceUrl,
  from: { id: 'user-42', name: 'Sam', role: 'user' },
  recipient: { id: 'ipt-bot', name: 'IPT guide', role: 'bot' },
  conversation: { id: conversationId },
  locale: 'en-GB',
  timestamp: new Date().toISOString(),
});

interface Turn {
  messages: ReceivedActivity[];
  traces: ReceivedActivity[];
  text: string;
  buttons: string[];
  cards: AdaptiveCard[];
}

/** Posts one activity; when the POST returns, the turn's replies have all reached the stub. */
async function post(activity: Record<string, unknown>): Promise<Turn> {
  const id = `user-activity-${++turn}`;
  const before = stub.requests.length;
  const response = await postJson(`${baseUrl}/api/messages`, { ...base(), id, ...activity });
  expect(response.status).toBe(200);
  const requests = stub.requests.slice(before);
  // Every reply goes to /v3/conversations/{id}/activities/{replyToId} for this activity.
  for (const request of requests) {
    expect(request.path).toBe(`/v3/conversations/${encodeURIComponent(conversationId)}/activities/${id}`);
    expect(request.activity.replyToId).toBe(id);
  }
  const replies = requests.map((request) => request.activity);
  const messages = replies.filter((reply) => reply.type === 'message');
  const last = messages[messages.length - 1];
  return {
    messages,
    traces: replies.filter((reply) => reply.type === 'trace'),
    text: messages.map((message) => message.text ?? '').join('\n'),
    buttons: (last?.suggestedActions?.actions ?? []).map((action) => String(action.title)),
    cards: messages.flatMap((message) => (message.attachments ?? []).map((attachment) => attachment.content as AdaptiveCard)),
  };
}

const say = (text: string) => post({ type: 'message', text });

function intentOf(t: Turn): string | undefined {
  const trace = t.traces.find((activity) => activity.name === 'IntentRecognizer');
  return (trace?.value as { intent?: string } | undefined)?.intent;
}

function cardLines(card: AdaptiveCard): string {
  return JSON.stringify(card.body);
}

test('welcome -> questions -> suitability check -> access -> goodbye', async () => {
  // 1. The person opens the chat.
  const welcome = await post({ type: 'conversationUpdate', membersAdded: [{ id: 'ipt-bot' }, { id: 'user-42' }] });
  expect(welcome.text).toContain("I'm the IPT guide");
  expect(welcome.text).toContain("I'm not an emergency service");
  expect(welcome.text).toContain('116 123');
  expect(welcome.text).toContain('Privacy: we store these chats');
  expect(welcome.buttons).toEqual(['What is IPT?', 'Is it right for me?', 'What happens in IPT?', 'Get it on the NHS', 'Find a private therapist']);

  // 2. A greeting.
  const hello = await say('hiya');
  expect(intentOf(hello)).toBe('Greeting');
  expect(hello.text).toContain("I'm here to help you learn about IPT");

  // 3. What is it?
  const about = await say('is it like counselling');
  expect(intentOf(about)).toBe('AboutIpt');
  expect(about.text).toContain('Both are talking therapies');
  expect(about.buttons.length).toBeGreaterThanOrEqual(1);

  // 4. How long does it take? (with the phases card)
  const typed = await say('12 weeks?? thats it');
  expect(intentOf(typed)).toBe('WhatToExpect');
  expect(typed.text).toMatch(/week/);
  const expect12 = await say('What happens in IPT?');
  expect(expect12.text).toContain('12 to 16 weekly sessions');
  expect(expect12.cards).toHaveLength(1);
  expect(cardLines(expect12.cards[0])).toContain('Sessions 13 to 16');
  expect(cardProblems(expect12.cards[0])).toEqual([]);

  // 5. The four areas, via the button the last answer offered.
  const areas = await say('The four focus areas');
  expect(areas.text).toContain('There are four');
  expect(areas.buttons).toEqual(['Grief', 'Role disputes', 'Life changes', 'Loneliness']);
  expect(cardProblems(areas.cards[0])).toEqual([]);

  // 6. One area on its own.
  const disputes = await say('Role disputes');
  expect(disputes.text).toContain('Role disputes are one of the four focus areas');

  // 7. Does it work?
  const evidence = await say('is it better than CBT');
  expect(intentOf(evidence)).toBe('Evidence');
  expect(evidence.text).toContain('NICE');
  expect(evidence.text).toContain('CBT has been studied more');

  // 8. The check starts.
  const check = await say('is ipt right for me');
  expect(intentOf(check)).toBe('SuitabilityCheck');
  expect(check.text).toContain('not a test or a diagnosis');
  expect(check.text).toContain('What is troubling you most right now?');
  expect(check.buttons).toContain('Skip');

  // 9-11. Answers in free text. Two focus areas already say people and a change are part of it,
  // so "are other people, or a change in your life, part of how you feel?" is not asked.
  // What is troubling them, typed, is said back with IPT's names for it, so a wrong reading can be put right.
  expect((await say('we keep arguing after having a baby')).text).toBe(
    "Thanks. I've noted the clash with someone and the change in your life. IPT has focus areas for these, called role disputes and life changes.\n\nHow long have you felt like this?",
  );
  expect((await say("it's been a few months")).text).toBe('How old are you? This helps me point you to the right service.');
  expect((await say("I'm 29")).text).toBe('Where in the UK do you live? Services work a bit differently in each nation.');

  // 12. The summary.
  const summary = await say('England');
  expect(summary.cards).toHaveLength(1);
  expect(cardProblems(summary.cards[0])).toEqual([]);
  const lines = cardLines(summary.cards[0]);
  expect(lines).toContain('Role disputes');
  expect(lines).toContain('Life changes');
  expect(lines).toContain('IPT may suit you');
  expect(lines).toContain('Refer yourself to NHS Talking Therapies online');
  expect(summary.cards[0].actions?.map((action) => action.url)).toEqual([LINKS.nhsTalkingTherapiesFinder, LINKS.iptUk]);
  expect(summary.text).toContain('What is troubling me: clashing with someone important to me and a big change in my life.');
  expect(summary.text).toContain('I have felt like this for a few months.');
  expect(summary.buttons).toEqual(['Get it on the NHS', 'Find a private therapist', 'What happens in IPT?']);

  // 13. Access on the NHS: uses the nation the person gave.
  const nhs = await say('Get it on the NHS');
  expect(nhs.text).toContain('You said you live in England');
  expect(nhs.text).toContain("You don't need to see a GP first");
  expect(nhs.cards[0].actions?.[0]).toEqual({ type: 'Action.OpenUrl', title: 'Find a service', url: LINKS.nhsTalkingTherapiesFinder });

  // 14. Goodbye.
  const bye = await say('thanks, bye');
  expect(intentOf(bye)).toBe('Goodbye');
  expect(bye.text).toContain('Thanks for chatting');
  expect(bye.text).toContain('116 123');

  expect(turn).toBe(15);
});
