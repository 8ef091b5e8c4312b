import { MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogReason, type DialogTurnResult } from 'botbuilder-dialogs';
import { t, tObject } from '../src/content/i18n';
import { crisisReplyFor, moreRoutesText, routeBullets, routeLine, tailoredReplyFor, type CrisisLead } from '../src/safety/crisisRoutesText';
import { offerAnswer, readSafeNow, safetyRequest, type SafeNowAnswer, type SafeNowLabel, type SafeNowReading, type SafetyRequest } from '../src/safety/safetyAnswers';
import { safetyMode, safetyReply, type Audience, type SafetyReply } from '../src/safety/safetyReply';
import type { RiskAssessment, RiskCategory } from '../src/safety/types';
import { crisisRouteTable, routeSet, type CrisisRoute } from '../src/safety/crisisRoutes';
import { readAheadRequest } from '../src/safety/routeRequest';
import { addSettings, settingsIn, type Setting } from '../src/safety/replySetting';
import { loadSafetyReplyWords } from '../src/safety/safetyReply';
import { settingLines } from '../src/safety/crisisRoutesText';
import { PROFILE_NOTED_KEY, type ProfileNoted } from './turnState';
import { SAFETY_PLAN_DIALOG, type SafetyPlanResult } from './safetyPlanDialog';
import {
  chosen,
  localeOf,
  markResponded,
  questionActivity,
  questionAside,
  readTurnAnswer,
  recordSafeAnswer,
  recordSafetyEvent,
  requestedRoutes,
  requestedRoutesActivity,
  routesById,
  routeValues,
  sendSafetyEvent,
  turnRisk,
  withRouteButtons,
  type SafetyChoice,
  type SafetyDialogDeps,
  type SafetyDialogOptions,
} from './safetyDialogShared';

export const EMERGENCY_SUPPORT_DIALOG = 'emergencySupport';

/**
 * Times "are you safe?" is asked in words before the dialog stops asking and simply stays (routes
 * one tap away, "I'm safe now" on a button): a person who is not safe is never trapped in a loop of
 * the same question, and never left either.
 */
const MAX_ASKS = 3;

export interface EmergencySupportOptions extends SafetyDialogOptions {
  /** 'afterCheckIn' when the person said "yes" to the check-in; 'repeat' when a new risk message reopened the dialog */
  lead?: CrisisLead;
  /** true when opened over a safety plan already under way: it does not offer another */
  inPlan?: boolean;
  /** true when this conversation's crisis reply already sent the emergencySupport event: the banner is up, no second signal */
  bannerUp?: boolean;
  /** where the person is or what is going on for them, said before this reply (the check-in's message) */
  settings?: Setting[];
}

export interface EmergencySupportResult {
  /** the person's last answer to "are you safe?" */
  safe: SafeNowAnswer;
  /** true when the person said they are safe and chose to go back to what they were doing */
  resume: boolean;
}

/**
 * An answer as this dialog acts on it. 'feelOk': "I'm OK" after a physical emergency, which still
 * needs 999 (some harm does not show at first). 'safeBut': reassurance taken back by a "but" ("I'm
 * OK but I don't know about later"). 'whose': reassurance about someone else than the question asked
 * ("I'm safe" to "Are they safe?", "she's fine now" to "Are you safe?").
 */
type Resolved = Exclude<SafeNowLabel, 'yes'> | 'safeWithConcern' | 'feelOk' | 'safeBut' | 'whose';

/**
 * Whose words the question and answers use: the audience's, or, in a physical emergency, whether
 * help is on the way ("Have you called 999?").
 */
type Voice = Audience | 'medicalSelf' | 'medicalOther';

function voiceOf(reply: SafetyReply): Voice {
  if (reply.kind !== 'medical') return reply.audience;
  return reply.audience === 'self' ? 'medicalSelf' : 'medicalOther';
}

type ChoiceId = 'safe' | 'notSafe' | 'unsure' | 'moreRoutes' | 'plan' | 'back';

/**
 * - asking: waiting for an answer to "are you safe?"
 * - staying: asked enough; stays with the person, routes one tap away, until they say they are safe
 * - settled: they said they are safe; offers a safety plan, more places, or going back
 */
type Phase = 'asking' | 'staying' | 'settled';

