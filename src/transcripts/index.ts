import { join } from 'node:path';
import type { Storage } from 'botbuilder';
import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import { blobContainer } from './azureBlob';
import { BlobBackend, FileBackend, MemoryBackend } from './backends';
import { KeyedTranscriptStore, conversationFolder, type TranscriptBackend } from './transcriptStore';
import { TranscriptWriter } from './transcriptWriter';
import { BlobEtagStore, MemoryEtagStore, OptimisticStorage, type EtagStore } from './optimisticStorage';
import { StorageHealth } from './storageHealth';
import { applyRetention, scheduleRetention } from './retention';

/**
 * Transcripts and state storage, put together from configuration: the stores, the bounded writer,
 * erasure, the retention schedule and their health. The composition root wires the middleware.
 */
export interface Persistence {
  /** Conversation and user state, with real optimistic concurrency. */
  storage: Storage;
  stateHealth: StorageHealth;
  transcripts: KeyedTranscriptStore;
  writer: TranscriptWriter;
  /** Staff's own records (reviews, the audit log), beside the transcripts; retention never touches them. */
  staffRecords: TranscriptBackend;
  /** Creates folders and containers; the bot works before it settles (writes queue meanwhile). */
  ready: Promise<void>;
  /** Removes one conversation everywhere it is kept: its transcript, queued entries and saved state. */
  eraseConversation(channelId: string, conversationId: string): Promise<void>;
  /** Runs retention now (staff tools and tests); it also runs on a schedule. */
  applyRetention(): Promise<number>;
  health(): { state: ReturnType<StorageHealth['report']>; transcripts: ReturnType<TranscriptWriter['health']> };
  /** Flushes queued transcript entries (bounded) and stops timers. */
  close(): Promise<void>;
}

/** Where staff's review of a conversation is kept in `staffRecords` (erased with the conversation). */
export function reviewFolder(channelId: string, conversationId: string): string {
  return `reviews/${conversationFolder(channelId, conversationId)}`;
}

/** botbuilder's ConversationState key for a conversation (default namespace, hence the trailing '/'). */
export function conversationStateKey(channelId: string, conversationId: string): string {
  return `${channelId}/conversations/${conversationId}/`;
}

export interface PersistenceOptions {
  /** Run retention on its schedule (off in tests). */
  schedule?: boolean;
  /** How long the state store is left alone after a failure (default 5 s). */
  pauseAfterFailureMs?: number;
}

export function createPersistence(config: AppConfig, logger: Logger, options: PersistenceOptions = {}): Persistence {
  const inits: Array<Promise<void>> = [];

  let etagStore: EtagStore;
  if (config.storage === 'blob' && config.blob) {
    const blobStore = new BlobEtagStore(blobContainer(config.blob.connectionString, config.blob.stateContainer, config.storageTimeoutMs));
    inits.push(blobStore.init());
    etagStore = blobStore;
  } else {
    etagStore = new MemoryEtagStore();
  }
  const stateHealth = new StorageHealth(options.pauseAfterFailureMs);
  const storage = new OptimisticStorage(etagStore, stateHealth);

  const { store: kind, dataDir, retentionDays, writeTimeoutMs } = config.transcripts;
  const backend = (folder: string, container: string | undefined): TranscriptBackend => {
    if (kind === 'blob' && config.blob && container) {
      const blob = new BlobBackend(blobContainer(config.blob.connectionString, container, config.storageTimeoutMs));
      inits.push(blob.init());
      return blob;
    }
    if (kind === 'file') {
      const file = new FileBackend(join(dataDir, folder));
      inits.push(file.init());
      return file;
    }
    return new MemoryBackend();
  };
  const transcripts = new KeyedTranscriptStore(backend('transcripts', config.blob?.transcriptContainer));
  const staffRecords = backend('staff', config.blob?.staffContainer);
  const writer = new TranscriptWriter(transcripts, logger, { timeoutMs: writeTimeoutMs });

  const ready = Promise.all(inits).then(
    () => undefined,
    (error: unknown) => {
      // Not fatal: state reads degrade and transcript entries queue until the store is there.
      logger.error({ event: 'storage_init_failed', error: error instanceof Error ? error.name : typeof error }, 'could not prepare storage; will retry on use');
    },
  );

  const eraseConversation = async (channelId: string, conversationId: string): Promise<void> => {
    writer.purge(channelId, conversationId);
    await transcripts.deleteTranscript(channelId, conversationId);
    await storage.delete([conversationStateKey(channelId, conversationId)]);
    await staffRecords.removeFolder(reviewFolder(channelId, conversationId));
    logger.info({ event: 'conversation_erased', channelId }, 'conversation erased');
  };
  const retentionDeps = { store: transcripts, retentionDays, logger, erase: eraseConversation };
  const schedule = options.schedule === false ? undefined : scheduleRetention(retentionDeps);

  return {
    storage,
    stateHealth,
    transcripts,
    writer,
    staffRecords,
    ready,
    eraseConversation,
    applyRetention: () => applyRetention(retentionDeps),
    health: () => ({ state: stateHealth.report(), transcripts: writer.health() }),
    close: async () => {
      schedule?.stop();
      const flushed = await writer.flush();
      if (!flushed) logger.error({ event: 'transcript_entries_unwritten_at_shutdown', count: writer.health().pending }, 'transcript entries still queued at shutdown');
      writer.close();
    },
  };
}
