/**
 * The statistical backstop behind the risk lexicon. The lexicon is precise but only knows the
 * phrasings someone wrote down; this n-gram logistic regression, trained in-process from
 * locales/<locale>/risk-training.jsonl (risk messages of every category and benign look-alikes) and
 * risk-training-batches.jsonl (the writer batches of test/safety/fresh, each by a different
 * writer), generalises to wording nobody listed. It runs only when the lexicon found nothing, and what it
 * finds is a "possible" risk: the bot asks a gentle check-in question (with the crisis numbers)
 * rather than starting the full hand-off. Pure apart from reading the training file; deterministic;
 * no network. Never trained on test/safety/eval (that stays the honest measure).
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { fitNgramWeights, ngramClassifierFromWeights, trainNgramClassifier, type NgramClassifier, type NgramClassifierOptions } from '../ml/ngramClassifier';
import { DEFAULT_CACHE_DIR, readCachedWeights, weightsKey, writeCachedWeights } from '../ml/weightsCache';
import { LOCALES_DIR } from '../projectRoot';
import { localeFilePath } from '../content/localeResolver';
import { RISK_CATEGORIES } from './types';
import type { RiskCategory } from './types';

export type BackstopLabel = RiskCategory | 'none';

/**
 * Flag a message when the model gives "none" less than 1 - this. Writer-grouped CV
 * (npm run eval:risk-views) put this model at 0.75 and a ten times more regularised one at 0.65 on
 * nearly the same curve (held-out recall 96.8% and 96.5% at about 1.4% and 1.2% benign dialogs). Two
 * batches no model had seen then decided it: the stronger regularised model missed five risk lines
 * this one finds (a cut that bled, "i w a n t t o d i e") at the same benign rate. A missed crisis
 * costs more than a needless check-in. See docs/decisions.md.
 */
export const BACKSTOP_THRESHOLD = 0.75;

/**
 * Character 4-grams only (3- and 5-grams added little on held-out folds and cost time a message);
 * 30 epochs, where the held-out curve stopped improving (10 left it under-trained: more false
 * positives at the same recall).
 */
export const CHAR_VIEW: Readonly<NgramClassifierOptions> = { charMin: 4, charMax: 4, epochs: 30, learningRate: 2, l2: 1e-4, seed: 7 };

/** The shipped model: one view (averaging views cost a second scoring a message for at most 0.4 points). */
export const MODEL_OPTIONS: BackstopModelOptions = CHAR_VIEW;

const exampleSchema = z.object({
  text: z.string().min(1),
  label: z.enum([...RISK_CATEGORIES, 'none']),
});
export type BackstopExample = z.infer<typeof exampleSchema>;

export interface BackstopVerdict {
  category: RiskCategory;
  /** 1 - P(none) */
  riskProbability: number;
}

export interface RiskBackstop {
  /** `prepared` is the lexicon's normalised, masked text. Null below the threshold. */
  assess(prepared: string): BackstopVerdict | null;
  /** 1 - P(none) and the likeliest risk category, whatever the threshold. */
  score(prepared: string): BackstopVerdict;
}

export function trainingFilePath(locale: string, localesDir: string = LOCALES_DIR): string {
  return localeFilePath(locale, 'risk-training.jsonl', localesDir);
}

/**
 * The writer batches from test/safety/fresh as training lines (scripts/export-batch-training.ts
 * writes it; each line names its batch). Kept apart from the team's file: see that script.
 */
export function batchTrainingFilePath(locale: string, localesDir: string = LOCALES_DIR): string {
  return localeFilePath(locale, 'risk-training-batches.jsonl', localesDir);
}

const utterancesSchema = z.object({
  intents: z.record(z.string(), z.object({ train: z.array(z.union([z.string(), z.object({ text: z.string() })])) })),
});

/**
 * The intent recogniser's training utterances (locales/<locale>/utterances.json, train split only)
 * as extra examples: every on-topic phrasing is benign ("is it right for me", "i have to go") and
 * CrisisSupport phrasings are requests for urgent help. Thousands of ordinary messages teach the
 * model what everyday traffic looks like, which the hand-written look-alikes alone cannot.
 */
export function readUtteranceExamples(path: string): BackstopExample[] {
  if (!existsSync(path)) return [];
  const parsed = utterancesSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  return Object.entries(parsed.intents).flatMap(([intent, { train }]) =>
    train.map((item): BackstopExample => ({ text: typeof item === 'string' ? item : item.text, label: intent === 'CrisisSupport' ? 'danger' : 'none' })),
  );
}

/**
 * Everything the backstop learns from for one locale: the team's training file, the writer
 * batches, then the utterances.
 */
export function readLocaleBackstopExamples(locale: string, localesDir: string = LOCALES_DIR): BackstopExample[] {
  const own = readBackstopExamples(trainingFilePath(locale, localesDir));
  if (own.length === 0) return [];
  return [...own, ...readBackstopExamples(batchTrainingFilePath(locale, localesDir)), ...readUtteranceExamples(localeFilePath(locale, 'utterances.json', localesDir))];
}

