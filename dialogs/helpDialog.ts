import type { TurnContext } from 'botbuilder';
import { t } from '../src/content/i18n';
import { actionLabel, MAIN_MENU } from '../src/content/actions';
import { urgentNumbers } from '../src/content/urgentNumbers';
import { OneTurnDialog } from './oneTurnDialog';
import { withActions, withButtons } from './replies';

export const HELP_DIALOG = 'help';

/**
 * - help: what the bot can do, and how to use it;
 * - menu: the main topics ("Menu" button);
 * - cancelled / nothingToCancel: after "stop", with the menu, so there is always a way on.
 */
export type HelpMode = 'help' | 'menu' | 'cancelled' | 'nothingToCancel';

export interface HelpOptions {
  mode?: HelpMode;
  /** nothingToCancel: which wording, counted per conversation, so the same line never comes twice in a row. */
  variant?: number;
  /** nothingToCancel: what was asked for ("start again" and "what was the question?" get their own first line). */
  kind?: 'restart' | 'repeat' | 'acknowledged' | 'other';
}

/** How many wordings of "there's nothing to stop" the copy has (common:nothingRunning). */
const NOTHING_RUNNING_VARIANTS = 3;

/**
 * What the bot can do, and always how to get help now: someone typing "help" may be asking for
 * help as much as about the bot. The numbers themselves are one step away ("help now", which the
 * risk detector reads as a request for urgent help): most people who reach this reply asked about
 * the bot, and crisis numbers printed on every help reply teach people to skip them (see
 * docs/decisions.md, Safety).
 */
export function helpText(locale: string, text = ''): string {
  const urgent = BARE_HELP.test(text) ? t(locale, 'common:helpUrgentNumbers', urgentNumbers(locale)) : t(locale, 'common:helpUrgent');
  return `${t(locale, 'common:help')}\n\n${urgent}`;
}

/** "help" and nothing else may be a plea as much as a question about the bot: the numbers are printed. */
const BARE_HELP = /^\s*(?:help|halp|sos)\s*[!.?]*\s*$/i;

export class HelpDialog extends OneTurnDialog<HelpOptions> {
  constructor() {
    super(HELP_DIALOG);
  }

  protected replies(context: TurnContext, locale: string, options?: HelpOptions) {
    const mode = options?.mode ?? 'help';
    if (mode === 'help') {
      const menu = [...MAIN_MENU.map((id) => actionLabel(locale, id)), t(locale, 'common:helpNowButton')];
      return [withActions(locale, helpText(locale, context.activity.text ?? ''), []), withButtons(t(locale, 'common:helpHint'), menu)];
    }
    if (mode === 'nothingToCancel') {
      const variant = (options?.variant ?? 0) % NOTHING_RUNNING_VARIANTS;
      const key =
        options?.kind === 'acknowledged'
          ? `common:acknowledged.${variant}`
          : options?.kind === 'restart' && variant === 0
            ? 'common:nothingToRestart'
            : options?.kind === 'repeat' && variant === 0
              ? 'common:noQuestionOpen'
              : `common:nothingRunning.${variant}`;
      return [withActions(locale, t(locale, key), [...MAIN_MENU, 'HumanContact'])];
    }
    return [withActions(locale, t(locale, `common:${mode}`), MAIN_MENU)];
  }
}
