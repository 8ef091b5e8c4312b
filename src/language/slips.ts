/**
 * Typing slips: a word that is neither English nor one of a vocabulary's words is put right when it
 * is one slip (a letter added, dropped or changed, or two neighbours swapped) from exactly one
 * vocabulary word. Words spelled as meant (locales/<lang>/words.txt) are never changed, so "form"
 * never becomes "from". One rule, two vocabularies: the knowledge base's words for questions
 * ("interpersonal invetory?", "session lenght", "how long is the wating list") and the check's
 * lexicon for its answers (src/content/checkSpelling.ts). Pure once built.
 */
import { wordList } from '../content/wordList';
import { readOwnLocaleText } from '../content/localeResolver';

/** In a question, shorter words are too often a greeting or a name one slip from a word ("ello", "hiya"): left as typed. */
const MIN_LENGTH = 5;

export type SlipMender = (text: string) => string;

export interface SlipOptions {
  /** Words shorter than this are left as typed, and never a correction (default 5). */
  minLength?: number;
  /** Whether "they're" is one word ("theyre") or two ("they", "re"): a question's keywords drop the apostrophe (default true). */
  apostrophes?: boolean;
}

/** One letter added, dropped or changed, or two neighbours swapped. Three-letter words: a swap only ("yse"). */
export function oneSlipApart(typed: string, word: string): boolean {
  if (typed === word || Math.abs(typed.length - word.length) > 1) return false;
  // Short words are too often other words ("age" is not "ages"): only a swap counts.
  if (typed.length === 3 && word.length !== 3) return false;
  if (typed.length === word.length) {
    const diffs: number[] = [];
    for (let i = 0; i < typed.length && diffs.length <= 2; i += 1) if (typed[i] !== word[i]) diffs.push(i);
    const swapped = diffs.length === 2 && diffs[1] === diffs[0] + 1 && typed[diffs[0]] === word[diffs[1]] && typed[diffs[1]] === word[diffs[0]];
    return swapped || (diffs.length === 1 && typed.length >= 4);
  }
  const [long, short] = typed.length > word.length ? [typed, word] : [word, typed];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i += 1;
  return long.slice(i + 1) === short.slice(i);
}

export function createSlipMender(vocabulary: Iterable<string>, english: ReadonlySet<string>, options: SlipOptions = {}): SlipMender {
  const minLength = options.minLength ?? MIN_LENGTH;
  const token = options.apostrophes === false ? /[a-z]+/g : /[a-z']+/g;
  const known = new Set<string>();
  for (const word of vocabulary) if (word.length >= minLength) known.add(word);
  // Only words within a letter of the typed length can be one slip away.
  const byLength = new Map<number, string[]>();
  for (const word of known) {
    const same = byLength.get(word.length);
    if (same) same.push(word);
    else byLength.set(word.length, [word]);
  }
  return (text) =>
    text.replace(token, (asTyped) => {
      // With apostrophes kept, "theyre" and "they're" are one word (the matcher's keywords drop it).
      const typed = asTyped.replace(/'/g, '');
      if (typed.length < minLength || known.has(typed) || english.has(typed)) return asTyped;
      const near: string[] = [];
      for (const length of [typed.length - 1, typed.length, typed.length + 1]) {
        for (const word of byLength.get(length) ?? []) if (oneSlipApart(typed, word)) near.push(word);
      }
      return near.length === 1 ? near[0] : asTyped;
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
  const utterances = readOwnLocaleText(locale, 'utterances.json');
  if (utterances !== undefined) for (const word of wordsOf([utterances])) words.add(word);
  return words;
}
