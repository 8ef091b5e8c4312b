import { isForeignNotice, suggested } from './crisisDialogSupport';
import { eventsOf, realBot, say, textOf } from './safetyDialogHarness';

/**
 * An answer to "are you safe?" in another language: the gate answers with its notice in that
 * language (999 first), and the person still gets the safety question's buttons to answer with.
 * Through the real gate (its language identifier), middleware and MainDialog.
 */

const WEBCHAT = { channelId: 'webchat', locale: 'en-GB' };

describe('an answer in another language while "are you safe?" waits', () => {
  it.each(['nie jestem bezpieczna', 'nie wiem co robić, jest mi bardzo źle'])('%s: the notice with 999 first, then the question again with its buttons', async (answer) => {
    const { adapter } = await realBot({ nation: 'england', ageGroup: '35_plus' }, WEBCHAT);
    await say(adapter, 'sorry my english not so good. i want to kill myself');
    const replies = await say(adapter, answer);
    const shown = replies.filter((reply) => reply.type === 'message');
    expect(textOf(shown)).toMatch(/999/);
    // 999 stays first: in the notice, before the question.
    expect(textOf(shown.slice(0, 1))).toMatch(/999/);
    expect(suggested(replies)).toEqual(expect.arrayContaining(["Yes, I'm safe", 'No', "I'm not sure"]));
    expect(textOf(replies)).not.toMatch(/glad you're safe/);
    expect(eventsOf(replies)).toHaveLength(0);
    // Then a tap on a button is read as usual.
    expect(textOf(await say(adapter, 'No'))).toMatch(/^Thank you for telling me\. Please call 999 now/);
  });

  it('with no safety question waiting, the notice answers the turn alone', async () => {
    const { adapter } = await realBot(undefined, WEBCHAT);
    const replies = await say(adapter, 'dzień dobry, czy mogę prosić o pomoc z terapią');
    const shown = replies.filter((reply) => reply.type === 'message');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every(isForeignNotice)).toBe(true);
  });
});
