/**
 * A small softmax (multinomial logistic regression) classifier over word, word-pair and
 * character n-gram features. It complements nlp.js, whose features are whole stemmed words only:
 * character n-grams let typos ("theraphy", "counciling") and unseen word forms still match, and
 * word pairs tell "help me" from "help with". Deterministic: weights start at zero and examples
 * are visited in an order fixed by a seeded generator.
 */
import type { IntentName, IntentScore } from './recognizer';
import type { LabelledUtterance } from './utterances';

export interface NgramModelOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
  /** Tokens are stemmed with this (nlp.js's English stemmer in production). */
  stem?: (word: string) => string;
}

export interface NgramModel {
  classify(normalisedText: string): IntentScore[];
}

const CHAR_WEIGHT = 0.3;
const PAIR_WEIGHT = 0.7;

/** Pure: sparse, L2-normalised feature map of one (already normalised) utterance. */
export function ngramFeatures(text: string, stem: (word: string) => string): Map<string, number> {
  const cleaned = text.replace(/'/g, '').replace(/[^\p{L}\p{N}£]+/gu, ' ').trim();
  const words = cleaned.length > 0 ? cleaned.split(' ') : [];
  const stems = words.map(stem);
  const features = new Map<string, number>();
  const add = (key: string, value: number) => features.set(key, (features.get(key) ?? 0) + value);
  for (const s of stems) add(`w:${s}`, 1);
  for (let i = 0; i + 1 < stems.length; i += 1) add(`p:${stems[i]}_${stems[i + 1]}`, PAIR_WEIGHT);
  for (const word of words) {
    const padded = ` ${word} `;
    for (let n = 3; n <= 5; n += 1) {
      for (let i = 0; i + n <= padded.length; i += 1) add(`c:${padded.slice(i, i + n)}`, CHAR_WEIGHT);
    }
  }
  let norm = 0;
  for (const v of features.values()) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  for (const [k, v] of features) features.set(k, v / norm);
  return features;
}

interface SparseVector {
  index: Int32Array;
  value: Float64Array;
}

export function trainNgramModel(
  examples: readonly { text: string; intent: IntentName }[],
  options: NgramModelOptions = {},
): NgramModel {
  const stem = options.stem ?? ((w: string) => w);
  const epochs = options.epochs ?? 15;
  const learningRate = options.learningRate ?? 2;
  const l2 = options.l2 ?? 1e-4;
  const intents: IntentName[] = [];
  for (const e of examples) if (!intents.includes(e.intent)) intents.push(e.intent);
  const classes = intents.length;

  const vocabulary = new Map<string, number>();
  const toVector = (text: string, grow: boolean): SparseVector => {
    const index: number[] = [];
    const value: number[] = [];
    for (const [key, v] of ngramFeatures(text, stem)) {
      let id = vocabulary.get(key);
      if (id === undefined && grow) {
        id = vocabulary.size;
        vocabulary.set(key, id);
      }
      if (id !== undefined) {
        index.push(id);
        value.push(v);
      }
    }
    return { index: Int32Array.from(index), value: Float64Array.from(value) };
  };
  const data = examples.map((e) => ({ x: toVector(e.text, true), y: intents.indexOf(e.intent) }));
  const size = vocabulary.size;
  const weights = new Float64Array(classes * size);
  const bias = new Float64Array(classes);
  const logits = new Float64Array(classes);

  const softmax = (x: SparseVector): void => {
    let max = -Infinity;
    for (let c = 0; c < classes; c += 1) {
      let sum = bias[c];
      const offset = c * size;
      for (let k = 0; k < x.index.length; k += 1) sum += weights[offset + x.index[k]] * x.value[k];
      logits[c] = sum;
      if (sum > max) max = sum;
    }
    let total = 0;
    for (let c = 0; c < classes; c += 1) {
      logits[c] = Math.exp(logits[c] - max);
      total += logits[c];
    }
    for (let c = 0; c < classes; c += 1) logits[c] /= total;
  };

  // A fixed linear congruential generator: the same data always gives the same model.
  let seed = options.seed ?? 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const rate = learningRate / (1 + epoch * 0.2);
    for (const i of order) {
      const { x, y } = data[i];
      softmax(x);
      for (let c = 0; c < classes; c += 1) {
        const gradient = logits[c] - (c === y ? 1 : 0);
        const offset = c * size;
        bias[c] -= rate * gradient;
        for (let k = 0; k < x.index.length; k += 1) {
          const w = offset + x.index[k];
          weights[w] -= rate * (gradient * x.value[k] + l2 * weights[w]);
        }
      }
    }
  }

  return {
    classify(text: string): IntentScore[] {
      softmax(toVector(text, false));
      return intents.map((intent, c) => ({ intent, score: logits[c] })).sort((a, b) => b.score - a.score);
    },
  };
}

export type { LabelledUtterance };
