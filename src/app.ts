import { ConversationState, UserState, type Middleware, type Storage, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { AppConfig, QnaConfig } from './config';
import type { Recognizer } from './language/recognizer';
import { createRecognizer } from './language';
import { createQuestionAnswerer, sharedQuestionAnswerer, type QuestionAnswerer } from './language/questionAnswerer';
import { QnaQuestionSource } from './language/qnaRecognizer';
import { loadKnowledgeBase } from './content/knowledgeBase';
import type { UserProfile } from './profile';
import { MemoryCallbackStore, type CallbackStore } from './callbacks/callbackStore';
import type { SafetyRecord } from './safety/safetyRecord';
import { MainDialog, type MainDialogDeps } from '../dialogs/mainDialog';
import { createChildDialogs, type ChildDialogDeps } from '../dialogs/childDialogs';
import { IptBot } from '../bots/iptBot';
import { createAdapter } from '../bots/createAdapter';
import { SafetyQuestionMiddleware } from '../bots/safetyQuestionMiddleware';
import { SafetyGateMiddleware } from '../bots/safetyGateMiddleware';
import { TeamsMessageMiddleware } from '../bots/teams/teamsTurn';
import { sharedRiskDetector, type RiskDetector } from './safety/detectRisk';
import type { RiskSignalState } from './safety/riskSignals';
import { createServer, type AppServer } from './server/createServer';
import type { HostResolver } from './server/loopback';
import { createPersistence, type Persistence } from './transcripts';
import { TranscriptMiddleware, forgetThisTurn } from './transcripts/transcriptMiddleware';
import { TurnRetryMiddleware } from './transcripts/turnRetry';
import { systemClock, type Clock } from './clock';
import { forgetLastReply, SameReplyMiddleware, type LastReply } from '../bots/sameReplyMiddleware';
import { createRedactor } from './transcripts/redact';
import { serviceContacts } from './transcripts/serviceContacts';
import type { TurnFacts } from './transcripts/entry';
import { StaffService } from './staff/staffService';
import { StaffAuth, generateToken } from './staff/staffAuth';
import { registerStaffRoutes } from './staff/staffRoutes';
import { RiskAlerter } from './staff/riskAlerts';
import { EntraSignIn } from './staff/entraSignIn';
import type { INetworkModule } from '@azure/msal-node';
import type { RiskAssessment } from './safety/types';
import { DEFAULT_LOCALE, t } from './content/i18n';
import { RISK_ASSESSMENT_KEY, SAFETY_RESPONSE_KEY } from '../dialogs/turnState';

export interface BotParts {
  storage: Storage;
  conversationState: ConversationState;
  userState: UserState;
  recognizer: Recognizer;
  /** Call-back requests for clinic staff. */
  callbacks: CallbackStore;
  bot: IptBot;
  /** Transcripts and state storage: stores, erasure, retention, health. */
  persistence: Persistence;
  /** Risk alerts to a staff webhook, when one is configured. */
  alerts?: RiskAlerter;
  /** In the order the adapter must run them: transcripts first, Teams' mention stripping, then the safety gate. */
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
  /** Test seam: DNS for the loopback serviceUrl check. */
  resolveHost?: HostResolver;
  persistence?: Persistence;
  /** Where a generated staff token is printed (default: stderr, once). */
  announce?: (line: string) => void;
  /** Tests only: the HTTP client MSAL uses, to trust a loopback OpenID provider. */
  entraNetworkClient?: INetworkModule;
  /** The risk detector; by default one per process, built here at start-up (tests share it within a suite). */
  detector?: RiskDetector;
  /** Today's date for the dialogs (tests fix the day: "since Christmas" depends on it). */
  clock?: Clock;
}

const USER_PROFILE = 'UserProfile';

/** What the transcript keeps about a turn besides its messages: the gate's risk event, and the coarse profile if known. */
function turnFacts(conversationState: ConversationState) {
  return (context: TurnContext): TurnFacts => {
    const risk = context.turnState.get(RISK_ASSESSMENT_KEY) as RiskAssessment | undefined;
    // The profile as this turn left it, without a storage read.
    const profile = (conversationState.get(context) as Record<string, UserProfile | undefined> | undefined)?.[USER_PROFILE];
    return { risk, nation: profile?.nation, ageGroup: profile?.ageGroup };
  };
}

/**
 * Training the local recogniser takes a few seconds. Meanwhile the server already listens (health
 * says 'starting'), the safety gate already works, and a message simply waits for the model.
 */
function deferredRecognizer(training: Promise<Recognizer>): Recognizer {
  return { recognize: async (text, locale) => (await training).recognize(text, locale) };
}

/** After the turn (the gate, further in, has assessed it): a risk event sends a staff alert, without waiting. */
function riskAlertMiddleware(alerts: RiskAlerter): Middleware {
  return {
    onTurn: async (context, next) => {
      try {
        await next();
      } finally {
        const risk = context.turnState.get(RISK_ASSESSMENT_KEY) as RiskAssessment | undefined;
        if (risk) alerts.notify(risk, context.activity.channelId, context.activity.conversation.id);
      }
    },
  };
}

/** Azure custom question answering first, with the offline matcher over the same knowledge base as its fallback. */
function remoteAnswerer(qna: QnaConfig, logger: Logger, meaning: boolean): QuestionAnswerer {
  const kb = loadKnowledgeBase();
  return createQuestionAnswerer({ kb, remote: new QnaQuestionSource({ qna, kb, logger }), meaning });
}

/** Everything but the transport: shared by the server and by tests on botbuilder's TestAdapter. */
export function buildBot(config: AppConfig, logger: Logger, overrides: AppOverrides = {}): BotParts {
  const persistence = overrides.persistence ?? createPersistence(config, logger, { schedule: config.env !== 'test' });
  const storage = overrides.storage ?? persistence.storage;
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  // The knowledge base is read and validated now, so a bad file stops start-up. Its matcher trains
  // here too (a few seconds, before the server listens, once a process): on the main thread once the
  // server is up, it would hold up every request, health checks and the safety gate included.
  const answerer =
    overrides.answerer ??
    (config.qna ? remoteAnswerer(config.qna, logger, config.answerMeaning) : config.answerMeaning ? sharedQuestionAnswerer() : createQuestionAnswerer({ meaning: false }));
  answerer.matcher();
  if (config.answerMeaning && !overrides.answerer) {
    // The sentence encoder that cannot load leaves answers to the words alone: the operator hears so once.
    void answerer.meaning().then((meaning) => {
      if (!meaning) logger.warn({ event: 'answer_meaning.unavailable' }, 'Sentence encoder could not load: answers use word matching only');
    });
  }
  if (config.qna) logger.info({ event: 'qna.enabled', project: config.qna.projectName }, 'Question answering enabled with local fallback');
  const recognizerTraining = overrides.recognizer ? Promise.resolve(overrides.recognizer) : createRecognizer({ clu: config.clu, logger });
  const training = recognizerTraining;
  const recognizer = deferredRecognizer(training);
  const safety = { safetyRecord: conversationState.createProperty<SafetyRecord>('SafetyRecord'), logger };
  const callbacks = overrides.callbacks ?? new MemoryCallbackStore();
  const dialogDeps: MainDialogDeps & ChildDialogDeps = {
    recognizer,
    clock: overrides.clock ?? systemClock,
    // Nation and age group belong to this conversation; they outlive it (in user state) only if the person asks.
    profile: conversationState.createProperty<UserProfile>(USER_PROFILE),
    keptProfile: userState.createProperty<UserProfile>(USER_PROFILE),
    callbacks,
    clinic: config.clinic,
    answers: {
      answerer,
      deployment: {
        clinicName: config.clinic.name,
        clinicContact: { phone: config.clinic.phone, email: config.clinic.email, url: config.clinic.url },
        retentionDays: config.transcripts.retentionDays,
        organisationName: config.workplace.name ?? '',
      },
    },
    safety,
    eraser: {
      // Everything kept about the conversation goes, this turn is not written, and the state this
      // turn read is dropped so the end of the turn cannot save it back.
      erase: async (context) => {
        forgetThisTurn(context);
        forgetLastReply(context);
        await persistence.eraseConversation(context.activity.channelId, context.activity.conversation.id);
        await conversationState.delete(context);
        await userState.delete(context);
      },
    },
  };
  const dialog = new MainDialog(dialogDeps, createChildDialogs(dialogDeps));
  const bot = new IptBot({
    conversationState,
    userState,
    dialog,
    clinic: config.clinic,
    workplace: config.workplace,
    botAppId: config.botAuth.MicrosoftAppId,
    safety,
    logger,
  });
  const alerts = config.staff.alertWebhookUrl
    ? new RiskAlerter({ webhookUrl: config.staff.alertWebhookUrl, staffBaseUrl: config.staff.baseUrl ?? `http://${config.host}:${config.port}`, logger })
    : undefined;
  const detector = overrides.detector ?? sharedRiskDetector();
  const signals = { signalsIn: detector.signalsIn, state: conversationState.createProperty<RiskSignalState>('RiskSignals') };
  const middleware: Middleware[] = [
    new TranscriptMiddleware({
      writer: persistence.writer,
      redactor: createRedactor(serviceContacts(DEFAULT_LOCALE, config.clinic)),
      logger,
      facts: turnFacts(conversationState),
    }),
    ...(alerts ? [riskAlertMiddleware(alerts)] : []),
    // Teams' mentions are stripped before the gate, so the detector reads only what the person wrote.
    new TeamsMessageMiddleware(),
    // After the gate's notice to a message in another language, an open safety question is asked again.
    new SafetyQuestionMiddleware(bot, logger),
    new SafetyGateMiddleware(logger, detector.detect, detector.identifyLanguage, signals),
    // Before the turn retry, which holds replies until state is saved: it reads them as they are made.
    new SameReplyMiddleware({
      lastReply: conversationState.createProperty<LastReply>('LastReply'),
      note: (locale) => t(locale, 'common:sameReply'),
      leaveAlone: (context) => context.turnState.get(SAFETY_RESPONSE_KEY) !== undefined,
    }),
    new TurnRetryMiddleware({
      logger,
      degradedNotice: (locale) => t(locale, 'errors:storageDegraded'),
      sendAtOnce: (context) => context.turnState.get(SAFETY_RESPONSE_KEY) !== undefined,
    }),
  ];
  return { storage, conversationState, userState, recognizer, callbacks, bot, persistence, alerts, middleware, ready: training.then(() => undefined) };
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
  const server = createServer({
    config,
    adapter,
    bot: parts.bot,
    logger,
    ready: parts.ready,
    resolveHost: overrides.resolveHost,
    storageHealth: () => parts.persistence.health(),
    onShutdown: () => parts.persistence.close(),
  });
  if (config.staff.enabled) {
    const { tokenSignIn, entra } = config.staff;
    const token = tokenSignIn ? (config.staff.token ?? generateToken()) : undefined;
    if (tokenSignIn && !config.staff.token && config.env !== 'test') {
      (overrides.announce ?? ((line: string) => process.stderr.write(line)))(
        `Staff review at /staff. Sign-in token until restart (set STAFF_TOKEN to keep one): ${token}\n`,
      );
    }
    registerStaffRoutes(server.restify, {
      service: new StaffService(parts.persistence),
      alerts: parts.alerts,
      auth: new StaffAuth(token),
      tokenSignIn,
      entra: entra ? new EntraSignIn({ ...entra, networkClient: overrides.entraNetworkClient }) : undefined,
      logger,
      trustedProxyHops: config.webChat.trustedProxyHops,
      secureCookies: config.env === 'production',
    });
  }
  return { ...parts, server };
}
