import type { App } from '../../src/app';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { ConnectorStub } from '../support/connectorStub';
import { postJson } from '../support/httpClient';
import { messageActivity } from '../support/activities';
import { noneRecognizer } from './safetyDialogHarness';

/** Languages and hidden risk through /api/messages: real restify, CloudAdapter, gate and dialogs on loopback. */
describe('POST /api/messages: other languages and hidden risk', () => {
  const connector = new ConnectorStub();
  let app: App;
  let base: string;
  let serviceUrl: string;

  beforeAll(async () => {
    serviceUrl = await connector.start();
    app = buildApp(loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent' }), createLogger('silent'), { recognizer: noneRecognizer });
    base = `http://127.0.0.1:${await app.server.listen()}`;
  });

  afterAll(async () => {
    await app.server.shutdown();
    await connector.stop();
  });

  beforeEach(() => connector.clear());

  async function send(activity: ReturnType<typeof messageActivity>, replies: number) {
    expect((await postJson(`${base}/api/messages`, activity)).status).toBe(200);
    await connector.waitUntil(() => connector.received.filter((a) => a.conversation?.id === activity.conversation.id && a.type !== 'trace').length >= replies);
    return connector.received.filter((a) => a.conversation?.id === activity.conversation.id && a.type !== 'trace');
  }

  it('Polish risk: the Polish notice first, then the emergency event and the routes', async () => {
    const replies = await send(messageActivity(serviceUrl, 'chcę umrzeć'), 3);
    expect(replies[0].text).toMatch(/^Przepraszam/);
    expect(replies.find((a) => a.type === 'event')).toMatchObject({ name: 'emergencySupport', value: { category: 'suicide' } });
  });

  it('Polish without risk: only the notice, never "overdose" for "od" and never the English fallback', async () => {
    const activity = messageActivity(serviceUrl, 'Mieszkam w Anglii od pięciu lat');
    const replies = await send(activity, 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const all = connector.received.filter((a) => a.conversation?.id === activity.conversation.id && a.type !== 'trace');
    expect(all).toHaveLength(1);
    expect(replies[0].text).toContain('116 123');
  });

  it('risk hidden with zero-width characters and Cyrillic letters gets the emergency event', async () => {
    const replies = await send(messageActivity(serviceUrl, 'I w\u0430nt to ki\u200bll my\u00adself'), 2);
    expect(replies.find((a) => a.type === 'event')).toMatchObject({ name: 'emergencySupport' });
  });

  it('risk only in a Teams HTML attachment gets the emergency event', async () => {
    const activity = { ...messageActivity(serviceUrl, 'hello'), attachments: [{ contentType: 'text/html', content: '<div>I have taken <b>all my pills</b></div>' }] };
    const replies = await send(activity, 2);
    expect(replies.find((a) => a.type === 'event')).toMatchObject({ name: 'emergencySupport', value: { category: 'medical' } });
  });
});
