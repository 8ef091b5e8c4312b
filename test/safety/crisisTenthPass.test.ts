import { checkInAnswer } from '../../src/safety/safetyAnswers';
import { routeSet } from '../../src/safety/crisisRoutes';
import { detectRisk } from '../../src/safety/detectRisk';
import { say, textOf } from './safetyDialogHarness';
import { ASKS_AGAIN, crisisBot, sayOnce } from './crisisDialogSupport';

/**
 * Tenth pass on the crisis follow-ups, by class. Through the real gate, detector and MainDialog
 * where a dialog is involved.
 */

describe('safety words taken back by a "not" that sits away from them, said to the check-in', () => {
  it.each(['no love, i could not tell you i am safe', 'i really dont think im safe tonight', 'no, i do not believe i am safe at home'])('%j is danger, read as a yes (pure)', (text) => {
    expect(checkInAnswer(text)).toBe('yes');
  });

  it.each(['no, i am safe', 'nope im safe thanks', 'no', 'no never'])('%j stays a no (pure)', (text) => {
    expect(checkInAnswer(text)).toBe('no');
  });

  it('hands over to 999 and asks again, never "thanks for answering"', async () => {
    const adapter = await crisisBot({ 'MAYBE RISK': { category: 'suicide', severity: 'concern', possible: true } });
    await say(adapter, 'MAYBE RISK');
    const text = textOf(await sayOnce(adapter, 'no, i would not say that i am safe'));
    expect(text).toMatch(/999/);
    expect(text).toMatch(ASKS_AGAIN);
    expect(text).not.toMatch(/Thank you for answering/);
  });
});

describe('a flat "ok" just after the check-in closed on a no', () => {
  it('keeps help in view and room to say more, never a thank-you and a topic menu; then the usual reply', async () => {
    const adapter = await crisisBot({ 'MAYBE RISK': { category: 'suicide', severity: 'concern', possible: true } });
    await say(adapter, 'MAYBE RISK');
    await say(adapter, 'nope');
    const first = textOf(await sayOnce(adapter, 'okay'));
    expect(first).toMatch(/116 123/);
    expect(first).not.toMatch(/welcome|Glad to help/i);
    const second = textOf(await sayOnce(adapter, 'fine'));
    expect(second).toMatch(/999/);
    expect(second).not.toBe(first);
    const third = textOf(await sayOnce(adapter, 'ok'));
    expect(third).not.toMatch(/116 123|999/);
  });

  it('ends once the person says something else', async () => {
    const adapter = await crisisBot({ 'MAYBE RISK': { category: 'suicide', severity: 'concern', possible: true } });
    await say(adapter, 'MAYBE RISK');
    await say(adapter, 'no');
    await say(adapter, 'what is ipt');
    expect(textOf(await sayOnce(adapter, 'ok'))).not.toMatch(/116 123/);
  });
});

describe('a child worried about someone else gets a line of their own', () => {
  const set = (kind: 'someone' | 'someone_abuse', ageGroup: 'under_18' | '35_plus' | undefined) =>
    routeSet({ kind, category: kind === 'someone' ? 'suicide' : 'abuse', nation: 'england', ageGroup }).main.map((route) => route.id);

  it.each(['someone', 'someone_abuse'] as const)('%s: Childline beside 999 for someone under 18', (kind) => {
    expect(set(kind, 'under_18')).toEqual(expect.arrayContaining(['emergency', 'childline']));
  });

  it.each(['someone', 'someone_abuse'] as const)('%s: no Childline for an adult, or when the age is not known', (kind) => {
    expect(set(kind, '35_plus')).not.toContain('childline');
    expect(set(kind, undefined)).not.toContain('childline');
  });
});

describe('a sleeping tablet or sedative taken with a drink of any kind is a physical emergency', () => {
  it.each([
    'took my sleeping tablets then two brandies after, bit woozy now',
    'had a diazepam and a couple of pints, is that bad',
    'i had my zopiclone and then a large glass of prosecco',
  ])('%j: 999 now (medical, immediate)', (text) => {
    expect(detectRisk(text, 'en-GB')).toMatchObject({ category: 'medical', severity: 'immediate' });
  });

  it('asking ahead whether they mix is not an emergency', () => {
    expect(detectRisk('can you drink sherry while on sleeping tablets', 'en-GB')?.severity).not.toBe('immediate');
  });
});
