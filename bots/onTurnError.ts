import type { ConversationState, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { t } from '../src/content/i18n';
import { urgentNumbers } from '../src/content/urgentNumbers';

/**
 * The samples' onTurnError, without their faults: logs the error's kind and the conversation id
 * (never the message text), tells the person kindly, always with the urgent routes, and clears the
 * conversation state so a broken dialog stack cannot trap them. It never throws.
 */
export function createOnTurnError(conversationState: ConversationState, logger: Logger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    logger.error(
      {
        event: 'turn_error',
        error: error?.name ?? 'Error',
        reason: error?.message?.slice(0, 200),
        conversationId: context.activity?.conversation?.id,
        channelId: context.activity?.channelId,
      },
      'unhandled error in turn',
    );
    try {
      await context.sendTraceActivity('OnTurnError Trace', error?.message ?? String(error), 'https://www.botframework.com/schemas/error', 'TurnError');
      const locale = context.activity?.locale ?? '';
      await context.sendActivities([
        { type: 'message', text: t(locale, 'errors:turnError') },
        { type: 'message', text: t(locale, 'errors:turnErrorUrgent', urgentNumbers(locale)) },
      ]);
    } catch (sendError) {
      logger.error({ event: 'turn_error_reply_failed', error: (sendError as Error)?.name }, 'could not tell the user about the error');
    }
    try {
      await conversationState.delete(context);
    } catch (deleteError) {
      logger.error({ event: 'turn_error_state_clear_failed', error: (deleteError as Error)?.name }, 'could not clear conversation state');
    }
  };
}
