import { createHash } from 'node:crypto';
import type { Activity, PagedResult, TranscriptInfo, TranscriptStore } from 'botbuilder';
import type { StoredActivity } from './entry';

/**
 * botbuilder's TranscriptStore over any place that can keep named files in folders (a local
 * folder, Azure Blob Storage, memory). One folder per conversation, named by an injective encoding
 * of the channel and conversation ids, so "19:abc" and "19:abc;messageid=1" (a Teams channel thread)
 * are different folders and neither read nor delete can reach the other. One file per entry, named
 * by time, so a retried write of the same entry replaces it rather than adding a copy.
 */
export interface TranscriptBackend {
  readonly kind: 'file' | 'blob' | 'memory';
  put(folder: string, name: string, body: string): Promise<void>;
  /** Entry names in one folder (any order). */
  names(folder: string): Promise<string[]>;
  get(folder: string, name: string): Promise<string | undefined>;
  removeFolder(folder: string): Promise<void>;
  /** Every conversation folder ("channel/conversation"). */
  folders(): Promise<string[]>;
}

export interface ConversationSummary {
  channelId: string;
  conversationId: string;
  first: Date;
  last: Date;
  entries: number;
}

const PAGE_SIZE = 100;
const MAX_SEGMENT = 180;

/** base64url: file- and blob-name safe, no '/' and no '.', and two ids never share an encoding. */
export function segment(id: string): string {
  const encoded = Buffer.from(id, 'utf8').toString('base64url');
  return encoded.length <= MAX_SEGMENT ? encoded : `~${createHash('sha256').update(id).digest('base64url')}`;
}

function decodeSegment(value: string): string | undefined {
  return value.startsWith('~') ? undefined : Buffer.from(value, 'base64url').toString('utf8');
}

export function conversationFolder(channelId: string, conversationId: string): string {
  return `${segment(channelId)}/${segment(conversationId)}`;
}

/**
 * "<ms since epoch, 15 digits>-<entry id>.json": names sort by time, then by id (the logger's ids
 * are "<turn>-<index>", already name-safe, so they keep their order), and one entry always has one name.
 */
export function entryName(entry: { timestamp?: string | Date; id?: string }): string {
  const ms = new Date(entry.timestamp ?? 0).getTime();
  const id = entry.id ?? '';
  return `${String(Number.isFinite(ms) ? ms : 0).padStart(15, '0')}-${/^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : segment(id)}.json`;
}

function timeOf(name: string): number {
  return Number(name.slice(0, 15));
}

export class KeyedTranscriptStore implements TranscriptStore {
  constructor(readonly backend: TranscriptBackend) {}

  async logActivity(activity: Activity | StoredActivity): Promise<void> {
    const channelId = activity.channelId ?? 'unknown';
    const conversationId = activity.conversation?.id ?? 'unknown';
    await this.backend.put(conversationFolder(channelId, conversationId), entryName(activity), JSON.stringify(activity));
  }

  async getTranscriptActivities(channelId: string, conversationId: string, continuationToken?: string, startDate?: Date): Promise<PagedResult<Activity>> {
    const folder = conversationFolder(channelId, conversationId);
    const since = startDate?.getTime() ?? 0;
    const names = (await this.backend.names(folder))
      .filter((name) => timeOf(name) >= since && (!continuationToken || name > continuationToken))
      .sort();
    const page = names.slice(0, PAGE_SIZE);
    const items: Activity[] = [];
    for (const name of page) {
      const body = await this.backend.get(folder, name);
      if (body !== undefined) items.push(JSON.parse(body) as Activity);
    }
    return { items, continuationToken: names.length > PAGE_SIZE ? page[page.length - 1] : '' };
  }

  async listTranscripts(channelId: string, continuationToken?: string): Promise<PagedResult<TranscriptInfo>> {
    const all = (await this.conversations()).filter((summary) => summary.channelId === channelId);
    all.sort((a, b) => a.first.getTime() - b.first.getTime() || a.conversationId.localeCompare(b.conversationId));
    const start = continuationToken ? Number(continuationToken) : 0;
    const page = all.slice(start, start + PAGE_SIZE);
    return {
      items: page.map((summary) => ({ channelId: summary.channelId, id: summary.conversationId, created: summary.first })),
      continuationToken: start + PAGE_SIZE < all.length ? String(start + PAGE_SIZE) : '',
    };
  }

  async deleteTranscript(channelId: string, conversationId: string): Promise<void> {
    await this.backend.removeFolder(conversationFolder(channelId, conversationId));
  }

  /** Every stored conversation with its first and last entry times (retention and staff review use this). */
  async conversations(): Promise<ConversationSummary[]> {
    const out: ConversationSummary[] = [];
    for (const folder of await this.backend.folders()) {
      const names = (await this.backend.names(folder)).sort();
      if (names.length === 0) continue;
      const [channelSegment, conversationSegment] = folder.split('/');
      let channelId = decodeSegment(channelSegment);
      let conversationId = decodeSegment(conversationSegment);
      if (channelId === undefined || conversationId === undefined) {
        // A hashed (very long) id: the entries say what it was.
        const first = JSON.parse((await this.backend.get(folder, names[0])) ?? '{}') as Partial<StoredActivity>;
        channelId ??= first.channelId ?? 'unknown';
        conversationId ??= first.conversation?.id ?? 'unknown';
      }
      out.push({ channelId, conversationId, first: new Date(timeOf(names[0])), last: new Date(timeOf(names[names.length - 1])), entries: names.length });
    }
    return out;
  }
}
