import type { Activity, TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';

/**
 * A dialog that answers in one turn and ends: greeting, goodbye, help, human contact, topic
 * answers, fallback. Subclasses only say what to send.
 */
export abstract class OneTurnDialog<O extends object = object> extends Dialog<O> {
  protected abstract replies(context: TurnContext, locale: string, options: O | undefined): Promise<Partial<Activity>[]> | Partial<Activity>[];

  override async beginDialog(dc: DialogContext, options?: O): Promise<DialogTurnResult> {
    const locale = dc.context.activity.locale ?? '';
    const activities = await this.replies(dc.context, locale, options);
    if (activities.length > 0) await dc.context.sendActivities(activities);
    return dc.endDialog();
  }
}
