import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectRisk, detectRiskLexiconOnly, prepareForRisk } from '../../src/safety/detectRisk';
import { BACKSTOP_THRESHOLD, batchTrainingFilePath, chooseThreshold, MODEL_OPTIONS, viewsOf, readBackstopExamples, readLocaleBackstopExamples, trainingFilePath, trainRiskBackstop, trainRiskBackstopCached } from '../../src/safety/riskBackstop';
import { batchTrainingLines, sameTextKey, textsInFolder } from '../../scripts/lib/freshBatches';

/** The statistical backstop: runs only when the lexicon found nothing; its finding is "possible". */

const POSSIBLE = 'I want everything to go black';

describe('risk backstop in detectRisk', () => {
  it('flags a message the lexicon misses as a possible concern, with a model: id and never negated', () => {
    expect(detectRiskLexiconOnly(POSSIBLE)).toBeNull();
    expect(detectRisk(POSSIBLE)).toEqual({ category: 'suicide', severity: 'concern', matched: ['model:suicide'], negated: false, possible: true, who: 'self', when: 'current', frame: 'personal' });
  });

  it('never touches a lexicon result', () => {
    const lexicon = detectRisk('I want to kill myself');
    expect(lexicon?.possible).toBeUndefined();
    expect(lexicon?.matched.some((id) => id.startsWith('model:'))).toBe(false);
    expect(detectRisk("I'm not suicidal, just sad")).toMatchObject({ negated: true });
  });

  it.each(['what is IPT', 'how many sessions will I get', 'my mum died last year and I miss her', 'thanks, bye', 'I had a row with my sister'])('ordinary message %j -> null', (text) => {
    expect(detectRisk(text)).toBeNull();
  });

  it('is deterministic: the same data trains the same model', () => {
    const examples = readBackstopExamples(trainingFilePath('en-GB')).map((e) => ({ ...e, text: prepareForRisk(e.text) }));
    const a = trainRiskBackstop(examples);
    const b = trainRiskBackstop(examples);
    for (const text of [POSSIBLE, 'what is IPT', 'i feel so heavy']) expect(a.score(prepareForRisk(text))).toEqual(b.score(prepareForRisk(text)));
  });
});

