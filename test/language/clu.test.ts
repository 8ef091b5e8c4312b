import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { CluRecognizer, parseCluResponse } from '../../src/language/cluRecognizer';
import type { RecognitionResult, Recognizer } from '../../src/language/recognizer';

/** The edge stub: a loopback CLU endpoint whose behaviour each test sets. */
type Behaviour = (req: IncomingMessage, body: string, res: ServerResponse) => void;

function cluBody(topIntent: string, intents: [string, number][]) {
  return {
    kind: 'ConversationResult',
    result: {
      query: 'ignored',
      prediction: {
        projectKind: 'Conversation',
        topIntent,
        intents: intents.map(([category, confidenceScore]) => ({ category, confidenceScore })),
        entities: [],
      },
    },
  };
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

describe('CluRecognizer against a loopback CLU endpoint', () => {
  let server: Server;
  let endpoint: string;
  let behaviour: Behaviour;
  let calls: { url: string; key: string | undefined; body: Record<string, unknown> }[];
  const logLines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => logLines.push(line) });

  const localAnswer: RecognitionResult = { intent: 'AboutIpt', score: 0.8, alternatives: [], recognizer: 'local' };
  const local: Recognizer = { recognize: async () => localAnswer };

  const make = (timeoutMs = 300, now?: () => number) =>
    new CluRecognizer({
      clu: { endpoint, key: 'test-key', projectName: 'ipt-guide', deploymentName: 'production', timeoutMs, breaker: { failureThreshold: 3, openMs: 30_000, now } },
      fallback: local,
      logger,
    });

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        calls.push({ url: req.url ?? '', key: req.headers['ocp-apim-subscription-key'] as string | undefined, body: JSON.parse(body || '{}') as Record<string, unknown> });
        behaviour(req, body, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => {
    calls = [];
    logLines.length = 0;
  });

  it('returns CLU’s intent and confidenceScore and sends the documented request', async () => {
    behaviour = (_req, _body, res) => json(res, 200, cluBody('AccessNhs', [['AccessNhs', 0.93], ['AccessPrivate', 0.04], ['None', 0.02]]));
    const result = await make().recognize('how do i get this on the nhs', 'en-GB');
    expect(result).toEqual({
      intent: 'AccessNhs',
      score: 0.93,
      alternatives: [{ intent: 'AccessPrivate', score: 0.04 }, { intent: 'None', score: 0.02 }],
      recognizer: 'clu',
    });
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toMatch(/^\/language\/:analyze-conversations\?api-version=/);
    expect(calls[0].key).toBe('test-key');
    expect(calls[0].body).toMatchObject({
      kind: 'Conversation',
      analysisInput: { conversationItem: { text: 'how do i get this on the nhs' } },
      parameters: { projectName: 'ipt-guide', deploymentName: 'production' },
    });
  });

  it.each([
    ['a 500', (res: ServerResponse) => json(res, 500, { error: { code: 'InternalServerError', message: 'boom' } }), 'http-500'],
    ['a 401', (res: ServerResponse) => json(res, 401, { error: { code: '401', message: 'Access denied' } }), 'http-401'],
    ['an unknown intent', (res: ServerResponse) => json(res, 200, cluBody('OrderPizza', [['OrderPizza', 0.9]])), 'unknown-intent'],
  ])('falls back to the local recogniser on %s and logs why without the text', async (_name, reply, reason) => {
    behaviour = (_req, _body, res) => reply(res);
    // A generous timeout: these cases are about the reply, and on a loaded machine a 300 ms timeout
    // can fire before the request arrives, which then lands in the next case's log.
    const result = await make(5_000).recognize('my secret words', 'en-GB');
    expect(result).toEqual({ ...localAnswer, recognizer: 'clu-fallback' });
    expect(calls).toHaveLength(1);
    const log = logLines.join('');
    expect(log).toContain(`"reason":"${reason}"`);
    expect(log).not.toContain('my secret words');
  });

  it('falls back when CLU answers after the timeout', async () => {
    behaviour = (_req, _body, res) => {
      setTimeout(() => json(res, 200, cluBody('Evidence', [['Evidence', 0.9]])), 1500);
    };
    const result = await make(100).recognize('does it work', 'en-GB');
    expect(result.recognizer).toBe('clu-fallback');
    expect(logLines.join('')).toContain('"reason":"timeout"');
  });

  it('falls back on a network error (nothing listening)', async () => {
    const dead = new CluRecognizer({
      clu: { endpoint: 'http://127.0.0.1:1', key: 'k', projectName: 'p', deploymentName: 'd', timeoutMs: 1000 },
      fallback: local,
      logger,
    });
    const result = await dead.recognize('hello', 'en-GB');
    expect(result.recognizer).toBe('clu-fallback');
    expect(logLines.join('')).toContain('"reason":"network-error"');
  });

  it('opens the circuit after 3 failures, skips CLU while open, and closes after a good half-open call', async () => {
    let clock = 1_000_000;
    const recognizer = make(300, () => clock);
    behaviour = (_req, _body, res) => json(res, 503, { error: { code: 'ServiceUnavailable' } });
    for (let i = 0; i < 3; i += 1) await recognizer.recognize('q', 'en-GB');
    expect(calls).toHaveLength(3);
    expect(recognizer.breaker.state).toBe('open');

    for (let i = 0; i < 5; i += 1) {
      expect((await recognizer.recognize('q', 'en-GB')).recognizer).toBe('clu-fallback');
    }
    expect(calls).toHaveLength(3); // the stub saw nothing while the circuit was open

    clock += 30_000;
    expect(recognizer.breaker.state).toBe('half-open');
    behaviour = (_req, _body, res) => json(res, 200, cluBody('Greeting', [['Greeting', 0.99]]));
    expect((await recognizer.recognize('hi', 'en-GB')).recognizer).toBe('clu');
    expect(recognizer.breaker.state).toBe('closed');
    expect(calls).toHaveLength(4);
  });

  it('re-opens at once when the half-open trial fails', async () => {
    let clock = 0;
    const recognizer = make(300, () => clock);
    behaviour = (_req, _body, res) => json(res, 500, {});
    for (let i = 0; i < 3; i += 1) await recognizer.recognize('q', 'en-GB');
    clock += 30_000;
    await recognizer.recognize('q', 'en-GB');
    expect(calls).toHaveLength(4);
    expect(recognizer.breaker.state).toBe('open');
    await recognizer.recognize('q', 'en-GB');
    expect(calls).toHaveLength(4);
  });
});

describe('parseCluResponse', () => {
  it('reads the SDK shape (confidence) as well as the REST shape (confidenceScore)', () => {
    const sdk = { kind: 'ConversationResult', result: { prediction: { projectKind: 'Conversation', topIntent: 'Help', intents: [{ category: 'Help', confidence: 0.7 }, { category: 'None', confidence: 0.2 }] } } };
    expect(parseCluResponse(sdk)).toEqual({ intent: 'Help', score: 0.7, alternatives: [{ intent: 'None', score: 0.2 }], recognizer: 'clu' });
  });

  it('rejects a body with no prediction', () => {
    expect(() => parseCluResponse({ error: {} })).toThrow('no-prediction');
  });
});
