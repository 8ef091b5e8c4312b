import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  DialogSet,
  DialogTurnStatus,
  type DialogContext,
  type DialogTurnResult,
  type DialogState,
} from 'botbuilder-dialogs';
import type { IntentName, Recognizer, RecognitionResult } from '../src/language/recognizer';
import type { RiskAssessment } from '../src/safety/types';
import type { UserProfile } from '../src/profile';
import { areaOf, isIntentAction, isTopicIntent, matchAction, type ActionId, type TopicIntent } from '../src/content/actions';
import { suitabilityLexicon } from '../src/content/lexicon';
import { interpretAnswer, isFocusArea, type FocusArea } from '../src/content/suitability';
import type { TopicRequest } from '../src/content/topics';
import { t } from '../src/content/i18n';
import { ASIDE_KEY, PROFILE_NOTED_KEY, RISK_ASSESSMENT_KEY, RECOGNITION_KEY, type ProfileNoted } from './turnState';
import { classifyControl, hasChangeCue, isAcknowledgement, isCallTimeQuestion, isCheckRequest, isFitQuestion, isGoodbye, isNextStepRequest, isPause, isQuestion, type Control } from '../src/language/controlWords';
import { EMERGENCY_SUPPORT_DIALOG, isSettled, keptInView, stepsAside, type EmergencySupportOptions } from './emergencySupportDialog';
import { withWorkFrame, workFrameAfter } from '../src/safety/workFrame';
import { RISK_CHECK_IN_DIALOG, type RiskCheckInOptions } from './riskCheckInDialog';
import { SAFETY_PLAN_DIALOG } from './safetyPlanDialog';
import { requestedRoutes, requestedRoutesActivity, sendSafetyNote, type SafetyDialogDeps } from './safetyDialogShared';
import { safetyReply } from '../src/safety/safetyReply';
import { TOPIC_ANSWER_DIALOG } from './topicAnswerDialog';
import {
  checkProgressOf,
  fitSoFar,
  isCheckPaused,
  keepAnswerInCheck,
  markSafetyFirst,
  withProfile,
  nextStepReply,
  openQuestionOf,
  pauseCheck,
  SUITABILITY_CHECK_DIALOG,
  type CheckProgress,
  type SuitabilityCheckOptions,
} from './suitabilityCheckDialog';
import { FALLBACK_DIALOG, type FallbackOptions } from './fallbackDialog';
import { HELP_DIALOG, helpText, type HelpMode, type HelpOptions } from './helpDialog';
import { GREETING_DIALOG } from './greetingDialog';
import { GOODBYE_DIALOG } from './goodbyeDialog';
import { HUMAN_CONTACT_DIALOG, HumanContactDialog } from './humanContactDialog';
import { readAnswer, type ReadAnswer } from './guidedPrompt';
import { ERASE_CONVERSATION_DIALOG, isEraseRequest } from './eraseConversationDialog';
import { withButtons } from './replies';
import { urgentNumbers } from '../src/content/urgentNumbers';
import { QUESTION_ANSWER_DIALOG, type QuestionAnswerOptions } from './questionAnswerDialog';
import type { QuestionAnswerer } from '../src/language/questionAnswerer';
import type { AnswerPlan } from '../src/language/answering';
import { notedPlace, type AnswerContext, type DeploymentValues } from '../src/content/answerReplies';
import { movedWithoutPlace } from '../src/language/contextFacts';
import { readProfileUpdate, type ProfileUpdate } from '../src/language/profileUpdate';
import { asksForYoungPerson } from '../src/language/youngPerson';
import { NATIONS } from '../src/profile';
import { fallbackVariants } from './fallbackDialog';
import { handleKeepChoice, keepProfileFrom, noteProfileUpdate, restoreKeptProfile } from './keptProfile';
import type { ChildDialogs } from './childDialogs';

export const MAIN_DIALOG = 'mainDialog';

/** "what about in Wales?", "and in Scotland?": the same question for another place. */
const WHAT_ABOUT = /^\s*(?:and\s+|but\s+|so\s+)?(?:what|how)\s+about\b|^\s*and\s+(?:in|for)\b/i;

export const INTENT_TRACE = {
  name: 'IntentRecognizer',
  valueType: 'https://ipt-guide/schemas/intent-trace',
  label: 'Intent',
} as const;

export interface MainDialogDeps {
  recognizer: Recognizer;
  profile: StatePropertyAccessor<UserProfile>;
  /** What the person asked us to keep between conversations (nation and age group only). */
  keptProfile?: StatePropertyAccessor<UserProfile>;
  /** Where the safety dialogs record risk events for staff review, and log (safety notes are sent from here). */
  safety: SafetyDialogDeps;
  /** Knowledge-base answering; without it only the intents route (as some tests want). */
  answers?: { answerer: QuestionAnswerer; deployment: DeploymentValues };
}

/** What a message asks for: a button (exact label) or, failing that, the recognised intent. */
type Route = { kind: 'action'; action: ActionId } | { kind: 'intent'; intent: IntentName; text: string };