export function readBackstopExamples(path: string): BackstopExample[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line, i) => {
      const parsed = exampleSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

/**
 * One model or several "views" of the same lines (different features or regularisation), whose
 * probabilities are averaged: views that err on different lines smooth each other's guesses on a
 * new writer's wording.
 */
export type BackstopModelOptions = Readonly<NgramClassifierOptions> | readonly Readonly<NgramClassifierOptions>[];

export const viewsOf = (options: BackstopModelOptions): readonly Readonly<NgramClassifierOptions>[] => (Array.isArray(options) ? options : [options as Readonly<NgramClassifierOptions>]);

/** Pure: trains on already-prepared texts (see assess). */
export function trainRiskBackstop(examples: readonly BackstopExample[], threshold: number = BACKSTOP_THRESHOLD, options: BackstopModelOptions = MODEL_OPTIONS): RiskBackstop {
  return backstopFromModels(
    viewsOf(options).map((view) => trainNgramClassifier<BackstopLabel>(examples, view)),
    threshold,
  );
}

/**
 * The same model as trainRiskBackstop, its weights kept in a disk cache (src/ml/weightsCache.ts)
 * keyed by the prepared texts, labels and options: the same data trains once, not once a start
 * and once a test file. `cacheDir` undefined: no cache.
 */
export function trainRiskBackstopCached(examples: readonly BackstopExample[], cacheDir: string | undefined = DEFAULT_CACHE_DIR): RiskBackstop {
  if (cacheDir === undefined) return trainRiskBackstop(examples);
  const models = viewsOf(MODEL_OPTIONS).map((view) => {
    const key = `risk-backstop-${weightsKey(examples, view)}`;
    let weights = readCachedWeights<BackstopLabel>(cacheDir, key);
    if (weights === undefined) {
      weights = fitNgramWeights<BackstopLabel>(examples, view);
      writeCachedWeights(cacheDir, key, weights);
    }
    return ngramClassifierFromWeights(weights, view);
  });
  return backstopFromModels(models, BACKSTOP_THRESHOLD);
}

function backstopFromModels(models: readonly NgramClassifier<BackstopLabel>[], threshold: number): RiskBackstop {
  // Every view is trained on the same lines, so each sees the same labels, in the same order.
  const { labels } = models[0];
  const noneIndex = labels.indexOf('none');
  const riskIndexes = labels.map((label, i) => (RISK_CATEGORIES.includes(label as RiskCategory) ? i : -1)).filter((i) => i >= 0);
  const averaged = new Float64Array(labels.length);
  const probabilities = (prepared: string): Float64Array => {
    if (models.length === 1) return models[0].probabilities(prepared);
    averaged.fill(0);
    for (const model of models) {
      const p = model.probabilities(prepared);
      for (let i = 0; i < averaged.length; i += 1) averaged[i] += p[i] / models.length;
    }
    return averaged;
  };
  const score = (prepared: string): BackstopVerdict => {
    const p = probabilities(prepared);
    let best = riskIndexes[0];
    for (const i of riskIndexes) if (p[i] > p[best]) best = i;
    return { category: labels[best] as RiskCategory, riskProbability: noneIndex >= 0 ? 1 - p[noneIndex] : 1 };
  };
  return {
    score,
    assess(prepared: string): BackstopVerdict | null {
      if (prepared.trim() === '' || riskIndexes.length === 0) return null;
      const verdict = score(prepared);
      return verdict.riskProbability >= threshold ? verdict : null;
    },
  };
}

export interface FoldScores {
  /** 1 - P(none) for each held-out benign example */
  benign: number[];
  /** 1 - P(none) for each held-out risk example */
  risk: number[];
}

/**
 * Pure: k-fold cross-validation scores (every example scored by a model that never saw it), for
 * choosing the threshold. Folds are interleaved by position so each keeps the file's mix. Only
 * examples for which `scored` holds count: the backstop only ever sees messages the lexicon let
 * through, and the easy on-topic utterances would make the false-positive rate look far better
 * than it is on the look-alikes people really send.
 */
export function crossValidationScores(examples: readonly BackstopExample[], folds = 5, scored: (index: number) => boolean = () => true): FoldScores {
  const out: FoldScores = { benign: [], risk: [] };
  for (let f = 0; f < folds; f += 1) {
    const train = examples.filter((_, i) => i % folds !== f);
    const model = trainRiskBackstop(train, 1);
    examples.forEach((e, i) => {
      if (i % folds !== f || !scored(i)) return;
      (e.label === 'none' ? out.benign : out.risk).push(model.score(e.text).riskProbability);
    });
  }
  return out;
}

/** Pure: the lowest threshold (on a 0.01 grid) whose benign false-positive rate is <= maxFpr. */
export function chooseThreshold(scores: FoldScores, maxFpr: number): { threshold: number; fpr: number; recall: number } {
  for (let t = 0.05; t <= 0.99; t += 0.01) {
    const threshold = Math.round(t * 100) / 100;
    const fpr = scores.benign.filter((s) => s >= threshold).length / Math.max(1, scores.benign.length);
    if (fpr <= maxFpr) {
      const recall = scores.risk.filter((s) => s >= threshold).length / Math.max(1, scores.risk.length);
      return { threshold, fpr, recall };
    }
  }
  return { threshold: 0.99, fpr: 0, recall: 0 };
}
