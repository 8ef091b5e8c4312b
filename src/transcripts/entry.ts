import type { Redactor } from './redact';

/**
 * What a transcript keeps of an activity: only what staff need to review a conversation, already
 * redacted. Pure: plain objects in, plain objects out, no botbuilder types. The stored shape is a
 * subset of a Bot Framework activity, so botbuilder's TranscriptStore interface can carry it.
 */

/** The fields of an incoming or outgoing activity this module reads. */
export interface ActivityLike {
  type?: string;
  id?: string;
  channelId?: string;
  locale?: string;
  text?: string;
  name?: string;
  label?: string;
  valueType?: string;
  value?: unknown;
  attachments?: Array<{ contentType?: string; content?: unknown; name?: string }>;
  suggestedActions?: { actions?: Array<{ type?: string; title?: string; value?: unknown }> };
  conversation?: { id?: string };
}

export type Role = 'user' | 'bot';

/** Risk as the safety gate assessed it: never the words. */
export interface RiskFact {
  category: string;
  severity: string;
  who?: string;
  when?: string;
  frame?: string;
  negated?: boolean;
  possible?: boolean;
}

/** What the bot knew about the turn, gathered after it ran. */
export interface TurnFacts {
  risk?: RiskFact;
  nation?: string;
  ageGroup?: string;
}

export interface StoredActivity {
  type: string;
  id: string;
  timestamp: string;
  channelId: string;
  conversation: { id: string };
  from: { id: Role; name: Role; role: Role };
  recipient: { id: Role; name: Role; role: Role };
  locale?: string;
  text?: string;
  value?: unknown;
  name?: string;
  label?: string;
  attachments?: Array<{ contentType: string; content: unknown }>;
  suggestedActions?: { actions: Array<{ type: string; title: string }>; to: string[] };
  /** This app's own facts about the person (coarse, from what they chose to tell the bot). */
  channelData?: { nation?: string; ageGroup?: string };
}

export const INTENT_TRACE_NAME = 'IntentRecognizer';
export const RISK_TRACE_NAME = 'RiskEvent';
/**
 * The trace the human-contact dialog sends when it stores a call-back request, so staff see it in
 * the queue. Only when to call and whether the person is under 18 are kept: never the number,
 * which lives in the call-back store alone.
 */
export const CALLBACK_TRACE_NAME = 'CallbackRequest';
/** The event the safety dialogs send for the host page's crisis banner (category and severity only). */
const KEPT_EVENTS = new Set(['emergencySupport']);
const MAX_TEXT = 4_000;

function party(role: Role): { id: Role; name: Role; role: Role } {
  return { id: role, name: role, role };
}

function base(activity: ActivityLike, role: Role, id: string, at: Date): StoredActivity {
  return {
    type: activity.type ?? 'message',
    id,
    timestamp: at.toISOString(),
    channelId: activity.channelId ?? 'unknown',
    conversation: { id: activity.conversation?.id ?? 'unknown' },
    from: party(role),
    recipient: party(role === 'user' ? 'bot' : 'user'),
    ...(activity.locale ? { locale: activity.locale } : {}),
  };
}

function intentOf(value: unknown): { intent: string; score: number } | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { intent, score } = value as { intent?: unknown; score?: unknown };
  return typeof intent === 'string' && typeof score === 'number' ? { intent, score: Math.round(score * 1000) / 1000 } : undefined;
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The words of an HTML fragment (Teams' copy of a message): tags dropped, entities decoded, so redaction sees "07700&nbsp;900123" as the number it is. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|\/li)\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
      if (code[0] === '#') {
        const point = code[1].toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        return Number.isFinite(point) && point > 0 && point <= 0x10ffff ? String.fromCodePoint(point).replace('\u00a0', ' ') : '';
      }
      return ENTITIES[code.toLowerCase()] ?? whole;
    })
    .trim();
}

function keptAttachments(activity: ActivityLike, redactor: Redactor): StoredActivity['attachments'] {
  const kept = (activity.attachments ?? [])
    .filter((attachment) => typeof attachment.contentType === 'string' && attachment.content !== undefined)
    .map((attachment) =>
      attachment.contentType === 'text/html' && typeof attachment.content === 'string'
        ? { contentType: 'text/plain', content: redactor.text(htmlToText(attachment.content)) }
        : { contentType: attachment.contentType as string, content: redactor.deep(attachment.content) },
    );
  return kept.length > 0 ? kept : undefined;
}

/**
 * The stored form of one activity, or undefined for what staff do not need: typing indicators,
 * membership updates (they carry people's names), error traces and raw recogniser payloads.
 */
export function minimiseActivity(activity: ActivityLike, role: Role, id: string, at: Date, redactor: Redactor): StoredActivity | undefined {
  const type = activity.type ?? 'message';
  if (type === 'message') {
    const stored = base(activity, role, id, at);
    if (typeof activity.text === 'string' && activity.text !== '') stored.text = redactor.text(activity.text).slice(0, MAX_TEXT);
    if (activity.value !== undefined && activity.value !== null) stored.value = redactor.deep(activity.value, { byKey: role === 'user' });
    const attachments = keptAttachments(activity, redactor);
    if (attachments) stored.attachments = attachments;
    const actions = activity.suggestedActions?.actions?.filter((action) => typeof action.title === 'string');
    if (actions && actions.length > 0) {
      stored.suggestedActions = { actions: actions.map((action) => ({ type: action.type ?? 'imBack', title: redactor.text(action.title as string) })), to: [] };
    }
    return stored;
  }
  if (type === 'invoke' && activity.name === 'adaptiveCard/action' && role === 'user') {
    return { ...base(activity, role, id, at), name: activity.name, value: redactor.deep(activity.value, { byKey: true }) };
  }
  if (type === 'event' && role === 'bot' && activity.name && KEPT_EVENTS.has(activity.name)) {
    const { category, severity } = (activity.value ?? {}) as { category?: unknown; severity?: unknown };
    return { ...base(activity, role, id, at), name: activity.name, value: { category, severity } };
  }
  if (type === 'trace' && activity.name === CALLBACK_TRACE_NAME) {
    const { when, under18 } = (activity.value ?? {}) as { when?: unknown; under18?: unknown };
    return { ...base(activity, role, id, at), name: CALLBACK_TRACE_NAME, value: { when: typeof when === 'string' ? when : 'any', under18: under18 === true } };
  }
  if (type === 'trace' && activity.name === INTENT_TRACE_NAME) {
    const intent = intentOf(activity.value);
    return intent ? { ...base(activity, role, id, at), name: INTENT_TRACE_NAME, label: 'Intent', value: intent } : undefined;
  }
  return undefined;
}

/** The risk event of a turn, as its own trace entry right after the person's message. */
export function riskEntry(risk: RiskFact, like: ActivityLike, id: string, at: Date): StoredActivity {
  const value: RiskFact = { category: risk.category, severity: risk.severity, who: risk.who ?? 'self', when: risk.when ?? 'current', frame: risk.frame ?? 'personal' };
  if (risk.negated) value.negated = true;
  if (risk.possible) value.possible = true;
  return { ...base({ ...like, type: 'trace' }, 'bot', id, at), name: RISK_TRACE_NAME, label: 'Risk', value };
}

/** Coarse facts the person chose to give (nation, age group) ride on their message entry. */
export function withProfile(entry: StoredActivity, facts: TurnFacts): StoredActivity {
  if (!facts.nation && !facts.ageGroup) return entry;
  return { ...entry, channelData: { ...(facts.nation ? { nation: facts.nation } : {}), ...(facts.ageGroup ? { ageGroup: facts.ageGroup } : {}) } };
}
