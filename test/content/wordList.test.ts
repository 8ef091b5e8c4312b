import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseWordList, wordList } from '../../src/content/wordList';

describe('the word list (words.txt)', () => {
  it('reads one word a line, skipping blanks and # comments', () => {
    expect([...parseWordList('# spelled as meant\napple\n\n  pear \n#not-a-word\n')]).toEqual(['apple', 'pear']);
  });

  it("serves each locale by the locale resolver's rule: its own list, else en-GB's", () => {
    const dir = mkdtempSync(join(tmpdir(), 'ipt-words-'));
    try {
      for (const [locale, words] of [['en-GB', 'colour\n'], ['pl', 'dzień\n']]) {
        mkdirSync(join(dir, locale));
        writeFileSync(join(dir, locale, 'words.txt'), words);
      }
      expect([...wordList('pl-PL', dir)]).toEqual(['dzień']);
      expect([...wordList('cy', dir)]).toEqual(['colour']);
      expect([...wordList('en-US', dir)]).toEqual(['colour']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('holds the shipped English list', () => {
    expect(wordList('en-GB').size).toBeGreaterThan(10_000);
    expect(wordList('en-GB').has('therapy')).toBe(true);
  });
});
