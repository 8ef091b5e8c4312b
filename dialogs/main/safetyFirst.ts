import { Dialog, type DialogTurnResult } from 'botbuilder-dialogs';
import { t, tObject } from '../../src/content/i18n';
import type { RiskAssessment } from '../../src/safety/types';
import { withWorkFrame, workFrameAfter } from '../../src/safety/workFrame';
import { safetyReply } from '../../src/safety/safetyReply';
import { readSafeNow } from '../../src/safety/safetyAnswers';
import { readAheadRequest } from '../../src/safety/routeRequest';
import { EMERGENCY_SUPPORT_DIALOG, isSettled, keptInView, stepsAside, type EmergencySupportOptions } from '../emergencySupportDialog';
import { closeCheckInForQuestion, fittingLines, RISK_CHECK_IN_DIALOG, withFittingLines, type RiskCheckInOptions } from '../riskCheckInDialog';
import { classifyControl, isQuestion } from '../../src/language/controlWords';
import { SAFETY_PLAN_DIALOG } from '../safetyPlanDialog';
import { cannotRead, QUESTION_ASIDE_KEY, routesById, routeValues, sendSafetyNote, withRouteButtons } from '../safetyDialogShared';
import { answerWords } from '../../src/content/answerReplies';
import type { IntentName } from '../../src/language/recognizer';
import { mainQuestionFor } from '../../src/content/knowledgeBase';
import { markSafetyFirst, pauseCheck, SUITABILITY_CHECK_DIALOG } from '../suitabilityCheckDialog';
import { keepProfileFrom } from '../keptProfile';
import { PROFILE_NOTED_KEY, RISK_ASSESSMENT_KEY, SAFETY_RESPONSE_KEY, type ProfileNoted, type SafetyResponse } from '../turnState';
import { asksForTheirOwnSupport } from '../../src/language/youngPerson';
import { asksAboutSomeoneElse } from '../../src/language/contextFacts';
import type { MainTurn } from './turn';

/**
 * The CrisisSupport intent never starts a safety dialog by itself: the safety gate's detector,
 * which runs first on every message, decides that. Measured on 1,000 messages written blind to the
 * product (test/safety/fresh f-r), every message the intent claimed and the detector left alone was
 * benign (medication questions, rows, grief: "is it safe to stop my pills" scored 0.96). So such a
 * guess gets the help reply, which always says how to get help now, and never hides a usable answer.
 */
export const SAFETY_DIALOGS: ReadonlySet<string> = new Set([EMERGENCY_SUPPORT_DIALOG, RISK_CHECK_IN_DIALOG, SAFETY_PLAN_DIALOG]);

/**
 * Safety first, in every state: a risk message pushes its safety reply on top of the stack. A
 * settled emergency dialog (the person said they are safe and was offered what next) steps aside
 * for any message that is not one of its choices, so that message is handled as usual by the
 * dialog below, or routed.
 */
export async function safetyFirst(turn: MainTurn): Promise<DialogTurnResult | undefined> {
  const { dc } = turn;
  const { context } = dc;
  const risk = riskInFrame(turn);
  const active = dc.activeDialog;
  // Nation and age said with the risk ("im 15 and...", "live in dundee...") or during the safety
  // reply tailor its routes: kept in the profile first, as everywhere else in the bot.
  if (risk || (active && SAFETY_DIALOGS.has(active.id))) {
    const kept = await keepProfileFrom(context, turn.deps);
    if (kept) context.turnState.set(PROFILE_NOTED_KEY, { profile: kept.profile, onlyContext: kept.update.onlyContext } satisfies ProfileNoted);
  }
  // "how long is the wait" while "are you safe?" is open: the dialog gives a short answer beside 999 and the question.
  if (active?.id === EMERGENCY_SUPPORT_DIALOG && !isSettled(active)) {
    const aside = await findQuestionAside(turn);
    if (aside) context.turnState.set(QUESTION_ASIDE_KEY, aside);
  }
  if (risk && guessAtYoungPersonsOwnSupport(turn, risk)) {
    // The answer names Childline, there day or night: that is this turn's safety line.
    context.turnState.delete(RISK_ASSESSMENT_KEY);
    context.turnState.set(SAFETY_RESPONSE_KEY, 'note' satisfies SafetyResponse);
    return undefined;
  }
  if (risk) return beginSafetyDialog(turn, risk);
  // A question instead of the check-in's yes or no, or a step back into the check ("right back to
  // the questions"): the check-in closes gently and the message is handled as usual.
  if (active && (await closeCheckInForQuestion(context, active, isQuestion(turn.locale, turn.text) || stepsBackIntoCheck(turn)))) {
    dc.stack.pop();
    return undefined;
  }
  if (active && isSettled(active) && stepsAside(active, turn.text, turn.locale)) {
    // Ends it without resuming the dialog below: this message is that dialog's, and it answers it.
    // A check underneath waits for the person to choose to carry on; it never pushes its question.
    dc.stack.pop();
    pauseCheck(dc.activeDialog);
    const inView = keptInView(active, turn.locale);
    if (inView) await context.sendActivity(inView);
  }
  return undefined;
}

