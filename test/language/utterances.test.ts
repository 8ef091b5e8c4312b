import { INTENTS } from '../../src/language/recognizer';
import { loadUtterances, parseUtterances } from '../../src/language/utterances';

const CONTENT_INTENTS = ['AboutIpt', 'WhoItHelps', 'SuitabilityCheck', 'WhatToExpect', 'FocusAreas', 'AccessNhs', 'AccessPrivate', 'Evidence'];

describe('utterance source (en-GB)', () => {
  const set = loadUtterances('en-GB');
  const count = (intent: string, list = [...set.train, ...set.test]) => list.filter((u) => u.intent === intent).length;

  it('covers every intent, with at least 40 examples per content intent', () => {
    for (const intent of INTENTS) expect(count(intent)).toBeGreaterThanOrEqual(20);
    for (const intent of CONTENT_INTENTS) expect(count(intent)).toBeGreaterThanOrEqual(40);
  });

  it('holds out roughly a fifth of every intent as the test split', () => {
    for (const intent of INTENTS) {
      const share = count(intent, set.test) / count(intent);
      expect(share).toBeGreaterThan(0.12);
      expect(share).toBeLessThan(0.3);
    }
  });

  it('rejects unknown intents, missing intents and duplicates', () => {
    const base = Object.fromEntries(INTENTS.map((name) => [name, { train: [`example for ${name}`], test: [] }]));
    expect(() => parseUtterances({ locale: 'en-GB', intents: base })).not.toThrow();
    expect(() => parseUtterances({ locale: 'en-GB', intents: { ...base, Weather: { train: ['rain?'], test: [] } } })).toThrow(/Unknown intents/);
    const { Greeting: _dropped, ...missing } = base;
    expect(() => parseUtterances({ locale: 'en-GB', intents: missing })).toThrow(/without utterances/);
    expect(() =>
      parseUtterances({ locale: 'en-GB', intents: { ...base, Help: { train: ['example for greeting'], test: [] } } }),
    ).toThrow(/Duplicate/);
  });
});
