import type { Activity, Middleware, TestAdapter } from 'botbuilder';
import { crisisRouteTable } from '../../src/safety/crisisRoutes';
import { routeLine } from '../../src/safety/crisisRoutesText';
import type { RiskAssessment } from '../../src/safety/types';
import { MESSAGE_LANGUAGE_KEY, RISK_ASSESSMENT_KEY } from '../../dialogs/turnState';
import type { UserProfile } from '../../src/profile';
import { buttons, cardActions, eventsOf, say, texts } from '../support/turns';
import { realBot } from './safetyDialogHarness';

/** Helpers for the crisis-dialog tests, beside safetyDialogHarness.ts. */

/**
 * After the real gate: gives chosen messages a hand-made assessment (who, when, frame), as the
 * detector will, so each kind of reply is tested on what it is given. Other messages keep the real
 * detector's verdict.
 */
export function scriptedRisk(script: Record<string, Partial<RiskAssessment>>): Middleware {
  return {
    onTurn: async (context, next) => {
      const scripted = script[context.activity.text ?? ''];
      if (scripted) {
        context.turnState.set(RISK_ASSESSMENT_KEY, { category: 'suicide', severity: 'immediate', matched: ['test.scripted'], negated: false, ...scripted });
      }
      await next();
    },
  };
}

/** After the real gate: marks chosen messages as another language, as the gate does when it identifies one. */
export function languageOf(script: Record<string, string>): Middleware {
  return {
    onTurn: async (context, next) => {
      const language = script[context.activity.text ?? ''];
      if (language) context.turnState.set(MESSAGE_LANGUAGE_KEY, language);
      await next();
    },
  };
}

export const WEBCHAT = { channelId: 'webchat', locale: 'en-GB' };
export const ADULT_ENGLAND: UserProfile = { nation: 'england', ageGroup: '35_plus' };
/** The dialog asking its question again, in any of its wordings. */
export const ASKS_AGAIN = /safe right now\?/;

/** The real bot on Web Chat, with chosen first messages given a hand-made assessment. */
export async function crisisBot(script: Record<string, Partial<RiskAssessment>> = {}, profile: UserProfile = ADULT_ENGLAND): Promise<TestAdapter> {
  const harness = await realBot(profile, WEBCHAT);
  harness.adapter.use(scriptedRisk(script));
  return harness.adapter;
}

/** The real bot right after the person's own crisis reply (one emergency event sent). */
export async function afterOwnCrisis(profile: UserProfile = ADULT_ENGLAND): Promise<TestAdapter> {
  const adapter = await crisisBot({}, profile);
  expect(eventsOf(await say(adapter, 'i really want to end my life'))).toHaveLength(1);
  return adapter;
}

/** Names the crisis tests use for the shared turn helpers (test/support/turns.ts). */
export { texts as messages, buttons as suggested };

/** The safety gate's notice in the person's own language (its locale is not English). */
export function isForeignNotice(reply: Partial<Activity>): boolean {
  return reply.type === 'message' && typeof reply.locale === 'string' && !reply.locale.toLowerCase().startsWith('en');
}

/**
 * Every way a turn repeats a route: a route's line printed twice, 999 in more than one message, or
 * the same button twice. Empty when the turn gives each route at most once in text and once as a
 * button.
 */
export function repeatedRoutes(replies: Partial<Activity>[]): string[] {
  // The gate's notice to a message in another language gives the urgent numbers in that language;
  // the English reply after it is for the same person, so it is not counted as a repeat.
  const lines = texts(replies.filter((reply) => !isForeignNotice(reply)));
  const all = lines.join('\n');
  const problems: string[] = [];
  for (const route of crisisRouteTable('en-GB').routes.values()) {
    const line = routeLine('en-GB', route);
    const count = all.split(line).length - 1;
    if (count > 1) problems.push(`${route.id} listed ${count} times`);
  }
  const with999 = lines.filter((text) => /(^|\D)999(\D|$)/.test(text)).length;
  if (with999 > 1) problems.push(`999 in ${with999} messages`);
  const urls = cardActions(replies).map((action) => action.url);
  for (const url of new Set(urls)) {
    const count = urls.filter((u) => u === url).length;
    if (count > 1) problems.push(`${url} button ${count} times`);
  }
  return problems;
}

/** Sends a message and returns the replies, checking the turn never repeats a route. */
export async function sayOnce(adapter: TestAdapter, text: string | Partial<Activity>) {
  const replies = await say(adapter, text);
  const repeated = repeatedRoutes(replies);
  if (repeated.length > 0) throw new Error(`a route repeated after ${JSON.stringify(text)}: ${repeated.join('; ')}`);
  return replies;
}

export const wordCount = (text: string) => text.split(/\s+/).filter((word) => /[a-z]/i.test(word)).length;
