import { randomBytes, randomUUID } from 'node:crypto';

/**
 * The local Direct Line's memory: conversations, their activity streams and the tokens that open
 * them. Every dimension is bounded (conversations, activities and bytes per conversation, bytes in
 * all, tokens per conversation) and idle conversations expire, so a long-running dev server cannot grow
 * without limit. No I/O and an injected clock, so the limits are tested without waiting.
 */

export interface StoreLimits {
  maxConversations: number;
  maxActivitiesPerConversation: number;
  maxBytesPerConversation: number;
  /** All conversations together; the least recently used give way first. */
  maxTotalBytes: number;
  idleTtlMs: number;
  tokenTtlMs: number;
  maxTokensPerConversation: number;
}

export const DEFAULT_STORE_LIMITS: StoreLimits = {
  maxConversations: 500,
  maxActivitiesPerConversation: 300,
  maxBytesPerConversation: 512 * 1024,
  // Serialised size; the objects in memory take about three times as much.
  maxTotalBytes: 32 * 1024 * 1024,
  idleTtlMs: 20 * 60_000,
  tokenTtlMs: 30 * 60_000,
  maxTokensPerConversation: 4,
};

export type ActivityRecord = Record<string, unknown> & { id: string };

interface Entry {
  seq: number;
  bytes: number;
  activity: ActivityRecord;
}

export interface Conversation {
  readonly id: string;
  readonly userId: string;
  locale?: string;
  /** True once the bot has been told the user joined (conversationUpdate sent). */
  started: boolean;
  lastSeen: number;
  nextSeq: number;
  bytes: number;
  entries: Entry[];
  tokens: string[];
}

export interface IssuedToken {
  token: string;
  expiresInSeconds: number;
}

export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();
  private readonly tokens = new Map<string, { conversationId: string; expiresAt: number }>();
  private bytes = 0;

  constructor(
    readonly limits: StoreLimits = DEFAULT_STORE_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.conversations.size;
  }

  /** Serialised bytes of every activity held, across conversations. */
  get totalBytes(): number {
    return this.bytes;
  }

  /** Opens a conversation, making room first: expired ones go, then the least recently used. */
  create(userId: string, locale?: string): Conversation {
    this.sweep();
    while (this.conversations.size >= this.limits.maxConversations) {
      const oldest = this.conversations.keys().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
    const conversation: Conversation = {
      id: randomUUID().replace(/-/g, ''),
      userId,
      locale,
      started: false,
      lastSeen: this.now(),
      nextSeq: 1,
      bytes: 0,
      entries: [],
      tokens: [],
    };
    this.conversations.set(conversation.id, conversation);
    return conversation;
  }

  /** The conversation if it exists and has not been idle too long; using it keeps it alive. */
  get(id: string): Conversation | undefined {
    const conversation = this.conversations.get(id);
    if (!conversation) return undefined;
    if (this.now() - conversation.lastSeen > this.limits.idleTtlMs) {
      this.remove(id);
      return undefined;
    }
    // Re-inserting keeps the map in least-recently-used order for eviction and sweeping.
    this.conversations.delete(id);
    conversation.lastSeen = this.now();
    this.conversations.set(id, conversation);
    return conversation;
  }

  issueToken(conversation: Conversation): IssuedToken {
    const token = randomBytes(32).toString('base64url');
    this.tokens.set(token, { conversationId: conversation.id, expiresAt: this.now() + this.limits.tokenTtlMs });
    conversation.tokens.push(token);
    while (conversation.tokens.length > this.limits.maxTokensPerConversation) {
      const dropped = conversation.tokens.shift();
      if (dropped) this.tokens.delete(dropped);
    }
    return { token, expiresInSeconds: Math.floor(this.limits.tokenTtlMs / 1000) };
  }

  /** Which conversation a token opens, or undefined when it is unknown or expired. */
  conversationIdForToken(token: string): string | undefined {
    const entry = this.tokens.get(token);
    if (!entry) return undefined;
    if (this.now() > entry.expiresAt) {
      this.tokens.delete(token);
      return undefined;
    }
    return entry.conversationId;
  }

  /**
   * Adds an activity to the stream with the next id. Old activities fall off the front when the
   * count or byte budget is exceeded; the watermark keeps counting regardless.
   */
  append(conversation: Conversation, activity: Record<string, unknown>): ActivityRecord {
    const seq = conversation.nextSeq++;
    const stored: ActivityRecord = {
      ...activity,
      id: `${conversation.id}|${String(seq).padStart(7, '0')}`,
      timestamp: new Date(this.now()).toISOString(),
    };
    const bytes = Buffer.byteLength(JSON.stringify(stored));
    conversation.entries.push({ seq, bytes, activity: stored });
    conversation.bytes += bytes;
    this.bytes += bytes;
    while (
      conversation.entries.length > 1 &&
      (conversation.entries.length > this.limits.maxActivitiesPerConversation ||
        conversation.bytes > this.limits.maxBytesPerConversation)
    ) {
      this.dropOldest(conversation);
    }
    // Over the total: other conversations go, least recently used first, then this one's oldest.
    for (const [id, other] of this.conversations) {
      if (this.bytes <= this.limits.maxTotalBytes) break;
      if (other !== conversation) this.remove(id);
    }
    while (this.bytes > this.limits.maxTotalBytes && conversation.entries.length > 1) this.dropOldest(conversation);
    return stored;
  }

  /** Activities after the watermark (all kept ones without one) and the new watermark. */
  activitiesAfter(conversation: Conversation, watermark?: number): { activities: ActivityRecord[]; watermark: string } {
    const after = watermark ?? 0;
    return {
      activities: conversation.entries.filter((entry) => entry.seq > after).map((entry) => entry.activity),
      watermark: String(conversation.nextSeq - 1),
    };
  }

  /** Drops idle conversations. The map is in use order, so it stops at the first live one. */
  sweep(): void {
    const cutoff = this.now() - this.limits.idleTtlMs;
    for (const [id, conversation] of this.conversations) {
      if (conversation.lastSeen >= cutoff) break;
      this.remove(id);
    }
  }

  private dropOldest(conversation: Conversation): void {
    const dropped = conversation.entries.shift();
    if (!dropped) return;
    conversation.bytes -= dropped.bytes;
    this.bytes -= dropped.bytes;
  }

  private remove(id: string): void {
    const conversation = this.conversations.get(id);
    if (!conversation) return;
    this.bytes -= conversation.bytes;
    for (const token of conversation.tokens) this.tokens.delete(token);
    this.conversations.delete(id);
  }
}
