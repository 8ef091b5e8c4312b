/** Pure evaluation arithmetic shared by scripts/eval-nlu.ts and the tests. */
import { INTENTS, type IntentName } from '../../src/language/recognizer';

export interface Prediction {
  expected: IntentName;
  predicted: IntentName;
}

export interface IntentMetrics {
  intent: IntentName;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface EvaluationReport {
  total: number;
  accuracy: number;
  macroF1: number;
  perIntent: IntentMetrics[];
  confusions: { expected: IntentName; predicted: IntentName; count: number }[];
  nonePrecision: number;
}

function ratio(numerator: number, denominator: number): number {
  // An intent never predicted has no false positives: count its precision as perfect, not NaN.
  return denominator === 0 ? 1 : numerator / denominator;
}

export function evaluate(predictions: readonly Prediction[]): EvaluationReport {
  const perIntent: IntentMetrics[] = [];
  for (const intent of INTENTS) {
    const tp = predictions.filter((p) => p.expected === intent && p.predicted === intent).length;
    const predicted = predictions.filter((p) => p.predicted === intent).length;
    const support = predictions.filter((p) => p.expected === intent).length;
    if (support === 0 && predicted === 0) continue;
    const precision = ratio(tp, predicted);
    const recall = ratio(tp, support);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perIntent.push({ intent, precision, recall, f1, support });
  }
  const counts = new Map<string, { expected: IntentName; predicted: IntentName; count: number }>();
  for (const p of predictions) {
    if (p.expected === p.predicted) continue;
    const key = `${p.expected}>${p.predicted}`;
    const entry = counts.get(key) ?? { expected: p.expected, predicted: p.predicted, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  const correct = predictions.filter((p) => p.expected === p.predicted).length;
  const scored = perIntent.filter((m) => m.support > 0);
  return {
    total: predictions.length,
    accuracy: ratio(correct, predictions.length),
    macroF1: scored.reduce((sum, m) => sum + m.f1, 0) / Math.max(1, scored.length),
    perIntent,
    confusions: [...counts.values()].sort(
      (a, b) => b.count - a.count || a.expected.localeCompare(b.expected) || a.predicted.localeCompare(b.predicted),
    ),
    nonePrecision: perIntent.find((m) => m.intent === 'None')?.precision ?? 1,
  };
}
