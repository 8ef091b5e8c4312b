import { MessageFactory, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { t } from '../src/content/i18n';
import { crisisRouteTable, type CrisisRoute } from '../src/safety/crisisRoutes';
import { routeBullets, routeLine, settingLines } from '../src/safety/crisisRoutesText';
import type { UserProfile } from '../src/profile';
import { asksWhatWasMeant, checkInAnswer, readSafeNow, safetyRequest, type CheckInAnswer } from '../src/safety/safetyAnswers';
import { asksAboutSomeoneElse, checkInQuestionKey, loadSafetyReplyWords, safetyReply, speaksOfSomeoneElse } from '../src/safety/safetyReply';
import { saysAnyOf, settingsIn, type Setting } from '../src/safety/replySetting';
import type { RiskAssessment } from '../src/safety/types';
import { EMERGENCY_SUPPORT_DIALOG, type EmergencySupportOptions } from './emergencySupportDialog';
import { SAFETY_PLAN_DIALOG, type SafetyPlanOptions } from './safetyPlanDialog';
import {
  chosen,
  cannotRead,
  localeOf,
  markResponded,
  questionActivity,
  recordSafetyEvent,
  requestedRoutes,
  requestedRoutesActivity,
  routesById,
  routeValues,
  sendSafetyEvent,
  withRouteButtons,
  type SafetyChoice,
  type SafetyDialogDeps,
  type SafetyDialogOptions,
} from './safetyDialogShared';

export const RISK_CHECK_IN_DIALOG = 'riskCheckIn';
export interface RiskCheckInOptions extends SafetyDialogOptions {
  /** true right after a crisis reply the person said they were safe after: the banner is already up, so no second event */
  afterCrisis?: boolean;
}

/** The dialog's state: its options, and how often the question was asked (asked again, it is said in other words). */
interface CheckInState extends RiskCheckInOptions {
  asks?: number;
  /** where the person is or what is going on for them, from the message that opened the check-in */
  settings?: Setting[];
}

export interface RiskCheckInResult {
  answer: CheckInAnswer;
}

type CheckInChoice = 'yes' | 'no';

/** Asks at most: the question, once again after a route was given, or once in plainer words. */
const MAX_ASKS = 2;

/** The routes the check-in keeps one tap away: 999, Samaritans and Shout. */
const CHECK_IN_ROUTES = ['emergency', 'samaritans', 'shout'];

/**
 * For a negated risk message ("I'm not suicidal, just sad") or one only the statistical backstop
 * flagged (possible): never a silent pass and never the full hand-off, but one gentle, direct
 * question. Even before the answer the person is never left without a route: the host page gets the
 * emergencySupport event (it pins its crisis banner) and one short line gives 999 and Samaritans.
 * Yes or not sure hands over to the emergency dialog in its place; no gets thanks and where help is
 * anyway, in one line.
 */
export class RiskCheckInDialog extends Dialog<RiskCheckInOptions> {
  constructor(private readonly deps: SafetyDialogDeps = {}) {
    super(RISK_CHECK_IN_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: RiskCheckInOptions): Promise<DialogTurnResult> {
    if (!options) throw new Error('RiskCheckInDialog needs an assessment');
    const { context } = dc;
    const locale = localeOf(context);
    const text = context.activity.text ?? '';
    const assessment = aboutWhom(options.assessment, text, locale);
    const settings = settingsIn(text, loadSafetyReplyWords(locale).settings);
    const state: CheckInState = { ...options, assessment, settings };
    dc.activeDialog!.state = state;
    await recordSafetyEvent(this.deps, context, options.assessment, 'checkIn');
    // Severity is always concern here: the banner shows, the full hand-off waits for the answer.
    // After a crisis reply in this conversation the banner is already up: no second hand-off signal.
    // Someone who opened by saying they are safe ("im safe, i just feel like a burden") gets the
    // question and the routes, without a crisis banner pinned over what they said.
    if (!options.afterCrisis && options.assessment.saidSafe !== true) await sendSafetyEvent(this.deps, context, { category: options.assessment.category, severity: 'concern' });
    // Pregnant, a new baby, on a ward: who is close by comes before the question, not only after a yes.
    const reply = safetyReply(assessment);
    // Someone who may hurt someone: the line for changing that, before the question.
    const respect = reply.audience === 'everyone' ? routesById(locale, ['respect']).map((route) => routeLine(locale, route)) : [];
    const nearby = [...respect, ...settingLines(locale, reply, { ...options.profile, settings })];
    const routesLine = withFittingLines(locale, t(locale, 'safety:checkIn.routesLine', routeValues(locale)), options.profile);
    await context.sendActivity(MessageFactory.text([routesLine, ...nearby].join('\n\n')));
    await this.ask(context, state);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { context } = dc;
    if (context.activity.type !== 'message') return Dialog.EndOfTurn;
    const state = dc.activeDialog!.state as CheckInState;
    const { asks: _asks, ...options } = state;
    const locale = localeOf(context);
    markResponded(context, 'checkIn');
    const text = context.activity.text ?? '';
    const unreadable = cannotRead(context);
    // Not wanting to call anyone is no "no": the question touched something. Cautious: as unsure.
    const reluctant = !unreadable && readSafeNow(text, locale).reluctant;
    const answer: CheckInAnswer = unreadable ? 'unknown' : reluctant ? 'unsure' : (chosen(text, yesNo(locale)) ?? checkInAnswer(text, locale));
    this.deps.logger?.debug({ event: 'check_in_answer', answer }, 'answer to the risk check-in');

    // "yeah, but honestly i'm safe now": the thoughts are there, and they say clearly they are safe.
    // Thanks and help kept handy, not the hand-off with 999 on every turn.
    if (answer === 'yes' && !unreadable && ownThoughtsQuestion(state.assessment) && saysClearlySafe(text, locale)) {
      await sendClosing(context, options.profile, 'safeNow');
      return dc.endDialog({ answer: 'no' } satisfies RiskCheckInResult);
    }
    if (answer === 'yes' || answer === 'unsure') {
      // After a crisis reply the banner is already up: the hand-off again, without a second event.
      return dc.replaceDialog(EMERGENCY_SUPPORT_DIALOG, { ...options, lead: 'afterCheckIn', bannerUp: options.afterCrisis } satisfies EmergencySupportOptions);
    }
    // "can you help me make a plan for if it gets bad again": the safety plan, in this dialog's place.
    if (!unreadable && safetyRequest(text, locale) === 'plan') {
      return dc.replaceDialog(SAFETY_PLAN_DIALOG, { profile: options.profile } satisfies SafetyPlanOptions);
    }
    // "whats the text one again": that route, then the question again.
    const asked = answer === 'unknown' ? requestedRoutes(context, options.profile, { main: CHECK_IN_ROUTES, more: [] }) : undefined;
    if (asked && asked.length > 0) {
      await context.sendActivity(requestedRoutesActivity(locale, asked));
      await this.ask(context, state);
      return Dialog.EndOfTurn;
    }
    // "wat", "what do you mean": the question was not understood, so it is no answer. Once more, in
    // plainer words (then an answer like any other): closing here left the risk unasked.
    if (answer === 'unknown' && !unreadable && (state.asks ?? 0) < MAX_ASKS && asksWhatWasMeant(text, locale)) {
      const plain = asksAboutSomeoneElse(state.assessment) ? 'safety:checkIn.plainSomeone' : 'safety:checkIn.plain';
      state.asks = MAX_ASKS;
      await context.sendActivity(MessageFactory.text(withFittingLines(locale, t(locale, 'safety:checkIn.routesLine', routeValues(locale)), options.profile)));
      await context.sendActivity(questionActivity(context, t(locale, plain), yesNo(locale)));
      return Dialog.EndOfTurn;
    }
    // "mostly to my partner, since i lost my job": they said more, not "you don't have to answer".
    const toldMore = answer === 'unknown' && !unreadable && text.trim().split(/\s+/).length >= 5;
    await sendClosing(context, options.profile, unreadable ? 'unreadable' : toldMore ? 'toldMore' : answer);
    return dc.endDialog({ answer } satisfies RiskCheckInResult);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.ask(context, instance.state as CheckInState);
  }

  /** The question; asked again (after a route given, or a message in another language), in other words. */
  private async ask(context: TurnContext, state: CheckInState): Promise<void> {
    const locale = localeOf(context);
    const again = asksAboutSomeoneElse(state.assessment) ? 'safety:checkIn.againSomeone' : 'safety:checkIn.again';
    const text = (state.asks ?? 0) % 2 === 0 ? t(locale, `safety:checkIn.question.${checkInQuestionKey(state.assessment)}`) : t(locale, again);
    state.asks = (state.asks ?? 0) + 1;
    await context.sendActivity(questionActivity(context, text, yesNo(locale)));
  }
}

/**
 * A guess by the backstop alone does not say whose risk it is. When the message speaks of another
 * person more than of the writer, the check-in asks about that person, and a yes opens the reply for
 * helping someone else ("are they safe?"), not "are you safe?".
 */
function aboutWhom(assessment: RiskAssessment, text: string, locale: string): RiskAssessment {
  if (assessment.possible !== true) return assessment;
  const who = assessment.who ?? 'self';
  // "threw a plate at my girlfriend, i need to stop before i hurt her": the writer may hurt someone.
  // Asked about that, with the Respect Phone Line, never "is someone harming you?" (the victim's script).
  if ((who === 'self' || assessment.category === 'harm_to_others') && saysAnyOf(text, loadSafetyReplyWords(locale).writerMayHurt)) {
    return { ...assessment, category: 'harm_to_others', who: who === 'self' ? 'adult' : who, possible: false };
  }
  if (who !== 'self' || !speaksOfSomeoneElse(text)) return assessment;
  return { ...assessment, who: 'adult' };
}

/**
 * The question asked about the writer's own thoughts of harm: "yes, but I'm safe" answers it. Not
 * about someone harming them (safe now is not safe at home) or about someone else.
 */
function ownThoughtsQuestion(assessment: RiskAssessment): boolean {
  const key = checkInQuestionKey(assessment);
  return key === 'suicide' || key === 'self_harm' || key === 'possible';
}

/**
 * A clear claim of safety about themselves in the same message as a yes: words that say safety (not
 * a bare "ok" or "fine"), with no "but" or "not" taking it back and not about someone else.
 */
function saysClearlySafe(text: string, locale: string): boolean {
  const reading = readSafeNow(text, locale);
  return reading.label === 'safe' && reading.weak !== true && reading.contrast !== true && reading.about !== 'other';
}

/** Thanks for a no (or "you don't have to answer"), where help is anyway, and that the conversation can go on. */
async function sendClosing(context: TurnContext, profile: UserProfile, answer: CheckInAnswer | 'unreadable' | 'toldMore' | 'safeNow'): Promise<void> {
  const locale = localeOf(context);
  const opening =
    answer === 'unreadable'
      ? 'safety:answer.unreadable'
      : answer === 'no'
        ? 'safety:checkIn.no'
        : answer === 'toldMore' || answer === 'safeNow'
          ? `safety:checkIn.${answer}`
          : 'safety:checkIn.unknown';
  // Said clearly they are safe, with someone by them: the lines to talk to, not 999 pressed on them again.
  const safe = answer === 'safeNow';
  const help = withFittingLines(locale, t(locale, safe ? 'safety:checkIn.helpAnywaySafe' : 'safety:checkIn.helpAnyway', routeValues(locale)), profile);
  // Safe, and asking to get on with IPT: the guide asks what they want to know.
  const goOn = answer === 'safeNow' ? 'safety:checkIn.goOnSafe' : 'safety:checkIn.goOn';
  const reply = [t(locale, opening), help, t(locale, goOn)].join('\n\n');
  const routes = safe ? CHECK_IN_ROUTES.filter((id) => id !== 'emergency') : CHECK_IN_ROUTES;
  await context.sendActivity(withRouteButtons(locale, reply, [...routesById(locale, routes), ...fittingLines(locale, profile)]));
}

/**
 * A question about something else where the check-in's yes or no was asked ("could ipt help with
 * feeling like that?"): neither a yes, a not sure, a route asked for, a plan nor reluctance. The
 * check-in then closes as for an answer it cannot read, with where help is, and the question is
 * answered as usual in the same turn: before, the question went unanswered.
 */
export async function closeCheckInForQuestion(context: TurnContext, instance: DialogInstance, isQuestion: boolean): Promise<boolean> {
  if (instance.id !== RISK_CHECK_IN_DIALOG || !isQuestion || cannotRead(context)) return false;
  const state = instance.state as CheckInState;
  const locale = localeOf(context);
  const text = context.activity.text ?? '';
  const answer = checkInAnswer(text, locale);
  // "yeah honestly i'm safe, can we just talk about ipt": safe, said clearly, and a question to answer.
  const safeNow = answer === 'yes' && ownThoughtsQuestion(state.assessment) && saysClearlySafe(text, locale);
  if ((answer !== 'unknown' && !safeNow) || asksWhatWasMeant(text, locale) || readSafeNow(text, locale).reluctant || safetyRequest(text, locale) !== undefined) return false;
  if ((requestedRoutes(context, state.profile, { main: CHECK_IN_ROUTES, more: [] }) ?? []).length > 0) return false;
  markResponded(context, 'checkIn');
  await sendClosing(context, state.profile, safeNow ? 'safeNow' : 'unknown');
  return true;
}

/**
 * The lines that fit this person beside 999 and Samaritans, when known: their nation's urgent line
 * (NHS 111 in England, Lifeline in Northern Ireland...) and Childline for someone under 18. None
 * when nothing is known: the short line stays short.
 */
export function fittingLines(locale: string, profile: UserProfile): CrisisRoute[] {
  const { order } = crisisRouteTable(locale);
  const nation = profile.nation ? (order.byNation[profile.nation] ?? []) : [];
  const young = profile.ageGroup === 'under_18' ? (order.byAge.under_18 ?? []).slice(0, 1) : [];
  return routesById(locale, [...nation, ...young]);
}

export function withFittingLines(locale: string, text: string, profile: UserProfile): string {
  const lines = fittingLines(locale, profile);
  return lines.length === 0 ? text : `${text}\n${t(locale, 'safety:checkIn.alsoLead')}\n${routeBullets(locale, lines)}`;
}

function yesNo(locale: string): SafetyChoice<CheckInChoice>[] {
  return [
    { id: 'yes', title: t(locale, 'safety:checkIn.choices.yes') },
    { id: 'no', title: t(locale, 'safety:checkIn.choices.no') },
  ];
}
