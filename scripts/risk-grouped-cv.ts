/**
 * An honest measure of the risk backstop: cross-validation grouped by writer. The fresh batches
 * (test/safety/fresh) were each written by a different helper; neighbouring batches are held out
 * together (often written to the same brief), and each held-out group is scored by a model trained
 * without it. The lexicon has seen every batch, so the detector's figures on a held-out group flatter
 * it; the model's own figures, and what it adds where the lexicon says nothing, are where
 * generalisation shows.
 *
 * Configurations (--configs a,b,...; default all):
 *   team     what the backstop was trained on before: the team's lines and the intent utterances
 *   fresh    + the fresh batches outside the held-out group (risk lines by category, benign and
 *            past-and-over lines as "none")
 *   riskonly + their risk and benign lines only (past-and-over left out)
 *   c35      as fresh, with character 3- to 5-grams
 *   e15, e10 as fresh, with fewer passes over the data (three times the lines cost start-up time)
 *   freshonly the fresh batches and the utterances, without the team's lines: the team wrote many
 *            of its lines after reading each batch's misses, so only this model has seen nothing
 *            of the held-out group, and its own figures are the honest ones
 *   aug      as fresh, with training-time variants of half the lines (scripts/lib/riskAugment.ts:
 *            vowels dropped, run-on lower case, a line buried between everyday sentences), benign
 *            and risk alike; augtext and augbury try the first two and the last alone
 *
 *   npm run eval:risk-cv -- [--configs team,fresh] [--group 4]
 */
import { isConversationCommand } from '../src/language/controlWords';
import { localeFilePath } from '../src/content/localeResolver';
import { createRiskDetector, type RiskAssessment } from '../src/safety/detectRisk';
import { CHAR_VIEW, MODEL_OPTIONS, readBackstopExamples, readUtteranceExamples, trainingFilePath, trainRiskBackstop, type BackstopExample, type BackstopModelOptions, type RiskBackstop } from '../src/safety/riskBackstop';
import type { NgramClassifierOptions } from '../src/ml/ngramClassifier';
import { augmentExamples, DEFAULT_AUGMENT, type AugmentOptions } from './lib/riskAugment';
import { EVAL_DIR, loadEvalSets } from './lib/safetySets';
import { freshTrainingExamples, groupBatches, readFreshBatches, sameTextKey, textsInFolder, type FreshBatch } from './lib/freshBatches';
import { isAcknowledgementOnly } from './lib/riskEvaluation';

const THRESHOLDS = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];

interface Config {
  /** the team's hand-written lines (written after reading every batch, so they flatter any held-out group) */
  team?: false;
  fresh: 'none' | 'all' | 'riskAndBenign';
  options: BackstopModelOptions;
  /** training-time variants for new writers' ways of writing (src/safety/riskAugment.ts) */
  augment?: Readonly<AugmentOptions>;
}

/** Words and word pairs alone: no character n-grams (a start above the end makes none). */
const WORD_VIEW: Readonly<NgramClassifierOptions> = { ...CHAR_VIEW, charMin: 1, charMax: 0 };

const CONFIGS: Record<string, Config> = {
  team: { fresh: 'none', options: MODEL_OPTIONS },
  fresh: { fresh: 'all', options: MODEL_OPTIONS },
  char4: { fresh: 'all', options: CHAR_VIEW },
  riskonly: { fresh: 'riskAndBenign', options: MODEL_OPTIONS },
  c35: { fresh: 'all', options: { ...CHAR_VIEW, charMin: 3, charMax: 5 } },
  freshonly: { team: false, fresh: 'all', options: MODEL_OPTIONS },
  e15: { fresh: 'all', options: { ...CHAR_VIEW, epochs: 15 } },
  e10: { fresh: 'all', options: { ...CHAR_VIEW, epochs: 10 } },
  ensw: { fresh: 'all', options: [CHAR_VIEW, WORD_VIEW] },
  ensc: { fresh: 'all', options: [CHAR_VIEW, { ...CHAR_VIEW, charMin: 3, charMax: 5 }] },
  ensl2: { fresh: 'all', options: [CHAR_VIEW, { ...CHAR_VIEW, l2: 1e-3 }] },
  l2: { fresh: 'all', options: { ...CHAR_VIEW, l2: 1e-3 } },
  aug: { fresh: 'all', options: MODEL_OPTIONS, augment: DEFAULT_AUGMENT },
  augtext: { fresh: 'all', options: MODEL_OPTIONS, augment: { ...DEFAULT_AUGMENT, kinds: ['vowels', 'runon'] } },
  augbury: { fresh: 'all', options: MODEL_OPTIONS, augment: { ...DEFAULT_AUGMENT, kinds: ['buried'] } },
};

