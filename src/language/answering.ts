/**
 * How a message is answered: the intent recogniser and the question matcher combined, as one pure
 * decision (README "Answering questions").
 *
 * - Conversation intents (greeting, stop, goodbye, a person) route as before when the recogniser is
 *   sure, unless a question matches strongly; help and urgent help yield to a confident
 *   question (urgent help only to a clear one); the suitability check to any question or topic the
 *   matcher can place, so only a clear request for it (its own question) starts it.
 * - Otherwise the question matcher comes first, its questions lifted towards those filed under the
 *   recognised intent. Confident: that question. Topic clear, question not: the topic's best
 *   question with the closest others offered. A topic intent and neither: that topic's overview.
 *   Unclear: "Did you mean ...?" with the closest questions (never a bare "I didn't understand").
 *   Off-topic by the recogniser's own None: only an outright match, or a topic nearly all the
 *   weight is on, answers.
 * - A long message is also matched on the clause that asks ("... but how long is the wait?"), and a
 *   message that states where the person lives without the place (askedPart.ts).
 * - A short message that leans on the last answer ("is it free?", "how much does that cost?") is
 *   matched with the last question as context; one that only names an aspect ("how long is that?")
 *   gets the question the last one's followOn names for it (followOn.ts).
 */
import type { KnowledgeBase } from '../content/knowledgeBase';
import { matchAskedPart } from './askedPart';
import { isQuestion } from './controlWords';
import { followOnQuestion, loadFollowOnWords, type FollowOnWords } from './followOn';
import type { QuestionMatch, QuestionMatcher, QuestionScore } from './questionMatcher';
import type { IntentName, RecognitionResult } from './recognizer';

/*
 * Thresholds, chosen with `npm run eval:answers -- --calibrate` on the held-out phrasings (top-1 and
 * fallbacks) and the intents' held-out utterances (conversation intents must still route): lower
 * answer thresholds buy a few points of top-1 by answering outright where "I'm not quite sure, did
 * you mean ..." is the honest reply, so the answer threshold stays at 0.3.
 */
/** Top question score at or above which the answer is given outright. */
export const ANSWER_THRESHOLD = 0.3;
/** Summed score of one topic's questions at or above which the topic is clear. */
export const TOPIC_THRESHOLD = 0.4;
/** A conversation intent the recogniser is this sure of wins unless a question matches strongly. */
export const CONTROL_INTENT_MIN = 0.5;
/**
 * A question this strong beats a conversation intent ("can I talk to someone before booking?",
 * "evenings?" heard as a greeting, "in person?" as asking for a person). 0.9 -> 0.6: held-out
 * top-1 +0.4, blind a +1 point; one held-out control utterance lost ("move on").
 */
export const STRONG_QUESTION = 0.6;
/**
 * Saying hello, stop or goodbye is rarely put as a question of five words or more: "can i stop if i
 * dont like it", "is this chat end to end encrypted or whatever" and "do you make up your answers"
 * ask about something, so these intents yield to a fair match (the answer threshold) when the
 * message is asked. A short "can we stop?" still stops.
 */
export const ASKED_YIELDING_INTENTS: ReadonlySet<IntentName> = new Set(['Cancel', 'Goodbye', 'Greeting']);
export const ASKED_MIN_WORDS = 5;
/**
 * The intent model's None class is trained on off-topic messages; when it is this sure, only an
 * outright question match answers (no topic-level guess), so "what's the weather like" is not
 * answered with whatever question shares the word "like".
 */
export const SURE_NONE = 0.6;
/** What an outright match must reach when the recogniser is sure the message is off-topic. */
export const OFF_TOPIC_ANSWER = 0.5;
/**
 * ... and what a topic must reach: "price?" alone sounds off-topic to the recogniser, but nearly
 * all of the matcher's weight is on cost. Held-out off-topic messages answered stay at 11-13%.
 */
export const OFF_TOPIC_TOPIC = 0.8;
/** How far the matcher must lean to one other question for the recognised check to step aside (blind b +1.9 points). */
export const DETOUR_LEAN = 0.2;

/**
 * The help intent's reply is a menu. A message it hears that leans this far towards one question
 * ("where did you get this from", "how do i wipe this chat") gets that answer, said unsure with the
 * closest questions offered (eval:answers, eighth pass: held-out +0.9, blind c, e, f, i, j +0.5 to
 * +1; "how do i use this chat" now gets "How does this guide work?" in place of the menu).
 */
export const HELP_LEAN = 0.2;

/**
 * The recogniser heard a topic ("what to expect", "private help") but no question or topic is
 * clear: the closest question, said with "I'm not quite sure" and the others as buttons, is more
 * use than the topic's overview, which answered many different questions the same way.
 */
export const INTENT_GUESS = 0.1;

