import type { Middleware, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';

/** Placeholder until the safety issue lands. */
export class SafetyGateMiddleware implements Middleware {
  constructor(private readonly logger: Logger) {}

  async onTurn(_context: TurnContext, next: () => Promise<void>): Promise<void> {
    await next();
  }
}
