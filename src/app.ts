import { ConversationState, MemoryStorage, UserState, type Middleware, type Storage } from 'botbuilder';
import type { Logger } from 'pino';
import type { AppConfig } from './config';
import type { Recognizer } from './language/recognizer';
import { createRecognizer } from './language';
import { createQuestionAnswerer, type QuestionAnswerer } from './language/questionAnswerer';
import { QnaQuestionSource } from './language/qnaRecognizer';
import { loadKnowledgeBase } from './content/knowledgeBase';
import type { UserProfile } from './profile';
import { MemoryCallbackStore, type CallbackStore } from './callbacks/callbackStore';
import type { SafetyRecord } from './safety/safetyRecord';
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
  /** Call-back requests for clinic staff. */
  callbacks: CallbackStore;
  bot: IptBot;
  /** In the order the adapter must run them: transcripts first, then the safety gate. */
  middleware: Middleware[];
  /** Settles when start-up work (training the local recogniser) has finished. */
  ready: Promise<void>;
}

export interface App extends BotParts {
  server: AppServer;
}

export interface AppOverrides {
  storage?: Storage;
  /** Where call-back requests for staff go (memory by default). */
  callbacks?: CallbackStore;
  recognizer?: Recognizer;
  /** A question answerer over another knowledge base (tests use a small fixture). */
  answerer?: QuestionAnswerer;
}

/** How long transcripts are kept, for the privacy answers, until the transcripts work configures it. */
const DEFAULT_RETENTION_DAYS = 90;

function createStorage(config: AppConfig): Storage {
  switch (config.storage) {
    case 'memory':
      return new MemoryStorage();
  }
}

/**
 * Training the local recogniser takes a few seconds. Meanwhile the server already listens (health
 * says 'starting'), the safety gate already works, and a message simply waits for the model.
 */
function deferredRecognizer(training: Promise<Recognizer>): Recognizer {
  return { recognize: async (text, locale) => (await training).recognize(text, locale) };
}

/** Everything but the transport: shared by the server and by tests on botbuilder's TestAdapter. */
export function buildBot(config: AppConfig, logger: Logger, overrides: AppOverrides = {}): BotParts {
  const storage = overrides.storage ?? createStorage(config);
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  // The knowledge base is read and validated now, so a bad file stops start-up; its matcher trains with the recogniser.
  const kb = loadKnowledgeBase();
  const answerer =
    overrides.answerer ??
    createQuestionAnswerer({ kb, ...(config.qna ? { remote: new QnaQuestionSource({ qna: config.qna, kb, logger }) } : {}) });
  if (config.qna) logger.info({ event: 'qna.enabled', project: config.qna.projectName }, 'Question answering enabled with local fallback');
  const recognizerTraining = overrides.recognizer ? Promise.resolve(overrides.recognizer) : createRecognizer({ clu: config.clu, logger });
  const training = recognizerTraining.then((trained) => {
    answerer.matcher();
    return trained;
  });
  const recognizer = deferredRecognizer(training);
  const callbacks = overrides.callbacks ?? new MemoryCallbackStore();
  const dialog = new MainDialog({
    recognizer,
    // Nation and age group belong to this conversation; they outlive it (in user state) only if the person asks.
    profile: conversationState.createProperty<UserProfile>('UserProfile'),
    keptProfile: userState.createProperty<UserProfile>('UserProfile'),
    callbacks,
    clinic: config.clinic,
    safety: { safetyRecord: conversationState.createProperty<SafetyRecord>('SafetyRecord'), logger },
    answers: {
      answerer,
      deployment: { clinicName: config.clinic.name, retentionDays: DEFAULT_RETENTION_DAYS, organisationName: '' },
    },
  });
  const bot = new IptBot({ conversationState, userState, dialog, clinic: config.clinic, logger });
  const middleware: Middleware[] = [new SafetyGateMiddleware(logger)];
  return { storage, conversationState, userState, recognizer, callbacks, bot, middleware, ready: training.then(() => undefined) };
}

/** The composition root: config -> storage -> recogniser -> dialogs -> bot -> adapter -> server. */
export function buildApp(config: AppConfig, logger: Logger, overrides: AppOverrides = {}): App {
  const parts = buildBot(config, logger, overrides);
  const adapter = createAdapter({
    botAuth: config.botAuth,
    conversationState: parts.conversationState,
    logger,
    middleware: parts.middleware,
  });
  const server = createServer({ config, adapter, bot: parts.bot, logger, ready: parts.ready });
  return { ...parts, server };
}
