import { join } from 'node:path';
import { loadKnowledgeBase, loadKnowledgeBaseFrom } from '../../src/content/knowledgeBase';
import { askedAtLength, leansOnContext, planAnswer } from '../../src/language/answering';
import { askedClause, matchAskedPart } from '../../src/language/askedPart';
import type { QuestionMatch, QuestionMatcher } from '../../src/language/questionMatcher';
import type { IntentName, RecognitionResult } from '../../src/language/recognizer';

/** The decision that combines the intent recogniser and the question matcher, on fixed inputs. */

const kb = loadKnowledgeBaseFrom(join(__dirname, '..', 'fixtures', 'knowledge-base'));

function recognised(intent: IntentName, score: number): RecognitionResult {
  return { intent, score, alternatives: [], recognizer: 'local' };
}

function match(questions: [string, number][], topics: [string, number][]): QuestionMatch {
  return { questions: questions.map(([id, score]) => ({ id, score })), topics: topics.map(([topic, score]) => ({ topic, score })) };
}

const confidentCost = match([['cost.nhs-free', 0.7], ['cost.private-price', 0.1]], [['cost', 0.8]]);
const vagueCost = match([['cost.private-price', 0.2], ['cost.nhs-free', 0.2], ['access.waiting-list', 0.05]], [['cost', 0.45], ['access', 0.05]]);
const nothing = match([['access.self-refer', 0.05], ['cost.nhs-free', 0.04]], [['access', 0.1]]);

