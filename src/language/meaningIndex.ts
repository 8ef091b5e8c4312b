/**
 * What each knowledge-base question means, as one vector (the mean of its phrasings' sentence
 * vectors), and how near a message's vector is to each: a distribution over the questions that the
 * question matcher blends with its word-based scores. Pure: no I/O, no model.
 */
import { createHash } from 'node:crypto';

/**
 * How sharply closeness becomes a distribution: exp(cosine / T), normalised. 0.05 beat 0.03 and
 * 0.1 on held-out phrasings (eval:answers, seventh pass).
 */
export const MEANING_TEMPERATURE = 0.05;
/**
 * A message no question is near in meaning (the best cosine under FAR) gets no say from the model,
 * one near some question (NEAR or more) a full say, in between a share: a softmax alone would
 * sound as sure about "what's the weather like" as about a real question.
 */
export const FAR = 0.3;
export const NEAR = 0.5;

export interface MeaningIndex {
  readonly size: number;
  /** Each question's share of the message's meaning, scaled by how near the nearest is (0 to 1 in all). */
  scores(vector: Float32Array): Map<string, number>;
}

/** The unit-length mean of unit vectors: the direction a question's phrasings share. */
export function centroid(vectors: readonly Float32Array[]): Float32Array {
  const sum = new Float32Array(vectors[0]?.length ?? 0);
  for (const v of vectors) for (let i = 0; i < sum.length; i += 1) sum[i] += v[i];
  let norm = 0;
  for (const x of sum) norm += x * x;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return sum.map((x) => x * scale);
}

/** Names the texts a question's vector was made from, so a stored vector is used only while they are unchanged. */
export function fingerprint(model: string, texts: readonly string[]): string {
  return createHash('sha256').update(model).update('\n').update(texts.join('\n')).digest('hex').slice(0, 16);
}

export function buildMeaningIndex(centroids: ReadonlyMap<string, Float32Array>): MeaningIndex {
  const ids = [...centroids.keys()];
  const vectors = ids.map((id) => centroids.get(id) as Float32Array);
  const similarity = new Float64Array(ids.length);
  return {
    size: ids.length,
    scores(vector) {
      let best = -Infinity;
      for (let q = 0; q < vectors.length; q += 1) {
        let dot = 0;
        const c = vectors[q];
        for (let i = 0; i < c.length; i += 1) dot += c[i] * vector[i];
        similarity[q] = dot;
        if (dot > best) best = dot;
      }
      const say = Math.min(1, Math.max(0, (best - FAR) / (NEAR - FAR)));
      const out = new Map<string, number>();
      if (say === 0) return out;
      let total = 0;
      for (let q = 0; q < ids.length; q += 1) total += Math.exp((similarity[q] - best) / MEANING_TEMPERATURE);
      for (let q = 0; q < ids.length; q += 1) out.set(ids[q], (say * Math.exp((similarity[q] - best) / MEANING_TEMPERATURE)) / total);
      return out;
    },
  };
}

/** A vector as text for the stored file (base64 of its float32 bytes: exact, and a third of the size of decimals). */
export function encodeVector(vector: Float32Array): string {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64');
}

export function decodeVector(text: string): Float32Array {
  const bytes = Buffer.from(text, 'base64');
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return new Float32Array(copy.buffer);
}
