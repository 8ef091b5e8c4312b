import { detectRisk } from '../../src/safety/detectRisk';
import { safetyMode } from '../../src/safety/safetyReply';
import { segmentWords } from '../../src/safety/segmentWords';
import { realBot, say, textOf } from './safetyDialogHarness';
import type { RiskCategory, RiskWho } from '../../src/safety/types';

const WORDS: ReadonlySet<string> = new Set(['my', 'nan', 'nans', 'face', 'faces', 'is', 'drooping', 'droop', 'ping', 'myna', 'an', 'ace']);

/**
 * The third pass on issue 10's classes: one family a class, in wordings written for these tests
 * (never lines of a batch), with look-alikes that must stay quiet. A mode is what the person gets
 * (safetyReply.ts): a hand-off or a check-in sends the emergency event; a note does not.
 */
const mode = (text: string) => {
  const found = detectRisk(text);
  return found === null ? 'none' : safetyMode(found);
};

describe('physical emergencies told in plain words: 999 now', () => {
  it.each<string>([
    'my toddler got hold of the paracetamol and ate some, no idea how many',
    "the baby found my nan's pills on the table and swallowed a couple",
    "we don't know how many of her tablets she took",
    'he banged his head on the kerb and now he is really drowsy and keeps being sick',
    'one of her pupils looks bigger than the other since the fall',
    "his asthma attack won't settle and the inhaler isn't doing anything",
    'grandad is so breathless tonight and his ankles are really swollen',
    "mum is confused and not making sense, she's got a high temperature and is shivering",
    "I'm 35 weeks pregnant with a terrible headache and my vision has gone blurry",
    'he took his meds with a load of vodka and now his heart is racing and he is twitching',
  ])('"%s"', (text) => {
    expect(detectRisk(text)).toMatchObject({ category: 'medical', severity: 'immediate' });
  });

  it.each<string>([
    'my son takes his tablets every morning with breakfast',
    'I bumped my head on the cupboard, ouch',
    'my asthma has been better since the new inhaler',
    "I'm pregnant and a bit tired, is IPT ok during pregnancy?",
    'I was breathless after the park run but it was worth it',
  ])('stays quiet: "%s"', (text) => {
    expect(detectRisk(text)?.severity).not.toBe('immediate');
  });
});

describe('someone missing or out of reach, in danger now', () => {
  it.each<string>([
    "my 9 year old hasn't come home from football and his phone is switched off",
    'my daughter has run away and left a note saying she is meeting someone from snapchat',
    'my brother has been missing since last night and he is not well',
    "my friend went out into the sea after a few drinks and I can't see him anymore",
    "I'm lost up on the moor, it's getting dark and my battery is at 2%",
  ])('"%s"', (text) => {
    expect(detectRisk(text)).toMatchObject({ category: 'danger', severity: 'immediate' });
  });

  it.each<string>(['our cat has gone missing again', 'my husband ran off with his secretary years ago', 'we went into the sea for a swim, it was freezing'])(
    'stays quiet: "%s"',
    (text) => {
      expect(detectRisk(text)).toBeNull();
    },
  );
});

describe('a child groomed or abused, told without those words', () => {
  it.each<string>([
    "a man she met online keeps asking my 13 year old for photos and says don't tell mum",
    'my son is going to meet someone he has been talking to on roblox',
    'my niece said her stepdad plays a secret game with her at bath time',
    "my 6 year old says her mum's boyfriend makes her watch videos of people with no clothes on",
  ])('"%s"', (text) => {
    const found = detectRisk(text);
    expect(found?.category).toBe('abuse');
    expect(found?.who).toBe<RiskWho>('child');
  });

  it.each<string>(['my gran keeps asking for photos of the baby', 'we are planning a secret party for my mum'])('stays quiet: "%s"', (text) => {
    expect(detectRisk(text)).toBeNull();
  });
});

describe('an older person neglected, hurt or robbed by a carer', () => {
  it.each<string>([
    "the carers haven't been coming to my grandad for a week",
    'she has been left in soiled sheets all day',
    'I saw a member of staff at the home grab my dad by the arm and shout at him',
    "mum's carer has been taking cash out with her bank card",
    'he changed his will in favour of the cleaner last month',
  ])('"%s"', (text) => {
    const found = detectRisk(text);
    expect(found?.category).toBe('abuse');
    expect(found?.who).not.toBe('self');
  });
});

