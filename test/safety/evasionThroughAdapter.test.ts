import type { Activity } from 'botbuilder';
import { eventsOf, realBot, say, textOf } from './safetyDialogHarness';

/**
 * Risk hidden from a matcher, sent through the real bot (adapter, safety gate, dialogs): each
 * must start the emergency flow. And messages in other languages: a notice in that language,
 * the emergency flow as well when there is risk, and never the English "didn't understand".
 */

const RISK = 'I want to kill myself';

function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { [`level${i}`]: [value] };
  return value;
}

const hidden: Array<[string, Partial<Activity>]> = [
  ['zero-width characters inside two words', { type: 'message', text: 'I want to ki\u200bll my\u200dself' }],
  ['soft hyphens inside two words', { type: 'message', text: 'I want to ki\u00adll my\u00adself' }],
  ['bidi controls and a variation selector', { type: 'message', text: 'I want to \u202ekill\u202c my\ufe0fself' }],
  ['Cyrillic look-alike letters', { type: 'message', text: 'I w\u0430nt to k\u0456ll mys\u0435lf' }],
  ['a lone surrogate inside a word', { type: 'message', text: 'I want to ki\ud800ll myself' }],
  ['risk after 20,000 characters', { type: 'message', text: `${'IPT is a talking therapy about relationships and mood. '.repeat(500)}${RISK}` }],
  ['risk in the middle of 100 KB', { type: 'message', text: `${'We talked about work and sessions. '.repeat(1500)}${RISK}. ${'We talked about work and sessions. '.repeat(1500)}` }],
  ['risk inside a card value nested 12 deep', { type: 'message', value: nested(12, { note: RISK }) }],
  ['risk inside a Teams HTML attachment', { type: 'message', text: 'hello', attachments: [{ contentType: 'text/html', content: '<div><p>I want to <b>kill</b>&nbsp;myself</p></div>' }] }],
];

describe('risk hidden by an evasion still gets the emergency event (real adapter)', () => {
  it.each(hidden)('%s', async (_name, activity) => {
    const harness = await realBot();
    const replies = await say(harness.adapter, activity);
    expect(eventsOf(replies)[0]).toMatchObject({ name: 'emergencySupport', value: { category: 'suicide' } });
    expect(textOf(replies)).toContain('999');
  });

  it('the same plain words without risk stay quiet', async () => {
    const harness = await realBot();
    const replies = await say(harness.adapter, { type: 'message', text: 'I want to ki\u200bck off my\u200b session' });
    expect(eventsOf(replies)).toEqual([]);
  });
});

describe('messages in other languages (real adapter)', () => {
  it.each([
    ['chcę umrzeć', 'Przepraszam'],
    ['Dw i eisiau marw', "Mae'n ddrwg gen i"],
  ])('%p: a notice in that language, then the emergency flow', async (text, lead) => {
    const harness = await realBot();
    const replies = await say(harness.adapter, text);
    const all = textOf(replies);
    expect(all.indexOf(lead)).toBe(0);
    expect(all).toContain('116 123');
    expect(eventsOf(replies)[0]).toMatchObject({ name: 'emergencySupport', value: { category: 'suicide' } });
  });

  it.each([
    ['Mieszkam w Anglii od pięciu lat', 'Przepraszam'],
    ['Shwmae, sut wyt ti heddiw?', "Mae'n ddrwg gen i"],
    ['আমি আপনার সাথে কথা বলতে চাই', 'দুঃখিত'],
  ])('%p: only the notice answers the turn (no risk, no English fallback)', async (text, lead) => {
    const harness = await realBot();
    const replies = await say(harness.adapter, text);
    expect(textOf(replies).startsWith(lead)).toBe(true);
    expect(eventsOf(replies)).toEqual([]);
    expect(replies.filter((reply) => reply.type === 'message')).toHaveLength(1);
  });

  it.each(['ok', 'tak', 'nie', 'hi', 'yes please'])('%p is not taken for another language', async (text) => {
    const harness = await realBot();
    const replies = await say(harness.adapter, text);
    expect(textOf(replies)).not.toMatch(/Przepraszam|ddrwg/);
  });
});
