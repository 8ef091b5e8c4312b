import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createRecognizer } from '../../src/language';
import { messageActivity } from '../support/activities';

/**
 * A Bot Connector stand-in that is slow to accept replies (so turns are in flight when shutdown
 * starts) and records which activity each reply answered: that reply "has been sent".
 */
class SlowConnector {
  readonly repliedTo = new Set<string>();
  private server?: Server;

  constructor(private readonly delayFor: (conversationId: string) => number) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const match = /^\/v3\/conversations\/([^/]+)\/activities\/([^/?]+)/.exec(req.url ?? '');
        if (match) this.repliedTo.add(decodeURIComponent(match[2]));
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"id":"r"}');
        }, this.delayFor(decodeURIComponent(match?.[1] ?? '')));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

type Outcome = { status: number; connection?: string; retryAfter?: string } | { error: string };

function post(url: string, body: unknown, agent: Agent): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, retryAfter: res.headers['retry-after'] as string | undefined }),
      );
      res.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    req.end(JSON.stringify(body));
  });
}

describe('graceful shutdown under keep-alive load', () => {
  it('finishes every request in flight, refuses new ones with 503, and cuts none off after its reply was sent', async () => {
    const SLOW = 'conversation-slow';
    const connector = new SlowConnector((id) => (id === SLOW ? 1_500 : 30));
    const serviceUrl = await connector.start();
    const logLines: string[] = [];
    const logger = createLogger('warn', { destination: { write: (line: string) => void logLines.push(line) } });
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'warn', SHUTDOWN_TIMEOUT_MS: '20000' });
    const app: App = buildApp(config, logger, { recognizer: await createRecognizer({ logger: createLogger('silent') }) });
    const url = `http://127.0.0.1:${await app.server.listen()}/api/messages`;
    const agent = new Agent({ keepAlive: true, maxSockets: 12 });

    const outcomes = new Map<string, Outcome>();
    const pending = new Set<string>();
    let shuttingDown = false;
    const sender = async (conversationId: string) => {
      // Keep sending on the same keep-alive connections until the server turns us away.
      for (;;) {
        const activity = messageActivity(serviceUrl, 'what is IPT?', conversationId);
        pending.add(activity.id);
        const outcome = await post(url, activity, agent);
        pending.delete(activity.id);
        outcomes.set(activity.id, outcome);
        if (shuttingDown && !('status' in outcome && outcome.status === 200)) return;
      }
    };
    const senders = [sender(SLOW), ...Array.from({ length: 10 }, (_, i) => sender(`conversation-${i}`))];
    await new Promise((resolve) => setTimeout(resolve, 600));

    shuttingDown = true;
    const inFlightAtStop = new Set(pending);
    await app.server.shutdown();
    await Promise.all(senders);
    agent.destroy();
    await connector.stop();

    const all = [...outcomes.entries()];
    // No request whose reply reached the channel was cut off: each got its 200.
    for (const [id, outcome] of all) {
      if (connector.repliedTo.has(id)) expect({ id, outcome }).toEqual({ id, outcome: expect.objectContaining({ status: 200 }) });
    }
    // Everything else was either answered, refused cleanly before any work, or never reached the bot.
    for (const [id, outcome] of all) {
      if ('status' in outcome && outcome.status === 503) {
        expect(outcome).toMatchObject({ connection: 'close', retryAfter: '1' });
        expect(connector.repliedTo.has(id)).toBe(false);
      } else if ('error' in outcome) {
        expect(connector.repliedTo.has(id)).toBe(false);
      } else {
        expect(outcome.status).toBe(200);
      }
    }
    // Requests in flight when shutdown began (the slow conversation's at least) finished with 200.
    const finished = all.filter(([id, outcome]) => inFlightAtStop.has(id) && 'status' in outcome && outcome.status === 200);
    expect(finished.length).toBeGreaterThan(0);
    // Keep-alive connections did bring new requests during the drain, and they were refused.
    expect(all.some(([, outcome]) => 'status' in outcome && outcome.status === 503)).toBe(true);
    // Drained, not timed out.
    expect(logLines.join('')).not.toMatch(/shutdown_timeout/);
  }, 30_000);
});
