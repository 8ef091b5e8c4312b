/**
 * Offline experiment (issue 10): can the sentence encoder (Universal Sentence Encoder lite, as the
 * answers already use it) be a second opinion for risk? Not run by tests or the service.
 *
 * Prototypes are the backstop's own training lines (locales/en-GB/risk-training.jsonl: risk lines
 * and hand-written look-alikes); the logistic model also learns from the intent utterances, as the
 * backstop does. The fresh batches are test data only, never prototypes. Each message is read as a
 * whole (up to the encoder's 400 characters) and sentence by sentence; its semantic score is the
 * riskiest of those readings. Scorers: kNN (share of risk among the 10 nearest lines), margin
 * (nearest risk line minus nearest look-alike), logistic regression, and joint (kNN averaged with
 * the n-gram backstop's own probability for the same reading).
 *
 * Two uses, and both together, are scored, each with its threshold chosen on the batches written before the test
 * batches (`--test aj,ak`, the default: tuned on a-ai) and reported on the test batches untouched:
 *   (a) extra detector: flag a message the lexicon and the backstop both leave alone;
 *   (b) veto: drop a backstop-only guess (possible: true) the encoder does not find risky.
 * `--verdicts file.json` (text -> assessment, e.g. dumped from the detector as it stood when aj and
 * ak were still blind) replaces today's detector verdicts, so the first-score question can be
 * asked honestly: would the encoder have caught what that detector missed?
 *
 * Every message that reaches a use counts as eval:safety counts it: risk caught = any assessment but
 * negation alone; a false positive = a check-in or hand-off (not the answer with a line of routes).
 * An encoder flag read as past and over or as work talk (riskContext.ts, as the backstop reads it)
 * is dropped, as the backstop drops its own.
 *
 *   node scripts/build-if-stale.mjs && node dist/scripts/semantic-risk-experiment.js \
 *     [--test aj,ak] [--verdicts file.json] [--backstop file.json] [--show] [--cache file.json]
 *
 * The first run encodes about 25,000 texts (several minutes on a busy 2-core machine) and keeps
 * them in the cache file; later runs take a minute or two.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PROJECT_ROOT } from '../src/projectRoot';
import { localeFilePath } from '../src/content/localeResolver';
import { loadSentenceEncoder, type SentenceEncoder } from '../src/language/sentenceEncoder';
import { decodeVector, encodeVector } from '../src/language/meaningIndex';
import { readBackstopExamples, readLocaleBackstopExamples, trainRiskBackstop, type BackstopLabel, readUtteranceExamples, trainingFilePath } from '../src/safety/riskBackstop';
import { sharedRiskDetector } from '../src/safety/detectRisk';
import type { RiskAssessment, RiskCategory } from '../src/safety/types';
import { readRiskContext } from '../src/safety/riskContext';
import { isAcknowledgementOnly } from './lib/riskEvaluation';
import { readingsOf } from './lib/encoderReadings';

/**
 * TensorFlow.js as bundled in @energetic-ai/core (the encoder's own backend). Its type
 * declarations point at @tensorflow packages that are not installed, so the two calls used here
 * are typed by hand.
 */
interface Tensor {
  data(): Promise<ArrayLike<number>>;
  dispose(): void;
}
interface TensorOps {
  tensor2d(values: Float32Array, shape: [number, number]): Tensor;
  matMul(a: Tensor, b: Tensor, transposeA: boolean, transposeB: boolean): Tensor;
}
const tf: TensorOps = require('@energetic-ai/core');

const FRESH_DIR = join(PROJECT_ROOT, 'test', 'safety', 'fresh');
const EVAL_DIR = join(PROJECT_ROOT, 'test', 'safety', 'eval');
/** Batches in the order they were written: a, b, ... z, aa, ab ... */
const batchOrder = (a: string, b: string): number => a.length - b.length || a.localeCompare(b);

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function jsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

type Kind = 'risk' | 'benign' | 'past';
interface Item {
  batch: string;
  kind: Kind;
  text: string;
}

function freshItems(): Item[] {
  const out: Item[] = [];
  for (const file of readdirSync(FRESH_DIR).sort()) {
    const m = /^([a-z]+)-(risk|benign|past)\.jsonl$/.exec(file);
    if (m === null) continue;
    for (const { text } of jsonl<{ text: string }>(join(FRESH_DIR, file))) out.push({ batch: m[1], kind: m[2] as Kind, text });
  }
  return out;
}

