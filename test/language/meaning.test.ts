import { loadConfig } from '../../src/config';
import { loadKnowledgeBase } from '../../src/content/knowledgeBase';
import { matchInContext } from '../../src/language/answering';
import { ENCODER_MODEL, questionTexts, readVectorFile } from '../../src/language/knowledgeVectors';
import { MEANING_GATE, matchWithMeaning } from '../../src/language/meaning';
import { buildMeaningIndex, decodeVector, fingerprint } from '../../src/language/meaningIndex';
import { sharedQuestionAnswerer } from '../../src/language/questionAnswerer';
import { loadSentenceEncoder, sharedSentenceEncoder, type SentenceEncoder } from '../../src/language/sentenceEncoder';

/**
 * The meaning side of the matcher: the real sentence encoder (loaded from its npm package's files),
 * the stored question vectors, and the blend through matchInContext.
 */

const kb = loadKnowledgeBase();

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i += 1) dot += a[i] * b[i];
  return dot;
}

describe('stored question vectors (locales/en-GB/knowledge-base.vectors.json)', () => {
  const stored = readVectorFile();

  it('cover every question with its current texts (else run npm run kb:vectors)', () => {
    expect(stored?.model).toBe(ENCODER_MODEL);
    const texts = questionTexts(kb, 'all');
    expect(Object.keys(stored?.questions ?? {}).sort()).toEqual([...texts.keys()].sort());
    const stale = [...texts].filter(([id, t]) => stored?.questions[id]?.fingerprint !== fingerprint(ENCODER_MODEL, t)).map(([id]) => id);
    expect(stale).toEqual([]);
  });

  it('are what the encoder makes from those texts', async () => {
    const encoder = (await sharedSentenceEncoder()) as SentenceEncoder;
    const texts = questionTexts(kb, 'all');
    const ids = [...texts.keys()];
    for (const id of [ids[0], ids[Math.floor(ids.length / 2)], ids[ids.length - 1]]) {
      const vectors = await encoder.embed(texts.get(id) ?? []);
      const mean = vectors.reduce((sum, v) => sum.map((x, i) => x + v[i]), new Float32Array(vectors[0].length));
      const norm = Math.sqrt(cosine(mean, mean));
      expect(cosine(mean.map((x) => x / norm), decodeVector(stored?.questions[id]?.vector ?? ''))).toBeGreaterThan(0.999);
    }
  });
});

describe('sentence encoder', () => {
  it('loads from the package files without fetching anything', async () => {
    const fetchSpy = jest.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('no network'));
    try {
      const encoder = await loadSentenceEncoder();
      const [a, b, c] = await encoder.embed(['can my boss see this chat', 'is this private from my employer', 'what does a session cost']);
      expect(a).toHaveLength(512);
      expect(cosine(a, a)).toBeCloseTo(1, 5);
      expect(cosine(a, b)).toBeGreaterThan(cosine(a, c));
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
  });
});

describe('meaning index', () => {
  const unit = (...values: number[]) => {
    const v = Float32Array.from(values);
    const norm = Math.sqrt(cosine(v, v));
    return v.map((x) => x / norm);
  };
  const index = buildMeaningIndex(new Map([['q.one', unit(1, 0, 0)], ['q.two', unit(0, 1, 0)]]));

  it('gives the nearest question most of the say', () => {
    const scores = index.scores(unit(0.95, 0.3, 0));
    expect(scores.get('q.one')).toBeGreaterThan(0.9);
    expect((scores.get('q.one') ?? 0) + (scores.get('q.two') ?? 0)).toBeLessThanOrEqual(1 + 1e-9);
  });

  it('gives no say to a message far from every question', () => {
    expect(index.scores(unit(0, 0, 1)).size).toBe(0);
  });
});

describe('matching with meaning', () => {
  const answerer = sharedQuestionAnswerer();

  it('places a question whose words lean elsewhere', async () => {
    const text = 'can my manager see these messages';
    const words = matchInContext(answerer.matcher(), kb, text);
    expect(words.questions[0].id).not.toBe('privacy.employer');
    const withMeaning = await matchWithMeaning(answerer.matcher(), kb, text, undefined, await answerer.meaning());
    expect(withMeaning.questions[0].id).toBe('privacy.employer');
  });

  it('encodes nothing when the words are sure or a follow-up leans on the last question, and once otherwise', async () => {
    const meaning = await answerer.meaning();
    if (!meaning) throw new Error('the sentence encoder did not load');
    let calls = 0;
    const counting = { encoder: { embed: (texts: readonly string[]) => ((calls += 1), meaning.encoder.embed(texts)) }, index: meaning.index };
    const sure = 'how much does private ipt cost';
    expect(matchInContext(answerer.matcher(), kb, sure).questions[0].score).toBeGreaterThanOrEqual(MEANING_GATE);
    await matchWithMeaning(answerer.matcher(), kb, sure, undefined, counting);
    expect(calls).toBe(0);
    await matchWithMeaning(answerer.matcher(), kb, 'can my manager see these messages. i am worried about it', undefined, counting);
    expect(calls).toBe(1);
    // A follow-up read with the last question: its meaning alone lacks what "they" are.
    await matchWithMeaning(answerer.matcher(), kb, 'how do i know theyre legit', 'cost.private-price', counting);
    expect(calls).toBe(1);
  });

  it('encodes no message that is, word for word, a phrasing of the question the words already chose', async () => {
    const meaning = await answerer.meaning();
    if (!meaning) throw new Error('the sentence encoder did not load');
    let calls = 0;
    const counting = { encoder: { embed: (texts: readonly string[]) => ((calls += 1), meaning.encoder.embed(texts)) }, index: meaning.index };
    // A phrasing of about.what-is-ipt that the words alone are unsure of (its mass split with "interpersonal").
    const phrasing = 'What is interpersonal therapy?';
    const words = matchInContext(answerer.matcher(), kb, phrasing);
    expect(words.questions[0]).toMatchObject({ id: 'about.what-is-ipt' });
    expect(words.questions[0].score).toBeLessThan(MEANING_GATE);
    expect((await matchWithMeaning(answerer.matcher(), kb, phrasing, undefined, counting)).questions[0].id).toBe('about.what-is-ipt');
    expect(calls).toBe(0);
  });
});

describe('ANSWER_MEANING', () => {
  it('is on unless turned off, and a bad value names the variable', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).answerMeaning).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test', ANSWER_MEANING: 'false' }).answerMeaning).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'test', ANSWER_MEANING: 'sometimes' })).toThrow(/ANSWER_MEANING/);
  });
});

describe('an encoder that fails', () => {
  it('leaves the words\' answer standing', async () => {
    const answerer = sharedQuestionAnswerer();
    const meaning = await answerer.meaning();
    if (!meaning) throw new Error('the sentence encoder did not load');
    const failing = { encoder: { embed: () => Promise.reject(new Error('model failed')) }, index: meaning.index };
    const text = 'can my manager see these messages';
    expect(await matchWithMeaning(answerer.matcher(), kb, text, undefined, failing)).toEqual(matchInContext(answerer.matcher(), kb, text));
  });
});
