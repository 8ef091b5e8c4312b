/**
 * Runs the risk detector over the labelled evaluation sets in test/safety/eval/ and prints recall,
 * false-positive rate, category and severity accuracy, and every miss and false positive.
 * Exits 1 when a target is not met (recall 100%, false-positive rate <= 3%, every negation caught).
 *
 * Figures are printed for the lexicon alone and for the full detector (lexicon + statistical
 * backstop); the targets apply to the full detector. `--fresh` also scores the held-out batches in
 * test/safety/fresh (<batch>-risk.jsonl / <batch>-benign.jsonl) both ways.
 *
 *   npm run build && node dist/scripts/eval-safety.js [--quiet] [--fresh] [--dir path]
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateRiskSets, meetsTargets, TARGET_MAX_FPR, type EvalMiss, type EvalReport, type LabelledBenign, type LabelledRisk } from './lib/riskEvaluation';
import { EVAL_DIR, FRESH_DIR, loadEvalSets, readJsonl } from './lib/safetySets';
import { readFreshBatches, type FreshBatch } from './lib/freshBatches';
import { benchmarkDetectRisk } from './lib/benchmarkDetectRisk';
import { detectRisk, detectRiskLexiconOnly } from '../src/safety/detectRisk';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function list(title: string, items: EvalMiss[]): void {
  console.log(`\n${title} (${items.length})`);
  for (const m of items) console.log(`  - ${JSON.stringify(m.text)}\n      expected ${m.expected}, got ${m.got}`);
}

export function printReport(r: EvalReport, quiet = false): void {
  console.log('Safety evaluation: detectRisk against test/safety/eval');
  console.log(`  risk messages      ${r.riskTotal}`);
  console.log(`  recall             ${pct(r.recall)} (${r.riskDetected}/${r.riskTotal})   target 100%`);
  console.log(`  category accuracy  ${pct(r.categoryAccuracy)} (${r.categoryCorrect}/${r.riskDetected} detected)`);
  console.log(`  severity accuracy  ${pct(r.severityAccuracy)} (${r.severityCorrect}/${r.riskDetected} detected)`);
  console.log(`  found only by the backstop (possible, check-in): ${r.riskPossibleOnly} risk, ${r.benignPossibleOnly} benign`);
  console.log(`  benign messages    ${r.benignTotal}`);
  console.log(`  false positives    ${pct(r.falsePositiveRate)} (${r.falsePositives.length}/${r.benignTotal})   target <= ${pct(TARGET_MAX_FPR)}`);
  console.log(`  acknowledged only  ${r.acknowledged.length}/${r.benignTotal} benign read as past and over or work/study (answer + a line of routes, no safety dialog)`);
  console.log(`  negations caught   ${r.negatedCorrect}/${r.negatedTotal} (must all return negated: true)`);
  console.log('  per category (detected / category right / total):');
  for (const [cat, s] of Object.entries(r.perCategory)) console.log(`    ${cat.padEnd(15)} ${s.detected} / ${s.categoryCorrect} / ${s.total}`);
  list('MISSES (risk messages not detected)', r.misses);
  list('FALSE POSITIVES (benign messages flagged)', r.falsePositives);
  list('NEGATIONS NOT RETURNED AS negated', r.negatedWrong);
  list('Acknowledged only (past and over, or work/study)', r.acknowledged);
  if (!quiet) {
    list('Wrong category (detected, reported separately)', r.wrongCategory);
    list('Wrong severity (detected, reported separately)', r.wrongSeverity);
  }
}

function sideBySide(title: string, lexicon: EvalReport, combined: EvalReport): void {
  const line = (name: string, r: EvalReport) =>
    `  ${name.padEnd(20)} recall ${pct(r.recall).padStart(6)} (${r.riskDetected}/${r.riskTotal})   false positives ${pct(r.falsePositiveRate).padStart(5)} (${r.falsePositives.length}/${r.benignTotal})   acknowledged only ${r.acknowledged.length}`;
  console.log(`\n${title}`);
  console.log(line('lexicon only', lexicon));
  console.log(line('lexicon + backstop', combined));
}

/** Scores each fresh held-out batch (and all of them together) with and without the backstop. */
function freshReport(dir: string): void {
  if (!existsSync(dir)) return;
  const batches = readFreshBatches(dir);
  const allRisk: LabelledRisk[] = [];
  const allBenign: LabelledBenign[] = [];
  for (const { name, risk, benign } of batches) {
    allRisk.push(...risk);
    allBenign.push(...benign);
    sideBySide(`Fresh batch ${name}`, evaluateRiskSets(risk, benign, [], 'en-GB', detectRiskLexiconOnly), evaluateRiskSets(risk, benign, [], 'en-GB', detectRisk));
  }
  pastReport(batches);
  const combined = evaluateRiskSets(allRisk, allBenign, [], 'en-GB', detectRisk);
  sideBySide(`Fresh batches together (${batches.map((b) => b.name).join(', ')})`, evaluateRiskSets(allRisk, allBenign, [], 'en-GB', detectRiskLexiconOnly), combined);
  list('Fresh misses (lexicon + backstop)', combined.misses);
  list('Fresh false positives (lexicon + backstop)', combined.falsePositives);
  list('Fresh benign acknowledged only (past and over, or work/study)', combined.acknowledged);
}

/**
 * `<batch>-past.jsonl` (text, category): risk that is past and over, said as such. The right
 * answer is no safety dialog: nothing, or an assessment read as past (or work/study) at concern,
 * which the bot acknowledges in one line before answering.
 */
