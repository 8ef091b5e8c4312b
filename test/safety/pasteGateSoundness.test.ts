import { join } from 'node:path';
import { detectRisk, mayMatch, ruleGate, sharedRiskDetector, wordPrefixOf } from '../../src/safety/detectRisk';
import { loadLexicon, type CompiledLexicon } from '../../src/safety/lexicon';
import { normaliseToWords } from '../../src/safety/normalise';
import { firstPersonWords, shiftToFirstPerson } from '../../src/safety/pronounShift';
import { localesWith } from '../../src/content/localeResolver';
import { isConversationCommand } from '../../src/language/controlWords';
import { everydayMessages, freshLines, messageLines, pasteOf } from '../../scripts/lib/pastes';

/**
 * A long paste skips a lexicon's windows (or a window's first-person reading) when its words allow
 * none of the lexicon's rules (detectRisk.ts, mayFire and the shift gate). These prove on real
 * messages, every line of the team's set and the held-out batches, in every lexicon, that the gate
 * never says "nothing can match" where a rule does match.
 */

const texts = [
  ...['risk.jsonl', 'benign.jsonl', 'negated.jsonl', 'context.jsonl'].flatMap((file) => messageLines(join(__dirname, 'eval', file))),
  ...freshLines('.jsonl'),
];

const matchesSome = (lex: CompiledLexicon, indexes: readonly number[], text: string): boolean =>
  indexes.some((index) => {
    const { regex } = lex.patterns[index];
    regex.lastIndex = 0;
    const found = regex.test(text);
    regex.lastIndex = 0;
    return found;
  });

describe.each(localesWith('risk-lexicon.json').map((locale) => [locale]))('the %s lexicon gate', (locale) => {
  const lex = loadLexicon(locale);
  const all = lex.patterns.map((p) => p.index);
  const shiftable = lex.patterns.filter((p) => ['suicide', 'self_harm', 'medical'].includes(p.rule.category)).map((p) => p.index);
  const gate = ruleGate(all.map((i) => lex.patterns[i].regex.source));
  const shiftGate = ruleGate(shiftable.map((i) => lex.patterns[i].regex.source));
  const readings = texts.map((text) => normaliseToWords(text, lex.tables, { foreign: !locale.startsWith('en') }));

  it('has messages to read', () => {
    expect(readings.length).toBeGreaterThan(5000);
  });

  it('never skips a message that a rule matches, as written or in the first person', () => {
    const skippedButMatched = readings.filter((words) => {
      const gated = [...words, '.', ...firstPersonWords(words, lex.tables.vocabulary)];
      if (mayMatch(gate, gated)) return false;
      return matchesSome(lex, all, words.join(' ')) || matchesSome(lex, all, shiftToFirstPerson(words, lex.tables.vocabulary).join(' '));
    });
    expect(skippedButMatched.map((words) => words.join(' '))).toEqual([]);
  });

  it('never skips a first-person reading that a rule of risk a person can carry matches', () => {
    const skippedButMatched = readings.filter((words) => {
      const shifted = shiftToFirstPerson(words, lex.tables.vocabulary);
      return !mayMatch(shiftGate, [...shifted, '.']) && matchesSome(lex, shiftable, shifted.join(' '));
    });
    expect(skippedButMatched.map((words) => words.join(' '))).toEqual([]);
  });

  it('can fail: a gate that knows no rule skips messages a rule matches', () => {
    const none = ruleGate([]);
    const caught = readings.filter((words) => !mayMatch(none, [...words, '.']) && matchesSome(lex, all, words.join(' ')));
    // Only where the data hold this language's risk words at all.
    if (readings.some((words) => matchesSome(lex, all, words.join(' ')))) expect(caught.length).toBeGreaterThan(0);
  });
});

describe('the start of a word a pattern needs', () => {
  it('is read from patterns of one word start, with optional spaces after it', () => {
    expect(wordPrefixOf('(?<![a-z0-9])(?:samobojstw[a-z]*)(?![a-z0-9])')).toBe('samobojstw');
    expect(wordPrefixOf('(?<![a-z0-9])(?:hunan ?niweid[a-z]*)(?![a-z0-9])')).toBe('hunan');
  });
  it('is not guessed for any other shape', () => {
    expect(wordPrefixOf('(?<![a-z0-9])(?:hunan ?niweid)(?![a-z0-9])')).toBeUndefined();
    expect(wordPrefixOf('(?<![a-z0-9])(?:(?:un)?alive[a-z]*)(?![a-z0-9])')).toBeUndefined();
    expect(wordPrefixOf('(?<![a-z0-9])(?:kill[a-z]*|die)(?![a-z0-9])')).toBeUndefined();
  });
});

describe('a long paste in English still reads Welsh and Polish risk words', () => {
  const detector = sharedRiskDetector();
  const body = everydayMessages(100_000, (text) => detector.detect(text), (text) => detector.identifyLanguage(text) === undefined);
  // Welsh and Polish lines of the held-out batches that their own lexicon alone finds.
  const foreign = freshLines('-risk.jsonl').filter((text) => ['cy', 'pl'].includes(detector.identifyLanguage(text) ?? '') && detectRisk(text) !== null);

  it('has Welsh and Polish risk lines', () => {
    expect(foreign.length).toBeGreaterThan(10);
  });

  it('finds each one in the middle of 100 KB of everyday English', () => {
    const middle = Math.floor(body.length / 2);
    const missed = foreign.filter((text) => detectRisk(pasteOf([...body.slice(0, middle), text, ...body.slice(middle)])) === null);
    expect(missed).toEqual([]);
  }, 120_000);
});

describe('a command is a short message', () => {
  it('a control phrase after 40 words of lead-ins is not one, so the backstop still reads it', () => {
    expect(isConversationCommand('en-GB', 'ok carry on')).toBe(true);
    expect(isConversationCommand('en-GB', `${'ok '.repeat(45)}carry on`)).toBe(false);
  });
  it('thousands of kisses are read at once, not tried one shorter form at a time', () => {
    expect(isConversationCommand('en-GB', `thanks${' x'.repeat(50_000)}`)).toBe(false);
  });
});