export const CONTROL_INTENTS: ReadonlySet<IntentName> = new Set([
  'Greeting',
  'Help',
  'Cancel',
  'Goodbye',
  'HumanContact',
  'SuitabilityCheck',
  'CrisisSupport',
]);

/**
 * Conversation intents whose own reply is generic (the help menu; the urgent-help signposts, which
 * start no safety dialog: the safety gate decides risk first). A question the matcher is confident
 * about is the more useful reply ("are you a chatbot?", "can you diagnose me?").
 */
export const YIELDING_INTENTS: ReadonlySet<IntentName> = new Set(['Help', 'CrisisSupport']);
/**
 * An answer that ends with how to reach the clinic ("where do I park?", "I've a new phone number")
 * serves a wish to talk to a person as well, so the person-contact intent yields to a fair match
 * for it (0.5, below the 0.6 other questions need): the reply is about what was asked, and carries
 * no crisis lines for a benign question. "contact details" alone (0.42) still gets the contact reply.
 */
export const CLINIC_CONTACT_YIELD = 0.5;

export function givesClinicContact(kb: KnowledgeBase, questionId: string): boolean {
  return kb.questions.get(questionId)?.answer.includes('{{clinicContact}}') ?? false;
}

/**
 * What urgent-help wording the recogniser hears yields to. The planner only runs after the safety
 * gate found no risk, and then the intent's reply is the help menu: on the safety team's 1,000
 * blind messages every one the intent claimed and the gate left alone was benign. So a guess it is
 * unsure of yields like the other conversation intents (0.9 -> 0.6, eighth pass): "made redundant
 * last month and i'm feeling really low" (0.69 urgent help) gets the job-loss answer, "is school
 * able to help me get some support" the school one (blind a, c, g, i +0.5 to +1.5, d +1.3).
 */
export const CRISIS_YIELD = 0.6;
/**
 * ... but when the recogniser is sure of urgent help, only a clear question beats it, as before:
 * should the gate ever miss "i want to end it all tonight" (0.94), it must not get "Can I stop
 * therapy early?" (0.60), and the signposts are the safer reply to a near miss.
 */
export const SURE_CRISIS = 0.85;
export const SURE_CRISIS_YIELD = 0.9;

export type AnswerPlan =
  | { kind: 'intent'; intent: Exclude<IntentName, 'None'> }
  | { kind: 'answer'; questionId: string; score: number; also?: string }
  | { kind: 'topic'; topic: string; questionId: string; closest: string[]; score: number; also?: string }
  | { kind: 'didYouMean'; closest: string[] };

export interface AnswerThresholds {
  answer: number;
  topic: number;
  controlIntent: number;
  strongQuestion: number;
  /** What urgent-help wording yields to. */
  crisisYield: number;
  /** The recogniser's None this sure: off-topic unless a question matches outright. */
  none: number;
  /** A topic intent and no clear question or topic: the best question from this score, said with "I'm not quite sure". */
  intentGuess: number;
}

export const DEFAULT_THRESHOLDS: AnswerThresholds = {
  answer: ANSWER_THRESHOLD,
  topic: TOPIC_THRESHOLD,
  controlIntent: CONTROL_INTENT_MIN,
  strongQuestion: STRONG_QUESTION,
  crisisYield: CRISIS_YIELD,
  none: SURE_NONE,
  intentGuess: INTENT_GUESS,
};

