import { CALLBACK_TRACE_NAME, type StoredActivity } from '../transcripts/entry';

/**
 * What staff see of conversations, worked out from transcript entries (already redacted) and the
 * staff's own records. Pure: plain data in, plain data out.
 */

export interface RiskMark {
  category: string;
  severity: string;
  who: string;
  when: string;
  at: string;
}

/** What staff recorded about a conversation. */
export interface ReviewRecord {
  reviewed?: { at: string; by: string; note: string };
  callbackDone?: { at: string; by: string };
}

export interface ConversationCard {
  /** URL-safe handle for one conversation: base64url of [channelId, conversationId]. */
  key: string;
  channelId: string;
  conversationId: string;
  first: string;
  last: string;
  messages: number;
  /** The newest risk event, and how many there were. */
  risk?: RiskMark;
  riskEvents: number;
  callback?: { at: string; done: boolean };
  review: ReviewRecord;
}

export interface QueueFilter {
  from?: Date;
  to?: Date;
  channel?: string;
  flag?: 'risk' | 'callback' | 'none';
  reviewed?: boolean;
}

/**
 * The bot records a call-back request in the transcript as an event or trace named this (the
 * contract for the dialog that takes the request); its value may say when to call, never a number.
 */
export const CALLBACK_REQUEST = CALLBACK_TRACE_NAME;

export function conversationKey(channelId: string, conversationId: string): string {
  return Buffer.from(JSON.stringify([channelId, conversationId]), 'utf8').toString('base64url');
}

export function parseConversationKey(key: string): { channelId: string; conversationId: string } | undefined {
  try {
    const value = JSON.parse(Buffer.from(key, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { channelId: value[0], conversationId: value[1] };
    }
  } catch {
    // not a key
  }
  return undefined;
}

function riskOf(entry: StoredActivity): RiskMark | undefined {
  if (entry.name !== 'RiskEvent') return undefined;
  const value = (entry.value ?? {}) as Record<string, unknown>;
  return {
    category: String(value.category ?? 'unknown'),
    severity: String(value.severity ?? 'unknown'),
    who: String(value.who ?? 'self'),
    when: String(value.when ?? 'current'),
    at: entry.timestamp,
  };
}

export function summarise(channelId: string, conversationId: string, entries: readonly StoredActivity[], review: ReviewRecord): ConversationCard {
  const risks = entries.map(riskOf).filter((risk): risk is RiskMark => risk !== undefined);
  const callbackEntry = entries.filter((entry) => entry.name === CALLBACK_REQUEST).pop();
  return {
    key: conversationKey(channelId, conversationId),
    channelId,
    conversationId,
    first: entries[0]?.timestamp ?? '',
    last: entries[entries.length - 1]?.timestamp ?? '',
    messages: entries.filter((entry) => entry.type === 'message').length,
    ...(risks.length > 0 ? { risk: risks[risks.length - 1] } : {}),
    riskEvents: risks.length,
    ...(callbackEntry ? { callback: { at: callbackEntry.timestamp, done: review.callbackDone !== undefined } } : {}),
    review,
  };
}

/** Reviewed conversations leave the top: the flag has been dealt with. */
function rank(card: ConversationCard): number {
  if (card.risk && !card.review.reviewed) return 0;
  if (card.callback && !card.callback.done) return 1;
  return 2;
}

function newest(card: ConversationCard): string {
  return card.risk?.at ?? card.callback?.at ?? card.last;
}

/** Unreviewed risk first (newest risk first), then open call-back requests, then the rest, newest first. */
export function orderQueue(cards: readonly ConversationCard[], filter: QueueFilter = {}): ConversationCard[] {
  return cards
    .filter((card) => {
      const last = new Date(card.last).getTime();
      if (filter.from && last < filter.from.getTime()) return false;
      if (filter.to && new Date(card.first).getTime() > filter.to.getTime()) return false;
      if (filter.channel && card.channelId !== filter.channel) return false;
      if (filter.flag === 'risk' && !card.risk) return false;
      if (filter.flag === 'callback' && !card.callback) return false;
      if (filter.flag === 'none' && (card.risk || card.callback)) return false;
      if (filter.reviewed !== undefined && (card.review.reviewed !== undefined) !== filter.reviewed) return false;
      return true;
    })
    .sort((a, b) => rank(a) - rank(b) || newest(b).localeCompare(newest(a)));
}

/** The crisis routes and links the guide gave in a conversation (from its cards), once each. */
export function routesGiven(entries: readonly StoredActivity[]): Array<{ title: string; url: string }> {
  const seen = new Map<string, string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record.type === 'Action.OpenUrl' && typeof record.url === 'string' && /^(tel|sms|mailto):/.test(record.url)) {
        seen.set(record.url, typeof record.title === 'string' ? record.title : record.url);
      }
      Object.values(record).forEach(visit);
    }
  };
  for (const entry of entries) if (entry.from.role === 'bot') visit(entry.attachments);
  return [...seen].map(([url, title]) => ({ title, url }));
}

export interface WeeklySummary {
  from: string;
  to: string;
  conversations: number;
  riskEventsByCategory: Record<string, number>;
  /** Questions that ended in a fallback: what the knowledge base should learn next. */
  topFallbacks: Array<{ text: string; count: number }>;
}

/** One week's figures over the conversations active in it. */
export function weeklySummary(conversations: ReadonlyArray<readonly StoredActivity[]>, to: Date, days = 7): WeeklySummary {
  const from = new Date(to.getTime() - days * 24 * 60 * 60 * 1000);
  const inWeek = (entry: StoredActivity) => {
    const at = new Date(entry.timestamp).getTime();
    return at >= from.getTime() && at <= to.getTime();
  };
  const riskEventsByCategory: Record<string, number> = {};
  const fallbacks = new Map<string, number>();
  let active = 0;
  for (const entries of conversations) {
    const week = entries.filter(inWeek);
    if (week.length === 0) continue;
    active += 1;
    let lastUserText: string | undefined;
    for (const entry of week) {
      if (entry.type === 'message' && entry.from.role === 'user') lastUserText = entry.text;
      const risk = riskOf(entry);
      if (risk) riskEventsByCategory[risk.category] = (riskEventsByCategory[risk.category] ?? 0) + 1;
      const intent = entry.name === 'IntentRecognizer' ? (entry.value as { intent?: string } | undefined)?.intent : undefined;
      if (intent === 'None' && lastUserText) {
        const text = lastUserText.trim().toLowerCase().replace(/\s+/g, ' ').slice(0, 200);
        fallbacks.set(text, (fallbacks.get(text) ?? 0) + 1);
      }
    }
  }
  const topFallbacks = [...fallbacks]
    .map(([text, count]) => ({ text, count }))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
    .slice(0, 20);
  return { from: from.toISOString(), to: to.toISOString(), conversations: active, riskEventsByCategory, topFallbacks };
}
