import type { App } from '../../src/app';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { t } from '../../src/content/i18n';
import { ConnectorStub, type ReceivedActivity } from '../support/connectorStub';
import { postJson } from '../support/httpClient';

/**
 * Teams through the real stack: restify, CloudAdapter (authentication off, loopback), the Teams
 * middleware, the safety gate, the bot, the dialogs and the real local recogniser. The Bot Connector
 * is the only stand-in. Activities are shaped like Teams': 29:/28: ids, aadObjectId, tenant,
 * conversationType, mention entities, clientInfo, and the text/html copy of every message.
 */

const APP_ID = '11111111-2222-3333-4444-555555555555';
const BOT_ID = `28:${APP_ID}`;
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CHAT_LINK = `https://teams.microsoft.com/l/chat/0/0?users=${BOT_ID}`;

const ENV = {
  NODE_ENV: 'test',
  PORT: '0',
  LOG_LEVEL: 'silent',
  CLINIC_NAME: 'Riverside Clinic',
  PRIVACY_URL: 'https://riverside.example/privacy',
  TERMS_URL: 'https://riverside.example/terms',
  WORKPLACE_NAME: 'Acme Ltd',
  WORKPLACE_SUPPORT_NAME: 'Acme Employee Assistance',
  WORKPLACE_SUPPORT_PHONE: '0800 123 4567',
  WORKPLACE_SUPPORT_URL: 'https://eap.acme.example',
  SUPPORT_FIRST: 'workplace',
};

type Scope = 'personal' | 'groupChat' | 'channel';
let counter = 0;

function conversationFor(scope: Scope, key: string) {
  switch (scope) {
    case 'personal':
      return { id: `a:1personal-${key}`, conversationType: 'personal', tenantId: TENANT };
    case 'groupChat':
      return { id: `19:group-${key}@thread.v2`, conversationType: 'groupChat', isGroup: true, tenantId: TENANT };
    case 'channel':
      return { id: `19:channel-${key}@thread.tacv2;messageid=17000000${++counter}`, conversationType: 'channel', isGroup: true, tenantId: TENANT, name: 'General' };
  }
}

function channelDataFor(scope: Scope) {
  const tenant = { id: TENANT };
  if (scope !== 'channel') return { tenant };
  return { tenant, team: { id: '19:team@thread.tacv2', aadGroupId: '5e7c3b3e-0000-4000-8000-000000000001' }, channel: { id: '19:general@thread.tacv2' }, teamsTeamId: '19:team@thread.tacv2' };
}

const PERSON = { id: '29:1y3Hq-person', name: 'Alex Example', aadObjectId: '0a1b2c3d-0000-4000-8000-00000000000a' };
const COLLEAGUE = { id: '29:1colleague', name: 'Sam Jones' };

function mentionOf(who: { id: string; name: string }) {
  return { type: 'mention', text: `<at>${who.name}</at>`, mentioned: { id: who.id, name: who.name } };
}

/** A Teams message: `text` may hold <at> tags; the HTML copy is derived the way Teams writes it. */
function teamsMessage(serviceUrl: string, scope: Scope, key: string, text: string, mentions: Array<{ id: string; name: string }> = []) {
  const html = `<p>${text.replace(/<at>([^<]*)<\/at>/g, (_m, name: string) => `<span itemtype="http://schema.skype.com/Mention" itemscope="" itemid="0">${name}</span>`).replace(/\n/g, '</p><p>')}</p>`;
  return {
    type: 'message',
    id: `1700000000${++counter}`,
    channelId: 'msteams',
    serviceUrl,
    from: PERSON,
    recipient: { id: BOT_ID, name: 'IPT guide' },
    conversation: conversationFor(scope, key),
    channelData: channelDataFor(scope),
    entities: [
      ...mentions.map(mentionOf),
      { type: 'clientInfo', locale: 'en-GB', country: 'GB', platform: 'Web', timezone: 'Europe/London' },
    ],
    attachments: [{ contentType: 'text/html', content: html }],
    text,
    textFormat: 'plain',
    locale: 'en-GB',
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
  };
}

