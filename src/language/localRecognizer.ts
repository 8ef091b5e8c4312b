/**
 * The default recogniser: an nlp.js neural classifier trained in-process from the train split of
 * the utterance source. Fully offline and deterministic: nlp.js starts every weight at zero and
 * iterates in corpus order, and nothing is loaded from or saved to disk.
 */
import { LangEn } from '@nlpjs/lang-en-min';
import { Nlp } from '@nlpjs/nlp';
import { normalizeUtterance } from './normalize';
import { isIntentName, type IntentName, type IntentScore, type RecognitionResult, type Recognizer } from './recognizer';
import type { LabelledUtterance } from './utterances';

/**
 * Below this top score the answer becomes None. Calibrated on the held-out split with
 * `node dist/scripts/eval-nlu.js --calibrate` (see scripts/eval-nlu.ts): the lowest value that keeps
 * None precision >= 90% without losing accuracy.
 */
export const DEFAULT_THRESHOLD = 0.5;

export interface LocalRecognizerOptions {
  /** Labelled training examples (normally the train split, or train + test in production). */
  examples: readonly LabelledUtterance[];
  threshold?: number;
}

export interface LocalRecognizer extends Recognizer {
  readonly threshold: number;
  /** Raw scores for every intent, before the None threshold; used by calibration. */
  classify(text: string): Promise<IntentScore[]>;
}

// Only English models are installed; other locales reuse them rather than failing.
const NLP_LANGUAGE = 'en';

export async function createLocalRecognizer(options: LocalRecognizerOptions): Promise<LocalRecognizer> {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  // No container passed: nlp.js bootstraps a fresh one, so recognisers never share state.
  const nlp = new Nlp({
    languages: [NLP_LANGUAGE],
    autoSave: false,
    autoLoad: false,
    forceNER: false,
    calculateSentiment: false,
    nlu: { log: false, useNoneFeature: true },
  });
  nlp.container.use(LangEn);
  for (const { text, intent } of options.examples) {
    nlp.addDocument(NLP_LANGUAGE, normalizeUtterance(text), intent);
  }
  await nlp.train();

  async function classify(text: string): Promise<IntentScore[]> {
    const normalised = normalizeUtterance(text);
    if (normalised.length === 0) return [{ intent: 'None', score: 1 }];
    const result = await nlp.nluManager.process(NLP_LANGUAGE, normalised);
    const scores: IntentScore[] = [];
    for (const { intent, score } of result.classifications) {
      if (isIntentName(intent)) scores.push({ intent, score });
    }
    if (scores.length === 0) scores.push({ intent: 'None', score: 1 });
    return scores.sort((a, b) => b.score - a.score);
  }

  return {
    threshold,
    classify,
    async recognize(text: string): Promise<RecognitionResult> {
      return applyThreshold(await classify(text), threshold);
    },
  };
}

/** Pure: turns raw scores into a result, mapping a weak top score to None. */
export function applyThreshold(scores: readonly IntentScore[], threshold: number): RecognitionResult {
  const [top, ...rest] = scores;
  if (!top) return { intent: 'None', score: 1, alternatives: [], recognizer: 'local' };
  if (top.intent !== 'None' && top.score < threshold) {
    const none: IntentName = 'None';
    return {
      intent: none,
      score: 1 - top.score,
      alternatives: scores.filter((s) => s.intent !== 'None').slice(0, 3),
      recognizer: 'local',
    };
  }
  return { intent: top.intent, score: top.score, alternatives: rest.slice(0, 3), recognizer: 'local' };
}
