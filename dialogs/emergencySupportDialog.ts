import { ActivityTypes, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import {
  ChoicePrompt,
  ComponentDialog,
  DialogReason,
  ListStyle,
  WaterfallDialog,
  type Choice,
  type DialogInstance,
  type DialogTurnResult,
  type FoundChoice,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import type { RiskAssessment } from '../src/safety/types';
import type { UserProfile } from '../src/profile';
import { t } from '../src/content/i18n';
import { safeNowAnswer, type SafeNowAnswer } from '../src/safety/safetyAnswers';
import { appendSafetyEvent, type SafetyEvent, type SafetyRecord } from '../src/safety/safetyRecord';
import { crisisRoutesActivity } from './crisisRoutesMessage';
import { EMERGENCY_REPEAT_KEY, SAFETY_RESPONSE_KEY, type SafetyResponse } from './turnState';

export const EMERGENCY_SUPPORT_DIALOG = 'emergencySupport';
export const EMERGENCY_SUPPORT_EVENT = 'emergencySupport';

const FLOW = 'emergencySupport.flow';
const SAFE_PROMPT = 'emergencySupport.safeNow';
/** Asked at most twice: a person who is not safe gets 999 and the routes each time, and is never trapped in a loop. */
const MAX_ASKS = 2;

export interface EmergencySupportOptions {
  assessment: RiskAssessment;
  profile: UserProfile;
  /** set by the check-in dialog when the person answered "yes" */
  via?: 'checkIn';
}

export interface EmergencySupportResult {
  /** the person's last answer to "Are you safe right now?" */
  safe: SafeNowAnswer;
  /** true when the person said they are safe and was told the conversation can go back to before */
  resume: boolean;
}

export interface SafetyDialogDeps {
  /** conversation-scoped record of risk events for staff review (categories and rule ids, no text) */
  safetyRecord?: StatePropertyAccessor<SafetyRecord>;
  logger?: Logger;
  now?: () => Date;
}

interface FlowState {
  asks: number;
}

const FLOW_STATE = 'emergencySupport.asks';

/** Records a risk event for staff review. Never lets a storage fault stop the person getting help. */
export async function recordSafetyEvent(
  deps: SafetyDialogDeps,
  context: TurnContext,
  assessment: RiskAssessment,
  response: SafetyEvent['response'],
): Promise<void> {
  context.turnState.set(SAFETY_RESPONSE_KEY, response satisfies SafetyResponse);
  if (!deps.safetyRecord) return;
  try {
    const record = await deps.safetyRecord.get(context, { events: [] });
    await deps.safetyRecord.set(context, appendSafetyEvent(record, assessment, response, (deps.now ?? (() => new Date()))()));
  } catch (error) {
    deps.logger?.error({ event: 'safety_record_failed', error: error instanceof Error ? error.name : typeof error }, 'could not record the risk');
  }
}

/**
 * The crisis hand-off: tells the host page (event), replies warmly with the routes for the person's
 * nation, then asks whether they are safe right now. Not safe, not sure or no clear answer: 999
 * first, the routes again, and stay with them. Safe: say so and offer to go on, then end, so the
 * dialog below (if any) re-prompts where the person was.
 */
export class EmergencySupportDialog extends ComponentDialog {
  constructor(private readonly deps: SafetyDialogDeps = {}) {
    super(EMERGENCY_SUPPORT_DIALOG);
    // Every answer is accepted and read by our own cautious classifier: an unclear answer must lead
    // to 999, not to "Sorry, please choose an option".
    this.addDialog(new ChoicePrompt(SAFE_PROMPT, async () => true));
    this.addDialog(
      new WaterfallDialog(FLOW, [this.introStep.bind(this), this.answerStep.bind(this), this.answerStep.bind(this)]),
    );
    this.initialDialogId = FLOW;
  }

  protected override async onEndDialog(context: TurnContext, instance: DialogInstance, reason: DialogReason): Promise<void> {
    // Replaced or cancelled mid-conversation (new risk message): the next emergency dialog this turn
    // is a repeat, and says "I'm still here" rather than starting over.
    if (reason === DialogReason.replaceCalled || reason === DialogReason.cancelCalled) {
      context.turnState.set(EMERGENCY_REPEAT_KEY, true);
    }
    await super.onEndDialog(context, instance, reason);
  }

  private async introStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as EmergencySupportOptions;
    const { assessment } = options;
    const context = step.context;
    const locale = context.activity.locale ?? '';
    await recordSafetyEvent(this.deps, context, assessment, 'emergency');
    await this.sendEvent(context, assessment);

    const lead = this.lead(options, context.turnState.get(EMERGENCY_REPEAT_KEY) === true, context.activity.text ?? '', locale);
    await context.sendActivities([
      { type: ActivityTypes.Message, text: lead },
      crisisRoutesActivity(locale, this.routeQuery(options), t(locale, 'safety:emergency.notEmergencyService')),
    ]);
    (step.values as Record<string, FlowState>)[FLOW_STATE] = { asks: 1 };
    return this.askSafe(step, 'safety:emergency.askSafe');
  }

  /**
   * The opening words. A repeat (a new risk message while this dialog was already open) is often the
   * answer to "are you safe?" itself ("I don't feel safe"), so it is read as one: 999 first.
   */
  private lead(options: EmergencySupportOptions, repeat: boolean, text: string, locale: string): string {
    const lifeAtRisk = t(locale, 'safety:emergency.lifeAtRisk');
    if (repeat) {
      // A negated message ("I'm not suicidal") is not an answer of "not safe".
      const answer = options.assessment.negated ? 'unknown' : safeNowAnswer(text, locale);
      if (answer === 'notSafe' || answer === 'unsure') return t(locale, `safety:emergency.${answer}`);
      return `${t(locale, 'safety:emergency.repeatIntro')}\n\n${lifeAtRisk}`;
    }
    if (options.via === 'checkIn') return `${t(locale, 'safety:emergency.afterCheckIn')}\n\n${lifeAtRisk}`;
    const intro = t(locale, `safety:emergency.intro.${options.assessment.category}`);
    // The medical intro already leads with 999.
    return options.assessment.category === 'medical' ? intro : `${intro}\n\n${lifeAtRisk}`;
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as EmergencySupportOptions;
    const context = step.context;
    const locale = context.activity.locale ?? '';
    const answer = readSafeAnswer(context.activity.text ?? '', step.result as FoundChoice | undefined, locale);
    await this.recordAnswer(context, answer);
    const state = (step.values as Record<string, FlowState>)[FLOW_STATE] ?? { asks: MAX_ASKS };

    if (answer === 'safe') {
      await context.sendActivities([
        { type: ActivityTypes.Message, text: t(locale, 'safety:emergency.safe') },
        { type: ActivityTypes.Message, text: t(locale, 'safety:emergency.safeOffer') },
      ]);
      return step.endDialog({ safe: answer, resume: true } satisfies EmergencySupportResult);
    }

    // 999 first, every time, then the routes again.
    await context.sendActivities([
      { type: ActivityTypes.Message, text: t(locale, `safety:emergency.${answer}`) },
      crisisRoutesActivity(locale, this.routeQuery(options), t(locale, 'safety:emergency.alsoContact')),
    ]);
    if (state.asks < MAX_ASKS) {
      state.asks += 1;
      await context.sendActivity({ type: ActivityTypes.Message, text: t(locale, 'safety:emergency.stayWithYou') });
      return this.askSafe(step, 'safety:emergency.askSafeAgain');
    }
    await context.sendActivity({ type: ActivityTypes.Message, text: t(locale, 'safety:emergency.stillHere') });
    return step.endDialog({ safe: answer, resume: false } satisfies EmergencySupportResult);
  }

  private async askSafe(step: WaterfallStepContext, promptKey: string): Promise<DialogTurnResult> {
    const locale = step.context.activity.locale ?? '';
    return step.prompt(SAFE_PROMPT, {
      prompt: t(locale, promptKey),
      choices: safeChoices(locale),
      style: ListStyle.auto,
    });
  }

  private routeQuery(options: EmergencySupportOptions) {
    return {
      category: options.assessment.category,
      severity: options.assessment.severity,
      nation: options.profile?.nation,
      ageGroup: options.profile?.ageGroup,
    };
  }

  /** The host page pins a crisis banner on this. Category and severity only, never the words. */
  private async sendEvent(context: TurnContext, assessment: RiskAssessment): Promise<void> {
    try {
      await context.sendActivity({
        type: ActivityTypes.Event,
        name: EMERGENCY_SUPPORT_EVENT,
        value: { category: assessment.category, severity: assessment.severity },
      });
    } catch (error) {
      // A channel that refuses event activities must not cost the person the routes.
      this.deps.logger?.warn({ event: 'emergency_event_failed', error: error instanceof Error ? error.name : typeof error }, 'could not send the emergency event');
    }
  }

  private async recordAnswer(context: TurnContext, answer: SafeNowAnswer): Promise<void> {
    this.deps.logger?.info({ event: 'safe_now_answer', answer, conversationId: context.activity.conversation?.id }, 'answer to "are you safe right now"');
    if (!this.deps.safetyRecord) return;
    try {
      const record = await this.deps.safetyRecord.get(context, { events: [] });
      await this.deps.safetyRecord.set(context, { ...record, lastSafeAnswer: answer });
    } catch (error) {
      this.deps.logger?.error({ event: 'safety_record_failed', error: error instanceof Error ? error.name : typeof error }, 'could not record the answer');
    }
  }
}

const SAFE_CHOICES = ['safe', 'notSafe', 'unsure'] as const;

/** The value is the words on the button: some channels (Teams hero cards) show the value, not the action title. */
function safeChoices(locale: string): Choice[] {
  return SAFE_CHOICES.map((id) => {
    const title = t(locale, `safety:emergency.choices.${id}`);
    return { value: title, action: { type: 'imBack', title, value: title } };
  });
}

/**
 * Our reading of the answer first (it knows "I don't feel safe" is not "safe"); the prompt's own
 * match only for a bare number picked from a numbered list on plain-text channels.
 */
export function readSafeAnswer(text: string, found: FoundChoice | undefined, locale: string): SafeNowAnswer {
  const answer = safeNowAnswer(text, locale);
  if (answer !== 'unknown') return answer;
  if (found && /^\s*\d+\s*$/.test(text) && SAFE_CHOICES[found.index] !== undefined) return SAFE_CHOICES[found.index];
  return 'unknown';
}
