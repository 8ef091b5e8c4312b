/**
 * The intent recogniser's n-gram model: the generic classifier in src/ml/ngramClassifier.ts with
 * intent names as its labels. Kept as a thin adapter so the recogniser speaks in IntentScore.
 */
import { fitNgramWeights, ngramClassifierFromWeights, type NgramClassifierOptions, type NgramWeights } from '../ml/ngramClassifier';
import type { IntentName, IntentScore } from './recognizer';
import type { LabelledUtterance } from './utterances';

export { ngramFeatures } from '../ml/ngramClassifier';
export type NgramModelOptions = NgramClassifierOptions;

export interface NgramModel {
  classify(normalisedText: string): IntentScore[];
}

export type NgramModelWeights = NgramWeights<IntentName>;

/** The costly part, plain data out: it can run in a worker thread. */
export function fitNgramModel(examples: readonly { text: string; intent: IntentName }[], options: NgramModelOptions = {}): NgramModelWeights {
  return fitNgramWeights(
    examples.map((e) => ({ text: e.text, label: e.intent })),
    options,
  );
}

export function ngramModelFromWeights(weights: NgramModelWeights, options: NgramModelOptions = {}): NgramModel {
  const classifier = ngramClassifierFromWeights(weights, options);
  return {
    classify(text: string): IntentScore[] {
      return classifier.classify(text).map(({ label, score }) => ({ intent: label, score }));
    },
  };
}

export type { LabelledUtterance };