/** Control words that take the person back into the check under a check-in ("back to the questions", "start again"). */
const BACK_INTO_CHECK: ReadonlySet<string> = new Set(['resume', 'restart', 'back', 'change']);

/** The check waits under the check-in, and the message asks to go on with it. */
function stepsBackIntoCheck(turn: MainTurn): boolean {
  const below = turn.dc.stack[1];
  if (below?.id !== SUITABILITY_CHECK_DIALOG) return false;
  const control = classifyControl(turn.locale, turn.text);
  return control !== undefined && BACK_INTO_CHECK.has(control.kind);
}

/**
 * A parent asking about their child ("my son is 15 ..."), then "is there anything he could use
 * himself if he won't talk to me": a guess by the backstop alone, short of urgent, at a question
 * about what the young person can reach on their own is that question, not a worry about the
 * parent. Answered with Childline (answerRoutes), never the check-in about the writer. Nothing
 * open: inside a safety reply the dialog reads the message itself.
 */
function guessAtYoungPersonsOwnSupport(turn: MainTurn, risk: RiskAssessment): boolean {
  const { state, text, locale, dc } = turn;
  if (risk.possible !== true || risk.severity === 'immediate' || dc.activeDialog !== undefined) return false;
  return state.askedForYoungPerson === true && asksAboutSomeoneElse(text) && asksForTheirOwnSupport(text, locale);
}

/** Intents that ask about the bot or for help, not about IPT: the crisis reply itself answers them. */
const NOT_ABOUT_IPT: ReadonlySet<IntentName> = new Set(['Help', 'CrisisSupport', 'Greeting', 'Goodbye', 'Cancel', 'None']);

/**
 * The knowledge-base answer to a question about IPT or the service asked in the middle of a crisis
 * reply ("is it free", "is ipt for people like me", "ok thanks, and is there therapy for me"), or
 * undefined. Only a clear match: a guess ("what should I do" near "what to do while waiting", "could
 * ipt help her" near "bereaved by suicide") would be worse than none here. "Is it for me" gets the
 * fit answer, never the check's first question.
 */
async function findQuestionAside(turn: MainTurn): Promise<string | undefined> {
  const { dc, locale, text } = turn;
  const answers = turn.deps.answers;
  if (!answers || !asksSomething(locale, text) || cannotRead(dc.context)) return undefined;
  const recognition = await turn.recognize();
  const plan = await answers.answerer.plan(text, locale, recognition);
  const { kb } = answers.answerer;
  const clear = plan.kind === 'answer' && plan.score >= (NOT_ABOUT_IPT.has(recognition.intent) ? 0.6 : 0.5);
  const intent = plan.kind === 'intent' ? plan.intent : recognition.score >= 0.5 ? recognition.intent : undefined;
  // Short of a clear question, the question that stands for the intent the recogniser is sure of
  // ("could ipt help her"): the registry's mainFor, or the check's own question; none for intents
  // about the bot or asking for a person.
  const question = clear ? kb.questions.get(plan.questionId) : intent && !NOT_ABOUT_IPT.has(intent) && intent !== 'HumanContact' ? mainQuestionFor(kb, intent) : undefined;
  if (!question) return undefined;
  const { nation, ageGroup } = await turn.deps.profile.get(dc.context, {});
  return answerWords(locale, question, { ...(nation ? { nation } : {}), ...(ageGroup ? { ageGroup } : {}) }, answers.deployment);
}