const BOT = { id: BOT_ID, name: 'IPT guide' };
const at = (who: { name: string }) => `<at>${who.name}</at>`;

function install(serviceUrl: string, scope: Scope, key: string) {
  return {
    type: 'installationUpdate',
    action: 'add',
    id: `f:${++counter}`,
    channelId: 'msteams',
    serviceUrl,
    from: PERSON,
    recipient: BOT,
    conversation: conversationFor(scope, key),
    channelData: channelDataFor(scope),
    locale: 'en-GB',
  };
}

/** Everything a reply shows: its text and every string in its attachments (cards, buttons, links). */
function shown(replies: ReceivedActivity[]): string {
  return replies.map((reply) => [reply.text ?? '', JSON.stringify(reply.attachments ?? []), JSON.stringify(reply.suggestedActions ?? {})].join('\n')).join('\n');
}

describe('Teams through /api/messages', () => {
  const connector = new ConnectorStub();
  let app: App;
  let base: string;
  let serviceUrl: string;

  beforeAll(async () => {
    serviceUrl = await connector.start();
    app = buildApp(loadConfig(ENV), createLogger('silent'));
    base = `http://127.0.0.1:${await app.server.listen()}`;
    await app.ready;
  }, 30_000);

  afterAll(async () => {
    await app.server.shutdown();
    await connector.stop();
  });

  beforeEach(() => connector.clear());

  /** Posts an activity; CloudAdapter answers only after the turn, so every reply has arrived by then. */
  async function send(activity: { conversation: { id: string } }): Promise<ReceivedActivity[]> {
    const res = await postJson(`${base}/api/messages`, activity);
    expect(res.status).toBe(200);
    return connector.for(activity.conversation.id).filter((reply) => reply.type === 'message' || reply.type === 'event');
  }

  describe('personal scope is the home', () => {
    it('welcomes on install: urgent numbers in text, privacy at work with a button, workplace support first, topics', async () => {
      const replies = await send(install(serviceUrl, 'personal', 'welcome'));
      const text = replies.map((reply) => reply.text).join('\n');
      expect(text).toContain("I'm the IPT guide");
      expect(text).toMatch(/call 999/);
      expect(text).toContain('116 123');
      expect(text).toContain("Privacy at work: your manager and colleagues can't see this chat.");
      expect(text).toContain('Riverside Clinic keeps it, but not your name.');
      expect(shown(replies)).toContain('"title":"Who can see this chat?"');
      // SUPPORT_FIRST=workplace: the employer's service, with its number as text, before the NHS.
      expect(text.indexOf('Acme Employee Assistance at Acme Ltd: call 0800 123 4567')).toBeGreaterThan(-1);
      expect(text.indexOf('Acme Employee Assistance')).toBeLessThan(text.indexOf('NHS Talking Therapies'));
      expect(replies[replies.length - 1].suggestedActions?.actions.map((action) => action.title)).toContain('What is IPT?');
      expect(shown(replies)).not.toMatch(/tel:/);
    });

    it('the privacy button answers who can see the chat: workplace, clinic, Microsoft, anonymity, deleting, absolute links', async () => {
      const replies = await send(teamsMessage(serviceUrl, 'personal', 'privacy', 'Who can see this chat?'));
      expect(replies).toHaveLength(1);
      const text = replies[0].text ?? '';
      expect(text).toContain("At Acme Ltd, your manager and colleagues can't see it.");
      expect(text).toContain('Riverside Clinic runs this bot');
      expect(text).toContain('not your name, email or Teams ID');
      expect(text).toContain('Microsoft runs Teams');
      expect(text).toContain('not fully anonymous');
      expect(text).toContain('[Privacy notice](https://riverside.example/privacy)');
      expect(text).toContain('[Terms of use](https://riverside.example/terms)');
      expect(text).not.toContain('shared chat');
    });

    it.each(['can my employer find out?', 'is this anonymous', 'will my manager know I used this?'])('"%s" gets the privacy-at-work answer', async (question) => {
      const replies = await send(teamsMessage(serviceUrl, 'personal', `p-${question}`, question));
      expect(replies.map((reply) => reply.text).join('\n')).toContain('Here is who can see this chat.');
      expect(shown(replies)).not.toMatch(/private therapist/i);
    });

    it.each(['delete my conversation', 'how do I delete this conversation'])('"%s" starts the delete dialog, which confirms first', async (request) => {
      const replies = await send(teamsMessage(serviceUrl, 'personal', `erase-${request}`, request));
      const text = replies.map((reply) => reply.text).join('\n');
      expect(text).toContain('Do you want me to delete this chat?');
      expect(text).not.toContain('Here is who can see this chat.');
    });

    it('a privacy question in the middle of the suitability check is answered, then the question is asked again', async () => {
      const started = await send(teamsMessage(serviceUrl, 'personal', 'mid-check', 'Is IPT right for me?'));
      const question = started[started.length - 1].text;
      connector.clear();
      const replies = await send(teamsMessage(serviceUrl, 'personal', 'mid-check', 'wait, can my employer see this?'));
      expect(replies.map((reply) => reply.text)).toEqual([expect.stringContaining('Here is who can see this chat.'), question]);
    });

    it('a privacy question about the check, before it: the answer, the check offered, and a yes starts it', async () => {
      const asked = await send(teamsMessage(serviceUrl, 'personal', 'check-privacy', 'before i try the quiz, would it keep my answers where my manager might see'));
      const text = asked.map((reply) => reply.text ?? '').join('\n');
      expect(text).toContain('Here is who can see this chat.');
      expect(text).toContain(t('en-GB', 'suitability:offerAfterPrivacy'));
      expect(text).not.toContain(t('en-GB', 'suitability:questions.concern.text'));
      connector.clear();
      const started = await send(teamsMessage(serviceUrl, 'personal', 'check-privacy', 'go on then'));
      expect(started.map((reply) => reply.text ?? '').join('\n')).toContain(t('en-GB', 'suitability:questions.concern.text'));
    });

    it('a privacy question about the check, during it: the answer, then the same question again', async () => {
      const started = await send(teamsMessage(serviceUrl, 'personal', 'check-privacy-mid', 'Is IPT right for me?'));
      const question = started[started.length - 1].text;
      connector.clear();
      const replies = await send(teamsMessage(serviceUrl, 'personal', 'check-privacy-mid', 'hold on, does this check get stored somewhere?'));
      expect(replies.map((reply) => reply.text)).toEqual([expect.stringContaining('Here is who can see this chat.'), question]);
    });

    it('runs the same dialogs: a topic answer with next steps', async () => {
      const replies = await send(teamsMessage(serviceUrl, 'personal', 'topic', 'what is IPT?'));
      expect(replies[0].text).toBe(t('en-GB', 'topics:AboutIpt.answer'));
      expect(replies[0].suggestedActions?.actions.length).toBeGreaterThanOrEqual(2);
    });

    it('a risk message starts the emergency dialog, with every number in the text', async () => {
      const replies = await send(teamsMessage(serviceUrl, 'personal', 'risk', 'i want to kill myself tonight'));
      expect(replies.some((reply) => reply.type === 'event' && reply.name === 'emergencySupport')).toBe(true);
      const text = replies.map((reply) => reply.text ?? '').join('\n');
      expect(text).toContain('999');
      expect(text).toContain('116 123');
      expect(text).toContain('85258');
      // Teams gets the question as a card with tappable answers (ChoicePrompt's choice for this channel).
      expect(shown(replies)).toContain(t('en-GB', 'safety:ask.question.self'));
    });
  });

  describe('group chats and channels', () => {
    it('does not welcome again when an app update re-installs it', async () => {
      const upgrade = { ...install(serviceUrl, 'personal', 'upgrade'), action: 'add-upgrade' };
      expect(await send(upgrade)).toHaveLength(0);
    });

    it('does not welcome on install in a group chat or a team', async () => {
      expect(await send(install(serviceUrl, 'groupChat', 'install'))).toHaveLength(0);
      expect(await send(install(serviceUrl, 'channel', 'install'))).toHaveLength(0);
    });

    it('says nothing when people join a team, and looks nobody up (no members call to the connector)', async () => {
      const joined = {
        ...install(serviceUrl, 'channel', 'joined'),
        type: 'conversationUpdate',
        action: undefined,
        membersAdded: [{ id: COLLEAGUE.id, aadObjectId: '0a1b2c3d-0000-4000-8000-00000000000b' }],
        channelData: { ...channelDataFor('channel'), eventType: 'teamMemberAdded' },
      };
      expect(await send(joined)).toHaveLength(0);
      expect(connector.received).toHaveLength(0);
    });

    it('a negated message in a group chat gets the gentle wording, still with 999 and Samaritans', async () => {
      const replies = (await send(teamsMessage(serviceUrl, 'groupChat', 'negated', `${at(BOT)} I'm not suicidal, just fed up`, [BOT]))).filter((r) => r.type === 'message');
      expect(replies).toHaveLength(1);
      const reply = replies[0].text ?? '';
      expect(reply).toContain('best done away from this group');
      expect(reply).toContain('999');
      expect(reply).toContain('116 123');
      expect(reply).not.toMatch(/suicidal|fed up/);
    });

    it('stays quiet when not mentioned', async () => {
      expect(await send(teamsMessage(serviceUrl, 'groupChat', 'quiet', 'what is IPT?', []))).toHaveLength(0);
      expect(await send(teamsMessage(serviceUrl, 'channel', 'quiet', `${at(COLLEAGUE)} what is IPT?`, [COLLEAGUE]))).toHaveLength(0);
    });

    it('reads malformed mention entities as no mention, without failing the turn', async () => {
      const activity = teamsMessage(serviceUrl, 'groupChat', 'malformed', `${at(BOT)} what is IPT?`);
      activity.entities = [{ type: 'mention', text: null, mentioned: null } as never, { type: 'mention' } as never];
      expect(await send(activity)).toHaveLength(0);
    });

    it.each<[Scope, string, Array<{ id: string; name: string }>]>([
      ['groupChat', `${at(BOT)} what is IPT?`, [BOT]],
      ['channel', `${at(COLLEAGUE)} ${at(BOT)}\n\nwhat is IPT? ${at(COLLEAGUE)}`, [COLLEAGUE, BOT]],
    ])('%s: mentioned, answers a general question briefly with every mention stripped (%s)', async (scope, text, mentions) => {
      const replies = await send(teamsMessage(serviceUrl, scope, `general-${counter}`, text, mentions));
      expect(replies).toHaveLength(1);
      expect(replies[0].text).toContain(t('en-GB', 'topics:AboutIpt.answer'));
      expect(replies[0].text).toContain(CHAT_LINK);
      expect(shown(replies)).toContain(`"value":"${CHAT_LINK}"`);
      expect(replies[0].suggestedActions).toBeUndefined();
      expect(shown(replies)).not.toMatch(/<at>|undefined|Sam Jones/);
    });

    it('understands a message whose text is only the mention, from the HTML copy', async () => {
      const activity = teamsMessage(serviceUrl, 'groupChat', 'html', `${at(BOT)} how can people get IPT on the NHS?`, [BOT]);
      activity.text = at(BOT);
      const replies = await send(activity);
      expect(replies[0].text).toContain(t('en-GB', 'topics:AccessNhs.answer'));
    });

    it.each([
      "I've been feeling really low since my divorce, would IPT help me?",
      'is IPT right for me',
      "I've been really stressed at work lately, should I try IPT?",
    ])('anything personal gets only an invitation to a private chat: "%s"', async (message) => {
      const replies = await send(teamsMessage(serviceUrl, 'groupChat', `personal-${counter}`, `${at(BOT)} ${message}`, [BOT]));
      expect(replies).toHaveLength(1);
      const text = replies[0].text ?? '';
      expect(text).toContain("That sounds like it's about you.");
      expect(text).toContain(CHAT_LINK);
      expect(text).toContain('Acme Employee Assistance');
      // Nothing of what they said is repeated, and no question is asked in front of the group.
      for (const word of ['divorce', 'stressed', 'low']) expect(text).not.toContain(word);
      expect(text.split(CHAT_LINK).join('')).not.toMatch(/\?/);
    });

    it('answers privacy questions for the shared space: everyone here can see this', async () => {
      const replies = await send(teamsMessage(serviceUrl, 'channel', 'privacy', `${at(BOT)} can my employer see this?`, [BOT]));
      const text = replies[0].text ?? '';
      expect(text).toContain('This is a shared chat, so everyone in it can see what you and I write here. If you chat with me on your own, this is who can see it.');
      expect(text).not.toContain('Here is who can see this chat.');
      expect(text).toContain("At Acme Ltd, your manager and colleagues can't see it.");
    });

    it('greets with what it does here', async () => {
      const replies = await send(teamsMessage(serviceUrl, 'groupChat', 'hello', `${at(BOT)} hello`, [BOT]));
      expect(replies[0].text).toContain('general questions about IPT when you @mention me');
    });

    it('after a risk reply, the same person\'s next messages keep 999 in view, never the introduction, until they say they are safe', async () => {
      const key = `follow-${++counter}`;
      await send(teamsMessage(serviceUrl, 'groupChat', key, `${at(BOT)} tbh i dont want to be here anymore`, [BOT]));
      const seen: string[] = [];
      for (const message of ['idk', 'sorry everyone, ignore that']) {
        connector.clear();
        const replies = (await send(teamsMessage(serviceUrl, 'groupChat', key, `${at(BOT)} ${message}`, [BOT]))).filter((r) => r.type === 'message');
        const text = replies.map((r) => r.text ?? '').join('\n');
        expect(text).toMatch(/999/);
        expect(text).toContain(CHAT_LINK);
        expect(text).not.toContain('general questions about IPT when you @mention me');
        expect(seen).not.toContain(text);
        seen.push(text);
      }
      connector.clear();
      const safe = (await send(teamsMessage(serviceUrl, 'groupChat', key, `${at(BOT)} im safe, honestly`, [BOT]))).map((r) => r.text ?? '').join('\n');
      expect(safe).toMatch(/Thank you for letting me know/);
      expect(safe).not.toMatch(/glad you('| a)re safe/);
      // Said safe: the next message is answered as usual again.
      connector.clear();
      const after = (await send(teamsMessage(serviceUrl, 'groupChat', key, `${at(BOT)} hello`, [BOT]))).map((r) => r.text ?? '').join('\n');
      expect(after).toContain('general questions about IPT when you @mention me');
    });

    it.each<[Scope, string, Array<{ id: string; name: string }>]>([
      ['groupChat', `${at(BOT)} honestly I want to end my life`, [BOT]],
      ['channel', `${at(COLLEAGUE)} ${at(BOT)} I took all my pills an hour ago`, [COLLEAGUE, BOT]],
      ['groupChat', 'i want to kill myself', []],
    ])('%s: a risk message gets one short, private-minded reply with urgent routes and a 1:1 offer (%s)', async (scope, text, mentions) => {
      const all = await send(teamsMessage(serviceUrl, scope, `risk-${counter}`, text, mentions));
      const replies = all.filter((r) => r.type === 'message');
      expect(replies).toHaveLength(1);
      // The channel-independent signal the web page and evaluations read: invisible in a Teams chat.
      expect(all.filter((r) => r.type === 'event').map((r) => r.name)).toEqual(['emergencySupport']);
      const reply = replies[0].text ?? '';
      expect(reply.indexOf('999')).toBeGreaterThan(-1);
      expect(reply.indexOf('999')).toBeLessThan(reply.indexOf('116 123'));
      expect(reply).toContain('85258');
      expect(reply).toContain('0800 123 4567');
      expect(reply).toContain(CHAT_LINK);
      expect(reply).toContain("Let's not talk about it here");
      expect(reply).not.toContain('NHS Talking Therapies');
      // Never the person's words, never the emergency dialog's questions in front of colleagues.
      for (const words of ['end my life', 'pills', 'kill myself', 'Alex']) expect(reply).not.toContain(words);
      expect(shown(replies)).not.toContain(t('en-GB', 'safety:ask.question.self'));
    });
  });
});
