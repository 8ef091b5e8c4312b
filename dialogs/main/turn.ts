import type { StatePropertyAccessor } from 'botbuilder';
import type { Dialog, DialogContext } from 'botbuilder-dialogs';
import type { IntentName, RecognitionResult, Recognizer } from '../../src/language/recognizer';
import type { QuestionAnswerer } from '../../src/language/questionAnswerer';
import type { DeploymentValues } from '../../src/content/answerReplies';
import type { ActionId } from '../../src/content/actions';
import type { UserProfile } from '../../src/profile';
import type { SafetyDialogDeps } from '../safetyDialogShared';
import type { NothingKind } from '../helpDialog';
import { recognizeOnce } from './recognition';
import { checkProgressOf, type CheckProgress } from '../suitabilityCheckDialog';
import type { Clock } from '../../src/clock';

export interface MainDialogDeps {
  recognizer: Recognizer;
  profile: StatePropertyAccessor<UserProfile>;
  /** What the person asked us to keep between conversations (nation and age group only). */
  keptProfile?: StatePropertyAccessor<UserProfile>;
  /** Where the safety dialogs record risk events for staff review, and log (safety notes are sent from here). */
  safety: SafetyDialogDeps;
  /** Knowledge-base answering; without it only the intents route (as some tests want). */
  answers?: { answerer: QuestionAnswerer; deployment: DeploymentValues };
  /** Today's date, for answers that count from a day ("since Christmas"). */
  clock: Clock;
}

/** What a message asks for: a button (exact label) or, failing that, the recognised intent. */
export type Route = { kind: 'action'; action: ActionId } | { kind: 'intent'; intent: IntentName; text: string };

/** Kept in MainDialog's own instance state, which lives in conversation state between turns. */
export interface MainState {
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
  /** What the last of those messages asked for, so its own line is not given twice running. */
  lastNothingKind?: NothingKind;
  /** The last reply told how to take the check's next step: asked again at once, other things to do. */
  nextStepAsked?: boolean;
  /** The last reply offered the check ("the short check can show you a next step"): a "yes" starts it. */
  checkOffered?: boolean;
  /** The crisis hand-off was given in this conversation: a check started later says support comes first. */
  handedOff?: boolean;
  /** The under-18 routes (GP or a trusted adult, Childline) were given in this conversation. */
  youngRoutesGiven?: boolean;
  /** The person asked on behalf of someone under 18 ("my grandson is 13"): a person to talk to includes Childline for them. */
  askedForYoungPerson?: boolean;
  /** Bare acknowledgements answered since the risk check-in closed; undefined once anything else is said. */
  quietAfterCheckIn?: number;
  /**
   * Set when the risk check-in closes (a "no" or no answer; after the hand-off, a person who said
   * they are safe moves on as usual): a message the guide cannot
   * place soon after gets help and room to talk, never "Did you mean ...?". How many such replies
   * have been given (one per wording); cleared by any answer.
   */
  afterSafetyMisses?: number;
  /** The last messages came as work or study talk ("im a student nurse..."): src/safety/workFrame.ts. */
  workFrame?: boolean;
}

/**
 * One turn as MainDialog's helpers see it: the dialog context inside MainDialog, its dependencies,
 * its state, and the two things only MainDialog can do (recognise once per turn, find a child).
 */
export interface MainTurn {
  readonly dc: DialogContext;
  readonly deps: MainDialogDeps;
  readonly locale: string;
  readonly text: string;
  /** MainDialog's instance state (read when first needed: the dialog is on its parent's stack by then). */
  readonly state: MainState;
  recognize(): Promise<RecognitionResult>;
  findDialog(id: string): Dialog | undefined;
}

export function mainTurn(
  dc: DialogContext,
  deps: MainDialogDeps,
  findDialog: (id: string) => Dialog | undefined,
): MainTurn {
  return {
    dc,
    deps,
    locale: dc.context.activity.locale ?? '',
    text: dc.context.activity.text ?? '',
    get state(): MainState {
      const state = dc.parent?.activeDialog?.state;
      if (!state) throw new Error('MainDialog state is missing');
      return state as MainState;
    },
    recognize: () => recognizeOnce(dc.context, deps.recognizer),
    findDialog,
  };
}

export function resetMisunderstandings(turn: MainTurn): void {
  turn.state.misunderstandings = 0;
  turn.state.afterSafetyMisses = undefined;
}

/** Keeps the open check's answers before it is closed, so "carry on" can pick it up again. */
export function keepCheck(turn: MainTurn): void {
  const progress = checkProgressOf(turn.dc.activeDialog);
  if (!progress) return;
  const state = turn.state;
  state.lastCheck = { progress, finished: false };
  if (progress.youngRoutesGiven) state.youngRoutesGiven = true;
}
