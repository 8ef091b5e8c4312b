import { PRODUCTION_ENV } from '../support/productionEnv';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../../src/logger';
import { httpRequest, postJson } from '../support/httpClient';
import { DirectLineTokenStub } from './directLineStub';
import { startWebApp, type RunningApp } from './webApp';

const SECRET = 'test-direct-line-secret-Hk2pQ8';
const AUTH_ON = {
  MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
  MicrosoftAppPassword: 'test-password',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000002',
};

/** A Direct Line stand-in whose token reply never ends; it counts what it managed to send. */
class EndlessReplyStub {
  sent = 0;
  private server?: Server;

  async start(withLength: boolean): Promise<string> {
    this.server = createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json', ...(withLength ? { 'content-length': String(300 * 1024 * 1024) } : {}) });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (!res.destroyed && this.sent < 300 * 1024 * 1024) {
          this.sent += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
      };
      res.write('{"token":"');
      pump();
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v3/directline`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

describe('token route: Host allow-list and a capped upstream reply', () => {
  const stub = new DirectLineTokenStub(SECRET);
  let running: RunningApp;
  let port: string;

  beforeAll(async () => {
    const endpoint = await stub.start();
    running = await startWebApp({
      DIRECT_LINE_SECRET: SECRET,
      DIRECT_LINE_ENDPOINT: endpoint,
      ALLOWED_HOSTS: 'chat.clinic.example',
      WEBSITE_HOSTNAME: 'ipt-guide.azurewebsites.net',
      TOKEN_RATE_LIMIT_PER_MINUTE: '1000',
    });
    port = new URL(running.base).port;
  });
  afterAll(async () => {
    await running.close();
    await stub.stop();
  });

  it('refuses a DNS-rebinding-shaped request (foreign Host, matching Origin) and asks Direct Line for nothing', async () => {
    const before = stub.requests.length;
    const res = await postJson(`${running.base}/api/directline/token`, {}, { host: `rebind.attacker.example:${port}`, origin: `http://rebind.attacker.example:${port}` });
    expect(res.status).toBe(403);
    expect(res.text).not.toMatch(/token/);
    expect(stub.requests.length).toBe(before);
  });

  it.each([['chat.clinic.example'], ['CHAT.clinic.example:443'], ['ipt-guide.azurewebsites.net'], ['localhost'], ['127.0.0.1']])(
    'answers for the allowed host %s',
    async (host) => {
      const res = await postJson(`${running.base}/api/directline/token`, {}, { host });
      expect(res.status).toBe(200);
    },
  );

  it.each([[true], [false]])('stops reading an oversized upstream reply (content-length declared: %s) and answers 502', async (withLength) => {
    const endless = new EndlessReplyStub();
    const endpoint = await endless.start(withLength);
    const app = await startWebApp({ DIRECT_LINE_SECRET: SECRET, DIRECT_LINE_ENDPOINT: endpoint });
    try {
      const res = await postJson(`${app.base}/api/directline/token`, {});
      expect(res.status).toBe(502);
      // Socket buffers hold a little more than the cap; a full read would be 300 MB.
      expect(endless.sent).toBeLessThan(16 * 1024 * 1024);
    } finally {
      await app.close();
      await endless.stop();
    }
  });
});

describe('the page and headers when the chat cannot connect, and in production', () => {
  it('says on the page and at start-up that the chat cannot start (auth on, no DIRECT_LINE_SECRET, not production)', async () => {
    const logLines: string[] = [];
    const app = await startWebApp(AUTH_ON, createLogger('warn', { destination: { write: (line: string) => void logLines.push(line) } }));
    try {
      const page = await httpRequest(`${app.base}/`);
      expect(page.status).toBe(200);
      expect(page.text).toMatch(/<p id="chat-failed" class="chat-failed">The chat is not set up on this server/);
      expect(page.text).toMatch(/<p id="chat-status" class="chat-status" role="status" hidden>/);
      expect(logLines.join('')).toMatch(/"event":"webchat_page_cannot_connect".*DIRECT_LINE_SECRET/);
    } finally {
      await app.close();
    }
  });

  it('sends HSTS in production', async () => {
    const app = await startWebApp({ ...PRODUCTION_ENV, ...AUTH_ON });
    try {
      const res = await httpRequest(`${app.base}/healthz`);
      expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}/);
      expect(res.headers['x-frame-options']).toBe('DENY');
    } finally {
      await app.close();
    }
  });

  it('lets the pages be framed only by CORS_ORIGINS (CSP frame-ancestors, no X-Frame-Options there)', async () => {
    const app = await startWebApp({ CORS_ORIGINS: 'https://clinic.example.org' });
    try {
      const page = await httpRequest(`${app.base}/`);
      expect(page.headers['x-frame-options']).toBeUndefined();
      expect(page.headers['content-security-policy']).toMatch(/frame-ancestors[^;]*https:\/\/clinic\.example\.org/);
      expect((await httpRequest(`${app.base}/healthz`)).headers['x-frame-options']).toBe('DENY');
    } finally {
      await app.close();
    }
  });
});
