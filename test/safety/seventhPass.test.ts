import { detectRisk } from '../../src/safety/detectRisk';
import { safetyMode } from '../../src/safety/safetyReply';

/**
 * Seventh pass: classes a blind batch showed the lexicon did not know, each in wordings written
 * here (not the batch's), with everyday look-alikes beside them so no rule reads ordinary talk
 * as risk.
 */
function found(text: string, language?: string): string {
  const got = detectRisk(text, undefined, language);
  return got === null ? 'none' : `${got.category}/${safetyMode(got)}`;
}

describe('seventh pass: classes of risk', () => {
  it.each([
    ['my husband is having a fit on the kitchen floor and he has never had one', 'medical'],
    ['grandad choked on a sweet and now he has stopped coughing', 'medical'],
    ['our newborn is burning up and so sleepy, really hard to wake this morning', 'medical'],
    ['she is allergic to peanuts and her lips are swelling up after that cake', 'medical'],
    ['i cant catch my breath and my arm has gone all tingly', 'medical'],
    ['had a bottle of wine and then took some zopiclone, feel really odd', 'medical'],
    ['took a few of my sleeping tablets earlier, cant remember how many now', 'medical'],
    ['my brother texted sorry for everything and love you all, now his phone is switched off', 'suicide'],
    ['put my goodbye in the notes on my phone last night', 'suicide'],
    ['wiped all my social media and said goodbye to my mates, no point anymore', 'suicide'],
    ['been saving my pills up for when i cant take any more', 'suicide'],
    ['checked the train times tonight for the wrong reasons', 'suicide'],
    ['walked up to the top of the car park after work just to see', 'suicide'],
    ['i smacked my daughter with a slipper and left marks', 'harm_to_others'],
    ['since the birth there is a voice that keeps telling me to harm the baby', 'harm_to_others'],
    ['the little ones across the road have been left on their own for two days', 'abuse'],
    ['the night carer ties him to the bed so he wont wander', 'abuse'],
    ['my uncle took out a credit card in my nans name and she has no idea', 'abuse'],
    ['my dad makes me sleep in the garage when i get things wrong', 'abuse'],
    ['her ex with the injunction is outside the nursery trying to take their boy', 'danger'],
  ])('%s -> %s', (text, category) => {
    expect(found(text).split('/')[0]).toBe(category);
  });

  it.each([
    ['Wnes i dorri fy mreichiau neithiwr eto', 'cy', 'self_harm'],
    ["Dw i'n meddwl am frifo'r babi weithiau", 'cy', 'harm_to_others'],
    ['Fydda i ddim yn boen i neb yn hir', 'cy', 'suicide'],
    ['Brat napisał, że się zabije dziś w nocy', 'pl', 'suicide'],
  ])('%s (%s) -> %s', (text, language, category) => {
    expect(found(text, language).split('/')[0]).toBe(category);
  });
});

describe('seventh pass: everyday look-alikes stay quiet', () => {
  it.each([
    'my toddler had a fit when we left the park, full meltdown',
    'the new uniform is fitting her well',
    'my dad has gone grey over the last year',
    'I wrote my goodbye email to the team before my secondment',
    'we should all go together to the christmas do',
    'can you look after the dog for me while im away',
    'my baby is hard to settle at night, any tips for sleep?',
    'I took out a loan in my name for the car',
    'checked the train times for my trip to York',
  ])('%s', (text) => {
    expect(found(text)).toBe('none');
  });
});
