/**
 * A small softmax (multinomial logistic regression) classifier over word, word-pair and
 * character n-gram features. Generic over its labels: the language module uses it for intents
 * (with nlp.js), the safety module as the statistical backstop behind the risk lexicon. Character
 * n-grams let typos and unseen word forms still match; word pairs tell "help me" from "help with".
 * Deterministic: weights start at zero and examples are visited in an order fixed by a seeded
 * generator. Pure: no I/O.
 */

export interface NgramClassifierOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
  /** Tokens are stemmed with this (nlp.js's English stemmer for intents). */
  stem?: (word: string) => string;
  /** Character n-gram lengths (inclusive); fewer lengths = fewer features = faster scoring. */
  charMin?: number;
  charMax?: number;
}

export interface LabelScore<L extends string> {
  label: L;
  score: number;
}

export interface NgramClassifier<L extends string> {
  readonly labels: readonly L[];
  /** Probabilities for every label, highest first. */
  classify(normalisedText: string): LabelScore<L>[];
  /**
   * Probabilities in `labels` order, written into a buffer the classifier owns (valid until the
   * next call): no sorting or allocation per label, for callers on a hot path.
   */
  probabilities(normalisedText: string): Float64Array;
}

const CHAR_WEIGHT = 0.3;
/** Only characters for which the ASCII and Unicode clean-ups agree: lower-case letters, digits, spaces, full stops. */
const PLAIN_ASCII = /^[a-z0-9 .]*$/;
const PAIR_WEIGHT = 0.7;

