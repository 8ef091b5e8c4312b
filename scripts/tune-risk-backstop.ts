/**
 * Chooses the risk backstop's threshold: 5-fold cross-validation on the training file only
 * (locales/en-GB/risk-training.jsonl and the intent utterances' train split; never test/safety/eval), then the lowest threshold whose
 * held-out false-positive rate on the benign look-alikes is at most 6% (they are deliberately hard
 * near-misses; see BACKSTOP_THRESHOLD for why 6% there is about 1.5% on ordinary benign messages). Prints the curve; the chosen value is copied
 * into BACKSTOP_THRESHOLD in src/safety/riskBackstop.ts.
 *
 *   npm run build && node dist/scripts/tune-risk-backstop.js
 */
import { prepareForRisk } from '../src/safety/detectRisk';
import { chooseThreshold, crossValidationScores, readBackstopExamples, readLocaleBackstopExamples, trainingFilePath } from '../src/safety/riskBackstop';

const MAX_FPR = 0.06;

function main(): number {
  const examples = readLocaleBackstopExamples('en-GB').map((e) => ({ ...e, text: prepareForRisk(e.text, 'en-GB') }));
  // The look-alikes come first (readLocaleBackstopExamples puts the training file before the utterances).
  const lookAlikes = readBackstopExamples(trainingFilePath('en-GB')).length;
  const scores = crossValidationScores(examples, 5, (i) => i < lookAlikes);
  console.log(`training examples: ${examples.length}; scored: ${scores.risk.length} risk, ${scores.benign.length} benign look-alikes (5-fold, each scored by a model that never saw it)`);
  for (const t of [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) {
    const fpr = scores.benign.filter((s) => s >= t).length / scores.benign.length;
    const recall = scores.risk.filter((s) => s >= t).length / scores.risk.length;
    console.log(`  threshold ${t.toFixed(2)}: held-out recall ${(recall * 100).toFixed(1)}%, benign FPR ${(fpr * 100).toFixed(1)}%`);
  }
  const chosen = chooseThreshold(scores, MAX_FPR);
  console.log(`chosen (lowest with FPR <= ${MAX_FPR * 100}%): ${chosen.threshold} -> recall ${(chosen.recall * 100).toFixed(1)}%, FPR ${(chosen.fpr * 100).toFixed(1)}%`);
  return 0;
}

if (require.main === module) process.exitCode = main();
