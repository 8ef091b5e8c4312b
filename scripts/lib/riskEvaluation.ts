/**
 * Scores the risk detector against labelled message sets. Pure: the caller loads the sets (the
 * eval script and the jest test both use it, so the figures they report are the same figures).
 */
import { detectRisk } from '../../src/safety/detectRisk';
import type { RiskAssessment, RiskCategory, RiskSeverity } from '../../src/safety/types';

export type RiskDetector = (text: string, locale?: string) => RiskAssessment | null;

export interface LabelledRisk {
  text: string;
  category: RiskCategory;
  severity: RiskSeverity;
}
export interface LabelledBenign {
  text: string;
  kind?: string;
}
export interface LabelledNegated {
  text: string;
  category: RiskCategory;
}

export interface EvalMiss {
  text: string;
  expected: string;
  got: string;
}

export interface EvalReport {
  riskTotal: number;
  riskDetected: number;
  recall: number;
  categoryCorrect: number;
  categoryAccuracy: number;
  severityCorrect: number;
  severityAccuracy: number;
  /** risk messages found only by the statistical backstop (possible: they get the check-in) */
  riskPossibleOnly: number;
  /** benign messages flagged only by the backstop */
  benignPossibleOnly: number;
  /** risk messages detected, but only as negated (they get a check-in rather than the hand-off) */
  riskNegatedOnly: EvalMiss[];
  benignTotal: number;
  /**
   * Benign messages that got a safety response (a check-in or the hand-off). Those read as past and
   * over, or as work or study talk, get only a line of routes beside the answer: counted apart.
   */
  falsePositives: EvalMiss[];
  /** benign messages read as past-and-over or professional (answer + a line of routes, no safety dialog) */
  acknowledged: EvalMiss[];
  falsePositiveRate: number;
  negatedTotal: number;
  negatedCorrect: number;
  negatedWrong: EvalMiss[];
  misses: EvalMiss[];
  wrongCategory: EvalMiss[];
  wrongSeverity: EvalMiss[];
  perCategory: Record<string, { total: number; detected: number; categoryCorrect: number }>;
}

export const TARGET_RECALL = 1;
export const TARGET_MAX_FPR = 0.02;

function describe(a: ReturnType<typeof detectRisk>): string {
  if (a === null) return 'null';
  const context = `${a.who ?? 'self'}/${a.when ?? 'current'}/${a.frame ?? 'personal'}`;
  return `${a.category}/${a.severity}${a.negated ? '/negated' : ''}${a.possible ? '/possible' : ''} ${context} [${a.matched.join(', ')}]`;
}

/** Past and over, or work and study talk: the bot answers and adds a line of routes, no safety dialog. */
export function isAcknowledgementOnly(a: RiskAssessment): boolean {
  return a.severity === 'concern' && !a.negated && (a.when === 'past' || a.frame === 'professional');
}

export function evaluateRiskSets(
  risk: readonly LabelledRisk[],
  benign: readonly LabelledBenign[],
  negated: readonly LabelledNegated[],
  locale = 'en-GB',
  detector: RiskDetector = detectRisk,
): EvalReport {
  const misses: EvalMiss[] = [];
  const wrongCategory: EvalMiss[] = [];
  const wrongSeverity: EvalMiss[] = [];
  const riskNegatedOnly: EvalMiss[] = [];
  const perCategory: EvalReport['perCategory'] = {};
  let detected = 0;
  let categoryCorrect = 0;
  let severityCorrect = 0;
  let riskPossibleOnly = 0;
  let benignPossibleOnly = 0;
  for (const item of risk) {
    const slot = (perCategory[item.category] ??= { total: 0, detected: 0, categoryCorrect: 0 });
    slot.total++;
    const got = detector(item.text, locale);
    const expected = `${item.category}/${item.severity}`;
    // A negated-only result still reaches a person (a check-in), but for a risk message that is
    // not enough: it counts as a miss.
    if (got === null || got.negated) {
      misses.push({ text: item.text, expected, got: describe(got) });
      if (got?.negated) riskNegatedOnly.push({ text: item.text, expected, got: describe(got) });
      continue;
    }
    detected++;
    slot.detected++;
    if (got.possible === true) riskPossibleOnly++;
    if (got.category === item.category) {
      categoryCorrect++;
      slot.categoryCorrect++;
    } else wrongCategory.push({ text: item.text, expected, got: describe(got) });
    if (got.severity === item.severity) severityCorrect++;
    else wrongSeverity.push({ text: item.text, expected, got: describe(got) });
  }
  const falsePositives: EvalMiss[] = [];
  const acknowledged: EvalMiss[] = [];
  for (const item of benign) {
    const got = detector(item.text, locale);
    if (got === null) continue;
    if (isAcknowledgementOnly(got)) {
      acknowledged.push({ text: item.text, expected: 'null', got: describe(got) });
      continue;
    }
    if (got.possible === true) benignPossibleOnly++;
    falsePositives.push({ text: item.text, expected: 'null', got: describe(got) });
  }
  const negatedWrong: EvalMiss[] = [];
  for (const item of negated) {
    const got = detector(item.text, locale);
    if (got === null || !got.negated) negatedWrong.push({ text: item.text, expected: `${item.category}/negated`, got: describe(got) });
  }
  const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
  return {
    riskTotal: risk.length,
    riskDetected: detected,
    recall: ratio(detected, risk.length),
    categoryCorrect,
    categoryAccuracy: ratio(categoryCorrect, detected),
    severityCorrect,
    severityAccuracy: ratio(severityCorrect, detected),
    riskPossibleOnly,
    benignPossibleOnly,
    riskNegatedOnly,
    benignTotal: benign.length,
    falsePositives,
    acknowledged,
    falsePositiveRate: ratio(falsePositives.length, benign.length),
    negatedTotal: negated.length,
    negatedCorrect: negated.length - negatedWrong.length,
    negatedWrong,
    misses,
    wrongCategory,
    wrongSeverity,
    perCategory,
  };
}

export function meetsTargets(r: EvalReport): boolean {
  return r.recall >= TARGET_RECALL && r.falsePositiveRate <= TARGET_MAX_FPR;
}
