/**
 * A bot server for the benchmark, run in its own process so its memory and CPU are measured apart
 * from the load generator. `ipt` is the real service; `echo` is a bare botbuilder echo bot on the
 * same adapter and server, the baseline the throughput ratio is measured against.
 */
import type { TurnContext } from 'botbuilder';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { buildApp } from '../../src/app';
import { createAdapter } from '../../bots/createAdapter';
import { createServer } from '../../src/server/createServer';
import { ConversationState, MemoryStorage } from 'botbuilder';

async function main(): Promise<void> {
  const mode = process.argv[2] === 'echo' ? 'echo' : 'ipt';
  // ANSWER_MEANING=false in the bench's environment measures the bot without its sentence encoder.
  const meaning = process.env.ANSWER_MEANING === undefined ? {} : { ANSWER_MEANING: process.env.ANSWER_MEANING };
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', WEBCHAT_PAGE_ENABLED: 'false', DIRECT_LINE_LOCAL_ENABLED: 'false', ...meaning });
  const logger = createLogger('silent');
  let server;
  if (mode === 'ipt') {
    const app = buildApp(config, logger);
    await app.ready;
    server = app.server;
  } else {
    const conversationState = new ConversationState(new MemoryStorage());
    const adapter = createAdapter({ botAuth: config.botAuth, conversationState, logger, middleware: [] });
    const echo = {
      run: async (context: TurnContext) => {
        if (context.activity.type === 'message') await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
      },
    };
    server = createServer({ config, adapter, bot: echo, logger });
  }
  const port = await server.listen();
  // The benchmark asks for memory figures after a full collection, so growth means retained objects.
  process.on('message', (message) => {
    if (message !== 'memory') return;
    global.gc?.();
    process.send?.({ memory: process.memoryUsage() });
  });
  process.on('SIGTERM', () => process.exit(0));
  process.on('SIGINT', () => process.exit(0));
  process.send?.({ port });
}

void main();
