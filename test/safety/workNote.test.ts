import { eventsOf, realBot, say, textOf } from './safetyDialogHarness';

/**
 * Work or study talk with risk words gets the answer and one line of routes, through the real gate
 * and dialogs: about a child, the lines for children and for adults worried about one; a question
 * about how the guide handles risk, the same line as other work talk. Never the hand-off.
 */
const WEBCHAT = { channelId: 'webchat', locale: 'en-GB' };

describe('the line of routes for work and study talk', () => {
  it('a teacher asking about a pupil: Childline and the NSPCC, no crisis numbers, no event', async () => {
    const { adapter } = await realBot(undefined, WEBCHAT);
    const replies = await say(adapter, "I'm a teacher, what should I do if a pupil tells me they self harm?");
    const text = textOf(replies);
    expect(text).toContain('Childline');
    expect(text).toContain('0800 1111');
    expect(text).toContain('NSPCC');
    expect(text).not.toMatch(/999|116 123/);
    expect(eventsOf(replies)).toHaveLength(0);
  });

  it('a question about what the guide does with risk: the work-talk line, no event', async () => {
    const { adapter } = await realBot(undefined, WEBCHAT);
    const replies = await say(adapter, 'what would this chat do if someone said they wanted to end their life?');
    expect(textOf(replies)).toContain('Samaritans');
    expect(textOf(replies)).not.toContain('Childline');
    expect(eventsOf(replies)).toHaveLength(0);
  });
});
