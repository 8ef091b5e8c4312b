import type { Activity } from 'botbuilder';
import { createLogger } from '../../src/logger';
import { createRecognizer } from '../../src/language';
import type { Recognizer } from '../../src/language/recognizer';
import { conversationStateKey } from '../../src/transcripts';
import { expiredConversations } from '../../src/transcripts/retention';
import { KeyedTranscriptStore } from '../../src/transcripts/transcriptStore';
import { MemoryBackend } from '../../src/transcripts/backends';
import { isEraseDeclined, isEraseRequest, isEraseConfirmed } from '../../src/language/eraseWords';
import { createBotHarness, type BotHarness } from '../support/botHarness';
import { say as sayTo, textOf } from '../support/turns';

let recognizer: Recognizer;
beforeAll(async () => {
  recognizer = await createRecognizer({ logger: createLogger('silent') });
});

/** The text of the bot's replies to one message. */
async function say(harness: BotHarness, text: string): Promise<string> {
  return textOf(await sayTo(harness.adapter, text));
}

async function entriesOf(harness: BotHarness): Promise<Activity[]> {
  await harness.persistence.writer.flush();
  const { channelId, conversation } = harness.adapter.conversation;
  return (await harness.persistence.transcripts.getTranscriptActivities(channelId, conversation.id)).items;
}

async function savedState(harness: BotHarness): Promise<unknown> {
  const { channelId, conversation } = harness.adapter.conversation;
  const key = conversationStateKey(channelId, conversation.id);
  return (await harness.storage.read([key]))[key];
}

