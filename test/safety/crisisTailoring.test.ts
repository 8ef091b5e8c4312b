import { eventsOf, realBot, say, textOf } from './safetyDialogHarness';
import { sayOnce } from './crisisDialogSupport';

/**
 * Nation and age said in the risk message itself, or during the crisis reply, tailor its routes
 * and stay in the conversation's profile: through the real gate, detector and MainDialog.
 */

const WEBCHAT = { channelId: 'webchat', locale: 'en-GB' };

const fresh = () => realBot(undefined, WEBCHAT);

describe('nation and age in the risk message', () => {
  it('a city in England: 111 for England, no Lifeline, and the profile keeps England', async () => {
    const { adapter } = await fresh();
    const text = textOf(await sayOnce(adapter, 'im in manchester and honestly i dont want to be alive anymore'));
    expect(text).toContain('999');
    expect(text).toContain('111');
    expect(text).not.toMatch(/Lifeline|0808 808 8000/);
  });

  it('Scotland: NHS 24 and Breathing Space, no Lifeline', async () => {
    const { adapter } = await fresh();
    const text = textOf(await sayOnce(adapter, 'live in dundee. i feel like killing myself tonight'));
    expect(text).toMatch(/NHS 24/);
    expect(text).toContain('0800 83 85 87');
    expect(text).not.toMatch(/Lifeline|0808 808 8000/);
  });

  it('Northern Ireland: Lifeline', async () => {
    const { adapter } = await fresh();
    const text = textOf(await sayOnce(adapter, 'belfast here. i want to die, i cant keep going like this'));
    expect(text).toContain('0808 808 8000');
    expect(text).not.toMatch(/NHS 24|Breathing Space/);
  });

  it('a 15-year-old: Childline', async () => {
    const { adapter } = await fresh();
    const text = textOf(await sayOnce(adapter, 'im 15 and i just want to die, nobody at school would even notice if i was gone'));
    expect(text).toContain('Childline');
    expect(text).toContain('0800 1111');
  });

  it('16 and in Edinburgh: Childline and the Scottish lines, no Lifeline', async () => {
    const { adapter } = await fresh();
    const text = textOf(await sayOnce(adapter, 'im 16 and live in edinburgh and i keep thinking about killing myself'));
    expect(text).toContain('0800 1111');
    expect(text).toMatch(/NHS 24/);
    expect(text).not.toMatch(/Lifeline|0808 808 8000/);
  });

  it('the nation kept is the conversation profile the rest of the bot reads', async () => {
    const harness = await realBot(undefined, WEBCHAT);
    await say(harness.adapter, 'belfast here. i want to die, i cant keep going like this');
    const key = 'webchat/conversations/Convo1/';
    const stored = await harness.storage.read([key]);
    expect(stored[key]?.UserProfile).toEqual({ nation: 'northern_ireland' });
  });
});

describe('nation said during the crisis reply', () => {
  it('"im in england if that helps" tailors the routes again (111 for England, no Lifeline), with 999 first and the question again', async () => {
    const { adapter } = await fresh();
    const first = textOf(await sayOnce(adapter, 'i want to die'));
    expect(first).toContain('0808 808 8000');
    const replies = await sayOnce(adapter, 'im in england if that helps');
    const text = textOf(replies);
    expect(eventsOf(replies)).toHaveLength(0);
    expect(text.indexOf('999')).toBeLessThan(text.indexOf('111'));
    expect(text).toContain('111');
    expect(text).not.toMatch(/Lifeline|0808 808 8000|glad you're safe/);
    expect(text).toMatch(/safe right now\?/);
  });
});

describe('age during the crisis reply', () => {
  it('a 15-year-old who says they are not safe: 999 first, and Childline', async () => {
    const { adapter } = await fresh();
    await sayOnce(adapter, 'im 15 and i just want to die, nobody at school would even notice if i was gone');
    const text = textOf(await sayOnce(adapter, 'no im not safe'));
    expect(text.indexOf('999')).toBeGreaterThan(-1);
    expect(text.indexOf('999')).toBeLessThan(text.indexOf('0800 1111'));
  });

  it('an adult who says they are not safe: 999 only', async () => {
    const { adapter } = await fresh();
    await sayOnce(adapter, 'im 40 and i just want to die');
    expect(textOf(await sayOnce(adapter, 'no im not safe'))).not.toContain('0800 1111');
  });
});

describe('after saying safe, "what do i do if it gets bad again"', () => {
  it('starts the safety plan', async () => {
    const { adapter } = await fresh();
    await say(adapter, 'im in manchester and honestly i dont want to be alive anymore');
    await say(adapter, 'ok im safe now, my flatmate just got in and shes sat with me');
    const text = textOf(await sayOnce(adapter, 'what do i do if it gets bad again tonight tho'));
    expect(text).toMatch(/plan/i);
    expect(text).not.toMatch(/didn't understand/);
  });
});