describe('risk training file', () => {
  const examples = readBackstopExamples(trainingFilePath('en-GB'));

  it('has every risk category and benign look-alikes', () => {
    const labels = new Set(examples.map((e) => e.label));
    for (const label of ['suicide', 'self_harm', 'medical', 'harm_to_others', 'abuse', 'danger', 'none']) expect(labels).toContain(label);
  });

  const key = sameTextKey;
  const evalTexts = textsInFolder(join(__dirname, 'eval'));

  it('the team\'s own lines share no message with the evaluation sets or the writer batches', () => {
    const fresh = textsInFolder(join(__dirname, 'fresh'));
    expect(examples.filter((e) => evalTexts.has(key(e.text)) || fresh.has(key(e.text))).map((e) => e.text)).toEqual([]);
  });

  // The fresh batches are development sets now (all read and fixed against), so they are training
  // data too; test/safety/eval stays out of every training file, the team's honest measure.
  const batchLines = readBackstopExamples(batchTrainingFilePath('en-GB'));

  it('the writer batches share no message with the evaluation sets', () => {
    expect(batchLines.filter((e) => evalTexts.has(key(e.text))).map((e) => e.text)).toEqual([]);
  });

  it('the batch training file is exactly the fresh batches (run scripts/export-batch-training.ts after editing one)', () => {
    const written = readFileSync(batchTrainingFilePath('en-GB'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as unknown);
    expect(written).toEqual(batchTrainingLines());
  });

  it('the detector learns from the team\'s lines, the batches and the utterances', () => {
    expect(readLocaleBackstopExamples('en-GB').length).toBeGreaterThan(examples.length + batchLines.length);
  });
});

describe('choosing the threshold', () => {
  it('takes the lowest threshold whose benign false-positive rate is within the limit', () => {
    const scores = { benign: [0.1, 0.2, 0.3, 0.9], risk: [0.5, 0.95, 0.99] };
    expect(chooseThreshold(scores, 0.25)).toEqual({ threshold: 0.31, fpr: 0.25, recall: 1 });
    expect(chooseThreshold(scores, 0).threshold).toBe(0.91);
  });

  it('the recorded threshold is a probability', () => {
    expect(BACKSTOP_THRESHOLD).toBeGreaterThan(0.5);
    expect(BACKSTOP_THRESHOLD).toBeLessThan(1);
  });
});

describe('the backstop reads each sentence of a longer message on its own', () => {
  // Work and IPT talk around one sentence of risk: read whole, the model is outvoted by it.
  const before = 'Hi, I manage the tills at a garden centre and I have been reading your guide on role changes since my promotion. I have got a review with my boss on Monday and I am nervous about it. ';
  const after = ' Anyway, can I do the sessions on a video call, and how long is the wait usually? Also is there a printable version of the worksheets?';

  // (The lexicon has learnt "everyone would manage fine without me", once an example here.)
  it.each([
    'I am sat in the car by the reservoir and I have been here for hours.',
  ])('finds "%s" in the middle of a paragraph, where the lexicon alone does not', (risk) => {
    const message = before + risk + after;
    expect(detectRiskLexiconOnly(message)).toBeNull();
    expect(detectRisk(message)).toMatchObject({ category: 'suicide', possible: true, who: 'self' });
  });

  it('leaves the same paragraph alone without that sentence', () => {
    expect(detectRisk(before + after.trim())).toBeNull();
  });

  // Sentences about the chat itself, an absence with its reason, or not wanting to be sent to HR
  // carry no risk of their own: read alone, the model must not take them for a disclosure.
  it.each([
    'Sorry, I am not sure this chat is the right place to bring any of this up.',
    'I will not be here next Thursday as I have got my brother\'s graduation in Glasgow.',
    'Please do not tell me to go to HR, I have been to them three times about the rota.',
    'I do not honestly know what I am asking for here, maybe just which page to read first.',
  ])('leaves the paragraph alone with "%s" in it', (sentence) => {
    expect(detectRisk(before + sentence + after)).toBeNull();
  });
});

/** A small made-up set: enough for models whose scores can be compared. */
const SMALL_SET = [
  { text: 'i cannot see a way forward any more', label: 'suicide' as const },
  { text: 'i keep scratching my arms until they bleed', label: 'self_harm' as const },
  { text: 'what time does the clinic open on monday', label: 'none' as const },
  { text: 'can i do the sessions over video', label: 'none' as const },
];

describe('a backstop of several views', () => {
  const examples = SMALL_SET;
  const chars = { charMin: 4, charMax: 4, epochs: 10, seed: 3 };
  const words = { charMin: 1, charMax: 0, epochs: 10, seed: 3 };

  it('averages the views\' probabilities of risk, and keeps the likeliest category', () => {
    const both = trainRiskBackstop(examples, 0.5, [chars, words]);
    const a = trainRiskBackstop(examples, 0.5, chars);
    const b = trainRiskBackstop(examples, 0.5, words);
    for (const text of ['i cannot go on', 'when is the clinic open', 'my arms are bleeding again']) {
      expect(a.score(text).riskProbability).not.toBeCloseTo(b.score(text).riskProbability, 6);
      expect(both.score(text).riskProbability).toBeCloseTo((a.score(text).riskProbability + b.score(text).riskProbability) / 2, 10);
    }
    expect(both.score('my arms are bleeding again').category).toBe('self_harm');
  });

  it('flags at its bar on the averaged figure', () => {
    const both = trainRiskBackstop(examples, 0.5, [chars, words]);
    const text = 'i cannot go on';
    expect(both.assess(text) !== null).toBe(both.score(text).riskProbability >= 0.5);
    expect(trainRiskBackstop(examples, 0.01, [chars, words]).assess(text)).not.toBeNull();
    expect(trainRiskBackstop(examples, 0.999, [chars, words]).assess('when is the clinic open')).toBeNull();
  });
});

describe('the trained weights are cached on disk by their data', () => {
  const examples = SMALL_SET;
  const probe = ['i cannot go on', 'when is the clinic open', 'my arms are bleeding again'];
  const scores = (b: ReturnType<typeof trainRiskBackstop>) => probe.map((t) => b.score(t));

  it('a model read back from the cache scores exactly as the one trained', () => {
    const dir = mkdtempSync(join(tmpdir(), 'risk-cache-test-'));
    try {
      const trained = trainRiskBackstopCached(examples, dir);
      // A header and a weights file for each view of the model.
      expect(readdirSync(dir).filter((f) => f.endsWith('.json') || f.endsWith('.f64'))).toHaveLength(2 * viewsOf(MODEL_OPTIONS).length);
      expect(scores(trainRiskBackstopCached(examples, dir))).toEqual(scores(trained));
      expect(scores(trained)).toEqual(scores(trainRiskBackstop(examples)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('other data gets another entry, and a damaged entry is trained again rather than trusted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'risk-cache-test-'));
    try {
      trainRiskBackstopCached(examples, dir);
      trainRiskBackstopCached(examples.slice(1), dir);
      expect(readdirSync(dir).filter((f) => f.endsWith('.f64'))).toHaveLength(2 * viewsOf(MODEL_OPTIONS).length);
      for (const f of readdirSync(dir).filter((name) => name.endsWith('.f64'))) writeFileSync(join(dir, f), 'not weights');
      expect(scores(trainRiskBackstopCached(examples, dir))).toEqual(scores(trainRiskBackstop(examples)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a cache folder that cannot be written does not stop training', () => {
    const dir = mkdtempSync(join(tmpdir(), 'risk-cache-test-'));
    try {
      const blocked = join(dir, 'a-file');
      writeFileSync(blocked, '');
      expect(scores(trainRiskBackstopCached(examples, join(blocked, 'cache')))).toEqual(scores(trainRiskBackstop(examples)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
