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
import type { RecognitionResult } from '../src/language/recognizer';
import { matchAction } from '../src/content/actions';
import { asksToEmail, classifyControl, isCheckRequest, isEraseThat, isGoodbye } from '../src/language/controlWords';
import { asksForYoungPerson } from '../src/language/youngPerson';
import { asksForWriterToo } from '../src/language/contextFacts';
import { requestedRoutes, requestedRoutesActivity } from './safetyDialogShared';
import type { CheckProgress } from './suitabilityCheckDialog';
import { ERASE_CONVERSATION_DIALOG } from './eraseConversationDialog';
import { isEraseRequest, movesOnFromErase } from '../src/language/eraseWords';
import { handleKeepChoice, keepProfileFrom, restoreKeptProfile } from './keptProfile';
import { notedPlace } from '../src/content/answerReplies';
import { withActions, withButtons } from './replies';
import { t } from '../src/content/i18n';
import { PRIVACY_ANSWERED_KEY } from './turnState';
import type { ChildDialogs } from './childDialogs';
import { mainTurn, type MainDialogDeps, type MainState, type MainTurn, type Route } from './main/turn';
import { recognizeOnce } from './main/recognition';
import { SAFETY_DIALOGS, safetyFirst } from './main/safetyFirst';
import { whenNothingIsOpen } from './main/nothingOpen';
import { interruptActiveDialog } from './main/duringDialog';

export { SAFETY_DIALOGS } from './main/safetyFirst';
export { INTENT_TRACE } from './main/recognition';
export type { MainDialogDeps } from './main/turn';

export const MAIN_DIALOG = 'mainDialog';

/** The knowledge base's topic for what is kept and who sees it. */
const PRIVACY_TOPIC = 'privacy';
/** Guesses the recogniser may make for "and for me also" that the writer's own route answers better. */
const FOR_WRITER_INTENTS: ReadonlySet<string> = new Set(['SuitabilityCheck', 'None', 'AccessNhs', 'WhoItHelps', 'AboutIpt']);

