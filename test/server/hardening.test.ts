import type { App } from '../../src/app';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createRecognizer } from '../../src/language';
import { isLoopbackAddress, type HostResolver } from '../../src/server/loopback';
import { ConnectorStub } from '../support/connectorStub';
import { httpRequest, postJson } from '../support/httpClient';
import { messageActivity } from '../support/activities';

/** A hostile DNS: names that look local but resolve elsewhere, and one that is really local. */
const DNS: Record<string, string[]> = {
  '127.0.0.1.nip.io': ['203.0.113.7'],
  'localhost.attacker.example': ['127.0.0.1', '203.0.113.7'],
  'bot-loopback.test': ['127.0.0.1'],
  localhost: ['::1', '127.0.0.1'],
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
  const logLines: string[] = [];
  let app: App;
  let base: string;
  let connectorUrl: string;
  let connectorPort: string;

  beforeAll(async () => {
    connectorUrl = await connector.start();
    connectorPort = new URL(connectorUrl).port;
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent' });
    const logger = createLogger('warn', { destination: { write: (line: string) => void logLines.push(line) } });
    app = buildApp(config, logger, { recognizer: await createRecognizer({ logger: createLogger('silent') }), resolveHost });
    base = `http://127.0.0.1:${await app.server.listen()}`;
  });

  afterAll(async () => {
    await app.server.shutdown();
    await connector.stop();
  });

  beforeEach(() => {
    connector.clear();
    lookups.length = 0;
    logLines.length = 0;
  });

  describe('loopback check on the resolved address (authentication off)', () => {
    it.each([
      ['127.0.0.1', true],
      ['127.255.3.4', true],
      ['::1', true],
      ['0:0:0:0:0:0:0:1', true],
      ['::ffff:127.0.0.1', true],
      ['128.0.0.1', false],
      ['::ffff:10.0.0.1', false],
      ['::2', false],
      ['0.0.0.0', false],
      ['localhost', false],
    ])('isLoopbackAddress(%s) is %s', (address, expected) => {
      expect(isLoopbackAddress(address)).toBe(expected);
    });

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

    it('checks localhost too, and leaves it as it is (the hosts file answers it, not DNS)', async () => {
      const message = messageActivity(`http://localhost:${connectorPort}`, 'hello');
      expect((await postJson(`${base}/api/messages`, message)).status).toBe(200);
      expect(lookups).toEqual(['localhost']);
      await connector.waitUntil(() => connector.for(message.conversation.id, 'message').length >= 1);
    });

    it('accepts a loopback literal without a lookup', async () => {
      const message = messageActivity(`http://127.0.0.1:${connectorPort}`, 'hello');
      expect((await postJson(`${base}/api/messages`, message)).status).toBe(200);
      expect(lookups).toHaveLength(0);
    });
  });

  describe('bodies', () => {
    it.each([['application/jsonfoo'], ['application/json-patch+json'], ['text/plain; x=application/json']])(
      'refuses Content-Type %s with 415',
      async (type) => {
        const res = await httpRequest(`${base}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': type },
          body: JSON.stringify(messageActivity(connectorUrl, 'hello')),
        });
        expect(res.status).toBe(415);
      },
    );

    it('accepts application/json with parameters, in any letter case', async () => {
      const res = await httpRequest(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'Application/JSON ; charset=utf-8' },
        body: JSON.stringify(messageActivity(connectorUrl, 'hello')),
      });
      expect(res.status).toBe(200);
    });

    it('refuses deep nesting with 400 and logs the rejection', async () => {
      const activity = { ...messageActivity(connectorUrl, 'hello'), channelData: JSON.parse(`${'['.repeat(2_000)}${']'.repeat(2_000)}`) as unknown };
      const res = await postJson(`${base}/api/messages`, activity);
      expect(res.status).toBe(400);
      expect(res.json()).toEqual({ error: 'bad_request', message: 'JSON may nest at most 64 levels' });
      expect(logLines.join('')).toMatch(/"event":"body_rejected".*"reason":"too_deeply_nested"/);
    });

    it('still takes brackets inside strings and ordinary card nesting', async () => {
      const activity = { ...messageActivity(connectorUrl, `${'[{'.repeat(500)} what is IPT?`), value: { a: { b: { c: [[[{ d: 1 }]]] } } } };
      expect((await postJson(`${base}/api/messages`, activity)).status).toBe(200);
    });
  });

  describe('headers', () => {
    it('sends X-Frame-Options, Permissions-Policy and no product name in Server', async () => {
      const res = await httpRequest(`${base}/healthz`);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['permissions-policy']).toMatch(/camera=\(\)/);
      expect(res.headers['permissions-policy']).toMatch(/microphone=\(\)/);
      expect(res.headers.server).toBeUndefined();
      // Not production: plain HTTP on loopback, so no HSTS.
      expect(res.headers['strict-transport-security']).toBeUndefined();
    });
  });

  describe('Teams shapes botbuilder does not expect', () => {
    const teamsMessage = (text: string, entities: unknown[]) => ({
      ...messageActivity(connectorUrl, text),
      channelId: 'msteams',
      entities,
    });

    it('answers a message whose mention has mentioned: null normally, with no turn error', async () => {
      const message = teamsMessage('<at>IPT guide</at> what is IPT?', [{ type: 'mention', mentioned: null, text: '<at>IPT guide</at>' }]);
      expect((await postJson(`${base}/api/messages`, message)).status).toBe(200);
      await connector.waitUntil(() => connector.for(message.conversation.id, 'message').length >= 1);
      const texts = connector.for(message.conversation.id, 'message').map((a) => a.text ?? '').join(' ');
      expect(texts).not.toMatch(/something went wrong/i);
      expect(texts).toMatch(/IPT|interpersonal/i);
      expect(logLines.join('')).not.toMatch(/TypeError/);
    });

    it('removes every mention of the bot, and leaves other shapes alone', async () => {
      const message = teamsMessage('<at>IPT guide</at> help <at>IPT guide</at>', [
        { type: 'mention', mentioned: { id: 'bot' }, text: '<at>IPT guide</at>' },
        { type: 'mention', mentioned: { id: 'bot' } },
        { type: 'mention', mentioned: 'bot', text: 'help' },
        null,
      ]);
      expect((await postJson(`${base}/api/messages`, message)).status).toBe(200);
      await connector.waitUntil(() => connector.for(message.conversation.id, 'message').length >= 1);
      expect(connector.for(message.conversation.id, 'message').map((a) => a.text ?? '').join(' ')).not.toMatch(/something went wrong/i);
    });

    it.each([
      ['msteams', [null, 'user-1', { name: 'no id' }]],
      ['msteams', 'user-1'],
      ['webchat', [null, { id: 'user-1' }]],
      ['webchat', { id: 'user-1' }],
    ])('takes a %s conversationUpdate with malformed membersAdded %j without a turn error', async (channelId, membersAdded) => {
      const update = {
        ...messageActivity(connectorUrl, ''),
        type: 'conversationUpdate',
        channelId,
        text: undefined,
        membersAdded,
      };
      expect((await postJson(`${base}/api/messages`, update)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const texts = connector.for(update.conversation.id, 'message').map((a) => a.text ?? '').join(' ');
      expect(texts).not.toMatch(/something went wrong/i);
      expect(logLines.join('')).not.toMatch(/turn_error|TypeError/i);
    });

    it('still welcomes the person named among malformed members (Web Chat)', async () => {
      const update = { ...messageActivity(connectorUrl, ''), type: 'conversationUpdate', channelId: 'webchat', text: undefined, membersAdded: [null, { id: 'user-1' }] };
      expect((await postJson(`${base}/api/messages`, update)).status).toBe(200);
      await connector.waitUntil(() => connector.for(update.conversation.id, 'message').length >= 1);
      expect(connector.for(update.conversation.id, 'message')[0].text).toMatch(/IPT/);
    });
  });
});
