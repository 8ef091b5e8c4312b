import { detectRisk } from '../../src/safety/detectRisk';

/**
 * Thirteenth pass: past and over in more of the ways people say it (a year without "a few",
 * "stopped N months ago", clean for years, "that's 2016", "things are settled now", "doing grand",
 * "never happened since", "wen" for "when"), and life going on "again" (pregnant again, working
 * again) is not the risk coming back. Every wording is written for this test, and each class keeps
 * a twin said as current.
 */
describe('thirteenth pass: past and over', () => {
  it.each([
    'I cut myself through my twenties and stopped about two years ago. Could IPT help me keep well?',
    'i used to self harm but ive been clean 4 years this spring',
    'i shook my toddler hard once when i was exhausted, years back. it never happened since',
    "i had a plan to end my life after i lost the business, that's 2016. things are settled now",
    'wen i was 19 i took an overdose, im 40 now n well',
    'i tried to end it after my daughter was born in 2018. i am well now and pregnant again, can ipt help in pregnancy',
    'i took an overdose in 2010 after my divorce. doing grand these days, remarried',
  ])('%s -> not current', (text) => {
    const got = detectRisk(text);
    expect(got).not.toBeNull();
    expect(got?.when).toBe('past');
  });

  it.each([
    'i stopped cutting two years ago but i started again last night',
    'i used to self harm and now the urges are back again',
    "things are settled now but tonight i want to end it all",
    'i am pregnant again and i keep thinking about killing myself',
  ])('%s -> current', (text) => {
    expect(detectRisk(text)?.when).toBe('current');
  });
});

describe('thirteenth pass: feeling run over is a simile', () => {
  it.each(['after that night shift i feel like i got hit by a lorry', 'she looked like she had been hit by a train after the exam'])('%s -> none', (text) => {
    expect(detectRisk(text)).toBeNull();
  });

  it.each(['my neighbour has been hit by a van and is lying in the road', 'i feel like i have been hit by a bus, he kicked me again tonight'])('%s -> risk', (text) => {
    expect(detectRisk(text)).not.toBeNull();
  });
});

describe('thirteenth pass: a pause for the door', () => {
  it.each(['one sec, somebody is knocking', 'hold on theres someone at the door'])('%s -> none', (text) => {
    expect(detectRisk(text)).toBeNull();
  });

  it('a pause that goes on to danger is still danger', () => {
    expect(detectRisk('one sec someone is at the door, its my ex and he is kicking it')?.category).toBe('danger');
  });
});