describe('planAnswer', () => {
  it('answers a confident question over the generic help reply, and a strong one over an urgent-help guess', () => {
    expect(planAnswer(recognised('Help', 0.9), confidentCost, kb)).toMatchObject({ kind: 'answer', questionId: 'cost.nhs-free' });
    // The planner runs only when the safety gate found no risk; the intent's reply is then the help menu.
    expect(planAnswer(recognised('CrisisSupport', 0.7), confidentCost, kb)).toMatchObject({ kind: 'answer', questionId: 'cost.nhs-free' });
    const fairCost = match([['cost.nhs-free', 0.5], ['cost.private-price', 0.1]], [['cost', 0.6]]);
    expect(planAnswer(recognised('CrisisSupport', 0.7), fairCost, kb)).toEqual({ kind: 'intent', intent: 'CrisisSupport' });
    // Sure of urgent help: only a clear question beats it ("i want to end it all tonight" is not "Can I stop therapy early?").
    expect(planAnswer(recognised('CrisisSupport', 0.94), confidentCost, kb)).toEqual({ kind: 'intent', intent: 'CrisisSupport' });
    expect(planAnswer(recognised('Help', 0.9), nothing, kb)).toEqual({ kind: 'intent', intent: 'Help' });
  });

  it('a help request that leans to one question gets it said unsure, with the closest offered, not the menu', () => {
    const leaning = match([['cost.private-price', 0.24], ['cost.nhs-free', 0.1], ['access.waiting-list', 0.05]], [['cost', 0.34]]);
    expect(planAnswer(recognised('Help', 0.9), leaning, kb)).toEqual({
      kind: 'topic',
      topic: 'cost',
      questionId: 'cost.private-price',
      closest: ['cost.nhs-free', 'access.waiting-list'],
      score: 0.24,
    });
  });

  test('a conversation intent the recogniser is sure of routes as an intent', () => {
    const fairCost = match([['cost.nhs-free', 0.5], ['cost.private-price', 0.1]], [['cost', 0.6]]);
    expect(planAnswer(recognised('Greeting', 0.9), fairCost, kb)).toEqual({ kind: 'intent', intent: 'Greeting' });
    // ... but not over a strong question ("evenings?" sounds like a greeting).
    expect(planAnswer(recognised('Greeting', 0.9), confidentCost, kb)).toMatchObject({ kind: 'answer', questionId: 'cost.nhs-free' });
  });

  test('asking for a person yields to a fair match for an answer that gives the clinic\'s contact', () => {
    const shipped = loadKnowledgeBase();
    const parking = match([['clinic.getting-there', 0.55]], [['clinic', 0.6]]);
    expect(planAnswer(recognised('HumanContact', 0.6), parking, shipped)).toMatchObject({ kind: 'answer', questionId: 'clinic.getting-there' });
    // "contact details" alone leans to a clinic answer only weakly: the contact reply stands.
    const details = match([['clinic.change-details', 0.42]], [['clinic', 0.5]]);
    expect(planAnswer(recognised('HumanContact', 0.6), details, shipped)).toEqual({ kind: 'intent', intent: 'HumanContact' });
    const cost = match([['cost.nhs-free', 0.5]], [['cost', 0.6]]);
    expect(planAnswer(recognised('HumanContact', 0.6), cost, shipped)).toEqual({ kind: 'intent', intent: 'HumanContact' });
  });

  test('stop, hello and goodbye yield to a fair match when the message asks about something', () => {
    const fairCost = match([['cost.nhs-free', 0.45], ['cost.private-price', 0.1]], [['cost', 0.55]]);
    for (const intent of ['Cancel', 'Goodbye', 'Greeting'] as const) {
      expect(planAnswer(recognised(intent, 0.8), fairCost, kb, undefined, false, true)).toMatchObject({ kind: 'answer', questionId: 'cost.nhs-free' });
      expect(planAnswer(recognised(intent, 0.8), fairCost, kb, undefined, false, false)).toEqual({ kind: 'intent', intent });
    }
    // Asking for a person is often put as a question: it keeps its own bar.
    expect(planAnswer(recognised('HumanContact', 0.8), fairCost, kb, undefined, false, true)).toEqual({ kind: 'intent', intent: 'HumanContact' });
    // A weak lean is not enough, asked or not.
    expect(planAnswer(recognised('Cancel', 0.8), vagueCost, kb, undefined, false, true)).toEqual({ kind: 'intent', intent: 'Cancel' });
  });

  test.each([
    ['would it be ok to quit halfway through the course', true],
    ['is my chat kept somewhere safe?', true],
    ['can we stop?', false],
    ['stop now please', false],
    ['i want to finish this chat now', false],
  ])('"%s" is asked at length: %s', (text, expected) => {
    expect(askedAtLength(text)).toBe(expected);
  });

  test('a very strong question beats a conversation intent', () => {
    const strong = match([['cost.nhs-free', 0.95]], [['cost', 0.95]]);
    expect(planAnswer(recognised('HumanContact', 0.6), strong, kb)).toMatchObject({ kind: 'answer', questionId: 'cost.nhs-free' });
  });

  describe('the suitability check steps aside for the question that was asked', () => {
    // The shipped knowledge base: fit.right-for-me is the check's own question (routesTo).
    const shipped = loadKnowledgeBase();
    const sure = recognised('SuitabilityCheck', 0.95);

    test('a confident question is answered, not turned into the check', () => {
      const medication = match([['fit.with-medication', 0.45], ['fit.right-for-me', 0.2]], [['fit', 0.7]]);
      expect(planAnswer(sure, medication, shipped)).toMatchObject({ kind: 'answer', questionId: 'fit.with-medication' });
    });

    test('a clear request for the check (its own question) starts it', () => {
      const request = match([['fit.right-for-me', 0.6], ['fit.cure', 0.1]], [['fit', 0.7]]);
      expect(planAnswer(sure, request, shipped)).toEqual({ kind: 'intent', intent: 'SuitabilityCheck' });
      expect(planAnswer(recognised('None', 0.2), request, shipped)).toEqual({ kind: 'intent', intent: 'SuitabilityCheck' });
    });

    test('a clear topic is answered at topic level; the check is its own question among the topic', () => {
      const older = match([['fit.older-adults', 0.25], ['fit.right-for-me', 0.15]], [['fit', 0.5]]);
      expect(planAnswer(sure, older, shipped)).toMatchObject({ kind: 'topic', questionId: 'fit.older-adults' });
      const suits = match([['fit.right-for-me', 0.2], ['fit.older-adults', 0.1]], [['fit', 0.5]]);
      expect(planAnswer(sure, suits, shipped)).toEqual({ kind: 'intent', intent: 'SuitabilityCheck' });
    });

    test('a lean towards one other question gets it, said unsure, with the closest offered', () => {
      const lean = match([['fit.older-adults', 0.22], ['fit.right-for-me', 0.1]], [['fit', 0.35]]);
      expect(planAnswer(sure, lean, shipped)).toMatchObject({ kind: 'topic', questionId: 'fit.older-adults', closest: ['fit.right-for-me'] });
    });

    test('a check request naming a condition the knowledge base answers gets that answer (which offers the check)', () => {
      const drink = match([['fit.right-for-me', 0.52], ['fit.substance-use', 0.4]], [['fit', 0.95]]);
      expect(planAnswer(sure, drink, shipped)).toEqual({ kind: 'answer', questionId: 'fit.substance-use', score: 0.4 });
      expect(shipped.questions.get('fit.substance-use')?.followUps).toContain('fit.right-for-me');
      // Only a clear second question: noise beside a plain request leaves the check to start.
      const plain = match([['fit.right-for-me', 0.52], ['fit.anxiety', 0.26]], [['fit', 0.8]]);
      expect(planAnswer(sure, plain, shipped)).toEqual({ kind: 'intent', intent: 'SuitabilityCheck' });
    });

    test('with no confident question, the recogniser\'s check stands', () => {
      const vague = match([['fit.cure', 0.15], ['access.waiting-list', 0.1]], [['fit', 0.25], ['access', 0.2]]);
      expect(planAnswer(sure, vague, shipped)).toEqual({ kind: 'intent', intent: 'SuitabilityCheck' });
    });
  });

  test('a confident question is answered outright', () => {
    expect(planAnswer(recognised('None', 0.3), confidentCost, kb)).toMatchObject({ kind: 'answer', questionId: 'cost.nhs-free' });
  });

  test('topic clear, question not: the topic with the closest others', () => {
    expect(planAnswer(recognised('None', 0.3), vagueCost, kb)).toEqual({
      kind: 'topic',
      topic: 'cost',
      questionId: 'cost.private-price',
      closest: ['cost.nhs-free', 'access.waiting-list'],
      score: 0.45,
    });
  });

  test('the recognised intent lifts its own topic ("access" sits under AccessNhs)', () => {
    const close = match([['feelings.grief', 0.25], ['access.self-refer', 0.2]], [['feelings', 0.3], ['access', 0.25]]);
    expect(planAnswer(recognised('AccessNhs', 0.9), close, kb)).toMatchObject({ kind: 'answer', questionId: 'access.self-refer' });
  });

  test('unclear: "Did you mean" with the closest questions; off-topic gets no topic-level guess', () => {
    expect(planAnswer(recognised('None', 0.3), nothing, kb)).toEqual({ kind: 'didYouMean', closest: ['access.self-refer', 'cost.nhs-free'] });
    expect(planAnswer(recognised('None', 0.9), vagueCost, kb)).toMatchObject({ kind: 'didYouMean' });
    // A fragment the recogniser finds off-topic ("price?") still gets its topic when nearly all the weight is there.
    const price = match([['cost.private-price', 0.4], ['cost.nhs-free', 0.2]], [['cost', 0.9]]);
    expect(planAnswer(recognised('None', 0.9), price, kb)).toMatchObject({ kind: 'topic', topic: 'cost', questionId: 'cost.private-price' });
  });

  test('a topic intent with a lean towards one question gets that question, said unsure, over the overview', () => {
    const lean = match([['access.self-refer', 0.15], ['cost.nhs-free', 0.08]], [['access', 0.2], ['cost', 0.1]]);
    expect(planAnswer(recognised('Evidence', 0.9), lean, kb)).toMatchObject({ kind: 'topic', questionId: 'access.self-refer', closest: ['cost.nhs-free'] });
    // A conversation intent is never overridden this way.
    expect(planAnswer(recognised('Greeting', 0.9), lean, kb)).toEqual({ kind: 'intent', intent: 'Greeting' });
  });

  test('a short follow-up is not off-topic however sure the recogniser is on its words alone', () => {
    expect(planAnswer(recognised('None', 0.9), vagueCost, kb, undefined, true)).toMatchObject({ kind: 'topic', topic: 'cost' });
    expect(planAnswer(recognised('None', 0.9), vagueCost, kb, undefined, false)).toMatchObject({ kind: 'didYouMean' });
  });

  test('a topic intent the recogniser is sure of keeps its overview when no question or topic fits', () => {
    expect(planAnswer(recognised('Evidence', 0.9), nothing, kb)).toEqual({ kind: 'intent', intent: 'Evidence' });
  });

  test('a clear topic beats a topic intent\'s overview', () => {
    expect(planAnswer(recognised('Evidence', 0.9), vagueCost, kb)).toMatchObject({ kind: 'topic', topic: 'cost' });
  });

  test.each([
    ['is it free?', true],
    ['how much does that cost', true],
    ['and how long', true],
    ['tell me more about the grief one', true],
    ['how do i know theyre legit', true],
    ['how do i refer myself to nhs talking therapies in england please', false],
    ['can i bring my partner', false],
  ])('"%s" leans on the last answer: %s', (text, expected) => {
    expect(leansOnContext(text)).toBe(expected);
  });
});

