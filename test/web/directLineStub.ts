import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StubMode = 'ok' | 'fail' | 'malformed';

/**
 * A loopback stand-in for the Direct Line service's token API (POST /v3/directline/tokens/generate).
 * It checks the secret, records what it was asked, and can fail on demand. Its failure body
 * deliberately contains the secret, so a test can prove the token route never relays it.
 */
export class DirectLineTokenStub {
  mode: StubMode = 'ok';
  readonly requests: Array<{ authorization?: string; body: unknown }> = [];
  private server?: Server;
  private counter = 0;

  constructor(private readonly secret: string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      // Plain writeHead then end: restify's dependencies patch http, and writeHead may not chain.
      const reply = (status: number, body = '') => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(body);
      };
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        this.requests.push({ authorization: req.headers.authorization, body: text ? (JSON.parse(text) as unknown) : undefined });
        if (req.method !== 'POST' || req.url !== '/v3/directline/tokens/generate') {
          reply(404);
          return;
        }
        if (req.headers.authorization !== `Bearer ${this.secret}`) {
          reply(403, '{"error":{"code":"BadArgument"}}');
          return;
        }
        if (this.mode === 'fail') {
          reply(500, JSON.stringify({ error: `upstream trouble for ${this.secret}` }));
          return;
        }
        if (this.mode === 'malformed') {
          reply(200, JSON.stringify({ echo: this.secret }));
          return;
        }
        this.counter += 1;
        reply(
          200,
          JSON.stringify({ conversationId: `stubconv${this.counter}`, token: `stub-token-${this.counter}`, expires_in: 3600, extra: this.secret }),
        );
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/v3/directline`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
