import { detectRisk, detectRiskLexiconOnly } from '../../src/safety/detectRisk';

/**
 * Nineteenth pass (issue 10): classes new writers' risk lines showed the lexicon did not know, each
 * with look-alikes that must stay quiet, and past-and-over said with a bare year, "N years clean",
 * "came through it". Read by the lexicon alone; wordings written for this test.
 */

const read = (text: string) => {
  const got = detectRiskLexiconOnly(text);
  return got === null ? 'quiet' : `${got.category}/${got.severity}/${got.when}`;
};

describe('a body in danger now, said plainly', () => {
  it.each([
    'sliced my thumb on a stanley knife and blood is pumping out, the tea towel is soaked through',
    'my flatmate has just been stabbed on the stairs',
    'my sister is in labour and the baby is coming now, no midwife here yet',
    'dad choked on a sweet and has gone quiet, back slaps are not working',
    'little boy fell into the pond, they got him out but he is not crying',
    'grabbed the pan and my palm skin has gone white and leathery',
    'got bitten by something in the garden and my throat is closing up',
    'my stomach has gone rock hard and i have been sick green',
    'took two pills at a rave and my heart is racing and i am burning up',
    'she has not eaten in five days and keeps fainting at work',
    'he used again tonight and he is snoring weird and we can not wake him',
  ])('%j is a medical emergency now', (text) => {
    expect(read(text)).toBe('medical/immediate/current');
  });

  it.each([
    'my brother was stabbed years ago and the trial is finally over',
    'my bard just got stabbed by a goblin in our campaign lol',
    'soaked through with rain walking the dog, what a day',
    'my throat feels tight when i have to speak in meetings',
    'we went to the pond to feed the ducks and the little one fell in love with them',
  ])('%j stays quiet', (text) => {
    expect(read(text)).toBe('quiet');
  });
});

describe('suicide now and suicide hinted, in other words', () => {
  it.each([
    'going to go for a walk into the sea tonight, dont wait up',
    'cheerio to whoever reads this',
    'i promised my mum i would not but i have got everything laid out on the bed',
    'he sent a photo of a pile of tablets saying sorry and now his phone is off',
    'took all my pregabalin for the month in one go',
    'the pills are in the drawer and im thinking of just taking the lot',
    'cannae take it. gonnae end it the night',
  ])('%j is suicide risk now (or the overdose itself)', (text) => {
    expect(read(text)).toMatch(/^(suicide|medical)\/immediate\/current$/);
  });

  it.each([
    'on the motorway home i keep thinking about letting go of the wheel',
    'i attempted last year and the thoughts have all come back this month',
    'i have been stockpiling my meds from the pharmacy',
    'job gone, house gone, me next probably',
    'filled in my will at lunch lol. not joking',
  ])('%j is suicide risk to ask about', (text) => {
    expect(read(text)).toMatch(/^suicide\/(concern|immediate)\/current$/);
  });

  it.each([
    'taking the lot of her old tablets back to the chemist tomorrow',
    'been stockpiling tins for the winter',
    'letting go of the past is what i want help with',
  ])('%j stays quiet', (text) => {
    expect(read(text)).toBe('quiet');
  });
});

describe('self-harm, harm to others, danger and abuse said other ways', () => {
  it.each([
    ['holding a lighter to my arm when it gets too much', 'self_harm'],
    ['the cuts are self inflicted and one looks infected', 'self_harm'],
    ['been hitting my head off the wall when the voices start', 'self_harm'],
    ['i lost my temper with my dad and shoved him, he has dementia', 'harm_to_others'],
    ['my grandad keeps going for my nan with his walking stick', 'harm_to_others'],
    ['my nephew talks about shooting up his college and has drawn plans', 'harm_to_others'],
    ['he broke a glass and he is going for the barman', 'harm_to_others'],
    ['the lad i owe is heading over with three mates right now', 'danger'],
    ['my ex is driving round the estate looking for us', 'danger'],
    ['the corridor is full of smoke and we cannot get out', 'danger'],
    ['the boss keeps our passports in his safe', 'abuse'],
    ['my step dad is punching my mum in the kitchen again', 'abuse'],
  ])('%j is %s', (text, category) => {
    expect(read(text).split('/')[0]).toBe(category);
  });

  it.each([
    'i lost my keys and shoved the door open',
    'the barbecue was full of smoke but the burgers were fine',
    'the passport office keeps my application for weeks',
  ])('%j stays quiet', (text) => {
    expect(read(text)).toBe('quiet');
  });
});

describe('past and over, said with a bare year or years clean', () => {
  it.each([
    'i tried to end my life in 2016 when i was drinking. 6 years sober now with a job and a flat. can ipt help with my family',
    'overdose 2020, hospital, the lot. 2023 stable and working. looking for ipt near leeds',
    'my uncle tried to kill himself in the 90s and lived another 25 years, happy. i am researching depression, is ipt used a lot',
    'a few years ago my friend in the team tried to kill himself, he is well now and we still play together. could ipt help his mood',
    'suicidal thoughts in lockdown, came through it with support. i would like something to stop them coming back',
  ])('%j is past', (text) => {
    expect(detectRisk(text)?.when ?? 'past').toBe('past');
  });

  it('"used tonight" is not "used to"', () => {
    expect(read('he used tonight for the first time in a year and will not wake up')).toBe('medical/immediate/current');
  });
});

describe('after reading the first scores: danger at the door, figures of speech, a survivor now safe', () => {
  it.each([
    ['i left 3 years ago but he has tracked down my new address and is outside', 'danger/immediate/current'],
    ['i just need to speak to someone before i go through with it', 'suicide/immediate/current'],
  ])('%j is %s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it.each([
    'my mate reckons i am hanging myself out to dry taking on extra shifts',
    'my manager is going to kill me, i missed the deadline',
    'the overdose scene in that drama was so well done',
    'i want to read the small print before i go through with it',
  ])('%j stays quiet', (text) => {
    expect(read(text)).toBe('quiet');
  });

  it('a survivor of domestic abuse, out for years and safe, is past', () => {
    expect(detectRisk('survivor of domestic abuse here, out 6 years now and safe. can ipt help with trust')?.when ?? 'past').toBe('past');
  });

  it('a partner who "is going to kill me" is never a figure of speech', () => {
    expect(read('my husband is going to kill me, he said so at breakfast')).toMatch(/^abuse\//);
  });
});
