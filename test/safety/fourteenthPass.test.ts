import { detectRisk } from '../../src/safety/detectRisk';

/**
 * Fourteenth pass (the ap and aq batches read): past and over said with a month or a season, a
 * prison term, "back in uni", feelings that "passed", "solid since", "on an even keel", "back on
 * my tablets", "in recovery" and "we're close again"; and the same in Polish, Spanish and Romanian.
 * Every wording is written for this test, and each class keeps a twin said as current.
 */
describe('fourteenth pass: past and over', () => {
  it.each([
    'i overdosed on my insulin by mistake in the autumn, it got sorted and i am fine physically',
    'my daughter went into anaphylaxis in july, the adrenaline pen worked and she is totally fine',
    'in 2012 as a student teacher i was suicidal for months. got therapy, much better, now a head of year',
    'two winters ago i had weeks of wanting to not be alive. the feelings faded by spring and i have been alright since',
    'when i was on remand i cut myself. out two years now, no cutting since. is ipt for adjusting?',
    'back in university (2016) i tried to kill myself during finals. been solid since. does ipt help with shyness',
    'after my husband died in 2020 i thought about ending things for a while. i am on an even keel now',
    'my dad used to hit me when he was drinking. he has been in recovery three years and we are close again',
    'my sister threatened to take her life when she was using, back in 2019. she is clean and in a good place now. i am still anxious about her',
    'a man pulled a knife on me in 2022, he has been locked up since. i moved house and want help with nerves',
  ])('%s -> past', (text) => {
    const got = detectRisk(text);
    expect(got).not.toBeNull();
    expect(got?.when).toBe('past');
    expect(got?.severity).toBe('concern');
  });

  it.each([
    'i swallowed too many tablets in the autumn and tonight i have got more saved',
    'in 2012 i was suicidal. got therapy, much better for a bit, but i want to die again now',
    'two winters ago i had weeks of wanting to disappear and the feelings are back this week',
    'my dad used to hit me and he started again last night',
    'my sister took an overdose an hour ago, she is in a good place usually',
  ])('%s -> current', (text) => {
    expect(detectRisk(text)?.when ?? 'current').toBe('current');
  });
});

describe('fourteenth pass: past and over in other languages', () => {
  it.each([
    ['pl', 'Kiedy miałam 16 lat chciałam się zabić. Teraz czuję się dobrze.'],
    ['es', 'En 2015 intenté suicidarme. Ahora estoy bien con mi familia.'],
    ['ro', 'Acum cinci ani m-am gândit la sinucidere. Acum sunt bine.'],
  ])('%s: %s -> past', (_lang, text) => {
    expect(detectRisk(text)?.when).toBe('past');
  });

  it.each([
    ['pl', 'Kiedy miałam 16 lat chciałam się zabić i znowu chcę się zabić.'],
    ['es', 'En 2015 intenté suicidarme y hoy quiero morir.'],
    ['ro', 'Acum cinci ani m-am gândit la sinucidere și din nou vreau să mor.'],
  ])('%s: %s -> current', (_lang, text) => {
    const got = detectRisk(text);
    expect(got).not.toBeNull();
    expect(got?.when ?? 'current').toBe('current');
  });
});

describe('fourteenth pass: work, study, idioms and questions about helplines', () => {
  it.each([
    // study and work
    'revising for my OSCEs, how is a suicide risk assessment structured in general?',
    'im a year 9 form tutor, pupils keep saying "i want to die" about maths tests. is that normal teen talk?',
    'we are doing a presentation on the samaritans for college, what do they actually do?',
    'long shift in the call centre, so much abuse from customers today. how do i book a first session?',
    'coach here, took dogs abuse from the touchline again on saturday. just a moan',
    // idioms and games
    'this is the hill i will die on: tea before milk',
    'my hardcore survival world is 200 days old, if i die it is all gone for good',
    'the cat knocked my coffee over, i am going to throttle her lol',
    // what a helpline is for
    'what is a helpline actually for? can you ring just to talk?',
    'whats a crisis line for, do they only take calls at night',
    'what is shout 85258, i saw it on the back of a toilet door',
  ])('%s -> no crisis reply', (text) => {
    const got = detectRisk(text);
    expect(got === null || got.frame === 'professional').toBe(true);
  });

  it.each([
    'revising for my OSCEs but honestly i want to kill myself tonight',
    'pupils keep saying they hate me and i am going to kill myself tonight',
    'so much abuse from customers today and my husband hits me when i get home',
    'this is the hill i will die on and i have the pills ready',
    'what is a crisis line for someone who wants to end their life',
    'what is a helpline actually for? i want to die tonight',
  ])('%s -> still a risk', (text) => {
    const got = detectRisk(text);
    expect(got).not.toBeNull();
    expect(got?.frame ?? 'personal').toBe('personal');
  });
});

describe('fourteenth pass: a worker speaking of their own means, or of one particular person', () => {
  it.each([
    'trainee pharmacist. been saving up tablets from the dispensary in my car',
  ])('%s -> personal, immediate', (text) => {
    const got = detectRisk(text);
    expect(got?.frame ?? 'personal').toBe('personal');
    expect(got?.severity).toBe('immediate');
  });

  it('one of my clients says her partner locks her in: someone to help now, not work talk', () => {
    const got = detectRisk('i am a support worker and one of my clients says her partner takes her money and locks her in the flat');
    expect(got).not.toBeNull();
    expect(got?.frame ?? 'personal').toBe('personal');
  });

  it.each(['i am a support worker, what should i do if a client says her partner locks her in', 'im a nurse and we keep spare dressings in my locker for overdose training'])(
    '%s -> still work talk',
    (text) => {
      expect(detectRisk(text)?.frame ?? 'none').not.toBe('personal');
    },
  );
});

describe('"I left" says a person or a place was left behind, never a note or tablets', () => {
  it.each([
    'i left a note for my family',
    'ive left a letter for the kids on the kitchen table',
    'i left a note for my partner, they will understand when im gone',
  ])('%s -> now, immediate', (text) => {
    const got = detectRisk(text);
    expect(got?.category).toBe('suicide');
    expect(got?.when ?? 'current').toBe('current');
    expect(got?.severity).toBe('immediate');
  });

  it.each([
    'he used to hit me. i left him in 2015 and i am settled now, does ipt help with trust',
    'my first partner was controlling, i left in 2010 and never looked back. now i want help with loneliness',
  ])('%s -> past', (text) => {
    expect(detectRisk(text)?.when).toBe('past');
  });
});
