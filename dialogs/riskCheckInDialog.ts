import { ComponentDialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { EmergencySupportOptions } from './emergencySupportDialog';

export const RISK_CHECK_IN_DIALOG = 'riskCheckIn';
export type RiskCheckInOptions = EmergencySupportOptions;

/** Placeholder until the safety issue lands. */
export class RiskCheckInDialog extends ComponentDialog {
  constructor() {
    super(RISK_CHECK_IN_DIALOG);
  }

  override async onBeginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return dc.endDialog();
  }
}
