import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LOCALES_DIR } from '../../src/projectRoot';
import { DEFAULT_LOCALE, resolveLocale } from '../../src/content/i18n';
import { isTopicIntent } from '../../src/content/actions';
import type { IntentName } from '../../src/language/recognizer';

/**
 * What a message in Teams is about, for deciding where it may be answered. Pure: text and intent
 * in, a kind out. Risk is not judged here: the safety gate has already done that for every message.
 *
 * - privacy: who can see, keep or delete this chat. Answered in any scope (it is about the bot).
 * - personal: the person's own feelings, life, care, wish for therapy or whether IPT suits them. In
 *   a group chat or channel it gets only an invitation to a private chat. "Personal" means a
 *   personal pattern (feelings, life events), anything still said in the first person singular once
 *   neutral ways of asking ("can you tell me", "I'd like to know") are set aside
 *   (locales/<lang>/teams-lexicon.json), or an intent that is about the person by nature (the
 *   suitability check, asking for a human, asking for crisis help).
 * - general: a question about IPT itself (a topic intent), answered briefly in shared spaces.
 * - other: greetings, help, thanks, anything not understood.
 */
export type MessageKind = 'privacy' | 'personal' | 'general' | 'other';

const PERSONAL_INTENTS = new Set<IntentName>(['SuitabilityCheck', 'HumanContact', 'CrisisSupport']);

const patterns = z.array(z.string().min(1)).min(1);
const fileSchema = z.object({
  locale: z.string(),
  privacy: patterns,
  personal: patterns,
  neutral: patterns,
  firstPerson: z.string().min(1),
  aboutTheCheck: patterns,
});

export interface TeamsLexicon {
  privacy: RegExp;
  personal: RegExp;
  /** Ways of asking that say "I" or "me" without saying anything about the person. */
  neutral: RegExp;
  firstPerson: RegExp;
  /** A message that names the suitability check ("if i do the check"). */
  aboutTheCheck: RegExp;
}

/** One expression per class, so a message is scanned a few times at most. */
export function parseTeamsLexicon(json: unknown): TeamsLexicon {
  const file = fileSchema.parse(json);
  const anyOf = (list: string[], flags = 'i') => new RegExp(list.map((pattern) => `(?:${pattern})`).join('|'), flags);
  return {
    privacy: anyOf(file.privacy),
    personal: anyOf(file.personal),
    neutral: anyOf(file.neutral, 'gi'),
    firstPerson: new RegExp(file.firstPerson, 'i'),
    aboutTheCheck: anyOf(file.aboutTheCheck),
  };
}

const byLocale = new Map<string, TeamsLexicon>();

export function teamsLexicon(locale: string): TeamsLexicon {
  const resolved = resolveLocale(locale);
  let lexicon = byLocale.get(resolved);
  if (!lexicon) {
    const wanted = existsSync(join(LOCALES_DIR, resolved, 'teams-lexicon.json')) ? resolved : DEFAULT_LOCALE;
    lexicon = parseTeamsLexicon(JSON.parse(readFileSync(join(LOCALES_DIR, wanted, 'teams-lexicon.json'), 'utf8')));
    byLocale.set(resolved, lexicon);
  }
  return lexicon;
}

/** Curly apostrophes made straight, so "don’t" reads as "don't". */
function normalise(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'");
}

export function isPrivacyQuestion(text: string, lexicon: TeamsLexicon): boolean {
  return lexicon.privacy.test(normalise(text));
}

/** "if i do the check does it save anywhere": a privacy question about the check, which is offered after the answer. */
export function isAboutTheCheck(text: string, lexicon: TeamsLexicon): boolean {
  return lexicon.aboutTheCheck.test(normalise(text));
}

/** About the person: a personal pattern, or the first person singular once neutral ways of asking are set aside. */
function isPersonal(plain: string, lexicon: TeamsLexicon): boolean {
  return lexicon.personal.test(plain) || lexicon.firstPerson.test(plain.replace(lexicon.neutral, ' '));
}

export function messageKind(text: string, intent: IntentName, lexicon: TeamsLexicon): MessageKind {
  const plain = normalise(text);
  if (lexicon.privacy.test(plain)) return 'privacy';
  if (PERSONAL_INTENTS.has(intent) || isPersonal(plain, lexicon)) return 'personal';
  return isTopicIntent(intent) ? 'general' : 'other';
}
