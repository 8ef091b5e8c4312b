import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLexicon, wordBounded, type CompiledLexicon } from '../../src/safety/lexicon';
import { normaliseForRisk } from '../../src/safety/detectRisk';
import { replaceAlternation, scanSentences, sentenceCandidates, sentenceRanges, staysInSentence, type SentenceRange } from '../../src/safety/sentenceScan';
import { allMatches } from '../support/regexMatches';

/**
 * A long text is read sentence by sentence only where that finds exactly what a scan of the whole
 * text finds (src/safety/sentenceScan.ts). Checked here on real long texts: every rule pattern and
 * every mask of the lexicons, read both ways, gives the same matches.
 */

const FRESH = join(__dirname, 'fresh');
const lines = (path: string): string[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { text: string }).text);
const batches = readdirSync(FRESH).filter((file) => file.endsWith('.jsonl')).sort();
const messages = [...batches.flatMap((file) => lines(join(FRESH, file))), ...lines(join(__dirname, 'eval', 'risk.jsonl'))];

/** Long texts of risk and everyday messages mixed, in a fixed shuffled order, about 4 KB each. */
function longTexts(count: number): string[] {
  let seed = 7;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out: string[] = [];
  for (let k = 0; k < count; k += 1) {
    let text = '';
    while (text.length < 4000) text += `${messages[Math.floor(next() * messages.length)]} `;
    out.push(text);
  }
  return out;
}

const texts = longTexts(40).map((text) => normaliseForRisk(text));


function sentenceMatches(re: RegExp, text: string, ranges: readonly SentenceRange[], sentences: readonly number[] | null): string[] {
  const found: string[] = [];
  scanSentences(re, text, ranges, sentences, ({ at, match }) => {
    found.push(`${at}:${match}`);
    return false;
  });
  return found;
}

describe('which expressions stay in a sentence', () => {
  it.each([
    'want to die',
    '(?:^|\\. )please help(?: me)?(?: \\.|$)',
    'pills(?= \\.|$| now)',
    '(?:i|he) (?:took|swallowed)(?: [a-z]+){0,3} (?:pills|tablets)',
  ])('%s stays', (source) => {
    expect(staysInSentence(wordBounded(source))).toBe(true);
  });

  it.each([
    'done \\. goodbye',
    'cut(?: \\.)? felt better',
    'bye(?= (?:[a-z]+ ){0,6}(?:\\. )?leaving do)',
    '(?<=new job(?: [a-z0-9.]+){0,10} )goodbye',
    'end.*now',
    'a[^x]b',
    '(?:^| )help',
    'help(?: \\.|$)(?: now)',
  ])('%s may leave its sentence', (source) => {
    expect(staysInSentence(wordBounded(source))).toBe(false);
  });
});

describe.each(['en-GB', 'cy', 'pl'])('%s lexicon read sentence by sentence', (locale) => {
  const lex: CompiledLexicon = loadLexicon(locale);
  const prepared = texts.map((text) => ({ text, words: text.split(' '), ranges: sentenceRanges(text, text.split(' ')) }));

  it('cuts every long text into sentences, each with the break on either side', () => {
    for (const { text, ranges } of prepared) {
      expect(ranges).not.toBeNull();
      for (const { from, to } of ranges ?? []) {
        if (from > 0) expect(text.slice(from, from + 2)).toBe('. ');
        if (to < text.length) expect(text.slice(to - 2, to)).toBe(' .');
      }
    }
  });

  it('finds every match of every pattern that stays in a sentence, in the sentences its words allow', () => {
    let compared = 0;
    for (const { text, words, ranges } of prepared) {
      if (ranges === null) continue;
      const { sentencesOf } = sentenceCandidates(lex.ruleFilter, words, ranges, (index) => lex.patterns[index].local);
      const candidates = new Set(lex.ruleFilter.candidates(words));
      for (const pattern of lex.patterns) {
        const whole = allMatches(pattern.regex, text);
        // A pattern the window's words rule out is never run; the prefilter's own test covers that.
        if (!candidates.has(pattern.index)) continue;
        const sentences = sentencesOf(pattern.index);
        if (sentences === null) continue;
        compared += 1;
        expect({ id: pattern.rule.id, found: sentenceMatches(pattern.regex, text, ranges, sentences) }).toEqual({ id: pattern.rule.id, found: whole });
      }
    }
    expect(compared).toBeGreaterThan(locale === 'en-GB' ? 1000 : 0);
  });

  it('finds, in one walk of the words, the candidates of the whole text and of each sentence', () => {
    for (const filter of [lex.ruleFilter, lex.maskFilter]) {
      for (const { words, ranges } of prepared) {
        if (ranges === null) continue;
        const perSentence = ranges.map(() => [] as number[]);
        const whole = filter.candidatesByRange(words, ranges, (k, index) => perSentence[k].push(index));
        expect(whole).toEqual(filter.candidates(words));
        expect(perSentence.map((list) => list.sort((a, b) => a - b))).toEqual(ranges.map((r) => filter.candidates(words.slice(r.wordFrom, r.wordTo))));
      }
    }
  });

  it('masks a long text exactly as the alternation of its masks does', () => {
    for (const { text, words, ranges } of prepared) {
      if (ranges === null) continue;
      const masks = lex.maskFilter.candidates(words);
      if (masks.length === 0) continue;
      const { sentencesOf } = sentenceCandidates(lex.maskFilter, words, ranges, (index) => lex.maskLocal[index]);
      const alternation = new RegExp(wordBounded(masks.map((i) => lex.maskSources[i]).join('|')), 'g');
      const alternatives = masks.map((i) => ({ re: lex.maskRegexes[i], sentences: sentencesOf(i) }));
      expect(replaceAlternation(text, ranges, alternatives, '.')).toBe(text.replace(alternation, '.'));
      // Each mask over the whole text, as a short text is masked.
      const whole = masks.map((i) => ({ re: lex.maskRegexes[i], sentences: null }));
      expect(replaceAlternation(text, [], whole, '.')).toBe(text.replace(alternation, '.'));
    }
  });
});

describe('sentence ranges', () => {
  it('leave a chat message whole', () => {
    expect(sentenceRanges('i am ok . thanks', ['i', 'am', 'ok', '.', 'thanks'])).toBeNull();
  });

  it('give each sentence with the break on either side', () => {
    const words = `${'word '.repeat(300)}. next one . last`.split(' ').filter((w) => w !== '');
    const text = words.join(' ');
    const ranges = sentenceRanges(text, words) ?? [];
    expect(ranges.map((r) => text.slice(r.from, r.to)).slice(1)).toEqual(['. next one .', '. last']);
    expect(text.slice(ranges[0].from, ranges[0].to)).toBe(`${'word '.repeat(300)}.`);
  });
});
