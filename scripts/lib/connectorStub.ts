import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedActivity {
  type: string;
  text?: string;
  name?: string;
  value?: unknown;
  attachments?: Array<{ contentType: string; content?: unknown }>;
  suggestedActions?: { actions: Array<{ title?: string; value?: unknown }> };
  conversation?: { id: string };
  replyToId?: string;
  [key: string]: unknown;
}

/**
 * A loopback stand-in for the Bot Connector service (tests and `npm run eval:api`): the bot posts its replies here
 * (`{serviceUrl}/v3/conversations/{id}/activities[/{replyToId}]`) and tests read them back.
 */
export class ConnectorStub {
  readonly received: ReceivedActivity[] = [];
  /** The same activities with the path each was posted to, e.g. to check a reply's replyToId. */
  readonly requests: Array<{ path: string; activity: ReceivedActivity }> = [];
  private server?: Server;
  private waiters: Array<() => void> = [];
  private nextId = 1;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const match = /^\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/.exec(req.url?.split('?')[0] ?? '');
        if (req.method !== 'POST' || !match) {
          // restify patches ServerResponse in this process: writeHead no longer returns `this`.
          res.writeHead(404);
          res.end();
          return;
        }
        const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedActivity;
        this.received.push(activity);
        this.requests.push({ path: req.url?.split('?')[0] ?? '', activity });
        this.waiters.splice(0).forEach((wake) => wake());
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${this.nextId++}` }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Replies of one conversation, optionally only those of a type ('message', 'event', 'trace'). */
  for(conversationId: string, type?: string): ReceivedActivity[] {
    return this.received.filter((a) => a.conversation?.id === conversationId && (!type || a.type === type));
  }

  /** Waits until the predicate holds over what has arrived, or fails after timeoutMs. */
  async waitUntil(predicate: (received: ReceivedActivity[]) => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.received)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Connector stub: condition not met; received ${this.received.length} activities`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  clear(): void {
    this.received.length = 0;
    this.requests.length = 0;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
