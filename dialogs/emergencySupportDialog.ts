import { ComponentDialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { RiskAssessment } from '../src/safety/types';
import type { UserProfile } from '../src/profile';

export const EMERGENCY_SUPPORT_DIALOG = 'emergencySupport';

export interface EmergencySupportOptions {
  assessment: RiskAssessment;
  profile: UserProfile;
}

/** Placeholder until the safety issue lands: gives the urgent routes and ends. */
export class EmergencySupportDialog extends ComponentDialog {
  constructor() {
    super(EMERGENCY_SUPPORT_DIALOG);
  }

  override async onBeginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await dc.context.sendActivity('If you need help right now, call 999. You can call Samaritans free on 116 123.');
    return dc.endDialog();
  }
}
