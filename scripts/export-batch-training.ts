/**
 * Writes the fresh writer batches (test/safety/fresh) as backstop training lines:
 * locales/en-GB/risk-training-batches.jsonl. Every batch has been read and fixed against, so they
 * are development sets; as training data they teach the model how many different writers put risk
 * (and its look-alikes) into words. The file is derived: edit a batch, then run this again (a test
 * checks the two agree). It is kept apart from risk-training.jsonl because that file's words also
 * count as spelled as meant for the lexicon's spelling correction, and the batches' misspellings
 * ("evry", "agen") must still be corrected.
 *
 *   npm run build && node dist/scripts/export-batch-training.js
 */
import { writeFileSync } from 'node:fs';
import { batchTrainingFilePath } from '../src/safety/riskBackstop';
import { batchTrainingLines } from './lib/freshBatches';

function main(): number {
  const path = batchTrainingFilePath('en-GB');
  const lines = batchTrainingLines();
  writeFileSync(path, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
  console.log(`${path}: ${lines.length} lines`);
  return 0;
}

if (require.main === module) process.exitCode = main();
