/**
 * The intent recogniser's n-gram model: the generic classifier in src/ml/ngramClassifier.ts with
 * intent names as its labels. Kept as a thin adapter so the recogniser speaks in IntentScore.
 */
import { trainNgramClassifier, type NgramClassifierOptions } from '../ml/ngramClassifier';
import type { IntentName, IntentScore } from './recognizer';
import type { LabelledUtterance } from './utterances';

export { ngramFeatures } from '../ml/ngramClassifier';
export type NgramModelOptions = NgramClassifierOptions;

export interface NgramModel {
  classify(normalisedText: string): IntentScore[];
}

export function trainNgramModel(examples: readonly { text: string; intent: IntentName }[], options: NgramModelOptions = {}): NgramModel {
  const classifier = trainNgramClassifier(
    examples.map((e) => ({ text: e.text, label: e.intent })),
    options,
  );
  return {
    classify(text: string): IntentScore[] {
      return classifier.classify(text).map(({ label, score }) => ({ intent: label, score }));
    },
  };
}

export type { LabelledUtterance };
