import type { RiskAssessment } from '../../src/safety/types';
import { readForWhomRequest, readRouteRequest } from '../../src/safety/routeRequest';
import { cardActions, realBot, say, textOf } from './safetyDialogHarness';
import { sayOnce, scriptedRisk } from './crisisDialogSupport';

/**
 * "whats the respect number again": asking for a route by name during or after a crisis reply
 * gives that route (number in the text and on a button), then the open question again. Through the
 * real gate and MainDialog; the first message's assessment is hand-made (scriptedRisk).
 */

const WEBCHAT = { channelId: 'webchat', locale: 'en-GB' };

async function botWith(script: Record<string, Partial<RiskAssessment>>, profile: Parameters<typeof realBot>[0] = { nation: 'england', ageGroup: '35_plus' }) {
  const harness = await realBot(profile, WEBCHAT);
  harness.adapter.use(scriptedRisk(script));
  return harness.adapter;
}

describe('reading a request for a route (pure)', () => {
  it.each<[string, string[] | undefined]>([
    ['whats the respect number again', ['respect']],
    ['can i have the samaritans number', ['samaritans']],
    ['what was the number for childline?', ['childline']],
    ['whats the email for samaritans email', ['samaritans_email']],
    ['whats the 111 number', ['nhs111_england']],
    ['i dont want to ring samaritans', undefined],
    ['i respect that', undefined],
    ['do you respect me?', undefined],
    ['what is ipt', undefined],
  ])('%s -> %j', (text, ids) => {
    expect(readRouteRequest(text, 'en-GB', 'england')).toEqual(ids);
  });

  // Requests are counted in words, read from the first characters when those already hold too many.
  it.each([
    ['dots', '.'],
    ['dashes and spaces', ' - '],
    ['emoji', '🙂'],
  ])('a request after 2,000 characters of %s is still read', (_name, unit) => {
    const padding = unit.repeat(Math.ceil(2_000 / unit.length));
    expect(readRouteRequest(`${padding} can i have the samaritans number`, 'en-GB', 'england')).toEqual(['samaritans']);
    expect(readForWhomRequest(`${padding} where would a pupil go for help`, 'en-GB')).toEqual(readForWhomRequest('where would a pupil go for help', 'en-GB'));
    expect(readForWhomRequest('where would a pupil go for help', 'en-GB')).toBeDefined();
  });

  it('a request in more than fourteen words, or a long paste around one, is not one', () => {
    expect(readRouteRequest('ok so yeah i was just wondering can i have the samaritans number please', 'en-GB', 'england')).toEqual(['samaritans']);
    expect(readRouteRequest('ok so yeah i was just wondering if i could maybe have the samaritans number please', 'en-GB', 'england')).toBeUndefined();
    expect(readRouteRequest(`can i have the samaritans number ${'we talked about my week at work. '.repeat(3_000)}`, 'en-GB', 'england')).toBeUndefined();
  });
});

describe('asking for a route during or after a crisis reply', () => {
  it('during: the Respect line with its number, then the question again (not the same reply as before)', async () => {
    const adapter = await botWith({ 'HARM MESSAGE': { category: 'harm_to_others', who: 'adult' } });
    await sayOnce(adapter, 'HARM MESSAGE');
    const before = textOf(await sayOnce(adapter, 'would ipt help someone like me'));
    const replies = await sayOnce(adapter, 'whats the respect number again');
    const text = textOf(replies);
    expect(text).toContain('Respect Phone Line');
    expect(text).toContain('0808 802 4040');
    // Their safety is not known yet: 999 stays first.
    expect(cardActions(replies).map((action) => action.url)).toEqual(['tel:999', 'tel:08088024040']);
    expect(text).toMatch(/safe right now\?/);
    expect(text).not.toBe(before);
  });

  it('after the person said they are safe: the route, no fallback', async () => {
    const adapter = await botWith({ 'RISK MESSAGE': {} });
    await say(adapter, 'RISK MESSAGE');
    await say(adapter, "yes I'm safe");
    const text = textOf(await sayOnce(adapter, 'can i have the samaritans number please'));
    expect(text).toContain('116 123');
    expect(text).not.toMatch(/didn't understand|glad you're safe/);
  });

  it('"I\'ve called 999" is still an answer, not a request', async () => {
    const adapter = await botWith({ 'MEDICAL': { category: 'medical', who: 'adult' } });
    await say(adapter, 'MEDICAL');
    expect(textOf(await say(adapter, "i've called 999"))).toContain('Well done for getting help');
  });
});