/** Kept in MainDialog's own instance state, which lives in conversation state between turns. */
interface MainState {
  misunderstandings?: number;
  /** The last fallback wording used, so the next one differs. */
  lastFallback?: number;
  /** The last question answered in this conversation, for follow-ups ("is it free?", "what about in Wales?"). */
  lastTopic?: string;
  lastQuestion?: string;
  /** The check's answers when it was stopped or finished, for "carry on" and "change my age" later. */
  lastCheck?: { progress: CheckProgress; finished: boolean };
  /** How many times a control word found nothing to act on, to vary the reply. */
  nothingRunning?: number;
  /** The crisis hand-off was given in this conversation: a check started later says support comes first. */
  handedOff?: boolean;
  /** The under-18 routes (GP or a trusted adult, Childline) were given in this conversation. */
  youngRoutesGiven?: boolean;
  /** The last messages came as work or study talk ("im a student nurse..."): src/safety/workFrame.ts. */
  workFrame?: boolean;
}

/**
 * The CrisisSupport intent never starts a safety dialog by itself: the safety gate's detector,
 * which runs first on every message, decides that. Measured on 1,000 messages written blind to the
 * product (test/safety/fresh f-r), every message the intent claimed and the detector left alone was
 * benign (medication questions, rows, grief: "is it safe to stop my pills" scored 0.96). So such a
 * guess gets the help reply, which always says how to get help now, and never hides a usable answer.
 */
export const SAFETY_DIALOGS: ReadonlySet<string> = new Set([EMERGENCY_SUPPORT_DIALOG, RISK_CHECK_IN_DIALOG, SAFETY_PLAN_DIALOG]);

/** Intents that leave a dialog in progress for another topic. */
const SWITCH_INTENTS = new Set<IntentName>([
  'AboutIpt',
  'WhoItHelps',
  'SuitabilityCheck',
  'WhatToExpect',
  'FocusAreas',
  'AccessNhs',
  'AccessPrivate',
  'Evidence',
  'HumanContact',
  'Goodbye',
]);

/**
 * A side question inside a question is a question or a request: a word or two ("uk", "my mum")
 * that the recogniser files under a topic is an attempt at an answer, asked again instead.
 */
function looksLikeRequest(text: string, intent: IntentName): boolean {
  return intent === 'HumanContact' || intent === 'Goodbye' || text.includes('?') || text.trim().split(/\s+/).length >= 3;
}

/**
 * The root dialog. Each turn it first looks at the risk assessment the safety gate left in turn
 * state (before anything else, whatever dialog is active), then recognises the intent once and
 * routes. While a dialog is waiting for an answer it handles interruptions: help, stop, a request
 * for urgent help, or a new topic.
 *
 * It stays on the stack between turns (endComponent never ends it) so that it can remember, in
 * conversation state, how many times in a row it did not understand.
 */
export class MainDialog extends ComponentDialog {
  /** The child dialogs arrive built (dialogs/childDialogs.ts), as in the core-bot sample: MainDialog only routes to them. */
  constructor(
    private readonly deps: MainDialogDeps,
    children: ChildDialogs,
  ) {
    super(MAIN_DIALOG);
    for (const child of Object.values(children)) if (child) this.addDialog(child);
  }

  /** The dialog set run() uses, and the state accessor it was made for: one set per accessor, not per turn. */
  private rootSet?: { accessor: StatePropertyAccessor<DialogState>; set: DialogSet };

