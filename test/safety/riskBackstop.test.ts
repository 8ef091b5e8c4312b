import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectRisk, detectRiskLexiconOnly, prepareForRisk } from '../../src/safety/detectRisk';
import { BACKSTOP_THRESHOLD, chooseThreshold, readBackstopExamples, trainingFilePath, trainRiskBackstop } from '../../src/safety/riskBackstop';

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

  it('shares no message with the evaluation sets or the fresh held-out batches (they stay an honest measure)', () => {
    const key = (t: string) => t.toLowerCase().replace(/[’']/g, "'").trim();
    const held = new Set<string>();
    for (const dir of [join(__dirname, 'eval'), join(__dirname, 'fresh')]) {
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
        for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) if (line.trim() !== '') held.add(key((JSON.parse(line) as { text: string }).text));
      }
    }
    expect(examples.filter((e) => held.has(key(e.text))).map((e) => e.text)).toEqual([]);
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
