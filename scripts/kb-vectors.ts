/**
 * Writes the knowledge base's question vectors (locales/en-GB/knowledge-base.vectors.json) for the
 * meaning side of the matcher: run it after any knowledge-base edit, like `npm run qna:export` (a
 * test fails until you do). Questions whose texts are unchanged keep their stored vector;
 * `--all` encodes every question afresh.
 *
 *   node dist/scripts/kb-vectors.js [--all]
 */
import { loadKnowledgeBase } from '../src/content/knowledgeBase';
import { buildVectorFile, readVectorFile, VECTORS_FILE, writeVectorFile } from '../src/language/knowledgeVectors';
import { loadSentenceEncoder } from '../src/language/sentenceEncoder';

async function main(): Promise<void> {
  const kb = loadKnowledgeBase();
  const started = performance.now();
  const content = await buildVectorFile(kb, await loadSentenceEncoder(), process.argv.includes('--all') ? undefined : readVectorFile());
  writeVectorFile(content);
  console.log(`${Object.keys(content.questions).length} question vectors written to ${VECTORS_FILE} in ${(performance.now() - started).toFixed(0)} ms`);
}

void main();
