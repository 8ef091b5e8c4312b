import { loadKnowledgeBase } from '../../src/content/knowledgeBase';

const kb = loadKnowledgeBase();

/** The start of a question's answer (to its first . ? or !) for a person with no known nation or age. */
export function answerOf(id: string): string {
  const question = kb.questions.get(id);
  if (!question) throw new Error(`no question ${id}`);
  return question.answer.split(/[.?!]/)[0];
}
