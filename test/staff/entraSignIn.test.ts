import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { INetworkModule, NetworkRequestOptions } from '@azure/msal-node';
import type { App } from '../../src/app';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import type { Recognizer } from '../../src/language/recognizer';
import { httpRequest, type HttpResult } from '../support/httpClient';

jest.setTimeout(60_000);

const TENANT = '11111111-2222-3333-4444-555555555555';
const OTHER_TENANT = '99999999-2222-3333-4444-555555555555';
const CLIENT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const CERT = readFileSync(join(__dirname, 'fixtures', 'loopback-cert.pem'));
const KEY = readFileSync(join(__dirname, 'fixtures', 'loopback-key.pem'));

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A loopback OpenID Connect provider speaking Entra ID's v2.0 endpoints over HTTPS (a test
 * certificate): discovery and the token endpoint, which checks the PKCE verifier against the
 * challenge the bot sent, and answers with an ID token carrying the claims a test chose.
 */
class OpenIdProviderStub {
  private server?: Server;
  base = '';
  /** code -> the claims to issue and the PKCE challenge it was issued for */
  readonly codes = new Map<string, { claims: Record<string, unknown>; challenge: string }>();

  async start(): Promise<string> {
    this.server = createServer({ cert: CERT, key: KEY }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', this.base);
        const json = (status: number, body: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        if (url.pathname.endsWith('/.well-known/openid-configuration')) {
          const tenant = url.pathname.split('/')[1];
          return json(200, {
            issuer: `${this.base}/${tenant}/v2.0`,
            authorization_endpoint: `${this.base}/${tenant}/oauth2/v2.0/authorize`,
            token_endpoint: `${this.base}/${tenant}/oauth2/v2.0/token`,
            end_session_endpoint: `${this.base}/${tenant}/oauth2/v2.0/logout`,
            jwks_uri: `${this.base}/${tenant}/discovery/v2.0/keys`,
            response_types_supported: ['code'],
            scopes_supported: ['openid', 'profile'],
          });
        }
        if (url.pathname.endsWith('/oauth2/v2.0/token') && req.method === 'POST') {
          const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
          const issued = this.codes.get(form.get('code') ?? '');
          const verifier = form.get('code_verifier') ?? '';
          if (!issued || createHash('sha256').update(verifier).digest('base64url') !== issued.challenge || form.get('client_id') !== CLIENT) {
            return json(400, { error: 'invalid_grant', error_description: 'bad code or verifier' });
          }
          const now = Math.floor(Date.now() / 1000);
          const claims: Record<string, unknown> = { aud: CLIENT, iss: `${this.base}/${String(issued.claims.tid)}/v2.0`, iat: now, nbf: now, exp: now + 3600, sub: 'sub-1', oid: 'oid-1', ver: '2.0', ...issued.claims };
          return json(200, {
            token_type: 'Bearer',
            scope: 'openid profile',
            expires_in: 3600,
            ext_expires_in: 3600,
            access_token: 'access-token',
            id_token: `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(claims)}.signature`,
            client_info: b64url({ uid: 'oid-1', utid: claims.tid }),
          });
        }
        json(404, { error: 'not_found' });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.base;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

/** MSAL's HTTP client for the test: trusts the loopback provider's certificate, nothing else changed. */
const trustingClient: INetworkModule = {
  sendGetRequestAsync: (url, options) => send('GET', url, options),
  sendPostRequestAsync: (url, options) => send('POST', url, options),
};
function send<T>(method: string, url: string, options?: NetworkRequestOptions): Promise<{ headers: Record<string, string>; body: T; status: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: options?.headers, ca: CERT }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers as Record<string, string>, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as T, status: res.statusCode ?? 0 }));
    });
    req.on('error', reject);
    if (options?.body) req.write(options.body);
    req.end();
  });
}

const noRecognizer: Recognizer = { recognize: async () => ({ intent: 'None', score: 0, alternatives: [], recognizer: 'local' }) as never };

