import { type Activity, type StatePropertyAccessor } from 'botbuilder';
import {
  ComponentDialog,
  TextPrompt,
  WaterfallDialog,
  type DialogTurnResult,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { CALL_TIMES, type CallbackStore, type CallTime } from '../src/callbacks/callbackStore';
import { DAYS, openingState, spokenTime } from '../src/callbacks/clinicHours';
import { ukPhoneNumber } from '../src/callbacks/phone';
import { CALLBACK_TRACE_NAME } from '../src/transcripts/entry';
import type { ClinicContact } from '../src/config';
import type { ActionId } from '../src/content/actions';
import { humanContactCard } from '../src/content/cards';
import { t } from '../src/content/i18n';
import { suitabilityLexicon } from '../src/content/lexicon';
import { interpretAnswer } from '../src/content/suitability';
import { urgentNumbers } from '../src/content/urgentNumbers';
import { classifyCallTime, isChangedMind } from '../src/language/controlWords';
import type { UserProfile } from '../src/profile';
import { withActions, withButtons } from './replies';

export const HUMAN_CONTACT_DIALOG = 'humanContact';
const STEPS = 'humanContact.steps';
const CONSENT = 'humanContact.consent';
const PHONE = 'humanContact.phone';
const WHEN = 'humanContact.when';

const NEXT: readonly ActionId[] = ['AboutIpt', 'SuitabilityCheck', 'AccessNhs'];
/** Answers we could not use before a prompt stops asking: no loops. */
const MAX_ATTEMPTS = 2;

export interface HumanContactDeps {
  clinic: ClinicContact;
  /** This conversation's profile: under-18s are offered Childline as well. */
  profile: StatePropertyAccessor<UserProfile>;
  /** Where call-back requests go for staff; without one, only the clinic's details are given. */
  callbacks?: CallbackStore;
  now?: () => Date;
}

export interface HumanContactOptions {
  /** The person asked on behalf of someone under 18 in this conversation ("my grandson is 13"): Childline for them too. */
  forYoungPerson?: boolean;
}

interface CallbackValues {
  phone?: string;
}

/** "Yes" / "No" in the words people use (the check's lexicon knows "ya", "nah", "defo"). */
function yesOrNo(locale: string, text: string): 'yes' | 'no' | undefined {
  const [answer] = interpretAnswer('relationships', text, suitabilityLexicon(locale));
  if (answer === 'yes') return 'yes';
  if (answer === 'no') return 'no';
  return undefined;
}

/**
 * "no thanks", "actually dont call me", "ive changed my mind": the person does not (or no longer)
 * want a call back. Read before MainDialog's stop, so "no thanks" to the offer is its No button.
 */
export function declinesCallBack(locale: string, text: string): boolean {
  return isChangedMind(locale, text) || (yesOrNo(locale, text) === 'no' && classifyCallTime(locale, text) === undefined);
}

/**
 * "Can I talk to a person?": the clinic's details, whether anyone is there now, and the offer of a
 * call-back. Consent comes first; then only a phone number and a good time are asked for, stored
 * for staff, and the person is told honestly when to expect the call. Under-18s are offered
 * Childline as well. Stop, help and risk work at every step (MainDialog looks first).
 */
export class HumanContactDialog extends ComponentDialog {
  private readonly now: () => Date;

  constructor(private readonly deps: HumanContactDeps) {
    super(HUMAN_CONTACT_DIALOG);
    this.now = deps.now ?? (() => new Date());
    this.addDialog(new TextPrompt(CONSENT, (prompt) => this.validate(prompt, (text, locale) => yesOrNo(locale, text) !== undefined)));
    this.addDialog(new TextPrompt(PHONE, (prompt) => this.validate(prompt, (text, locale) => ukPhoneNumber(text) !== undefined || declinesCallBack(locale, text))));
    this.addDialog(new TextPrompt(WHEN, async () => true));
    this.addDialog(new WaterfallDialog(STEPS, [this.introStep.bind(this), this.consentStep.bind(this), this.phoneStep.bind(this), this.whenStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  /** A prompt takes a usable answer, or gives up after two tries (the step then says what to do instead). */
  private async validate(prompt: PromptValidatorContext<string>, usable: (text: string, locale: string) => boolean): Promise<boolean> {
    const locale = prompt.context.activity.locale ?? '';
    return usable(prompt.recognized.value ?? '', locale) || prompt.attemptCount >= MAX_ATTEMPTS;
  }

  private async introStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = step.context.activity.locale ?? '';
    const { clinic } = this.deps;
    const names = { clinic: clinic.name };
    const card = humanContactCard(locale, clinic);
    const lines: Partial<Activity>[] = [];
    const intro = [t(locale, card ? 'common:humanContactIntro' : 'common:humanContactNone', names), this.hoursLine(locale)].filter(Boolean).join(' ');
    lines.push(withButtons(intro, [], card));
    const profile = await this.deps.profile.get(step.context);
    if (profile?.ageGroup === 'under_18') lines.push(withButtons(t(locale, 'common:humanContactChildline', urgentNumbers(locale)), []));
    else if ((step.options as HumanContactOptions | undefined)?.forYoungPerson) {
      lines.push(withButtons(t(locale, 'common:humanContactChildlineFor', urgentNumbers(locale)), []));
    }
    lines.push(withButtons(t(locale, 'common:humanContactUrgent', urgentNumbers(locale)), []));
    await step.context.sendActivities(lines);
    if (!this.deps.callbacks) {
      await step.context.sendActivity(withActions(locale, t(locale, 'common:humanContactNext'), NEXT));
      return step.endDialog();
    }
    const offer = withButtons(t(locale, 'common:callback.offer', names), [t(locale, 'common:callback.yes'), t(locale, 'common:callback.no')]);
    const retry = withButtons(t(locale, 'common:callback.offerAgain'), [t(locale, 'common:callback.yes'), t(locale, 'common:callback.no')]);
    return step.prompt(CONSENT, { prompt: offer, retryPrompt: retry });
  }

  /** A request taken back part-way: nothing is stored, and the clinic's details stay there to use. */
  private async withdrawn(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = step.context.activity.locale ?? '';
    await step.context.sendActivity(withActions(locale, t(locale, 'common:callback.withdrawn'), NEXT));
    return step.endDialog();
  }

  private async consentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = step.context.activity.locale ?? '';
    if (yesOrNo(locale, String(step.result ?? '')) !== 'yes') {
      await step.context.sendActivity(withActions(locale, t(locale, 'common:callback.declined'), NEXT));
      return step.endDialog();
    }
    return step.prompt(PHONE, {
      prompt: withButtons(t(locale, 'common:callback.askPhone'), []),
      retryPrompt: withButtons(t(locale, 'common:callback.phoneAgain'), []),
    });
  }

  private async phoneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = step.context.activity.locale ?? '';
    const said = String(step.result ?? '');
    const phone = ukPhoneNumber(said);
    if (!phone && declinesCallBack(locale, said)) return this.withdrawn(step);
    if (!phone) {
      await step.context.sendActivity(withActions(locale, t(locale, 'common:callback.phoneGaveUp', { clinic: this.deps.clinic.name }), NEXT));
      return step.endDialog();
    }
    (step.values as CallbackValues).phone = phone;
    // "07700 900123, afternoons are best": the time came with the number, so it is not asked for.
    if (classifyCallTime(locale, said) !== undefined) return step.next(said);
    const labels = CALL_TIMES.map((time) => t(locale, `common:callback.timeLabels.${time}`));
    return step.prompt(WHEN, { prompt: withButtons(t(locale, 'common:callback.askWhen'), labels) });
  }

  private async whenStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = step.context.activity.locale ?? '';
    const { phone } = step.values as CallbackValues;
    const said = String(step.result ?? '');
    // "no preference" is a time; "actually dont bother" is not: nothing is stored.
    if (classifyCallTime(locale, said) === undefined && declinesCallBack(locale, said)) return this.withdrawn(step);
    const when: CallTime = classifyCallTime(locale, said) ?? 'any';
    const profile = await this.deps.profile.get(step.context);
    try {
      await this.deps.callbacks!.add({
        phone: phone!,
        when,
        under18: profile?.ageGroup === 'under_18',
        conversationId: step.context.activity.conversation?.id ?? '',
      });
    } catch {
      await step.context.sendActivity(withActions(locale, t(locale, 'common:callback.failed', { clinic: this.deps.clinic.name }), NEXT));
      return step.endDialog();
    }
    // For the staff queue (kept in the transcript): when to call, never the number.
    await step.context.sendTraceActivity(CALLBACK_TRACE_NAME, { when, under18: profile?.ageGroup === 'under_18' }, CALLBACK_TRACE_NAME, 'Call-back request');
    const reply = [t(locale, 'common:callback.stored', { clinic: this.deps.clinic.name }), this.replyLine(locale)].join(' ');
    await step.context.sendActivity(withActions(locale, reply, NEXT));
    return step.endDialog();
  }

  /**
   * "what times do you ring?" during the call-back steps: when a time is chosen, whether the clinic
   * is open now, and when to expect the call. The step then asks its own question again.
   */
  callTimesReply(locale: string): string {
    return [t(locale, 'common:callback.callTimes'), this.hoursLine(locale), this.replyLine(locale)].filter(Boolean).join(' ');
  }

  /** Whether anyone is at the clinic now, and when it opens next: empty when hours are not configured. */
  private hoursLine(locale: string): string {
    const { hours, timeZone } = this.deps.clinic;
    if (!hours) return '';
    const state = openingState(hours, this.now(), timeZone ?? 'Europe/London');
    if (state.open) return t(locale, 'common:hours.openNow');
    return state.next ? t(locale, 'common:hours.closedNow', { when: this.when(locale, state.next) }) : '';
  }

  /** When to expect the call: honest about working days and about the clinic being closed now. */
  private replyLine(locale: string): string {
    const { hours, timeZone, replyDays = 2 } = this.deps.clinic;
    const days = { count: replyDays };
    if (!hours) return t(locale, 'common:callback.replyWithin', days);
    const state = openingState(hours, this.now(), timeZone ?? 'Europe/London');
    if (state.open || !state.next) return t(locale, 'common:callback.replyOpen', days);
    return t(locale, 'common:callback.replyClosed', { ...days, when: this.when(locale, state.next) });
  }

  private when(locale: string, next: { day: (typeof DAYS)[number]; inDays: number; opens: number }): string {
    const time = spokenTime(next.opens);
    if (next.inDays === 0) return t(locale, 'common:hours.today', { time });
    if (next.inDays === 1) return t(locale, 'common:hours.tomorrow', { time });
    return t(locale, 'common:hours.onDay', { day: t(locale, `common:hours.days.${next.day}`), time });
  }
}
