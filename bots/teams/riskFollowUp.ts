import { createHash } from 'node:crypto';

/**
 * Who in a Teams shared space (a group chat or channel) had a risk reply, so that their next few
 * messages to the bot keep 999 in view instead of the general introduction ("sorry everyone, ignore
 * that", "idk"): in a shared space no question is asked in front of colleagues, so nothing else
 * tells the bot the risk is over. Kept in conversation state as a one-way hash of the person's id,
 * with the number of replies left and when it lapses: never their words.
 */
export interface SharedRiskFollowUp {
  people: Record<string, { left: number; until: number }>;
}

/** Replies that keep 999 in view after a risk reply, unless the person says they are safe first. */
export const FOLLOW_UP_REPLIES = 3;
/** After this long a message is answered as usual again. */
export const FOLLOW_UP_MS = 12 * 60 * 60 * 1000;

export function personKey(id: string): string {
  return createHash('sha256').update(`ipt-guide shared risk:${id}`).digest('hex').slice(0, 32);
}

/** The state after a risk reply to this person (and with lapsed entries dropped). */
export function noteSharedRisk(state: SharedRiskFollowUp, key: string, now: number): SharedRiskFollowUp {
  return { people: { ...live(state, now), [key]: { left: FOLLOW_UP_REPLIES, until: now + FOLLOW_UP_MS } } };
}

/**
 * Whether this person's message gets a follow-up (its number, from 0, so no two in a row read the
 * same), and the state after it: one reply used, or cleared when they said they are safe (that reply
 * is the last).
 */
export function takeFollowUp(state: SharedRiskFollowUp, key: string, now: number, saidSafe: boolean): { followUp?: number; state: SharedRiskFollowUp } {
  const people = live(state, now);
  const entry = people[key];
  if (!entry) return { state: { people } };
  const rest = { ...people };
  delete rest[key];
  const left = entry.left - 1;
  return { followUp: FOLLOW_UP_REPLIES - entry.left, state: { people: saidSafe || left <= 0 ? rest : { ...rest, [key]: { ...entry, left } } } };
}

function live(state: SharedRiskFollowUp, now: number): SharedRiskFollowUp['people'] {
  return Object.fromEntries(Object.entries(state.people ?? {}).filter(([, entry]) => entry.until > now && entry.left > 0));
}