type Kind = 'risk' | 'benign' | 'past';
interface Line {
  kind: Kind;
  text: string;
  prepared: string;
  /** what the lexicon alone makes of it (flagged for risk; a dialog for benign and past) */
  lexicon: boolean;
}

/** A risk line is caught by any assessment that is not negated-only. */
const caught = (a: RiskAssessment | null): boolean => a !== null && !a.negated;
/** A benign or past line gets a safety dialog unless nothing fired or it was read as past or work talk. */
const dialog = (a: RiskAssessment | null): boolean => a !== null && !a.negated && !isAcknowledgementOnly(a);
const flagged = (kind: Kind, a: RiskAssessment | null): boolean => (kind === 'risk' ? caught(a) : dialog(a));

interface Tally {
  n: Record<Kind, number>;
  full: Record<Kind, number>;
  model: Record<Kind, number>;
  /** lines the lexicon leaves alone, and those of them the whole detector flags */
  lexSilent: Record<Kind, number>;
  added: Record<Kind, number>;
  /** recall of each held-out group, for the spread */
  groupRecall: number[];
}
const zero = (): Record<Kind, number> => ({ risk: 0, benign: 0, past: 0 });
const newTally = (): Tally => ({ n: zero(), full: zero(), model: zero(), lexSilent: zero(), added: zero(), groupRecall: [] });

