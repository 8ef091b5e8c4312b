import { z } from 'zod';
import { loadLocaleData } from '../content/localeResolver';
import type { ReplyKind } from './crisisRoutes';
import type { RiskAssessment } from './types';
import { phraseTokens, SETTINGS, settingPhrases, type Setting, type SettingPhrases } from './replySetting';

/**
 * Which reply a risk assessment gets: pure, so each combination of who, when, frame and category is
 * tested without a bot. The copy and routes for each kind live in locales/ (strings/safety.json and
 * crisis-routes.json's `replies`).
 */

/**
 * - handoff: the crisis reply and "are you safe?" (or "are they safe?")
 * - checkIn: one gentle, direct question (a negated message, or only the statistical backstop fired)
 * - past: past and over; a one-line acknowledgement with routes kept handy, then the normal answer
 * - professional: work or study about the subject; the normal answer with a short line of routes
 */
export type SafetyMode = 'handoff' | 'checkIn' | 'past' | 'professional';

/** Whose safety the follow-up question asks about. */
export type Audience = 'self' | 'other' | 'everyone';

export interface SafetyReply {
  mode: SafetyMode;
  kind: ReplyKind;
  audience: Audience;
}

export function safetyMode(assessment: RiskAssessment): SafetyMode {
  if (assessment.frame === 'professional') return 'professional';
  if (assessment.when === 'past') return 'past';
  if (assessment.negated || assessment.possible === true || assessment.saidSafe === true) return 'checkIn';
  return 'handoff';
}

/** The words behind a reply choice: locales/<lang>/safety-reply-words.json, so no language lives in code. */
export interface SafetyReplyWords {
  otherPerson: ReadonlySet<string>;
  writer: ReadonlySet<string>;
  /** lexicon rules that say the writer is an older person harmed at home (locales/<lang>/risk-lexicon.json) */
  olderAtHomeRules: ReadonlySet<string>;
  /** where the person is or what is going on for them: phrases per setting, read by replySetting.ts */
  settings: SettingPhrases;
  /** the writer saying they hurt, or fear they will hurt, someone ("before i hurt her"): a guess by the backstop asks about that */
  writerMayHurt: readonly (readonly string[])[];
}

const wordsSchema = z
  .object({
    otherPerson: z.array(z.string().regex(/^[a-z]+$/)).min(1),
    writer: z.array(z.string().regex(/^[a-z]+$/)).min(1),
    olderAtHomeRules: z.array(z.string().regex(/^[a-z_]+\.[a-z_]+$/)),
    writerMayHurt: z.array(z.string().min(1)).min(1),
    settings: z.object(Object.fromEntries(SETTINGS.map((name) => [name, z.array(z.string().min(1)).min(1)])) as Record<Setting, z.ZodArray<z.ZodString>>),
  })
  .passthrough();

export function parseSafetyReplyWords(json: unknown): SafetyReplyWords {
  const parsed = wordsSchema.safeParse(json);
  if (!parsed.success) throw new Error(`safety-reply-words.json: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`);
  return {
    otherPerson: new Set(parsed.data.otherPerson),
    writer: new Set(parsed.data.writer),
    olderAtHomeRules: new Set(parsed.data.olderAtHomeRules),
    settings: settingPhrases(parsed.data.settings),
    writerMayHurt: phraseTokens(parsed.data.writerMayHurt),
  };
}

/** Read once per locale file (the resolver picks the locale, as for every data file). */
export function loadSafetyReplyWords(locale = 'en-GB'): SafetyReplyWords {
  return loadLocaleData(locale, 'safety-reply-words.json', parseSafetyReplyWords);
}

function replyKind(assessment: RiskAssessment, words: SafetyReplyWords): ReplyKind {
  const who = assessment.who ?? 'self';
  const { category } = assessment;
  // A body in danger comes first, whoever it is: 999 now, plain and short.
  if (category === 'medical') return 'medical';
  // The writer may cause harm; `who` is who may be hurt.
  if (category === 'harm_to_others') return who === 'child' ? 'harming_child' : 'harming';
  const violence = category === 'abuse' || category === 'danger';
  switch (who) {
    case 'self':
      // An older person hurt, robbed or neglected at home by family or carers: Hourglass is theirs too.
      if (violence && assessment.matched.some((id) => words.olderAtHomeRules.has(id))) return 'self_older_abuse';
      return category === 'abuse' ? 'self_abuse' : category === 'danger' ? 'self_danger' : 'self';
    case 'child':
      return violence ? 'child_abuse' : 'child';
    case 'older_adult':
      // Hourglass is for abuse or neglect of an older person; an older person's own crisis gets the lines for anyone worried about someone.
      return violence ? 'older_adult' : 'someone';
    case 'adult':
      return violence ? 'someone_abuse' : 'someone';
  }
}

export function safetyReply(assessment: RiskAssessment, words: SafetyReplyWords = loadSafetyReplyWords()): SafetyReply {
  const kind = replyKind(assessment, words);
  const who = assessment.who ?? 'self';
  const audience: Audience =
    kind === 'harming' || kind === 'harming_child' ? 'everyone' : who === 'self' ? 'self' : 'other';
  return { mode: safetyMode(assessment), kind, audience };
}

/** Which one-line note a past-and-over or work/study reading gets (strings/safety.json `note`). */
export type NoteKind = 'past' | 'professional' | 'professionalChild';

/**
 * Work or study about a child or young person (a teacher, a school project, a parent asking for
 * a pupil) names the lines for children and for adults worried about one (Childline, the NSPCC).
 */
export function noteKind(mode: 'past' | 'professional', assessment: RiskAssessment): NoteKind {
  return mode === 'professional' && assessment.who === 'child' ? 'professionalChild' : mode;
}

/**
 * Which check-in question (strings/safety.json `checkIn.question`) an assessment gets. A guess by
 * the statistical backstop alone may name the wrong kind of risk, and a question about one kind
 * ("someone is hurting you?" after a message about a cat) can read as an accusation: it gets one
 * gentle question that covers every kind.
 */
export function checkInQuestionKey(assessment: RiskAssessment): RiskAssessment['category'] | 'possible' | 'someone' {
  // Worried about someone else: the question asks about that person, never "is that happening for you?".
  if (asksAboutSomeoneElse(assessment)) return 'someone';
  return assessment.possible === true ? 'possible' : assessment.category;
}

/**
 * True when the check-in's question is about someone else than the writer. For harm_to_others
 * `who` is who may be hurt, and the writer is asked about themselves.
 */
export function asksAboutSomeoneElse(assessment: RiskAssessment): boolean {
  return (assessment.who ?? 'self') !== 'self' && assessment.category !== 'harm_to_others';
}

/**
 * True when a message speaks more of another person than of the writer ("my mate posted that she
 * is sorry for everything, now her phone is off"): the words "he", "she", "they" and theirs
 * outnumber "I" and "me". A guess by the backstop does not say who it is about; this tells the
 * check-in to ask about that person. "My" does not count: "my friend" is about the friend.
 */
export function speaksOfSomeoneElse(text: string, words: SafetyReplyWords = loadSafetyReplyWords()): boolean {
  let other = 0;
  let writer = 0;
  for (const word of text.toLowerCase().replace(/[\u2018\u2019']/g, '').split(/[^a-z]+/)) {
    if (words.otherPerson.has(word)) other += 1;
    else if (words.writer.has(word)) writer += 1;
  }
  return other > writer;
}
