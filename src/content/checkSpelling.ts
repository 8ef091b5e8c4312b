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

const byLocale = new Map<string, SlipMender>();

/** The mender over the words the check's lexicon uses (a phrase's words, and the stem of "month*"). */
function menderFor(locale: string): SlipMender {
  const resolved = resolveLocale(locale);
  let mender = byLocale.get(resolved);
  if (!mender) {
    const lexicon = suitabilityLexicon(resolved);
    const words = new Set<string>();
    const phrases = [...QUESTIONS.flatMap((question) => Object.values(lexicon[question] ?? {}).flat()), ...(lexicon.people ?? [])];
    for (const phrase of phrases) for (const word of phrase.toLowerCase().replace(/\*/g, '').match(/[a-z]+/g) ?? []) words.add(word);
    // Answers are short and the lexicon's words are short too ("yes", "sad"): three letters count, and "don't" is read as "don", "t".
    mender = createSlipMender(words, wordList(resolved), { minLength: 3, apostrophes: false });
    byLocale.set(resolved, mender);
  }
  return mender;
}

/** The answer with its slips put right, or undefined when nothing changed. */
export function correctCheckSpelling(locale: string, text: string): string | undefined {
  const typed = text.toLowerCase();
  const corrected = menderFor(locale)(typed);
  return corrected !== typed ? corrected : undefined;
}