/** Words that lean on what came before: "that", "it", "the grief one", "and ...", "what about". */
const LEANS_ON_CONTEXT = /\b(that|it|this|those|they|they're|theyre|them|their|one|there|what about|how about)\b|^(and|so|but|also)\b/;
const SHORT_MESSAGE_WORDS = 8;

/** Pure: the message is put as a question and is long enough to be asking about something (ASKED_MIN_WORDS). */
export function askedAtLength(text: string, locale = 'en-GB'): boolean {
  return text.trim().split(/\s+/).length >= ASKED_MIN_WORDS && isQuestion(locale, text);
}

export function leansOnContext(text: string): boolean {
  const words = text.trim().toLowerCase().split(/\s+/);
  return words.length <= SHORT_MESSAGE_WORDS && LEANS_ON_CONTEXT.test(words.join(' '));
}

/**
 * Pure: matches a message, reading a short dependent message together with the last question
 * ("how much does that cost?" after the private-therapist answer). The last question's follow-ups
 * get a small lift, as a person is likely to ask what the bot has just offered.
 */
export function matchInContext(
  matcher: QuestionMatcher,
  kb: KnowledgeBase,
  text: string,
  lastQuestionId?: string,
  followOnWords: FollowOnWords = loadFollowOnWords(),
): QuestionMatch {
  // "how long is that?" names only an aspect of the last answer; where the knowledge base says what
  // that aspect means after it (the wait, after the waiting list), that question is the match.
  const resolved = followOnQuestion(kb, lastQuestionId, text, followOnWords);
  const resolvedTopic = resolved ? kb.questions.get(resolved)?.topic : undefined;
  if (resolved && resolvedTopic) return { questions: [{ id: resolved, score: 1 }], topics: [{ topic: resolvedTopic, score: 1 }] };
  const plain = matchAskedPart(matcher, text);
  const last = lastQuestionId ? kb.questions.get(lastQuestionId) : undefined;
  if (!last || !leansOnContext(text)) return plain;
  const withContext = matcher.match(`${text} ${last.question}`);
  const scores = new Map<string, number>();
  // The last question itself only counts on the message's own words: read with its own text it
  // would always win, and "and how long does that take?" asks something new.
  for (const { id, score } of plain.questions) scores.set(id, (scores.get(id) ?? 0) + (id === last.id ? score : score / 2));
  for (const { id, score } of withContext.questions) if (id !== last.id) scores.set(id, (scores.get(id) ?? 0) + score / 2);
  // Context only ever adds: a message that is clear on its own words ("how do i know theyre
  // legit?" after the price answer) keeps its own score, not half of it.
  for (const { id, score } of plain.questions) if (id !== last.id) scores.set(id, Math.max(scores.get(id) ?? 0, score));
  for (const id of last.followUps ?? []) if (scores.has(id)) scores.set(id, (scores.get(id) ?? 0) + 0.1);
  const questions: QuestionScore[] = [...scores]
    .map(([id, score]) => ({ id, score: Math.min(score, 1) }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, 5);
  const topics = new Map<string, number>();
  for (const m of [plain, withContext]) for (const { topic, score } of m.topics) topics.set(topic, (topics.get(topic) ?? 0) + score / 2);
  return { questions, topics: [...topics].map(([topic, score]) => ({ topic, score })).sort((a, b) => b.score - a.score) };
}

/**
 * How much the recogniser's intent lifts the questions filed under it (a topic's `intent`): the
 * intent model is trained on many more examples per class, so when it is sure a message is about
 * the evidence, "does it actually work" should not get "how does it work". Chosen with eval:answers.
 */
export const INTENT_PRIOR = 1;

/** Pure: lifts the questions whose topic sits under the recognised intent, in proportion to its score. */
export function withIntentPrior(match: QuestionMatch, kb: KnowledgeBase, recognition: RecognitionResult, weight = INTENT_PRIOR): QuestionMatch {
  if (recognition.intent === 'None' || weight === 0) return match;
  // The small extra breaks a tie in the intent's favour.
  const lift = (id: string) => (kb.topicOf(id)?.intent === recognition.intent ? 1.001 + weight * recognition.score : 1);
  const questions = match.questions
    .map((q) => ({ id: q.id, score: Math.min(1, q.score * lift(q.id)) }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  return { questions, topics: match.topics };
}

/**
 * Pure: the plan for one message. A question whose destination is a dialog (`routesTo`) takes that
 * route, so the person gets one reply, the dialog's.
 */
export function planAnswer(
  recognition: RecognitionResult,
  rawMatch: QuestionMatch,
  kb: KnowledgeBase,
  thresholds: AnswerThresholds = DEFAULT_THRESHOLDS,
  followUp = false,
  /** The message is put as a question of ASKED_MIN_WORDS words or more (askedAtLength). */
  asked = false,
): AnswerPlan {
  // A short follow-up to the last answer ("how do i know theyre legit?") sounds off-topic to the
  // recogniser on its own words; read with the last question it is not.
  const heard = followUp && recognition.intent === 'None' ? { ...recognition, score: 0 } : recognition;
  const plan = planWithoutRoutes(heard, rawMatch, kb, thresholds, asked);
  const routesTo = plan.kind === 'answer' || plan.kind === 'topic' ? kb.questions.get(plan.questionId)?.routesTo : undefined;
  const destination = plan.kind === 'intent' ? plan.intent : routesTo;
  if (destination === 'SuitabilityCheck') {
    const named = namedCondition(withIntentPrior(rawMatch, kb, heard), kb);
    if (named) return named;
  }
  return routesTo ? { kind: 'intent', intent: routesTo } : plan;
}

/**
 * "is ipt right for my anxiety", "i drink a lot, would ipt suit me": a check request that names a
 * condition or situation the knowledge base answers gets that answer (whose follow-ups offer the
 * check), not a check started without a word about what was asked. 0.3 (the answer threshold):
 * blind f +1.3 points, e unchanged; 0.25 took "would ipt be a good fit for me" away from the check.
 */
export const CONDITION_LEAN = 0.3;

function namedCondition(match: QuestionMatch, kb: KnowledgeBase): AnswerPlan | undefined {
  const named = match.questions.find((q) => !kb.questions.get(q.id)?.routesTo);
  return named && named.score >= CONDITION_LEAN ? { kind: 'answer', questionId: named.id, score: named.score } : undefined;
}

/** Pure: where a plan sends the person, as a question id or an intent; what eval:answers compares. */
export function destinationOf(plan: AnswerPlan): string | undefined {
  if (plan.kind === 'answer' || plan.kind === 'topic') return plan.questionId;
  return plan.kind === 'intent' ? plan.intent : undefined;
}

/** Pure: where an expected question sends the person (its `routesTo` intent, else itself). */
export function destinationOfQuestion(kb: KnowledgeBase, questionId: string): string {
  return kb.questions.get(questionId)?.routesTo ?? questionId;
}

function planWithoutRoutes(
  recognition: RecognitionResult,
  rawMatch: QuestionMatch,
  kb: KnowledgeBase,
  thresholds: AnswerThresholds = DEFAULT_THRESHOLDS,
  asked = false,
): AnswerPlan {
  const match = withIntentPrior(rawMatch, kb, recognition);
  const top = match.questions[0];
  const intent = recognition.intent;
  const yieldAt =
    intent === 'CrisisSupport'
      ? recognition.score >= SURE_CRISIS
        ? SURE_CRISIS_YIELD
        : thresholds.crisisYield
      : YIELDING_INTENTS.has(intent) || (asked && ASKED_YIELDING_INTENTS.has(intent))
        ? thresholds.answer
        : intent === 'HumanContact' && top !== undefined && givesClinicContact(kb, top.id)
          ? CLINIC_CONTACT_YIELD
          : thresholds.strongQuestion;
  const yields = top !== undefined && top.score >= yieldAt;
  // The guided check is a long detour, and the recogniser hears it in "would IPT help me", "im on
  // citalopram can i still do therapy" and "my therapist isn't right for me" alike: it steps aside
  // for any question or topic the matcher can place. A clear request ("am I suitable", "can you
  // check if I'd suit it") matches the check's own question (fit.right-for-me, whose routesTo
  // starts it); a message that fits nothing else starts it as before.
  const detour = intent === 'SuitabilityCheck';
  if (intent !== 'None' && CONTROL_INTENTS.has(intent) && !detour && recognition.score >= thresholds.controlIntent && !yields) {
    // Help's own reply is a menu: a lean towards one question ("where do you get this from", "how
    // do i wipe this chat") is more use, said unsure with the closest questions offered.
    if (intent === 'Help' && top && top.score >= HELP_LEAN && !kb.questions.get(top.id)?.routesTo) return unsure(kb, match, top);
    return { kind: 'intent', intent };
  }
  const offTopic = intent === 'None' && recognition.score >= thresholds.none;
  if (top && top.score >= (offTopic ? Math.max(thresholds.answer, OFF_TOPIC_ANSWER) : thresholds.answer)) {
    return { kind: 'answer', questionId: top.id, score: top.score };
  }
  const topic = match.topics[0];
  // A clear topic beats a topic intent's overview ("what affects the cost of a session" is about
  // cost, whatever the recogniser's WhatToExpect says); with no clear topic the intent's own reply stands.
  const topicClear = topic !== undefined && topic.score >= (offTopic ? OFF_TOPIC_TOPIC : thresholds.topic);
  if (topic && topicClear) {
    const inTopic = match.questions.filter((q) => kb.questions.get(q.id)?.topic === topic.topic);
    const best = inTopic[0]?.id ?? kb.topics.find((t) => t.topic === topic.topic)?.questions[0]?.id;
    if (best) return { kind: 'topic', topic: topic.topic, questionId: best, closest: closestOthers(match, best), score: topic.score };
  }
  // The recogniser heard the check, or a topic, but the matcher leans towards one question: that
  // answer, said with "I'm not quite sure" and the closest questions (only a clear request starts
  // the check; a topic's overview answered too many different questions the same way).
  const leanAt = detour ? DETOUR_LEAN : !CONTROL_INTENTS.has(intent) && intent !== 'None' ? thresholds.intentGuess : undefined;
  if (leanAt !== undefined && top && top.score >= leanAt && !kb.questions.get(top.id)?.routesTo) return unsure(kb, match, top);
  if (intent !== 'None') return { kind: 'intent', intent };
  return { kind: 'didYouMean', closest: match.questions.slice(0, 3).map((q) => q.id) };
}

/** The closest question, said with "I'm not quite sure", and the others offered. */
function unsure(kb: KnowledgeBase, match: QuestionMatch, top: QuestionScore): AnswerPlan {
  return { kind: 'topic', topic: kb.questions.get(top.id)?.topic ?? '', questionId: top.id, closest: closestOthers(match, top.id), score: top.score };
}

function closestOthers(match: QuestionMatch, except: string): string[] {
  return match.questions
    .map((q) => q.id)
    .filter((id) => id !== except)
    .slice(0, 3);
}
