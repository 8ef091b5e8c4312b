/**
 * Typing slips in a question ("interpersonal invetory?", "session lenght", "onilne?", "how long
 * is the wating list"): a word that is neither English nor one the knowledge base uses is put
 * right when it is one slip (a letter added, dropped or changed, or two neighbours swapped) from
 * exactly one word the knowledge base uses. Words spelled as meant (locales/<lang>/words.txt) are
 * never changed, so "form" never becomes "from". The same rule as the check's answers
 * (src/content/checkSpelling.ts), over the knowledge base's own words. Pure once built.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { oneSlipApart } from '../content/checkSpelling';
import { wordList } from '../content/wordList';
import { LOCALES_DIR } from '../projectRoot';

/** Shorter words are too often a greeting or a name one slip from a word ("ello", "hiya"): left as typed. */
const MIN_LENGTH = 5;

export type SlipMender = (text: string) => string;

export function createSlipMender(vocabulary: Iterable<string>, english: ReadonlySet<string>): SlipMender {
  const known = new Set<string>();
  for (const word of vocabulary) if (word.length >= MIN_LENGTH) known.add(word);
  // Only words within a letter of the typed length can be one slip away.
  const byLength = new Map<number, string[]>();
  for (const word of known) {
    const same = byLength.get(word.length);
    if (same) same.push(word);
    else byLength.set(word.length, [word]);
  }
  return (text) =>
    text.replace(/[a-z']+/g, (token) => {
      // "theyre" and "they're" are one word to the matcher (its keywords drop the apostrophe).
      const typed = token.replace(/'/g, '');
      if (typed.length < MIN_LENGTH || known.has(typed) || english.has(typed)) return token;
      const near: string[] = [];
      for (const length of [typed.length - 1, typed.length, typed.length + 1]) {
        for (const word of byLength.get(length) ?? []) if (oneSlipApart(typed, word)) near.push(word);
      }
      return near.length === 1 ? near[0] : token;
    });
}

/** The knowledge base's words in a set of texts (lower case letters only). */
export function wordsOf(texts: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const text of texts) for (const word of text.toLowerCase().replace(/'/g, '').match(/[a-z]+/g) ?? []) words.add(word);
  return words;
}

/**
 * Words spelled as meant: the locale's English word list (words.txt: one a line, # for comments)
 * and every word of the intents' examples (utterances.json), which adds the slang people type
 * ("legit", "theyre", "gonna"). The locale resolver picks the word list (en-GB's when the locale has none).
 */
export function loadEnglishWords(locale = 'en-GB'): Set<string> {
  const words = new Set<string>(wordList(locale));
  const utterances = join(LOCALES_DIR, locale, 'utterances.json');
  if (existsSync(utterances)) for (const word of wordsOf([readFileSync(utterances, 'utf8')])) words.add(word);
  return words;
}