function evalItems(): Item[] {
  return [
    ...jsonl<{ text: string }>(join(EVAL_DIR, 'risk.jsonl')).map(({ text }): Item => ({ batch: 'team', kind: 'risk', text })),
    ...jsonl<{ text: string }>(join(EVAL_DIR, 'benign.jsonl')).map(({ text }): Item => ({ batch: 'team', kind: 'benign', text })),
  ];
}

// ---------- embeddings with a disk cache (the script is re-run while exploring) ----------

class Embeddings {
  private readonly vectors = new Map<string, Float32Array>();
  constructor(
    private readonly encoder: SentenceEncoder,
    private readonly cacheFile: string,
  ) {
    if (existsSync(cacheFile)) {
      for (const [text, v] of Object.entries(JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, string>)) this.vectors.set(text, decodeVector(v));
    }
  }
  async ensure(texts: readonly string[]): Promise<void> {
    const missing = [...new Set(texts.filter((t) => !this.vectors.has(t)))];
    for (let i = 0; i < missing.length; i += 256) {
      const batch = missing.slice(i, i + 256);
      const vs = await this.encoder.embed(batch);
      batch.forEach((t, j) => this.vectors.set(t, vs[j]));
      if (i % 2560 === 0) process.stderr.write(`  encoded ${i + batch.length}/${missing.length}\n`);
    }
    if (missing.length > 0) this.save();
  }
  get(text: string): Float32Array {
    const v = this.vectors.get(text);
    if (v === undefined) throw new Error('not encoded');
    return v;
  }
  private save(): void {
    const out: Record<string, string> = {};
    for (const [t, v] of this.vectors) out[t] = encodeVector(v);
    writeFileSync(this.cacheFile, JSON.stringify(out));
  }
}

// ---------- scorers: pure functions of unit vectors ----------

interface Prototype {
  vector: Float32Array;
  risk: boolean;
  label: BackstopLabel;
}

/**
 * kNN and margin scores for many readings at once: the similarities come from one matrix product
 * per chunk on TensorFlow.js's backend (already loaded with the encoder), as plain loops over
 * 4,500 prototypes for 18,000 readings took minutes on this shared machine.
 *   knn10: similarity-weighted share of risk among the 10 nearest prototypes;
 *   margin: nearest risk prototype's similarity minus nearest look-alike's.
 */
type NeighbourScorer = (queries: readonly Float32Array[]) => Promise<Array<{ knn10: number; margin: number; nearest: RiskCategory }>>;
function neighbourScorer(protos: readonly Prototype[], k = 10): NeighbourScorer {
  const d = protos[0].vector.length;
  const flatProtos = new Float32Array(protos.length * d);
  protos.forEach((p, i) => flatProtos.set(p.vector, i * d));
  const protoMatrix = tf.tensor2d(flatProtos, [protos.length, d]);
  return async (queries) => {
    const out: Array<{ knn10: number; margin: number; nearest: RiskCategory }> = [];
    for (let start = 0; start < queries.length; start += 256) {
      const chunk = queries.slice(start, start + 256);
      const flat = new Float32Array(chunk.length * d);
      chunk.forEach((q, i) => flat.set(q, i * d));
      const q = tf.tensor2d(flat, [chunk.length, d]);
      const sims = tf.matMul(q, protoMatrix, false, true);
      const data = await sims.data();
      q.dispose();
      sims.dispose();
      for (let row = 0; row < chunk.length; row++) {
        const top: Array<{ s: number; risk: boolean }> = [];
        let r = -1;
        let n = -1;
        let nearest: RiskCategory = 'suicide';
        for (let j = 0; j < protos.length; j++) {
          const s = data[row * protos.length + j];
          const risk = protos[j].risk;
          if (risk && s > r) {
            r = s;
            nearest = protos[j].label as RiskCategory;
          } else if (!risk) n = Math.max(n, s);
          if (top.length < k || s > top[top.length - 1].s) {
            top.push({ s, risk });
            top.sort((a, b) => b.s - a.s);
            if (top.length > k) top.pop();
          }
        }
        let riskW = 0;
        let all = 0;
        for (const t of top) {
          const w = Math.max(t.s, 0);
          all += w;
          if (t.risk) riskW += w;
        }
        out.push({ knn10: all === 0 ? 0 : riskW / all, margin: r - n, nearest });
      }
    }
    return out;
  };
}

