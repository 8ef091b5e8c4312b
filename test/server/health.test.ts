import { ConversationState, MemoryStorage } from 'botbuilder';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createAdapter } from '../../bots/createAdapter';
import { createServer } from '../../src/server/createServer';
import { httpRequest } from '../support/httpClient';

/**
 * Health says 'starting' (503) while start-up work is still running, and 'ok' once it has settled:
 * App Service's health check must not route people to an instance whose models are not ready.
 */
describe('/healthz while start-up work runs', () => {
  it('is 503 "starting" until ready settles, then 200', async () => {
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', WEBCHAT_PAGE_ENABLED: 'false', DIRECT_LINE_LOCAL_ENABLED: 'false' });
    const logger = createLogger('silent');
    const adapter = createAdapter({ botAuth: config.botAuth, conversationState: new ConversationState(new MemoryStorage()), logger, middleware: [] });
    let finishTraining!: () => void;
    const ready = new Promise<void>((resolve) => (finishTraining = resolve));
    const server = createServer({ config, adapter, bot: { run: async () => undefined }, logger, ready });
    const port = await server.listen();
    try {
      const during = await httpRequest(`http://127.0.0.1:${port}/healthz`);
      expect(during.status).toBe(503);
      expect(during.json()).toMatchObject({ status: 'starting' });
      finishTraining();
      await ready;
      await new Promise((resolve) => setImmediate(resolve));
      const after = await httpRequest(`http://127.0.0.1:${port}/healthz`);
      expect(after.status).toBe(200);
    } finally {
      await server.shutdown();
    }
  });
});
