import { httpRequest, postJson, type HttpResult } from '../support/httpClient';
import { startWebApp, type RunningApp } from './webApp';

interface DirectLineActivity {
  id: string;
  type: string;
  text?: string;
  name?: string;
  from: { id: string; role?: string };
  channelData?: { clientActivityID?: string };
  replyToId?: string;
  serviceUrl?: string;
}
interface ActivitySet {
  activities: DirectLineActivity[];
  watermark: string;
}
interface Started {
  conversationId: string;
  token: string;
  expires_in: number;
  userId: string;
}

const DL = '/v3/directline';

describe('local Direct Line (real server, bot and adapter on loopback)', () => {
  let running: RunningApp;
  let base: string;

  beforeAll(async () => {
    running = await startWebApp({ TOKEN_RATE_LIMIT_PER_MINUTE: '1000' });
    base = running.base;
  });
  afterAll(async () => running.close());

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  /** What the page does: a token from the token route, then POST /conversations with it. */
  async function startConversation(): Promise<Started> {
    const tokenReply = await postJson(`${base}/api/directline/token`, {});
    expect(tokenReply.status).toBe(200);
    const minted = tokenReply.json() as Started;
    const started = await postJson(`${base}${DL}/conversations`, { locale: 'en-GB' }, auth(minted.token));
    expect(started.status).toBe(201);
    const body = started.json() as Started;
    expect(body.conversationId).toBe(minted.conversationId);
    return { ...body, userId: minted.userId };
  }

  function poll(conversation: Started, watermark?: string, token = conversation.token): Promise<HttpResult> {
    const query = watermark === undefined ? '' : `?watermark=${encodeURIComponent(watermark)}`;
    return httpRequest(`${base}${DL}/conversations/${conversation.conversationId}/activities${query}`, { headers: auth(token) });
  }

  function send(conversation: Started, text: string, clientActivityID: string, token = conversation.token): Promise<HttpResult> {
    return postJson(
      `${base}${DL}/conversations/${conversation.conversationId}/activities`,
      { type: 'message', text, from: { id: 'someone-else', role: 'user' }, locale: 'en-GB', channelData: { clientActivityID } },
      auth(token),
    );
  }

  it('welcomes a new conversation (conversationUpdate with membersAdded reaches the bot)', async () => {
    const conversation = await startConversation();
    const first = await poll(conversation);
    expect(first.status).toBe(200);
    const set = first.json() as ActivitySet;
    const welcome = set.activities.find((activity) => activity.type === 'message');
    expect(welcome?.text).toMatch(/IPT/);
    expect(welcome?.from.id).not.toBe(conversation.userId);
    // The serviceUrl carries the reply sink's key: it must never reach a client.
    expect(JSON.stringify(set)).not.toMatch(/directline-local|serviceUrl/);
  });

  it('echoes the user activity with its clientActivityID and an id, then the bot replies; the watermark moves on', async () => {
    const conversation = await startConversation();
    const before = (await poll(conversation)).json() as ActivitySet;

    const posted = await send(conversation, 'What is IPT?', 'client-1');
    expect(posted.status).toBe(200);
    const { id } = posted.json() as { id: string };
    expect(id).toMatch(new RegExp(`^${conversation.conversationId}\\|`));

    const after = (await poll(conversation, before.watermark)).json() as ActivitySet;
    expect(after.activities.some((activity) => before.activities.some((old) => old.id === activity.id))).toBe(false);
    const echo = after.activities[0];
    expect(echo).toMatchObject({ id, type: 'message', text: 'What is IPT?', channelData: { clientActivityID: 'client-1' } });
    // Identity is the server's: the token's user, whatever the client claimed.
    expect(echo.from).toEqual({ id: conversation.userId, role: 'user' });
    const reply = after.activities.find((activity) => activity.type === 'message' && activity.id !== id);
    expect(reply?.replyToId).toBe(id);
    expect(Number(after.watermark)).toBeGreaterThan(Number(before.watermark));

    const nothingNew = (await poll(conversation, after.watermark)).json() as ActivitySet;
    expect(nothingNew).toEqual({ activities: [], watermark: after.watermark });
  });

  it('returns 404 JSON for an unknown conversation', async () => {
    const conversation = await startConversation();
    const missing = await httpRequest(`${base}${DL}/conversations/no-such-conversation/activities`, { headers: auth(conversation.token) });
    expect(missing.status).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'not_found' });
    const postMissing = await postJson(`${base}${DL}/conversations/no-such-conversation/activities`, { type: 'message', text: 'hi' }, auth(conversation.token));
    expect(postMissing.status).toBe(404);
  });

  it('rejects an activity over the size limit with 413 and stores nothing', async () => {
    const conversation = await startConversation();
    const before = (await poll(conversation)).json() as ActivitySet;
    const huge = await send(conversation, 'x'.repeat(70 * 1024), 'client-big');
    expect(huge.status).toBe(413);
    expect(huge.json()).toMatchObject({ error: 'payload_too_large' });
    const after = (await poll(conversation, before.watermark)).json() as ActivitySet;
    expect(after.activities).toEqual([]);
  });

  it('demands the conversation token: none or unknown is 401, another conversation\'s is 403', async () => {
    const mine = await startConversation();
    const theirs = await startConversation();

    const noToken = await httpRequest(`${base}${DL}/conversations/${mine.conversationId}/activities`);
    expect(noToken.status).toBe(401);
    const badToken = await poll(mine, undefined, 'not-a-real-token');
    expect(badToken.status).toBe(401);
    const wrongToken = await poll(mine, undefined, theirs.token);
    expect(wrongToken.status).toBe(403);
    const wrongPost = await send(mine, 'hello', 'client-x', theirs.token);
    expect(wrongPost.status).toBe(403);

    // Nothing from the refused post reached either conversation.
    for (const conversation of [mine, theirs]) {
      const set = (await poll(conversation)).json() as ActivitySet;
      expect(set.activities.some((activity) => activity.channelData?.clientActivityID === 'client-x')).toBe(false);
    }
  });

  it('starts conversations only with a token or the server-held secret', async () => {
    const anonymous = await postJson(`${base}${DL}/conversations`, {});
    expect(anonymous.status).toBe(401);
    const forged = await postJson(`${base}${DL}/tokens/generate`, {}, auth('guess'));
    expect(forged.status).toBe(401);
  });

  it('refreshes a token: the new one opens the same conversation', async () => {
    const conversation = await startConversation();
    const refreshed = await httpRequest(`${base}${DL}/tokens/refresh`, { method: 'POST', headers: auth(conversation.token) });
    expect(refreshed.status).toBe(200);
    const body = refreshed.json() as Started;
    expect(body.conversationId).toBe(conversation.conversationId);
    expect(body.token).not.toBe(conversation.token);
    expect((await poll(conversation, undefined, body.token)).status).toBe(200);
    const bogus = await httpRequest(`${base}${DL}/tokens/refresh`, { method: 'POST', headers: auth('nope') });
    expect(bogus.status).toBe(403);
  });

  it('accepts bot replies only from this process (the sink key), never from a guessed path', async () => {
    const conversation = await startConversation();
    const forged = await postJson(
      `${base}/directline-local/guess/v3/conversations/${conversation.conversationId}/activities`,
      { type: 'message', text: 'injected' },
    );
    expect(forged.status).toBe(404);
    const set = (await poll(conversation)).json() as ActivitySet;
    expect(set.activities.some((activity) => activity.text === 'injected')).toBe(false);
  });
});

describe('when the local Direct Line and the page are switched off', () => {
  let running: RunningApp | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('refuses the local Direct Line while Bot Framework authentication is on', async () => {
    running = await startWebApp({
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000002',
      MicrosoftAppPassword: 'not-used-offline',
      DIRECT_LINE_LOCAL_ENABLED: 'true',
    });
    const start = await postJson(`${running.base}${DL}/conversations`, {});
    expect(start.status).toBe(404);
    const token = await postJson(`${running.base}/api/directline/token`, {});
    expect(token.status).toBe(503);
  });

  it('serves no page and no local Direct Line when both are disabled (the production defaults)', async () => {
    running = await startWebApp({ WEBCHAT_PAGE_ENABLED: 'false', DIRECT_LINE_LOCAL_ENABLED: 'false' });
    expect((await httpRequest(`${running.base}/`)).status).toBe(404);
    expect((await postJson(`${running.base}${DL}/tokens/generate`, {})).status).toBe(404);
    expect((await httpRequest(`${running.base}/healthz`)).status).toBe(200);
  });
});