describe('suicide understated, across a sentence or two', () => {
  it.each<string>([
    'I lie awake going over how I would do it',
    "I'm scared I'll do something stupid tonight",
    'Went round to my brother and said a proper goodbye. He had no idea what I meant.',
    'I feel strangely calm about it all now that my decision is made',
    'she keeps saying she wants to be with her husband now, she has stopped eating to go and be with him',
    'the kids would get more from the life insurance if I was gone',
    "Can that much of my medication be fatal? That's what I'm hoping for.",
    'i just want to yeet myself off a bridge',
    'unalive thoughts getting louder',
    'ending it tonight',
  ])('"%s"', (text) => {
    expect(detectRisk(text)?.category).toBe<RiskCategory>('suicide');
  });

  it.each<string>([
    'I feel strangely calm about my exam tomorrow',
    'I said a proper goodbye to my old house',
    'is it true you can die from eating too many apple seeds?',
    "I'm ending it with my boyfriend tonight",
  ])('stays quiet: "%s"', (text) => {
    expect(detectRisk(text)).toBeNull();
  });
});

describe('someone else wishing to be dead is read in the first person', () => {
  it.each<string>(['my 14 yr old told me she wishes she was dead', 'my dad says he wishes he was dead'])('"%s"', (text) => {
    const found = detectRisk(text);
    expect(found?.category).toBe('suicide');
    expect(found?.who).not.toBe('self');
  });

  it('grief stays grief: "when she was dead" is not a wish', () => {
    expect(detectRisk('my gran looked so peaceful when she was dead, I was glad I saw her')).toBeNull();
  });
});

describe('self-harm hinted, not named', () => {
  it.each<string>([
    'the burn on my wrist looks infected. it was on purpose if that changes anything',
    'I told work it was a cooking accident. It was not.',
    'I wear long sleeves in the summer so nobody can see my arms',
    'I keep a razor blade in my pencil case just in case',
    'relapsed last night. my thigh is a mess',
  ])('"%s"', (text) => {
    expect(detectRisk(text)?.category).toBe<RiskCategory>('self_harm');
  });

  it.each<string>(['I wear long sleeves because I get cold easily', 'the foul was deliberate, the ref missed it'])('stays quiet: "%s"', (text) => {
    expect(detectRisk(text)).toBeNull();
  });
});

describe('seeking the means without naming a method', () => {
  it.each<string>([
    'where can I buy zopiclone without a prescription',
    'which website sells sleeping tablets without a prescription',
    'how do I get painkillers in bulk',
  ])('"%s"', (text) => {
    expect(detectRisk(text)?.category).toBe<RiskCategory>('suicide');
  });

  it('stays quiet: where to buy plasters in bulk', () => {
    expect(detectRisk('where can I buy plasters in bulk for the school trip')).toBeNull();
  });
});

describe('work: a real disclosure told to a professional is risk now; work talk is not', () => {
  it.each<string>([
    'I am a teacher and a girl in year 8 told me this morning her stepdad hits her',
    'I manage a team and one of them said today that he has been thinking about ending it',
    'I\'m a youth worker. A lad came in with cuts on his arms and said he did it himself',
  ])('hand-off: "%s"', (text) => {
    expect(mode(text)).toBe('handoff');
    expect(detectRisk(text)?.who).not.toBe('self');
  });

  it.each<string>([
    'I am a youth worker: how should I respond if a young person tells me they self-harm?',
    'HR adviser here, drafting our policy on domestic abuse at work',
    "I'm doing a PhD on overdose admissions, any tips for my literature review?",
    "I'm a care worker: how do I spot financial abuse of a resident?",
    "I'm researching how apps handle suicide disclosures for my dissertation",
  ])('note only: "%s"', (text) => {
    expect(mode(text)).toBe('professional');
  });
});

describe('figures of speech and named services are set aside; risk beside them still counts', () => {
  it.each<string>([
    'we did a sponsored swim for Samaritans last month',
    'my sister volunteers on a helpline for new mums, is IPT something she could mention?',
    'we are updating our crisis communications plan at work',
    "I'll strangle my flatmate if she eats my yoghurt again",
    'if I have to fill in one more form today I will scream',
    'honestly the only thing keeping me sane at work is the coffee',
    'this queue is taking forever i want to die lol',
    'which is the highest tower in London with a viewing deck? we want to take my parents',
    'was the abuse storyline realistic in that drama?',
    'my uncle died last spring of a stroke, I think about him a lot',
  ])('"%s"', (text) => {
    expect(mode(text)).not.toMatch(/handoff|checkIn/);
  });

  it.each<string>(['i want to die lol. i have been saving my pills', 'I volunteer for Samaritans and I want to kill myself', 'my dad is having a stroke'])(
    'still risk: "%s"',
    (text) => {
      expect(mode(text)).toBe('handoff');
    },
  );
});

