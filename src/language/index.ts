/**
 * Entry point of the language layer: builds the recogniser the bot uses. The local nlp.js model is
 * always trained (it is the fallback when CLU is configured); CLU wraps it when options are given.
 */
import type { Logger } from 'pino';
import { CluRecognizer, type CluOptions, type CluTransport } from './cluRecognizer';
import { createLocalRecognizer, localRecognizerFromModels, type LocalRecognizer } from './localRecognizer';
import { trainModelsOffThread } from './trainOffThread';
import type { Recognizer } from './recognizer';
import { loadUtterances } from './utterances';

export * from './recognizer';
export { CluRecognizer, parseCluResponse, DEFAULT_CLU_TIMEOUT_MS, type CluOptions, type CluTransport } from './cluRecognizer';
export { createLocalRecognizer, applyThreshold, DEFAULT_THRESHOLD, type LocalRecognizer } from './localRecognizer';
export { loadUtterances, parseUtterances, type UtteranceSet, type LabelledUtterance } from './utterances';
export { buildCluProject } from './cluExport';

export interface CreateRecognizerOptions {
  locale?: string;
  clu?: CluOptions;
  logger: Logger;
  /** Test seam: replaces the CLU SDK call. */
  cluTransport?: CluTransport;
  /** Which examples to learn from; default 'all' (see createTrainedLocalRecognizer). */
  split?: 'train' | 'all';
}

/**
 * Trains the local recogniser from the utterance source. The bot trains on train + test: the
 * held-out split exists to measure (scripts/eval-nlu.ts trains on train only), and in production
 * every example helps.
 */
export async function createTrainedLocalRecognizer(
  options: { locale?: string; split?: 'train' | 'all'; threshold?: number; logger?: Logger } = {},
): Promise<LocalRecognizer> {
  const utterances = loadUtterances(options.locale ?? 'en-GB');
  const examples = options.split === 'train' ? utterances.train : [...utterances.train, ...utterances.test];
  try {
    return localRecognizerFromModels(await trainModelsOffThread(examples), { threshold: options.threshold });
  } catch (err) {
    // A worker that cannot start is no reason to run without a recogniser: train here instead.
    options.logger?.warn({ event: 'nlu.worker_failed', error: err instanceof Error ? err.name : 'UnknownError' }, 'training worker failed; training in the main thread');
    return createLocalRecognizer({ examples, threshold: options.threshold });
  }
}

export async function createRecognizer(options: CreateRecognizerOptions): Promise<Recognizer> {
  const started = Date.now();
  const local = await createTrainedLocalRecognizer({ locale: options.locale, split: options.split, logger: options.logger });
  options.logger.info({ event: 'nlu.trained', ms: Date.now() - started }, 'Local recogniser trained');
  if (!options.clu) return local;
  options.logger.info({ event: 'nlu.clu', project: options.clu.projectName }, 'CLU recogniser enabled with local fallback');
  return new CluRecognizer({ clu: options.clu, fallback: local, logger: options.logger, transport: options.cluTransport });
}
