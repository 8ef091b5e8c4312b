import { generateKeyPairSync, sign } from 'node:crypto';
import type { App } from '../../src/app';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import type { RecognitionResult, Recognizer } from '../../src/language/recognizer';
import { ConnectorStub } from '../support/connectorStub';
import { httpRequest, postJson } from '../support/httpClient';
import { messageActivity } from '../support/activities';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const TENANT = '99999999-8888-7777-6666-555555555555';

/** Counts turns that reach the bot's logic: with a bad token there must be none. */
class CountingRecognizer implements Recognizer {
  calls = 0;
  async recognize(): Promise<RecognitionResult> {
    this.calls += 1;
    return { intent: 'None', score: 1, alternatives: [], recognizer: 'local' };
  }
}

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const b64url = (value: object | Buffer) =>
  (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');

/** A well-formed RS256 token signed by a key the Bot Framework has never heard of. */
function forgedToken(claims: Record<string, unknown>): string {
  const header = b64url({ alg: 'RS256', typ: 'JWT', kid: 'forged-key' });
  const payload = b64url(claims);
  const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), privateKey);
  return `${header}.${payload}.${b64url(signature)}`;
}

describe('authentication with an app ID (every bad token is 401, the bot never runs)', () => {
  const connector = new ConnectorStub();
  const recognizer = new CountingRecognizer();
  let app: App;
  let base: string;
  let serviceUrl: string;

  beforeAll(async () => {
    serviceUrl = await connector.start();
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-password',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: TENANT,
    });
    app = buildApp(config, createLogger('silent'), { recognizer });
    base = `http://127.0.0.1:${await app.server.listen()}`;
  });

  afterAll(async () => {
    await app.server.shutdown();
    await connector.stop();
  });

  const now = Math.floor(Date.now() / 1000);
  const goodClaims = (url: string) => ({
    iss: 'https://api.botframework.com',
    aud: APP_ID,
    serviceurl: url,
    nbf: now - 60,
    iat: now - 60,
    exp: now + 3600,
  });

  const cases: Array<[string, (url: string) => string | undefined]> = [
    ['no Authorization header', () => undefined],
    ['a header that is not a bearer token', () => 'Basic dXNlcjpwYXNz'],
    ['a malformed token', () => 'Bearer not.a.jwt'],
    ['a forged signature', (url) => `Bearer ${forgedToken(goodClaims(url))}`],
    ['the wrong issuer', (url) => `Bearer ${forgedToken({ ...goodClaims(url), iss: 'https://evil.example' })}`],
    ['the wrong audience', (url) => `Bearer ${forgedToken({ ...goodClaims(url), aud: 'someone-else' })}`],
    ['an expired token', (url) => `Bearer ${forgedToken({ ...goodClaims(url), nbf: now - 7200, exp: now - 3600 })}`],
    ['a serviceurl claim that differs from the activity', () => `Bearer ${forgedToken(goodClaims('https://other.example'))}`],
  ];

  it.each(cases)('rejects %s with 401', async (_label, header) => {
    const activity = messageActivity(serviceUrl, 'hello');
    const value = header(serviceUrl);
    const res = await postJson(`${base}/api/messages`, activity, value ? { authorization: value } : {});
    expect(res.status).toBe(401);
    expect(res.json()).toEqual({ error: 'unauthorized', message: 'A valid Bot Framework token is required' });
    expect(recognizer.calls).toBe(0);
    expect(connector.received).toHaveLength(0);
  });

  it('accepts a non-loopback serviceUrl once authentication is on (the token vouches for it), still 401 without a token', async () => {
    const res = await postJson(`${base}/api/messages`, messageActivity('https://smba.trafficmanager.net/uk/', 'hello'));
    expect(res.status).toBe(401);
  });

  it('still serves health checks', async () => {
    expect((await httpRequest(`${base}/healthz`)).status).toBe(200);
  });
});
