import { readSafeNow } from '../../src/safety/safetyAnswers';
import { eventsOf, say, textOf } from './safetyDialogHarness';
import { ASKS_AGAIN, afterOwnCrisis, crisisBot, sayOnce, wordCount } from './crisisDialogSupport';

/**
 * Follow-ups to the crisis reply, sixth pass, by class: reassurance taken back by a "but", a
 * dangerous place or the means at hand said beside "I'm fine", reassurance about the wrong person
 * (whose safety?), a physical emergency in the middle of the person's own crisis, and the gentle
 * check-in naming the lines that fit the person's nation and age. Through the real gate, detector,
 * MainDialog and the dialogs; a hand-made assessment only where the kind of risk is the point.
 */

const SAFE_CLAIM = /glad (that )?(you('| a)re|they('| a)re) safe/i;

describe('reassurance taken back by a "but"', () => {
  it.each([
    'safe for now but i dont trust myself later',
    'im ok but i still get the thoughts',
    'yeah fine, though i keep going over it',
    "i'm alright apart from wanting to disappear",
    'im safe but honestly part of me doesnt care',
  ])('%j is not safe (pure)', (text) => {
    expect(['unsure', 'notSafe', 'unknown']).toContain(readSafeNow(text).label);
  });

  it.each(['yes im safe but thanks', "i'm safe, but thank you", 'im fine though'])('%j stays safe: nothing follows the "but" (pure)', (text) => {
    expect(readSafeNow(text).label).toBe('safe');
  });

  it.each(['im ok but i still get the thoughts', 'i am safe at home but it could change'])('%j keeps 999 and asks again, never "glad you\'re safe"', async (message) => {
    const adapter = await afterOwnCrisis();
    const text = textOf(await sayOnce(adapter, message));
    expect(text).toMatch(/999/);
    expect(text).toMatch(ASKS_AGAIN);
    expect(text).not.toMatch(SAFE_CLAIM);
  });
});

describe('"I\'m fine" beside a dangerous place or the means at hand', () => {
  it.each([
    "i'm ok, i'm on the bridge but i'm ok",
    'im fine sat on the roof',
    'yeah im fine, got the tablets in front of me',
    'i still have the rope but im ok',
    'im alright, standing on the platform edge',
  ])('%j is not safe (pure)', (text) => {
    expect(readSafeNow(text).label).toBe('notSafe');
  });

  it.each(['i gave the tablets to my sister, im safe', 'im safe, the knife is locked away'])('%j, making things safer, stays safe (pure)', (text) => {
    expect(readSafeNow(text).label).toBe('safe');
  });

  it.each(['im fine. ive already said goodbye to my mum', 'all good, just finished writing my note', "i'm ok, the engine's running in the garage", 'yeah fine, gave my stuff away today'])(
    '%j, a goodbye or a step already taken, is not safe (pure)',
    (text) => {
      expect(readSafeNow(text).label).toBe('notSafe');
    },
  );

  it('gets 999 and the question again, with no claim of safety', async () => {
    const adapter = await afterOwnCrisis();
    const text = textOf(await sayOnce(adapter, 'im fine honestly, just sitting on the cliff edge'));
    expect(text).toMatch(/call 999/);
    expect(text).toMatch(ASKS_AGAIN);
    expect(text).not.toMatch(SAFE_CLAIM);
  });

  it('"I don\'t trust myself" is danger, not reluctance to call', () => {
    for (const text of ["i don't trust myself tonight", 'cant trust myself right now']) {
      expect(readSafeNow(text)).toMatchObject({ label: 'notSafe', reluctant: false });
    }
    expect(readSafeNow("i don't trust helplines")).toMatchObject({ reluctant: true, aimedAtServices: true });
  });
});

