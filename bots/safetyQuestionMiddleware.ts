import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { MESSAGE_HANDLED_KEY, MESSAGE_LANGUAGE_KEY, RISK_ASSESSMENT_KEY } from '../dialogs/turnState';

/** What this middleware needs of the bot: IptBot.askSafetyQuestionAgain. */
export interface SafetyQuestionAsker {
  askSafetyQuestionAgain(context: TurnContext): Promise<boolean>;
}

/**
 * Sits just before the safety gate. A message in another language without risk is answered by the
 * gate's notice alone (999 first, in that language), and the dialogs never see it. When the person
 * was answering "are you safe?" ("nie jestem bezpieczna"), that would leave them with no way to
 * answer: so after the notice the open safety question is asked again, with its buttons.
 */
export class SafetyQuestionMiddleware implements Middleware {
  constructor(
    private readonly bot: SafetyQuestionAsker,
    private readonly logger: Logger,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    await next();
    const { turnState } = context;
    if (context.activity.type !== ActivityTypes.Message || turnState.get(MESSAGE_LANGUAGE_KEY) === undefined) return;
    if (turnState.get(MESSAGE_HANDLED_KEY) === true || turnState.get(RISK_ASSESSMENT_KEY) !== undefined) return;
    try {
      if (await this.bot.askSafetyQuestionAgain(context)) this.logger.debug({ event: 'safety_question_again' }, 'safety question asked again after a language notice');
    } catch (error) {
      // The notice (999 first) has gone: a failure here must not turn the turn into an error reply.
      this.logger.error({ event: 'safety_question_again_failed', error: error instanceof Error ? error.name : typeof error }, 'could not ask the safety question again');
    }
  }
}