interface EmergencyState {
  profile: SafetyDialogOptions['profile'];
  reply: SafetyReply;
  /** the risk's category, for routes tailored again when the person says where they live */
  category: RiskCategory;
  phase: Phase;
  /** times the question was asked in words */
  asks: number;
  /** true once any answer was not "safe": after that a bare "yes" or "ok" is an acknowledgement */
  doubted: boolean;
  /** true once the question was asked again after an acknowledgement */
  askedAfterAck: boolean;
  /** true once an answer confirmed danger ("no i'm not safe", "idk") and the host page was told so */
  escalated?: boolean;
  /** route ids of the reply's own lines (999 first), and those behind "More places to get help" */
  main?: string[];
  more: string[];
  /** true once a safety plan was made: it is not offered again */
  planned: boolean;
  /** where they are or what is going on for them (a ward, a school, a new baby), said so far */
  settings?: Setting[];
  /** true once "999 is still there" was said after they did not want the police, an ambulance or 999: never again */
  servicesStillSaid?: boolean;
  /** true once they said they cannot or will not phone anyone (deaf, no voice, hate phones): a text line stays in view */
  cannotCall?: boolean;
  /** the settings whose first line was said: later replies use the shorter wording */
  settingsSaid?: Setting[];
  /** the buttons last offered, so a number typed on a plain-text channel maps back */
  offered: SafetyChoice<ChoiceId>[];
  /** what the dialog said in its last turn, and in this one: never the same words twice in a row */
  said?: string[];
  saying?: string[];
}

/** True when the person said they are safe and the dialog is only offering what next: any other message moves on. */
export function isSettled(instance: DialogInstance | undefined): boolean {
  return instance?.id === EMERGENCY_SUPPORT_DIALOG && (instance.state as Partial<EmergencyState>).phase === 'settled';
}

/**
 * True when a settled dialog steps aside for this message (it is none of its choices, and not
 * another "help is on the way", which it answers itself).
 */
export function stepsAside(instance: DialogInstance, text: string, locale: string): boolean {
  const reading = readSafeNow(text, locale);
  const { reply } = instance.state as EmergencyState;
  return settledChoice(instance, text, locale) === undefined && reading.label !== 'helpComing' && !holdsBack(reading, reply) && !takesBack(reading);
}

/** "ok maybe not fine", "actually no": the safety they gave is taken back, so the question is open again. */
function takesBack(reading: SafeNowReading): boolean {
  return reading.label === 'notSafe' || reading.label === 'unsure';
}

/**
 * What a settled dialog that steps aside leaves in view: after the person said they may hurt
 * someone, the line for changing that (Respect) stays beside whatever they ask next ("can ipt help
 * with anger"). Undefined for every other kind of reply.
 */
export function keptInView(instance: DialogInstance, locale: string): Partial<Activity> | undefined {
  const state = instance.state as EmergencyState;
  if (state.reply.audience !== 'everyone') return undefined;
  const advice = adviceRoutes(locale, state).slice(0, 1);
  if (advice.length === 0) return undefined;
  return withRouteButtons(locale, `${t(locale, 'safety:answer.keptInView')}\n${routeBullets(locale, advice)}`, advice);
}

/**
 * What a message chooses once the person is safe and was offered what next: a plan, more places, or
 * going back, in so many words; "yes please" takes what was offered first, "no thanks" or "thanks"
 * goes back. Undefined for anything else (a question, an answer to the dialog below).
 */
export function settledChoice(instance: DialogInstance, text: string, locale: string): SafetyRequest | undefined {
  const request = safetyRequest(text, locale);
  if (request) return request;
  const state = instance.state as EmergencyState;
  switch (offerAnswer(text, locale)) {
    case 'yes':
      // What the offer asked first: a plan (for the person themselves), more places (for someone
      // else), or, once the plan is made, going back.
      return offersPlan(state) ? 'plan' : state.more.length > 0 ? 'moreRoutes' : 'back';
    case 'no':
      return 'back';
    default:
      return undefined;
  }
}

/**
 * The crisis hand-off and what follows. One message with the few routes that fit the person (and
 * who is at risk), then "are you safe?" (or "are they?"). The answer is read conservatively: only
 * words that say safety count; after a "no" or "not sure", "ok" is an acknowledgement; a language it
 * cannot read is unknown; not wanting to call gets other ways. While it is not resolved the dialog
 * stays: it never says goodbye, never goes back to a question below, never shows the fallback. Once
 * the person says they are safe it offers a safety plan (for themselves), more places, or going
 * back, and only then ends, so the dialog below re-asks its question.
 */
