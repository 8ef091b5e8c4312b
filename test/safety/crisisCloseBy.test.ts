import { loadSafetyReplyWords } from '../../src/safety/safetyReply';
import { readSafeNow } from '../../src/safety/safetyAnswers';
import { settingsIn } from '../../src/safety/replySetting';
import { eventsOf, textOf } from './safetyDialogHarness';
import { crisisBot, sayOnce } from './crisisDialogSupport';

/**
 * Crisis dialog, issue 10 (crisis13): the reply fits the person in front of it. Someone on a
 * hospital ward hears of the call bell and the nurses, a teacher worried about a pupil hears of the
 * school's safeguarding lead, someone pregnant or with a new baby hears of the midwife, health
 * visitor or GP. Not wanting the police round, or not being able to phone at all, gets the other
 * ways in, and is never read as safe.
 */

const settings = (text: string) => settingsIn(text, loadSafetyReplyWords().settings);

describe('where the person is, read from their words (pure)', () => {
  it.each([
    ['hospital', 'writing this from my hospital bed, cant sleep'],
    ['hospital', "i'm on ward 14 after the operation"],
    ['hospital', 'got admitted on monday and still here'],
    ['school', 'a lad in year 9 showed me the marks on his arm'],
    ['school', 'one of the pupils in my tutor group said something worrying'],
    ['perinatal', "i'm 32 weeks and it's all coming back"],
    ['perinatal', 'since i gave birth i cant stop crying'],
    ['perinatal', 'my health visitor comes on thursday'],
  ])('%s: %j', (setting, text) => {
    expect(settings(text)).toContain(setting);
  });

  it.each([
    'i need to ward off these thoughts',
    'it started 3 weeks ago',
    'my appointment letter came today',
    'i used to love my job',
  ])('no setting: %j', (text) => {
    expect(settings(text)).toEqual([]);
  });
});

