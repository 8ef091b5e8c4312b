import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ContainerClient } from '@azure/storage-blob';
import type { TranscriptBackend } from './transcriptStore';

/** A local folder: `<root>/<channel>/<conversation>/<entry>.json`, each file written whole (temp file, then rename). */
export class FileBackend implements TranscriptBackend {
  readonly kind = 'file';
  constructor(private readonly root: string) {}

  async init(): Promise<void> {
    await mkdir(this.root, { recursive: true, mode: 0o700 });
  }

  async put(folder: string, name: string, body: string): Promise<void> {
    const dir = join(this.root, folder);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const temp = join(dir, `.${name}.${randomBytes(4).toString('hex')}.tmp`);
    await writeFile(temp, body, { mode: 0o600 });
    await rename(temp, join(dir, name));
  }

  async names(folder: string): Promise<string[]> {
    try {
      return (await readdir(join(this.root, folder))).filter((name) => name.endsWith('.json') && !name.startsWith('.'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  async get(folder: string, name: string): Promise<string | undefined> {
    try {
      return await readFile(join(this.root, folder, name), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async removeFolder(folder: string): Promise<void> {
    await rm(join(this.root, folder), { recursive: true, force: true });
  }

  async folders(): Promise<string[]> {
    const out: string[] = [];
    for (const channel of await readdir(this.root).catch(() => [] as string[])) {
      for (const conversation of await readdir(join(this.root, channel)).catch(() => [] as string[])) out.push(`${channel}/${conversation}`);
    }
    return out;
  }
}

/** Process memory: for tests and development runs that must leave nothing on disk. */
export class MemoryBackend implements TranscriptBackend {
  readonly kind = 'memory';
  private readonly data = new Map<string, Map<string, string>>();

  async put(folder: string, name: string, body: string): Promise<void> {
    let entries = this.data.get(folder);
    if (!entries) this.data.set(folder, (entries = new Map()));
    entries.set(name, body);
  }

  async names(folder: string): Promise<string[]> {
    return [...(this.data.get(folder)?.keys() ?? [])];
  }

  async get(folder: string, name: string): Promise<string | undefined> {
    return this.data.get(folder)?.get(name);
  }

  async removeFolder(folder: string): Promise<void> {
    this.data.delete(folder);
  }

  async folders(): Promise<string[]> {
    return [...this.data.keys()];
  }
}

/** Azure Blob Storage: one blob per entry, `<channel>/<conversation>/<entry>.json`, in a private container. */
export class BlobBackend implements TranscriptBackend {
  readonly kind = 'blob';
  constructor(private readonly container: ContainerClient) {}

  async init(): Promise<void> {
    await this.container.createIfNotExists();
  }

  async put(folder: string, name: string, body: string): Promise<void> {
    await this.container.getBlockBlobClient(`${folder}/${name}`).upload(body, Buffer.byteLength(body), {
      blobHTTPHeaders: { blobContentType: 'application/json' },
    });
  }

  async names(folder: string): Promise<string[]> {
    const out: string[] = [];
    // The trailing '/' is what keeps a conversation from matching another that shares its prefix.
    for await (const blob of this.container.listBlobsFlat({ prefix: `${folder}/` })) out.push(blob.name.slice(folder.length + 1));
    return out;
  }

  async get(folder: string, name: string): Promise<string | undefined> {
    try {
      const buffer = await this.container.getBlockBlobClient(`${folder}/${name}`).downloadToBuffer();
      return buffer.toString('utf8');
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return undefined;
      throw error;
    }
  }

  async removeFolder(folder: string): Promise<void> {
    for (const name of await this.names(folder)) {
      await this.container.getBlockBlobClient(`${folder}/${name}`).deleteIfExists();
    }
  }

  async folders(): Promise<string[]> {
    const out = new Set<string>();
    for await (const blob of this.container.listBlobsFlat()) {
      const parts = blob.name.split('/');
      if (parts.length === 3) out.add(`${parts[0]}/${parts[1]}`);
    }
    return [...out];
  }
}
