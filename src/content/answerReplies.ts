import type { AgeGroup, Nation } from '../profile';
import { t } from './i18n';
import { answerFor, offeredIn, type KbAgeGroup, type KnowledgeBase, type KbQuestion } from './knowledgeBase';
import { fillPlaceholders, type ClinicWays, type PlaceholderValues } from './placeholders';

/**
 * The words of a knowledge-base answer for one person: the right variant for their nation and age,
 * placeholders filled, and the questions to offer next. Pure apart from reading copy.
 */

export interface AnswerContext {
  nation?: Nation;
  ageGroup?: AgeGroup;
}

export interface DeploymentValues {
  clinicName: string;
  /** How people reach the clinic, for answers about appointments, travel and their details. */
  clinicContact?: ClinicWays;
  retentionDays: number;
  organisationName: string;
}

export function kbAgeGroup(ageGroup: AgeGroup | undefined): KbAgeGroup | undefined {
  if (!ageGroup) return undefined;
  return ageGroup === 'under_18' ? 'under18' : 'adult';
}

export function answerWords(locale: string, question: KbQuestion, context: AnswerContext, deployment: DeploymentValues): string {
  const text = answerFor(question, { nation: context.nation, ageGroup: kbAgeGroup(context.ageGroup) });
  const values: PlaceholderValues = { ...deployment, nation: context.nation, ageGroup: context.ageGroup };
  return fillPlaceholders(locale, text, values);
}

/**
 * What to offer after an answer: its follow-ups, or failing those the next questions in its topic;
 * never one that does not apply where the person lives (a question's `nations`).
 */
export function nextQuestions(kb: KnowledgeBase, question: KbQuestion, context: AnswerContext = {}, limit = 3): KbQuestion[] {
  const fits = (q: KbQuestion) => offeredIn(q, context.nation);
  const ids = question.followUps ?? [];
  const picked = ids.map((id) => kb.questions.get(id)).filter((q): q is KbQuestion => q !== undefined && fits(q));
  if (picked.length > 0) return picked.slice(0, limit);
  const topic = kb.topics.find((tp) => tp.topic === question.topic);
  return (topic?.questions ?? []).filter((q) => q.id !== question.id && fits(q)).slice(0, limit);
}

/** "Thanks. I've noted that you're in Glasgow, so I'll give you the routes for Scotland." */
export function notedPlace(locale: string, nation: Nation, place?: string): string {
  const nationName = t(locale, `suitability:questions.nation.choices.${nation}`);
  return t(locale, 'common:notedPlace', { place: place ?? nationName, nation: nationName });
}