describe('whose safety: reassurance about someone other than the one asked about', () => {
  const FRIEND = { 'FRIEND AT RISK': { category: 'suicide' as const, severity: 'immediate' as const, who: 'adult' as const } };

  it.each([
    ["i'm safe", 'self'],
    ['yes i am', 'self'],
    ["she's fine now, her mum is with her", 'other'],
    ['my brother is safe', 'other'],
    ['yes they are', 'other'],
  ])('%j is about %s (pure)', (text, about) => {
    expect(readSafeNow(text).about).toBe(about);
  });

  it.each(["i'm safe", 'im ok myself', 'yeah i am fine'])('asked "are they safe?", %j asks about them again with 999', async (answer) => {
    const adapter = await crisisBot(FRIEND);
    expect(textOf(await say(adapter, 'FRIEND AT RISK'))).toContain('Are they safe right now?');
    const text = textOf(await sayOnce(adapter, answer));
    expect(text).toMatch(/999/);
    expect(text).toMatch(/asking about the person/);
    expect(text).toMatch(/they are safe right now\?/);
    expect(text).not.toMatch(SAFE_CLAIM);
  });

  it('asked about them, "they\'re safe now, her mum is with her" settles it', async () => {
    const adapter = await crisisBot(FRIEND);
    await say(adapter, 'FRIEND AT RISK');
    expect(textOf(await sayOnce(adapter, "she's safe now, her mum is with her"))).toMatch(/glad they're safe/);
  });

  it.each(["she's safe, she's with me", "my sister's safe now"])('asked "are you safe?", %j asks about the person themselves', async (answer) => {
    const adapter = await afterOwnCrisis();
    const text = textOf(await sayOnce(adapter, answer));
    expect(text).toMatch(/I was asking about you/);
    expect(text).toMatch(ASKS_AGAIN);
    expect(text).not.toMatch(SAFE_CLAIM);
  });
});

describe('a physical emergency in the middle of the person\'s own crisis', () => {
  const MEDICAL = { category: 'medical' as const, severity: 'immediate' as const, who: 'adult' as const };

  it.each(['hang on my dad has just collapsed and isnt breathing', 'my flatmate is fitting on the floor', "mum's face has dropped on one side and she can't talk"])(
    '%j: 999 now, short, and "is help on the way?", never "are you safe?"',
    async (message) => {
      const adapter = await crisisBot({ [message]: MEDICAL });
      await say(adapter, 'i really want to end my life');
      await say(adapter, 'not sure');
      const replies = await sayOnce(adapter, message);
      const text = textOf(replies);
      expect(eventsOf(replies)).toHaveLength(1);
      expect(text.indexOf('999')).toBeGreaterThan(-1);
      expect(text).toMatch(/help on the way/i);
      expect(text).not.toMatch(ASKS_AGAIN);
      expect(wordCount(text)).toBeLessThanOrEqual(60);
    },
  );

  it('once help is coming and the person chooses to go back, their own question comes again', async () => {
    const message = 'my dad just collapsed he is not breathing';
    const adapter = await crisisBot({ [message]: MEDICAL });
    await say(adapter, 'i really want to end my life');
    await say(adapter, message);
    const coming = textOf(await sayOnce(adapter, 'ambulance is on the way'));
    expect(coming).toMatch(/Well done for getting help/);
    expect(coming).not.toMatch(ASKS_AGAIN);
    expect(textOf(await sayOnce(adapter, 'Back to what we were doing'))).toMatch(ASKS_AGAIN);
  });

  it('through the real detector too', async () => {
    const adapter = await afterOwnCrisis();
    const replies = await sayOnce(adapter, 'oh god my dad just collapsed and hes not breathing');
    expect(textOf(replies)).toMatch(/999/);
    expect(textOf(replies)).not.toMatch(ASKS_AGAIN);
  });
});

describe('someone under 18 who cannot tell anyone', () => {
  it.each(['i cant tell anyone', "i don't want to talk to anyone"])('%j: other ways, with Childline, once', async (message) => {
    const adapter = await afterOwnCrisis({ nation: 'wales', ageGroup: 'under_18' });
    const text = textOf(await sayOnce(adapter, message));
    expect(text).toContain('85258');
    expect(text.split('0800 1111').length - 1).toBe(1);
  });
});

describe('the gentle check-in names the lines that fit the person', () => {
  const LESSER = { 'LESSER RISK': { category: 'suicide' as const, severity: 'concern' as const, negated: true } };

  it.each([
    [{ nation: 'england' as const, ageGroup: '35_plus' as const }, ['NHS 111'], ['0800 1111', '0808 808 8000']],
    [{ nation: 'northern_ireland' as const, ageGroup: '18_to_34' as const }, ['0808 808 8000'], ['0800 1111']],
    [{ nation: 'scotland' as const, ageGroup: 'under_18' as const }, ['NHS 24', '0800 1111'], ['0808 808 8000']],
  ])('%j: 999 first, then %j, never %j', async (profile, present, absent) => {
    const adapter = await crisisBot(LESSER, profile);
    const text = textOf(await sayOnce(adapter, 'LESSER RISK'));
    for (const line of present) expect(text.indexOf(line)).toBeGreaterThan(text.indexOf('999'));
    for (const line of absent) expect(text).not.toContain(line);
  });

  it('with nothing known, stays one short line (999 and Samaritans)', async () => {
    const adapter = await crisisBot(LESSER, {});
    const text = textOf(await sayOnce(adapter, 'LESSER RISK'));
    expect(text).toMatch(/999/);
    expect(text).toMatch(/116 123/);
    expect(text).not.toMatch(/NHS 111|0800 1111/);
  });
});