/** Logistic regression on the vectors (risk vs none), classes weighted equally; full-batch gradient descent. */
function trainLogistic(examples: readonly Prototype[], epochs = 400, rate = 2, l2 = 1e-4): (q: Float32Array) => number {
  const d = examples[0].vector.length;
  const w = new Float64Array(d);
  let b = 0;
  const nRisk = examples.filter((e) => e.risk).length;
  const weightOf = (risk: boolean): number => (risk ? examples.length / (2 * nRisk) : examples.length / (2 * (examples.length - nRisk)));
  for (let epoch = 0; epoch < epochs; epoch++) {
    const g = new Float64Array(d);
    let gb = 0;
    for (const e of examples) {
      let z = b;
      for (let i = 0; i < d; i++) z += w[i] * e.vector[i];
      const p = 1 / (1 + Math.exp(-z));
      const err = (p - (e.risk ? 1 : 0)) * weightOf(e.risk);
      for (let i = 0; i < d; i++) g[i] += err * e.vector[i];
      gb += err;
    }
    for (let i = 0; i < d; i++) w[i] -= rate * (g[i] / examples.length + l2 * w[i]);
    b -= (rate * gb) / examples.length;
  }
  return (q) => {
    let z = b;
    for (let i = 0; i < d; i++) z += w[i] * q[i];
    return 1 / (1 + Math.exp(-z));
  };
}

// ---------- the detector's verdicts and what counts as flagged (as eval:safety counts) ----------

type Verdict = RiskAssessment | null;
/** Risk caught: any assessment that is not negation alone. */
const caught = (v: Verdict): boolean => v !== null && !v.negated;
/** A safety dialog (check-in or hand-off): what counts as a false positive on benign and past lines. */
const dialog = (v: Verdict): boolean => v !== null && !isAcknowledgementOnly(v);
const backstopOnly = (v: Verdict): boolean => v !== null && v.possible === true;

interface Scored extends Item {
  verdict: Verdict;
  score: Record<string, number>;
  /** per scorer: its riskiest reading is past and over or work talk, as the backstop reads context (then no flag) */
  calm: Record<string, boolean>;
}

const pct = (a: number, b: number): string => `${b === 0 ? '-' : ((100 * a) / b).toFixed(1)}%`;

function figures(items: readonly Scored[], flagged: (s: Scored) => boolean): string {
  const risk = items.filter((i) => i.kind === 'risk');
  const benign = items.filter((i) => i.kind === 'benign');
  const past = items.filter((i) => i.kind === 'past');
  const r = risk.filter(flagged).length;
  const b = benign.filter(flagged).length;
  const p = past.filter(flagged).length;
  return `recall ${pct(r, risk.length)} (${r}/${risk.length})  benign FP ${pct(b, benign.length)} (${b}/${benign.length})  past dialog ${p}/${past.length}`;
}

/** Risk flags for "extra": the detector's own, plus the encoder's on what it left alone. */
const extraFlag = (s: Scored, name: string, t: number): boolean => s.verdict === null && s.score[name] >= t && !s.calm[name];
const withExtra = (name: string, t: number) => (s: Scored): boolean => (s.kind === 'risk' ? caught(s.verdict) : dialog(s.verdict)) || extraFlag(s, name, t);
const withVeto = (name: string, t: number) => (s: Scored): boolean => {
  const own = s.kind === 'risk' ? caught(s.verdict) : dialog(s.verdict);
  return own && !(backstopOnly(s.verdict) && s.score[name] < t);
};
const asIs = (s: Scored): boolean => (s.kind === 'risk' ? caught(s.verdict) : dialog(s.verdict));

