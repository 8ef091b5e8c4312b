/**
 * Writes the risk detector's verdict on every line of the team and fresh sets (text -> assessment
 * or null) to a JSON file, for scripts/semantic-risk-experiment.ts `--verdicts`. Self-contained on
 * purpose, so it can be copied into an older tree (`git archive <commit> | tar -x -C /tmp/old`) to
 * ask what the detector as it stood then made of a batch that was still blind. `detectRisk` is the
 * process's shared detector, built as eval:safety builds it.
 *
 *   node dist/scripts/dump-risk-verdicts.js <fresh dir> <eval dir> <out.json>
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectRisk } from '../src/safety/detectRisk';

const [freshDir, evalDir, out] = process.argv.slice(2);
if (out === undefined) {
  console.error('usage: dump-risk-verdicts <fresh dir> <eval dir> <out.json>');
  process.exit(2);
}
const files = [freshDir, evalDir].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => join(dir, f)),
);
const verdicts: Record<string, unknown> = {};
for (const file of files) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const { text } = JSON.parse(line) as { text: string };
    verdicts[text] ??= detectRisk(text, 'en-GB');
  }
}
writeFileSync(out, JSON.stringify(verdicts));
console.log(`${Object.keys(verdicts).length} verdicts -> ${out}`);
