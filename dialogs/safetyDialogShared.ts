import { ActionTypes, ActivityTypes, CardFactory, MessageFactory, type Activity, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { ChoiceFactory, supportsCardActions, supportsSuggestedActions, type Choice } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import { normaliseLabel } from '../src/content/actions';
import { crisisRoutesCard } from '../src/content/cards';
import { t } from '../src/content/i18n';
import { shortAnswer } from '../src/content/shortAnswer';
import { urgentNumbers } from '../src/content/urgentNumbers';
import { crisisRouteTable, type CrisisRoute } from '../src/safety/crisisRoutes';
import { routeBullets } from '../src/safety/crisisRoutesText';
import { readAheadRequest, readForWhomRequest, readNationLineRequest, readRouteRequest, type OfferedRoutes } from '../src/safety/routeRequest';
import { readProfileUpdate } from '../src/language/profileUpdate';
import { answerTokens, isUnreadable, readSafeNow, safetyRequest, type SafeNowAnswer, type SafeNowReading } from '../src/safety/safetyAnswers';
import { appendSafetyEvent, type SafetyEvent, type SafetyRecord } from '../src/safety/safetyRecord';
import { noteKind } from '../src/safety/safetyReply';
import type { RiskAssessment } from '../src/safety/types';
import type { UserProfile } from '../src/profile';
import { MESSAGE_LANGUAGE_KEY, RISK_ASSESSMENT_KEY, SAFETY_RESPONSE_KEY, type SafetyResponse } from './turnState';

/**
 * What the safety dialogs (emergency support, the check-in, the safety plan) share: their
 * dependencies, the buttons they offer and how a tap or a typed label is read back, the banner
 * event, and what they record. One place, so every safety reply behaves the same in every channel.
 */

export const EMERGENCY_SUPPORT_EVENT = 'emergencySupport';

/**
 * Turn state: the knowledge-base answer to a question about IPT or the service asked while "are you
 * safe?" is open (MainDialog finds it; the emergency dialog says it briefly, after 999).
 */
export const QUESTION_ASIDE_KEY = Symbol.for('ipt-guide.questionAside');

/** This turn's question aside, cut short, leaving out any sentence that repeats a number the reply already prints. */
export function questionAside(context: TurnContext, printed: readonly CrisisRoute[]): string | undefined {
  const answer = context.turnState.get(QUESTION_ASIDE_KEY) as string | undefined;
  if (!answer) return undefined;
  const short = shortAnswer(answer, { maxWords: ASIDE_WORDS, avoidNumbers: printed.map((route) => route.value) });
  return short ? t(localeOf(context), 'safety:answer.aside', { answer: short }) : undefined;
}

/** Words of an answer given beside the crisis routes: enough for the gist, short enough that 999 and the question stay in view. */
const ASIDE_WORDS = 35;

export interface SafetyDialogDeps {
  /** conversation-scoped record of risk events for staff review (categories and rule ids, no text) */
  safetyRecord?: StatePropertyAccessor<SafetyRecord>;
  logger?: Logger;
  now?: () => Date;
}

/** What every safety dialog starts with. */
export interface SafetyDialogOptions {
  assessment: RiskAssessment;
  profile: UserProfile;
}

export const localeOf = (context: TurnContext): string => context.activity.locale ?? '';

/** The risk the gate found in this turn's message, if any. */
export function turnRisk(context: TurnContext): RiskAssessment | undefined {
  return context.turnState.get(RISK_ASSESSMENT_KEY) as RiskAssessment | undefined;
}

/**
 * Reads this turn's answer to "are you safe?". A message the gate identified as another language is
 * unknown whatever its letters look like ("tak" is not "yes, I'm safe").
 */
export function readTurnAnswer(context: TurnContext): SafeNowReading {
  if (context.turnState.get(MESSAGE_LANGUAGE_KEY) !== undefined) return { label: 'unknown', reluctant: false, unreadable: true };
  return readSafeNow(context.activity.text ?? '', localeOf(context));
}

/** True when this turn's message is one the bot cannot read: the gate identified another language, or its words are not English. */
export function cannotRead(context: TurnContext): boolean {
  return context.turnState.get(MESSAGE_LANGUAGE_KEY) !== undefined || isUnreadable(answerTokens(context.activity.text ?? ''), localeOf(context));
}

/** A button: its id (what it means) and title (the words on it, which come back as the person's message). */
export interface SafetyChoice<Id extends string = string> {
  id: Id;
  title: string;
}

/**
 * A question with buttons, shaped for the channel: suggested actions in Web Chat and the Emulator, a
 * hero card in Teams, a numbered list where neither works. Unlike ChoiceFactory.forChannel, a title
 * longer than 20 characters ("More places to get help") keeps its button: those channels show long
 * titles, and a person in crisis should never have to type. The value is the words on the button:
 * some channels (Teams hero cards) show the value, not the action title.
 */
export function questionActivity(context: TurnContext, text: string, choices: readonly SafetyChoice[]): Partial<Activity> {
  const list: Choice[] = choices.map((choice) => ({ value: choice.title, action: { type: ActionTypes.ImBack, title: choice.title, value: choice.title } }));
  const channelId = context.activity.channelId ?? '';
  if (supportsSuggestedActions(channelId, list.length)) return ChoiceFactory.suggestedAction(list, text);
  if (supportsCardActions(channelId, list.length)) return ChoiceFactory.heroCard(list, text);
  return ChoiceFactory.forChannel(channelId, list, text);
}

/** Which button a message is: the exact words of one, or its number from a numbered list. */
export function chosen<Id extends string>(text: string, choices: readonly SafetyChoice<Id>[]): Id | undefined {
  const wanted = normaliseLabel(text);
  if (!wanted) return undefined;
  const exact = choices.find((choice) => normaliseLabel(choice.title) === wanted);
  if (exact) return exact.id;
  const number = /^\s*(\d{1,2})\s*$/.exec(text);
  return number ? choices[Number(number[1]) - 1]?.id : undefined;
}

/** A message with its routes as buttons (the text must print every number: Teams desktop cannot dial tel:). */
export function withRouteButtons(locale: string, text: string, routes: readonly CrisisRoute[]): Partial<Activity> {
  const activity = MessageFactory.text(text);
  if (routes.length > 0) activity.attachments = [CardFactory.adaptiveCard(crisisRoutesCard(locale, routes, text))];
  return activity;
}

/** The routes of this locale's table by id, in the order given (missing ids are left out). */
export function routesById(locale: string, ids: readonly string[]): CrisisRoute[] {
  const { routes } = crisisRouteTable(locale);
  return ids.map((id) => routes.get(id)).filter((route): route is CrisisRoute => route !== undefined);
}

/** Values copy may use for the urgent routes (numbers are never written in copy). */
export function routeValues(locale: string): Record<string, string> {
  const { routes } = crisisRouteTable(locale);
  return {
    ...urgentNumbers(locale),
    shout: routes.get('shout')?.value ?? '',
    shoutWord: routes.get('shout')?.body ?? '',
    email: routes.get('samaritans_email')?.value ?? '',
    childline: routes.get('childline')?.value ?? '',
    nspcc: routes.get('nspcc')?.value ?? '',
  };
}

/** Tells the safety gate this turn's risk got its reply, so the gate does not add the generic list. */
export function markResponded(context: TurnContext, response: SafetyResponse): void {
  context.turnState.set(SAFETY_RESPONSE_KEY, response);
}

const errorName = (error: unknown) => (error instanceof Error ? error.name : typeof error);

/** Records a risk event for staff review. Never lets a storage fault stop the person getting help. */
export async function recordSafetyEvent(
  deps: SafetyDialogDeps,
  context: TurnContext,
  assessment: RiskAssessment,
  response: SafetyEvent['response'],
): Promise<void> {
  markResponded(context, response);
  if (!deps.safetyRecord) return;
  try {
    const record = await deps.safetyRecord.get(context, { events: [] });
    await deps.safetyRecord.set(context, appendSafetyEvent(record, assessment, response, (deps.now ?? (() => new Date()))()));
  } catch (error) {
    deps.logger?.error({ event: 'safety_record_failed', error: errorName(error) }, 'could not record the risk');
  }
}

/**
 * Keeps the person's last answer to "are you safe?" for staff review. The answer is health data:
 * logged at debug level only, and never with the conversation id.
 */
export async function recordSafeAnswer(deps: SafetyDialogDeps, context: TurnContext, answer: SafeNowAnswer): Promise<void> {
  deps.logger?.debug({ event: 'safe_now_answer', answer }, 'answer to "are you safe right now"');
  if (!deps.safetyRecord) return;
  try {
    const record = await deps.safetyRecord.get(context, { events: [] });
    await deps.safetyRecord.set(context, { ...record, lastSafeAnswer: answer });
  } catch (error) {
    deps.logger?.error({ event: 'safety_record_failed', error: errorName(error) }, 'could not record the answer');
  }
}

/** The host page pins a crisis banner on this. Category and severity only, never the words. */
export async function sendSafetyEvent(deps: SafetyDialogDeps, context: TurnContext, value: Pick<RiskAssessment, 'category' | 'severity'>): Promise<void> {
  try {
    await context.sendActivity({ type: ActivityTypes.Event, name: EMERGENCY_SUPPORT_EVENT, value: { category: value.category, severity: value.severity } });
  } catch (error) {
    // A channel that refuses event activities must not cost the person the routes.
    deps.logger?.warn({ event: 'emergency_event_failed', error: errorName(error) }, 'could not send the emergency event');
  }
}

/**
 * Past and over, or work and study about the subject: no hand-off and no banner, one short line
 * with routes kept handy; the conversation then goes on with the normal answer.
 */
export async function sendSafetyNote(deps: SafetyDialogDeps, context: TurnContext, mode: 'past' | 'professional', assessment: RiskAssessment): Promise<void> {
  const locale = localeOf(context);
  await recordSafetyEvent(deps, context, assessment, 'note');
  await context.sendActivity(MessageFactory.text(t(locale, `safety:note.${noteKind(mode, assessment)}`, routeValues(locale))));
}

/**
 * "whats the respect number again": the routes this message asks for by name, or undefined. Inside
 * a crisis reply (`offered`) also by what they are ("maybe the text one", "which one is for kids") or
 * by pointing at the reply's lines ("whats the number again"), even said unsure ("maybe the text
 * one" picks a route; it is no "not sure"). Not wanting to call ("I don't want to ring Samaritans")
 * is no request, nor is an answer to "are you safe?" that names a route ("I've called 999").
 * Asking where other people can get help ("where would a pupil go for help") is one anywhere.
 */
export function requestedRoutes(context: TurnContext, profile: UserProfile, offered?: OfferedRoutes): CrisisRoute[] | undefined {
  const text = context.activity.text ?? '';
  const locale = localeOf(context);
  // Inside a safety dialog "what do i do if it gets bad again" asks for the safety plan it offers.
  const ahead = offered && safetyRequest(text, locale) === 'plan' ? undefined : readAheadRequest(text, locale, profile.nation);
  // "is there a scottish number", "whats the number if i ever was": a nation's own lines (the place
  // may come in the same message: "im in newry ... whats the number").
  const nationLine = readNationLineRequest(text, locale, profile.nation ?? readProfileUpdate(text)?.nation)?.ids;
  const forWhom = readForWhomRequest(text, locale) ?? ahead ?? nationLine;
  if (forWhom && !cannotRead(context)) return routesById(locale, forWhom);
  // Asking for a route is rare and quick to rule out: the slower readings run only then.
  const ids = readRouteRequest(text, locale, profile.nation, offered);
  if (!ids || cannotRead(context)) return undefined;
  const reading = readSafeNow(text, locale);
  if (reading.reluctant || (reading.label !== 'unknown' && reading.label !== 'unsure')) return undefined;
  return routesById(locale, ids);
}

/** The routes asked for: each line with its number, and buttons. */
export function requestedRoutesActivity(locale: string, routes: readonly CrisisRoute[]): Partial<Activity> {
  return withRouteButtons(locale, `${t(locale, 'safety:reply.asked')}\n${routeBullets(locale, routes)}`, routes);
}
