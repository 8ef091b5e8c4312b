import type { App } from '../../src/app';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createRecognizer } from '../../src/language';
import type { HostResolver } from '../../src/server/loopback';
import { ConnectorStub } from '../support/connectorStub';
import { postJson } from '../support/httpClient';
import { messageActivity } from '../support/activities';

/** A hostile DNS: names that look local but resolve elsewhere, and one that is really local. */
const DNS: Record<string, string[]> = {
  '127.0.0.1.nip.io': ['203.0.113.7'],
  'localhost.attacker.example': ['127.0.0.1', '203.0.113.7'],
  'bot-loopback.test': ['127.0.0.1'],
  'bot-loopback6.test': ['::1'],
};

describe('Hardening findings (real restify, CloudAdapter and bot on loopback)', () => {
  const connector = new ConnectorStub();
  const lookups: string[] = [];
  const resolveHost: HostResolver = async (hostname) => {
    lookups.push(hostname);
    const found = DNS[hostname];
    if (!found) throw new Error(`ENOTFOUND ${hostname}`);
    return found;
  };
  let app: App;
  let base: string;
  let connectorUrl: string;
  let connectorPort: string;

  beforeAll(async () => {
    connectorUrl = await connector.start();
    connectorPort = new URL(connectorUrl).port;
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent' });
    const logger = createLogger('silent');
    app = buildApp(config, logger, { recognizer: await createRecognizer({ logger }), resolveHost });
    base = `http://127.0.0.1:${await app.server.listen()}`;
  });

  afterAll(async () => {
    await app.server.shutdown();
    await connector.stop();
  });

  beforeEach(() => {
    connector.clear();
    lookups.length = 0;
  });

  describe('loopback check on the resolved address (authentication off)', () => {
    it.each([
      ['a name that starts with 127. but resolves elsewhere', '127.0.0.1.nip.io'],
      ['a name with one loopback and one outside address', 'localhost.attacker.example'],
      ['a name that does not resolve', 'nowhere.test'],
    ])('refuses %s with 403 and posts nothing', async (_label, host) => {
      const message = messageActivity(`http://${host}:${connectorPort}`, 'hello');
      const res = await postJson(`${base}/api/messages`, message);
      expect(res.status).toBe(403);
      expect(lookups).toContain(host);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(connector.received).toHaveLength(0);
    });

    it.each([['http://203.0.113.7'], ['http://[::ffff:203.0.113.7]'], ['http://0.0.0.0'], ['ftp://127.0.0.1']])(
      'refuses the literal %s without a lookup',
      async (serviceUrl) => {
        expect((await postJson(`${base}/api/messages`, messageActivity(serviceUrl, 'hello'))).status).toBe(403);
        expect(lookups).toHaveLength(0);
      },
    );

    it('pins a name that resolves to loopback: the reply goes to the resolved address', async () => {
      // The system DNS knows nothing of ".test": the reply can only arrive if the URL was pinned.
      const message = messageActivity(`http://bot-loopback.test:${connectorPort}`, 'what is IPT?');
      expect((await postJson(`${base}/api/messages`, message)).status).toBe(200);
      await connector.waitUntil(() => connector.for(message.conversation.id, 'message').length >= 1);
      expect(lookups).toEqual(['bot-loopback.test']);
    });

    it('accepts a loopback literal without a lookup', async () => {
      const message = messageActivity(`http://127.0.0.1:${connectorPort}`, 'hello');
      expect((await postJson(`${base}/api/messages`, message)).status).toBe(200);
      expect(lookups).toHaveLength(0);
    });
  });
});
