import type { Logger } from 'pino';
import type { StoredActivity } from './entry';

/** Where entries go: botbuilder's TranscriptLogger shape. */
export interface EntrySink {
  logActivity(activity: StoredActivity): Promise<void> | void;
}

export interface TranscriptWriterOptions {
  /** How long a turn waits for its entries to be written before carrying on (they stay queued). */
  timeoutMs: number;
  /** Entries held in memory while the store is down; past this the oldest are dropped and counted in the log. */
  maxPending?: number;
  /** First retry delay; doubles up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
}

export interface TranscriptWriterHealth {
  status: 'ok' | 'degraded';
  pending: number;
  dropped: number;
  lastFailureAt?: string;
}

const BATCH = 16;

/**
 * Writes a turn's entries in order, waiting at most `timeoutMs`. Anything not yet written stays in
 * a queue that is retried with backoff (an unref'd timer, so it never holds the process open) and
 * flushed on shutdown. Entry names are fixed by time and id, so a write retried after a timeout that
 * did land replaces the same entry. Failures are logged by kind and count, never with text.
 */
export class TranscriptWriter {
  private queue: StoredActivity[] = [];
  private draining?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private delay: number;
  private dropped = 0;
  private lastFailureAt?: Date;
  private failing = false;

  constructor(
    private readonly sink: EntrySink,
    private readonly logger: Logger,
    private readonly options: TranscriptWriterOptions,
  ) {
    this.delay = options.retryMs ?? 1_000;
  }

  /** Queues the entries and waits (bounded) for the queue to drain. Never throws. */
  async write(entries: StoredActivity[]): Promise<void> {
    if (entries.length === 0) return;
    this.enqueue(entries);
    await this.drainWithin(this.options.timeoutMs);
  }

  /** Waits (bounded) for everything queued; for shutdown and tests. Returns true when nothing is left. */
  async flush(timeoutMs = this.options.timeoutMs): Promise<boolean> {
    await this.drainWithin(timeoutMs);
    return this.queue.length === 0;
  }

  /** Forgets queued entries of one conversation (erasure must reach the retry queue too). */
  purge(channelId: string, conversationId: string): void {
    this.queue = this.queue.filter((entry) => entry.channelId !== channelId || entry.conversation.id !== conversationId);
  }

  health(): TranscriptWriterHealth {
    return {
      status: this.failing || this.queue.length > 0 ? 'degraded' : 'ok',
      pending: this.queue.length,
      dropped: this.dropped,
      ...(this.lastFailureAt ? { lastFailureAt: this.lastFailureAt.toISOString() } : {}),
    };
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private enqueue(entries: StoredActivity[]): void {
    this.queue.push(...entries);
    const max = this.options.maxPending ?? 10_000;
    if (this.queue.length > max) {
      const over = this.queue.length - max;
      this.queue.splice(0, over);
      this.dropped += over;
      this.logger.error({ event: 'transcript_entries_dropped', count: over, totalDropped: this.dropped }, 'transcript queue full: oldest entries dropped');
    }
  }

  private async drainWithin(timeoutMs: number): Promise<void> {
    const drained = this.drain();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
      timer.unref();
    });
    await Promise.race([drained, timedOut]);
    clearTimeout(timer);
  }

  private drain(): Promise<void> {
    this.draining ??= this.drainQueue().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  private async drainQueue(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.slice(0, BATCH);
      const results = await Promise.allSettled(batch.map(async (entry) => this.sink.logActivity(entry)));
      const failed = results.filter((result) => result.status === 'rejected') as PromiseRejectedResult[];
      // Written entries leave the queue (unless erasure already took them); failed ones stay for the retry.
      const written = new Set(batch.filter((_entry, index) => results[index].status === 'fulfilled'));
      this.queue = this.queue.filter((entry) => !written.has(entry));
      if (failed.length > 0) {
        this.onFailure(failed.length, failed[0].reason);
        return;
      }
    }
    if (this.failing) {
      this.logger.info({ event: 'transcript_store_recovered' }, 'transcript store is writable again; queue drained');
      this.failing = false;
      this.delay = this.options.retryMs ?? 1_000;
    }
  }

  private onFailure(count: number, reason: unknown): void {
    this.failing = true;
    this.lastFailureAt = new Date();
    const error = reason as { name?: string; code?: string; statusCode?: number } | undefined;
    this.logger.error(
      { event: 'transcript_write_failed', count, pending: this.queue.length, error: error?.name, code: error?.code ?? error?.statusCode },
      'transcript entries not written yet: queued for retry',
    );
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.drain();
    }, this.delay);
    this.timer.unref();
    this.delay = Math.min(this.delay * 2, this.options.maxRetryMs ?? 30_000);
  }
}
