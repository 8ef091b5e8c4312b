import {
  MemoryStorage,
  TestAdapter,
  ConversationState,
  UserState,
  type Activity,
  type Attachment,
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

/** Sends one activity and returns every reply of that turn except traces. */
export async function say(adapter: TestAdapter, activity: string | Partial<Activity>): Promise<Partial<Activity>[]> {
  adapter.activeQueue.splice(0);
  await adapter.receiveActivity(activity);
  return adapter.activeQueue.splice(0).filter((reply) => reply.type !== 'trace');
}

/** All message text of a turn, in order, including the numbered choice lists prompts append. */
export function textOf(replies: Partial<Activity>[]): string {
  return replies
    .filter((reply) => reply.type === 'message')
    .map((reply) => reply.text ?? '')
    .join('\n');
}

export function eventsOf(replies: Partial<Activity>[]): Partial<Activity>[] {
  return replies.filter((reply) => reply.type === 'event');
}

interface CardAction {
  type: string;
  title: string;
  url: string;
}

/** The Action.OpenUrl buttons of every Adaptive Card in the turn, in order. */
export function cardActions(replies: Partial<Activity>[]): CardAction[] {
  const actions: CardAction[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.OpenUrl') actions.push(record as unknown as CardAction);
      Object.values(record).forEach(visit);
    }
  };
  for (const reply of replies) {
    for (const attachment of (reply.attachments ?? []) as Attachment[]) {
      if (attachment.contentType === 'application/vnd.microsoft.card.adaptive') visit(attachment.content);
    }
  }
  return actions;
}

/** Asserts each needle appears in `text`, in this order. */
export function expectInOrder(text: string, needles: string[]): void {
  let last = -1;
  for (const needle of needles) {
    const at = text.indexOf(needle, last + 1);
    if (at < 0) throw new Error(`expected "${needle}" after position ${last} in:\n${text}`);
    last = at;
  }
}
