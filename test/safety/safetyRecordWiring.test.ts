import { conversationStateKey } from '../../src/transcripts';
import { createBotHarness } from '../support/botHarness';

/** The product's own wiring (src/app.ts) records every risk event on the conversation for staff. */
describe('risk is recorded on the conversation for staff review', () => {
  it('stores category, severity and rule ids, never the words', async () => {
    const harness = createBotHarness();
    await harness.ready;
    const words = 'I want to end my life tonight';
    await harness.adapter.send(words).startTest();

    const { channelId, conversation } = harness.adapter.conversation;
    const conversationKey = conversationStateKey(channelId, conversation.id);
    const stored = await harness.storage.read([conversationKey]);
    const record = stored[conversationKey].SafetyRecord as { events: Array<Record<string, unknown>> };
    expect(record.events).toHaveLength(1);
    expect(record.events[0]).toMatchObject({ category: 'suicide', severity: 'immediate', response: 'emergency', negated: false });
    expect(JSON.stringify(stored)).not.toMatch(/end my life/i);
  });
});
