/**
 * Azure CLU (conversational language understanding) recogniser with a safety net: any timeout,
 * network error, HTTP error or unknown intent falls back to the local recogniser for that turn,
 * and a circuit breaker skips CLU entirely for a while after repeated failures, so an outage does
 * not add the timeout to every turn. Logs carry the reason only, never the user's text.
 */
import { AzureKeyCredential, ConversationAnalysisClient } from '@azure/ai-language-conversations';
import type { Logger } from 'pino';
import { CircuitBreaker, type CircuitBreakerOptions } from './circuitBreaker';
import { isIntentName, recognitionText, type IntentScore, type RecognitionResult, type Recognizer } from './recognizer';

export interface CluOptions {
  endpoint: string;
  key: string;
  projectName: string;
  deploymentName: string;
  /** Bound on one CLU call, default 3000 ms. */
  timeoutMs?: number;
  breaker?: CircuitBreakerOptions;
}

export const DEFAULT_CLU_TIMEOUT_MS = 3000;

/** Sends one utterance to CLU and resolves with the raw JSON-like response body. */
export type CluTransport = (text: string, language: string, signal: AbortSignal) => Promise<unknown>;

/** The SDK transport: ConversationAnalysisClient with SDK retries off (the breaker decides). */
export function sdkTransport(options: CluOptions): CluTransport {
  const client = new ConversationAnalysisClient(options.endpoint, new AzureKeyCredential(options.key), {
    retryOptions: { maxRetries: 0 },
    // Only so the loopback stub in tests (http://127.0.0.1) is reachable; Azure endpoints are https.
    allowInsecureConnection: options.endpoint.startsWith('http://127.0.0.1') || options.endpoint.startsWith('http://localhost'),
  });
  return async (text, language, signal) =>
    client.analyzeConversation(
      {
        kind: 'Conversation',
        analysisInput: { conversationItem: { id: '1', participantId: 'user', text, language } },
        parameters: { projectName: options.projectName, deploymentName: options.deploymentName },
      },
      { abortSignal: signal },
    );
}

export class CluFailure extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

function readScore(entry: Record<string, unknown>): number | undefined {
  // The REST body names it confidenceScore; the SDK's deserialised types name it confidence.
  const value = entry.confidenceScore ?? entry.confidence;
  return typeof value === 'number' ? value : undefined;
}

/** Pure: maps a CLU response (REST or SDK shape) to a result, or throws CluFailure. */
export function parseCluResponse(body: unknown): RecognitionResult {
  const root = (body ?? {}) as Record<string, unknown>;
  const result = (root.result ?? root) as Record<string, unknown>;
  const prediction = (result.prediction ?? {}) as Record<string, unknown>;
  const topIntent = prediction.topIntent;
  if (typeof topIntent !== 'string') throw new CluFailure('no-prediction');
  if (!isIntentName(topIntent)) throw new CluFailure('unknown-intent');
  const scores: IntentScore[] = [];
  const intents = Array.isArray(prediction.intents) ? (prediction.intents as Record<string, unknown>[]) : [];
  for (const entry of intents) {
    const category = entry.category;
    const score = readScore(entry);
    if (typeof category === 'string' && isIntentName(category) && score !== undefined) {
      scores.push({ intent: category, score });
    }
  }
  scores.sort((a, b) => b.score - a.score);
  const top = scores.find((s) => s.intent === topIntent);
  return {
    intent: topIntent,
    score: top?.score ?? 0,
    alternatives: scores.filter((s) => s.intent !== topIntent).slice(0, 3),
    recognizer: 'clu',
  };
}

function describe(error: unknown, timedOut: boolean): string {
  if (timedOut) return 'timeout';
  if (error instanceof CluFailure) return error.reason;
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number') return `http-${status}`;
  return 'network-error';
}

export interface CluRecognizerOptions {
  clu: CluOptions;
  fallback: Recognizer;
  logger: Logger;
  transport?: CluTransport;
}

export class CluRecognizer implements Recognizer {
  readonly breaker: CircuitBreaker;
  private readonly transport: CluTransport;
  private readonly timeoutMs: number;
  private readonly fallback: Recognizer;
  private readonly logger: Logger;

  constructor(options: CluRecognizerOptions) {
    this.transport = options.transport ?? sdkTransport(options.clu);
    this.timeoutMs = options.clu.timeoutMs ?? DEFAULT_CLU_TIMEOUT_MS;
    this.fallback = options.fallback;
    this.logger = options.logger;
    this.breaker = new CircuitBreaker(options.clu.breaker);
  }

  async recognize(fullText: string, locale: string): Promise<RecognitionResult> {
    const text = recognitionText(fullText);
    if (!this.breaker.tryAcquire()) {
      this.logger.debug({ event: 'clu.skipped', circuit: 'open' }, 'CLU circuit open; using local recogniser');
      return this.fallBack(text, locale);
    }
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    try {
      const body = await this.transport(text, cluLanguage(locale), controller.signal);
      const result = parseCluResponse(body);
      this.breaker.recordSuccess();
      return result;
    } catch (error: unknown) {
      // An answer naming an intent we do not know means CLU is up but its project differs: fall back
      // for this turn without counting it against the service's health.
      if (error instanceof CluFailure && error.reason === 'unknown-intent') this.breaker.recordSuccess();
      else this.breaker.recordFailure();
      this.logger.warn(
        { event: 'clu.fallback', reason: describe(error, timedOut), circuit: this.breaker.state },
        'CLU failed; using local recogniser for this turn',
      );
      return this.fallBack(text, locale);
    } finally {
      clearTimeout(timer);
    }
  }

  private async fallBack(text: string, locale: string): Promise<RecognitionResult> {
    const result = await this.fallback.recognize(text, locale);
    return { ...result, recognizer: 'clu-fallback' };
  }
}

/** CLU expects BCP-47 language tags in lower case, e.g. en-gb. */
function cluLanguage(locale: string): string {
  return locale.toLowerCase();
}
