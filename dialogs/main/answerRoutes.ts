import { Dialog, type DialogTurnResult } from 'botbuilder-dialogs';
import type { IntentName } from '../../src/language/recognizer';
import type { QuestionAnswerer } from '../../src/language/questionAnswerer';
import type { AnswerPlan } from '../../src/language/answering';
import { areaOf, isIntentAction, isTopicIntent, type TopicIntent } from '../../src/content/actions';
import { suitabilityLexicon } from '../../src/content/lexicon';
import { interpretAnswer, isFocusArea, type FocusArea } from '../../src/content/suitability';
import type { TopicRequest } from '../../src/content/topics';
import { notedPlace, type AnswerContext } from '../../src/content/answerReplies';
import { t } from '../../src/content/i18n';
import { asksAboutSomeoneElse, movedWithoutPlace, othersNation, saysTheyWantHelp, workPlace } from '../../src/language/contextFacts';
import { asksToEmail, isFitQuestion, isQuestion } from '../../src/language/controlWords';
import { readProfileUpdate, type ProfileUpdate } from '../../src/language/profileUpdate';
import { asksForTheirOwnSupport, asksForYoungPerson } from '../../src/language/youngPerson';
import { adultCounterpart } from '../../src/language/followOn';
import { urgentNumbers } from '../../src/content/urgentNumbers';
import { NATIONS, type Nation } from '../../src/profile';
import { FALLBACK_DIALOG, fallbackVariants, type FallbackOptions } from '../fallbackDialog';
import { HELP_DIALOG, type HelpOptions } from '../helpDialog';
import { GREETING_DIALOG } from '../greetingDialog';
import { GOODBYE_DIALOG } from '../goodbyeDialog';
import { HUMAN_CONTACT_DIALOG, type HumanContactOptions } from '../humanContactDialog';
import { QUESTION_ANSWER_DIALOG, type QuestionAnswerOptions } from '../questionAnswerDialog';
import { nextStepReply, sameAnswers, SUITABILITY_CHECK_DIALOG, withProfile, type CheckProgress, type SuitabilityCheckOptions } from '../suitabilityCheckDialog';
import { TOPIC_ANSWER_DIALOG } from '../topicAnswerDialog';
import { withActions, withButtons } from '../replies';
import { resetMisunderstandings, type MainTurn, type Route } from './turn';
import { listenAfterSafety } from './safetyFirst';

