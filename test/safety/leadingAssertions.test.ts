import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLexicon, wordBounded } from '../../src/safety/lexicon';
import { normaliseForRisk } from '../../src/safety/detectRisk';
import { LeadingAssertionRegExp, splitLeadingAssertions } from '../../src/safety/leadingAssertions';
import { allMatches } from '../support/regexMatches';

/**
 * Rules and masks that open with a lookaround are matched rest-first (src/safety/leadingAssertions.ts).
 * Checked here: which sources are split, and that every rule and mask of every lexicon finds exactly
 * what the plain expression finds, on real long texts and on short messages.
 */

const lines = (path: string): string[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { text: string }).text);
const FRESH = join(__dirname, 'fresh');
const messages = [
  ...readdirSync(FRESH)
    .filter((file) => file.endsWith('.jsonl'))
    .sort()
    .flatMap((file) => lines(join(FRESH, file))),
  ...lines(join(__dirname, 'eval', 'risk.jsonl')),
  ...lines(join(__dirname, 'eval', 'benign.jsonl')),
];

/** Long texts of risk and everyday messages mixed, in a fixed shuffled order, about 6 KB each. */
function longTexts(count: number): string[] {
  let seed = 11;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out: string[] = [];
  for (let k = 0; k < count; k += 1) {
    let text = '';
    while (text.length < 6000) text += `${messages[Math.floor(next() * messages.length)]} `;
    out.push(normaliseForRisk(text));
  }
  return out;
}


describe('which sources are matched rest-first', () => {
  it.each([
    ['(?<=cut (?:[a-z]+ ){0,12})the urges? are back', '(?<=cut (?:[a-z]+ ){0,12})'],
    ['(?!(?:[a-z]+ ){0,12}forever)(?<!not )saying goodbye', '(?!(?:[a-z]+ ){0,12}forever)(?<!not )'],
    ['(?<=[(|])x', '(?<=[(|])'],
  ])('%s is split', (source, assertions) => {
    expect(splitLeadingAssertions(wordBounded(source))).toEqual({ assertions, rest: wordBounded(source.slice(assertions.length)) });
  });

  it.each([
    'the urges are back',
    '(?<=cut )a|b',
    '(?<=(cut) )urges',
    '(?<=cut )(urges)',
    '(?<=\\b(?<word>cut) )urges',
    '(?=x)?x',
    '(?<=cut )',
    'urges(?<=cut urges)',
  ])('%s is left whole', (source) => {
    expect(splitLeadingAssertions(wordBounded(source))).toBeNull();
  });

  it('leaves sources without the word-boundary wrapper whole', () => {
    expect(splitLeadingAssertions('(?<=cut )urges')).toBeNull();
  });
});

describe('a rest-first expression behaves as the plain one', () => {
  const source = wordBounded('(?<=cut (?:[a-z]+ ){0,3})(?!not )(?:the|my) urges?');
  const text = 'my urges . i cut and then my urges came . cut it the urge . my urges';

  it('in exec, test, replace, match and matchAll', () => {
    const plain = new RegExp(source, 'g');
    const fast = new LeadingAssertionRegExp(source, 'g');
    expect(allMatches(fast, text)).toEqual(allMatches(plain, text));
    expect(allMatches(fast, text)).toEqual(['26:my urges', '49:the urge']);
    expect(text.replace(fast, '#')).toBe(text.replace(plain, '#'));
    expect(text.match(fast)).toEqual(text.match(plain));
    expect([...text.matchAll(fast)].map((m) => m.index)).toEqual([...text.matchAll(plain)].map((m) => m.index));
    expect(fast.test('my urges')).toBe(false);
    expect(fast.source).toBe(source);
    expect(String(fast)).toBe(String(plain));
  });

  it('is a plain expression without the flag g', () => {
    const once = new LeadingAssertionRegExp(source);
    expect(once.exec(text)?.index).toBe(26);
  });
});

describe.each(['en-GB', 'cy', 'pl'])('%s lexicon, rest-first', (locale) => {
  const lex = loadLexicon(locale);
  const texts = [...longTexts(24), ...messages.slice(0, 400).map((message) => normaliseForRisk(message))];
  const expressions = [...lex.patterns.map((p) => p.regex), ...lex.maskRegexes];

  // The others run as plain expressions (super.exec).
  const split = expressions.filter((re) => splitLeadingAssertions(re.source) !== null);

  it('finds every match of every split rule and mask that the plain expression finds', () => {
    for (const re of split) {
      const plain = new RegExp(re.source, re.flags);
      for (const text of texts) expect({ source: re.source, found: allMatches(re, text) }).toEqual({ source: re.source, found: allMatches(plain, text) });
    }
    if (locale === 'en-GB') expect(split.length).toBeGreaterThan(5);
  });
});
