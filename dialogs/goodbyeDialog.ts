import { MessageFactory } from 'botbuilder';
import { t } from '../src/content/i18n';
import { urgentNumbers } from '../src/content/urgentNumbers';
import { OneTurnDialog } from './oneTurnDialog';

export const GOODBYE_DIALOG = 'goodbye';

/** "thanks, bye": a warm close that leaves the Samaritans number in view. */
export class GoodbyeDialog extends OneTurnDialog {
  constructor() {
    super(GOODBYE_DIALOG);
  }

  protected replies(_context: unknown, locale: string) {
    return [MessageFactory.text(t(locale, 'common:goodbye', urgentNumbers(locale)))];
  }
}