describe('long messages: the clause that asks', () => {
  test.each([
    ['ok so long story short my relationship ended, i moved back in with my parents and im not sleeping but how long is the waiting list usually', 'how long is the waiting list usually'],
    ['hi there im 58 and money is tight since my hours got cut, would the nhs one cost me anything', 'would the nhs one cost me anything'],
    ['Can my husband sit in on the sessions with me? I am 76 and he helps me with most things', 'Can my husband sit in on the sessions with me'],
    ['sorry if this is a silly question but my anxiety is bad so could i do the whole thing from home on video', 'could i do the whole thing from home on video'],
  ])('"%s" asks "%s"', (text, clause) => {
    expect(askedClause(text)).toBe(clause);
  });

  test.each([['how long is the waiting list'], ['my dad died in march and i cant stop crying and nothing helps at all these days']])('"%s": no clause of its own', (text) => {
    expect(askedClause(text)).toBeUndefined();
  });

  test('each question keeps the better of its whole-message and clause scores', () => {
    const matcher: QuestionMatcher = {
      match: (text) =>
        text.startsWith('how long')
          ? match([['access.waiting-list', 0.7], ['cost.nhs-free', 0.1]], [['access', 0.7], ['cost', 0.1]])
          : match([['feelings.grief', 0.2], ['access.waiting-list', 0.1]], [['feelings', 0.2], ['access', 0.1]]),
    };
    const result = matchAskedPart(matcher, 'my mum died last year and i moved house and lost my job, how long is the waiting list');
    expect(result.questions.map((q) => [q.id, q.score])).toEqual([['access.waiting-list', 0.7], ['feelings.grief', 0.2], ['cost.nhs-free', 0.1]]);
    expect(result.topics[0]).toEqual({ topic: 'access', score: 0.7 });
  });
});