export class EmergencySupportDialog extends Dialog<EmergencySupportOptions> {
  constructor(private readonly deps: SafetyDialogDeps = {}) {
    super(EMERGENCY_SUPPORT_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: EmergencySupportOptions): Promise<DialogTurnResult> {
    if (!options) throw new Error('EmergencySupportDialog needs an assessment');
    const { context } = dc;
    const locale = localeOf(context);
    const reply = safetyReply(options.assessment);
    await recordSafetyEvent(this.deps, context, options.assessment, 'emergency');
    if (!options.bannerUp) await sendSafetyEvent(this.deps, context, options.assessment);
    const settings = addSettings(options.settings, settingsOf(context));
    const message = crisisReplyFor(locale, reply, options.assessment, { ...options.profile, settings }, options.lead ?? 'first');
    const state: EmergencyState = {
      profile: options.profile,
      reply,
      category: options.assessment.category,
      phase: 'asking',
      asks: 0,
      // After the check-in's "yes" or "dunno" the person has already voiced doubt: a bare "aye" or
      // "ok" to "are you safe?" is then an acknowledgement, and the question comes again.
      doubted: options.lead === 'afterCheckIn',
      askedAfterAck: false,
      main: message.buttons.map((route) => route.id),
      more: message.more.map((route) => route.id),
      planned: options.inPlan === true,
      settings,
      settingsSaid: settings,
      cannotCall: cannotCall(readTurnAnswer(context)),
      offered: [],
    };
    dc.activeDialog!.state = state;
    await context.sendActivity(withRouteButtons(locale, message.text, message.buttons));
    await this.ask(context, state, 'question');
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { context } = dc;
    if (context.activity.type !== 'message') return Dialog.EndOfTurn;
    const state = dc.activeDialog!.state as EmergencyState;
    const locale = localeOf(context);
    markResponded(context, 'emergency');
    state.said = state.saying ?? [];
    state.saying = [];

    // Where they live or how old they are, said now: the routes from here on fit them.
    const noted = context.turnState.get(PROFILE_NOTED_KEY) as ProfileNoted | undefined;
    const changed = noted !== undefined && (noted.profile.nation !== state.profile.nation || noted.profile.ageGroup !== state.profile.ageGroup);
    if (noted) state.profile = noted.profile;

    const text = context.activity.text ?? '';
    // "i'm on the ward", "she's in year 8", said now: who is close by to help from here on.
    state.settings = addSettings(state.settings, settingsOf(context));
    const reading = readTurnAnswer(context);
    if (cannotCall(reading)) state.cannotCall = true;
    const risk = turnRisk(context);
    const newRisk = risk && safetyMode(risk) === 'handoff' && !isAnswerAboutHelp(reading, risk, state.reply) ? risk : undefined;
    if (newRisk) {
      // A different kind of risk: that reply's own routes, from the start. Never away from a person
      // whose own safety is still unanswered to someone else's: that person's answer comes first.
      const next = safetyReply(newRisk);
      // A body in danger now ("my dad just collapsed") while the person's own answer is open: 999 for
      // that first, on top; once help is on the way and they go back, their own question again.
      if (next.kind === 'medical' && state.reply.kind !== 'medical' && state.phase !== 'settled') {
        return dc.beginDialog(this.id, { assessment: newRisk, profile: state.profile, settings: state.settings } satisfies EmergencySupportOptions);
      }
      if (next.kind !== state.reply.kind && (next.audience === 'self' || state.phase === 'settled')) {
        return dc.replaceDialog(this.id, { assessment: newRisk, profile: state.profile, lead: 'repeat', settings: state.settings } satisfies EmergencySupportOptions);
      }
      await recordSafetyEvent(this.deps, context, newRisk, 'emergency');
      await sendSafetyEvent(this.deps, context, newRisk);
      // The host page has just heard of it: an answer in the same words adds no second signal.
      if (newRisk.severity === 'immediate') state.escalated = true;
    }

    // "im in england if that helps" answers nothing: the routes that fit them now, and the question again.
    if (changed && !newRisk && state.phase !== 'settled' && isOnlyContext(noted, context)) return this.retailor(context, state);

    const choice = chosen(text, state.offered);
    const asked = choice || newRisk ? undefined : requestedRoutes(context, state.profile, { main: state.main ?? [], more: state.more, theirs: theirLines(locale, state) });
    if (asked && asked.length > 0) return this.giveRoutes(context, state, asked);
    const typed = state.phase === 'settled' ? settledChoice(dc.activeDialog!, text, locale) : safetyRequest(text, locale);
    const request = choice === 'moreRoutes' || choice === 'plan' || choice === 'back' ? choice : newRisk ? undefined : typed;
    if (request === 'moreRoutes') return this.showMore(context, state);
    if (request === 'plan' && offersPlan(state)) {
      // "what if it gets bad again tonight": the lines open any time first, then the plan for it.
      const ahead = readAheadRequest(text, locale, state.profile.nation);
      if (ahead) {
        const routes = routesById(locale, ahead);
        await context.sendActivity(withRouteButtons(locale, `${t(locale, 'safety:reply.ahead')}\n${routeBullets(locale, routes)}`, routes));
      }
      return dc.beginDialog(SAFETY_PLAN_DIALOG, { profile: state.profile });
    }
    // "what if I'm wrong": worried about someone else and holding back. Asking is right; the advice lines again.
    if (!choice && !newRisk && holdsBack(reading, state.reply)) return this.reassure(context, state);
    if (request === 'back' && state.phase === 'settled') {
      await context.sendActivity(MessageFactory.text(t(locale, 'safety:answer.back')));
      return dc.endDialog({ safe: 'safe', resume: true } satisfies EmergencySupportResult);
    }
    if (state.phase === 'settled' && !newRisk && !takesBack(reading)) {
      const waiting = readSafeNow(text, locale).label === 'helpComing' ? [t(locale, `safety:answer.helpWaiting.${voiceOf(state.reply)}`)] : [];
      await context.sendActivity(this.choices(context, state, this.fresh(state, [...waiting, ...offerAgain(locale)])));
      return Dialog.EndOfTurn;
    }
    const tapped = choice === 'safe' || choice === 'notSafe' || choice === 'unsure' ? readingOfChoice(choice, state.reply) : undefined;
    return this.answer(context, state, tapped ?? reading, risk);
  }

  /** Back from the safety plan (or a physical emergency put on top): where the person was, with the question or the choices again. */
  override async resumeDialog(dc: DialogContext, _reason: DialogReason, result?: SafetyPlanResult | EmergencySupportResult): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as EmergencyState;
    const planMade = result !== undefined && 'completed' in result && result.completed;
    if (planMade) state.planned = true;
    const { context } = dc;
    const locale = localeOf(context);
    if (state.phase === 'settled') {
      await context.sendActivity(this.choices(context, state, t(locale, planMade ? 'safety:plan.offerAfter' : 'safety:answer.offerAgain')));
    } else {
      await this.ask(context, state, 'again');
    }
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = instance.state as EmergencyState;
    // A turn of its own (the gate answered a message in another language): never last turn's words again.
    state.said = state.saying ?? [];
    state.saying = [];
    if (state.phase === 'asking') await this.ask(context, state, 'again');
    else await context.sendActivity(this.choices(context, state, this.fresh(state, offerAgain(localeOf(context)))));
  }

