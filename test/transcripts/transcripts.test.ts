import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage, type Activity, type Storage, type StoreItems } from 'botbuilder';
import type { App } from '../../src/app';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createRecognizer } from '../../src/language';
import { ConnectorStub } from '../support/connectorStub';
import { SwitchableRecognizer } from '../support/switchableRecognizer';
import { postJson } from '../support/httpClient';
import { messageActivity } from '../support/activities';
import { createBotHarness } from '../support/botHarness';
import { sayOverHttp } from '../support/turns';

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}


let recognizer: SwitchableRecognizer;
beforeAll(async () => {
  recognizer = new SwitchableRecognizer(await createRecognizer({ logger: createLogger('silent') }));
});

describe('transcripts through /api/messages, kept in a data folder', () => {
  const connector = new ConnectorStub();
  let app: App;
  let base: string;
  let serviceUrl: string;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ipt-transcripts-'));
    serviceUrl = await connector.start();
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', TRANSCRIPT_STORE: 'file', DATA_DIR: dataDir });
    app = buildApp(config, createLogger('silent'), { recognizer });
    base = `http://127.0.0.1:${await app.server.listen()}`;
    await app.ready;
  });

  afterAll(async () => {
    await app.server.shutdown();
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const say = (conversationId: string, text: string, extra: Record<string, unknown> = {}) => sayOverHttp({ base, serviceUrl, connector }, conversationId, text, extra);

  async function transcript(conversationId: string, channelId = 'emulator'): Promise<Activity[]> {
    return (await app.persistence.transcripts.getTranscriptActivities(channelId, conversationId)).items;
  }

  it('writes nothing of a phone number, email, NHS number, postcode, name or birth date to disk', async () => {
    const id = 'conv-personal';
    await say(id, 'Hi, my name is Priya Sharma');
    await say(id, 'you can call me on 07700 900123 or +44 7700 900124');
    await say(id, 'my email is priya.sharma@example.com');
    await say(id, 'my NHS number is 943 476 5919');
    await say(id, 'I live at LS6 2AB, born 12/03/1990');
    // Teams-style copies: an HTML attachment of the message, a submitted value, channel data, the sender's name.
    await say(id, 'my number is 07700 900125', {
      from: { id: 'user-1', name: 'Priya Sharma', aadObjectId: '00000000-1111-2222-3333-444444444444', role: 'user' },
      attachments: [{ contentType: 'text/html', content: '<p>my number is 07700&nbsp;900125, email priya.sharma@example.com</p>' }],
      value: { phone: '07700 900126', postcode: 'SW1A 1AA' },
      channelData: { tenant: { id: 't' }, note: 'priya.sharma@example.com 9434765919' },
    });
    expect(await app.persistence.writer.flush()).toBe(true);

    const files = filesUnder(dataDir);
    expect(files.length).toBeGreaterThan(10);
    const everything = files.map((file) => readFileSync(file, 'utf8')).join('\n');
    for (const needle of ['Priya', 'Sharma', '07700', '900123', '900124', '900125', '900126', '7700 900', 'example.com', '943 476 5919', '9434765919', 'LS6 2AB', 'SW1A', '12/03/1990', '1990', '00000000-1111']) {
      expect(everything).not.toContain(needle);
    }
    // And the conversation is still there to read, with the details replaced by what they were.
    const texts = (await transcript(id)).filter((a) => a.from.role === 'user').map((a) => a.text);
    expect(texts).toEqual([
      'Hi, my name is [name]',
      'you can call me on [phone] or [phone]',
      'my email is [email]',
      'my NHS number is [NHS number]',
      'I live at [postcode], born [date]',
      'my number is [phone]',
    ]);
  });

  it('keeps what staff need: messages in order, intent and score, risk events, locale and channel', async () => {
    const id = 'conv-shape';
    await say(id, 'what is IPT');
    await say(id, 'I want to end my life');
    await app.persistence.writer.flush();
    const entries = await transcript(id);
    const user = entries.filter((a) => a.type === 'message' && a.from.role === 'user');
    expect(user.map((a) => a.text)).toEqual(['what is IPT', 'I want to end my life']);
    const intents = entries.filter((a) => a.type === 'trace' && a.name === 'IntentRecognizer');
    expect(intents).toHaveLength(1);
    expect(Object.keys(intents[0].value as object).sort()).toEqual(['intent', 'score']);
    expect(intents[0].value).toMatchObject({ intent: 'AboutIpt' });
    const risk = entries.filter((a) => a.name === 'RiskEvent');
    expect(risk).toHaveLength(1);
    expect(risk[0].value).toEqual({ category: 'suicide', severity: 'immediate', who: 'self', when: 'current', frame: 'personal' });
    // The risk event sits right after the message that raised it, and the routes the guide gave follow.
    const riskIndex = entries.indexOf(risk[0]);
    expect(entries[riskIndex - 1].text).toBe('I want to end my life');
    const botTexts = entries.slice(riskIndex).filter((a) => a.type === 'message').map((a) => a.text ?? '').join('\n');
    expect(botTexts).toContain('999');
    expect(botTexts).toContain('116 123');
    expect(entries.some((a) => a.type === 'event' && a.name === 'emergencySupport')).toBe(true);
    for (const entry of entries) {
      expect(entry.channelId).toBe('emulator');
      expect(entry.locale).toBe('en-GB');
      expect(entry.from).toEqual({ id: entry.from.role, name: entry.from.role, role: entry.from.role });
      expect(JSON.stringify(entry)).not.toMatch(/serviceUrl|Test User|recogniser exploded/);
    }
    const times = entries.map((a) => String(a.timestamp));
    expect([...times].sort()).toEqual(times);
  });

  it('logs a turn that throws: the message and the replies the person got', async () => {
    const id = 'conv-throws';
    recognizer.failNext = true;
    await postJson(`${base}/api/messages`, messageActivity(serviceUrl, 'what is IPT', id));
    await connector.waitUntil(() => connector.for(id, 'message').length >= 2);
    await app.persistence.writer.flush();
    const entries = await transcript(id);
    expect(entries.map((a) => a.type)).toEqual(['message', 'message', 'message']);
    expect(entries[0].text).toBe('what is IPT');
    expect(entries[1].text).toMatch(/Sorry, something went wrong/);
    expect(entries[2].text).toContain('999');
  });

  it('a Teams channel thread and its parent are different transcripts', async () => {
    const parent = '19:abc@thread.tacv2';
    const thread = `${parent};messageid=1700000000000`;
    await say(parent, 'what is IPT', { channelId: 'msteams' });
    await say(thread, 'who does it help', { channelId: 'msteams' });
    await app.persistence.writer.flush();
    expect((await transcript(parent, 'msteams')).filter((a) => a.type === 'message' && a.from.role === 'user').map((a) => a.text)).toEqual(['what is IPT']);
    expect((await transcript(thread, 'msteams')).filter((a) => a.type === 'message' && a.from.role === 'user').map((a) => a.text)).toEqual(['who does it help']);
    await app.persistence.eraseConversation('msteams', parent);
    expect(await transcript(parent, 'msteams')).toEqual([]);
    expect((await transcript(thread, 'msteams')).length).toBeGreaterThan(0);
  });
});

