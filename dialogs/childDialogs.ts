import type { StatePropertyAccessor } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import type { ClinicContact } from '../src/config';
import type { CallbackStore } from '../src/callbacks/callbackStore';
import type { DeploymentValues } from '../src/content/answerReplies';
import type { QuestionAnswerer } from '../src/language/questionAnswerer';
import type { UserProfile } from '../src/profile';
import { EmergencySupportDialog } from './emergencySupportDialog';
import { EraseConversationDialog, type ConversationEraser } from './eraseConversationDialog';
import { FallbackDialog } from './fallbackDialog';
import { GoodbyeDialog } from './goodbyeDialog';
import { GreetingDialog } from './greetingDialog';
import { HelpDialog } from './helpDialog';
import { HumanContactDialog } from './humanContactDialog';
import { QuestionAnswerDialog } from './questionAnswerDialog';
import { RiskCheckInDialog } from './riskCheckInDialog';
import type { SafetyDialogDeps } from './safetyDialogShared';
import { SafetyPlanDialog } from './safetyPlanDialog';
import { SuitabilityCheckDialog } from './suitabilityCheckDialog';
import { TopicAnswerDialog } from './topicAnswerDialog';
import type { Clock } from '../src/clock';

export interface ChildDialogDeps {
  /** This conversation's profile (nation and age group). */
  profile: StatePropertyAccessor<UserProfile>;
  /** Where call-back requests go for clinic staff. */
  callbacks?: CallbackStore;
  clinic: ClinicContact;
  /** Where the safety dialogs record risk events for staff review, and log. */
  safety: SafetyDialogDeps;
  /** Knowledge-base answering; without it only the intents route (as some tests want). */
  answers?: { answerer: QuestionAnswerer; deployment: DeploymentValues };
  /** "Delete my conversation" from the chat; without it the request is not offered. */
  eraser?: ConversationEraser;
  /** Today's date, for answers that count from a day ("since Christmas"). */
  clock: Clock;
}

/**
 * The dialogs MainDialog starts, as the core-bot sample passes its booking dialog in: MainDialog
 * begins each by the id its module exports (EMERGENCY_SUPPORT_DIALOG, GREETING_DIALOG ...), so a
 * dialog given here answers to that id.
 */
export interface ChildDialogs {
  emergencySupport: Dialog;
  riskCheckIn: Dialog;
  safetyPlan: Dialog;
  topicAnswer: Dialog;
  suitabilityCheck: Dialog;
  fallback: Dialog;
  help: Dialog;
  greeting: Dialog;
  goodbye: Dialog;
  humanContact: Dialog;
  questionAnswer?: Dialog;
  eraseConversation?: Dialog;
}

/** The product's child dialogs, built once for the composition root (tests build them the same way). */
export function createChildDialogs(deps: ChildDialogDeps): ChildDialogs {
  return {
    emergencySupport: new EmergencySupportDialog(deps.safety),
    riskCheckIn: new RiskCheckInDialog(deps.safety),
    safetyPlan: new SafetyPlanDialog(deps.safety),
    topicAnswer: new TopicAnswerDialog(),
    suitabilityCheck: new SuitabilityCheckDialog(deps.profile, deps.clock),
    fallback: new FallbackDialog(deps.clinic),
    help: new HelpDialog(),
    greeting: new GreetingDialog(),
    goodbye: new GoodbyeDialog(),
    humanContact: new HumanContactDialog({ clinic: deps.clinic, profile: deps.profile, callbacks: deps.callbacks }),
    ...(deps.answers ? { questionAnswer: new QuestionAnswerDialog(deps.answers.answerer.kb, deps.answers.deployment) } : {}),
    ...(deps.eraser ? { eraseConversation: new EraseConversationDialog(deps.eraser, deps.clinic, deps.safety.logger) } : {}),
  };
}
