import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Storage, StoreItems } from 'botbuilder';
import type { App } from '../../src/app';
import { buildApp } from '../../src/app';
import { loadConfig, type AppConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createRecognizer } from '../../src/language';
import type { Recognizer } from '../../src/language/recognizer';
import { conversationStateKey, createPersistence, type Persistence } from '../../src/transcripts';
import { KeyedTranscriptStore } from '../../src/transcripts/transcriptStore';
import { BlobBackend } from '../../src/transcripts/backends';
import { blobContainer } from '../../src/transcripts/azureBlob';
import { ConnectorStub, type ReceivedActivity } from '../support/connectorStub';
import { httpRequest, postJson } from '../support/httpClient';
import { messageActivity } from '../support/activities';
import { Azurite } from '../../scripts/lib/azurite';

jest.setTimeout(90_000);

const logger = createLogger('silent');
const azurite = new Azurite();
const connector = new ConnectorStub();
let recognizer: Recognizer;
let serviceUrl: string;

function blobConfig(): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'silent',
    STORAGE: 'blob',
    TRANSCRIPT_STORE: 'blob',
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    STORAGE_TIMEOUT_MS: '1000',
  });
}

interface Instance {
  app: App;
  base: string;
  persistence: Persistence;
}

/** A full bot (its own adapter, server, storage clients) on the shared Azurite account: one "instance" of a scaled-out service. */
async function startInstance(wrapStorage?: (storage: Storage) => Storage): Promise<Instance> {
  const config = blobConfig();
  const persistence = createPersistence(config, logger, { schedule: false, pauseAfterFailureMs: 300 });
  await persistence.ready;
  const app = buildApp(config, logger, { recognizer, persistence, ...(wrapStorage ? { storage: wrapStorage(persistence.storage) } : {}) });
  const base = `http://127.0.0.1:${await app.server.listen()}`;
  await app.ready;
  return { app, base, persistence };
}

async function send(instance: Instance, conversationId: string, text: string): Promise<void> {
  const res = await postJson(`${instance.base}/api/messages`, messageActivity(serviceUrl, text, conversationId));
  expect(res.status).toBe(200);
}

/** Replies of one conversation, as one string (text and card content). */
function replies(conversationId: string): string {
  return connector
    .for(conversationId)
    .filter((a: ReceivedActivity) => a.type === 'message')
    .map((a) => `${a.text ?? ''} ${JSON.stringify(a.attachments ?? [])}`)
    .join('\n');
}

async function safetyEvents(persistence: Persistence, conversationId: string): Promise<unknown[]> {
  const key = conversationStateKey('emulator', conversationId);
  const items = await persistence.storage.read([key]);
  return ((items[key]?.SafetyRecord as { events?: unknown[] } | undefined)?.events ?? []);
}

let a: Instance;
let b: Instance;

beforeAll(async () => {
  await azurite.start();
  serviceUrl = await connector.start();
  recognizer = await createRecognizer({ logger });
  a = await startInstance();
  b = await startInstance();
});

afterAll(async () => {
  for (const instance of [a, b]) await instance?.app.server.shutdown();
  await connector.stop();
  await azurite.dispose();
});

describe('two bot instances sharing one conversation on Azurite', () => {
  it('turns alternating between instances carry the dialog on, and the transcript has every turn in order', async () => {
    const id = 'conv-alternating';
    const steps = ['Is it right for me?', 'Someone close to me died', 'A few months', '35 or over', 'England'];
    for (const [index, text] of steps.entries()) {
      const instance = index % 2 === 0 ? a : b;
      const before = connector.for(id, 'message').length;
      await send(instance, id, text);
      expect(connector.for(id, 'message').length).toBeGreaterThan(before);
    }
    expect(replies(id)).toContain('IPT may suit you');

    // Written by both instances, read back from Blob Storage by either.
    await a.persistence.writer.flush();
    await b.persistence.writer.flush();
    const entries = (await b.persistence.transcripts.getTranscriptActivities('emulator', id)).items;
    expect(entries.filter((e) => e.type === 'message' && e.from.role === 'user').map((e) => e.text)).toEqual(steps);
    expect(entries.filter((e) => e.type === 'message' && e.from.role === 'bot').length).toBeGreaterThanOrEqual(steps.length);
  });

  it('two turns that overlap: the later save conflicts, its turn runs again on fresh state, nothing is lost (fails with eTag "*")', async () => {
    // Instance C holds its conversation-state write until instance B's whole turn has been saved.
    let release!: () => void;
    let reachedGate!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const atGate = new Promise<void>((resolve) => (reachedGate = resolve));
    let gated = false;
    const c = await startInstance((inner) => ({
      read: (keys: string[]) => inner.read(keys),
      delete: (keys: string[]) => inner.delete(keys),
      write: async (changes: StoreItems) => {
        if (!gated && Object.keys(changes).some((key) => key.includes('/conversations/'))) {
          gated = true;
          reachedGate();
          await gate;
        }
        return inner.write(changes);
      },
    }));
    try {
      const id = 'conv-overlap';
      const first = send(c, id, 'I want to end my life');
      await atGate;
      await send(b, id, 'I am going to kill myself tonight');
      release();
      await first;
      const events = await safetyEvents(a.persistence, id);
      expect(events).toHaveLength(2);
      // The crisis routes went out at once on both turns, before any save.
      expect(connector.for(id, 'message').filter((m) => (m.text ?? '').includes('116 123')).length).toBeGreaterThanOrEqual(2);
    } finally {
      await c.app.server.shutdown();
    }
  });

  it('four turns sent at the same moment to two instances: every risk event is kept', async () => {
    const id = 'conv-concurrent';
    const messages = ['I want to die', 'I am going to kill myself', 'I want to end my life', 'I want to kill myself tonight'];
    await Promise.all(messages.map((text, index) => send(index % 2 === 0 ? a : b, id, text)));
    expect(await safetyEvents(b.persistence, id)).toHaveLength(messages.length);
  });
});