/**
 * The root dialog, routing only. Each turn it first looks at the risk assessment the safety gate
 * left in turn state (before anything else, whatever dialog is active: main/safetyFirst.ts), then
 * recognises the intent once and routes: with nothing open (main/nothingOpen.ts) or while a dialog
 * waits for an answer (main/duringDialog.ts: help, stop, side questions, a new topic). Answers
 * start their dialogs in main/answerRoutes.ts.
 *
 * It stays on the stack between turns (endComponent never ends it) so that it can remember, in
 * conversation state, what it needs across turns (main/turn.ts, MainState).
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

  /** Recognises a message once per turn (the Teams group-chat filter asks too), sending the trace once. */
  async recognize(context: TurnContext): Promise<RecognitionResult> {
    return recognizeOnce(context, this.deps.recognizer);
  }

  protected override async onBeginDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    await restoreKeptProfile(innerDc.context, this.deps);
    return this.onContinueDialog(innerDc);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const turn = mainTurn(innerDc, this.deps, (id) => this.findDialog(id));
    return (await safetyFirst(turn)) ?? this.onMessage(turn);
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
    // The check-in just closed ("no", or no answer): an "ok" next is no all-clear (main/safetyFirst.ts).
    if ((result as { answer?: unknown } | undefined)?.answer !== undefined && outerDc.activeDialog) {
      (outerDc.activeDialog.state as MainState).quietAfterCheckIn = 0;
      (outerDc.activeDialog.state as MainState).afterSafetyMisses = 0;
    }
    return Dialog.EndOfTurn;
  }

  private async onMessage(turn: MainTurn): Promise<DialogTurnResult> {
    const { dc, locale, text } = turn;
    const { context } = dc;
    if (context.activity.type !== 'message') {
      return dc.activeDialog ? dc.continueDialog() : Dialog.EndOfTurn;
    }
    const erase = await this.privacyRoute(turn);
    if (erase) return erase;
    // Teams has just answered who can see the check's answers: the check's question again, or the check offered.
    if (context.turnState.get(PRIVACY_ANSWERED_KEY) === true) {
      if (dc.activeDialog) await dc.repromptDialog();
      else {
        await context.sendActivity(withActions(locale, t(locale, 'suitability:offerAfterPrivacy'), ['SuitabilityCheck']));
        turn.state.checkOffered = true;
      }
      return Dialog.EndOfTurn;
    }
    if (asksForYoungPerson(text)) turn.state.askedForYoungPerson = true;
    const recognition = await turn.recognize();
    // A typed request for the check ("quiz pls") counts as its button, whatever the recogniser says.
    const action = matchAction(locale, text) ?? (isCheckRequest(locale, text) ? 'SuitabilityCheck' : undefined);
    // "can i just email instead": a way to reach a person, whatever else the words look like.
    const intent = !action && asksToEmail(locale, text) ? 'HumanContact' : recognition.intent;
    let route: Route = action ? { kind: 'action', action } : { kind: 'intent', intent, text };
    // "my nephew is 16 ... can he have ipt", then "and for me also, im 29": the writer's own NHS
    // route (their place and age are read as usual), not the check, which the recogniser may guess.
    if (!dc.activeDialog && route.kind === 'intent' && turn.state.askedForYoungPerson === true && FOR_WRITER_INTENTS.has(intent) && asksForWriterToo(text) && !asksForYoungPerson(text)) {
      route = { kind: 'action', action: 'AccessNhs' };
    }

    // "ya" or "ok" is never a goodbye, and "not sure" is never "stop": only a message that says
    // goodbye ends the conversation, and only a stop word stops.
    const control = action ? undefined : classifyControl(locale, text);
    if (route.kind === 'intent' && route.intent === 'Goodbye' && !isGoodbye(locale, text)) route = { kind: 'intent', intent: 'None', text };
    if (route.kind === 'intent' && route.intent === 'Cancel' && control?.kind !== 'stop') route = { kind: 'intent', intent: 'None', text };
    if (await handleKeepChoice(context, this.deps)) {
      if (dc.activeDialog) await dc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    // "whats the respect number again" after a crisis reply (or any time): that route, then the open question again.
    if (!dc.activeDialog || !SAFETY_DIALOGS.has(dc.activeDialog.id)) {
      const routes = requestedRoutes(context, await this.deps.profile.get(context, {}));
      if (routes && routes.length > 0) {
        // "im in newry ... whats the number if i ever was": the place is kept and said back, as with any answer.
        const kept = await keepProfileFrom(context, this.deps);
        if (kept?.update.nation) await context.sendActivity(withButtons(notedPlace(locale, kept.update.nation, kept.update.place), []));
        await context.sendActivity(requestedRoutesActivity(locale, routes));
        if (dc.activeDialog) await dc.repromptDialog();
        return Dialog.EndOfTurn;
      }
    }
    if (!dc.activeDialog) return whenNothingIsOpen(turn, route, control);
    if (SAFETY_DIALOGS.has(dc.activeDialog.id)) return dc.continueDialog();
    return (await interruptActiveDialog(turn, route)) ?? dc.continueDialog();
  }

  /** "Delete my conversation" at any point but a safety dialog (risk comes first), and its confirmation. */
  private async privacyRoute(turn: MainTurn): Promise<DialogTurnResult | undefined> {
    const { dc } = turn;
    if (!this.findDialog(ERASE_CONVERSATION_DIALOG)) return undefined;
    const activeId = dc.activeDialog?.id;
    if (activeId === ERASE_CONVERSATION_DIALOG) {
      // "ok tell me how i refer myself" where yes or no was asked: nothing is deleted, and the request is answered.
      if (!movesOnFromErase(turn.locale, turn.text)) return dc.continueDialog();
      await dc.cancelAllDialogs();
      await dc.context.sendActivity(withButtons(t(turn.locale, 'privacy:erase.movedOn'), []));
      return undefined;
    }
    // "delete it" right after an answer about what is kept means this conversation.
    const afterPrivacy = !activeId && turn.state.lastTopic === PRIVACY_TOPIC && isEraseThat(turn.locale, turn.text);
    if (!(isEraseRequest(turn.locale, turn.text) || afterPrivacy) || (activeId && SAFETY_DIALOGS.has(activeId))) return undefined;
    await dc.cancelAllDialogs();
    return dc.beginDialog(ERASE_CONVERSATION_DIALOG);
  }
}
