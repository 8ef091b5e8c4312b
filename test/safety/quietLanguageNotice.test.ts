import { isForeignNotice, suggested } from './crisisDialogSupport';
import { eventsOf, realBot, say, textOf } from './safetyDialogHarness';

/**
 * The notice for a message in another language, through the real gate, middleware and dialogs:
 * crisis numbers only where they belong. A routine question gets "English only" and "help now"
 * (with a button) in that language; risk, or an open safety question, gets the numbers themselves.
 */

const WEBCHAT = { channelId: 'webchat', locale: 'en-GB' };
const CRISIS_NUMBER = /999|116 123/;

describe('the language notice', () => {
  it.each([
    ['pl', 'Czy mogę przyjść na pierwszą wizytę razem z mężem?'],
    ['cy', 'Faint o amser mae rhaid aros am therapi?'],
    ['es', '¿Cuánto tiempo hay que esperar para empezar la terapia?'],
  ])('a routine question (%s): English only, "help now" and its button, no crisis number', async (_language, text) => {
    const { adapter } = await realBot(undefined, WEBCHAT);
    const replies = await say(adapter, text);
    const shown = replies.filter((reply) => reply.type === 'message');
    expect(shown.length).toBe(1);
    expect(isForeignNotice(shown[0])).toBe(true);
    expect(textOf(shown)).toContain('help now');
    expect(textOf(shown)).not.toMatch(CRISIS_NUMBER);
    expect(suggested(replies)).toEqual(['Help now']);
    expect(eventsOf(replies)).toHaveLength(0);
  });

  it('"help now" after the quiet notice gives the numbers', async () => {
    const { adapter } = await realBot(undefined, WEBCHAT);
    await say(adapter, 'Gdzie mogę znaleźć formularz zgłoszeniowy na terapię?');
    expect(textOf(await say(adapter, 'help now'))).toMatch(/999[\s\S]*116 123/);
  });

  it('risk in the message: the numbers in the notice, then the hand-off', async () => {
    const { adapter } = await realBot(undefined, WEBCHAT);
    const replies = await say(adapter, 'Nie chcę już żyć, mam przygotowane tabletki');
    const shown = replies.filter((reply) => reply.type === 'message');
    expect(isForeignNotice(shown[0])).toBe(true);
    expect(textOf(shown.slice(0, 1))).toMatch(/999[\s\S]*116 123/);
    expect(eventsOf(replies).length).toBeGreaterThan(0);
  });

  it('no risk words, but "are you safe?" waits: the numbers first, then the question again', async () => {
    const { adapter } = await realBot(undefined, WEBCHAT);
    await say(adapter, 'i want to end my life tonight');
    const replies = await say(adapter, 'dziękuję, rozumiem');
    const shown = replies.filter((reply) => reply.type === 'message');
    expect(textOf(shown.slice(0, 1))).toMatch(/999/);
    expect(suggested(replies)).toEqual(expect.arrayContaining(["Yes, I'm safe", 'No']));
  });
});
