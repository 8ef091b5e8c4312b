/**
 * Azure custom question answering (Azure AI Language) in front of the offline matcher, with the
 * CLU recogniser's safety net: a bounded timeout, fallback to the local matcher on any timeout,
 * network error, HTTP error or unknown answer, and a circuit breaker that skips the service for a
 * while after repeated failures. Logs carry the reason only, never the person's words.
 */
import type { Logger } from 'pino';
import type { KnowledgeBase } from '../content/knowledgeBase';
import { CircuitBreaker, type CircuitBreakerOptions } from './circuitBreaker';
import { QNA_API_VERSION, QUESTION_ID_KEY } from './qnaExport';
import type { RemoteQuestionSource } from './questionAnswerer';
import type { QuestionMatch, QuestionScore } from './questionMatcher';

export interface QnaOptions {
  endpoint: string;
  key: string;
  projectName: string;
  deploymentName: string;
  /** Bound on one call, default 3000 ms. */
  timeoutMs?: number;
  breaker?: CircuitBreakerOptions;
}

export const DEFAULT_QNA_TIMEOUT_MS = 3000;
/** How many answers to ask for, and the lowest confidence worth returning. */
const TOP = 5;
const MIN_CONFIDENCE = 0.05;

/** Sends one question and resolves with the raw JSON response body. */
export type QnaTransport = (question: string, signal: AbortSignal) => Promise<unknown>;

export class QnaFailure extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** The REST call: POST {endpoint}/language/:query-knowledgebases (fetch, no SDK retries). */
export function fetchTransport(options: QnaOptions): QnaTransport {
  const url = new URL(`${options.endpoint.replace(/\/+$/, '')}/language/:query-knowledgebases`);
  url.searchParams.set('projectName', options.projectName);
  url.searchParams.set('deploymentName', options.deploymentName);
  url.searchParams.set('api-version', QNA_API_VERSION);
  return async (question, signal) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Ocp-Apim-Subscription-Key': options.key },
      body: JSON.stringify({ question, top: TOP, confidenceScoreThreshold: MIN_CONFIDENCE }),
      signal,
    });
    if (!response.ok) throw new QnaFailure(`http-${response.status}`);
    return response.json();
  };
}

/** Pure: maps a response body to a match over the knowledge base's own question ids, or throws QnaFailure. */
export function parseQnaResponse(body: unknown, kb: KnowledgeBase): QuestionMatch {
  const answers = (body as { answers?: unknown } | null)?.answers;
  if (!Array.isArray(answers)) throw new QnaFailure('no-answers');
  const questions: QuestionScore[] = [];
  for (const entry of answers as Record<string, unknown>[]) {
    const metadata = (entry.metadata ?? {}) as Record<string, unknown>;
    const id = metadata[QUESTION_ID_KEY];
    const score = entry.confidenceScore;
    // An answer we did not export (the service's default answer has id -1) is no match.
    if (typeof id !== 'string' || typeof score !== 'number' || !kb.questions.has(id)) continue;
    if (!questions.some((q) => q.id === id)) questions.push({ id, score });
  }
  if (answers.length > 0 && questions.length === 0 && answers.some((a) => (a as { id?: unknown }).id !== -1)) {
    throw new QnaFailure('unknown-answer');
  }
  questions.sort((a, b) => b.score - a.score);
  const topics = new Map<string, number>();
  for (const q of questions) {
    const topic = kb.questions.get(q.id)?.topic ?? '';
    topics.set(topic, (topics.get(topic) ?? 0) + q.score);
  }
  return {
    questions: questions.slice(0, TOP),
    topics: [...topics].map(([topic, score]) => ({ topic, score: Math.min(score, 1) })).sort((a, b) => b.score - a.score),
  };
}

function describe(error: unknown, timedOut: boolean): string {
  if (timedOut) return 'timeout';
  if (error instanceof QnaFailure) return error.reason;
  return 'network-error';
}

export interface QnaQuestionSourceOptions {
  qna: QnaOptions;
  kb: KnowledgeBase;
  logger: Logger;
  transport?: QnaTransport;
}

export class QnaQuestionSource implements RemoteQuestionSource {
  readonly breaker: CircuitBreaker;
  private readonly transport: QnaTransport;
  private readonly timeoutMs: number;

  constructor(private readonly options: QnaQuestionSourceOptions) {
    this.transport = options.transport ?? fetchTransport(options.qna);
    this.timeoutMs = options.qna.timeoutMs ?? DEFAULT_QNA_TIMEOUT_MS;
    this.breaker = new CircuitBreaker(options.qna.breaker);
  }

  async match(text: string, _locale: string, local: () => QuestionMatch | Promise<QuestionMatch>): Promise<QuestionMatch> {
    if (!this.breaker.tryAcquire()) {
      this.options.logger.debug({ event: 'qna.skipped', circuit: 'open' }, 'Question answering circuit open; using the local matcher');
      return local();
    }
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    try {
      const result = parseQnaResponse(await this.transport(text, controller.signal), this.options.kb);
      this.breaker.recordSuccess();
      return result;
    } catch (error: unknown) {
      // Answers we do not know mean the service is up but its project differs: not a health failure.
      if (error instanceof QnaFailure && error.reason === 'unknown-answer') this.breaker.recordSuccess();
      else this.breaker.recordFailure();
      this.options.logger.warn(
        { event: 'qna.fallback', reason: describe(error, timedOut), circuit: this.breaker.state },
        'Question answering failed; using the local matcher for this turn',
      );
      return local();
    } finally {
      clearTimeout(timer);
    }
  }
}
