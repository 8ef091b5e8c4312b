import { MAIN_MENU } from '../src/content/actions';
import { t } from '../src/content/i18n';
import { OneTurnDialog } from './oneTurnDialog';
import { withActions } from './replies';

export const GREETING_DIALOG = 'greeting';

/** "hi": a friendly hello and the main topics. */
export class GreetingDialog extends OneTurnDialog {
  constructor() {
    super(GREETING_DIALOG);
  }

  protected replies(_context: unknown, locale: string) {
    return [withActions(locale, t(locale, 'common:greeting'), MAIN_MENU)];
  }
}