/** A question anywhere in the message: "ok thanks, and is there therapy for me" asks in its second clause. */
function asksSomething(locale: string, text: string): boolean {
  return isQuestion(locale, text) || text.split(/[,.;!]|\band\b|\bbut\b/i).some((clause) => clause.trim() !== '' && isQuestion(locale, clause.trim()));
}

/**
 * The gate's risk as this conversation reads it: a work or study frame set in an earlier message
 * carries to the next general question ("is there evidence it reduces suicidal ideation"). Keeps
 * the frame for the next turn.
 */
function riskInFrame(turn: MainTurn): RiskAssessment | undefined {
  const { context } = turn.dc;
  const found = context.turnState.get(RISK_ASSESSMENT_KEY) as RiskAssessment | undefined;
  if (context.activity.type !== 'message') return found;
  const state = turn.state;
  const open = state.workFrame === true;
  if (workFrameAfter(turn.text, open)) state.workFrame = true;
  else delete state.workFrame;
  if (!found) return undefined;
  const risk = withWorkFrame(found, turn.text, open);
  if (risk !== found) context.turnState.set(RISK_ASSESSMENT_KEY, risk);
  return risk;
}

/**
 * An open safety dialog reads the turn itself, the answer and any new risk together, so it never
 * starts over (once the person is safe, only a new hand-off-level risk reaches it). A clear risk
 * during the gentle check-in replaces it with the hand-off; an urgent one during the safety plan
 * puts the hand-off on top (the plan asks its question again after). Past and over, or work and
 * study: a short note, then the message is answered as usual.
 */
async function beginSafetyDialog(turn: MainTurn, risk: RiskAssessment): Promise<DialogTurnResult | undefined> {
  const { dc } = turn;
  const options: EmergencySupportOptions = {
    assessment: risk,
    profile: await turn.deps.profile.get(dc.context, {}),
  };
  const reply = safetyReply(risk);
  const { mode } = reply;
  // The check underneath waits until the person chooses to carry on after the hand-off.
  if (mode === 'handoff') {
    markSafetyFirst(dc.activeDialog);
    // The person's own crisis (not a worry about someone else, not a physical emergency) comes first in a later check too.
    const own = risk.category === 'harm_to_others' || (risk.category !== 'medical' && (risk.who ?? 'self') === 'self');
    if (own) turn.state.handedOff = true;
  }
  if (isSettled(dc.activeDialog)) {
    // "what if it gets bad again tonight", just after saying they are safe: a guess by the backstop
    // alone at a question about later is the reply's own to answer (the lines open any time, then
    // the plan), not a reason to ask again whether they are safe.
    if (risk.possible === true && readAheadRequest(turn.text, turn.locale, options.profile.nation)) return dc.continueDialog();
    // Already safe and only being offered what next. A signal short of urgent about themselves ("I
    // just feel like such a burden") gets the gentle check-in, not the whole hand-off again (the
    // detector may call it a hand-off: what they said before decides here). Past and over, or
    // work and study, is handled as if nothing were open.
    const lesser = mode === 'checkIn' || (mode === 'handoff' && risk.severity !== 'immediate' && reply.kind === 'self');
    if (lesser || mode !== 'handoff') dc.stack.pop();
    if (lesser) return dc.beginDialog(RISK_CHECK_IN_DIALOG, { ...options, afterCrisis: true } satisfies RiskCheckInOptions);
  }
  switch (dc.activeDialog?.id) {
    case EMERGENCY_SUPPORT_DIALOG:
      return dc.continueDialog();
    case RISK_CHECK_IN_DIALOG:
      return mode === 'handoff' ? dc.replaceDialog(EMERGENCY_SUPPORT_DIALOG, options) : dc.continueDialog();
    case SAFETY_PLAN_DIALOG:
      return mode === 'handoff' && risk.severity === 'immediate'
        ? dc.beginDialog(EMERGENCY_SUPPORT_DIALOG, { ...options, lead: 'repeat', inPlan: true })
        : dc.continueDialog();
  }
  switch (mode) {
    case 'past':
    case 'professional':
      await sendSafetyNote(turn.deps.safety, dc.context, mode, risk);
      return undefined;
    case 'checkIn':
      return dc.beginDialog(RISK_CHECK_IN_DIALOG, options);
    case 'handoff':
      return dc.beginDialog(EMERGENCY_SUPPORT_DIALOG, options);
  }
}

