import type { Storage, StoreItems } from 'botbuilder';
import type { ContainerClient } from '@azure/storage-blob';
import { segment } from './transcriptStore';
import type { StorageHealth } from './storageHealth';

/** Another instance saved this state since this turn read it: the turn must run again on fresh state. */
export class StateConflictError extends Error {
  override readonly name = 'StateConflictError';
}

/** The state store could not be reached in bounded time. */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
}

export type WriteCondition = { ifMatch: string } | { ifNoneMatch: '*' };

/** A key-value store with entity tags: the primitives optimistic concurrency needs. */
export interface EtagStore {
  read(key: string): Promise<{ value: Record<string, unknown>; etag: string } | undefined>;
  /** Writes only if the condition holds, else throws StateConflictError; resolves with the new eTag. */
  write(key: string, value: Record<string, unknown>, condition: WriteCondition): Promise<string>;
  delete(key: string): Promise<void>;
}

/**
 * botbuilder's Storage with real optimistic concurrency. BotState writes every change with eTag
 * '*' (last writer wins); here each item remembers the eTag it was read with (by object identity,
 * since BotState hands back the very object it read), and is written only if the stored item is
 * still that version (`ifMatch`), or, for an item that did not exist, only if it still does not
 * (`ifNoneMatch: '*'`). A conflict throws StateConflictError for the turn to be retried.
 *
 * While the store is unreachable, reads give a fresh, empty item (the conversation carries on,
 * without memory of where it was) and writes throw StorageUnavailableError. Such an item is never
 * written over the stored one: its write is create-only, so state saved before the outage survives.
 */
export class OptimisticStorage implements Storage {
  private readonly etags = new WeakMap<object, string>();

  constructor(
    private readonly store: EtagStore,
    private readonly health: StorageHealth,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      if (!this.health.canTry()) continue;
      try {
        const found = await this.store.read(key);
        this.health.success();
        if (!found) continue;
        const item = { ...found.value, eTag: found.etag };
        this.etags.set(item, found.etag);
        items[key] = item;
      } catch (error) {
        this.health.failure(error);
      }
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, change] of Object.entries(changes)) {
      const { eTag, ...value } = change as Record<string, unknown>;
      const known = this.etags.get(change);
      const condition: WriteCondition = known
        ? { ifMatch: known }
        : typeof eTag === 'string' && eTag !== '*' && eTag !== ''
          ? { ifMatch: eTag }
          : { ifNoneMatch: '*' };
      if (!this.health.canTry()) throw new StorageUnavailableError(`state store paused after a failure (${key.split('/')[0]})`);
      let etag: string;
      try {
        etag = await this.store.write(key, value, condition);
        this.health.success();
      } catch (error) {
        if (error instanceof StateConflictError) {
          this.health.success();
          throw error;
        }
        this.health.failure(error);
        throw new StorageUnavailableError('state store write failed');
      }
      this.etags.set(change, etag);
      (change as Record<string, unknown>).eTag = etag;
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) {
      try {
        await this.store.delete(key);
        this.health.success();
      } catch (error) {
        this.health.failure(error);
        throw new StorageUnavailableError('state store delete failed');
      }
    }
  }
}

/** In process memory, with the same conditional writes (for development, tests, and one instance). */
export class MemoryEtagStore implements EtagStore {
  private readonly items = new Map<string, { json: string; etag: string }>();
  private version = 0;

  async read(key: string): Promise<{ value: Record<string, unknown>; etag: string } | undefined> {
    const item = this.items.get(key);
    return item ? { value: JSON.parse(item.json) as Record<string, unknown>, etag: item.etag } : undefined;
  }

  async write(key: string, value: Record<string, unknown>, condition: WriteCondition): Promise<string> {
    const current = this.items.get(key);
    const ok = 'ifMatch' in condition ? current?.etag === condition.ifMatch : current === undefined;
    if (!ok) throw new StateConflictError(`state changed since it was read (${key.split('/')[0]})`);
    this.version += 1;
    const etag = `"m${this.version}"`;
    this.items.set(key, { json: JSON.stringify(value), etag });
    return etag;
  }

  async delete(key: string): Promise<void> {
    this.items.delete(key);
  }
}

/** Azure Blob Storage: one blob per state key, conditional uploads (412 and 409 mean a conflict). */
export class BlobEtagStore implements EtagStore {
  constructor(private readonly container: ContainerClient) {}

  async init(): Promise<void> {
    await this.container.createIfNotExists();
  }

  private blob(key: string) {
    return this.container.getBlockBlobClient(`${segment(key)}.json`);
  }

  async read(key: string): Promise<{ value: Record<string, unknown>; etag: string } | undefined> {
    try {
      const response = await this.blob(key).download();
      const body = await streamText(response.readableStreamBody);
      return { value: JSON.parse(body) as Record<string, unknown>, etag: response.etag ?? '' };
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return undefined;
      throw error;
    }
  }

  async write(key: string, value: Record<string, unknown>, condition: WriteCondition): Promise<string> {
    const body = JSON.stringify(value);
    try {
      const response = await this.blob(key).upload(body, Buffer.byteLength(body), {
        conditions: condition,
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
      return response.etag ?? '';
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 412 || status === 409) throw new StateConflictError(`state changed since it was read (${status})`);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.blob(key).deleteIfExists();
  }
}

async function streamText(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!stream) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
