/**
 * Two questions in one message ("is it free on the nhs and how long is the wait", "how long are
 * sessions? also can i do them online"): the answer goes to one, and the other is offered first
 * among the buttons, so neither is lost. Pure.
 */
import type { KnowledgeBase } from '../content/knowledgeBase';
import { CONTROL_INTENTS, type AnswerPlan } from './answering';
import { isQuestion } from './controlWords';
import type { QuestionMatch, QuestionScore } from './questionMatcher';

/** The knowledge base's language: a part opens like a question by its control words' question starts. */
const LOCALE = 'en-GB';
/** Each part is a question of its own, not "and" inside one ("can my partner and my mum come"). */
const MIN_PART_WORDS = 3;
/** Where a second question may start: after a question mark, or at "and", "also", "plus". */
const SPLIT = /\?\s+(?:(?:and\s+also|and|also|plus)[,\s]+)?|(?:[,;]\s*|\s+)(?:and\s+also|and|also|plus)[,\s]+/gi;

/** The message's two questions, in order, when it asks two; otherwise undefined. */
export function twoQuestions(text: string): [string, string] | undefined {
  for (const split of text.matchAll(SPLIT)) {
    const at = split.index ?? 0;
    const first = text.slice(0, at + (split[0].startsWith('?') ? 1 : 0)).trim();
    const second = text.slice(at + split[0].length).trim();
    const long = (part: string) => part.split(/\s+/).length >= MIN_PART_WORDS;
    if (long(first) && long(second) && isQuestion(LOCALE, first) && isQuestion(LOCALE, second.replace(/\?+$/, ''))) return [first, second];
  }
  return undefined;
}

/**
 * The plan for a message that may ask two questions. Both parts clear (at least `threshold`, the
 * answer threshold, and questions answered here, not a dialog's): the first part's answer, with
 * the second offered (`also`), since the whole message read at once can blur into a third
 * question. One part clear: the plan as it was, with that part offered when the plan answers
 * something else. Conversation intents (a person, the check, help) keep their route.
 */
export function withOtherQuestion(
  plan: AnswerPlan,
  text: string,
  match: (part: string) => QuestionMatch,
  kb: KnowledgeBase,
  threshold: number,
): AnswerPlan {
  if (plan.kind === 'intent' && CONTROL_INTENTS.has(plan.intent)) return plan;
  const parts = twoQuestions(text);
  if (!parts) return plan;
  const clear = parts
    .map((part) => match(part).questions[0])
    .filter((top): top is QuestionScore => top !== undefined && top.score >= threshold && !kb.questions.get(top.id)?.routesTo);
  const [first, second] = clear;
  if (first && second && first.id !== second.id) return { kind: 'answer', questionId: first.id, score: first.score, also: second.id };
  if (plan.kind !== 'answer' && plan.kind !== 'topic') return plan;
  const other = clear.find((top) => top.id !== plan.questionId);
  return other ? { ...plan, also: other.id } : plan;
}