  private async answer(context: TurnContext, state: EmergencyState, reading: SafeNowReading, risk: RiskAssessment | undefined): Promise<DialogTurnResult> {
    const locale = localeOf(context);
    const { audience } = state.reply;
    const voice = voiceOf(state.reply);
    const label = this.resolve(state, reading, risk);
    await recordSafeAnswer(this.deps, context, recorded(label));

    if (label === 'safe' || label === 'safeWithConcern' || label === 'helpComing') {
      state.phase = 'settled';
      const said =
        label === 'safe'
          ? t(locale, `safety:answer.safe.${audience}`)
          : t(locale, label === 'helpComing' ? `safety:answer.helpComing.${voice}` : 'safety:answer.safeWithConcern');
      const offer = voice === 'medicalSelf' ? 'medicalSelf' : audience;
      const aside = questionAside(context, []);
      await context.sendActivity(this.choices(context, state, [said, ...(aside ? [aside] : []), t(locale, `safety:answer.offer.${offer}`)].join('\n\n')));
      return Dialog.EndOfTurn;
    }

    state.doubted = true;
    // "no, I mean it", "idk": danger confirmed or not ruled out. The host page hears it once more, as
    // immediate (the first signal may have been a concern, or raised before anyone answered).
    if ((label === 'notSafe' || label === 'unsure') && !state.escalated && state.reply.kind !== 'medical') {
      state.escalated = true;
      await sendSafetyEvent(this.deps, context, { category: state.category, severity: 'immediate' });
    }
    // A body in danger with no help yet on the way ("ok", "dunno how many", "hes breathing i think"):
    // the emergency is still live, so the host page hears it again on every such turn and keeps
    // its banner up; a terse reply is never read as the danger passing.
    if (state.reply.kind === 'medical') await sendSafetyEvent(this.deps, context, { category: state.category, severity: 'immediate' });
    if (state.phase === 'settled') {
      // They had said they were safe; this message says otherwise: ask again, with a fresh count.
      Object.assign(state, { phase: 'asking', asks: 0, askedAfterAck: false } satisfies Partial<EmergencyState>);
    }
    // The same state twice in a row ("...", then "?") gets other words, never the same message.
    const hold = tObject<string[]>(locale, `safety:answer.hold.${voice}`);
    if (reading.reluctant) {
      await context.sendActivity(this.reluctance(locale, state, reading, label === 'notSafe'));
    } else {
      // What this answer needs said ("I can only read English", "some harm does not show") stays in the other words.
      const wordings = reading.unreadable
        ? [t(locale, 'safety:answer.unreadable'), t(locale, 'safety:answer.unreadableAgain')]
        : state.phase === 'staying'
          ? [t(locale, `safety:answer.stillHere.${audience}`), ...hold]
          : label === 'feelOk'
            ? [t(locale, `safety:answer.feelOk.${voice}`), t(locale, `safety:answer.feelOkAgain.${voice}`)]
            : label === 'safeBut' || label === 'whose'
              ? [t(locale, `safety:answer.${label}.${audience}`), ...hold]
              : [t(locale, `safety:answer.${label}.${voice}`), ...hold];
      // Someone under 18 whose safety is not settled hears of Childline on every reply, whatever they
      // answered ("i cant tell my parents"): 999 still first.
      const young = youngRoutes(locale, state);
      // Their nation's own line stays beside 999 too (Lifeline, NHS 111 Wales press 2, Breathing Space);
      // with no nation known, the urgent NHS lines only when they said they are not safe or not sure.
      const own = ownLines(locale, state, label === 'notSafe' || label === 'unsure');
      // The line that advises stays in view while the person talks ("can ipt fix anger", "what if
      // it's happening now"): Respect on every such reply to someone who may hurt someone; for
      // someone helping another person, their advice line when the answer says nothing urgent.
      const holding = label === 'unknown' || label === 'ack' || state.phase === 'staying';
      // An older person harmed at home keeps Hourglass in view while they talk ("he's out now").
      const advice =
        audience === 'everyone' || (audience === 'other' && holding && state.reply.kind !== 'medical') || (state.reply.kind === 'self_older_abuse' && holding)
          ? adviceRoutes(locale, state).slice(0, 1)
          : [];
      // "theres my sister i guess": reaching them now is a good step, whatever else the answer says.
      const trusted = reading.trusted === true && audience === 'self' && label !== 'notSafe' ? [t(locale, 'safety:answer.trusted')] : [];
      // "how long is the wait": a short answer after 999, then the question again (never the check's question).
      // "me deaf, phone no good": a way to text stays beside 999 while their safety is open.
      const textLine = state.cannotCall === true && state.reply.kind !== 'medical' ? routesById(locale, ['shout']) : [];
      const routes = [...routesById(locale, ['emergency']), ...own, ...young, ...textLine, ...advice];
      const aside = questionAside(context, routes);
      const text = [
        ...trusted,
        this.fresh(state, wordings),
        ...this.settingText(locale, state),
        ...(aside ? [aside] : []),
        ...[...own, ...young, ...textLine].map((route) => routeLine(locale, route)),
        ...(advice.length > 0 ? [`${t(locale, 'safety:answer.adviceLead')}\n${routeBullets(locale, advice)}`] : []),
      ].join('\n\n');
      await context.sendActivity(withRouteButtons(locale, text, routes));
    }

    if (state.phase === 'staying') {
      await context.sendActivity(this.choices(context, state, this.fresh(state, offerAgain(locale))));
    } else if (label === 'ack' && !state.askedAfterAck) {
      // "ok" after "no" is not safety: ask once more, in other words.
      state.askedAfterAck = true;
      await this.ask(context, state, 'afterAck');
    } else if (state.asks < MAX_ASKS) {
      await this.ask(context, state, 'again');
    } else {
      state.phase = 'staying';
      await context.sendActivity(this.choices(context, state, t(locale, `safety:answer.stay.${audience}`)));
    }
    return Dialog.EndOfTurn;
  }