describe('"delete my conversation" from the chat', () => {
  it('asks first, then deletes the transcript and saved state, and writes nothing of that turn', async () => {
    const harness = createBotHarness({}, { recognizer });
    await say(harness, 'what is IPT');
    await say(harness, 'I want to end my life');
    await say(harness, "Yes, I'm safe");
    expect((await entriesOf(harness)).some((a) => a.name === 'RiskEvent')).toBe(true);
    expect(await savedState(harness)).toBeDefined();

    const confirm = await say(harness, 'please delete my conversation');
    expect(confirm).toMatch(/delete this chat\?/);
    // The request itself is logged like any message until it is confirmed.
    const done = await say(harness, 'Yes, delete it');
    expect(done).toMatch(/I've deleted this chat/);
    expect(await entriesOf(harness)).toEqual([]);
    expect(await savedState(harness)).toBeUndefined();

    // The conversation goes on afresh, and is logged again from here.
    expect(await say(harness, 'what is IPT')).toMatch(/IPT/);
    expect((await entriesOf(harness)).map((a) => a.text)[0]).toBe('what is IPT');
  });

  it('anything but a clear yes keeps the chat', async () => {
    const harness = createBotHarness({}, { recognizer });
    await say(harness, 'what is IPT');
    await say(harness, 'delete my chat');
    expect(await say(harness, 'No, keep it')).toMatch(/kept it/);
    expect((await entriesOf(harness)).filter((a) => a.type === 'message' && a.from.role === 'user').map((a) => a.text)).toEqual([
      'what is IPT',
      'delete my chat',
      'No, keep it',
    ]);
  });

  it('an answer that is neither yes nor no gets the question once more, and nothing is deleted until a yes', async () => {
    const harness = createBotHarness({}, { recognizer });
    await say(harness, 'what is IPT');
    await say(harness, 'delete my chat');
    const again = await say(harness, 'is it gone now');
    expect(again).toMatch(/haven't deleted anything yet/);
    expect(again).not.toMatch(/kept it/);
    expect((await entriesOf(harness)).length).toBeGreaterThan(0);
    expect(await say(harness, 'yes')).toMatch(/I've deleted this chat/);
    expect(await entriesOf(harness)).toEqual([]);
  });

  it('asked again, anything but a yes keeps the chat', async () => {
    const harness = createBotHarness({}, { recognizer });
    await say(harness, 'delete my chat');
    await say(harness, 'hmm what happens to it');
    expect(await say(harness, 'what do you mean')).toMatch(/kept it/);
    expect((await entriesOf(harness)).length).toBeGreaterThan(0);
  });

  it('risk comes first: in the middle of the crisis dialog the request does not replace it', async () => {
    const harness = createBotHarness({}, { recognizer });
    await say(harness, 'I want to end my life');
    const reply = await say(harness, 'delete my conversation');
    expect(reply).not.toMatch(/delete this chat\?/);
    expect(reply).toContain('999');
  });

  test.each([
    ['delete my conversation', true],
    ['Please erase my data!', true],
    ['can you forget me', true],
    ['how do I delete my chat?', true],
    ['I want to delete my ex from my life', false],
    ['what is IPT', false],
  ])('request: %s -> %s', (text, expected) => {
    expect(isEraseRequest('en-GB', text)).toBe(expected);
  });

  test.each([
    ['Yes, delete it', true],
    ['yes please', true],
    ['ok', true],
    ['no', false],
    ['No, keep it', false],
    ['not sure', false],
    ['what does that mean', false],
  ])('confirmation: %s -> %s', (text, expected) => {
    expect(isEraseConfirmed('en-GB', text)).toBe(expected);
  });

  test.each([
    ['No, keep it', true],
    ['nah leave it', true],
    ['no thanks', true],
    ['is it gone now', false],
    ['yes', false],
  ])('a clear no: %s -> %s', (text, expected) => {
    expect(isEraseDeclined('en-GB', text)).toBe(expected);
  });
});

describe('erasure by staff and retention', () => {
  it('eraseConversation removes the transcript, queued entries and saved state of one conversation only', async () => {
    const harness = createBotHarness({}, { recognizer });
    await say(harness, 'what is IPT');
    const { channelId, conversation } = harness.adapter.conversation;
    await harness.persistence.transcripts.logActivity({ type: 'message', id: 'x', channelId, conversation: { id: `${conversation.id};messageid=2` }, timestamp: new Date() } as unknown as Activity);
    await harness.persistence.eraseConversation(channelId, conversation.id);
    expect(await entriesOf(harness)).toEqual([]);
    expect(await savedState(harness)).toBeUndefined();
    expect((await harness.persistence.transcripts.getTranscriptActivities(channelId, `${conversation.id};messageid=2`)).items).toHaveLength(1);
  });

  it('retention removes whole conversations whose last entry is older than the period', async () => {
    const day = 24 * 60 * 60 * 1000;
    const now = new Date('2026-12-06T12:00:00Z');
    const store = new KeyedTranscriptStore(new MemoryBackend());
    const log = (conversationId: string, daysAgo: number, id: string) =>
      store.logActivity({ type: 'message', id, channelId: 'webchat', conversation: { id: conversationId }, timestamp: new Date(now.getTime() - daysAgo * day) } as unknown as Activity);
    await log('old', 120, 'a');
    await log('old', 91, 'b');
    await log('mixed', 200, 'c');
    await log('mixed', 10, 'd');
    await log('new', 1, 'e');
    const expired = expiredConversations(await store.conversations(), 90, now);
    expect(expired.map((c) => c.conversationId)).toEqual(['old']);

    const harness = createBotHarness({ TRANSCRIPT_RETENTION_DAYS: '90' }, { recognizer });
    await say(harness, 'what is IPT');
    const { channelId, conversation } = harness.adapter.conversation;
    await harness.persistence.transcripts.logActivity({ type: 'message', id: 'z', channelId, conversation: { id: 'ancient' }, timestamp: new Date(Date.now() - 100 * day) } as unknown as Activity);
    expect(await harness.persistence.applyRetention()).toBe(1);
    expect((await harness.persistence.transcripts.getTranscriptActivities(channelId, 'ancient')).items).toEqual([]);
    expect((await entriesOf(harness)).length).toBeGreaterThan(0);
    expect(conversation.id).toBeTruthy();
  });
});
