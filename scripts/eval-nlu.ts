/**
 * Evaluates the local recogniser on the held-out split of the utterance source, beside a plain
 * bag-of-words naive Bayes baseline.
 *
 *   node dist/scripts/eval-nlu.js [--locale en-GB] [--calibrate] [--errors]
 *
 * --calibrate prints accuracy and None precision across None thresholds (how DEFAULT_THRESHOLD in
 * src/language/localRecognizer.ts was chosen); --errors lists every misclassified test utterance.
 * Exits 1 when the targets (accuracy >= 92%, None precision >= 90%) are missed.
 */
import { applyThreshold, createLocalRecognizer, DEFAULT_THRESHOLD } from '../src/language/localRecognizer';
import { evaluate, type EvaluationReport, type Prediction } from './lib/nluMetrics';
import { trainNaiveBayes } from './lib/naiveBayes';
import type { IntentScore } from '../src/language/recognizer';
import { loadUtterances } from '../src/language/utterances';

const ACCURACY_TARGET = 0.92;
const NONE_PRECISION_TARGET = 0.9;

function pct(value: number): string {
  return `${(value * 100).toFixed(1)}%`.padStart(6);
}

function printSideBySide(local: EvaluationReport, baseline: EvaluationReport): void {
  console.log(`\n${'metric'.padEnd(26)} ${'local'.padStart(8)} ${'naive Bayes'.padStart(12)}`);
  console.log(`${'accuracy'.padEnd(26)} ${pct(local.accuracy).padStart(8)} ${pct(baseline.accuracy).padStart(12)}`);
  console.log(`${'macro-F1'.padEnd(26)} ${pct(local.macroF1).padStart(8)} ${pct(baseline.macroF1).padStart(12)}`);
  console.log(`${'None precision'.padEnd(26)} ${pct(local.nonePrecision).padStart(8)} ${pct(baseline.nonePrecision).padStart(12)}`);
  console.log(`\n${'intent'.padEnd(18)} ${'n'.padStart(3)}   ${'local P / R'.padStart(16)}   ${'baseline P / R'.padStart(16)}`);
  for (const m of local.perIntent) {
    const b = baseline.perIntent.find((x) => x.intent === m.intent);
    const base = b ? `${pct(b.precision)} / ${pct(b.recall)}` : '-';
    console.log(`${m.intent.padEnd(18)} ${String(m.support).padStart(3)}   ${pct(m.precision)} / ${pct(m.recall)}   ${base.padStart(16)}`);
  }
  for (const [name, report] of [['local', local], ['naive Bayes', baseline]] as const) {
    console.log(`\nTop confusions (${name}): expected -> predicted`);
    if (report.confusions.length === 0) console.log('  none');
    for (const c of report.confusions.slice(0, 8)) console.log(`  ${c.count} x ${c.expected} -> ${c.predicted}`);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const localeIndex = args.indexOf('--locale');
  const locale = localeIndex >= 0 ? args[localeIndex + 1] : 'en-GB';
  const utterances = loadUtterances(locale);
  console.log(`Locale ${locale}: ${utterances.train.length} training and ${utterances.test.length} held-out utterances`);

  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const recognizer = await createLocalRecognizer({ examples: utterances.train });
  const trainMs = performance.now() - started;
  // CPU time as well as wall time: on a shared machine the wall clock mostly measures the neighbours.
  const cpu = process.cpuUsage(cpuStarted);
  const trainCpuMs = (cpu.user + cpu.system) / 1000;

  const raw: { expected: Prediction['expected']; text: string; scores: IntentScore[] }[] = [];
  const recogniseStarted = performance.now();
  for (const { text, intent } of utterances.test) {
    raw.push({ expected: intent, text, scores: await recognizer.classify(text) });
  }
  const perMessageMs = (performance.now() - recogniseStarted) / Math.max(1, utterances.test.length);
  const partPredictions = { nlpjs: [] as Prediction[], ngram: [] as Prediction[] };
  for (const { text, intent } of utterances.test) {
    const parts = await recognizer.classifyParts(text);
    partPredictions.nlpjs.push({ expected: intent, predicted: parts.nlpjs[0]?.intent ?? 'None' });
    partPredictions.ngram.push({ expected: intent, predicted: parts.ngram[0]?.intent ?? 'None' });
  }

  const localPredictions = raw.map((r) => ({
    expected: r.expected,
    predicted: applyThreshold(r.scores, recognizer.threshold).intent,
  }));
  const bayes = trainNaiveBayes(utterances.train);
  const baselinePredictions = utterances.test.map(({ text, intent }) => ({
    expected: intent,
    predicted: bayes.classify(text)[0]?.intent ?? 'None',
  }));

  const local = evaluate(localPredictions);
  const baseline = evaluate(baselinePredictions);
  console.log(`Training ${trainMs.toFixed(0)} ms wall, ${trainCpuMs.toFixed(0)} ms CPU; recognition ${perMessageMs.toFixed(3)} ms per message (held-out set, warm)`);
  console.log(`None threshold ${recognizer.threshold}`);
  printSideBySide(local, baseline);
  for (const [name, predictions] of Object.entries(partPredictions)) {
    const part = evaluate(predictions);
    console.log(`Part on its own, no threshold: ${name.padEnd(6)} accuracy ${pct(part.accuracy)}  macro-F1 ${pct(part.macroF1)}  None precision ${pct(part.nonePrecision)}`);
  }

  if (args.includes('--calibrate')) {
    console.log('\nthreshold  accuracy  None precision');
    for (let t = 0; t <= 0.751; t += 0.05) {
      const report = evaluate(raw.map((r) => ({ expected: r.expected, predicted: applyThreshold(r.scores, t).intent })));
      console.log(`${t.toFixed(2).padStart(9)}  ${pct(report.accuracy).padStart(8)}  ${pct(report.nonePrecision).padStart(14)}`);
    }
  }
  if (args.includes('--errors')) {
    console.log('\nMisclassified held-out utterances:');
    raw.forEach((r, i) => {
      const predicted = localPredictions[i].predicted;
      if (predicted !== r.expected) {
        const top = r.scores[0];
        console.log(`  [${r.expected} -> ${predicted} ${top ? top.score.toFixed(2) : ''}] ${r.text}`);
      }
    });
  }

  const pass = local.accuracy >= ACCURACY_TARGET && local.nonePrecision >= NONE_PRECISION_TARGET;
  console.log(`\nTargets (accuracy >= ${ACCURACY_TARGET * 100}%, None precision >= ${NONE_PRECISION_TARGET * 100}%): ${pass ? 'met' : 'NOT met'}`);
  console.log(`(default threshold constant: ${DEFAULT_THRESHOLD})`);
  if (!pass) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
