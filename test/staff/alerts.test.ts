import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '../../src/app';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createRecognizer } from '../../src/language';
import { RiskAlerter } from '../../src/staff/riskAlerts';
import { ConnectorStub } from '../support/connectorStub';
import { httpRequest, postJson } from '../support/httpClient';
import { messageActivity } from '../support/activities';

jest.setTimeout(60_000);

/** A loopback stand-in for a Teams Workflows / incoming webhook URL. */
class WebhookStub {
  readonly bodies: string[] = [];
  status = 200;
  private server?: Server;
  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.bodies.push(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(this.status);
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }
  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

const TOKEN = 'alerts-staff-token-0123456789abcdefghijklmn';

describe('risk alerts to a staff webhook', () => {
  const webhook = new WebhookStub();
  const connector = new ConnectorStub();
  let app: App;
  let base: string;

  beforeAll(async () => {
    const hook = await webhook.start();
    const serviceUrl = await connector.start();
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', STAFF_TOKEN: TOKEN, STAFF_ALERT_WEBHOOK_URL: hook, STAFF_BASE_URL: 'https://staff.clinic.example' });
    app = buildApp(config, createLogger('silent'), { recognizer: await createRecognizer({ logger: createLogger('silent') }) });
    base = `http://127.0.0.1:${await app.server.listen()}`;
    await app.ready;
    await postJson(`${base}/api/messages`, messageActivity(serviceUrl, 'I want to end my life, I am Priya on 07700 900123', 'alert-conv'));
    await postJson(`${base}/api/messages`, messageActivity(serviceUrl, 'what is IPT', 'calm-conv'));
  });

  afterAll(async () => {
    await app.server.shutdown();
    await connector.stop();
    await webhook.stop();
  });

  it('posts category, severity, time and a /staff link, and nothing the person wrote', async () => {
    const deadline = Date.now() + 5000;
    while (webhook.bodies.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(webhook.bodies).toHaveLength(1);
    const body = JSON.parse(webhook.bodies[0]) as Record<string, string>;
    expect(body).toMatchObject({ category: 'suicide', severity: 'immediate' });
    expect(body.link).toMatch(/^https:\/\/staff\.clinic\.example\/staff#/);
    expect(webhook.bodies[0]).not.toMatch(/end my life|Priya|07700|alert-conv/);
    const status = (await httpRequest(`${base}/staff/api/alerts`, { headers: { authorization: `Bearer ${TOKEN}` } })).json();
    expect(status).toMatchObject({ enabled: true, sent: 1, failed: 0 });
  });

  it('retries a failing webhook and counts the failure for /staff to show', async () => {
    const failingHook = new WebhookStub();
    failingHook.status = 500;
    const url = await failingHook.start();
    try {
      const alerter = new RiskAlerter({ webhookUrl: url, staffBaseUrl: 'https://x', logger: createLogger('silent'), attempts: 3, retryMs: 10 });
      alerter.notify({ category: 'abuse', severity: 'concern' }, 'webchat', 'c');
      const deadline = Date.now() + 5000;
      while (alerter.status().failed === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(failingHook.bodies).toHaveLength(3);
      expect(alerter.status()).toMatchObject({ failed: 1, sent: 0, pending: 0, lastError: 'HTTP 500' });
    } finally {
      await failingHook.stop();
    }
  });
});
