import type { Activity } from 'botbuilder';
import type { App } from '../../src/app';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createRecognizer } from '../../src/language';
import { conversationKey, CALLBACK_REQUEST } from '../../src/staff/review';
import { ConnectorStub } from '../support/connectorStub';
import { httpRequest, type HttpResult } from '../support/httpClient';
import { sayOverHttp } from '../support/turns';

jest.setTimeout(60_000);

const TOKEN = 'test-staff-token-0123456789abcdefghijklmnop';
const connector = new ConnectorStub();
let app: App;
let base: string;
let serviceUrl: string;

function call(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<HttpResult> {
  return httpRequest(`${base}${path}`, { method, headers, body });
}
const bearer = { authorization: `Bearer ${TOKEN}` };

const say = (conversationId: string, text: string) => sayOverHttp({ base, serviceUrl, connector }, conversationId, text);

const key = (id: string) => conversationKey('emulator', id);

beforeAll(async () => {
  serviceUrl = await connector.start();
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', STAFF_TOKEN: TOKEN });
  app = buildApp(config, createLogger('silent'), { recognizer: await createRecognizer({ logger: createLogger('silent') }) });
  base = `http://127.0.0.1:${await app.server.listen()}`;
  await app.ready;

  await say('quiet', 'what is IPT');
  await say('risky', 'what is IPT');
  await say('risky', 'I want to end my life, call me on 07700 900123');
  await say('xss', '<script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3))');
  await say('callback', 'can someone call me back');
  // The call-back dialog records its request like this (category of entry only, never a number).
  await app.persistence.transcripts.logActivity({
    type: 'event', name: CALLBACK_REQUEST, id: 'cb-1', timestamp: new Date().toISOString(), channelId: 'emulator',
    conversation: { id: 'callback' }, from: { id: 'bot', role: 'bot' }, value: { when: 'morning' },
  } as unknown as Activity);
  await app.persistence.writer.flush();
});

afterAll(async () => {
  await app.server.shutdown();
  await connector.stop();
});

describe('staff routes without valid sign-in', () => {
  const routes: Array<[string, string]> = [
    ['GET', '/staff'],
    ['GET', '/staff/staff.js'],
    ['GET', '/staff/api/conversations'],
    ['GET', `/staff/api/conversations/${key('risky')}`],
    ['GET', `/staff/api/conversations/${key('risky')}/export`],
    ['POST', `/staff/api/conversations/${key('risky')}/review`],
    ['POST', `/staff/api/conversations/${key('risky')}/callback-done`],
    ['DELETE', `/staff/api/conversations/${key('risky')}`],
    ['GET', '/staff/api/summary'],
    ['GET', '/staff/api/audit'],
    ['POST', '/staff/logout'],
  ];
  test.each(routes)('%s %s -> 401 with no token, a wrong token or a forged cookie', async (method, path) => {
    for (const headers of [{}, { authorization: 'Bearer wrong-token' }, { cookie: 'ipt_staff=9999999999999.bG9jYWw.forged' }]) {
      const res = await call(method, path, headers as Record<string, string>);
      expect(res.status).toBe(401);
      expect(res.text).not.toContain('end my life');
    }
  });

  it('the sign-in page says nothing about any conversation, and no page may be framed or cached', async () => {
    const res = await call('GET', '/staff');
    expect(res.text).toContain('<form method="post" action="/staff/login">');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('the review API with the local token', () => {
  it('lists risk first, then call-back requests, then the rest; filters work', async () => {
    const res = await call('GET', '/staff/api/conversations', bearer);
    expect(res.status).toBe(200);
    const ids = (res.json() as { conversations: Array<{ conversationId: string; risk?: { category: string } }> }).conversations.map((c) => c.conversationId);
    expect(ids[0]).toBe('risky');
    expect(ids[1]).toBe('callback');
    expect(ids).toEqual(expect.arrayContaining(['quiet', 'xss']));
    const riskOnly = (await call('GET', '/staff/api/conversations?flag=risk', bearer)).json() as { conversations: Array<{ conversationId: string; risk: object }> };
    expect(riskOnly.conversations.map((c) => c.conversationId)).toEqual(['risky']);
    expect(riskOnly.conversations[0].risk).toMatchObject({ category: 'suicide', severity: 'immediate', who: 'self', when: 'current' });
    const other = (await call('GET', '/staff/api/conversations?channel=msteams', bearer)).json() as { conversations: unknown[] };
    expect(other.conversations).toEqual([]);
  });

  it('shows one transcript, redacted, with intent and risk inline and the routes given', async () => {
    const res = await call('GET', `/staff/api/conversations/${key('risky')}`, bearer);
    const view = res.json() as { entries: Activity[]; routes: Array<{ url: string }> };
    expect(JSON.stringify(view)).not.toContain('07700');
    expect(view.entries.map((e) => e.name ?? e.from.role)).toEqual(expect.arrayContaining(['IntentRecognizer', 'RiskEvent', 'user', 'bot']));
    expect(view.routes.map((r) => r.url)).toEqual(expect.arrayContaining(['tel:999', 'tel:116123']));
  });

  it('marks reviewed (it leaves the unreviewed filter), marks the call-back done, exports, erases: each audited', async () => {
    const review = await call('POST', `/staff/api/conversations/${key('risky')}/review`, { ...bearer, 'content-type': 'application/json' }, JSON.stringify({ note: 'Called GP' }));
    expect(review.status).toBe(200);
    const unreviewed = (await call('GET', '/staff/api/conversations?reviewed=false', bearer)).json() as { conversations: Array<{ conversationId: string }> };
    expect(unreviewed.conversations.map((c) => c.conversationId)).not.toContain('risky');

    expect((await call('POST', `/staff/api/conversations/${key('callback')}/callback-done`, bearer)).status).toBe(200);
    const list = (await call('GET', '/staff/api/conversations', bearer)).json() as { conversations: Array<{ conversationId: string; callback?: { done: boolean } }> };
    expect(list.conversations.find((c) => c.conversationId === 'callback')?.callback?.done).toBe(true);

    const exported = await call('GET', `/staff/api/conversations/${key('quiet')}/export`, bearer);
    expect(exported.headers['content-disposition']).toMatch(/^attachment/);
    expect((exported.json() as { entries: unknown[] }).entries.length).toBeGreaterThan(1);

    expect((await call('DELETE', `/staff/api/conversations/${key('quiet')}`, bearer)).status).toBe(204);
    expect((await call('GET', `/staff/api/conversations/${key('quiet')}`, bearer)).status).toBe(404);

    const audit = (await call('GET', '/staff/api/audit', bearer)).json() as { entries: Array<{ action: string; who: string; conversationId?: string }> };
    const actions = audit.entries.map((e) => `${e.action}:${e.conversationId ?? ''}`);
    expect(actions).toEqual(expect.arrayContaining(['list:', 'view:risky', 'mark_reviewed:risky', 'callback_done:callback', 'export:quiet', 'erase:quiet', 'audit:']));
    expect(audit.entries.every((e) => e.who === 'local-token')).toBe(true);
  });

  it('the weekly summary counts conversations, risk events and the questions that fell through', async () => {
    const summary = (await call('GET', '/staff/api/summary', bearer)).json() as { conversations: number; riskEventsByCategory: Record<string, number>; topFallbacks: Array<{ text: string }> };
    expect(summary.conversations).toBeGreaterThanOrEqual(3);
    expect(summary.riskEventsByCategory.suicide).toBe(1);
    expect(summary.topFallbacks.length).toBeGreaterThan(0);
  });

  it('user text comes back as JSON data, never as markup in a page', async () => {
    const res = await call('GET', `/staff/api/conversations/${key('xss')}`, bearer);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.text).toContain('<script>alert(1)</script>');
  });
});

describe('signing in from the page', () => {
  async function signIn(): Promise<{ cookie: string; csrf: string }> {
    const res = await call('POST', '/staff/login', { 'content-type': 'application/x-www-form-urlencoded' }, `token=${encodeURIComponent(TOKEN)}`);
    expect(res.status).toBe(303);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(';')[0];
    const page = await call('GET', '/staff', { cookie });
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('end my life');
    const csrf = /name="csrf-token" content="([^"]+)"/.exec(page.text)?.[1] ?? '';
    return { cookie, csrf };
  }

  it('a session needs its CSRF token for every change', async () => {
    const { cookie, csrf } = await signIn();
    const path = `/staff/api/conversations/${key('xss')}/review`;
    const body = JSON.stringify({ note: 'ok' });
    expect((await call('GET', '/staff/api/conversations', { cookie })).status).toBe(200);
    expect((await call('POST', path, { cookie, 'content-type': 'application/json' }, body)).status).toBe(403);
    expect((await call('POST', path, { cookie, 'content-type': 'application/json', 'x-csrf-token': 'nope' }, body)).status).toBe(403);
    expect((await call('POST', path, { cookie, 'content-type': 'application/json', 'x-csrf-token': csrf }, body)).status).toBe(200);
  });

  it('sign-in attempts are limited per client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      statuses.push((await call('POST', '/staff/login', { 'content-type': 'application/x-www-form-urlencoded' }, 'token=wrong')).status);
    }
    expect(statuses).toContain(401);
    expect(statuses[statuses.length - 1]).toBe(429);
    const audit = (await call('GET', '/staff/api/audit', bearer)).json() as { entries: Array<{ action: string }> };
    expect(audit.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['sign_in', 'sign_in_failed']));
  });
});