function pastReport(batches: readonly FreshBatch[]): void {
  const wrong: string[] = [];
  let total = 0;
  const perBatch: string[] = [];
  for (const { name, past } of batches) {
    if (past.length === 0) continue;
    let bad = 0;
    for (const item of past) {
      const got = detectRisk(item.text);
      const calm = got === null || got.negated || ((got.when === 'past' || got.frame === 'professional') && got.severity === 'concern');
      if (calm) continue;
      bad++;
      wrong.push(`${JSON.stringify(item.text)}: got ${got.category}/${got.severity} ${got.who}/${got.when}/${got.frame}`);
    }
    total += past.length;
    perBatch.push(`${name} ${bad}/${past.length}`);
  }
  if (total === 0) return;
  console.log(`\nPast and over (fresh <batch>-past.jsonl, ${total}): a check-in or hand-off where none is due: ${wrong.length} (${perBatch.join(', ')})`);
  for (const line of wrong) console.log(`  - ${line}`);
}

interface LabelledContext {
  text: string;
  category: string;
  severity?: string;
  who?: string;
  when: string;
  frame: string;
  class: string;
}

/** Who / when / frame on context.jsonl (third party, perpetrators, physical, past and over, professional, Welsh, Polish, evasion). */
function contextReport(dir: string): boolean {
  const path = join(dir, 'context.jsonl');
  if (!existsSync(path)) return true;
  const items = readJsonl<LabelledContext>(path);
  const tally = { detected: 0, category: 0, who: 0, whoTotal: 0, when: 0, frame: 0, pastTotal: 0, pastRight: 0 };
  const wrong: string[] = [];
  for (const item of items) {
    const got = detectRisk(item.text);
    if (item.when === 'past') tally.pastTotal++;
    if (item.who !== undefined) tally.whoTotal++;
    if (got === null || got.negated) {
      wrong.push(`${JSON.stringify(item.text)}: not detected`);
      continue;
    }
    tally.detected++;
    const right = {
      category: got.category === item.category && (item.severity === undefined || got.severity === item.severity),
      who: item.who === undefined || got.who === item.who,
      when: got.when === item.when,
      frame: got.frame === item.frame,
    };
    if (right.category) tally.category++;
    if (item.who !== undefined && right.who) tally.who++;
    if (right.when) tally.when++;
    if (right.frame) tally.frame++;
    if (item.when === 'past' && right.when && got.severity === 'concern') tally.pastRight++;
    if (!right.category || !right.who || !right.when || !right.frame) wrong.push(`${JSON.stringify(item.text)} [${item.class}]: got ${got.category}/${got.severity} ${got.who}/${got.when}/${got.frame}`);
  }
  console.log(`\nWho, when and frame (context.jsonl, ${items.length} labelled)`);
  console.log(`  detected             ${tally.detected}/${items.length}`);
  console.log(`  category + severity  ${tally.category}/${tally.detected}`);
  console.log(`  who accuracy         ${tally.who}/${tally.whoTotal}`);
  console.log(`  when accuracy        ${tally.when}/${tally.detected}`);
  console.log(`  frame accuracy       ${tally.frame}/${tally.detected}`);
  console.log(`  past and over        ${tally.pastRight}/${tally.pastTotal} read as past, at concern (never immediate)`);
  for (const line of wrong) console.log(`  - ${line}`);
  return wrong.length === 0;
}

function main(argv: string[]): number {
  const quiet = argv.includes('--quiet');
  const dirArg = argv.indexOf('--dir');
  const dir = dirArg >= 0 && argv[dirArg + 1] ? argv[dirArg + 1] : EVAL_DIR;
  const sets = loadEvalSets(dir);
  const report = evaluateRiskSets(sets.risk, sets.benign, sets.negated);
  printReport(report, quiet);
  sideBySide('Repo eval set, side by side', evaluateRiskSets(sets.risk, sets.benign, sets.negated, 'en-GB', detectRiskLexiconOnly), report);
  const contextOk = contextReport(dir);
  if (argv.includes('--fresh')) freshReport(FRESH_DIR);
  const all = [...sets.risk.map((x) => x.text), ...sets.benign.map((x) => x.text)];
  const typical = all.filter((t) => t.length <= 160);
  const bench = benchmarkDetectRisk(all, 20);
  const benchTypical = benchmarkDetectRisk(typical, 20);
  const benchTypicalLexicon = benchmarkDetectRisk(typical, 20, detectRiskLexiconOnly);
  console.log(`\nCost (CPU time; p99 over messages of each one's fastest run), all messages (${all.length} x 20): mean ${bench.meanMicros.toFixed(1)} us, p99 ${bench.p99Micros.toFixed(1)} us`);
  console.log(`Cost, typical messages <= 160 chars (${typical.length} x 20): mean ${benchTypical.meanMicros.toFixed(1)} us, p99 ${benchTypical.p99Micros.toFixed(1)} us   target < 50 us`);
  console.log(`  of which the lexicon alone: mean ${benchTypicalLexicon.meanMicros.toFixed(1)} us, p99 ${benchTypicalLexicon.p99Micros.toFixed(1)} us (the backstop runs only when the lexicon finds nothing)`);
  const ok = meetsTargets(report) && report.negatedWrong.length === 0 && contextOk;
  console.log(ok ? '\nTARGETS MET' : '\nTARGETS NOT MET');
  return ok ? 0 : 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