/**
 * Soon after the risk check-in closed, a message the guide cannot place ("bit calmer now, just sitting here",
 * "maybe not, i dunno"): someone who has just talked about their safety gets help and room to say
 * more, with their nation's own line, never "Did you mean ...?" and a list of topics. Two wordings,
 * then the usual reply. Undefined when it does not apply.
 */
export async function listenAfterSafety(turn: MainTurn): Promise<DialogTurnResult | undefined> {
  const { state, locale, dc } = turn;
  const given = state.afterSafetyMisses;
  const wordings = tObject<string[]>(locale, 'safety:checkIn.afterSafetyMiss');
  if (given === undefined || given >= wordings.length) return undefined;
  state.afterSafetyMisses = given + 1;
  const profile = await turn.deps.profile.get(dc.context, {});
  const reply = withFittingLines(locale, t(locale, `safety:checkIn.afterSafetyMiss.${given}`, routeValues(locale)), profile);
  await dc.context.sendActivity(withRouteButtons(locale, reply, [...routesById(locale, ['samaritans', 'emergency']), ...fittingLines(locale, profile)]));
  return Dialog.EndOfTurn;
}

/**
 * "ok", "fine", "mm" just after the risk check-in closed on a "no" or no answer. Someone who has
 * just been asked about harming themselves and answers in one flat word is not saying all is well:
 * no "you're welcome" and menu of topics, but that help is still there and room to say more (two
 * wordings, then the usual reply). Anything else said ends this. Undefined when it does not apply.
 */
/** Words at most in a flat answer just after the check-in (longer messages say something of their own). */
const FLAT_WORDS = 4;

export async function quietAfterCheckIn(turn: MainTurn, typed: boolean): Promise<DialogTurnResult | undefined> {
  const { state, locale, dc, text } = turn;
  const answered = state.quietAfterCheckIn;
  if (answered === undefined) return undefined;
  // Read as the safety dialogs read answers: a bare "ok", "fine", "mm" or "I'm fine" and nothing else.
  const reading = readSafeNow(text, locale);
  const acknowledgement = typed && (reading.label === 'ack' || reading.weak === true);
  // "naw not really", "dunno", a bare "no": a few flat words that may take back the answer just
  // given ("am grand"). Not read as safe either way: help, with their nation's own line, and room to say more.
  const flat = typed && (reading.label === 'notSafe' || reading.label === 'unsure') && text.trim().split(/\s+/).length <= FLAT_WORDS;
  const wordings = tObject<string[]>(locale, 'safety:checkIn.quietAck');
  if (!(acknowledgement || flat) || answered >= wordings.length) {
    state.quietAfterCheckIn = undefined;
    return undefined;
  }
  state.quietAfterCheckIn = answered + 1;
  if (flat) {
    const profile = await turn.deps.profile.get(dc.context, {});
    const reply = withFittingLines(locale, t(locale, 'safety:checkIn.quietNo', routeValues(locale)), profile);
    await dc.context.sendActivity(withRouteButtons(locale, reply, [...routesById(locale, ['samaritans', 'emergency']), ...fittingLines(locale, profile)]));
    return Dialog.EndOfTurn;
  }
  const routeIds = answered === 0 ? ['samaritans'] : ['emergency'];
  await dc.context.sendActivity(withRouteButtons(locale, t(locale, `safety:checkIn.quietAck.${answered}`, routeValues(locale)), routesById(locale, routeIds)));
  return Dialog.EndOfTurn;
}
