import type { TurnContext } from 'botbuilder';
import { ChoicePrompt, ComponentDialog, ListStyle, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import type { ClinicContact } from '../src/config';
import { t } from '../src/content/i18n';
import { isEraseConfirmed, isEraseDeclined } from '../src/language/eraseWords';
import { withButtons } from './replies';

export const ERASE_CONVERSATION_DIALOG = 'eraseConversation';
const CONFIRM_PROMPT = 'eraseConversation.confirm';
const FLOW = 'eraseConversation.flow';

/** Removes everything kept about this conversation (transcript, queued entries, saved state). */
export interface ConversationEraser {
  erase(context: TurnContext): Promise<void>;
}

interface EraseOptions {
  /** The question has been asked once and met with neither a yes nor a no. */
  askedAgain?: boolean;
}

/**
 * "Delete my conversation", from the chat: one question to confirm (it cannot be undone), then the
 * transcript, anything queued for it and the saved state are removed, and nothing of this turn is
 * written. Only a clear yes deletes; an answer that is neither yes nor no ("is it gone now?") gets
 * the question once more, saying nothing is deleted yet, and after that anything but a yes keeps it.
 */
export class EraseConversationDialog extends ComponentDialog {
  constructor(
    private readonly eraser: ConversationEraser,
    private readonly clinic: ClinicContact,
    private readonly logger?: Logger,
  ) {
    super(ERASE_CONVERSATION_DIALOG);
    this.addDialog(new ChoicePrompt(CONFIRM_PROMPT, async () => true));
    this.addDialog(new WaterfallDialog(FLOW, [this.askStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = step.context.activity.locale ?? '';
    const yes = t(locale, 'privacy:erase.yes');
    const no = t(locale, 'privacy:erase.no');
    const askedAgain = (step.options as EraseOptions | undefined)?.askedAgain === true;
    return step.prompt(CONFIRM_PROMPT, {
      prompt: t(locale, askedAgain ? 'privacy:erase.notYet' : 'privacy:erase.confirm', { clinic: this.clinic.name }),
      choices: [yes, no].map((title) => ({ value: title, action: { type: 'imBack', title, value: title } })),
      style: ListStyle.suggestedAction,
    });
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { context } = step;
    const locale = context.activity.locale ?? '';
    const text = context.activity.text ?? '';
    if (!isEraseConfirmed(locale, text)) {
      const askedAgain = (step.options as EraseOptions | undefined)?.askedAgain === true;
      if (!askedAgain && !isEraseDeclined(locale, text)) return step.replaceDialog(FLOW, { askedAgain: true } satisfies EraseOptions);
      await context.sendActivity(withButtons(t(locale, 'privacy:erase.kept'), []));
      return step.endDialog();
    }
    try {
      await this.eraser.erase(context);
      await context.sendActivity(withButtons(t(locale, 'privacy:erase.done'), []));
    } catch (error) {
      this.logger?.error({ event: 'erase_failed', error: error instanceof Error ? error.name : typeof error }, 'could not erase a conversation on request');
      await context.sendActivity(withButtons(t(locale, 'privacy:erase.failed', { clinic: this.clinic.name }), []));
    }
    return step.endDialog();
  }
}
