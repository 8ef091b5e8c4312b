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
  /**
   * nothingToCancel: what was asked for. "start again", "go back", "carry on" and "what was the
   * question?" get their own line unless the last such reply was for the same thing; a bare yes or
   * no gets a line that fits whether or not a question came before.
   */
  kind?: NothingKind;
  /** The last reply with nothing running was for the same kind of message. */
  again?: boolean;
}

export type NothingKind = 'restart' | 'repeat' | 'back' | 'resume' | 'skip' | 'yes' | 'no' | 'acknowledged' | 'other';

/** The line for a message that had nothing to act on. Wordings alternate, so none comes twice in a row. */
function nothingLine(kind: NothingKind, variant: number, again: boolean): string {
  if (kind === 'acknowledged') return `common:acknowledged.${variant % NOTHING_RUNNING_VARIANTS}`;
  if (kind === 'yes' || kind === 'no') return `common:nothingAsked.${kind}.${variant % 2}`;
  if (!again && kind === 'restart') return 'common:nothingToRestart';
  if (!again && kind === 'repeat') return 'common:noQuestionOpen';
  if (!again && kind === 'back') return 'common:nothingToGoBack';
  if (!again && kind === 'resume') return 'common:nothingToCarryOn';
  if (!again && kind === 'skip') return 'common:nothingToSkip';
  return `common:nothingRunning.${variant % NOTHING_RUNNING_VARIANTS}`;
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
      const key = nothingLine(options?.kind ?? 'other', options?.variant ?? 0, options?.again === true);
      return [withActions(locale, t(locale, key), [...MAIN_MENU, 'HumanContact'])];
    }
    return [withActions(locale, t(locale, `common:${mode}`), MAIN_MENU)];
  }
}