/** Storage that fails to read while `broken`: a fault after the gate has screened the message. */
class BreakableStorage implements Storage {
  broken = false;
  private readonly inner = new MemoryStorage();
  async read(keys: string[]): Promise<StoreItems> {
    if (this.broken) throw new Error('disk on fire');
    return this.inner.read(keys);
  }
  write(changes: StoreItems) {
    return this.inner.write(changes);
  }
  delete(keys: string[]) {
    return this.inner.delete(keys);
  }
}

describe('a risk turn that throws', () => {
  it('still logs the message, the risk event and the crisis routes the gate sent', async () => {
    const storage = new BreakableStorage();
    const harness = createBotHarness({}, { recognizer, storage });
    storage.broken = true;
    await harness.adapter.send('I am going to kill myself tonight').startTest();
    await harness.persistence.writer.flush();
    const { channelId, conversation } = harness.adapter.conversation;
    const entries = (await harness.persistence.transcripts.getTranscriptActivities(channelId, conversation.id)).items;
    expect(entries[0]).toMatchObject({ type: 'message', text: 'I am going to kill myself tonight' });
    expect(entries[1]).toMatchObject({ name: 'RiskEvent', value: { category: 'suicide', severity: 'immediate' } });
    const botText = entries.filter((a) => a.type === 'message' && a.from.role === 'bot').map((a) => a.text).join('\n');
    expect(botText).toContain('116 123');
    expect(botText).toMatch(/Sorry, something went wrong/);
  });
});

describe('turns without anything from the person', () => {
  it('a welcome on joining leaves no transcript', async () => {
    const harness = createBotHarness({}, { recognizer });
    await harness.adapter
      .send({ type: 'conversationUpdate', membersAdded: [{ id: 'user1', name: 'User1' }], recipient: { id: 'bot', name: 'Bot' } } as Partial<Activity>)
      .startTest();
    expect(harness.adapter.activeQueue.some((a) => a.type === 'message')).toBe(true);
    await harness.persistence.writer.flush();
    expect(await harness.persistence.transcripts.conversations()).toEqual([]);
  });
});
