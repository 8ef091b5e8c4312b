import {
  MemoryStorage,
  TestAdapter,
  ConversationState,
  UserState,
  type Activity,
  type Middleware,
  type Storage,
} from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import type { Recognizer } from '../../src/language/recognizer';
import type { SafetyRecord } from '../../src/safety/safetyRecord';
import type { UserProfile } from '../../src/profile';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { MainDialog } from '../../dialogs/mainDialog';
import { systemClock } from '../../src/clock';
import { createChildDialogs } from '../../dialogs/childDialogs';
import { GREETING_DIALOG } from '../../dialogs/greetingDialog';
import { IptBot } from '../../bots/iptBot';
import { createOnTurnError } from '../../bots/onTurnError';
import { SafetyGateMiddleware, type RiskDetector } from '../../bots/safetyGateMiddleware';
import type { Logger } from 'pino';
import { createBotHarness } from '../support/botHarness';

/** Helpers shared by the safety dialog and gate tests. */

export const CHANNEL = 'test';
export const USER_ID = 'user1';

/** A recogniser that always answers None: the safety path must not depend on intent recognition. */
export const noneRecognizer: Recognizer = {
  recognize: async () => ({ intent: 'None', score: 1, alternatives: [], recognizer: 'local' }),
};

/** Stores a profile where UserState will read it, as the suitability check would have saved it. */
export async function seedProfile(storage: MemoryStorage, profile: UserProfile, channelId = CHANNEL, userId = USER_ID): Promise<void> {
  await storage.write({ [`${channelId}/users/${userId}/`]: { UserProfile: profile } });
}

/** The real bot (createBotHarness) with a None recogniser and an optional saved profile. */
export async function realBot(profile?: UserProfile, template?: Partial<Activity>, recognizer: Recognizer = noneRecognizer) {
  const storage = new MemoryStorage();
  if (profile) await seedProfile(storage, profile, template?.channelId ?? CHANNEL);
  const harness = createBotHarness({}, { storage, recognizer }, template);
  await harness.ready;
  return harness;
}

/** "hi" and "hello" are greetings (the route that starts the test's flow below); anything else is None. */
const greetingRecognizer: Recognizer = {
  recognize: async (text, locale) =>
    /^\s*(hi|hello)\b/i.test(text) ? { intent: 'Greeting', score: 1, alternatives: [], recognizer: 'local' } : noneRecognizer.recognize(text, locale),
};

export interface FlowOptions {
  after?: Middleware[];
  storage?: Storage;
  logger?: Logger;
  detector?: RiskDetector;
}

/**
 * The real MainDialog (its safety interrupt included), IptBot, safety gate and onTurnError, with
 * a test-only flow injected as the greeting dialog: "hi" starts it through the product's own
 * routing, so any prompt the product may use can be checked for risk mid-flow. `after`
 * middleware runs after the gate.
 */
export function botWithFlow(flow: (id: string) => Dialog, options: FlowOptions = {}) {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const logger = options.logger ?? createLogger('silent');
  const storage = options.storage ?? new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const deps = {
    recognizer: greetingRecognizer,
    profile: userState.createProperty<UserProfile>('UserProfile'),
    clinic: config.clinic,
    clock: systemClock,
    safety: { safetyRecord: conversationState.createProperty<SafetyRecord>('SafetyRecord'), logger },
  };
  const main = new MainDialog(deps, { ...createChildDialogs(deps), greeting: flow(GREETING_DIALOG) });
  const bot = new IptBot({ conversationState, userState, dialog: main, clinic: config.clinic, logger });
  const adapter = new TestAdapter((context) => bot.run(context), { channelId: CHANNEL, locale: 'en-GB' });
  adapter.onTurnError = createOnTurnError(conversationState, logger);
  adapter.use(options.detector ? new SafetyGateMiddleware(logger, options.detector) : new SafetyGateMiddleware(logger));
  for (const middleware of options.after ?? []) adapter.use(middleware);
  return { adapter, storage, conversationState, userState };
}

// The turn helpers live in test/support/turns.ts; the safety tests reach them through here too.
export { say, textOf, eventsOf, cardActions, expectInOrder } from '../support/turns';