  /**
   * What an answer means here. A bare "yes" answers a first "are you safe?"; after any doubt it, like
   * "ok", is an acknowledgement. Safe words beside risk words in the same message: an urgent risk
   * means not safe; a lesser one ("I just feel like a burden", "I'm not suicidal, just sad") gets
   * the gentle check-in, not the hand-off again. Past and over, or work and study, changes nothing.
   */
  private resolve(state: EmergencyState, reading: SafeNowReading, risk: RiskAssessment | undefined): Resolved {
    const medical = state.reply.kind === 'medical';
    const yes = medical ? 'helpComing' : 'safe';
    // Asked more than once means an earlier turn left it open (a question, something unclear): a bare
    // "i said im fine" after that is no clear claim of safety either.
    const doubted = state.doubted || state.phase === 'staying' || state.asks > 1;
    // After a "no" or "not sure", a bare "yes" or "I'm fine" is an acknowledgement, not safety (in a
    // physical emergency "I'm fine" keeps its own reply: some harm does not show at first).
    const label: Exclude<SafeNowLabel, 'yes'> = reading.label === 'yes' || (reading.weak === true && doubted && !medical) ? (doubted ? 'ack' : yes) : reading.label;
    // After an overdose or an injury, feeling OK is not safety: 999 still.
    if (medical && label === 'safe') return 'feelOk';
    const mode = risk ? safetyMode(risk) : undefined;
    const lesser = risk !== undefined && mode !== 'past' && mode !== 'professional';
    const urgent = lesser && mode === 'handoff' && risk.severity === 'immediate';
    if (urgent) return label === 'unsure' && !reading.contrast ? 'unsure' : 'notSafe';
    // "I'm safe" to "Are they safe?": nothing settled, whatever else the message holds.
    if (label === 'safe' && whoseAnswer(state.reply, reading) === 'whose') return 'whose';
    // "Yes I'm safe, but I still feel like a burden": the "but" is the lesser risk the detector read.
    if (label === 'safe' || (reading.contrast && lesser)) return lesser ? 'safeWithConcern' : 'safe';
    if (reading.contrast && !medical) return 'safeBut';
    return label;
  }

