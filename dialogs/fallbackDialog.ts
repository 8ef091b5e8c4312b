import type { ActionId } from '../src/content/actions';
import { actionLabel, MAIN_MENU } from '../src/content/actions';
import type { ClinicContact } from '../src/config';
import { humanContactCard } from '../src/content/cards';
import { t, tObject } from '../src/content/i18n';
import { OneTurnDialog } from './oneTurnDialog';
import { withActions, withButtons } from './replies';

export const FALLBACK_DIALOG = 'fallback';

/** How many misunderstandings in a row before we offer a person. */
export const ESCALATE_AFTER = 2;

export interface FallbackOptions {
  /** Misunderstandings in a row, this one included (counted by MainDialog in conversation state). */
  misunderstandings: number;
  /** The closest knowledge-base questions' labels ("Did you mean ...?"), best first. */
  suggestions?: string[];
  /** Which wording to use this time (MainDialog never repeats the last one). */
  variant?: number;
}

/** How many wordings a fallback has, so MainDialog can rotate through them. */
export function fallbackVariants(locale: string): number {
  return tObject<string[]>(locale, 'answers:didYouMean').length;
}

/**
 * Nothing matched well enough: "Did you mean ...?" with the closest questions, in a different
 * wording each time, never a bare "I didn't understand". The second miss in a row offers a person
 * (with the clinic's details) as well.
 */
export class FallbackDialog extends OneTurnDialog<FallbackOptions> {
  constructor(private readonly clinic: ClinicContact) {
    super(FALLBACK_DIALOG);
  }

  protected replies(_context: unknown, locale: string, options?: FallbackOptions) {
    const suggestions = (options?.suggestions ?? []).slice(0, 3);
    if ((options?.misunderstandings ?? 1) === ESCALATE_AFTER) {
      const actions: ActionId[] = ['HumanContact', ...MAIN_MENU.slice(0, 3)];
      // The clinic's details come with the offer, so reaching a person takes no extra step.
      const card = humanContactCard(locale, this.clinic);
      const labels = [actionLabel(locale, 'HumanContact'), ...(suggestions.length > 0 ? suggestions : actions.slice(1).map((a) => actionLabel(locale, a)))];
      return [withButtons(t(locale, 'common:fallbackEscalate', { clinic: this.clinic.name }), labels, card)];
    }
    const variant = options?.variant ?? 0;
    if (suggestions.length === 0) {
      const lines = tObject<string[]>(locale, 'answers:didYouMeanNothing');
      return [withActions(locale, lines[variant % lines.length], MAIN_MENU)];
    }
    const lines = tObject<string[]>(locale, 'answers:didYouMean');
    return [withButtons(`${lines[variant % lines.length]}\n\n${t(locale, 'answers:retype')}`, [...suggestions, actionLabel(locale, 'Menu')])];
  }
}
