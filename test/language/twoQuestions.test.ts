import { loadKnowledgeBase } from '../../src/content/knowledgeBase';
import type { AnswerPlan } from '../../src/language/answering';
import type { QuestionMatch } from '../../src/language/questionMatcher';
import { twoQuestions, withOtherQuestion } from '../../src/language/twoQuestions';

describe('two questions in one message', () => {
  test.each([
    ['does it cost anything and how many sessions are there', ['does it cost anything', 'how many sessions are there']],
    ['how often do we meet? also can it be in the evening', ['how often do we meet?', 'can it be in the evening']],
    ['can i bring my baby, and where do i park', ['can i bring my baby', 'where do i park']],
    ['is it online? plus is it one to one?', ['is it online?', 'is it one to one?']],
  ])('"%s" asks two', (text, parts) => {
    expect(twoQuestions(text)).toEqual(parts);
  });

  test.each([
    'can my sister and my dad come along', // "and" inside one question
    'i lost my job and how do i cope', // a story, then one question
    'how do i get ipt? i live in cardiff', // a question, then a fact
    'what is ipt',
  ])('"%s" asks one', (text) => {
    expect(twoQuestions(text)).toBeUndefined();
  });

  const kb = loadKnowledgeBase();
  const answer: AnswerPlan = { kind: 'answer', questionId: 'cost.nhs-free', score: 0.7 };
  const matchOf = (scores: Record<string, { id: string; score: number }>) => (part: string): QuestionMatch => ({ questions: scores[part] ? [scores[part]] : [], topics: [] });

  test('both parts clear: the first answered, the second offered, whatever the whole message matched', () => {
    const text = 'is it free and how long is the wait';
    const clear = matchOf({ 'is it free': { id: 'cost.nhs-free', score: 0.8 }, 'how long is the wait': { id: 'access.waiting-list', score: 0.6 } });
    expect(withOtherQuestion(answer, text, clear, kb, 0.3)).toEqual({ ...answer, score: 0.8, also: 'access.waiting-list' });
    const blurred: AnswerPlan = { kind: 'topic', topic: 'format', questionId: 'format.how-often', closest: [], score: 0.4 };
    expect(withOtherQuestion(blurred, text, clear, kb, 0.3)).toEqual({ kind: 'answer', questionId: 'cost.nhs-free', score: 0.8, also: 'access.waiting-list' });
  });

  test('one part clear: offered beside the answer unless it is the answer', () => {
    const text = 'is it free and how long is the wait';
    const weak = matchOf({ 'is it free': { id: 'cost.nhs-free', score: 0.8 }, 'how long is the wait': { id: 'access.waiting-list', score: 0.2 } });
    expect(withOtherQuestion(answer, text, weak, kb, 0.3)).toEqual(answer);
    const same = matchOf({ 'is it free': { id: 'cost.nhs-free', score: 0.8 }, 'how long is the wait': { id: 'cost.nhs-free', score: 0.5 } });
    expect(withOtherQuestion(answer, text, same, kb, 0.3)).toEqual(answer);
  });

  test("a part that is a dialog's (the check, a person) is left to be asked on its own", () => {
    const routed = [...kb.questions.values()].find((q) => q.routesTo)!;
    const text = 'is it free and can you check me';
    const match = matchOf({ 'can you check me': { id: routed.id, score: 0.9 } });
    expect(withOtherQuestion(answer, text, match, kb, 0.3)).toEqual(answer);
    expect(withOtherQuestion({ kind: 'intent', intent: 'Greeting' }, text, match, kb, 0.3)).toEqual({ kind: 'intent', intent: 'Greeting' });
  });
});
