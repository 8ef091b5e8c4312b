import { AGE_GROUPS, NATIONS, type AgeGroup, type Nation } from '../profile';
import { ageGroupOf, DURATION_BUCKETS } from '../language/entities';

/**
 * The "is IPT right for me?" check as plain data and pure functions: which questions exist, how a
 * typed answer maps to a choice, and what the answers suggest. It points to focus areas, an honest
 * view and a next step. It never diagnoses and never scores risk: risk is the safety gate's job,
 * and it runs before this on every turn.
 */

export const FOCUS_AREAS = ['grief', 'disputes', 'transitions', 'sensitivities'] as const;
export type FocusArea = (typeof FOCUS_AREAS)[number];

export const QUESTIONS = ['concern', 'relationships', 'duration', 'age', 'nation'] as const;
export type QuestionId = (typeof QUESTIONS)[number];

export const CHOICES = {
  concern: [...FOCUS_AREAS, 'other'],
  relationships: ['yes', 'no', 'unsure'],
  duration: DURATION_BUCKETS,
  age: AGE_GROUPS,
  nation: NATIONS,
} as const satisfies Record<QuestionId, readonly string[]>;

export type Concern = (typeof CHOICES.concern)[number];
export type RelationshipsAnswer = (typeof CHOICES.relationships)[number];
export type Duration = (typeof CHOICES.duration)[number];

export interface SuitabilityAnswers {
  concern?: Concern[];
  relationships?: RelationshipsAnswer;
  duration?: Duration;
  age?: AgeGroup;
  nation?: Nation;
}

export type SuitabilityView = 'may_suit' | 'other_may_fit' | 'other_may_fit_gp' | 'talk_to_gp' | 'support_first';
export type NextStep = 'self_refer' | 'self_refer_or_gp' | 'gp' | 'young_person';

export interface SuitabilityResult {
  /** Focus areas the answers point to, in the standard order. */
  areas: FocusArea[];
  view: SuitabilityView;
  nextStep: NextStep;
  /** Private therapy is offered as another route to adults only. */
  showPrivate: boolean;
  /** Whether the NHS self-referral finder is a useful link for this person. */
  showNhsFinder: boolean;
}

export function isFocusArea(value: string): value is FocusArea {
  return (FOCUS_AREAS as readonly string[]).includes(value);
}

export function isChoice<Q extends QuestionId>(question: Q, value: string): value is (typeof CHOICES)[Q][number] {
  return (CHOICES[question] as readonly string[]).includes(value);
}

/**
 * Whether the answers so far already answer a question, so the check need not ask it. Each focus
 * area is about people or a change in life by definition (a death, a clash, a change, loneliness),
 * so naming one answers "are other people, or a change in your life, part of how you feel?": asking
 * it anyway reads as not listening. It is still asked when the concern is something else or
 * skipped, and when the person asks to change that answer.
 */
export function isImplied(question: QuestionId, answers: SuitabilityAnswers): boolean {
  return question === 'relationships' && (answers.concern ?? []).some(isFocusArea);
}

/**
 * What the answers suggest. IPT works on the link between mood and relationships or life changes,
 * so a link (a focus area, or a yes) points to "may suit"; a clear "no link" points elsewhere, and
 * a long-standing difficulty with no link points to a GP first. Too little to go on also means a GP:
 * we say so rather than guess.
 */
export interface SuitabilityContext {
  /** The person needed crisis support during the check: that comes before any therapy. */
  safetyFirst?: boolean;
}