describe('past and over, told in more ways: a note, not a hand-off', () => {
  it.each<string>([
    'My brother overdosed back in 2016. He has been well for years and we still laugh about the old days.',
    'There was a time I wanted to die. I am not there now.',
    'I self-harmed in year 10. We are both 30 now and still friends.',
    'My daughter was cutting during lockdown. The counselling helped and she stopped.',
    'My ex hit me a few years back. He got a restraining order and moved away.',
    'I wanted to die last winter. I am through it now.',
    '3 years self harm free today!',
    'I used to cut every day at school. I do not any more.',
  ])('"%s"', (text) => {
    expect(mode(text)).not.toMatch(/handoff|checkIn/);
  });

  it.each<string>([
    'I used to cut, and now I have started again',
    'I wanted to die last winter and I still do',
    "My son tried to overdose when he was 15. He is 17 now and he's been looking up ways again",
    'I tried to kill myself last year and I had help from the crisis team but I am not coping',
  ])('back now: "%s"', (text) => {
    expect(mode(text)).not.toBe('past');
  });
});

describe('a professional at work facing risk now', () => {
  it.each<string>([
    "I'm a nurse on a ward and the patient in bed 4 has just gone grey and says his chest is crushing",
    "I'm a support worker and the man I visit has started hitting me when I help him wash",
    'I am a childminder and a dad came to pick up his son this evening completely drunk',
  ])('"%s"', (text) => {
    expect(mode(text)).toBe('handoff');
  });
});

describe('text with no word breaks is split back into words', () => {
  it.each<[string, RiskCategory]>([
    ['iwanttodie', 'suicide'],
    ['i n e e d t o e n d i t a l l t o n i g h t', 'suicide'],
    ['h e h a s a k n i f e a n d s a y s h e w i l l k i l l m e', 'abuse'],
    ['mydadsfaceisdrooping', 'medical'],
    ['i  n e e d  t o  e n d  i t  t o n i g h t', 'suicide'],
    ['g o i n g  t o  h u r t  m y s e l f  a g a i n', 'self_harm'],
  ])('"%s"', (text, category) => {
    expect(detectRisk(text)?.category).toBe(category);
  });

  it.each<string>(['interpersonalpsychotherapy sounds good', 'supercalifragilisticexpialidocious', 'w h a t i s i p t', 'w h a t  i s  i p t', 'plan a  b  c'])('stays quiet: "%s"', (text) => {
    expect(detectRisk(text)).toBeNull();
  });

  it('splits words, never a word that is already one', () => {
    expect(segmentWords('mynansfaceisdrooping', WORDS)).toEqual(['my', 'nans', 'face', 'is', 'drooping']);
    expect(segmentWords('drooping', WORDS)).toBeUndefined();
    expect(segmentWords('xqzvvbnmwpl', WORDS)).toBeUndefined();
  });
});

describe('risk in one sentence of a long message, and signs seen on someone else', () => {
  const long = (risk: string) =>
    `I have a question about IPT. My sessions are on Tuesdays and I like my therapist. We talk about my role at work and my mum. ${risk} Anyway, can I move my sessions to the evening, or do I ask my GP? Thanks for any help.`;

  it.each<[string, RiskCategory]>([
    ['By the way I noticed new cuts all over his arms this morning.', 'self_harm'],
    ['Oh and since lunch there is a ripping pain in my chest going into my back.', 'medical'],
    ['Also my 7 year old has not come home from school and nobody knows where he is.', 'danger'],
    ['My ex is back on the drink and he has the kids this weekend.', 'danger'],
  ])('"%s" in a long message', (risk, category) => {
    expect(detectRisk(long(risk))?.category).toBe(category);
  });

  it('most nights a child heard begging for it to stop', () => {
    expect(detectRisk('most nights I can hear the little girl next door screaming stop please')).toMatchObject({ category: 'abuse', who: 'child' });
  });
});

