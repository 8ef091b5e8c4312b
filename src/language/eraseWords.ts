import { resolveLocale, t, tObject } from '../content/i18n';

/**
 * What people type to have this conversation deleted, and their yes or no when asked to confirm:
 * the locale's phrases in `privacy.json`. Pure apart from reading the locale's strings once.
 */

function words(text: string): string {
  return ` ${text.toLowerCase().replace(/[^\p{L}\p{N}']+/gu, ' ').trim()} `;
}

/** Every message is checked: the locale's phrases are put in the same form once, not per message. */
const phrasesByLocale = new Map<string, string[]>();

function erasePhrases(locale: string): string[] {
  const resolved = resolveLocale(locale);
  let phrases = phrasesByLocale.get(resolved);
  if (!phrases) {
    phrases = tObject<string[]>(resolved, 'privacy:erase.requests').map(words);
    phrasesByLocale.set(resolved, phrases);
  }
  return phrases;
}

/** "delete my conversation", "please erase my data", "can you forget me?": the locale's phrases, anywhere in the message. */
export function isEraseRequest(locale: string, text: string): boolean {
  const said = words(text);
  return erasePhrases(locale).some((phrase) => said.includes(phrase));
}

/** The whole message is an erase request, give or take three words ("please delete everything ive said"). */
export function isWholeEraseRequest(locale: string, text: string): boolean {
  const said = words(text);
  return erasePhrases(locale).some((phrase) => said.includes(phrase) && said.replace(phrase, ' ').trim().split(' ').filter(Boolean).length <= 3);
}

/** The button's own words, or an answer that starts with one of the locale's yes (or no) words ("yes please", "nah leave it"). */
function answers(locale: string, text: string, answer: 'yes' | 'no'): boolean {
  const said = words(text).trim();
  if (said === words(t(locale, `privacy:erase.${answer}`)).trim()) return true;
  const first = said.split(' ')[0];
  return tObject<string[]>(locale, `privacy:erase.${answer}Words`).some((word) => word === first || word === said);
}

/** Only a clear yes deletes: the button, or a yes word to start the answer ("yes please", "ok do it"). */
export function isEraseConfirmed(locale: string, text: string): boolean {
  return answers(locale, text, 'yes');
}

/** A clear no: the button, or a no word to start the answer ("no thanks", "nah leave it"). */
export function isEraseDeclined(locale: string, text: string): boolean {
  return answers(locale, text, 'no');
}
