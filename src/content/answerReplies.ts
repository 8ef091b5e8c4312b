import type { AgeGroup, Nation } from '../profile';
import { t, tObject } from './i18n';
import { answerFor, type KbAgeGroup, type KnowledgeBase, type KbQuestion } from './knowledgeBase';
import { fillPlaceholders, type PlaceholderValues } from './placeholders';

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

/** What to offer after an answer: its follow-ups, or failing those the next questions in its topic. */
export function nextQuestions(kb: KnowledgeBase, question: KbQuestion, limit = 3): KbQuestion[] {
  const ids = question.followUps ?? [];
  const picked = ids.map((id) => kb.questions.get(id)).filter((q): q is KbQuestion => q !== undefined);
  if (picked.length > 0) return picked.slice(0, limit);
  const topic = kb.topics.find((tp) => tp.topic === question.topic);
  return (topic?.questions ?? []).filter((q) => q.id !== question.id).slice(0, limit);
}

/** "You said you're in Glasgow, so ..." or "You said you're in Scotland, ...". */
export function understoodPlace(locale: string, place: string | undefined, nation: Nation): string {
  const nationName = t(locale, `answers:nationName.${nation}`);
  if (!place || place.toLowerCase() === nationName.toLowerCase()) return t(locale, 'answers:understoodNation', { nation: nationName });
  return t(locale, 'answers:understoodPlace', { place, nation: nationName });
}

export function understoodAge(locale: string, age: number): string {
  return t(locale, age < 18 ? 'answers:understoodYoung' : 'answers:understoodAdult', { age });
}

/** One of several wordings, never the one used last time. */
export function rotating(locale: string, key: string, last: number | undefined): { text: string; index: number } {
  const options = tObject<string[]>(locale, key);
  const index = last === undefined ? 0 : (last + 1) % options.length;
  return { text: options[index], index };
}
