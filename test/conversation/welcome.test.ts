import type { Activity } from 'botbuilder';
import { welcomeActivities, welcomeActivity } from '../../dialogs/welcome';
import { createBotHarness } from '../support/botHarness';
import { say } from '../support/turns';
import { CLINIC_ENV, PhraseRecognizer } from './support';

/**
 * The welcome: who the bot is, what it can do, that it is not an emergency service and how to get
 * urgent help, the privacy line with a link, and the main topics. Web Chat and the Emulator welcome
 * on conversationUpdate; Teams on install.
 */

async function harness(env: Record<string, string> = {}, channelId = 'webchat') {
  const h = createBotHarness(env, { recognizer: new PhraseRecognizer() }, { channelId, locale: 'en-GB' });
  await h.ready;
  return h;
}

/** The messages a person sees after this activity. */
async function send(h: Awaited<ReturnType<typeof harness>>, activity: Partial<Activity>): Promise<Partial<Activity>[]> {
  return (await say(h.adapter, activity)).filter((reply) => reply.type === 'message');
}

const conversationUpdate = (channelId: string, ids: string[]): Partial<Activity> => ({
  type: 'conversationUpdate',
  channelId,
  conversation: { id: 'c1', isGroup: false, conversationType: 'personal', name: '' },
  from: { id: 'user1', name: 'User' },
  recipient: { id: 'bot', name: 'Bot' },
  membersAdded: ids.map((id) => ({ id, name: id })),
  locale: 'en-GB',
});

function expectWelcome(text: string, privacyUrl: string): void {
  expect(text).toContain("I'm the IPT guide");
  expect(text).toContain('Interpersonal Psychotherapy (IPT)');
  expect(text).toContain('how to get it in the UK');
  expect(text).toContain("I'm not an emergency service");
  expect(text).toContain('call 999');
  expect(text).toContain('NHS 111');
  expect(text).toContain('Samaritans free on 116 123');
  expect(text).toMatch(/Privacy: we store these chats, and staff at .+ may read them\./);
  expect(text).toContain(privacyUrl);
}

describe('welcome', () => {
  test('Web Chat: when the person joins, with the default privacy link', async () => {
    const h = await harness();
    const replies = await send(h, conversationUpdate('webchat', ['bot', 'user1']));
    expect(replies.length).toBeGreaterThan(0);
    const text = replies.map((reply) => reply.text).join('\n');
    expectWelcome(text, '/privacy');
    // Absolute, so it opens in Teams and any other host: the service's own privacy page.
    expect(text).toContain('(http://127.0.0.1:3978/privacy)');
    expect(text).toContain('staff at the clinic');
    const last = replies[replies.length - 1];
    expect(last.suggestedActions?.actions.map((action) => action.title)).toEqual([
      'What is IPT?',
      'Is it right for me?',
      'What happens in IPT?',
      'Get it on the NHS',
      'Find a private therapist',
    ]);
  });

  test('with a configured privacy page and clinic name', async () => {
    const h = await harness(CLINIC_ENV);
    const replies = await send(h, conversationUpdate('webchat', ['user1']));
    const text = replies.map((reply) => reply.text).join('\n');
    expectWelcome(text, 'https://riverside.example/privacy');
    expect(text).toContain('staff at Riverside Clinic');
  });

  test('not when only the bot joins', async () => {
    const h = await harness();
    expect(await send(h, conversationUpdate('webchat', ['bot']))).toHaveLength(0);
  });

  test('Teams: on install, not on conversationUpdate', async () => {
    const h = await harness({}, 'msteams');
    expect(await send(h, conversationUpdate('msteams', ['user1']))).toHaveLength(0);
    const installed = await send(h, {
      type: 'installationUpdate',
      action: 'add',
      channelId: 'msteams',
      conversation: { id: 'c1', isGroup: false, conversationType: 'personal', name: '' },
      from: { id: 'user1', name: 'User' },
      recipient: { id: 'bot', name: 'Bot' },
      locale: 'en-GB',
    });
    expect(installed.length).toBeGreaterThan(0);
    // Teams has its own privacy line (privacy at work, with a button: test/teams/teamsBot.test.ts).
    const text = installed.map((reply) => reply.text).join('\n');
    expect(text).toContain("I'm the IPT guide");
    expect(text).toContain('Samaritans free on 116 123');
    expect(text).toContain("Privacy at work: your manager and colleagues can't see this chat.");
    expect(text).not.toContain('/privacy');
  });

  test('locale fallback: French gets the English welcome', () => {
    const text = welcomeActivity('fr-FR', { name: 'the clinic' }).text ?? '';
    expectWelcome(text, '/privacy');
  });

  test('the parts: intro, urgent help, privacy, then the topics', () => {
    const parts = welcomeActivities('en-GB', { name: 'the clinic', privacyUrl: 'https://x.example/p' });
    expect(parts).toHaveLength(4);
    expect(parts[1].text).toContain('999');
    expect(parts[2].text).toMatch(/^Privacy: /);
    expect(parts[2].text?.split('\n')).toHaveLength(1);
    expect(parts[3].suggestedActions?.actions).toHaveLength(5);
  });
});

describe('the welcome fits a nation we were asked to remember', () => {
  test.each([
    ['northern_ireland', 'Lifeline free on 0808 808 8000', 'NHS 111'],
    ['scotland', 'NHS 24 on 111', 'Lifeline'],
    ['wales', 'press 2', 'Lifeline'],
    ['england', 'choose the mental health option', 'Lifeline'],
  ] as const)('%s', (nation, present, absent) => {
    const text = welcomeActivity('en-GB', { name: 'the clinic' }, nation).text ?? '';
    expect(text).toContain(present);
    expect(text).not.toContain(absent);
    expect(text).toContain('999');
  });

  test('unknown nation: the general line', () => {
    expect(welcomeActivity('en-GB', { name: 'the clinic' }).text).toContain('call NHS 111');
  });
});