  /**
   * Other ways than a call: text, email, someone they trust. 999 first when there is danger now
   * (they said they are not safe, or a body is in danger); otherwise, when the reluctance is aimed
   * at 999 or the helplines themselves, 999 is not pressed on them again in this turn.
   */
  private reluctance(locale: string, state: EmergencyState, reading: SafeNowReading, notSafe: boolean): Partial<Activity> {
    const who = state.reply.audience === 'self' ? 'self' : 'other';
    const medical = state.reply.kind === 'medical';
    const danger = notSafe || medical;
    const first = danger ? [t(locale, medical ? `safety:answer.notSafe.${voiceOf(state.reply)}` : 'safety:answer.notSafeReluctant')] : [];
    const values = routeValues(locale);
    const services = reading.aimedAtServices === true && !danger;
    // "I don't want the police round" (not the helplines): the lines that talk it through by phone
    // or text (Samaritans, Shout, their nation's NHS line); 999 once in the dialog, never on every
    // turn. "I won't ring Samaritans or any of them": text, email, someone they trust, and no 999.
    const police = services && reading.aimedAtHelplines !== true;
    const still = police && !state.servicesStillSaid ? [t(locale, 'safety:answer.servicesStill')] : [];
    if (still.length > 0) state.servicesStillSaid = true;
    const own = police ? ownLines(locale, state, true) : [];
    const ownText = own.map((route) => routeLine(locale, route));
    const wordings = police
      ? [
          [t(locale, `safety:answer.reluctantPolice.${who}`, values), ...ownText, ...still],
          [t(locale, `safety:answer.reluctantPoliceAgain.${who}`, values), ...ownText, ...still],
        ]
      : services
        ? [[t(locale, `safety:answer.reluctantServices.${who}`, values)], [t(locale, `safety:answer.reluctantServicesAgain.${who}`, values)]]
        : [
            [t(locale, `safety:answer.reluctant.${who}`, values), t(locale, 'safety:answer.silentCall')],
            [t(locale, `safety:answer.reluctantAgain.${who}`, values)],
          ];
    // Someone under 18 hears of Childline here too ("i cant tell anyone").
    const young = youngRoutes(locale, state);
    const youngLines = young.map((route) => routeLine(locale, route));
    // "they're run ragged" on a ward: the call bell is still theirs to press.
    const nearby = this.settingText(locale, state);
    const text = this.fresh(state, wordings.map((lines) => [...first, ...lines, ...nearby, ...youngLines, t(locale, 'safety:answer.stayWithYou')].join('\n\n')));
    const buttons = danger ? ['emergency', 'shout', 'samaritans_email'] : police ? ['samaritans', 'shout', 'samaritans_email'] : ['shout', 'samaritans_email'];
    return withRouteButtons(locale, text, [...routesById(locale, buttons), ...own, ...young]);
  }

  /** Worried about someone else and holding back: asking for advice is right; the lines that advise, again; 999 only for danger now. */
  private async reassure(context: TurnContext, state: EmergencyState): Promise<DialogTurnResult> {
    const locale = localeOf(context);
    const advice = adviceRoutes(locale, state);
    const tips = adviceTips(locale, state);
    const lead = this.fresh(state, tObject<string[]>(locale, 'safety:answer.hesitant'));
    const text = [`${lead}\n${routeBullets(locale, advice)}`, ...this.settingText(locale, state), ...tips, t(locale, 'safety:reply.now.other')].join('\n\n');
    await context.sendActivity(withRouteButtons(locale, text, [...routesById(locale, ['emergency']), ...advice]));
    return this.askOrOffer(context, state);
  }

  /** "im in england if that helps": the routes that fit them now, then the question (or the choices) again. */
  private async retailor(context: TurnContext, state: EmergencyState): Promise<DialogTurnResult> {
    const locale = localeOf(context);
    const message = tailoredReplyFor(locale, state.reply, state.category, state.profile);
    state.main = message.buttons.map((route) => route.id);
    state.more = message.more.map((route) => route.id);
    await context.sendActivity(withRouteButtons(locale, message.text, message.buttons));
    return this.askOrOffer(context, state);
  }

  /** "whats the respect number again": that route (after 999 while unresolved), then the question (or the choices) again. */
  private async giveRoutes(context: TurnContext, state: EmergencyState, routes: readonly CrisisRoute[]): Promise<DialogTurnResult> {
    // While their safety is not known, 999 stays first ("is it free", "whats the text one").
    const first = state.phase !== 'settled' && !routes.some((route) => route.id === 'emergency') ? routesById(localeOf(context), ['emergency']) : [];
    await context.sendActivity(requestedRoutesActivity(localeOf(context), [...first, ...routes]));
    return this.askOrOffer(context, state);
  }