/** The compiled service (`npm start`), as its own process, on the shared Azurite account. */
async function startProcess(): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [join(__dirname, '..', '..', 'dist', 'src', 'index.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      STORAGE: 'blob',
      TRANSCRIPT_STORE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      STAFF_ENABLED: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  let port = 0;
  while (!port) {
    if (Date.now() > deadline) throw new Error(`service did not start:\n${output}`);
    port = Number(/"event":"listening","port":(\d+)/.exec(output)?.[1] ?? 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const base = `http://127.0.0.1:${port}`;
  while ((await httpRequest(`${base}/healthz`)).status !== 200) {
    if (Date.now() > deadline) throw new Error(`service not ready:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, base };
}

describe('two bot processes sharing one conversation', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'build-if-stale.mjs')], { stdio: 'inherit' });
  }, 180_000);

  it('turns alternating and sent at once between two processes keep every update and every transcript entry', async () => {
    const processes = [await startProcess(), await startProcess()];
    try {
      const [p1, p2] = processes.map((p) => ({ base: p.base }) as Instance);
      const id = 'conv-processes';
      await send(p1, id, 'I want to die');
      await send(p2, id, 'I am going to kill myself');
      const together = ['I want to end my life', 'I want to kill myself tonight', 'I want to die', 'I am going to kill myself'];
      await Promise.all(together.map((text, index) => send(index % 2 === 0 ? p1 : p2, id, text)));
      expect(await safetyEvents(a.persistence, id)).toHaveLength(2 + together.length);
      // Each process writes its own transcript entries; none is lost or overwritten by the other.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const users = (await a.persistence.transcripts.getTranscriptActivities('emulator', id)).items.filter((e) => e.type === 'message' && e.from.role === 'user');
      expect(users).toHaveLength(2 + together.length);
    } finally {
      for (const p of processes) {
        const exited = new Promise((resolve) => p.child.once('exit', resolve));
        p.child.kill('SIGTERM');
        await exited;
      }
    }
  });
});

describe('transcripts in Blob Storage', () => {
  it('a Teams channel thread is never read or deleted with its parent', async () => {
    const config = blobConfig();
    const store = new KeyedTranscriptStore(new BlobBackend(blobContainer(azurite.connectionString, config.blob!.transcriptContainer, 1000)));
    const parent = '19:thread@thread.tacv2';
    const thread = `${parent};messageid=1712345678901`;
    const entry = (conversationId: string, id: string) => ({
      type: 'message', id, timestamp: new Date().toISOString(), channelId: 'msteams', conversation: { id: conversationId },
      from: { id: 'user', name: 'user', role: 'user' }, recipient: { id: 'bot', name: 'bot', role: 'bot' }, text: id,
    });
    await store.logActivity(entry(parent, 'p1') as never);
    await store.logActivity(entry(thread, 't1') as never);
    expect((await store.getTranscriptActivities('msteams', parent)).items.map((e) => e.text)).toEqual(['p1']);
    const listed = (await store.listTranscripts('msteams')).items.map((t) => t.id);
    expect(listed).toEqual(expect.arrayContaining([parent, thread]));
    await store.deleteTranscript('msteams', parent);
    expect((await store.getTranscriptActivities('msteams', parent)).items).toEqual([]);
    expect((await store.getTranscriptActivities('msteams', thread)).items.map((e) => e.text)).toEqual(['t1']);
  });
});

describe('Azurite stopped mid-conversation and started again', () => {
  it('carries on in degraded mode, recovers its saved state, and loses no transcript entry', async () => {
    const id = 'conv-outage';
    await send(a, id, 'Is it right for me?');
    await send(a, id, 'Someone close to me died');
    await a.persistence.writer.flush();

    await azurite.stop();
    const duringOutage = Date.now();
    await send(a, id, 'what is IPT');
    const outageReply = replies(id);
    expect(outageReply).toMatch(/can't save our chat just now/);
    expect(Date.now() - duringOutage).toBeLessThan(15_000);
    const health = (await httpRequest(`${a.base}/healthz`)).json() as { status: string; storage: { state: { status: string }; transcripts: { pending: number } } };
    expect(health.status).toBe('ok');
    expect(health.storage.state.status).toBe('degraded');
    expect(health.storage.transcripts.pending).toBeGreaterThan(0);

    await azurite.start();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await a.persistence.writer.flush(10_000)).toBe(true);

    // The saved state from before the outage is intact: the check goes on from its next question.
    connector.clear();
    await send(a, id, 'A few months');
    expect(replies(id)).toMatch(/how old/i);
    await a.persistence.writer.flush();
    const users = (await b.persistence.transcripts.getTranscriptActivities('emulator', id)).items
      .filter((e) => e.type === 'message' && e.from.role === 'user')
      .map((e) => e.text);
    expect(users).toEqual(['Is it right for me?', 'Someone close to me died', 'what is IPT', 'A few months']);
    expect(((await httpRequest(`${a.base}/healthz`)).json() as { storage: { state: { status: string } } }).storage.state.status).toBe('ok');
  });
});
