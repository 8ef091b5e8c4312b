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

/** Words at most in a yes that says nothing else ("ok do it please"); longer, it must still speak of deleting. */
const BARE_YES_WORDS = 4;

/**
 * The button's own words, or an answer that starts with one of the locale's yes (or no) words ("yes
 * please", "nah leave it"). A yes that goes on to ask for something else ("ok tell me how i refer
 * myself") is no yes: only a short one, or one that speaks of deleting, deletes.
 */
function answers(locale: string, text: string, answer: 'yes' | 'no'): boolean {
  const said = words(text).trim();
  if (said === words(t(locale, `privacy:erase.${answer}`)).trim()) return true;
  const first = said.split(' ')[0];
  const list = tObject<string[]>(locale, `privacy:erase.${answer}Words`);
  if (!list.some((word) => word === first || word === said)) return false;
  if (answer === 'no' || said.split(' ').length <= BARE_YES_WORDS) return true;
  const padded = ` ${said} `;
  return isEraseRequest(locale, text) || tObject<string[]>(locale, 'privacy:erase.deleteWords').some((word) => padded.includes(` ${word} `));
}

/**
 * At the confirmation, "ok tell me how i refer myself": an "ok" that leads into another request
 * rather than a yes. The person has moved on. (A question about the deletion itself, "is it gone
 * now?", is not this: the confirmation asks once more.)
 */
export function movesOnFromErase(locale: string, text: string): boolean {
  if (answers(locale, text, 'yes') || answers(locale, text, 'no')) return false;
  const first = words(text).trim().split(' ')[0];
  return tObject<string[]>(locale, 'privacy:erase.yesWords').includes(first);
}

/** Only a clear yes deletes: the button, or a yes word to start the answer ("yes please", "ok do it"). */
export function isEraseConfirmed(locale: string, text: string): boolean {
  return answers(locale, text, 'yes');
}

/** A clear no: the button, or a no word to start the answer ("no thanks", "nah leave it"). */
export function isEraseDeclined(locale: string, text: string): boolean {
  return answers(locale, text, 'no');
}
