import { detectRisk } from '../../src/safety/detectRisk';
import { safetyMode } from '../../src/safety/safetyReply';

/**
 * Eleventh pass: classes a blind batch showed the lexicon did not know (choking or fitting said
 * without "my", someone found unconscious, a thunderclap headache, blue lips, a fall with no way
 * up; seeking the least painful way, a rope mentioned "so someone knows", drinking oneself to
 * death, steering into traffic; a partner's bruises, money or benefits taken, residents sedated or
 * not fed, a small child alone and crying; a carer pushing someone in their care, thoughts of
 * spiking food, a threat to drive into a home). Every wording is written for this test, not taken
 * from the batch, and each class has an everyday look-alike.
 */
function found(text: string): string {
  const got = detectRisk(text);
  return got === null ? 'none' : `${got.category}/${safetyMode(got)}`;
}

describe('eleventh pass: classes of risk', () => {
  it.each([
    ['quick my little girl is choking on a grape', 'medical'],
    ['husband fitting on the kitchen floor and wont stop', 'medical'],
    ['flatmate convulsing in the hallway, what do i do', 'medical'],
    ['just found my lodger in his room unconscious with a bottle of vodka', 'medical'],
    ['mum took her tablets earlier and now i cannot wake her up', 'medical'],
    ['my sister had a whole box of paracetamol and then passed out', 'medical'],
    ['out of nowhere the worst headache of my life, like being hit with a bat', 'medical'],
    ["grandad's lips have gone blue and he is struggling to breathe", 'medical'],
    ['the lad on the till is barely responding to us, he is pale and sweaty', 'medical'],
    ['i fell getting out of the bath this morning and i am still on the bathroom floor', 'medical'],
    ['what is the least painful way', 'suicide'],
    ['there are tablets in my bedside drawer. i thought someone should know', 'suicide'],
    ['i am going to drink myself to death this weekend', 'suicide'],
    ['some mornings i think about swerving into oncoming traffic', 'suicide'],
    ['stopped eating, stopped my insulin, just going to let whatever happens happen', 'suicide'],
    ['been saving up my meds to end it with', 'suicide'],
    ['the bruises from my boyfriend are on my arms so i wear long sleeves at work', 'abuse'],
    ['her son takes all her pension every month and leaves her with nothing', 'abuse'],
    ['the new carer sedates the residents so they sleep through her shift', 'abuse'],
    ['the staff at dads nursing home are not feeding him properly, he is skin and bone', 'abuse'],
    ['the 3 year old downstairs is alone in the garden screaming, been an hour', 'abuse'],
    ['i shoved one of the residents at work today when she wouldnt sit down', 'harm_to_others'],
    ["i keep thinking of slipping something in my stepdad's tea", 'harm_to_others'],
    ['my mate says hes going to ram his car into his exs house tonight', 'harm_to_others'],
  ])('%s -> %s', (text, category) => {
    expect(found(text).split('/')[0]).toBe(category);
  });
});

describe('eleventh pass: everyday look-alikes stay quiet', () => {
  it.each([
    'i was choking up at my leaving do, everyone was so kind',
    'my son is fitting in well at his new school',
    'i want to end it with my girlfriend but i dont know how to say it',
    'my boss was foaming at the mouth about the targets today',
    'we left the kids with my mum for the weekend',
    'the pension forms are so confusing, who do i ask at work',
  ])('%s', (text) => {
    expect(found(text)).toBe('none');
  });
});

describe('eleventh pass: past and over, said with a date and how things are now', () => {
  it.each([
    'I had a stroke in 2017, fit and healthy these days and back at the gym',
    'I was in a controlling relationship in my thirties. Long over, happily remarried now.',
    'my stepdad hit me when I was small. mum left him in the 90s and he is not in our lives',
    'I overdosed once at uni, years back. there has been nothing since and I am doing well',
  ])('%s -> not current', (text) => {
    const got = detectRisk(text);
    expect(got === null || got.when === 'past').toBe(true);
  });

  it('a date with how things are now does not hide a risk said as current', () => {
    expect(detectRisk('I had a breakdown in 2019 and was fine until now, but tonight I want to end it all')?.when).toBe('current');
  });
});

describe('eleventh pass: an older person named by age or by their carer', () => {
  it.each([
    'my nans carer has been taking cash from her purse, she is 87',
    "my dad's carer shouts at him and leaves him in the dark",
  ])('%s -> someone older', (text) => {
    expect(detectRisk(text)?.who).toBe('older_adult');
  });
});
