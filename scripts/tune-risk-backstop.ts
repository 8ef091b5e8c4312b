/**
 * Chooses the risk backstop's threshold: 5-fold cross-validation on the training data only
 * (locales/en-GB/risk-training.jsonl, the writer batches and the intent utterances' train split;
 * never test/safety/eval). Folds mix writers, so this flatters the model; the figure to trust is
 * scripts/risk-grouped-cv.ts, which holds out whole writer batches.
 * scoring only what the backstop really sees (messages the lexicon finds nothing in), then the
 * lowest threshold whose held-out false-positive rate on the benign look-alikes is at most MAX_FPR
 * (they are deliberately hard near-misses; see BACKSTOP_THRESHOLD). Prints the curve; the chosen
 * value is copied into BACKSTOP_THRESHOLD in src/safety/riskBackstop.ts.
 *
 *   npm run build && node dist/scripts/tune-risk-backstop.js
 */
import { detectRiskLexiconOnly, prepareForRisk } from '../src/safety/detectRisk';
import { batchTrainingFilePath, chooseThreshold, crossValidationScores, readBackstopExamples, readLocaleBackstopExamples, trainingFilePath } from '../src/safety/riskBackstop';

const MAX_FPR = 0.03;

function main(): number {
  const raw = readLocaleBackstopExamples('en-GB');
  const examples = raw.map((e) => ({ ...e, text: prepareForRisk(e.text, 'en-GB') }));
  // The look-alikes come first (readLocaleBackstopExamples puts the team's file and the batches before the utterances).
  const lookAlikes = readBackstopExamples(trainingFilePath('en-GB')).length + readBackstopExamples(batchTrainingFilePath('en-GB')).length;
  const lexiconSilent = raw.map((e) => detectRiskLexiconOnly(e.text, 'en-GB') === null);
  const scores = crossValidationScores(examples, 5, (i) => lexiconSilent[i] && (raw[i].label !== 'none' || i < lookAlikes));
  console.log(`training examples: ${examples.length}; scored (the lexicon finds nothing in them): ${scores.risk.length} risk, ${scores.benign.length} benign look-alikes (5-fold, each scored by a model that never saw it)`);
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