async function main(): Promise<void> {
  const cacheFile = arg('--cache') ?? join(tmpdir(), 'semantic-risk-cache.json');
  const verdictFile = arg('--verdicts');
  const stored = verdictFile === undefined ? undefined : (JSON.parse(readFileSync(verdictFile, 'utf8')) as Record<string, Verdict>);
  const loadStart = performance.now();
  const encoder = await loadSentenceEncoder();
  console.log(`encoder loaded in ${(performance.now() - loadStart).toFixed(0)} ms`);
  const emb = new Embeddings(encoder, cacheFile);

  const own = readBackstopExamples(trainingFilePath('en-GB'));
  const utterances = readUtteranceExamples(localeFilePath('en-GB', 'utterances.json'));
  const items = [...freshItems(), ...evalItems()];
  const fresh = new Set(items.map((i) => i.text));
  // The fresh and team sets are never prototypes (a test keeps them out of the training file too).
  const protoExamples = own.filter((e) => !fresh.has(e.text));
  await emb.ensure([...protoExamples.map((e) => e.text), ...utterances.map((e) => e.text), ...items.flatMap((i) => readingsOf(i.text))]);

  const protos: Prototype[] = protoExamples.map((e) => ({ vector: emb.get(e.text), risk: e.label !== 'none', label: e.label }));
  const lrProtos = [...protos, ...utterances.filter((e) => !fresh.has(e.text)).map((e) => ({ vector: emb.get(e.text), risk: e.label !== 'none', label: e.label }))];
  const trainStart = performance.now();
  const logistic = trainLogistic(lrProtos);
  console.log(`logistic model trained on ${lrProtos.length} lines in ${(performance.now() - trainStart).toFixed(0)} ms; kNN over ${protos.length} prototypes`);

  const scorerNames = ['knn10', 'margin', 'logistic', 'joint'] as const;
  const readingTexts = [...new Set(items.flatMap((i) => readingsOf(i.text)))];
  const scoreStart = performance.now();
  const neighbourScores = neighbourScorer(protos);
  const neighbours = await neighbourScores(readingTexts.map((t) => emb.get(t)));
  const readingScores = new Map(readingTexts.map((t, i) => [t, { ...neighbours[i], logistic: logistic(emb.get(t)) }]));
  console.log(`scored ${readingTexts.length} readings in ${(performance.now() - scoreStart).toFixed(0)} ms`);
  const detector = sharedRiskDetector();
  // "joint": the encoder confirming the n-gram backstop below its bar, the mean of the backstop's
  // probability (trained as the detector trains it) and kNN for the same reading.
  // `--backstop file.json` (reading -> probability, dumped beside the verdicts) keeps an older
  // tree's masks and model, so a replay carries nothing learnt since.
  const backstopFile = arg('--backstop');
  const storedBackstop = backstopFile === undefined ? undefined : (JSON.parse(readFileSync(backstopFile, 'utf8')) as Record<string, number>);
  const backstop = trainRiskBackstop(readLocaleBackstopExamples('en-GB').map((e) => ({ ...e, text: detector.prepare(e.text) })));
  const backstopProbability = (t: string): number => storedBackstop?.[t] ?? backstop.score(detector.prepare(t)).riskProbability;
  const scored: Scored[] = items.map((item) => {
    const readings = readingsOf(item.text).map((t) => {
      const r = readingScores.get(t) ?? { knn10: 0, margin: -1, logistic: 0, nearest: 'suicide' as const };
      return { t, ...r, joint: (r.knn10 + backstopProbability(t)) / 2 };
    });
    const score: Record<string, number> = {};
    const calm: Record<string, boolean> = {};
    const whole = detector.prepare(item.text);
    for (const name of scorerNames) {
      const riskiest = readings.reduce((a, b) => (b[name] > a[name] ? b : a));
      score[name] = riskiest[name];
      // Who and when around the riskiest reading, as the backstop reads them around its riskiest sentence.
      const at = Math.max(0, whole.indexOf(detector.prepare(riskiest.t)));
      const context = readRiskContext(riskiest.nearest, whole, at, '', false, detector.normalise(item.text));
      calm[name] = context.when === 'past' || context.frame === 'professional';
    }
    const verdict = stored !== undefined ? (stored[item.text] ?? null) : detector.detect(item.text, 'en-GB');
    return { ...item, verdict, score, calm };
  });

  const testBatches = (arg('--test') ?? 'aj,ak').split(',');
  const firstTest = [...testBatches].sort(batchOrder)[0];
  // Tuned only on batches written before the test batches: nothing later, nothing tested.
  const tune = scored.filter((s) => s.batch !== 'team' && batchOrder(s.batch, firstTest) < 0);
  const test = scored.filter((s) => testBatches.includes(s.batch));
  const team = scored.filter((s) => s.batch === 'team');
  const groups: Array<[string, Scored[]]> = [
    [`tune <${firstTest}`, tune],
    ...testBatches.map((b): [string, Scored[]] => [b, test.filter((s) => s.batch === b)]),
    [testBatches.join('+'), test],
    ['team set', team],
  ];
  console.log(`\nverdicts: ${verdictFile ?? "today's detector"}`);
  for (const [name, g] of groups) console.log(`  ${name.padEnd(10)} detector as is: ${figures(g, asIs)}`);

  for (const name of scorerNames) {
    console.log(`\n== ${name} ==`);
    // (a) extra detector: the lowest threshold whose added benign flags on the tuning batches stay within a budget.
    const tuneBenignNull = tune.filter((s) => s.kind === 'benign' && s.verdict === null && !s.calm[name]).map((s) => s.score[name]).sort((x, y) => y - x);
    const tuneBenign = tune.filter((s) => s.kind === 'benign').length;
    for (const budget of [0.005, 0.01, 0.02]) {
      const allowed = Math.floor(budget * tuneBenign);
      const t = (tuneBenignNull[allowed] ?? -Infinity) + 1e-9;
      console.log(`  (a) extra, tuning-set added benign <= ${(budget * 100).toFixed(1)}% -> threshold ${t.toFixed(3)}`);
      for (const [g, set] of groups) console.log(`      ${g.padEnd(10)} ${figures(set, withExtra(name, t))}`);
    }
    if (process.argv.includes('--show')) {
      const t = (tuneBenignNull[Math.floor(0.01 * tuneBenign)] ?? -Infinity) + 1e-9;
      for (const s of test.filter((x) => extraFlag(x, name, t))) console.log(`      + ${s.batch}-${s.kind} ${s.score[name].toFixed(3)} ${JSON.stringify(s.text.slice(0, 160))}`);
    }
    // What it would take: for each test risk line the detector left alone, the share of tuning
    // benign lines (left alone too) that score as high, i.e. the added benign rate that catching it costs.
    const missCost = test
      .filter((s) => s.kind === 'risk' && s.verdict === null)
      .map((s) => (s.calm[name] ? 1 : tuneBenignNull.filter((b) => b >= s.score[name]).length / tuneBenign))
      .sort((x, y) => x - y)
      .map((c) => `${(100 * c).toFixed(1)}%`);
    console.log(`  test misses (${missCost.length}): added tuning-set benign rate needed to catch each (100% = read as past or work talk): ${missCost.join(' ')}`);
    // (b) veto: the highest threshold that vetoes no more than n backstop-only risk lines on the tuning batches.
    const tuneRiskBackstop = tune.filter((s) => s.kind === 'risk' && backstopOnly(s.verdict)).map((s) => s.score[name]).sort((x, y) => x - y);
    const tuneBenignBackstop = tune.filter((s) => s.kind === 'benign' && backstopOnly(s.verdict) && dialog(s.verdict)).length;
    console.log(`  (b) veto: tuning-set backstop-only risk ${tuneRiskBackstop.length}, benign with a dialog ${tuneBenignBackstop}`);
    for (const lose of [0, 2, 5]) {
      const v = tuneRiskBackstop[lose] ?? Infinity;
      console.log(`      veto below ${v.toFixed(3)} (tuning-set risk vetoed <= ${lose})`);
      for (const [g, set] of groups) console.log(`      ${g.padEnd(10)} ${figures(set, withVeto(name, v))}`);
    }
    {
      // (a) and (b) together: the extra detector at the 1% budget and the veto that costs no tuning risk line.
      const t = (tuneBenignNull[Math.floor(0.01 * tuneBenign)] ?? -Infinity) + 1e-9;
      const v = tuneRiskBackstop[0] ?? Infinity;
      console.log(`  (a)+(b) extra from ${t.toFixed(3)}, veto below ${v.toFixed(3)}`);
      for (const [g, set] of groups) console.log(`      ${g.padEnd(10)} ${figures(set, (s) => extraFlag(s, name, t) || withVeto(name, v)(s))}`);
    }
  }

  // Per-message cost on this machine: encode every reading of a message (no cache) and score it.
  const sample = test.filter((_, i) => i % 5 === 0).slice(0, 120);
  const times: number[] = [];
  for (const s of sample) {
    const started = performance.now();
    const vectors = await encoder.embed(readingsOf(s.text));
    await neighbourScores(vectors);
    for (const v of vectors) logistic(v);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const q = (p: number): string => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
  console.log(`\ncost a message (encode all readings + score, ${sample.length} test messages): p50 ${q(0.5)} ms, p90 ${q(0.9)} ms, max ${q(1)} ms`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
