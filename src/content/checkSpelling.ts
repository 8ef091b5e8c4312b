import { resolveLocale } from './i18n';
import { suitabilityLexicon } from './lexicon';
import { QUESTIONS } from './suitability';
import { wordList } from './wordList';

/**
 * Typing slips in an answer to the check ("englnad", "feeling realy lonley", "yse", "sinse
 * christmas"): a word that is not English is put right when it is one slip (a letter added,
 * dropped, changed, or two swapped) from exactly one word the check reads answers with. Words
 * spelled as meant (locales/<lang>/words.txt) are never changed. Used only when an answer could not
 * be read as typed, so it never changes an answer that was understood. Pure once loaded.
 */

interface Speller {
  /** Words the check's lexicon uses (a phrase's words, and the stem of "month*"). */
  vocabulary: string[];
  /** Words spelled as meant: never corrected. */
  english: ReadonlySet<string>;
}

const byLocale = new Map<string, Speller>();

function spellerFor(locale: string): Speller {
  const resolved = resolveLocale(locale);
  let speller = byLocale.get(resolved);
  if (!speller) {
    const lexicon = suitabilityLexicon(resolved);
    const words = new Set<string>();
    const phrases = [...QUESTIONS.flatMap((question) => Object.values(lexicon[question] ?? {}).flat()), ...(lexicon.people ?? [])];
    for (const phrase of phrases) for (const word of phrase.toLowerCase().replace(/\*/g, '').match(/[a-z]+/g) ?? []) if (word.length >= 3) words.add(word);
    speller = { vocabulary: [...words], english: wordList(resolved) };
    byLocale.set(resolved, speller);
  }
  return speller;
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

/** The answer with its slips put right, or undefined when nothing changed. */
export function correctCheckSpelling(locale: string, text: string): string | undefined {
  const { vocabulary, english } = spellerFor(locale);
  let changed = false;
  const corrected = text.toLowerCase().replace(/[a-z]+/g, (typed) => {
    if (typed.length < 3 || english.has(typed) || vocabulary.includes(typed)) return typed;
    const near = vocabulary.filter((word) => oneSlipApart(typed, word));
    if (near.length !== 1) return typed;
    changed = true;
    return near[0];
  });
  return changed ? corrected : undefined;
}
