import { MessageFactory, type Activity } from 'botbuilder';
import type { ClinicContact } from '../src/config';
import type { ActionId } from '../src/content/actions';
import { humanContactCard } from '../src/content/cards';
import { t } from '../src/content/i18n';
import { urgentNumbers } from '../src/content/urgentNumbers';
import { OneTurnDialog } from './oneTurnDialog';
import { withActions } from './replies';

export const HUMAN_CONTACT_DIALOG = 'humanContact';

const NEXT: readonly ActionId[] = ['AboutIpt', 'SuitabilityCheck', 'AccessNhs'];

/** "can I talk to a person": the clinic's details from configuration, and that it is not for emergencies. */
export class HumanContactDialog extends OneTurnDialog {
  constructor(private readonly clinic: ClinicContact) {
    super(HUMAN_CONTACT_DIALOG);
  }

  protected replies(_context: unknown, locale: string): Partial<Activity>[] {
    const clinic = { clinic: this.clinic.name };
    const card = humanContactCard(locale, this.clinic);
    const urgent = t(locale, 'common:humanContactUrgent', urgentNumbers(locale));
    if (!card) {
      return [MessageFactory.text(t(locale, 'common:humanContactNone', clinic)), withActions(locale, urgent, NEXT)];
    }
    return [withActions(locale, t(locale, 'common:humanContactIntro', clinic), [], card), withActions(locale, urgent, NEXT)];
  }
}