/** Pure: sparse, L2-normalised feature map of one (already normalised) text. */
export function ngramFeatures(text: string, stem: (word: string) => string, charMin = 3, charMax = 5): Map<string, number> {
  const cleaned = text.replace(/'/g, '').replace(/[^\p{L}\p{N}£]+/gu, ' ').trim();
  const words = cleaned.length > 0 ? cleaned.split(' ') : [];
  const stems = words.map(stem);
  const features = new Map<string, number>();
  const add = (key: string, value: number) => features.set(key, (features.get(key) ?? 0) + value);
  for (const s of stems) add(`w:${s}`, 1);
  for (let i = 0; i + 1 < stems.length; i += 1) add(`p:${stems[i]}_${stems[i + 1]}`, PAIR_WEIGHT);
  for (const word of words) {
    const padded = ` ${word} `;
    for (let n = charMin; n <= charMax; n += 1) {
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

/** What training learns: plain data, so a model can be trained in a worker thread and sent back. */
export interface NgramWeights<L extends string> {
  labels: L[];
  /** Feature key -> row of `weights`. */
  vocabulary: Map<string, number>;
  /** Feature-major: row r holds feature r's weight for each label in `labels` order. */
  weights: Float64Array;
  bias: Float64Array;
}

const identity = (w: string) => w;

export function trainNgramClassifier<L extends string>(
  examples: readonly { text: string; label: L }[],
  options: NgramClassifierOptions = {},
): NgramClassifier<L> {
  return ngramClassifierFromWeights(fitNgramWeights(examples, options), options);
}

/** Trains the weights (the costly part); `ngramClassifierFromWeights` turns them into a classifier. */
export function fitNgramWeights<L extends string>(
  examples: readonly { text: string; label: L }[],
  options: NgramClassifierOptions = {},
): NgramWeights<L> {
  const stem = options.stem ?? identity;
  const epochs = options.epochs ?? 15;
  const learningRate = options.learningRate ?? 2;
  const l2 = options.l2 ?? 1e-4;
  const charMin = options.charMin ?? 3;
  const charMax = options.charMax ?? 5;
  const labels: L[] = [];
  for (const e of examples) if (!labels.includes(e.label)) labels.push(e.label);
  const classes = labels.length;

  const vocabulary = new Map<string, number>();
  const toVector = (text: string, grow: boolean): SparseVector => {
    const index: number[] = [];
    const value: number[] = [];
    for (const [key, v] of ngramFeatures(text, stem, charMin, charMax)) {
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
  const data = examples.map((e) => ({ x: toVector(e.text, true), y: labels.indexOf(e.label) }));
  const size = vocabulary.size;
  // Feature-major: a feature's weights for every class sit side by side, so training and scoring
  // touch one small block a feature instead of one a class (most of the cost was cache misses).
  const weights = new Float64Array(size * classes);
  const bias = new Float64Array(classes);
  const logits = new Float64Array(classes);
  const gradients = new Float64Array(classes);

  const softmax = (x: SparseVector): void => {
    for (let c = 0; c < classes; c += 1) logits[c] = bias[c];
    for (let k = 0; k < x.index.length; k += 1) {
      const base = x.index[k] * classes;
      const v = x.value[k];
      for (let c = 0; c < classes; c += 1) logits[c] += weights[base + c] * v;
    }
    let max = -Infinity;
    for (let c = 0; c < classes; c += 1) if (logits[c] > max) max = logits[c];
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
        gradients[c] = logits[c] - (c === y ? 1 : 0);
        bias[c] -= rate * gradients[c];
      }
      for (let k = 0; k < x.index.length; k += 1) {
        const base = x.index[k] * classes;
        const v = x.value[k];
        for (let c = 0; c < classes; c += 1) weights[base + c] -= rate * (gradients[c] * v + l2 * weights[base + c]);
      }
    }
  }
  return { labels, vocabulary, weights, bias };
}

/** A classifier from trained weights; the same options (stem, n-gram lengths) as training. */
export function ngramClassifierFromWeights<L extends string>(
  trained: NgramWeights<L>,
  options: NgramClassifierOptions = {},
): NgramClassifier<L> {
  const { labels, vocabulary, weights, bias } = trained;
  const stem = options.stem ?? identity;
  const charMin = options.charMin ?? 3;
  const charMax = options.charMax ?? 5;
  const classes = labels.length;
  const size = vocabulary.size;
  const logits = new Float64Array(classes);

  // Scoring is on the hot path (the risk backstop runs on most ordinary messages), and building
  // every character n-gram string again for each message was most of its cost. So each word's
  // features are worked out once and cached as numeric ids: vocabulary ids, or negative ids for
  // n-grams the model never saw (they still count in the L2 norm, exactly as in training).
  const WORD_CACHE_LIMIT = 20000;
  // Word pairs are looked up by number, not by building "p:a_b" strings: each stem has an id
  // (permanent for the stems of trained pairs, temporary for others, dropped with the cache).
  const PAIR_BASE = 2 ** 21;
  const stemIds = new Map<string, number>();
  const knownPairs = new Map<number, number>();
  const permanentStemId = (s: string): number => {
    let id = stemIds.get(s);
    if (id === undefined) {
      id = stemIds.size;
      stemIds.set(s, id);
    }
    return id;
  };
  for (const [key, id] of vocabulary) {
    if (!key.startsWith('p:')) continue;
    const split = key.indexOf('_');
    knownPairs.set(permanentStemId(key.slice(2, split)) * PAIR_BASE + permanentStemId(key.slice(split + 1)), id);
  }
  const permanentStems = stemIds.size;
  const temporaryStemIds = new Map<string, number>();
  const stemIdOf = (s: string): number => {
    const known = stemIds.get(s) ?? temporaryStemIds.get(s);
    if (known !== undefined) return known;
    const id = permanentStems + temporaryStemIds.size;
    temporaryStemIds.set(s, id);
    return id;
  };
  interface WordEntry {
    stemId: number;
    ids: Int32Array;
    values: Float64Array;
  }
  const wordCache = new Map<string, WordEntry>();
  const unseen = new Map<string, number>();
  const idOf = (key: string): number => {
    const known = vocabulary.get(key);
    if (known !== undefined) return known;
    let id = unseen.get(key);
    if (id === undefined) {
      id = -1 - unseen.size;
      unseen.set(key, id);
    }
    return id;
  };
  const wordFeatures = (word: string): WordEntry => {
    let entry = wordCache.get(word);
    if (entry !== undefined) return entry;
    if (wordCache.size >= WORD_CACHE_LIMIT || temporaryStemIds.size >= PAIR_BASE - permanentStems - 1) {
      wordCache.clear();
      unseen.clear();
      temporaryStemIds.clear();
    }
    const local = new Map<number, number>();
    const s = stem(word);
    const add = (key: string, value: number) => {
      const id = idOf(key);
      local.set(id, (local.get(id) ?? 0) + value);
    };
    add(`w:${s}`, 1);
    const padded = ` ${word} `;
    for (let n = charMin; n <= charMax; n += 1) {
      for (let i = 0; i + n <= padded.length; i += 1) add(`c:${padded.slice(i, i + n)}`, CHAR_WEIGHT);
    }
    entry = { stemId: stemIdOf(s), ids: Int32Array.from(local.keys()), values: Float64Array.from(local.values()) };
    wordCache.set(word, entry);
    return entry;
  };
  const known = new Float64Array(size);
  const touched: number[] = [];
  // Unseen n-grams have no weight but still count in the L2 norm: summed here by -1 - id.
  let unseenTotals = new Float64Array(1024);
  const unseenTouched: number[] = [];
  const pairs = new Map<number, number>();
  // Reused on every call (scoring is synchronous): no per-message typed-array garbage.
  const index = new Int32Array(size);
  const value = new Float64Array(size);
  /** Fills index/value; returns how many features are set. */
  const fastVector = (text: string): number => {
    // Text already lower-case ASCII (as the risk normaliser leaves it) gives the same words through
    // a plain ASCII expression, which is several times cheaper than the Unicode one.
    const cleaned = PLAIN_ASCII.test(text)
      ? text.replace(/[^a-z0-9]+/g, ' ').trim()
      : text.replace(/'/g, '').replace(/[^\p{L}\p{N}£]+/gu, ' ').trim();
    const words = cleaned.length > 0 ? cleaned.split(' ') : [];
    touched.length = 0;
    unseenTouched.length = 0;
    pairs.clear();
    let previous = -1;
    for (const word of words) {
      const f = wordFeatures(word);
      for (let k = 0; k < f.ids.length; k += 1) {
        const id = f.ids[k];
        if (id >= 0) {
          if (known[id] === 0) touched.push(id);
          known[id] += f.values[k];
        } else {
          const u = -1 - id;
          if (u >= unseenTotals.length) {
            const grown = new Float64Array(Math.max(u + 1, unseenTotals.length * 2));
            grown.set(unseenTotals);
            unseenTotals = grown;
          }
          if (unseenTotals[u] === 0) unseenTouched.push(u);
          unseenTotals[u] += f.values[k];
        }
      }
      if (previous >= 0) {
        const key = previous * PAIR_BASE + f.stemId;
        pairs.set(key, (pairs.get(key) ?? 0) + PAIR_WEIGHT);
      }
      previous = f.stemId;
    }
    let norm = 0;
    for (const [key, v] of pairs) {
      const id = knownPairs.get(key);
      if (id === undefined) norm += v * v;
      else {
        if (known[id] === 0) touched.push(id);
        known[id] += v;
      }
    }
    for (const id of touched) norm += known[id] * known[id];
    for (const u of unseenTouched) {
      norm += unseenTotals[u] * unseenTotals[u];
      unseenTotals[u] = 0;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < touched.length; k += 1) {
      const id = touched[k];
      index[k] = id;
      value[k] = known[id] / norm;
      known[id] = 0;
    }
    return touched.length;
  };

  const probabilities = (text: string): Float64Array => {
    const count = fastVector(text);
    for (let c = 0; c < classes; c += 1) logits[c] = bias[c];
    for (let k = 0; k < count; k += 1) {
      const base = index[k] * classes;
      const v = value[k];
      for (let c = 0; c < classes; c += 1) logits[c] += weights[base + c] * v;
    }
    let max = -Infinity;
    for (let c = 0; c < classes; c += 1) if (logits[c] > max) max = logits[c];
    let total = 0;
    for (let c = 0; c < classes; c += 1) {
      logits[c] = Math.exp(logits[c] - max);
      total += logits[c];
    }
    for (let c = 0; c < classes; c += 1) logits[c] /= total;
    return logits;
  };
  return {
    labels,
    probabilities,
    classify(text: string): LabelScore<L>[] {
      const p = probabilities(text);
      return labels.map((label, c) => ({ label, score: p[c] })).sort((a, b) => b.score - a.score);
    },
  };
}
