/**
 * The plain baseline the evaluation compares against: multinomial naive Bayes over lower-cased
 * word tokens with add-one smoothing. No stemming, no threshold, no clean-up: it shows what the
 * real recogniser adds.
 */
import type { IntentName, IntentScore } from '../../src/language/recognizer';
import type { LabelledUtterance } from '../../src/language/utterances';

export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
}

export interface NaiveBayesModel {
  classify(text: string): IntentScore[];
}

export function trainNaiveBayes(examples: readonly LabelledUtterance[]): NaiveBayesModel {
  const docCount = new Map<IntentName, number>();
  const wordCount = new Map<IntentName, Map<string, number>>();
  const totalWords = new Map<IntentName, number>();
  const vocabulary = new Set<string>();
  for (const { text, intent } of examples) {
    docCount.set(intent, (docCount.get(intent) ?? 0) + 1);
    const counts = wordCount.get(intent) ?? new Map<string, number>();
    wordCount.set(intent, counts);
    for (const token of tokenize(text)) {
      vocabulary.add(token);
      counts.set(token, (counts.get(token) ?? 0) + 1);
      totalWords.set(intent, (totalWords.get(intent) ?? 0) + 1);
    }
  }
  const intents = [...docCount.keys()];
  const v = vocabulary.size;
  const n = examples.length;
  return {
    classify(text: string): IntentScore[] {
      const tokens = tokenize(text).filter((t) => vocabulary.has(t));
      const logs = intents.map((intent) => {
        const counts = wordCount.get(intent) ?? new Map<string, number>();
        const total = totalWords.get(intent) ?? 0;
        let logP = Math.log((docCount.get(intent) ?? 0) / n);
        for (const token of tokens) logP += Math.log(((counts.get(token) ?? 0) + 1) / (total + v));
        return logP;
      });
      // Softmax over log-likelihoods so the scores read as probabilities.
      const max = Math.max(...logs);
      const exps = logs.map((l) => Math.exp(l - max));
      const sum = exps.reduce((a, b) => a + b, 0);
      return intents
        .map((intent, i) => ({ intent, score: exps[i] / sum }))
        .sort((a, b) => b.score - a.score);
    },
  };
}
