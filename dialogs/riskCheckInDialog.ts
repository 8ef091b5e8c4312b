import { ActivityTypes, type TurnContext } from 'botbuilder';
import {
  ChoicePrompt,
  ComponentDialog,
  ListStyle,
  WaterfallDialog,
  type Choice,
  type DialogTurnResult,
  type FoundChoice,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { t } from '../src/content/i18n';
import { urgentNumbers } from '../src/content/urgentNumbers';
import { checkInAnswer, type CheckInAnswer } from '../src/safety/safetyAnswers';
import type { RiskCategory } from '../src/safety/types';
import { crisisRoutesActivity } from './crisisRoutesMessage';
import {
  EmergencySupportDialog,
  EMERGENCY_SUPPORT_DIALOG,
  EMERGENCY_SUPPORT_EVENT,
  recordSafetyEvent,
  type EmergencySupportOptions,
  type EmergencySupportResult,
  type SafetyDialogDeps,
} from './emergencySupportDialog';

export const RISK_CHECK_IN_DIALOG = 'riskCheckIn';
export type RiskCheckInOptions = EmergencySupportOptions;

export interface RiskCheckInResult {
  answer: CheckInAnswer;
  /** present when the answer led to the emergency dialog */
  emergency?: EmergencySupportResult;
}

const FLOW = 'riskCheckIn.flow';
const QUESTION_PROMPT = 'riskCheckIn.question';

/**
 * For a negated risk message ("I'm not suicidal, just sad") or one only the statistical backstop
 * flagged (possible): never a silent pass and never the full hand-off, but one gentle, direct
 * question. Even before the answer the person is never left without a route: the host page gets the
 * emergencySupport event (it pins its crisis banner) and one short line gives 999 and Samaritans.
 * Yes or not sure leads to the emergency dialog; no gets thanks and where help is anyway.
 */
export class RiskCheckInDialog extends ComponentDialog {
  constructor(private readonly deps: SafetyDialogDeps = {}) {
    super(RISK_CHECK_IN_DIALOG);
    this.addDialog(new ChoicePrompt(QUESTION_PROMPT, async () => true));
    // Its own emergency dialog, so "yes" hands over inside this one without depending on the parent.
    this.addDialog(new EmergencySupportDialog(deps));
    this.addDialog(new WaterfallDialog(FLOW, [this.askStep.bind(this), this.answerStep.bind(this), this.afterEmergencyStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as RiskCheckInOptions;
    const locale = step.context.activity.locale ?? '';
    await recordSafetyEvent(this.deps, step.context, options.assessment, 'checkIn');
    await this.sendBannerEvent(step.context, options.assessment.category);
    await step.context.sendActivity({ type: ActivityTypes.Message, text: t(locale, 'safety:checkIn.routesLine', urgentNumbers(locale)) });
    return step.prompt(QUESTION_PROMPT, {
      prompt: t(locale, `safety:checkIn.question.${options.assessment.category}`),
      choices: yesNoChoices(locale),
      style: ListStyle.auto,
    });
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as RiskCheckInOptions;
    const context = step.context;
    const locale = context.activity.locale ?? '';
    const answer = readCheckInAnswer(context.activity.text ?? '', step.result as FoundChoice | undefined, locale);
    this.deps.logger?.info({ event: 'check_in_answer', answer, conversationId: context.activity.conversation?.id }, 'answer to the risk check-in');
    (step.values as Record<string, CheckInAnswer>).answer = answer;

    if (answer === 'yes' || answer === 'unsure') {
      const emergency: EmergencySupportOptions = { ...options, via: 'checkIn' };
      return step.beginDialog(EMERGENCY_SUPPORT_DIALOG, emergency);
    }

    const query = {
      category: options.assessment.category,
      severity: options.assessment.severity,
      nation: options.profile?.nation,
      ageGroup: options.profile?.ageGroup,
    };
    await context.sendActivities([
      { type: ActivityTypes.Message, text: t(locale, answer === 'no' ? 'safety:checkIn.no' : 'safety:checkIn.unknown') },
      crisisRoutesActivity(locale, query, t(locale, 'safety:checkIn.helpAnyway')),
      { type: ActivityTypes.Message, text: t(locale, 'safety:checkIn.goOn') },
    ]);
    return step.endDialog({ answer } satisfies RiskCheckInResult);
  }

  /** Severity is always concern here: the banner shows, the full hand-off waits for the answer. */
  private async sendBannerEvent(context: TurnContext, category: RiskCategory): Promise<void> {
    try {
      await context.sendActivity({ type: ActivityTypes.Event, name: EMERGENCY_SUPPORT_EVENT, value: { category, severity: 'concern' } });
    } catch (error) {
      // A channel that refuses event activities must not cost the person the question and the numbers.
      this.deps.logger?.warn({ event: 'emergency_event_failed', error: error instanceof Error ? error.name : typeof error }, 'could not send the emergency event');
    }
  }

  private async afterEmergencyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = (step.values as Record<string, CheckInAnswer>).answer;
    return step.endDialog({ answer, emergency: step.result as EmergencySupportResult | undefined } satisfies RiskCheckInResult);
  }
}

const CHECK_IN_CHOICES = ['yes', 'no'] as const;

/** The value is the words on the button: some channels (Teams hero cards) show the value, not the action title. */
function yesNoChoices(locale: string): Choice[] {
  return CHECK_IN_CHOICES.map((id) => {
    const title = t(locale, `safety:checkIn.choices.${id}`);
    return { value: title, action: { type: 'imBack', title, value: title } };
  });
}

/** Our cautious reading first; the prompt's match only for a bare number from a numbered list. */
export function readCheckInAnswer(text: string, found: FoundChoice | undefined, locale: string): CheckInAnswer {
  const answer = checkInAnswer(text, locale);
  if (answer !== 'unknown') return answer;
  if (found && /^\s*\d+\s*$/.test(text) && CHECK_IN_CHOICES[found.index] !== undefined) return CHECK_IN_CHOICES[found.index];
  return 'unknown';
}
