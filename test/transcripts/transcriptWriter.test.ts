import { createLogger } from '../../src/logger';
import { TranscriptWriter, type EntrySink } from '../../src/transcripts/transcriptWriter';
import type { StoredActivity } from '../../src/transcripts/entry';

const entry = (id: string, conversation = 'c1'): StoredActivity => ({
  type: 'message', id, timestamp: new Date().toISOString(), channelId: 'webchat', conversation: { id: conversation },
  from: { id: 'user', name: 'user', role: 'user' }, recipient: { id: 'bot', name: 'bot', role: 'bot' }, text: 'secret words',
});

/** A store that can hang or fail, and records what it was given. */
class FlakySink implements EntrySink {
  mode: 'ok' | 'fail' | 'hang' = 'ok';
  readonly written = new Map<string, StoredActivity>();
  async logActivity(activity: StoredActivity): Promise<void> {
    if (this.mode === 'fail') throw Object.assign(new Error('boom secret words'), { code: 'ECONNREFUSED' });
    if (this.mode === 'hang') await new Promise(() => undefined);
    this.written.set(activity.id, activity);
  }
}

describe('TranscriptWriter', () => {
  const lines: string[] = [];
  const logger = createLogger('info', { destination: { write: (line: string) => lines.push(line) } });

  it('waits no longer than its timeout when the store hangs, and keeps the entries queued', async () => {
    const sink = new FlakySink();
    sink.mode = 'hang';
    const writer = new TranscriptWriter(sink, logger, { timeoutMs: 50 });
    const started = Date.now();
    await writer.write([entry('a'), entry('b')]);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(writer.health().pending).toBe(2);
    writer.close();
  });

  it('queues entries while the store fails, logs without text, and writes them all once it is back', async () => {
    const sink = new FlakySink();
    sink.mode = 'fail';
    const writer = new TranscriptWriter(sink, logger, { timeoutMs: 200, retryMs: 20, maxRetryMs: 40 });
    await writer.write([entry('a')]);
    await writer.write([entry('b'), entry('c', 'c2')]);
    expect(writer.health()).toMatchObject({ status: 'degraded', pending: 3 });
    expect(lines.join('\n')).toContain('transcript_write_failed');
    expect(lines.join('\n')).not.toContain('secret words');

    writer.purge('webchat', 'c2');
    sink.mode = 'ok';
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect([...sink.written.keys()].sort()).toEqual(['a', 'b']);
    expect(writer.health()).toMatchObject({ status: 'ok', pending: 0 });
    writer.close();
  });

  it('drops the oldest past its bound, and says how many', async () => {
    const sink = new FlakySink();
    sink.mode = 'fail';
    const writer = new TranscriptWriter(sink, logger, { timeoutMs: 50, maxPending: 2, retryMs: 10_000 });
    await writer.write([entry('a'), entry('b'), entry('c')]);
    expect(writer.health()).toMatchObject({ pending: 2, dropped: 1 });
    expect(lines.join('\n')).toContain('transcript_entries_dropped');
    writer.close();
  });
});
