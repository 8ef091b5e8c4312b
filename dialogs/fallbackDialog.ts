import type { ActionId } from '../src/content/actions';
import { MAIN_MENU } from '../src/content/actions';
import type { ClinicContact } from '../src/config';
import { humanContactCard } from '../src/content/cards';
import { t } from '../src/content/i18n';
import { OneTurnDialog } from './oneTurnDialog';
import { withActions } from './replies';

export const FALLBACK_DIALOG = 'fallback';

/** How many misunderstandings in a row before we offer a person. */
export const ESCALATE_AFTER = 2;

export interface FallbackOptions {
  /** Misunderstandings in a row, this one included (counted by MainDialog in conversation state). */
  misunderstandings: number;
}

/** `None`: says what the bot can help with; after two misses in a row, offers a person and the menu. */
export class FallbackDialog extends OneTurnDialog<FallbackOptions> {
  constructor(private readonly clinic: ClinicContact) {
    super(FALLBACK_DIALOG);
  }

  protected replies(_context: unknown, locale: string, options?: FallbackOptions) {
    if ((options?.misunderstandings ?? 1) >= ESCALATE_AFTER) {
      const actions: ActionId[] = ['HumanContact', ...MAIN_MENU.slice(0, 3)];
      // The clinic's details come with the offer, so reaching a person takes no extra step.
      const card = humanContactCard(locale, this.clinic);
      return [withActions(locale, t(locale, 'common:fallbackEscalate', { clinic: this.clinic.name }), actions, card)];
    }
    return [withActions(locale, t(locale, 'common:fallback'), MAIN_MENU)];
  }
}
