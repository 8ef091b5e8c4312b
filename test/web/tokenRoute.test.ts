import { httpRequest, postJson, type HttpResult } from '../support/httpClient';
import { DirectLineTokenStub } from './directLineStub';
import { startWebApp, type RunningApp } from './webApp';

const SECRET = 'test-direct-line-secret-Zq9xWv7Lm3';
const CLINIC = 'https://clinic.example.org';

/** Everything a client could see: status line aside, the headers and the body. */
function visible(result: HttpResult): string {
  return `${JSON.stringify(result.headers)}\n${result.text}`;
}

describe('POST /api/directline/token against a loopback Direct Line stub', () => {
  const stub = new DirectLineTokenStub(SECRET);
  let running: RunningApp;
  let base: string;
  const seen: HttpResult[] = [];
  const token = async (headers: Record<string, string> = {}) => {
    const result = await postJson(`${base}/api/directline/token`, {}, headers);
    seen.push(result);
    return result;
  };

  beforeAll(async () => {
    const endpoint = await stub.start();
    running = await startWebApp({
      DIRECT_LINE_SECRET: SECRET,
      DIRECT_LINE_ENDPOINT: endpoint,
      CORS_ORIGINS: CLINIC,
      TOKEN_RATE_LIMIT_PER_MINUTE: '100',
    });
    base = running.base;
  });
  afterAll(async () => {
    await running.close();
    await stub.stop();
  });
  beforeEach(() => {
    stub.mode = 'ok';
  });

  it('returns only token, conversationId, expires_in and a generated dl_ user id bound into the token', async () => {
    const before = stub.requests.length;
    const result = await token();
    expect(result.status).toBe(200);
    const body = result.json() as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['conversationId', 'expires_in', 'token', 'userId']);
    expect(body.userId).toMatch(/^dl_[0-9a-f]{24}$/);
    expect(body.token).toMatch(/^stub-token-/);
    const upstream = stub.requests[before];
    expect(upstream.authorization).toBe(`Bearer ${SECRET}`);
    expect(upstream.body).toEqual({ user: { id: body.userId } });
  });

  it('gives every request a different user id', async () => {
    const first = (await token()).json() as { userId: string };
    const second = (await token()).json() as { userId: string };
    expect(first.userId).not.toBe(second.userId);
  });

  it('answers 502 without relaying the upstream body when Direct Line fails or replies oddly', async () => {
    stub.mode = 'fail';
    const failed = await token();
    expect(failed.status).toBe(502);
    expect(failed.text).not.toMatch(/upstream trouble/);
    stub.mode = 'malformed';
    const odd = await token();
    expect(odd.status).toBe(502);
  });

  it('allows CORS for configured origins only, with preflight', async () => {
    const preflight = await httpRequest(`${base}/api/directline/token`, {
      method: 'OPTIONS',
      headers: { origin: CLINIC, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    seen.push(preflight);
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(CLINIC);
    expect(String(preflight.headers['access-control-allow-methods'])).toMatch(/POST/);

    const allowed = await token({ origin: CLINIC });
    expect(allowed.status).toBe(200);
    expect(allowed.headers['access-control-allow-origin']).toBe(CLINIC);

    const before = stub.requests.length;
    const evilPreflight = await httpRequest(`${base}/api/directline/token`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    seen.push(evilPreflight);
    expect(evilPreflight.status).toBe(403);
    expect(evilPreflight.headers['access-control-allow-origin']).toBeUndefined();
    const evil = await token({ origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    // A refused origin never costs a Direct Line token.
    expect(stub.requests.length).toBe(before);
  });

  it('serves a page that talks to the Direct Line service, with nothing secret in it', async () => {
    const page = await httpRequest(`${base}/`);
    seen.push(page);
    expect(page.status).toBe(200);
    expect(page.text).toContain('"webSocket":true');
    expect(String(page.headers['content-security-policy'])).toContain('connect-src');
  });

  it('never shows the secret in any response', () => {
    expect(seen.length).toBeGreaterThanOrEqual(8);
    for (const result of seen) expect(visible(result)).not.toContain(SECRET);
  });
});

describe('token route limits and configuration', () => {
  let running: RunningApp | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('rate-limits per client with 429 and Retry-After', async () => {
    const stub = new DirectLineTokenStub(SECRET);
    const endpoint = await stub.start();
    try {
      running = await startWebApp({ DIRECT_LINE_SECRET: SECRET, DIRECT_LINE_ENDPOINT: endpoint, TOKEN_RATE_LIMIT_PER_MINUTE: '3' });
      const statuses: number[] = [];
      let limited: HttpResult | undefined;
      for (let i = 0; i < 5; i += 1) {
        const result = await postJson(`${running.base}/api/directline/token`, {});
        statuses.push(result.status);
        if (result.status === 429) limited = result;
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited?.json()).toMatchObject({ error: 'too_many_requests' });
      expect(visible(limited as HttpResult)).not.toContain(SECRET);
      expect(stub.requests.length).toBe(3);
    } finally {
      await stub.stop();
    }
  });

  it('behind a trusted proxy (TRUST_PROXY_HOPS=1), limits each forwarded client separately', async () => {
    const stub = new DirectLineTokenStub(SECRET);
    const endpoint = await stub.start();
    try {
      running = await startWebApp({
        DIRECT_LINE_SECRET: SECRET,
        DIRECT_LINE_ENDPOINT: endpoint,
        TOKEN_RATE_LIMIT_PER_MINUTE: '1',
        TRUST_PROXY_HOPS: '1',
      });
      const from = (ip: string) => postJson(`${running!.base}/api/directline/token`, {}, { 'x-forwarded-for': ip });
      expect((await from('203.0.113.1')).status).toBe(200);
      expect((await from('203.0.113.2')).status).toBe(200);
      expect((await from('203.0.113.1')).status).toBe(429);
    } finally {
      await stub.stop();
    }
  });

  it('answers 503 when there is no secret and no local Direct Line', async () => {
    running = await startWebApp({ DIRECT_LINE_LOCAL_ENABLED: 'false' });
    const result = await postJson(`${running.base}/api/directline/token`, {});
    expect(result.status).toBe(503);
    expect(result.json()).toMatchObject({ error: 'unavailable' });
  });

  it('answers 502 when Direct Line cannot be reached', async () => {
    running = await startWebApp({ DIRECT_LINE_SECRET: SECRET, DIRECT_LINE_ENDPOINT: 'http://127.0.0.1:9/v3/directline' });
    const result = await postJson(`${running.base}/api/directline/token`, {});
    expect(result.status).toBe(502);
    expect(visible(result)).not.toContain(SECRET);
  });
});
