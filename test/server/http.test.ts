import { gzipSync } from 'node:zlib';
import type { App } from '../../src/app';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { ConnectorStub } from '../support/connectorStub';
import { SwitchableRecognizer } from '../support/switchableRecognizer';
import { httpRequest, postJson } from '../support/httpClient';
import { messageActivity, conversationUpdate } from '../support/activities';


describe('HTTP server (real restify, CloudAdapter and bot on loopback)', () => {
  const connector = new ConnectorStub();
  let app: App;
  let base: string;
  let serviceUrl: string;
  let recognizer: SwitchableRecognizer;

  beforeAll(async () => {
    serviceUrl = await connector.start();
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', MAX_BODY_BYTES: '4096' });
    const { createRecognizer } = await import('../../src/language');
    recognizer = new SwitchableRecognizer(await createRecognizer({ logger: createLogger('silent') }));
    app = buildApp(config, createLogger('silent'), { recognizer });
    const port = await app.server.listen();
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await app.server.shutdown();
    await connector.stop();
  });

  beforeEach(() => connector.clear());

  it('reports healthy with its version once listening', async () => {
    const res = await httpRequest(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', version: '0.0.0', storage: { state: { status: 'ok' }, transcripts: { status: 'ok', pending: 0, dropped: 0 } } });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('welcomes a new member and answers a message by posting to the serviceUrl', async () => {
    const update = conversationUpdate(serviceUrl);
    expect((await postJson(`${base}/api/messages`, update)).status).toBe(200);
    await connector.waitUntil(() => connector.for(update.conversation.id, 'message').length >= 1);
    expect(connector.for(update.conversation.id, 'message')[0].text).toMatch(/IPT/);

    const message = messageActivity(serviceUrl, 'what is interpersonal therapy?');
    expect((await postJson(`${base}/api/messages`, message)).status).toBe(200);
    await connector.waitUntil(() => connector.for(message.conversation.id, 'message').length >= 1);
    const reply = connector.for(message.conversation.id, 'message')[0];
    expect(reply.replyToId).toBe(message.id);
    expect(reply.text ?? JSON.stringify(reply.attachments)).toBeTruthy();
  });

  it('answers malformed JSON with 400 and a plain JSON error', async () => {
    const res = await httpRequest(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": "message", ',
    });
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({ error: 'bad_request', message: 'Request body is not valid JSON' });
  });

  it.each([
    ['an array', []],
    ['no type', { channelId: 'emulator', serviceUrl: 'http://127.0.0.1:1', conversation: { id: 'c' } }],
    ['no conversation', { type: 'message', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:1' }],
    ['a bad serviceUrl', { type: 'message', channelId: 'emulator', serviceUrl: 'nope', conversation: { id: 'c' } }],
  ])('answers a body that is not an activity (%s) with 400', async (_label, body) => {
    const res = await postJson(`${base}/api/messages`, body);
    expect(res.status).toBe(400);
    expect((res.json() as { message: string }).message).toMatch(/^Not a valid activity/);
    expect(res.text).not.toMatch(/at .*\.ts|node_modules|Error:/);
  });

  it('refuses bodies over the limit with 413, before and after decompression', async () => {
    const big = messageActivity(serviceUrl, 'x'.repeat(5000));
    expect((await postJson(`${base}/api/messages`, big)).status).toBe(413);

    const bomb = gzipSync(Buffer.from(JSON.stringify(messageActivity(serviceUrl, 'a'.repeat(200_000)))));
    expect(bomb.length).toBeLessThan(4096);
    const res = await httpRequest(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: bomb,
    });
    expect(res.status).toBe(413);
    expect(res.json()).toMatchObject({ error: 'payload_too_large' });
  });

  it('accepts a small gzip body', async () => {
    const message = messageActivity(serviceUrl, 'hello');
    const res = await httpRequest(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(Buffer.from(JSON.stringify(message))),
    });
    expect(res.status).toBe(200);
  });

  it('refuses other content types with 415', async () => {
    const res = await httpRequest(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' });
    expect(res.status).toBe(415);
  });

  it('answers unknown routes with 404 JSON and wrong methods with 405, without internals', async () => {
    const missing = await httpRequest(`${base}/no/such/route`);
    expect(missing.status).toBe(404);
    expect(missing.json()).toEqual({ error: 'not_found', message: 'not found' });
    const wrongMethod = await httpRequest(`${base}/api/messages`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.json()).toEqual({ error: 'method_not_allowed', message: 'method not allowed' });
  });

  it('with authentication off, never replies to a serviceUrl off this machine', async () => {
    const res = await postJson(`${base}/api/messages`, messageActivity('https://attacker.example', 'hello'));
    expect(res.status).toBe(403);
    expect(connector.received).toHaveLength(0);
  });

  it('survives a turn that throws: tells the user kindly with urgent routes, clears state, keeps serving', async () => {
    recognizer.failNext = true;
    const message = messageActivity(serviceUrl, 'tell me about IPT');
    expect((await postJson(`${base}/api/messages`, message)).status).toBe(200);
    await connector.waitUntil(() => connector.for(message.conversation.id, 'message').length >= 2);
    const texts = connector.for(message.conversation.id, 'message').map((a) => a.text ?? '');
    expect(texts.join(' ')).toMatch(/something went wrong/i);
    expect(texts.join(' ')).toMatch(/999/);
    expect(texts.join(' ')).toMatch(/116 123/);

    const again = messageActivity(serviceUrl, 'hello', message.conversation.id);
    expect((await postJson(`${base}/api/messages`, again)).status).toBe(200);
    const health = await httpRequest(`${base}/healthz`);
    expect(health.status).toBe(200);
  });
});