/** "what about in Wales?", "and in Scotland?", "what if I lived in Wales?": the same question for another place. */
const WHAT_ABOUT = /^\s*(?:and\s+|but\s+|so\s+)?(?:(?:what|how)\s+about\b|what\s+if\s+(?:i|we)(?:'m|\s+am|\s+was|\s+were|\s+lived?|\s+moved)\b)|^\s*and\s+(?:in|for|if)\b/i;

/**
 * "what about in wales, is it free there on the nhs": the place comes with a question of its own
 * (a later clause of four words or more), which is answered for that place instead of the last one.
 */
function asksMoreThanPlace(text: string): boolean {
  return text
    .split(/[,.;:!?]+/)
    .slice(1)
    .some((clause) => clause.trim().split(/\s+/).filter(Boolean).length >= 4);
}

/** Answers about helping someone else get IPT: after one, "she's asked me to" is about that person. */
const FOR_SOMEONE_ELSE: ReadonlySet<string> = new Set(['access.help-someone-else', 'about-the-guide.worried-about-someone']);
/** How someone gets IPT themselves: the answer for the person being helped, once they want it. */
const THEIR_OWN_WAY_IN = 'access.self-refer';

/** The knowledge base's answer about IPT for young people (IPT-A), for a parent asking whether it fits their child. */
const YOUNG_PEOPLE_FIT = 'fit.young-people';

/** Intents that leave nothing to answer in a message that names a place: the place is the request. */
const UNCLEAR_WITH_PLACE: ReadonlySet<IntentName> = new Set(['Greeting', 'Help', 'CrisisSupport', 'Cancel']);

/** Starts the dialog for a button or an intent. */
export async function route(turn: MainTurn, route: Route): Promise<DialogTurnResult> {
  if (route.kind === 'action') {
    resetMisunderstandings(turn);
    const area = areaOf(route.action);
    if (area) return answerTopic(turn, 'FocusAreas', area);
    if (isIntentAction(route.action)) return routeIntent(turn, route.action, '');
    return turn.dc.beginDialog(HELP_DIALOG, { mode: 'menu' } satisfies HelpOptions);
  }
  // "can i just email instead": the clinic's email (or that there is none), not an answer about changing details.
  if (route.intent === 'HumanContact' && asksToEmail(turn.locale, route.text)) {
    resetMisunderstandings(turn);
    return routeIntent(turn, 'HumanContact', route.text);
  }
  if (turn.deps.answers) return answer(turn, route.text, route.intent, turn.deps.answers.answerer);
  if (route.intent === 'None') return fallback(turn, []);
  resetMisunderstandings(turn);
  return routeIntent(turn, route.intent, route.text);
}

/**
 * A typed message, answered from the knowledge base where it can be (src/language/answering.ts
 * decides how the intent and the question matcher combine). Context comes first: a place or an
 * age in the message updates this conversation's context and is said back, so it can be corrected.
 */
async function answer(turn: MainTurn, text: string, intent: IntentName, answerer: QuestionAnswerer): Promise<DialogTurnResult> {
  const { dc, locale, state } = turn;
  const { context } = dc;
  if (movedWithoutPlace(text)) {
    const { nation: _old, ...rest } = await turn.deps.profile.get(context, {});
    await turn.deps.profile.set(context, rest);
  }
  // "I've moved" alone asks where now; "I've moved house. How do I give you my new address?" asks
  // something else too, which is answered (for no nation until they say where).
  if (movedWithoutPlace(text) && !asksBesidesMoving(locale, text)) {
    resetMisunderstandings(turn);
    const nations = NATIONS.map((n) => t(locale, `suitability:questions.nation.choices.${n}`));
    await context.sendActivity(withButtons(t(locale, 'answers:askWhereNow'), nations));
    return Dialog.EndOfTurn;
  }
  // A place named with a question ("I'm in Glasgow, can I refer myself?"): the profile already
  // follows it (noteProfileUpdate); say so, so it can be corrected.
  const update = readProfileUpdate(text);
  const lead = update?.nation ? [notedPlace(locale, update.nation, update.place)] : [];
  // "what about in Wales?": the last question again, for the place just named.
  if (update?.nation && WHAT_ABOUT.test(text) && state.lastQuestion && !asksMoreThanPlace(text)) {
    resetMisunderstandings(turn);
    return answerQuestion(turn, { kind: 'answer', questionId: state.lastQuestion, score: 1 }, lead);
  }
  // "what about if my problem is grief?": the same kind of question for one focus area, which its topic answers.
  const askedAbout = WHAT_ABOUT.test(text) ? areasIn(locale, text) : [];
  if (askedAbout.length === 1 && lead.length === 0) {
    resetMisunderstandings(turn);
    return answerTopic(turn, 'FocusAreas', askedAbout[0]);
  }
  // The route's intent may differ from the recogniser's ("ya" is never a goodbye): the route's counts.
  const recognised = await turn.recognize();
  const recognition = recognised.intent === intent ? recognised : { ...recognised, intent };
  // A question's own text (a follow-up or "Did you mean" button) names it, except that asking to
  // check whether IPT fits starts the guided check, which answers that better.
  const labelled = recognition.intent === 'SuitabilityCheck' ? undefined : answerer.questionForLabel(text);
  // "my son is 15 ... can he have ipt": whether IPT fits a young person is IPT-A, said for them (the
  // check asks about the writer, and would take the child's story as theirs).
  const namesYoungPerson = asksForYoungPerson(text);
  // After "my son is 15 ...", "can he refer himself?" is still about him.
  const forYoungPerson = namesYoungPerson || (state.askedForYoungPerson === true && asksAboutSomeoneElse(text));
  // "is there anything she can use herself if she doesnt want to talk to me": Childline is theirs to call.
  if (forYoungPerson && !labelled && asksForTheirOwnSupport(text, locale)) {
    resetMisunderstandings(turn);
    if (lead.length > 0) await context.sendActivities(lead.map((line) => withButtons(line, [])));
    await context.sendActivity(withActions(locale, t(locale, 'common:youngOwnSupport', urgentNumbers(locale)), ['HumanContact', 'AccessNhs']));
    return Dialog.EndOfTurn;
  }
  // "can I refer someone in my team", then "she's asked me to": how she can get it herself (the
  // answer's "you" is her, said so), not a question we cannot place.
  const last = state.lastQuestion;
  if (!labelled && last && FOR_SOMEONE_ELSE.has(last) && saysTheyWantHelp(text) && answerer.kb.questions.has(THEIR_OWN_WAY_IN)) {
    resetMisunderstandings(turn);
    return answerQuestion(turn, { kind: 'answer', questionId: THEIR_OWN_WAY_IN, score: 1 }, [...lead, t(locale, 'answers:forThem')], forYoungPerson);
  }
  if (namesYoungPerson && !labelled && (recognition.intent === 'SuitabilityCheck' || isFitQuestion(locale, text)) && answerer.kb.questions.has(YOUNG_PEOPLE_FIT)) {
    resetMisunderstandings(turn);
    return answerQuestion(turn, { kind: 'answer', questionId: YOUNG_PEOPLE_FIT, score: 1 }, lead, true);
  }
  const plan: AnswerPlan = labelled
    ? { kind: 'answer', questionId: labelled, score: 1 }
    : await answerer.plan(text, locale, recognition, state.lastQuestion);

  if (lead.length > 0 && plan.kind !== 'answer' && plan.kind !== 'topic') await context.sendActivities(lead.map((line) => withButtons(line, [])));
  // "hiya from derry, do yous do ipt here", "hw do i get it im in englnd", "im in northern ireland
  // tho": where they live is the part we can act on, so the last answer again for that place, or its
  // NHS route (never the help menu, which asks for more than they need).
  // (A CrisisSupport guess is the help reply too: the safety gate has already found no risk.)
  const unclear = plan.kind === 'didYouMean' || (plan.kind === 'intent' && UNCLEAR_WITH_PLACE.has(plan.intent));
  if (lead.length > 0 && unclear && update) return answerAgainForContext(turn, update);
  // "my cousin in liverpool just filled a form in": how it works for someone in another nation, not
  // a question we can match. The way in differs across the UK, so the writer's own route again.
  // "my sister lives in belfast, how would she get it": the way in where she lives, for her, whether
  // the matcher was unsure or reached for the general way in; the writer's own place stays as it was.
  const theirs = !update?.nation && (unclear || asksNhsWayIn(plan)) ? othersNation(text) : undefined;
  if (theirs && asksAboutSomeoneElse(text) && text.split(/[,.;!?]/).some((clause) => isQuestion(locale, clause.trim()))) {
    resetMisunderstandings(turn);
    // "and what about me in swindon" next: the way in again, for the writer's own place.
    state.lastQuestion = answerer.kb.questions.has(NHS_WAY_IN_MAIN) ? NHS_WAY_IN_MAIN : undefined;
    return answerTopic(turn, 'AccessNhs', undefined, theirs, [t(locale, 'answers:forThemIn', { nation: nationName(locale, theirs) })]);
  }
  const elsewhere = unclear && !update?.nation ? othersNation(text) : undefined;
  const own = elsewhere ? (await turn.deps.profile.get(context, {})).nation : undefined;
  // "what if i work in wales half the year", "i live in a different area to where i work": the way in
  // follows the GP surgery, not the workplace (and a place of work is never kept as home).
  const work = unclear || plan.kind === 'intent' ? workPlace(text) : undefined;
  if (work) {
    resetMisunderstandings(turn);
    state.lastQuestion = undefined;
    if (!work.nation) {
      await context.sendActivity(withActions(locale, t(locale, 'answers:workPlace'), ['AccessNhs', 'HumanContact']));
      return Dialog.EndOfTurn;
    }
    // A nation named for work: its way in, for the person to match to where their GP is.
    return answerTopic(turn, 'AccessNhs', undefined, work.nation, [t(locale, 'answers:workPlaceIn', { nation: nationName(locale, work.nation) })]);
  }
  if (elsewhere && own && elsewhere !== own) {
    resetMisunderstandings(turn);
    await context.sendActivity(withButtons(t(locale, 'answers:elsewhereDiffers'), []));
    return answerTopic(turn, 'AccessNhs');
  }

  switch (plan.kind) {
    case 'answer':
    case 'topic': {
      resetMisunderstandings(turn);
      // "my daughter is 15, can she refer herself?": the under-18 answer, for this answer only.
      // "how much roughly?" right after the price answer matches it again: say so, rather than send
      // the same reply twice in a row as if it were new.
      if (plan.kind === 'answer' && plan.questionId === state.lastQuestion && lead.length === 0 && !forYoungPerson) lead.push(t(locale, 'answers:sameAgain'));
      return answerQuestion(turn, plan, lead, forYoungPerson);
    }
    case 'didYouMean':
      return fallback(
        turn,
        plan.closest.map((id) => answerer.kb.questions.get(id)?.question ?? '').filter(Boolean),
      );
    case 'intent':
      resetMisunderstandings(turn);
      return routeIntent(turn, plan.intent, text);
  }
}

/**
 * "what about in Wales?", "I'm 18 now": noteProfileUpdate has said what it noted; the last
 * question (or the check's summary) is answered again for the new context, so the follow-up gets
 * its answer.
 */
export async function answerAgainForContext(turn: MainTurn, update: ProfileUpdate): Promise<DialogTurnResult> {
  const { state, dc } = turn;
  const last = state.lastQuestion;
  resetMisunderstandings(turn);
  // Right after the check: its summary and next step again, for the new place or age.
  if (!last && state.lastCheck?.finished) return checkAgainWith(turn, withProfile(state.lastCheck.progress, await turn.deps.profile.get(dc.context, {})));
  // A place with nothing asked yet ("newry"), or after an answer that is the same everywhere ("how
  // long are the waits?"): that nation's NHS route, the thing a place changes.
  const variants = (last && turn.deps.answers?.answerer.kb.questions.get(last)?.variants) || [];
  // The same when the answer has no words for the new nation: it would only repeat itself.
  if (update.nation && !variants.some((variant) => variant.when.nation === update.nation)) return answerTopic(turn, 'AccessNhs');
  // "im 74 not 14" after an answer for young people: the adult question that leads to it.
  const grownUp = update.adult === true || (update.ageGroup !== undefined && update.ageGroup !== 'under_18');
  const forAdults = grownUp && last && turn.deps.answers ? adultCounterpart(turn.deps.answers.answerer.kb, last) : undefined;
  if (forAdults) return answerQuestion(turn, { kind: 'answer', questionId: forAdults, score: 1 }, []);
  const ageMatters = variants.some((variant) => variant.when.ageGroup);
  // An age after an answer that is the same at every age ("66" after how long IPT lasts), once the
  // check has run: the check asked for it, so its next step for that age.
  if (!update.nation && !ageMatters && state.lastCheck?.finished) {
    return checkAgainWith(turn, withProfile(state.lastCheck.progress, await turn.deps.profile.get(dc.context, {})));
  }
  // Otherwise an age after an answer that is the same at every age: noted, and nothing said twice.
  if (!turn.deps.answers || !last || (!update.nation && !ageMatters)) return Dialog.EndOfTurn;
  return answerQuestion(turn, { kind: 'answer', questionId: last, score: 1 }, []);
}

/**
 * The finished check with an answer given or changed after its summary: the summary again when the
 * answers changed, or only the next step when they did not (the same summary twice says nothing new).
 */
export async function checkAgainWith(turn: MainTurn, progress: CheckProgress): Promise<DialogTurnResult> {
  const { state, dc } = turn;
  const before = state.lastCheck?.progress;
  resetMisunderstandings(turn);
  if (before && sameAnswers(before, progress)) {
    await dc.context.sendActivity(nextStepReply(turn.locale, progress));
    return Dialog.EndOfTurn;
  }
  state.lastCheck = undefined;
  return dc.beginDialog(SUITABILITY_CHECK_DIALOG, { progress, updated: true } satisfies SuitabilityCheckOptions);
}

export async function answerQuestion(
  turn: MainTurn,
  plan: Extract<AnswerPlan, { kind: 'answer' | 'topic' }>,
  lead: string[],
  forYoungPerson = false,
): Promise<DialogTurnResult> {
  const { state } = turn;
  state.lastQuestion = plan.questionId;
  state.lastTopic = turn.deps.answers?.answerer.kb.questions.get(plan.questionId)?.topic;
  const options: QuestionAnswerOptions = {
    questionId: plan.questionId,
    context: { ...(await answerContext(turn)), ...(forYoungPerson ? { ageGroup: 'under_18' as const } : {}) },
    mode: plan.kind,
    ...(plan.kind === 'topic' ? { closest: plan.closest } : {}),
    ...(plan.also ? { also: plan.also } : {}),
    lead,
  };
  return turn.dc.beginDialog(QUESTION_ANSWER_DIALOG, options);
}

/** This conversation's context: the profile (the check's answers, and places and ages people mention). */
async function answerContext(turn: MainTurn): Promise<AnswerContext> {
  const { nation, ageGroup } = await turn.deps.profile.get(turn.dc.context, {});
  return { ...(nation ? { nation } : {}), ...(ageGroup ? { ageGroup } : {}) };
}

/** A part of the message besides the move that opens like a question ("I've moved. Can I still come?"). */
function asksBesidesMoving(locale: string, text: string): boolean {
  return text
    .split(/(?<=[.!?;,])\s+|\s+(?:and|but|so)\s+/i)
    .some((part) => part.trim() !== '' && !movedWithoutPlace(part) && isQuestion(locale, part.trim()));
}

/** Nothing matched: "Did you mean ...?" in a wording that differs from last time. */
async function fallback(turn: MainTurn, suggestions: string[]): Promise<DialogTurnResult> {
  const listened = await listenAfterSafety(turn);
  if (listened) return listened;
  const { state } = turn;
  state.misunderstandings = (state.misunderstandings ?? 0) + 1;
  const variant = state.lastFallback === undefined ? 0 : (state.lastFallback + 1) % fallbackVariants(turn.locale);
  state.lastFallback = variant;
  return turn.dc.beginDialog(FALLBACK_DIALOG, { misunderstandings: state.misunderstandings, suggestions, variant } satisfies FallbackOptions);
}

async function routeIntent(turn: MainTurn, intent: Exclude<IntentName, 'None'>, text: string): Promise<DialogTurnResult> {
  if (isTopicIntent(intent)) {
    return answerTopic(turn, intent, intent === 'FocusAreas' ? singleArea(turn.locale, text) : undefined);
  }
  const { dc } = turn;
  switch (intent) {
    case 'SuitabilityCheck':
      return beginCheck(turn);
    case 'Greeting':
      return dc.beginDialog(GREETING_DIALOG);
    case 'Help':
    case 'CrisisSupport':
      return dc.beginDialog(HELP_DIALOG, { mode: 'help' } satisfies HelpOptions);
    case 'Cancel':
      return dc.beginDialog(HELP_DIALOG, { mode: 'nothingToCancel' } satisfies HelpOptions);
    case 'Goodbye':
      return dc.beginDialog(GOODBYE_DIALOG);
    case 'HumanContact':
      return dc.beginDialog(HUMAN_CONTACT_DIALOG, {
        forYoungPerson: turn.state.askedForYoungPerson === true,
        byEmail: asksToEmail(turn.locale, text),
      } satisfies HumanContactOptions);
  }
}

/**
 * A topic's answer for this conversation's context, or for a place that is not the person's home
 * (`elsewhere`: someone else's, or where they work; the person's own age and place then play no part), after any lead lines.
 */
export async function answerTopic(turn: MainTurn, topic: TopicIntent, area?: FocusArea, elsewhere?: Nation, lead: string[] = []): Promise<DialogTurnResult> {
  const context = elsewhere ? { nation: elsewhere, elsewhere: true } : await answerContext(turn);
  const request: TopicRequest = { topic, ...(area ? { area } : {}), ...context };
  if (lead.length > 0) await turn.dc.context.sendActivities(lead.map((line) => withButtons(line, [])));
  return turn.dc.beginDialog(TOPIC_ANSWER_DIALOG, request);
}

/** Answers that give the general NHS way in, or to it for someone else: a nation named for another person changes them. */
const NHS_WAY_IN_MAIN = 'access.get-ipt-nhs';
const NHS_WAY_IN: ReadonlySet<string> = new Set([NHS_WAY_IN_MAIN, 'access.help-someone-else', 'access.self-refer']);

function asksNhsWayIn(plan: AnswerPlan): boolean {
  if (plan.kind === 'intent') return plan.intent === 'AccessNhs';
  return (plan.kind === 'answer' || plan.kind === 'topic') && NHS_WAY_IN.has(plan.questionId);
}

function nationName(locale: string, nation: Nation): string {
  return t(locale, `suitability:questions.nation.choices.${nation}`);
}

/**
 * A fresh check; after a crisis hand-off in this conversation its summary says support comes first,
 * and under-18 routes already given are not given again.
 */
export async function beginCheck(turn: MainTurn): Promise<DialogTurnResult> {
  const { state } = turn;
  const options: SuitabilityCheckOptions = { ...(state.handedOff ? { safetyFirst: true } : {}), ...(state.youngRoutesGiven ? { youngRoutesGiven: true } : {}) };
  return turn.dc.beginDialog(SUITABILITY_CHECK_DIALOG, options);
}

/** The focus areas the last answer was about ("My mum or dad died...": grief; "I feel lonely since I moved": two). */
export function lastAnswerAreas(turn: MainTurn): FocusArea[] {
  const last = turn.state.lastQuestion;
  const question = last ? turn.deps.answers?.answerer.kb.questions.get(last)?.question : undefined;
  return question ? areasIn(turn.locale, question) : [];
}

/** The focus areas a message names ("lost my wife": grief). */
export function areasIn(locale: string, text: string): FocusArea[] {
  return interpretAnswer('concern', text, suitabilityLexicon(locale)).filter(isFocusArea);
}

/** "tell me about grief" asks for one focus area; "what are the focus areas" for all four. */
function singleArea(locale: string, text: string): FocusArea | undefined {
  const areas = areasIn(locale, text);
  return areas.length === 1 ? areas[0] : undefined;
}
