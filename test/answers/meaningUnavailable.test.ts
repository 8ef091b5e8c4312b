import { TestAdapter } from 'botbuilder';
import { buildBot } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';

// The model package failing to load, as on a machine where its files are damaged or memory ran out.
jest.mock('@energetic-ai/embeddings', () => ({ initModel: () => Promise.reject(new Error('model files unreadable')) }));

describe('answers when the sentence encoder cannot load', () => {
  it('logs one warning without message text, and still answers with the word matcher', async () => {
    const logger = createLogger('silent');
    const warn = jest.spyOn(logger, 'warn');
    const parts = buildBot(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), logger);
    const adapter = new TestAdapter((context) => parts.bot.run(context), { channelId: 'test', locale: 'en-GB' });
    for (const middleware of parts.middleware) adapter.use(middleware);

    const replies: string[] = [];
    await adapter.send('how much does ipt cost privately').assertReply((activity) => void replies.push(activity.text ?? ''));
    expect(replies.join(' ')).toMatch(/£/);

    await new Promise((resolve) => setImmediate(resolve));
    const events = warn.mock.calls.map(([fields]) => (fields as { event?: string }).event);
    expect(events.filter((event) => event === 'answer_meaning.unavailable')).toHaveLength(1);
    expect(JSON.stringify(warn.mock.calls)).not.toMatch(/cost privately/);
  });
});
