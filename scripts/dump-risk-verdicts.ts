/**
 * Writes the risk detector's verdict on every line of the team and fresh sets (text -> assessment
 * or null) to a JSON file, for scripts/semantic-risk-experiment.ts `--verdicts`. It needs only src/
 * and scripts/lib/encoderReadings.ts, so the two can be copied into an older tree (`git archive
 * <commit> | tar -x -C /tmp/old`) to ask what the detector as it stood then made of a batch that
 * was still blind. `detectRisk` is the process's shared detector, built as eval:safety builds it.
 *
 * With a fourth argument, also the n-gram backstop's probability for every reading the experiment
 * scores (scripts/lib/encoderReadings.ts), trained and prepared as that tree's detector does it.
 *
 *   node dist/scripts/dump-risk-verdicts.js <fresh dir> <eval dir> <out.json> [backstop.json]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectRisk, prepareForRisk } from '../src/safety/detectRisk';
import { readLocaleBackstopExamples, trainRiskBackstop } from '../src/safety/riskBackstop';
import { readingsOf } from './lib/encoderReadings';

const [freshDir, evalDir, out, backstopOut] = process.argv.slice(2);
if (out === undefined) {
  console.error('usage: dump-risk-verdicts <fresh dir> <eval dir> <out.json> [backstop.json]');
  process.exit(2);
}
const files = [freshDir, evalDir].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => join(dir, f)),
);
const verdicts: Record<string, unknown> = {};
const texts: string[] = [];
for (const file of files) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const { text } = JSON.parse(line) as { text: string };
    texts.push(text);
    verdicts[text] ??= detectRisk(text, 'en-GB');
  }
}
writeFileSync(out, JSON.stringify(verdicts));
console.log(`${Object.keys(verdicts).length} verdicts -> ${out}`);
if (backstopOut !== undefined) {
  const backstop = trainRiskBackstop(readLocaleBackstopExamples('en-GB').map((e) => ({ ...e, text: prepareForRisk(e.text) })));
  const probabilities: Record<string, number> = {};
  for (const reading of new Set(texts.flatMap(readingsOf))) probabilities[reading] = backstop.score(prepareForRisk(reading)).riskProbability;
  writeFileSync(backstopOut, JSON.stringify(probabilities));
  console.log(`${Object.keys(probabilities).length} backstop probabilities -> ${backstopOut}`);
}
