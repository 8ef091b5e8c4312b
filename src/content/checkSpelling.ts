import { resolveLocale } from './i18n';
import { suitabilityLexicon } from './lexicon';
import { QUESTIONS } from './suitability';
import { wordList } from './wordList';
import { createSlipMender, type SlipMender } from '../language/slips';

/**
 * Typing slips in an answer to the check ("englnad", "feeling realy lonley", "yse", "sinse
 * christmas"): the questions' slip rule (src/language/slips.ts) over the words the check reads
 * answers with. Words spelled as meant (locales/<lang>/words.txt) are never changed. Used only when
 * an answer could not be read as typed, so it never changes an answer that was understood. Pure
 * once loaded.
 */

interface CheckMender {
  mend: SlipMender;
  /** The words the check's lexicon uses, for putting a stretched word back ("yehh" is "yeh"). */
  words: ReadonlySet<string>;
  /** Words spelled as meant: never squeezed ("too", "all"). */
  known: ReadonlySet<string>;
  /** One-word yes, no and unsure answers ("yeh", "no"): a doubled last letter is squeezed only to reach one of these, so "too" stays. */
  replies: ReadonlySet<string>;
}

const byLocale = new Map<string, CheckMender>();

/** The mender over the words the check's lexicon uses (a phrase's words, and the stem of "month*"). */
function menderFor(locale: string): CheckMender {
  const resolved = resolveLocale(locale);
  let mender = byLocale.get(resolved);
  if (!mender) {
    const lexicon = suitabilityLexicon(resolved);
    const words = new Set<string>();
    const phrases = [...QUESTIONS.flatMap((question) => Object.values(lexicon[question] ?? {}).flat()), ...(lexicon.people ?? [])];
    for (const phrase of phrases) for (const word of phrase.toLowerCase().replace(/\*/g, '').match(/[a-z]+/g) ?? []) words.add(word);
    // Answers are short and the lexicon's words are short too ("yes", "sad"): three letters count, and "don't" is read as "don", "t".
    const known = wordList(resolved);
    const replies = new Set(Object.values(lexicon.relationships ?? {}).flat().filter((phrase) => /^[a-z]+$/.test(phrase)));
    mender = { mend: createSlipMender(words, known, { minLength: 3, apostrophes: false }), words, known, replies };
    byLocale.set(resolved, mender);
  }
  return mender;
}

/**
 * A word typed with a letter held down ("yehh", "naaah", "noo", "yesss"), put back to the lexicon's
 * word when squeezing the stretched letters gives one: three or more of a letter become one, then
 * a doubled last letter one when that gives a one-word reply. A word spelled as meant ("all", "too") is left alone.
 */
function unstretch(word: string, { words, known, replies }: CheckMender): string {
  if (words.has(word) || known.has(word)) return word;
  const squeezed = word.replace(/([a-z])\1{2,}/g, '$1');
  if (words.has(squeezed)) return squeezed;
  const single = squeezed.replace(/([a-z])\1$/, '$1');
  return replies.has(single) ? single : word;
}

/** The answer with its slips put right, or undefined when nothing changed. */
export function correctCheckSpelling(locale: string, text: string): string | undefined {
  const typed = text.toLowerCase();
  const mender = menderFor(locale);
  const corrected = mender.mend(typed.replace(/[a-z]+/g, (word) => unstretch(word, mender)));
  return corrected !== typed ? corrected : undefined;
}
