import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_OUTPUT, qnaProject } from '../../scripts/qna-export';
import { loadKnowledgeBase, loadKnowledgeBaseFrom } from '../../src/content/knowledgeBase';
import { createLogger } from '../../src/logger';
import { PROJECT_ROOT } from '../../src/projectRoot';
import { loadConfig } from '../../src/config';
import { parseQnaResponse, QnaQuestionSource } from '../../src/language/qnaRecognizer';
import type { QuestionMatch } from '../../src/language/questionMatcher';

/**
 * Azure custom question answering: the import file comes from the knowledge base, and the
 * recogniser is tested against a loopback HTTP server speaking the service's REST shape (the only
 * stub: the Azure endpoint). Same safety net as CLU: timeout, fallback, circuit breaker.
 */

const kb = loadKnowledgeBaseFrom(join(__dirname, '..', 'fixtures', 'knowledge-base'));
const LOCAL: QuestionMatch = { questions: [{ id: 'access.waiting-list', score: 0.9 }], topics: [{ topic: 'access', score: 0.9 }] };
const logger = createLogger('silent');

interface Seen {
  url: string;
  key: string | undefined;
  body: { question?: string; top?: number; confidenceScoreThreshold?: number };
}

function answersFor(id: string, score: number) {
  return { answers: [{ questions: ['x'], answer: 'text', confidenceScore: score, id: 1, metadata: { questionid: id, topic: id.split('.')[0] } }] };
}

async function readBody(req: IncomingMessage): Promise<string> {
  let data = '';
  for await (const chunk of req) data += String(chunk);
  return data;
}

