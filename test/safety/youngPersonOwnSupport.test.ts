import { eventsOf, say, textOf } from './safetyDialogHarness';
import { crisisBot } from './crisisDialogSupport';

/**
 * A parent asking about their child, then what the child could use on their own: a guess by the
 * backstop alone is that question (Childline), not a check-in about the parent. A risk the lexicon
 * found, an urgent one, or the same words with no young person asked about, still get the safety reply.
 */

const ASK_FOR_CHILD = 'my lad is 14 and has been really down since we moved, could ipt help him';
const OWN_WAY = "anyone he could ring himself if he won't open up to me";
const GUESS = { category: 'suicide' as const, severity: 'concern' as const, possible: true, who: 'self' as const };

describe("a young person's own support, asked for by their parent", () => {
  it('gets Childline and no check-in, when only the backstop guessed', async () => {
    const adapter = await crisisBot({ [OWN_WAY]: GUESS }, {});
    await say(adapter, ASK_FOR_CHILD);
    const replies = await say(adapter, OWN_WAY);
    const text = textOf(replies);
    expect(text).toMatch(/0800 1111/);
    expect(text).not.toMatch(/harming yourself|are you safe|worried about someone/i);
    expect(eventsOf(replies)).toHaveLength(0);
  });

  it('still gets the safety reply when the risk is urgent', async () => {
    const adapter = await crisisBot({ [OWN_WAY]: { ...GUESS, severity: 'immediate' } }, {});
    await say(adapter, ASK_FOR_CHILD);
    expect(textOf(await say(adapter, OWN_WAY))).toMatch(/999/);
  });

  it('still gets the safety reply when the lexicon found it', async () => {
    const adapter = await crisisBot({ [OWN_WAY]: { ...GUESS, possible: false } }, {});
    await say(adapter, ASK_FOR_CHILD);
    expect(textOf(await say(adapter, OWN_WAY))).toMatch(/999/);
  });

  it('still gets the check-in when no young person was asked about', async () => {
    const adapter = await crisisBot({ [OWN_WAY]: GUESS }, {});
    await say(adapter, 'what is ipt');
    expect(textOf(await say(adapter, OWN_WAY))).toMatch(/116 123|999/);
  });
});
