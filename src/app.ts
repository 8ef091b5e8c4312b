import { ConversationState, MemoryStorage, UserState, type Middleware, type Storage } from 'botbuilder';
import type { Logger } from 'pino';
import type { AppConfig } from './config';
import type { Recognizer } from './language/recognizer';
import { createRecognizer } from './language';
import type { UserProfile } from './profile';
import { MainDialog } from '../dialogs/mainDialog';
import { IptBot } from '../bots/iptBot';
import { createAdapter } from '../bots/createAdapter';
import { SafetyGateMiddleware } from '../bots/safetyGateMiddleware';
import { createServer, type AppServer } from './server/createServer';

export interface BotParts {
  storage: Storage;
  conversationState: ConversationState;
  userState: UserState;
  recognizer: Recognizer;
  bot: IptBot;
  /** In the order the adapter must run them: transcripts first, then the safety gate. */
  middleware: Middleware[];
}

export interface App extends BotParts {
  server: AppServer;
}

export interface AppOverrides {
  storage?: Storage;
  recognizer?: Recognizer;
}

function createStorage(config: AppConfig): Storage {
  switch (config.storage) {
    case 'memory':
      return new MemoryStorage();
  }
}

/** Everything but the transport: shared by the server and by tests on botbuilder's TestAdapter. */
export async function buildBot(config: AppConfig, logger: Logger, overrides: AppOverrides = {}): Promise<BotParts> {
  const storage = overrides.storage ?? createStorage(config);
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const recognizer = overrides.recognizer ?? (await createRecognizer({ clu: config.clu, logger }));
  const dialog = new MainDialog({
    recognizer,
    profile: userState.createProperty<UserProfile>('UserProfile'),
    clinic: config.clinic,
  });
  const bot = new IptBot({ conversationState, userState, dialog, clinic: config.clinic, logger });
  const middleware: Middleware[] = [new SafetyGateMiddleware(logger)];
  return { storage, conversationState, userState, recognizer, bot, middleware };
}

/** The composition root: config -> storage -> recogniser -> dialogs -> bot -> adapter -> server. */
export async function buildApp(config: AppConfig, logger: Logger, overrides: AppOverrides = {}): Promise<App> {
  const parts = await buildBot(config, logger, overrides);
  const adapter = createAdapter({
    botAuth: config.botAuth,
    conversationState: parts.conversationState,
    logger,
    middleware: parts.middleware,
  });
  const server = createServer({ config, adapter, bot: parts.bot, logger });
  return { ...parts, server };
}