describe('question answering', () => {
  let server: Server;
  let endpoint: string;
  let seen: Seen[] = [];
  let reply: (res: import('node:http').ServerResponse) => void;

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      seen.push({ url: req.url ?? '', key: req.headers['ocp-apim-subscription-key'] as string | undefined, body: JSON.parse(await readBody(req)) });
      reply(res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    seen = [];
  });

  const json = (status: number, body: unknown) => (res: import('node:http').ServerResponse) => {
    // A fresh connection per call, so one test's aborted request cannot leave a dead socket for the next.
    res.writeHead(status, { 'Content-Type': 'application/json', Connection: 'close' });
    res.end(JSON.stringify(body));
  };

  function source(now = () => 0, timeoutMs = 5_000) {
    return new QnaQuestionSource({
      qna: { endpoint, key: 'secret-key', projectName: 'ipt-guide', deploymentName: 'production', timeoutMs, breaker: { now, failureThreshold: 3, openMs: 30_000 } },
      kb,
      logger,
    });
  }

  test('sends the REST shape and maps answers to the knowledge base by question id', async () => {
    reply = json(200, answersFor('cost.nhs-free', 0.87));
    const match = await source().match('is it free', 'en-GB', () => LOCAL);
    expect(match.questions).toEqual([{ id: 'cost.nhs-free', score: 0.87 }]);
    expect(match.topics[0]).toEqual({ topic: 'cost', score: 0.87 });
    const [request] = seen;
    const url = new URL(request.url, endpoint);
    expect(url.pathname).toBe('/language/:query-knowledgebases');
    expect(Object.fromEntries(url.searchParams)).toEqual({ projectName: 'ipt-guide', deploymentName: 'production', 'api-version': '2021-10-01' });
    expect(request.key).toBe('secret-key');
    expect(request.body).toEqual({ question: 'is it free', top: 5, confidenceScoreThreshold: 0.05 });
  });

  test.each([
    ['an HTTP error', json(500, { error: { code: 'InternalServerError' } })],
    ['a body without answers', json(200, { nothing: true })],
    ['an answer the bot does not know', json(200, answersFor('cost.unknown', 0.9))],
  ])('%s: falls back to the local matcher', async (_name, handler) => {
    reply = handler;
    expect(await source().match('is it free', 'en-GB', () => LOCAL)).toBe(LOCAL);
  });

  test('a slow service: the timeout falls back', async () => {
    reply = (res) => setTimeout(() => json(200, answersFor('cost.nhs-free', 0.9))(res), 300);
    expect(await source(() => 0, 50).match('is it free', 'en-GB', () => LOCAL)).toBe(LOCAL);
  });

  test('circuit breaker: three failures skip the service until it has had time to recover', async () => {
    reply = json(503, {});
    let now = 0;
    const qna = source(() => now);
    for (let i = 0; i < 3; i += 1) await qna.match('q', 'en-GB', () => LOCAL);
    expect(seen).toHaveLength(3);
    expect(await qna.match('q', 'en-GB', () => LOCAL)).toBe(LOCAL);
    expect(seen).toHaveLength(3);
    now = 31_000;
    reply = json(200, answersFor('cost.nhs-free', 0.9));
    expect((await qna.match('q', 'en-GB', () => LOCAL)).questions[0].id).toBe('cost.nhs-free');
    expect(qna.breaker.state).toBe('closed');
  });

  test('through the bot: a configured service picks the question, the bot answers from its own copy', async () => {
    const { createBotHarness } = await import('../support/botHarness');
    reply = json(200, answersFor('cost.nhs-free', 0.95));
    const h = createBotHarness({ QNA_ENDPOINT: endpoint, QNA_KEY: 'secret-key', QNA_PROJECT: 'ipt-guide', QNA_DEPLOYMENT: 'production', QNA_TIMEOUT_MS: '30000' });
    await h.ready;
    await h.adapter.send('what about the purple elephant thing').assertReply((activity) => {
      expect(activity.text).toContain(loadKnowledgeBase().questions.get('cost.nhs-free')?.answer.slice(0, 20));
    });
    expect(seen.map((r) => r.body.question)).toEqual(['what about the purple elephant thing']);
  }, 60_000);

  test('the default answer alone is no match, not a failure', () => {
    expect(parseQnaResponse({ answers: [{ answer: 'No answer found', confidenceScore: 0, id: -1, questions: [], metadata: {} }] }, kb)).toEqual({ questions: [], topics: [] });
  });

  test('configuration: all four QNA_ variables or none', () => {
    expect(loadConfig({ QNA_ENDPOINT: 'https://x.cognitiveservices.azure.com', QNA_KEY: 'k', QNA_PROJECT: 'p', QNA_DEPLOYMENT: 'production' }).qna).toMatchObject({ projectName: 'p', timeoutMs: 3000 });
    expect(() => loadConfig({ QNA_ENDPOINT: 'https://x.cognitiveservices.azure.com' })).toThrow(/QNA_KEY is required when any QNA_ variable is set/);
    expect(loadConfig({}).qna).toBeUndefined();
  });
});

describe('question answering export', () => {
  test('the committed import file matches the knowledge base (run npm run qna:export after editing it)', () => {
    const written = JSON.parse(readFileSync(join(PROJECT_ROOT, DEFAULT_OUTPUT), 'utf8')) as unknown;
    expect(written).toEqual(qnaProject());
  });

  test('one pair per question, its phrasings as questions, its id in metadata, follow-ups as prompts', () => {
    const project = qnaProject();
    const real = loadKnowledgeBase();
    expect(project).toMatchObject({ 'api-version': '2021-10-01', stringIndexType: 'Utf16CodeUnit', metadata: { projectName: 'ipt-guide', language: 'en' } });
    expect(project.assets.qnas).toHaveLength(real.questions.size);
    const ids = new Set(project.assets.qnas.map((q) => q.id));
    for (const pair of project.assets.qnas) {
      const question = real.questions.get(pair.metadata.questionid);
      expect(question).toBeDefined();
      expect(pair.questions).toContain(question?.question);
      for (const prompt of pair.dialog.prompts) expect(ids.has(prompt.qnaId)).toBe(true);
    }
  });
});
