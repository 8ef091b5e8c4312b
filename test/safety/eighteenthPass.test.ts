import { detectRisk, detectRiskLexiconOnly } from '../../src/safety/detectRisk';

/**
 * Eighteenth pass (issue 10): past and over, said in ways the reading of "when" did not know,
 * with the same shapes said of now beside them. Wordings written for this test.
 */

const when = (text: string) => detectRisk(text)?.when ?? 'quiet';

describe('risk said to be past and over, in other words', () => {
  it.each([
    // How long since the last time.
    'its been four years since i last cut myself, really chuffed. can ipt help with my dad and me rowing',
    'been nearly two years since i last took an overdose. how long is the wait for ipt',
    // A habit that went with it, and how long free of it.
    'i wanted to die when the drink had me, that was 2019. been booze free 3 years now. is ipt good for relationships',
    // A history named as one, in a question about the service.
    'I self-harmed at college, stopped with support, and it has been 14 months. Does the referral form ask about previous self-harm?',
    // A part of life, an age now, and healed.
    'burning myself was a big part of my twenties, im 38 now. the scars have healed. will ipt make me talk about it',
    // A year said as now, and not since.
    'i hurt myself a lot in 2020. its 2026 now and i have not since 2021. can i do ipt on zoom',
    // Rebuilt since, in the writer's words.
    'i tried to end my life when my business went under, that was 2012. rebuilt everything since. now my son has left home and i feel a bit lost, would ipt help',
    // Then and now set side by side.
    'teenager, bullied, wanted to kill myself then. now 52 years old. good life. question: do you have ipt by video',
    // "Coming out" is a time of life, not the risk coming.
    'i had suicidal thoughts when i was coming out at 17. not had them in years, i am 29 now. can ipt help with grief',
  ])('%j is past', (text) => {
    expect(when(text)).toMatch(/past|quiet/);
  });

  it('a past fall, now looked after, with guilt that lingers, is not an emergency now', () => {
    const got = detectRisk('grandad fell three years ago and was on the floor till morning. he is in a care home now with a buzzer and happy. i still feel bad about it, can ipt help with guilt');
    expect(got === null || got.when === 'past').toBe(true);
  });

  it('a message past and over throughout, with "now" said only of being well, is past', () => {
    expect(when('i used to hurt myself when i was in year 9. i dont do that now. i am settled at work. could ipt help me feel less alone')).toMatch(/past|quiet/);
  });
});

describe('the same shapes said of now stay current', () => {
  it.each([
    'its been four years since i last cut myself but the urges are back this week',
    'been booze free 3 years and i want to die tonight',
    'i used to hurt myself at school and i have started again',
    'i came out at 17 and the thoughts of killing myself are coming back',
    'that was 2019. now i want to kill myself again',
    // "about" holds "out", and "know" holds "now": words inside words never say past.
    'about 8 months now and i want to kill myself',
    'i dont know working out why i still want to die',
  ])('%j is current', (text) => {
    expect(detectRisk(text)?.when).toBe('current');
  });

  it('words coming out jumbled is a sign of now, whatever came before', () => {
    const got = detectRiskLexiconOnly('my dad was fine at lunch but now his words are coming out all slurred and his face looks odd');
    expect({ category: got?.category, when: got?.when }).toEqual({ category: 'medical', when: 'current' });
  });

  it('a past job is not the past of the risk now', () => {
    expect(detectRisk('used to pull people out of the river when i was in the fire service. now its me stood on the bridge')?.when).toBe('current');
  });
});
