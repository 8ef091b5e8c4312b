import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  DialogSet,
  DialogTurnStatus,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
  type DialogState,
} from 'botbuilder-dialogs';
import type { Recognizer, RecognitionResult } from '../src/language/recognizer';
import type { RiskAssessment } from '../src/safety/types';
import type { UserProfile } from '../src/profile';
import type { ClinicContact } from '../src/config';
import { t } from '../src/content/i18n';
import { RISK_ASSESSMENT_KEY, RECOGNITION_KEY } from './turnState';
import { EmergencySupportDialog, EMERGENCY_SUPPORT_DIALOG, type EmergencySupportOptions } from './emergencySupportDialog';
import { RiskCheckInDialog, RISK_CHECK_IN_DIALOG } from './riskCheckInDialog';

export const MAIN_DIALOG = 'mainDialog';
const ROUTE_WATERFALL = 'mainDialog.route';

export const INTENT_TRACE = {
  name: 'IntentRecognizer',
  valueType: 'https://ipt-guide/schemas/intent-trace',
  label: 'Intent',
} as const;

export interface MainDialogDeps {
  recognizer: Recognizer;
  profile: StatePropertyAccessor<UserProfile>;
  clinic: ClinicContact;
}

/**
 * The root dialog. Each turn it first looks at the risk assessment the safety gate left in turn
 * state (before anything else, whatever dialog is active), then recognises the intent once and
 * routes.
 */
export class MainDialog extends ComponentDialog {
  constructor(private readonly deps: MainDialogDeps) {
    super(MAIN_DIALOG);
    this.addDialog(new EmergencySupportDialog());
    this.addDialog(new RiskCheckInDialog());
    this.addDialog(new WaterfallDialog(ROUTE_WATERFALL, [this.routeStep.bind(this)]));
    this.initialDialogId = ROUTE_WATERFALL;
  }

  /** The samples' entry point: continue the active dialog, or start this one. */
  async run(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>): Promise<void> {
    const dialogSet = new DialogSet(dialogState);
    dialogSet.add(this);
    const dc = await dialogSet.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) {
      await dc.beginDialog(this.id);
    }
  }

  protected override async onBeginDialog(innerDc: DialogContext, options?: object): Promise<DialogTurnResult> {
    return (await this.interrupt(innerDc)) ?? super.onBeginDialog(innerDc, options);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return (await this.interrupt(innerDc)) ?? super.onContinueDialog(innerDc);
  }

  /** Safety first, in every state: a risk message pushes the emergency dialog on top of the stack. */
  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const risk = innerDc.context.turnState.get(RISK_ASSESSMENT_KEY) as RiskAssessment | undefined;
    if (risk) {
      const options: EmergencySupportOptions = {
        assessment: risk,
        profile: await this.deps.profile.get(innerDc.context, {}),
      };
      const target = risk.negated ? RISK_CHECK_IN_DIALOG : EMERGENCY_SUPPORT_DIALOG;
      const activeId = innerDc.activeDialog?.id;
      if (activeId === EMERGENCY_SUPPORT_DIALOG || activeId === RISK_CHECK_IN_DIALOG) {
        return innerDc.replaceDialog(risk.negated && activeId === EMERGENCY_SUPPORT_DIALOG ? activeId : target, options);
      }
      return innerDc.beginDialog(target, options);
    }
    return undefined;
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

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = step.context.activity.locale ?? '';
    if (step.context.activity.type === 'message') {
      await this.recognize(step.context);
      await step.context.sendActivity(t(locale, 'common:placeholderAnswer'));
    }
    return step.endDialog();
  }
}
