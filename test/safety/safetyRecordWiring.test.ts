import { createBotHarness } from '../support/botHarness';

/** The product's own wiring (src/app.ts) records every risk event on the conversation for staff. */
describe('risk is recorded on the conversation for staff review', () => {
  it('stores category, severity and rule ids, never the words', async () => {
    const harness = createBotHarness();
    await harness.ready;
    const words = 'I want to end my life tonight';
    await harness.adapter.send(words).startTest();

    const keys = Object.keys((harness.storage as unknown as { memory: Record<string, string> }).memory);
    const conversationKey = keys.find((key) => key.includes('/conversations/'));
    expect(conversationKey).toBeDefined();
    const stored = await harness.storage.read([conversationKey!]);
    const record = stored[conversationKey!].SafetyRecord as { events: Array<Record<string, unknown>> };
    expect(record.events).toHaveLength(1);
    expect(record.events[0]).toMatchObject({ category: 'suicide', severity: 'immediate', response: 'emergency', negated: false });
    expect(JSON.stringify(stored)).not.toMatch(/end my life/i);
  });
});
