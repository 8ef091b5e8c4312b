import { randomBytes } from 'node:crypto';
import type { StoredActivity } from '../transcripts/entry';
import { reviewFolder, type Persistence } from '../transcripts';
import {
  orderQueue,
  routesGiven,
  summarise,
  weeklySummary,
  type ConversationCard,
  type QueueFilter,
  type ReviewRecord,
  type WeeklySummary,
} from './review';

export type AuditAction = 'sign_in' | 'sign_in_failed' | 'list' | 'view' | 'export' | 'mark_reviewed' | 'callback_done' | 'erase' | 'summary' | 'audit';

/** One line of the audit log: who did what to which conversation, and when. Never message text. */
export interface AuditEntry {
  at: string;
  who: string;
  action: AuditAction;
  channelId?: string;
  conversationId?: string;
}

export interface ConversationView {
  card: ConversationCard;
  entries: StoredActivity[];
  routes: Array<{ title: string; url: string }>;
}

const REVIEW_FILE = 'review.json';
const MAX_NOTE = 2_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The staff side of the product over the transcripts and staff records. Every method that reads
 * or changes a conversation writes an audit entry first (who, what, which conversation, when), so
 * nothing a member of staff does goes unrecorded. The audit log is append-only (one new file per
 * entry, never rewritten or deleted by the service) and lives beside the transcripts, outside
 * retention, so it outlasts them.
 */
export class StaffService {
  constructor(
    private readonly persistence: Pick<Persistence, 'transcripts' | 'staffRecords' | 'eraseConversation'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async audit(who: string, action: AuditAction, conversation?: { channelId: string; conversationId: string }): Promise<void> {
    const at = this.now();
    const entry: AuditEntry = { at: at.toISOString(), who, action, ...(conversation ?? {}) };
    const name = `${String(at.getTime()).padStart(15, '0')}-${randomBytes(4).toString('hex')}.json`;
    await this.persistence.staffRecords.put(`audit/${at.toISOString().slice(0, 10)}`, name, JSON.stringify(entry));
  }

  /** The audit log of the last `days` days, newest first. */
  async auditLog(who: string, days = 30): Promise<AuditEntry[]> {
    await this.audit(who, 'audit');
    const out: AuditEntry[] = [];
    const today = this.now().getTime();
    for (let day = 0; day < days; day += 1) {
      const folder = `audit/${new Date(today - day * DAY_MS).toISOString().slice(0, 10)}`;
      const names = (await this.persistence.staffRecords.names(folder)).sort().reverse();
      for (const name of names) {
        const body = await this.persistence.staffRecords.get(folder, name);
        if (body) out.push(JSON.parse(body) as AuditEntry);
      }
    }
    return out;
  }

  async queue(who: string, filter: QueueFilter = {}): Promise<ConversationCard[]> {
    await this.audit(who, 'list');
    const cards: ConversationCard[] = [];
    for (const summary of await this.persistence.transcripts.conversations()) {
      cards.push(summarise(summary.channelId, summary.conversationId, await this.entries(summary.channelId, summary.conversationId), await this.review(summary.channelId, summary.conversationId)));
    }
    return orderQueue(cards, filter);
  }

  async conversation(who: string, channelId: string, conversationId: string): Promise<ConversationView | undefined> {
    await this.audit(who, 'view', { channelId, conversationId });
    return this.view(channelId, conversationId);
  }

  async exportConversation(who: string, channelId: string, conversationId: string): Promise<ConversationView | undefined> {
    await this.audit(who, 'export', { channelId, conversationId });
    return this.view(channelId, conversationId);
  }

  async markReviewed(who: string, channelId: string, conversationId: string, note: string): Promise<ReviewRecord | undefined> {
    await this.audit(who, 'mark_reviewed', { channelId, conversationId });
    if (!(await this.exists(channelId, conversationId))) return undefined;
    return this.updateReview(channelId, conversationId, { reviewed: { at: this.now().toISOString(), by: who, note: note.slice(0, MAX_NOTE) } });
  }

  async markCallbackDone(who: string, channelId: string, conversationId: string): Promise<ReviewRecord | undefined> {
    await this.audit(who, 'callback_done', { channelId, conversationId });
    if (!(await this.exists(channelId, conversationId))) return undefined;
    return this.updateReview(channelId, conversationId, { callbackDone: { at: this.now().toISOString(), by: who } });
  }

  async erase(who: string, channelId: string, conversationId: string): Promise<void> {
    await this.audit(who, 'erase', { channelId, conversationId });
    await this.persistence.eraseConversation(channelId, conversationId);
  }

  async summary(who: string, days = 7): Promise<WeeklySummary> {
    await this.audit(who, 'summary');
    const to = this.now();
    const since = to.getTime() - days * DAY_MS;
    const conversations: StoredActivity[][] = [];
    for (const summary of await this.persistence.transcripts.conversations()) {
      if (summary.last.getTime() < since) continue;
      conversations.push(await this.entries(summary.channelId, summary.conversationId));
    }
    return weeklySummary(conversations, to, days);
  }

  private async view(channelId: string, conversationId: string): Promise<ConversationView | undefined> {
    const entries = await this.entries(channelId, conversationId);
    if (entries.length === 0) return undefined;
    return { card: summarise(channelId, conversationId, entries, await this.review(channelId, conversationId)), entries, routes: routesGiven(entries) };
  }

  private async exists(channelId: string, conversationId: string): Promise<boolean> {
    return (await this.persistence.transcripts.getTranscriptActivities(channelId, conversationId)).items.length > 0;
  }

  private async entries(channelId: string, conversationId: string): Promise<StoredActivity[]> {
    const out: StoredActivity[] = [];
    let token: string | undefined;
    do {
      const page = await this.persistence.transcripts.getTranscriptActivities(channelId, conversationId, token);
      out.push(...(page.items as unknown as StoredActivity[]));
      token = page.continuationToken || undefined;
    } while (token);
    return out;
  }

  private async review(channelId: string, conversationId: string): Promise<ReviewRecord> {
    const body = await this.persistence.staffRecords.get(reviewFolder(channelId, conversationId), REVIEW_FILE);
    return body ? (JSON.parse(body) as ReviewRecord) : {};
  }

  private async updateReview(channelId: string, conversationId: string, change: ReviewRecord): Promise<ReviewRecord> {
    const record = { ...(await this.review(channelId, conversationId)), ...change };
    await this.persistence.staffRecords.put(reviewFolder(channelId, conversationId), REVIEW_FILE, JSON.stringify(record));
    return record;
  }
}
