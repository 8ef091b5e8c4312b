import { MemoryStorage, type Activity } from 'botbuilder';
import type { IntentName, RecognitionResult, Recognizer } from '../../src/language/recognizer';
import type { UserProfile } from '../../src/profile';
import type { Clock } from '../../src/clock';
import { createQuestionAnswerer, type QuestionAnswerer } from '../../src/language/questionAnswerer';
import { parseKnowledgeBase } from '../../src/content/knowledgeBase';

const NO_QUESTIONS = createQuestionAnswerer({ kb: parseKnowledgeBase([]) });
import { createBotHarness, type BotHarness } from '../support/botHarness';
import { exchange } from '../support/turns';

/**
 * Helpers for the conversation tests: the real bot (createBotHarness: real dialogs, middleware and
 * onTurnError on the TestAdapter) with a fixed recogniser that maps exact test phrases to intents,
 * so each test states which intent it means. Tests with the real local recogniser live in
 * realRecognizer.test.ts.
 */

// 'emulator', because adapters deliver trace activities (the intent trace) only to the Emulator channel.
export const CHANNEL = 'emulator';
export const USER = 'user1';
/** UserState's storage key: `{channel}/users/{user}/{namespace}`, and the namespace is empty. */
export const USER_STATE_KEY = `${CHANNEL}/users/${USER}/`;

/** Phrases used across the tests, one or more per intent. Anything else is None. */
export const PHRASES: Record<string, IntentName> = {
  'what is ipt': 'AboutIpt',
  'who does it help': 'WhoItHelps',
  'is it right for me': 'SuitabilityCheck',
  'what happens in sessions': 'WhatToExpect',
  'what are the focus areas': 'FocusAreas',
  'tell me about grief in ipt': 'FocusAreas',
  'tell me about role disputes': 'FocusAreas',
  'how do i get it on the nhs': 'AccessNhs',
  'how do i find a private therapist': 'AccessPrivate',
  'does it work': 'Evidence',
  'i need help right now': 'CrisisSupport',
  hello: 'Greeting',
  'what can you do': 'Help',
  stop: 'Cancel',
  'thanks bye': 'Goodbye',
  'can i talk to a person': 'HumanContact',
  // Answers that a naive recogniser might file under a topic: the check must still take them as answers.
  'my mum died last year': 'FocusAreas',
  'we keep arguing since the baby came': 'FocusAreas',
  'someone close to me died': 'FocusAreas',
  'a big change in my life': 'FocusAreas',
  england: 'AccessNhs',
  'i live in cardiff': 'AccessNhs',
};

/** The start of every "not understood" reply: each wording of the fallback (strings/answers.json). */
export const NOT_UNDERSTOOD = /I'm not sure I can answer that|That may be outside what I know|I might not be the right guide|I'm not sure I've got that right|I may have missed what you meant|Let me check I've understood/;

/** Clinic details as an operator would configure them. */
export const CLINIC_ENV = {
  CLINIC_NAME: 'Riverside Clinic',
  CLINIC_PHONE: '020 7946 0000',
  CLINIC_EMAIL: 'hello@riverside.example',
  CLINIC_URL: 'https://riverside.example',
  PRIVACY_URL: 'https://riverside.example/privacy',
};

export class PhraseRecognizer implements Recognizer {
  readonly calls: string[] = [];
  constructor(private readonly phrases: Record<string, IntentName> = PHRASES) {}

  async recognize(text: string): Promise<RecognitionResult> {
    this.calls.push(text);
    const intent = this.phrases[text.trim().toLowerCase()] ?? 'None';
    return { intent, score: intent === 'None' ? 0.2 : 0.95, alternatives: [], recognizer: 'local' };
  }
}

export interface Conversation {
  harness: BotHarness;
  storage: MemoryStorage;
  recognizer: Recognizer;
  /** Sends a message (or any activity) and returns the turn's replies, traces excluded. */
  say(activity: string | Partial<Activity>): Promise<Partial<Activity>[]>;
  /** The traces of the last turn. */
  lastTraces: Partial<Activity>[];
  /** This conversation's profile (nation and age group). */
  profile(): Promise<UserProfile | undefined>;
  /** The profile kept for the person between conversations, only when they asked. */
  keptProfile(): Promise<UserProfile | undefined>;
}

export async function conversation(
  options: { recognizer?: Recognizer; env?: Record<string, string>; locale?: string; profile?: UserProfile; answerer?: QuestionAnswerer; clock?: Clock } = {},
): Promise<Conversation> {
  const storage = new MemoryStorage();
  if (options.profile) await storage.write({ [USER_STATE_KEY]: { UserProfile: options.profile } });
  const recognizer = options.recognizer ?? new PhraseRecognizer();
  // With the phrase recogniser a test states the intent it means, so the knowledge base stays out of
  // the way (empty) unless the test brings one; the real recogniser gets the real knowledge base.
  const answerer = options.answerer ?? (options.recognizer ? undefined : NO_QUESTIONS);
  const harness = createBotHarness(options.env ?? {}, { storage, recognizer, ...(answerer ? { answerer } : {}), ...(options.clock ? { clock: options.clock } : {}) }, { channelId: CHANNEL, locale: options.locale ?? 'en-GB' });
  await harness.ready;
  harness.adapter.enableTrace = true;
  const convo: Conversation = {
    harness,
    storage,
    recognizer,
    lastTraces: [],
    async say(activity) {
      const replies = await exchange(harness.adapter, activity, { id: USER, name: 'User' });
      convo.lastTraces = replies.filter((reply) => reply.type === 'trace');
      return replies.filter((reply) => reply.type !== 'trace');
    },
    async profile() {
      const key = `${CHANNEL}/conversations/${harness.adapter.conversation.conversation.id}/`;
      const items = await storage.read([key]);
      const profile = (items[key] as { UserProfile?: UserProfile } | undefined)?.UserProfile;
      return profile && Object.keys(profile).length > 0 ? profile : undefined;
    },
    async keptProfile() {
      const items = await storage.read([USER_STATE_KEY]);
      return (items[USER_STATE_KEY] as { UserProfile?: UserProfile } | undefined)?.UserProfile;
    },
  };
  return convo;
}

// The turn helpers live in test/support/turns.ts; the conversation tests reach them through here too.
export { texts, textOf as allText, buttons, cards, cardText, openUrls } from '../support/turns';
