import type { Logger } from 'pino';
import type { ConversationSummary, KeyedTranscriptStore } from './transcriptStore';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Conversations whose last entry is older than the retention period. Pure. Whole conversations go, never parts of one. */
export function expiredConversations(conversations: readonly ConversationSummary[], retentionDays: number, now: Date): ConversationSummary[] {
  const cutoff = now.getTime() - retentionDays * DAY_MS;
  return conversations.filter((conversation) => conversation.last.getTime() < cutoff);
}

export interface RetentionDeps {
  store: KeyedTranscriptStore;
  retentionDays: number;
  logger: Logger;
  now?: () => Date;
  /** Also removes the conversation's other traces (its saved state, the write queue). */
  erase: (channelId: string, conversationId: string) => Promise<void>;
}

/** Deletes every expired conversation; returns how many. Failures are logged by kind and left for the next run. */
export async function applyRetention(deps: RetentionDeps): Promise<number> {
  const expired = expiredConversations(await deps.store.conversations(), deps.retentionDays, (deps.now ?? (() => new Date()))());
  let deleted = 0;
  for (const conversation of expired) {
    try {
      await deps.erase(conversation.channelId, conversation.conversationId);
      deleted += 1;
    } catch (error) {
      deps.logger.error({ event: 'retention_delete_failed', error: error instanceof Error ? error.name : typeof error }, 'could not delete an expired transcript');
    }
  }
  deps.logger.info({ event: 'retention_run', deleted, retentionDays: deps.retentionDays }, 'transcript retention applied');
  return deleted;
}

/** Runs retention soon after start-up and then every `intervalMs` (default 6 h), on timers that never hold the process open. */
export function scheduleRetention(deps: RetentionDeps, intervalMs = 6 * 60 * 60 * 1000, firstRunMs = 60_000): { stop(): void } {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    applyRetention(deps)
      .catch((error: unknown) => deps.logger.error({ event: 'retention_failed', error: error instanceof Error ? error.name : typeof error }, 'retention run failed'))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(run, firstRunMs);
  first.unref();
  const every = setInterval(run, intervalMs);
  every.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