describe('staff sign-in with Microsoft Entra ID (loopback OpenID provider)', () => {
  const provider = new OpenIdProviderStub();
  let app: App;
  let base: string;

  beforeAll(async () => {
    const authorityHost = await provider.start();
    const config = loadConfig({
      NODE_ENV: 'production',
      MicrosoftAppId: 'bot-app', MicrosoftAppPassword: 'x', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT,
      HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', TRANSCRIPT_STORE: 'memory',
      STAFF_ENTRA_TENANT_ID: TENANT, STAFF_ENTRA_CLIENT_ID: CLIENT, STAFF_ENTRA_CLIENT_SECRET: 'client-secret',
      STAFF_ENTRA_AUTHORITY_HOST: authorityHost, STAFF_BASE_URL: 'https://staff.clinic.example',
      STAFF_TOKEN: 'a-token-that-production-must-ignore-0123456789',
    });
    app = buildApp(config, createLogger('silent'), { recognizer: noRecognizer, entraNetworkClient: trustingClient });
    base = `http://127.0.0.1:${await app.server.listen()}`;
  });

  afterAll(async () => {
    await app.server.shutdown();
    await provider.stop();
  });

  /** Starts sign-in; returns the pending cookie and the authorisation request's parameters. */
  async function startSignIn(): Promise<{ cookie: string; params: URLSearchParams; location: URL }> {
    const res = await httpRequest(`${base}/staff/auth/signin`);
    expect(res.status).toBe(302);
    const location = new URL(String(res.headers.location));
    const cookie = String(res.headers['set-cookie']).split(';')[0];
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Lax; Max-Age=600; Secure/);
    return { cookie, params: location.searchParams, location };
  }

  async function callback(code: string, claims: Record<string, unknown>, tamper: Partial<{ state: string; cookie: string }> = {}): Promise<HttpResult> {
    const { cookie, params } = await startSignIn();
    provider.codes.set(code, { claims: { nonce: params.get('nonce'), ...claims }, challenge: params.get('code_challenge') ?? '' });
    const state = tamper.state ?? params.get('state') ?? '';
    return httpRequest(`${base}/staff/auth/callback?code=${code}&state=${encodeURIComponent(state)}`, { headers: { cookie: tamper.cookie ?? cookie } });
  }

  it('sends staff to the tenant with PKCE (S256), state and nonce', async () => {
    const { location, params } = await startSignIn();
    expect(location.pathname).toBe(`/${TENANT}/oauth2/v2.0/authorize`);
    expect(params.get('client_id')).toBe(CLIENT);
    expect(params.get('redirect_uri')).toBe('https://staff.clinic.example/staff/auth/callback');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.get('state')).toBeTruthy();
    expect(params.get('nonce')).toBeTruthy();
    expect(params.get('response_mode') ?? 'query').toBe('query');
  });

  it('a member of the tenant with the app role gets a short, secure session cookie, and the sign-in is audited', async () => {
    const res = await callback('good', { tid: TENANT, roles: ['Staff.Review'], preferred_username: 'nurse@clinic.example' });
    expect(res.status).toBe(200);
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const session = cookies.find((c) => c.startsWith('ipt_staff='))!;
    expect(session).toMatch(/HttpOnly; SameSite=Strict; Max-Age=28800; Secure/);
    const page = await httpRequest(`${base}/staff`, { headers: { cookie: session.split(';')[0] } });
    expect(page.status).toBe(200);
    const audit = await httpRequest(`${base}/staff/api/audit`, { headers: { cookie: session.split(';')[0] } });
    expect(JSON.stringify(audit.json())).toContain('nurse@clinic.example');
  });

  it('403 for another tenant, and for an account without the role', async () => {
    expect((await callback('other-tenant', { tid: OTHER_TENANT, roles: ['Staff.Review'] })).status).toBe(403);
    expect((await callback('no-role', { tid: TENANT, roles: ['Something.Else'] })).status).toBe(403);
  });

  it('401 when the state, nonce, cookie or PKCE verifier do not match', async () => {
    expect((await callback('bad-state', { tid: TENANT, roles: ['Staff.Review'] }, { state: 'forged' })).status).toBe(401);
    expect((await callback('no-cookie', { tid: TENANT, roles: ['Staff.Review'] }, { cookie: 'ipt_staff_pending=forged.sig' })).status).toBe(401);
    expect((await callback('bad-nonce', { tid: TENANT, roles: ['Staff.Review'], nonce: 'replayed' })).status).toBe(401);
    // A code issued for another sign-in's challenge: the provider refuses the verifier.
    const { cookie, params } = await startSignIn();
    provider.codes.set('stolen', { claims: { tid: TENANT, roles: ['Staff.Review'], nonce: params.get('nonce') }, challenge: 'another-challenge' });
    const res = await httpRequest(`${base}/staff/auth/callback?code=stolen&state=${params.get('state')}`, { headers: { cookie } });
    expect(res.status).toBe(401);
  });

  it('in production the local token opens nothing', async () => {
    expect((await httpRequest(`${base}/staff/api/conversations`, { headers: { authorization: 'Bearer a-token-that-production-must-ignore-0123456789' } })).status).toBe(401);
    expect((await httpRequest(`${base}/staff/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'token=a-token-that-production-must-ignore-0123456789' })).status).not.toBe(303);
    const page = await httpRequest(`${base}/staff`);
    expect(page.status).toBe(401);
    expect(page.text).toContain('/staff/auth/signin');
    expect(page.text).not.toContain('name="token"');
  });
});