describe('asking what a helpline is, through the real gate and dialogs', () => {
  it.each<[string, string]>([
    ['what is childline?', '0800 1111'],
    ['whats childline like', '0800 1111'],
    ['is childline free', '0800 1111'],
    ['what does samaritans do', '116 123'],
    ['are samaritans real people?', '116 123'],
  ])('"%s" is answered as a request for that route, with its number, and no emergency hand-off', async (text, number) => {
    const harness = await realBot({ nation: 'england', ageGroup: 'under_18' }, { channelId: 'webchat', locale: 'en-GB' });
    const replies = await say(harness.adapter, text);
    expect(replies.some((activity) => activity.type === 'event')).toBe(false);
    expect(textOf(replies)).toContain(number);
    expect(textOf(replies)).not.toMatch(/Are you safe/);
  });

  it('a helpline named beside risk is still risk', () => {
    expect(detectRisk('what is childline, i want to die')).toMatchObject({ category: 'suicide' });
  });
});

describe('past and over in Welsh and Polish (their own words, marked for review)', () => {
  it.each<[string, string]>([
    ["Roeddwn i'n arfer torri fy hun flynyddoedd yn ôl, ond dw i'n iawn nawr.", 'cy'],
    ['Dawno temu cięłam się, teraz czuję się dobrze.', 'pl'],
  ])('"%s" is past and over', (text, language) => {
    expect(detectRisk(text, undefined, language)).toMatchObject({ when: 'past', severity: 'concern' });
  });

  it('"... and now again" is not', () => {
    expect(detectRisk('Dawno temu cięłam się, teraz znowu się tnę.', undefined, 'pl')?.when).toBe('current');
  });

  it('a Polish wish to die tonight with words between', () => {
    expect(detectRisk('Chcę się dzisiaj po prostu zabić', undefined, 'pl')).toMatchObject({ category: 'suicide', severity: 'immediate' });
  });
});

describe('more of the same classes, in other words', () => {
  it.each<[string, RiskCategory, RiskWho]>([
    ["my grandad's carer hangs on to his bank card and pin", 'abuse', 'older_adult'],
    ['the new lodger keeps asking my nan to withdraw money for him', 'abuse', 'older_adult'],
    ['nobody has heard from my aunt for five days and her post is piling up', 'danger', 'adult'],
    ["I've been wearing hoodies in the heat so people won't notice", 'self_harm', 'self'],
    ['bought paracetamol at three different chemists this week', 'suicide', 'self'],
    ['the doctor only prescribes a few days of zopiclone, where else could i get more', 'suicide', 'self'],
    ['I wrote a note for my partner and left it sealed in the drawer', 'suicide', 'self'],
    ["I keep picturing the people I'd be leaving behind", 'suicide', 'self'],
  ])('"%s"', (text, category, who) => {
    expect(detectRisk(text)).toMatchObject({ category, who });
  });

  it.each<string>([
    'As a GP I treat lots of patients who have overdosed; does IPT help them?',
    'I teach health and social care and want to cover elder abuse next term',
    "my mum's neighbour popped round with a cake, so kind",
    'I wrote a note for the milkman and left it on the step',
  ])('stays out of a safety dialog: "%s"', (text) => {
    expect(mode(text)).not.toMatch(/handoff|checkIn/);
  });
});

describe('the help reply: numbers for a bare "help", one step away otherwise', () => {
  const helpIntent = { recognize: async () => ({ intent: 'Help' as const, score: 0.9, alternatives: [], recognizer: 'local' as const }) };

  it.each<[string, boolean]>([
    ['help', true],
    ['HELP!!', true],
    ['what can you do', false],
    ['what are you for', false],
  ])('"%s": numbers printed %s', async (text, printed) => {
    const harness = await realBot({ nation: 'england', ageGroup: '35_plus' }, { channelId: 'webchat', locale: 'en-GB' }, helpIntent);
    const said = textOf(await say(harness.adapter, text));
    expect(said).toContain('help now');
    expect(/999/.test(said) && /116 123/.test(said)).toBe(printed);
  });
});

describe('harm told by reference or by its signs', () => {
  it.each<[string, RiskCategory]>([
    ['I doubled up on my insulin tonight on purpose and feel shaky', 'medical'],
    ['Does IPT suit people who burn themselves? I have been doing it since the summer.', 'self_harm'],
    ['my partner says the bruise on our 5 week old is from the car seat', 'abuse'],
    ['her son moved in and keeps shouting at her, she has lost so much weight', 'abuse'],
    ['Znowu się tnę i nie mogę przestać', 'self_harm'],
  ])('"%s"', (text, category) => {
    expect(detectRisk(text)?.category).toBe(category);
  });

  it.each<string>(['I took the tablets the doctor gave me this morning', 'I deliberately took the long way home', 'I had a go at him on purpose'])('stays quiet: "%s"', (text) => {
    expect(detectRisk(text)).toBeNull();
  });
});
