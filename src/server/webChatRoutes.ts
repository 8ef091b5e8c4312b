import type { Server } from 'restify';
import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import type { ActivityProcessor, TurnLogic } from './messagesRoute';
import type { InflightTurns } from './inflightTurns';

export interface WebChatRouteDeps {
  config: AppConfig;
  logger: Logger;
  adapter: ActivityProcessor;
  bot: TurnLogic;
  inflight: InflightTurns;
  baseUrl: () => string;
}

/** Web Chat page, local Direct Line and the token route (built in the website issue). */
export function registerWebChatRoutes(_server: Server, _deps: WebChatRouteDeps): void {}