function main(argv: string[]): number {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const configNames = (arg('--configs') ?? Object.keys(CONFIGS).join(',')).split(',');
  const groupSize = Number(arg('--group') ?? 4);

  // One detector; its backstop is whichever model is being scored, at whichever threshold.
  let current: RiskBackstop | undefined;
  let threshold = 0.55;
  const model = (): RiskBackstop => {
    if (current === undefined) throw new Error('no model set');
    return current;
  };
  const proxy: RiskBackstop = {
    score: (text) => model().score(text),
    assess: (text) => {
      if (text.trim() === '') return null;
      const verdict = model().score(text);
      return verdict.riskProbability >= threshold ? verdict : null;
    },
  };
  let prepare: (text: string) => string = (text) => text;
  const detector = createRiskDetector({
    isConversationCommand,
    backstopFor: (locale, prep) => {
      if (locale !== 'en-GB') return undefined;
      prepare = prep;
      return proxy;
    },
  });

  const prep = (examples: readonly BackstopExample[]): BackstopExample[] => examples.map((e) => ({ ...e, text: prepare(e.text) }));
  const teamRaw = readBackstopExamples(trainingFilePath('en-GB'));
  const utterancesRaw = readUtteranceExamples(localeFilePath('en-GB', 'utterances.json'));
  const teamLines = prep(teamRaw);
  const utterances = prep(utterancesRaw);
  const batches = readFreshBatches();
  // As in the training file: lines also in the team's evaluation sets never train (that set stays a measure).
  const evalTexts = textsInFolder(EVAL_DIR);
  const groups = groupBatches(batches, groupSize);
  const freshRaw = (group: readonly FreshBatch[], which: Config['fresh']): BackstopExample[] =>
    which === 'none' ? [] : freshTrainingExamples(group, { past: which === 'all' }).filter((e) => !evalTexts.has(sameTextKey(e.text)));
  const freshExamples = (group: readonly FreshBatch[], which: Config['fresh']): BackstopExample[] => prep(freshRaw(group, which));
  // With variants, the raw lines are varied first and then prepared, as a new writer's would be.
  const trainingSet = (config: Config, group: readonly FreshBatch[]): BackstopExample[] => {
    if (config.augment === undefined) return [...(config.team === false ? utterances : [...teamLines, ...utterances]), ...freshExamples(group, config.fresh)];
    const raw = [...(config.team === false ? [] : teamRaw), ...freshRaw(group, config.fresh), ...utterancesRaw];
    return prep(augmentExamples(raw, config.augment));
  };
  const heldOut = groups.map((group) =>
    group.flatMap((b): Line[] => {
      const line = (kind: Kind, text: string): Line => ({ kind, text, prepared: prepare(text), lexicon: flagged(kind, detector.detectLexiconOnly(text, 'en-GB')) });
      return [...b.risk.map((r) => line('risk', r.text)), ...b.benign.map((r) => line('benign', r.text)), ...b.past.map((r) => line('past', r.text))];
    }),
  );
  const team = loadEvalSets();
  console.log(`Grouped cross-validation: ${batches.length} fresh batches in ${groups.length} groups of up to ${groupSize} (${groups.map((g) => g.map((b) => b.name).join('+')).join(', ')})`);
  console.log(`held out in turn: ${heldOut.flat().filter((l) => l.kind === 'risk').length} risk, ${heldOut.flat().filter((l) => l.kind === 'benign').length} benign, ${heldOut.flat().filter((l) => l.kind === 'past').length} past and over; team lines ${teamLines.length}, utterances ${utterances.length}`);

  const pct = (a: number, b: number): string => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
  for (const name of configNames) {
    const config = CONFIGS[name];
    if (config === undefined) throw new Error(`unknown configuration ${name}`);
    const started = Date.now();
    const tallies = new Map<number, Tally>(THRESHOLDS.map((t) => [t, newTally()]));
    const base = config.team === false ? utterances : [...teamLines, ...utterances];
    const baseModel = config.fresh === 'none' ? trainRiskBackstop(base, 1, config.options) : undefined;
    groups.forEach((group, g) => {
      const others = batches.filter((b) => !group.includes(b));
      current = baseModel ?? trainRiskBackstop(trainingSet(config, others), 1, config.options);
      for (const t of THRESHOLDS) {
        threshold = t;
        const tally = tallies.get(t) as Tally;
        let groupRisk = 0;
        let groupCaught = 0;
        for (const line of heldOut[g]) {
          const full = flagged(line.kind, detector.detect(line.text, 'en-GB'));
          tally.n[line.kind]++;
          if (full) tally.full[line.kind]++;
          if (line.prepared.trim() !== '' && proxy.assess(line.prepared) !== null) tally.model[line.kind]++;
          if (!line.lexicon) {
            tally.lexSilent[line.kind]++;
            if (full) tally.added[line.kind]++;
          }
          if (line.kind === 'risk') {
            groupRisk++;
            if (full) groupCaught++;
          }
        }
        tally.groupRecall.push(groupCaught / Math.max(1, groupRisk));
      }
    });
    // The team's own evaluation set, with the model trained on everything this configuration uses.
    current = baseModel ?? trainRiskBackstop(trainingSet(config, batches), 1, config.options);
    console.log(`\n== ${name} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    console.log('thresh | detector: recall  benign  past | model alone: recall  benign  past | added where lexicon silent: risk  benign  past | worst group recall | team set: recall  FP');
    for (const t of THRESHOLDS) {
      threshold = t;
      const r = tallies.get(t) as Tally;
      const teamRecall = team.risk.filter((x) => caught(detector.detect(x.text, 'en-GB'))).length;
      const teamFp = team.benign.filter((x) => dialog(detector.detect(x.text, 'en-GB'))).length;
      console.log(
        [
          t.toFixed(2),
          `${pct(r.full.risk, r.n.risk)} ${pct(r.full.benign, r.n.benign)} ${r.full.past}/${r.n.past}`,
          `${pct(r.model.risk, r.n.risk)} ${pct(r.model.benign, r.n.benign)} ${r.model.past}/${r.n.past}`,
          `${r.added.risk}/${r.lexSilent.risk} (${pct(r.added.risk, r.lexSilent.risk)}) ${r.added.benign}/${r.lexSilent.benign} ${r.added.past}/${r.lexSilent.past}`,
          pct(Math.min(...r.groupRecall), 1),
          `${pct(teamRecall, team.risk.length)} ${pct(teamFp, team.benign.length)}`,
        ].join(' | '),
      );
    }
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