  /** The samples' entry point: continue the active dialog, or start this one. */
  async run(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>): Promise<void> {
    if (this.rootSet?.accessor !== dialogState) {
      const set = new DialogSet(dialogState);
      set.add(this);
      this.rootSet = { accessor: dialogState, set };
    }
    const dc = await this.rootSet.set.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) {
      await dc.beginDialog(this.id);
    }
  }

  protected override async onBeginDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    await restoreKeptProfile(innerDc.context, this.deps);
    const interrupted = await this.interrupt(innerDc);
    if (interrupted) return interrupted;
    return this.onMessage(innerDc);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return (await this.interrupt(innerDc)) ?? this.onMessage(innerDc);
  }

  /** Keeps the root alive: a finished topic leaves MainDialog waiting for the next message. */
  protected override async endComponent(outerDc: DialogContext, result?: unknown): Promise<DialogTurnResult> {
    // A finished check's answers stay with the conversation, so "change my age" can reopen it.
    const progress = (result as { progress?: CheckProgress } | undefined)?.progress;
    if (progress && outerDc.activeDialog) {
      const state = outerDc.activeDialog.state as MainState;
      state.lastCheck = { progress, finished: true };
      // The summary is now the last answer: a new place or age said next updates it.
      state.lastQuestion = undefined;
      if (progress.youngRoutesGiven) state.youngRoutesGiven = true;
    }
    return Dialog.EndOfTurn;
  }

  /**
   * Safety first, in every state: a risk message pushes its safety reply on top of the stack. A
   * settled emergency dialog (the person said they are safe and was offered what next) steps aside
   * for any message that is not one of its choices, so that message is handled as usual by the
   * dialog below, or routed.
   */
  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const risk = this.riskInFrame(innerDc);
    const { context } = innerDc;
    const active = innerDc.activeDialog;
    // Nation and age said with the risk ("im 15 and...", "live in dundee...") or during the safety
    // reply tailor its routes: kept in the profile first, as everywhere else in the bot.
    if (risk || (active && SAFETY_DIALOGS.has(active.id))) {
      const kept = await keepProfileFrom(context, this.deps);
      if (kept) context.turnState.set(PROFILE_NOTED_KEY, { profile: kept.profile, onlyContext: kept.update.onlyContext } satisfies ProfileNoted);
    }
    if (risk) return this.beginSafetyDialog(innerDc, risk);
    if (active && isSettled(active) && stepsAside(active, context.activity.text ?? '', context.activity.locale ?? '')) {
      // Ends it without resuming the dialog below: this message is that dialog's, and it answers it.
      // A check underneath waits for the person to choose to carry on; it never pushes its question.
      innerDc.stack.pop();
      pauseCheck(innerDc.activeDialog);
      const inView = keptInView(active, context.activity.locale ?? '');
      if (inView) await context.sendActivity(inView);
    }
    return undefined;
  }

  /**
   * The gate's risk as this conversation reads it: a work or study frame set in an earlier message
   * carries to the next general question ("is there evidence it reduces suicidal ideation"). Keeps
   * the frame for the next turn.
   */
  private riskInFrame(innerDc: DialogContext): RiskAssessment | undefined {
    const { context } = innerDc;
    const found = context.turnState.get(RISK_ASSESSMENT_KEY) as RiskAssessment | undefined;
    if (context.activity.type !== 'message') return found;
    const state = this.mainState(innerDc);
    const text = context.activity.text ?? '';
    const open = state.workFrame === true;
    if (workFrameAfter(text, open)) state.workFrame = true;
    else delete state.workFrame;
    if (!found) return undefined;
    const risk = withWorkFrame(found, text, open);
    if (risk !== found) context.turnState.set(RISK_ASSESSMENT_KEY, risk);
    return risk;
  }

  /**
   * An open safety dialog reads the turn itself, the answer and any new risk together, so it never
   * starts over (once the person is safe, only a new hand-off-level risk reaches it). A clear risk during the gentle check-in replaces it with the hand-off; an urgent one
   * during the safety plan puts the hand-off on top (the plan asks its question again after). Past
   * and over, or work and study: a short note, then the message is answered as usual.
   */
  private async beginSafetyDialog(innerDc: DialogContext, risk: RiskAssessment): Promise<DialogTurnResult | undefined> {
    const options: EmergencySupportOptions = {
      assessment: risk,
      profile: await this.deps.profile.get(innerDc.context, {}),
    };
    const { mode } = safetyReply(risk);
    // The check underneath waits until the person chooses to carry on after the hand-off.
    if (mode === 'handoff') {
      markSafetyFirst(innerDc.activeDialog);
      // The person's own crisis (not a worry about someone else, not a physical emergency) comes first in a later check too.
      const own = risk.category === 'harm_to_others' || (risk.category !== 'medical' && (risk.who ?? 'self') === 'self');
      if (own) this.mainState(innerDc).handedOff = true;
    }
    if (isSettled(innerDc.activeDialog)) {
      // Already safe and only being offered what next. A signal short of urgent about themselves ("I
      // just feel like such a burden") gets the gentle check-in, not the whole hand-off again (the
      // detector may call it a hand-off: what they said before decides here). Past and over, or
      // work and study, is handled as if nothing were open.
      const reply = safetyReply(risk);
      const lesser = mode === 'checkIn' || (mode === 'handoff' && risk.severity !== 'immediate' && reply.kind === 'self');
      if (lesser || mode !== 'handoff') innerDc.stack.pop();
      if (lesser) return innerDc.beginDialog(RISK_CHECK_IN_DIALOG, { ...options, afterCrisis: true } satisfies RiskCheckInOptions);
    }
    switch (innerDc.activeDialog?.id) {
      case EMERGENCY_SUPPORT_DIALOG:
        return innerDc.continueDialog();
      case RISK_CHECK_IN_DIALOG:
        return mode === 'handoff' ? innerDc.replaceDialog(EMERGENCY_SUPPORT_DIALOG, options) : innerDc.continueDialog();
      case SAFETY_PLAN_DIALOG:
        return mode === 'handoff' && risk.severity === 'immediate'
          ? innerDc.beginDialog(EMERGENCY_SUPPORT_DIALOG, { ...options, lead: 'repeat', inPlan: true })
          : innerDc.continueDialog();
    }
    switch (mode) {
      case 'past':
      case 'professional':
        await sendSafetyNote(this.deps.safety, innerDc.context, mode, risk);
        return undefined;
      case 'checkIn':
        return innerDc.beginDialog(RISK_CHECK_IN_DIALOG, options);
      case 'handoff':
        return innerDc.beginDialog(EMERGENCY_SUPPORT_DIALOG, options);
    }
  }

  /** Recognises a message once per turn, sends the trace, and caches the result in turn state. */
  async recognize(context: TurnContext): Promise<RecognitionResult> {
    const cached = context.turnState.get(RECOGNITION_KEY) as RecognitionResult | undefined;
    if (cached) return cached;
    const result = await this.deps.recognizer.recognize(context.activity.text ?? '', context.activity.locale ?? '');
    context.turnState.set(RECOGNITION_KEY, result);
    await context.sendTraceActivity(INTENT_TRACE.name, result, INTENT_TRACE.valueType, INTENT_TRACE.label);
    return result;
  }

  private async onMessage(innerDc: DialogContext): Promise<DialogTurnResult> {
    const { context } = innerDc;
    if (context.activity.type !== 'message') {
      return innerDc.activeDialog ? innerDc.continueDialog() : Dialog.EndOfTurn;
    }
    const text = context.activity.text ?? '';
    const erase = await this.privacyRoute(innerDc, text);
    if (erase) return erase;
    const recognition = await this.recognize(context);
    const locale = context.activity.locale ?? '';
    // A typed request for the check ("quiz pls") counts as its button, whatever the recogniser says.
    const action = matchAction(locale, text) ?? (isCheckRequest(locale, text) ? 'SuitabilityCheck' : undefined);
    let route: Route = action ? { kind: 'action', action } : { kind: 'intent', intent: recognition.intent, text };

    // "ya" or "ok" is never a goodbye, and "not sure" is never "stop": only a message that says
    // goodbye ends the conversation, and only a stop word stops.
    const control = action ? undefined : classifyControl(locale, text);
    if (route.kind === 'intent' && route.intent === 'Goodbye' && !isGoodbye(locale, text)) route = { kind: 'intent', intent: 'None', text };
    if (route.kind === 'intent' && route.intent === 'Cancel' && control?.kind !== 'stop') route = { kind: 'intent', intent: 'None', text };
    if (await handleKeepChoice(context, this.deps)) {
      if (innerDc.activeDialog) await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    // "whats the respect number again" after a crisis reply (or any time): that route, then the open question again.
    if (!innerDc.activeDialog || !SAFETY_DIALOGS.has(innerDc.activeDialog.id)) {
      const routes = requestedRoutes(context, await this.deps.profile.get(context, {}));
      if (routes && routes.length > 0) {
        await context.sendActivity(requestedRoutesActivity(locale, routes));
        if (innerDc.activeDialog) await innerDc.repromptDialog();
        return Dialog.EndOfTurn;
      }
    }
    if (!innerDc.activeDialog) {
      const noted = await noteProfileUpdate(context, this.deps);
      await this.youngRoutesOnce(innerDc);
      if (noted?.onlyContext) return this.answerAgainForContext(innerDc, noted);
      // "sorry i meant im moving to cardiff next month", "change that to scotland, im in inverness":
      // a correction in more words, not a question. Said back, then the same as a place on its own.
      if (noted?.nation && !action && hasChangeCue(locale, text) && !isQuestion(locale, text)) {
        await context.sendActivity(withButtons(notedPlace(locale, noted.nation, noted.place), []));
        return this.answerAgainForContext(innerDc, noted);
      }
      // "so what do I do next?" right after the check: its next step again.
      const lastCheck = this.mainState(innerDc).lastCheck;
      if (lastCheck?.finished && isNextStepRequest(locale, text)) {
        await this.resetMisunderstandings(innerDc);
        await context.sendActivity(nextStepReply(locale, lastCheck.progress));
        return Dialog.EndOfTurn;
      }
      // "skip" or "what?" with nothing open is just a message ("not sure" after an answer).
      if (control && control.kind !== 'skip' && control.kind !== 'repeat') return this.controlWithNothingOpen(innerDc, control);
      // "would talking to someone even help" right after "my dad died...": how IPT works with that.
      const area = isFitQuestion(locale, text) ? this.lastAnswerArea(innerDc) : undefined;
      if (area) {
        this.mainState(innerDc).lastQuestion = undefined;
        await this.resetMisunderstandings(innerDc);
        return this.answerTopic(innerDc, 'FocusAreas', area);
      }
      if (!action && isAcknowledgement(locale, text)) return this.nothingToDo(innerDc, 'acknowledged');
      return this.route(innerDc, route);
    }
    if (SAFETY_DIALOGS.has(innerDc.activeDialog.id)) return innerDc.continueDialog();
    return (await this.interruptActiveDialog(innerDc, route)) ?? innerDc.continueDialog();
  }

  /** "Delete my conversation" at any point but a safety dialog (risk comes first), and its confirmation. */
  private async privacyRoute(innerDc: DialogContext, text: string): Promise<DialogTurnResult | undefined> {
    if (!this.findDialog(ERASE_CONVERSATION_DIALOG)) return undefined;
    const activeId = innerDc.activeDialog?.id;
    if (activeId === ERASE_CONVERSATION_DIALOG) return innerDc.continueDialog();
    if (!isEraseRequest(innerDc.context.activity.locale ?? '', text) || (activeId && SAFETY_DIALOGS.has(activeId))) return undefined;
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(ERASE_CONVERSATION_DIALOG);
  }

  /**
   * A dialog is waiting for an answer. In order: a button of the question (or Skip) is always an
   * answer; stop stops; the check's other control words (start again, go back, change an answer,
   * skip, "what was the question?", carry on) go to the question; a bot-wide button interrupts;
   * words the question can use are an answer; then help (and a CrisisSupport guess, which gets the
   * help reply with how to get help now) and side questions, which are answered while the check
   * waits underneath and asks its question again. Anything else goes to the question, which asks
   * again once and then moves on. Risk never waits for any of this: the safety interrupt has
   * already run.
   */
  private async interruptActiveDialog(innerDc: DialogContext, route: Route): Promise<DialogTurnResult | undefined> {
    const locale = innerDc.context.activity.locale ?? '';
    const text = innerDc.context.activity.text ?? '';
    const question = openQuestionOf(innerDc.activeDialog);
    const answer = question ? readAnswer(locale, question, text) : undefined;
    if (answer && answer.kind !== 'typed' && answer.kind !== 'facts') return undefined;
    const control = route.kind === 'action' ? undefined : classifyControl(locale, text);
    if (control?.kind === 'stop') return this.cancelAndShow(innerDc, 'cancelled');
    if (control && question) return undefined;
    // "hang on, someone's at the door": the question waits (the prompt says so), never a side topic.
    if (question && isPause(locale, text)) return undefined;
    if (control?.kind === 'repeat') {
      await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }

    if (route.kind === 'action') {
      if (route.action === 'Menu') return this.cancelAndShow(innerDc, 'cancelled');
      if (route.action === 'Help') return this.helpThenResume(innerDc);
      // A topic's label typed as the answer ("grief" to "what is troubling you?") is the answer.
      if (answer?.kind !== 'typed') return this.switchTopic(innerDc, route);
    }
    // "whats ipt do for grief specifically", "ok how do i get it, im in sheffield": an answer or a
    // fact, but the message opens as a question. The question is answered first (the answer and the
    // facts are kept), and the check goes on. ("dunno, few months?" is an answer.)
    const questionFirst = answer !== undefined && text.trim().split(/\s+/).length >= 3 && isQuestion(locale, text.replace(/\?/g, ''));
    if (answer && !questionFirst) return undefined;
    if (!answer) {
      if (route.kind === 'action') return undefined;
      if (route.intent === 'Cancel') return this.cancelAndShow(innerDc, 'cancelled');
      // "is that the sort of thing IPT is for?" in the check: what the answers so far point to, then the question.
      const fit = isFitQuestion(locale, text) ? fitSoFar(locale, innerDc.activeDialog) : undefined;
      if (fit) {
        await innerDc.context.sendActivity(withButtons(fit, []));
        await innerDc.repromptDialog();
        return Dialog.EndOfTurn;
      }
      const callBack = innerDc.activeDialog?.id === HUMAN_CONTACT_DIALOG;
      // "what times do you ring?" while asked for a number: when they call, then the same step again.
      if (callBack && isCallTimeQuestion(locale, text)) {
        const dialog = this.findDialog(HUMAN_CONTACT_DIALOG);
        if (dialog instanceof HumanContactDialog) await innerDc.context.sendActivity(withButtons(dialog.callTimesReply(locale), []));
        await innerDc.repromptDialog();
        return Dialog.EndOfTurn;
      }
      if (route.intent === 'Help' || route.intent === 'CrisisSupport') return this.helpThenResume(innerDc);
      // The call-back flow is short and each step gives up after two tries: its answers ("No, I'll
      // contact them", a phone number) go to it, whatever the recogniser makes of them; a question
      // is answered aside, and the step asks again.
      if (callBack && !isQuestion(locale, text)) return undefined;
      if (!callBack && SWITCH_INTENTS.has(route.intent) && looksLikeRequest(text, route.intent)) return this.switchTopic(innerDc, route);
    }
    const asking = question !== undefined || innerDc.activeDialog?.id === HUMAN_CONTACT_DIALOG;
    const sideAnswer = asking ? await this.sideAnswer(innerDc, text, answer) : undefined;
    if (sideAnswer) return sideAnswer;
    if (answer) return undefined;
    // While the check waits for the person to choose to carry on, other messages are answered as usual.
    if (isCheckPaused(innerDc.activeDialog)) {
      if (!isAcknowledgement(locale, text)) return this.aside(innerDc, route);
      innerDc.context.turnState.set(ASIDE_KEY, true);
      return this.nothingToDo(innerDc, 'acknowledged');
    }
    return undefined;
  }

  /**
   * The check stays open under a side question: the answer is given on top of it (the answering
   * hook is route()), and the check asks its question again when that answer ends. Leaving the
   * check is for a goodbye; asking for the check again just asks the open question again.
   */
  private async switchTopic(innerDc: DialogContext, route: Route): Promise<DialogTurnResult> {
    if (innerDc.activeDialog?.id === SUITABILITY_CHECK_DIALOG) {
      const wanted = route.kind === 'action' ? route.action : route.intent;
      if (wanted === 'SuitabilityCheck') {
        await innerDc.repromptDialog();
        return Dialog.EndOfTurn;
      }
      if (wanted !== 'Goodbye') return this.aside(innerDc, route);
      this.keepCheck(innerDc);
      await innerDc.cancelAllDialogs();
      await innerDc.context.sendActivity(withButtons(t(innerDc.context.activity.locale ?? '', 'common:leftCheck'), []));
      return this.route(innerDc, route);
    }
    await innerDc.cancelAllDialogs();
    return this.route(innerDc, route);
  }

  /**
   * A question during the check or the call-back steps, whatever intent it was filed under ("who
   * sees my answers?", "ok how do i get it, im in sheffield"): answered on top when the knowledge
   * base has an answer (or a topic), and the dialog below then asks its question again, or the
   * check's next one if the message answered it. Without one, the open question reads the message.
   */
  private async sideAnswer(innerDc: DialogContext, text: string, answer: ReadAnswer): Promise<DialogTurnResult | undefined> {
    const { context } = innerDc;
    const locale = context.activity.locale ?? '';
    if (!this.deps.answers || !isQuestion(locale, text)) return undefined;
    const plan = await this.deps.answers.answerer.plan(text, locale, await this.recognize(context), this.mainState(innerDc).lastQuestion);
    const topic = plan.kind === 'intent' && isTopicIntent(plan.intent) ? plan.intent : undefined;
    if (plan.kind !== 'answer' && plan.kind !== 'topic' && !topic) return undefined;
    // What the message also says is kept first, so the answer fits it ("im in sheffield") and the
    // check does not ask for it again; the place is said back, so it can be corrected.
    let lead: string[] = [];
    if (answer && answer.kind !== 'skip') {
      keepAnswerInCheck(innerDc.activeDialog, answer);
      const kept = await keepProfileFrom(context, this.deps);
      if (kept?.update.nation) lead = [notedPlace(locale, kept.update.nation, kept.update.place)];
    }
    context.turnState.set(ASIDE_KEY, true);
    await this.resetMisunderstandings(innerDc);
    if (plan.kind === 'answer' || plan.kind === 'topic') return this.answerQuestion(innerDc, plan, lead);
    if (lead.length > 0) await context.sendActivities(lead.map((line) => withButtons(line, [])));
    return topic ? this.answerTopic(innerDc, topic) : undefined;
  }

  private async aside(innerDc: DialogContext, route: Route): Promise<DialogTurnResult> {
    innerDc.context.turnState.set(ASIDE_KEY, true);
    return this.route(innerDc, route);
  }

  /** Keeps the open check's answers before it is closed, so "carry on" can pick it up again. */
  private keepCheck(innerDc: DialogContext): void {
    const progress = checkProgressOf(innerDc.activeDialog);
    if (!progress) return;
    const state = this.mainState(innerDc);
    state.lastCheck = { progress, finished: false };
    if (progress.youngRoutesGiven) state.youngRoutesGiven = true;
  }

  /**
   * A control word with nothing open. "carry on" picks up a stopped check; "change my age" reopens
   * a finished one at that question; "start again" starts the check again once one has been run.
   * Otherwise the reply says what the person can do instead, in words that differ each time.
   */
  private async controlWithNothingOpen(innerDc: DialogContext, control: Control): Promise<DialogTurnResult> {
    const state = this.mainState(innerDc);
    const last = state.lastCheck;
    await this.resetMisunderstandings(innerDc);
    if (last && control.kind === 'resume' && !last.finished) {
      state.lastCheck = undefined;
      return innerDc.beginDialog(SUITABILITY_CHECK_DIALOG, { progress: last.progress } satisfies SuitabilityCheckOptions);
    }
    if (last && (control.kind === 'change' || control.kind === 'back') && control.target) {
      state.lastCheck = undefined;
      return innerDc.beginDialog(SUITABILITY_CHECK_DIALOG, { progress: last.progress, ask: control.target } satisfies SuitabilityCheckOptions);
    }
    const locale = innerDc.context.activity.locale ?? '';
    if (last && (control.kind === 'change' || control.kind === 'back') && last.progress.settled.length > 0) {
      const labels = last.progress.settled.map((question) => t(locale, `suitability:changeButton.${question}`));
      await innerDc.context.sendActivity(withButtons(t(locale, 'suitability:whichToChange'), labels));
      return Dialog.EndOfTurn;
    }
    if (last && control.kind === 'restart') {
      state.lastCheck = undefined;
      return this.beginCheck(innerDc);
    }
    return this.nothingToDo(innerDc, control.kind === 'restart' ? 'restart' : 'other');
  }

  /**
   * A fresh check; after a crisis hand-off in this conversation its summary says support comes first,
   * and under-18 routes already given are not given again.
   */
  private async beginCheck(innerDc: DialogContext): Promise<DialogTurnResult> {
    const state = this.mainState(innerDc);
    const options: SuitabilityCheckOptions = { ...(state.handedOff ? { safetyFirst: true } : {}), ...(state.youngRoutesGiven ? { youngRoutesGiven: true } : {}) };
    return innerDc.beginDialog(SUITABILITY_CHECK_DIALOG, options);
  }

  /**
   * Under-18s always get their routes: the first time this conversation knows the person is under
   * 18 (an age in any message), GP or a trusted adult and Childline's number, once. The check does
   * the same inside itself and says so when it ends.
   */
  private async youngRoutesOnce(innerDc: DialogContext): Promise<void> {
    const state = this.mainState(innerDc);
    if (state.youngRoutesGiven) return;
    if ((await this.deps.profile.get(innerDc.context, {})).ageGroup !== 'under_18') return;
    state.youngRoutesGiven = true;
    const locale = innerDc.context.activity.locale ?? '';
    await innerDc.context.sendActivity(withButtons(t(locale, 'suitability:youngRoutes', urgentNumbers(locale)), []));
  }

  /** Nothing to act on: what the person can do instead, in words that differ from the last time. */
  private async nothingToDo(innerDc: DialogContext, kind: NonNullable<HelpOptions['kind']>): Promise<DialogTurnResult> {
    const state = this.mainState(innerDc);
    const variant = state.nothingRunning ?? 0;
    state.nothingRunning = variant + 1;
    await this.resetMisunderstandings(innerDc);
    return innerDc.beginDialog(HELP_DIALOG, { mode: 'nothingToCancel', variant, kind } satisfies HelpOptions);
  }

  private async cancelAndShow(innerDc: DialogContext, mode: HelpMode): Promise<DialogTurnResult> {
    this.keepCheck(innerDc);
    await innerDc.cancelAllDialogs();
    await this.resetMisunderstandings(innerDc);
    return innerDc.beginDialog(HELP_DIALOG, { mode } satisfies HelpOptions);
  }

  /** Help in the middle of a question: explain, then ask the same question again. */
  private async helpThenResume(innerDc: DialogContext): Promise<DialogTurnResult> {
    const locale = innerDc.context.activity.locale ?? '';
    await innerDc.context.sendActivities([
      withButtons(helpText(locale, innerDc.context.activity.text ?? ''), []),
      withButtons(t(locale, 'common:helpHint'), []),
      withButtons(t(locale, 'common:helpResume'), []),
    ]);
    await innerDc.repromptDialog();
    return Dialog.EndOfTurn;
  }

  /** Starts the dialog for a button or an intent. */
  private async route(innerDc: DialogContext, route: Route): Promise<DialogTurnResult> {
    if (route.kind === 'action') {
      await this.resetMisunderstandings(innerDc);
      const area = areaOf(route.action);
      if (area) return this.answerTopic(innerDc, 'FocusAreas', area);
      if (isIntentAction(route.action)) return this.routeIntent(innerDc, route.action, '');
      return innerDc.beginDialog(HELP_DIALOG, { mode: 'menu' } satisfies HelpOptions);
    }
    if (this.deps.answers) return this.answer(innerDc, route.text, route.intent, this.deps.answers.answerer);
    if (route.intent === 'None') return this.fallback(innerDc, []);
    await this.resetMisunderstandings(innerDc);
    return this.routeIntent(innerDc, route.intent, route.text);
  }

  /**
   * A typed message, answered from the knowledge base where it can be (src/language/answering.ts
   * decides how the intent and the question matcher combine). Context comes first: a place or an
   * age in the message updates this conversation's context and is said back, so it can be corrected.
   */
  private async answer(innerDc: DialogContext, text: string, intent: IntentName, answerer: QuestionAnswerer): Promise<DialogTurnResult> {
    const { context } = innerDc;
    const locale = context.activity.locale ?? '';
    const state = this.mainState(innerDc);
    if (movedWithoutPlace(text)) {
      const { nation: _old, ...rest } = await this.deps.profile.get(context, {});
      await this.deps.profile.set(context, rest);
      await this.resetMisunderstandings(innerDc);
      const nations = NATIONS.map((n) => t(locale, `suitability:questions.nation.choices.${n}`));
      await context.sendActivity(withButtons(t(locale, 'answers:askWhereNow'), nations));
      return Dialog.EndOfTurn;
    }
    // A place named with a question ("I'm in Glasgow, can I refer myself?"): the profile already
    // follows it (noteProfileUpdate); say so, so it can be corrected.
    const update = readProfileUpdate(text);
    const lead = update?.nation ? [notedPlace(locale, update.nation, update.place)] : [];
    // "what about in Wales?": the last question again, for the place just named.
    if (update?.nation && WHAT_ABOUT.test(text) && state.lastQuestion) {
      await this.resetMisunderstandings(innerDc);
      return this.answerQuestion(innerDc, { kind: 'answer', questionId: state.lastQuestion, score: 1 }, lead);
    }
    // The route's intent may differ from the recogniser's ("ya" is never a goodbye): the route's counts.
    const recognised = await this.recognize(context);
    const recognition = recognised.intent === intent ? recognised : { ...recognised, intent };
    // A question's own text (a follow-up or "Did you mean" button) names it, except that asking to
    // check whether IPT fits starts the guided check, which answers that better.
    const labelled = recognition.intent === 'SuitabilityCheck' ? undefined : answerer.questionForLabel(text);
    const plan: AnswerPlan = labelled
      ? { kind: 'answer', questionId: labelled, score: 1 }
      : await answerer.plan(text, locale, recognition, state.lastQuestion);

    if (lead.length > 0 && plan.kind !== 'answer' && plan.kind !== 'topic') await context.sendActivities(lead.map((line) => withButtons(line, [])));
    // "hiya from derry, do yous do ipt here", "hw do i get it im in englnd": where they live is the
    // part we can act on, so their nation's route (help for a question, which asks for more than a menu).
    const unclear = plan.kind === 'didYouMean' || (plan.kind === 'intent' && (plan.intent === 'Greeting' || (plan.intent === 'Help' && isQuestion(locale, text))));
    if (lead.length > 0 && unclear) {
      await this.resetMisunderstandings(innerDc);
      return this.answerTopic(innerDc, 'AccessNhs');
    }

    switch (plan.kind) {
      case 'answer':
      case 'topic': {
        await this.resetMisunderstandings(innerDc);
        // "my daughter is 15, can she refer herself?": the under-18 answer, for this answer only.
        const forYoungPerson = asksForYoungPerson(text);
        // "how much roughly?" right after the price answer matches it again: say so, rather than send
        // the same reply twice in a row as if it were new.
        if (plan.kind === 'answer' && plan.questionId === state.lastQuestion && lead.length === 0 && !forYoungPerson) lead.push(t(locale, 'answers:sameAgain'));
        return this.answerQuestion(innerDc, plan, lead, forYoungPerson);
      }
      case 'didYouMean':
        return this.fallback(
          innerDc,
          plan.closest.map((id) => answerer.kb.questions.get(id)?.question ?? '').filter(Boolean),
        );
      case 'intent':
        await this.resetMisunderstandings(innerDc);
        return this.routeIntent(innerDc, plan.intent, text);
    }
  }

  private async answerQuestion(
    innerDc: DialogContext,
    plan: Extract<AnswerPlan, { kind: 'answer' | 'topic' }>,
    lead: string[],
    forYoungPerson = false,
  ): Promise<DialogTurnResult> {
    const state = this.mainState(innerDc);
    state.lastQuestion = plan.questionId;
    state.lastTopic = this.deps.answers?.answerer.kb.questions.get(plan.questionId)?.topic;
    const options: QuestionAnswerOptions = {
      questionId: plan.questionId,
      context: { ...(await this.answerContext(innerDc)), ...(forYoungPerson ? { ageGroup: 'under_18' as const } : {}) },
      mode: plan.kind,
      ...(plan.kind === 'topic' ? { closest: plan.closest } : {}),
      lead,
    };
    return innerDc.beginDialog(QUESTION_ANSWER_DIALOG, options);
  }

  /** This conversation's context: the profile (the check's answers, and places and ages people mention). */
  private async answerContext(innerDc: DialogContext): Promise<AnswerContext> {
    const { nation, ageGroup } = await this.deps.profile.get(innerDc.context, {});
    return { ...(nation ? { nation } : {}), ...(ageGroup ? { ageGroup } : {}) };
  }

  /**
   * "what about in Wales?", "I'm 18 now": noteProfileUpdate has said what it noted; the last
   * question (or the check's summary) is answered again for the new context, so the follow-up gets
   * its answer.
   */
  private async answerAgainForContext(innerDc: DialogContext, update: ProfileUpdate): Promise<DialogTurnResult> {
    const state = this.mainState(innerDc);
    const last = state.lastQuestion;
    await this.resetMisunderstandings(innerDc);
    // Right after the check: its summary and next step again, for the new place or age.
    if (!last && state.lastCheck?.finished) {
      const progress = withProfile(state.lastCheck.progress, await this.deps.profile.get(innerDc.context, {}));
      state.lastCheck = undefined;
      return innerDc.beginDialog(SUITABILITY_CHECK_DIALOG, { progress } satisfies SuitabilityCheckOptions);
    }
    // A place with nothing asked yet ("newry"), or after an answer that is the same everywhere ("how
    // long are the waits?"): that nation's NHS route, the thing a place changes.
    const variants = (last && this.deps.answers?.answerer.kb.questions.get(last)?.variants) || [];
    if (update.nation && !variants.some((variant) => variant.when.nation)) return this.answerTopic(innerDc, 'AccessNhs');
    if (!this.deps.answers || !last) return Dialog.EndOfTurn;
    return this.answerQuestion(innerDc, { kind: 'answer', questionId: last, score: 1 }, []);
  }

  /** Nothing matched: "Did you mean ...?" in a wording that differs from last time. */
  private async fallback(innerDc: DialogContext, suggestions: string[]): Promise<DialogTurnResult> {
    const state = this.mainState(innerDc);
    const misunderstandings = await this.countMisunderstanding(innerDc);
    const variant = state.lastFallback === undefined ? 0 : (state.lastFallback + 1) % fallbackVariants(innerDc.context.activity.locale ?? '');
    state.lastFallback = variant;
    return innerDc.beginDialog(FALLBACK_DIALOG, { misunderstandings, suggestions, variant } satisfies FallbackOptions);
  }

  private async routeIntent(innerDc: DialogContext, intent: Exclude<IntentName, 'None'>, text: string): Promise<DialogTurnResult> {
    if (isTopicIntent(intent)) {
      return this.answerTopic(innerDc, intent, intent === 'FocusAreas' ? this.singleArea(innerDc, text) : undefined);
    }
    switch (intent) {
      case 'SuitabilityCheck':
        return this.beginCheck(innerDc);
      case 'Greeting':
        return innerDc.beginDialog(GREETING_DIALOG);
      case 'Help':
      case 'CrisisSupport':
        return innerDc.beginDialog(HELP_DIALOG, { mode: 'help' } satisfies HelpOptions);
      case 'Cancel':
        return innerDc.beginDialog(HELP_DIALOG, { mode: 'nothingToCancel' } satisfies HelpOptions);
      case 'Goodbye':
        return innerDc.beginDialog(GOODBYE_DIALOG);
      case 'HumanContact':
        return innerDc.beginDialog(HUMAN_CONTACT_DIALOG);
    }
  }

  private async answerTopic(innerDc: DialogContext, topic: TopicIntent, area?: FocusArea): Promise<DialogTurnResult> {
    const request: TopicRequest = { topic, ...(area ? { area } : {}), ...(await this.answerContext(innerDc)) };
    return innerDc.beginDialog(TOPIC_ANSWER_DIALOG, request);
  }

  /** The one focus area the last answer was about ("My mum or dad died..."), if it names one. */
  private lastAnswerArea(innerDc: DialogContext): FocusArea | undefined {
    const last = this.mainState(innerDc).lastQuestion;
    const question = last ? this.deps.answers?.answerer.kb.questions.get(last)?.question : undefined;
    return question ? this.singleArea(innerDc, question) : undefined;
  }

  /** "tell me about grief" asks for one focus area; "what are the focus areas" for all four. */
  private singleArea(innerDc: DialogContext, text: string): FocusArea | undefined {
    const areas = interpretAnswer('concern', text, suitabilityLexicon(innerDc.context.activity.locale ?? '')).filter(isFocusArea);
    return areas.length === 1 ? areas[0] : undefined;
  }

  private mainState(innerDc: DialogContext): MainState {
    const state = innerDc.parent?.activeDialog?.state;
    if (!state) throw new Error('MainDialog state is missing');
    return state as MainState;
  }

  private async countMisunderstanding(innerDc: DialogContext): Promise<number> {
    const state = this.mainState(innerDc);
    state.misunderstandings = (state.misunderstandings ?? 0) + 1;
    return state.misunderstandings;
  }

  private async resetMisunderstandings(innerDc: DialogContext): Promise<void> {
    this.mainState(innerDc).misunderstandings = 0;
  }
}