describe('on a hospital ward: the call bell and the nurses, as well as 999', () => {
  const opening = 'been on the ward nine days and tonight i just want it to be over for good';

  it('the first reply names the call bell, and keeps it while safety is open', async () => {
    const adapter = await crisisBot({ [opening]: { category: 'suicide', severity: 'immediate' } });
    expect(textOf(await sayOnce(adapter, opening))).toMatch(/call bell/i);
    const next = textOf(await sayOnce(adapter, "i hate bothering them, they're so busy"));
    expect(next).toMatch(/call bell|nurse/i);
    expect(next).not.toMatch(/glad you're safe/i);
  });

  it('a body in danger on a ward: the call bell beside 999', async () => {
    const text = 'in hospital since sunday and now my chest is crushing and i feel sick';
    const adapter = await crisisBot({ [text]: { category: 'medical', severity: 'immediate' } });
    const reply = textOf(await sayOnce(adapter, text));
    expect(reply).toMatch(/999/);
    expect(reply).toMatch(/call bell/i);
  });

  it('no ward said: no call bell', async () => {
    const text = 'tonight i just want it to be over for good';
    const adapter = await crisisBot({ [text]: { category: 'suicide', severity: 'immediate' } });
    expect(textOf(await sayOnce(adapter, text))).not.toMatch(/call bell/i);
  });
});

describe('a teacher worried about a pupil: the designated safeguarding lead, and the lines for a child', () => {
  it('names the DSL beside the NSPCC', async () => {
    const text = 'a girl from my year 7 class says her mum burns her with cigarettes';
    const adapter = await crisisBot({ [text]: { category: 'abuse', severity: 'immediate', who: 'child' } });
    const reply = textOf(await sayOnce(adapter, text));
    expect(reply).toMatch(/designated safeguarding lead/i);
    expect(reply).toMatch(/NSPCC/);
  });

  it('a parent (no school words) hears no DSL', async () => {
    const text = 'my little boy says his uncle locks him in the shed';
    const adapter = await crisisBot({ [text]: { category: 'abuse', severity: 'immediate', who: 'child' } });
    expect(textOf(await sayOnce(adapter, text))).not.toMatch(/safeguarding lead/i);
  });

  it('a pupil under 18 at risk hears of a teacher they trust', async () => {
    const text = "everyone at school hates me and i'm going to kill myself";
    const adapter = await crisisBot({ [text]: { category: 'suicide', severity: 'immediate' } }, { nation: 'england', ageGroup: 'under_18' });
    expect(textOf(await sayOnce(adapter, text))).toMatch(/teacher you trust/i);
  });

  it('an adult who mentions school hears no teacher line', async () => {
    const text = "work at the school is crushing me and i'm going to kill myself";
    const adapter = await crisisBot({ [text]: { category: 'suicide', severity: 'immediate' } });
    expect(textOf(await sayOnce(adapter, text))).not.toMatch(/teacher you trust|safeguarding lead/i);
  });
});

describe('pregnant or after a birth: the midwife, health visitor or GP, never "past and over"', () => {
  it('in the crisis reply', async () => {
    const text = "since the birth the thought of ending my life won't leave me";
    const adapter = await crisisBot({ [text]: { category: 'suicide', severity: 'immediate' } });
    const reply = textOf(await sayOnce(adapter, text));
    expect(reply).toMatch(/midwife, health visitor or GP/);
    expect(reply).toMatch(/999/);
  });

  it('in the gentle check-in, before the question', async () => {
    const text = "i'm 28 weeks pregnant and the dark thoughts i used to get are creeping in";
    const adapter = await crisisBot({ [text]: { category: 'suicide', severity: 'concern', possible: true } });
    const replies = await sayOnce(adapter, text);
    expect(textOf(replies)).toMatch(/midwife, health visitor or GP/);
    expect(textOf(replies)).not.toMatch(/in the past|past and over/i);
  });
});

describe('not wanting the police or 999: other ways in, 999 said once, never safe', () => {
  const opening = 'i have the tablets here and i am going to take them all tonight';

  it.each(['please dont send the police to my house', "i'm not having an ambulance turn up here", "don't ring 999 on me"])('%j (pure): reluctant, aimed at services, not safe', (text) => {
    const reading = readSafeNow(text);
    expect(reading.reluctant).toBe(true);
    expect(reading.aimedAtServices).toBe(true);
    expect(reading.label).not.toBe('safe');
  });

  it('Samaritans, Shout and the NHS line; 999 the first time only', async () => {
    const adapter = await crisisBot({ [opening]: { category: 'suicide', severity: 'immediate' } });
    await sayOnce(adapter, opening);
    const first = textOf(await sayOnce(adapter, 'please dont send the police to my house'));
    expect(first).toMatch(/116 123/);
    expect(first).toMatch(/85258/);
    expect(first).toMatch(/NHS 111/);
    expect(first).toMatch(/999/);
    expect(first).not.toMatch(/glad you're safe/i);
    const second = textOf(await sayOnce(adapter, 'no police, the neighbours would all know'));
    expect(second).toMatch(/85258/);
    expect(second).not.toMatch(/999/);
    expect(second).not.toMatch(/glad you're safe/i);
  });
});

describe('cannot phone at all: a way to text stays beside 999', () => {
  it('deaf, then not safe: Shout is in the reply', async () => {
    const opening = "i'm deaf so calls are no use to me. i want to end my life tonight";
    const adapter = await crisisBot({ [opening]: { category: 'suicide', severity: 'immediate' } });
    await sayOnce(adapter, opening);
    const reply = await sayOnce(adapter, 'not safe no');
    expect(textOf(reply)).toMatch(/999/);
    expect(textOf(reply)).toMatch(/85258/);
    expect(eventsOf(reply).length).toBeLessThanOrEqual(1);
  });

  it('no word about phones: the not-safe reply stays short, without Shout', async () => {
    const opening = 'i want to end my life tonight';
    const adapter = await crisisBot({ [opening]: { category: 'suicide', severity: 'immediate' } });
    await sayOnce(adapter, opening);
    expect(textOf(await sayOnce(adapter, 'not safe no'))).not.toMatch(/85258/);
  });
});

describe('a yes to the check-in that says clearly they are safe: thanks and help kept handy, no hand-off', () => {
  const opening = 'a while back i came close to taking something, i am getting help for it now';
  const checkIn = { [opening]: { category: 'suicide' as const, severity: 'concern' as const, possible: true } };

  it.each(["yeah sometimes. i'm safe now, my partner is home", 'yes it happens, i am safe right now. can you tell me about ipt'])('%j', async (answer) => {
    const adapter = await crisisBot(checkIn);
    await sayOnce(adapter, opening);
    const replies = await sayOnce(adapter, answer);
    const text = textOf(replies);
    expect(eventsOf(replies)).toHaveLength(0);
    expect(text).toMatch(/glad you're safe/i);
    expect(text).toMatch(/116 123/);
    expect(text).not.toMatch(/safe right now\?/);
  });

  it.each(["yes, i'm ok", "yes i'm safe but tonight might be different", 'yes and i am not safe'])('not clear enough: the hand-off, %j', async (answer) => {
    const adapter = await crisisBot(checkIn);
    await sayOnce(adapter, opening);
    const text = textOf(await sayOnce(adapter, answer));
    expect(text).toMatch(/999/);
    expect(text).toMatch(/safe right now\?/);
    expect(text).not.toMatch(/glad you're safe/i);
  });
});

describe('a guess at someone who says they may hurt someone: their question and the Respect line, never the victim\'s', () => {
  it.each([
    ['the model read harm to others', "i shoved my partner into the door tonight and i'm scared i'll hurt her properly next time", { category: 'harm_to_others' as const, who: 'adult' as const }],
    ['the model read it as their own risk', 'i lost my temper again and i hit him, i hate what i am turning into', { category: 'suicide' as const }],
  ])('%s', async (_case, text, guess) => {
    const adapter = await crisisBot({ [text]: { severity: 'concern', possible: true, ...guess } });
    const reply = textOf(await sayOnce(adapter, text));
    expect(reply).toMatch(/0808 802 4040/);
    expect(reply).toMatch(/hurting someone else/);
    expect(reply).not.toMatch(/is someone harming you/);
  });

  it('someone hurt by another person keeps the question that covers both', async () => {
    const text = 'my brother lost his temper with me and hit me';
    const adapter = await crisisBot({ [text]: { category: 'suicide', severity: 'concern', possible: true } });
    const reply = textOf(await sayOnce(adapter, text));
    expect(reply).not.toMatch(/0808 802 4040/);
    expect(reply).toMatch(/someone harming you/);
  });
});
