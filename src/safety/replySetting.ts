import { ANY_NUMBER, hasAnyPhrase } from '../language/phraseMatch';
import { answerTokens } from './safetyAnswers';

/**
 * Where the person is, or what is going on for them, said anywhere in the chat: on a hospital
 * ward, in a school, pregnant or with a new baby. Pure: the words are data
 * (safety-reply-words.json `settings`). A setting never starts a safety reply; it adds the people
 * close by who can help now (a nurse and the call bell, the school's safeguarding lead, the
 * midwife or health visitor), because 999 alone reads as not listening to someone typing from a
 * hospital bed.
 */

export const SETTINGS = ['hospital', 'school', 'perinatal'] as const;
export type Setting = (typeof SETTINGS)[number];

/** Each setting's phrases as tokens; '#' stands for any number. */
export type SettingPhrases = Readonly<Record<Setting, readonly (readonly string[])[]>>;

/** Phrases as the answer reader's tokens. '#' is not a word to the tokeniser: it is swapped for a placeholder word and back. */
export function phraseTokens(raw: readonly string[]): string[][] {
  return raw.map((phrase) => answerTokens(phrase.replace(/#/g, 'anynumber')).map((token) => (token === 'anynumber' ? ANY_NUMBER : token))).filter((tokens) => tokens.length > 0);
}

export function settingPhrases(raw: Record<Setting, readonly string[]>): SettingPhrases {
  const out = {} as Record<Setting, string[][]>;
  for (const name of SETTINGS) out[name] = phraseTokens(raw[name]);
  return out;
}

/** True when the message holds any of the phrases, as whole words. */
export function saysAnyOf(text: string, phrases: readonly (readonly string[])[]): boolean {
  return hasAnyPhrase(answerTokens(text), phrases);
}

/** The settings a message names, in the order of SETTINGS. */
export function settingsIn(text: string, phrases: SettingPhrases): Setting[] {
  const tokens = answerTokens(text);
  return SETTINGS.filter((name) => hasAnyPhrase(tokens, phrases[name]));
}

/** The settings known so far and those this message adds, once each. */
export function addSettings(known: readonly Setting[] | undefined, found: readonly Setting[]): Setting[] {
  return SETTINGS.filter((name) => (known ?? []).includes(name) || found.includes(name));
}