  /** After something given in between: the question again (not counted as an ask), or the choices again. */
  private async askOrOffer(context: TurnContext, state: EmergencyState): Promise<DialogTurnResult> {
    if (state.phase === 'asking') await this.ask(context, state, 'again', false);
    else await context.sendActivity(this.choices(context, state, this.fresh(state, offerAgain(localeOf(context)))));
    return Dialog.EndOfTurn;
  }

  private async showMore(context: TurnContext, state: EmergencyState): Promise<DialogTurnResult> {
    const locale = localeOf(context);
    const more = routesById(locale, state.more);
    // "who else can i tell" about an older person's carer: the council's team is one more place.
    const text = [moreRoutesText(locale, more), ...adviceTips(locale, state)].join('\n\n');
    await context.sendActivity(withRouteButtons(locale, text, more));
    if (state.phase === 'asking') await this.ask(context, state, 'question', false);
    else await context.sendActivity(this.choices(context, state));
    return Dialog.EndOfTurn;
  }

  private async ask(context: TurnContext, state: EmergencyState, wording: 'question' | 'again' | 'afterAck', counts = true): Promise<void> {
    const locale = localeOf(context);
    if (counts) state.asks += 1;
    const voice = voiceOf(state.reply);
    state.offered = [
      { id: 'safe', title: t(locale, `safety:ask.choices.safe.${voice}`) },
      { id: 'notSafe', title: t(locale, 'safety:ask.choices.notSafe') },
      { id: 'unsure', title: t(locale, 'safety:ask.choices.unsure') },
      ...(state.more.length > 0 ? [{ id: 'moreRoutes' as const, title: t(locale, 'safety:ask.choices.moreRoutes') }] : []),
    ];
    // Asked again straight after asking again: in the other words.
    const other = wording === 'afterAck' ? 'again' : 'afterAck';
    const text = this.fresh(state, [t(locale, `safety:ask.${wording}.${voice}`), t(locale, `safety:ask.${other}.${voice}`)]);
    await context.sendActivity(questionActivity(context, text, state.offered));
  }

  /**
   * Who is close by to help where the person is (a nurse on the ward, the school's safeguarding
   * lead, the midwife): a setting named for the first time gets its full line, one already named
   * the shorter one, on every reply while their safety is open ("who do I ask here").
   */
  private settingText(locale: string, state: EmergencyState): string[] {
    const known = state.settings ?? [];
    const said = (state.settingsSaid ?? []).filter((setting) => known.includes(setting));
    const fresh = known.filter((setting) => !said.includes(setting));
    state.settingsSaid = addSettings(said, fresh);
    return [
      ...settingLines(locale, state.reply, { ...state.profile, settings: fresh }),
      ...settingLines(locale, state.reply, { ...state.profile, settings: said }, true),
    ];
  }

  /** The first of these wordings the dialog did not send in its last turn (the last one if all were). */
  private fresh(state: EmergencyState, wordings: readonly string[]): string {
    const said = state.said ?? [];
    const text = wordings.find((wording) => !said.includes(wording)) ?? wordings[wordings.length - 1];
    (state.saying ??= []).push(text);
    return text;
  }

  /** The buttons for after the question: settled (plan, more, back) or staying (I'm safe now, plan, more). */
  private choices(context: TurnContext, state: EmergencyState, text?: string): Partial<Activity> {
    const locale = localeOf(context);
    const label = (id: ChoiceId) => ({ id, title: t(locale, `safety:ask.choices.${id}`) });
    const plan = offersPlan(state) ? [label('plan')] : [];
    const more = state.more.length > 0 ? [label('moreRoutes')] : [];
    state.offered =
      state.phase === 'settled'
        ? [...plan, ...more, label('back')]
        : [{ id: 'safe', title: t(locale, `safety:ask.choices.safeNow.${voiceOf(state.reply)}`) }, ...plan, ...more];
    return questionActivity(context, text ?? t(locale, 'safety:answer.offerAgain'), state.offered);
  }
}

/**
 * A safety plan is for the person themselves, once; not while they wait for an ambulance (a
 * physical emergency), when only more places or going back are offered.
 */
function offersPlan(state: EmergencyState): boolean {
  return state.reply.audience === 'self' && state.reply.kind !== 'medical' && !state.planned;
}

function offerAgain(locale: string): string[] {
  return [t(locale, 'safety:answer.offerAgain'), t(locale, 'safety:answer.offerAgainAlt')];
}

