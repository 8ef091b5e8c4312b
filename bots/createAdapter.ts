import {
  CloudAdapter,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type ConversationState,
  type InvokeResponse,
  type Middleware,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import { createOnTurnError } from './onTurnError';
import { ReusedConnectorAuthentication } from './reusedConnectors';

/**
 * CloudAdapter with processActivity made reachable, so the server can tell a rejected token
 * (before the turn) from a failed turn and answer each with a clean status of its own.
 */
export class IptAdapter extends CloudAdapter {
  handleActivity(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

export interface AdapterDeps {
  botAuth: ConfigurationBotFrameworkAuthenticationOptions;
  conversationState: ConversationState;
  logger: Logger;
  /** Run in order on every turn, before the bot: transcripts first, then the safety gate. */
  middleware: Middleware[];
}

export function createAdapter(deps: AdapterDeps): IptAdapter {
  const adapter = new IptAdapter(new ReusedConnectorAuthentication(deps.botAuth));
  adapter.onTurnError = createOnTurnError(deps.conversationState, deps.logger);
  for (const middleware of deps.middleware) adapter.use(middleware);
  return adapter;
}
