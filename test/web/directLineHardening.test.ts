import { ConversationStore, DEFAULT_STORE_LIMITS } from '../../src/server/directline/conversationStore';
import { createLogger } from '../../src/logger';
import { httpRequest, postJson } from '../support/httpClient';
import { startWebApp, type RunningApp } from './webApp';

const DL = '/v3/directline';

describe('local Direct Line: hostile clients', () => {
  const logLines: string[] = [];
  let running: RunningApp;

  beforeAll(async () => {
    running = await startWebApp(
      { TOKEN_RATE_LIMIT_PER_MINUTE: '1000' },
      createLogger('warn', { destination: { write: (line: string) => void logLines.push(line) } }),
    );
  });
  afterAll(async () => running.close());

  async function startConversation(): Promise<{ conversationId: string; token: string }> {
    const minted = (await postJson(`${running.base}/api/directline/token`, {})).json() as { token: string };
    const started = await postJson(`${running.base}${DL}/conversations`, { locale: 'en-GB' }, { authorization: `Bearer ${minted.token}` });
    expect(started.status).toBe(201);
    return started.json() as { conversationId: string; token: string };
  }

  const activitiesUrl = (id: string) => `${running.base}${DL}/conversations/${id}/activities`;

  it.each([['emergencySupport'], ['EmergencySupport'], [' emergencysupport ']])(
    'refuses a client event named %j: not stored, not passed to the bot',
    async (name) => {
      const { conversationId, token } = await startConversation();
      const headers = { authorization: `Bearer ${token}` };
      const before = (await httpRequest(activitiesUrl(conversationId), { headers })).json() as { watermark: string };
      const res = await postJson(activitiesUrl(conversationId), { type: 'event', name, value: { severity: 'immediate' } }, headers);
      expect(res.status).toBe(400);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const after = (await httpRequest(`${activitiesUrl(conversationId)}?watermark=${before.watermark}`, { headers })).json() as { activities: unknown[] };
      expect(after.activities).toEqual([]);
    },
  );

  it('refuses 2,000 levels of nesting with 400 and logs it (no stack overflow, no 500)', async () => {
    const { conversationId, token } = await startConversation();
    const deep = `{"type":"message","text":"hi","channelData":{"x":${'['.repeat(2_000)}${']'.repeat(2_000)}}}`;
    const res = await httpRequest(activitiesUrl(conversationId), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: deep,
    });
    expect(res.status).toBe(400);
    expect(logLines.join('')).toMatch(/"event":"directline_local_rejected".*"reason":"too_deeply_nested"/);
  });
});

describe('ConversationStore total memory bound', () => {
  it('holds at most maxTotalBytes across conversations: the least recently used give way', () => {
    const store = new ConversationStore({ ...DEFAULT_STORE_LIMITS, maxBytesPerConversation: 10_000, maxTotalBytes: 50_000 });
    const conversations = Array.from({ length: 20 }, (_, i) => store.create(`dl_${i}`));
    for (const conversation of conversations) {
      for (let i = 0; i < 10; i += 1) store.append(conversation, { type: 'message', text: 'x'.repeat(900) });
    }
    expect(store.totalBytes).toBeLessThanOrEqual(50_000);
    // Every conversation filled to its own limit would be about 200 KB.
    expect(store.size).toBeLessThan(20);
    const newest = conversations[conversations.length - 1];
    expect(store.get(newest.id)).toBeDefined();
    expect(store.get(conversations[0].id)).toBeUndefined();
    expect(store.activitiesAfter(newest).activities.length).toBeGreaterThan(0);
  });

  it('keeps the total right as conversations expire and are evicted', () => {
    let now = 0;
    const store = new ConversationStore({ ...DEFAULT_STORE_LIMITS, maxConversations: 2, idleTtlMs: 1_000 }, () => now);
    const a = store.create('dl_a');
    store.append(a, { type: 'message', text: 'hello' });
    const b = store.create('dl_b');
    store.append(b, { type: 'message', text: 'hello' });
    store.create('dl_c'); // evicts a
    now += 5_000;
    store.sweep(); // b and c expire
    expect(store.size).toBe(0);
    expect(store.totalBytes).toBe(0);
  });
});