/** Safe, or 'whose' when the words are about someone else than the question asked (a physical emergency asks whether help is coming, not whose). */
function whoseAnswer(reply: SafetyReply, reading: SafeNowReading): 'safe' | 'whose' {
  if (reply.kind === 'medical' || reading.about === undefined) return 'safe';
  const asked = reply.audience === 'self' ? 'self' : reply.audience === 'other' ? 'other' : undefined;
  return asked !== undefined && reading.about !== asked ? 'whose' : 'safe';
}

/** A tapped answer button reads as the words on it would ("Yes, help is coming" in a physical emergency). */
function readingOfChoice(choice: 'safe' | 'notSafe' | 'unsure', reply: SafetyReply): SafeNowReading {
  const label = choice === 'safe' && reply.kind === 'medical' ? 'helpComing' : choice;
  return { label, reluctant: false, unreadable: false };
}

/**
 * "I don't want to ring 999 or any helpline", "is that even abuse or am I overreacting": words about
 * getting help, which the detector may read as a new risk (a request for help, abuse). Short of an
 * urgent risk they answer this dialog; they never start another hand-off.
 */
function isAnswerAboutHelp(reading: SafeNowReading, risk: RiskAssessment, reply: SafetyReply): boolean {
  return risk.severity !== 'immediate' && (reading.reluctant || holdsBack(reading, reply));
}

/** Worried about someone else and holding back ("what if I'm wrong"), with no answer that says more. */
function holdsBack(reading: SafeNowReading, reply: SafetyReply): boolean {
  return reading.hesitant === true && reply.audience === 'other' && (reading.label === 'unknown' || reading.label === 'unsure');
}

/** Childline for someone under 18 talking about themselves (not in a physical emergency), on every reply until they are safe. */
function youngRoutes(locale: string, state: EmergencyState): CrisisRoute[] {
  return state.reply.audience === 'self' && state.reply.kind !== 'medical' && state.profile.ageGroup === 'under_18' ? routesById(locale, ['childline']) : [];
}

/**
 * The urgent lines of the person's own nation (NHS 111, NHS 111 Wales, NHS 24 and Breathing Space,
 * Lifeline), for someone talking about themselves (not in a physical emergency: 999 only there).
 * With no nation known: the lines for everywhere, only when `urgent`, so holding replies stay short.
 */
function ownLines(locale: string, state: EmergencyState, urgent: boolean): CrisisRoute[] {
  if (state.reply.audience !== 'self' || state.reply.kind === 'medical') return [];
  const { order } = crisisRouteTable(locale);
  const nation = state.profile.nation;
  if (!nation && !urgent) return [];
  return routesById(locale, nation ? [...(order.byNation[nation] ?? []), ...(order.nationExtras[nation] ?? [])] : (order.byNation.unknown ?? []));
}

/** In a reply about someone else, the lines that person could use themselves (Childline for a child). */
function theirLines(locale: string, state: EmergencyState): string[] {
  const { nation, ageGroup } = state.profile;
  return routeSet({ kind: state.reply.kind, category: state.category, nation, ageGroup }, crisisRouteTable(locale)).theirs.map((route) => route.id);
}

/** The council's adult social care team advises on an adult at risk (a tip: it has no single number). */
function adviceTips(locale: string, state: EmergencyState): string[] {
  return state.reply.kind === 'older_adult' || state.reply.kind === 'self_older_abuse' || state.reply.kind === 'someone_abuse' ? [t(locale, 'safety:tips.adult_social_care')] : [];
}

/** The reply's own lines after 999 (the NSPCC, Hourglass, Respect...): where to get advice. */
function adviceRoutes(locale: string, state: EmergencyState): CrisisRoute[] {
  return routesById(locale, (state.main ?? []).filter((id) => id !== 'emergency'));
}

/** True when a message that changed the profile says nothing the question can use. */
function isOnlyContext(noted: ProfileNoted, context: TurnContext): boolean {
  if (noted.onlyContext) return true;
  const reading = readTurnAnswer(context);
  return reading.label === 'unknown' && !reading.reluctant && !reading.unreadable;
}

/** Not able or not willing to phone anyone at all (not only the police or 999): texting is their way in. */
function cannotCall(reading: SafeNowReading): boolean {
  return reading.reluctant && reading.aimedAtServices !== true;
}

/** The settings this turn's message names (a ward, a school, a new baby). */
function settingsOf(context: TurnContext): Setting[] {
  return settingsIn(context.activity.text ?? '', loadSafetyReplyWords(localeOf(context)).settings);
}

/** What the record keeps of an answer. */
function recorded(label: Resolved): SafeNowAnswer {
  switch (label) {
    case 'safeWithConcern':
      return 'safe';
    case 'feelOk':
    case 'ack':
    case 'whose':
      return 'unknown';
    case 'safeBut':
      return 'unsure';
    default:
      return label;
  }
}
