import { eventsOf, realBot, say, textOf } from './safetyDialogHarness';
import { crisisBot } from './crisisDialogSupport';

/**
 * The crisis and check-in dialogs on the real bot, through the turns after the first reply: short,
 * unclear follow-ups never close or soften what is still going on.
 */

const WEBCHAT = { channelId: 'webchat', locale: 'en-GB' };
const ENGLAND = { nation: 'england', ageGroup: '35_plus' } as const;

describe('a physical emergency stays one through terse follow-ups', () => {
  // Short replies that say nothing about help being on the way: each keeps 999 and the event.
  const terse = ['right', 'not sure how many he had', 'she is breathing i reckon', 'theres nobody else in', 'she keeps drifting off'];

  it('keeps 999 in the reply and raises the emergency again on every terse turn', async () => {
    const { adapter } = await realBot(ENGLAND, WEBCHAT);
    const first = await say(adapter, 'my dad has swallowed a whole bottle of his pills');
    expect(eventsOf(first)).toHaveLength(1);
    for (const line of terse) {
      const replies = await say(adapter, line);
      expect(textOf(replies)).toContain('999');
      expect(eventsOf(replies).map((event) => event.value)).toContainEqual(expect.objectContaining({ severity: 'immediate' }));
      expect(textOf(replies)).not.toMatch(/Well done for getting help|glad/i);
    }
  });

  it('stops raising it once help is on the way', async () => {
    const { adapter } = await realBot(ENGLAND, WEBCHAT);
    await say(adapter, 'my dad has swallowed a whole bottle of his pills');
    const coming = await say(adapter, 'paramedics are on their way now');
    expect(textOf(coming)).toContain('Well done for getting help');
    expect(eventsOf(coming)).toHaveLength(0);
  });
});

describe('a weak "fine" is no clear claim of safety once the question was left open', () => {
  it('insisting on "fine" after a side question keeps the question open, and "not fine" brings the reply back', async () => {
    const { adapter } = await realBot(ENGLAND, WEBCHAT);
    await say(adapter, 'i want to end my life');
    await say(adapter, 'hmm');
    const insisted = textOf(await say(adapter, 'like i said im ok'));
    expect(insisted).not.toMatch(/glad you're safe/);
    expect(insisted).toContain('999');
    expect(insisted).toMatch(/safe right now\?/);
    expect(textOf(await say(adapter, 'actually not so ok'))).toContain('999');
  });

  it('after a clear "safe", taking it back opens the question again', async () => {
    const { adapter } = await realBot(ENGLAND, WEBCHAT);
    await say(adapter, 'i want to end my life');
    expect(textOf(await say(adapter, "yes i'm safe, my brother is here"))).toMatch(/glad you're safe/);
    const back = await say(adapter, 'actually no i am not safe');
    expect(textOf(back)).toContain('999');
    expect(textOf(back)).toMatch(/safe/);
  });
});

describe('a clear "yes, I\'m safe, someone is with me" to the check-in', () => {
  it('gets thanks and the lines to talk to, never 999 again', async () => {
    // The detector's reading of such an opening (detect14's part): a possible risk, said to be safe now.
    const opening = 'rough few days, the thought of ending it crossed my mind. safe now, honest, just want to chat';
    const adapter = await crisisBot({ [opening]: { severity: 'concern', possible: true, saidSafe: true } });
    const opened = textOf(await say(adapter, opening));
    expect(opened).toContain('116 123');
    const reply = textOf(await say(adapter, 'yeah, im safe now. my flatmate is home with me'));
    expect(reply).toMatch(/glad you're safe/);
    expect(reply).toContain('116 123');
    expect(reply).not.toContain('999');
  });
});

describe('a young person telling of violence at home', () => {
  it('gets Childline beside the other routes', async () => {
    const { adapter } = await realBot({ nation: 'england', ageGroup: 'under_18' }, WEBCHAT);
    const reply = textOf(await say(adapter, 'my stepdad punched my older sister last night and shoved me into the wall'));
    expect(reply).toContain('999');
    expect(reply).toContain('0800 1111');
  });
});