export function assessSuitability(answers: SuitabilityAnswers, context: SuitabilityContext = {}): SuitabilityResult {
  const areas = FOCUS_AREAS.filter((area) => answers.concern?.includes(area));
  const linked = areas.length > 0 || answers.relationships === 'yes';
  const notLinked = !linked && answers.relationships === 'no';

  let view: SuitabilityView;
  if (linked) view = 'may_suit';
  // Not linked, for years: another approach may fit, and a GP first (they hear both, not only the GP).
  else if (notLinked) view = answers.duration === 'years' ? 'other_may_fit_gp' : 'other_may_fit';
  else view = 'talk_to_gp';
  // Someone who needed crisis support during the check hears that support comes first, kindly.
  if (context.safetyFirst) view = 'support_first';

  const young = answers.age === 'under_18';
  let nextStep: NextStep;
  if (young) nextStep = 'young_person';
  // The view and the step must agree: "talk to a GP first" is followed by the GP, not a form.
  else if (view === 'talk_to_gp' || view === 'other_may_fit_gp' || view === 'support_first') nextStep = 'gp';
  else if (answers.nation === 'england') nextStep = 'self_refer';
  else if (answers.nation) nextStep = 'gp';
  else nextStep = 'self_refer_or_gp';

  return {
    areas,
    view,
    nextStep,
    showPrivate: !young,
    showNhsFinder: nextStep === 'self_refer' || nextStep === 'self_refer_or_gp',
  };
}

/** Per question, choice id -> words and phrases ("argu*" matches words starting with "argu"). */
export type SuitabilityLexicon = Record<QuestionId, Record<string, string[]>> & {
  /** Words that name people ("my boyfriend", "my boss"). */
  people?: string[];
};

function normalise(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
}

/**
 * What a phrase must find in a normalised text (which is single-spaced with a space at each end):
 * its normalised words after a space, and for a whole word ("argue", not "argu*") a space after
 * them too. A plain substring search does what the lookaround pattern `(?<=[ ])words(?=[ ])` did,
 * without compiling a pattern per phrase per answer, the largest cost of reading a typed answer.
 * Phrases are fixed at start-up, so each needle is worked out once (null: the phrase normalises to
 * nothing and never matches). Bounded by the lexicon files' size.
 */
const phraseNeedles = new Map<string, string | null>();

function phraseNeedle(phrase: string): string | null {
  let needle = phraseNeedles.get(phrase);
  if (needle === undefined) {
    const prefix = phrase.endsWith('*');
    const body = normalise(prefix ? phrase.slice(0, -1) : phrase).trim();
    needle = body ? ` ${body}${prefix ? '' : ' '}` : null;
    phraseNeedles.set(phrase, needle);
  }
  return needle;
}

function phraseMatches(normalisedText: string, phrase: string): boolean {
  const needle = phraseNeedle(phrase);
  return needle !== null && normalisedText.includes(needle);
}

/** A stated age in years, if the answer holds one number that looks like an age ("I'm 16"). */
function statedAge(normalisedText: string): number | undefined {
  const numbers = normalisedText.match(/(?<= )\d{1,3}(?= )/g) ?? [];
  if (numbers.length !== 1) return undefined;
  const age = Number(numbers[0]);
  return age >= 5 && age <= 110 ? age : undefined;
}

/**
 * Maps an answer typed in the person's own words to choice ids of a question. For `concern`, every
 * focus area that matches is kept ("we keep arguing since the baby came" -> disputes, transitions);
 * for the others, the first match in lexicon order wins. Returns [] when nothing fits.
 */
export function interpretAnswer(question: QuestionId, text: string, lexicon: SuitabilityLexicon): string[] {
  const normalisedText = normalise(text);
  if (question === 'age') {
    const age = statedAge(normalisedText);
    if (age !== undefined) return [ageGroupOf(age)];
  }
  const entries = Object.entries(lexicon[question] ?? {}).filter(([choice]) => isChoice(question, choice));
  const matches = entries.filter(([, phrases]) => phrases.some((phrase) => phraseMatches(normalisedText, phrase)));
  if (question === 'concern') {
    const areas = matches.map(([choice]) => choice).filter(isFocusArea);
    if (areas.length > 0) return areas;
    return matches.some(([choice]) => choice === 'other') ? ['other'] : [];
  }
  return matches.length > 0 ? [matches[0][0]] : [];
}

/** Whether an answer names a person ("it's my boyfriend", "my boss"): people are part of it. */
export function mentionsPerson(text: string, lexicon: SuitabilityLexicon): boolean {
  const normalisedText = normalise(text);
  return (lexicon.people ?? []).some((phrase) => phraseMatches(normalisedText, phrase));
}
