/**
 * Which model views to average in the risk backstop, measured by cross-validation grouped by
 * writer (as scripts/risk-grouped-cv.ts, whose full-detector figures are the slower check). Each
 * view is trained once a held-out group; every combination of views is then scored from the saved
 * held-out probabilities, so trying an ensemble costs no extra training.
 *
 * A held-out line counts as the detector would count it, approximately: the lexicon's own verdict
 * where it fired, otherwise the model's whole-message score against the bar (the detector's
 * sentence pass and its past/work checks are left out, the same for every candidate). Bars are
 * chosen from the pooled held-out scores at a stated benign false-positive rate, so a candidate is
 * compared at the same cost to ordinary messages, not at one fixed number.
 *
 *   npm run eval:risk-views -- [--views char4,words,l2] [--group 4] [--fp 0.02,0.03] [--bars 0.7,0.75,0.8]
 */
import { isConversationCommand } from '../src/language/controlWords';
import { localeFilePath } from '../src/content/localeResolver';
import { createRiskDetector, type RiskAssessment } from '../src/safety/detectRisk';
import { CHAR_VIEW, readBackstopExamples, readUtteranceExamples, trainingFilePath, trainRiskBackstop, type BackstopExample } from '../src/safety/riskBackstop';
import type { NgramClassifierOptions } from '../src/ml/ngramClassifier';
import { EVAL_DIR } from './lib/safetySets';
import { freshTrainingExamples, groupBatches, readFreshBatches, sameTextKey, textsInFolder } from './lib/freshBatches';
import { isAcknowledgementOnly } from './lib/riskEvaluation';

const VIEWS: Record<string, Readonly<NgramClassifierOptions>> = {
  char4: CHAR_VIEW,
  /** words and word pairs alone (a character start above the end makes no character n-grams) */
  words: { ...CHAR_VIEW, charMin: 1, charMax: 0 },
  c35: { ...CHAR_VIEW, charMin: 3, charMax: 5 },
  l2: { ...CHAR_VIEW, l2: 1e-3 },
  l2b: { ...CHAR_VIEW, l2: 3e-3 },
  c3: { ...CHAR_VIEW, charMin: 3, charMax: 3 },
};

type Kind = 'risk' | 'benign' | 'past';
interface Line {
  kind: Kind;
  prepared: string;
  /** the lexicon alone flags it (caught for risk, a dialog for benign and past) */
  lexicon: boolean;
  /** held-out probability of risk, by view */
  score: Record<string, number>;
}

const caught = (a: RiskAssessment | null): boolean => a !== null && !a.negated;
const dialog = (a: RiskAssessment | null): boolean => a !== null && !a.negated && !isAcknowledgementOnly(a);

interface Point {
  bar: number;
  recall: number;
  benign: number;
  past: number;
  modelRecall: number;
}

/** Pure: the detector's figures (lexicon, else model at `bar`) for lines whose combined score is `score`. */
export function pointAt(lines: readonly Line[], score: (l: Line) => number, bar: number): Point {
  const count = (kind: Kind, model: boolean) => {
    const of = lines.filter((l) => l.kind === kind);
    const hits = of.filter((l) => (model ? false : l.lexicon) || ((model || !l.lexicon) && l.prepared.trim() !== '' && score(l) >= bar)).length;
    return hits / Math.max(1, of.length);
  };
  return { bar, recall: count('risk', false), benign: count('benign', false), past: count('past', false), modelRecall: count('risk', true) };
}

/** Pure: the lowest bar on a 0.01 grid whose benign rate is at most `fp`. */
export function barFor(lines: readonly Line[], score: (l: Line) => number, fp: number): Point {
  for (let b = 30; b <= 99; b += 1) {
    const point = pointAt(lines, score, b / 100);
    if (point.benign <= fp) return point;
  }
  return pointAt(lines, score, 1);
}

function main(argv: string[]): number {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const viewNames = (arg('--views') ?? 'char4,words,l2').split(',');
  const groupSize = Number(arg('--group') ?? 4);
  const fpTargets = (arg('--fp') ?? '0.02,0.03').split(',').map(Number);
  const bars = (arg('--bars') ?? '0.7,0.75,0.8').split(',').map(Number);

  let prepare: (text: string) => string = (text) => text;
  const detector = createRiskDetector({
    isConversationCommand,
    backstopFor: (locale, prep) => {
      if (locale === 'en-GB') prepare = prep;
      return undefined;
    },
  });
  const prep = (examples: readonly BackstopExample[]): BackstopExample[] => examples.map((e) => ({ ...e, text: prepare(e.text) }));
  const base = prep([...readBackstopExamples(trainingFilePath('en-GB')), ...readUtteranceExamples(localeFilePath('en-GB', 'utterances.json'))]);
  const batches = readFreshBatches();
  const evalTexts = textsInFolder(EVAL_DIR);
  const groups = groupBatches(batches, groupSize);
  const lines: Line[] = [];
  groups.forEach((group, g) => {
    const started = Date.now();
    const others = batches.filter((b) => !group.includes(b));
    const training = [...base, ...prep(freshTrainingExamples(others, { past: true }).filter((e) => !evalTexts.has(sameTextKey(e.text))))];
    const models = viewNames.map((name) => [name, trainRiskBackstop(training, 1, VIEWS[name])] as const);
    for (const b of group) {
      const add = (kind: Kind, text: string) => {
        const a = detector.detectLexiconOnly(text, 'en-GB');
        const prepared = prepare(text);
        lines.push({ kind, prepared, lexicon: kind === 'risk' ? caught(a) : dialog(a), score: Object.fromEntries(models.map(([name, m]) => [name, m.score(prepared).riskProbability])) });
      };
      b.risk.forEach((r) => add('risk', r.text));
      b.benign.forEach((r) => add('benign', r.text));
      b.past.forEach((r) => add('past', r.text));
    }
    console.error(`group ${g + 1}/${groups.length} (${group.map((b) => b.name).join('+')}) ${((Date.now() - started) / 1000).toFixed(0)} s`);
  });

  const n = (kind: Kind) => lines.filter((l) => l.kind === kind).length;
  console.log(`Held out in turn (${groups.length} groups of up to ${groupSize} batches): ${n('risk')} risk, ${n('benign')} benign, ${n('past')} past and over`);
  const lexiconOnly = pointAt(lines, () => 0, 2);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(`lexicon alone: recall ${pct(lexiconOnly.recall)}, benign ${pct(lexiconOnly.benign)}, past ${pct(lexiconOnly.past)}`);
  // Every single view and every average of two or more.
  const candidates: string[][] = [];
  for (let mask = 1; mask < 1 << viewNames.length; mask += 1) candidates.push(viewNames.filter((_, i) => mask & (1 << i)));
  const row = (p: Point) => `bar ${p.bar.toFixed(2)}  recall ${pct(p.recall)}  benign ${pct(p.benign)}  past ${pct(p.past)}  model alone ${pct(p.modelRecall)}`;
  for (const names of candidates) {
    const score = (l: Line) => names.reduce((sum, name) => sum + l.score[name], 0) / names.length;
    console.log(`\n== ${names.join('+')}`);
    for (const bar of bars) console.log(`  at ${bar.toFixed(2)}:   ${row(pointAt(lines, score, bar))}`);
    for (const fp of fpTargets) console.log(`  benign <= ${pct(fp)}: ${row(barFor(lines, score, fp))}`);
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
