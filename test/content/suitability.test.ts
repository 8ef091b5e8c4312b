import { suitabilityLexicon, parseSuitabilityLexicon } from '../../src/content/lexicon';
import { assessSuitability, interpretAnswer, isImplied, QUESTIONS, type SuitabilityAnswers, type SuitabilityResult } from '../../src/content/suitability';
import { lateDurationAnswer, readCheckAnswer } from '../../src/content/checkReading';

/** A fixed day, so answers that count from a date read the same whenever the tests run. */
const NOW = new Date(2026, 11, 6);

describe('assessSuitability: honest view and next step', () => {
  test.each<[string, SuitabilityAnswers, Partial<SuitabilityResult>]>([
    ['a focus area in England', { concern: ['grief'], relationships: 'yes', duration: 'months', age: '35_plus', nation: 'england' }, { areas: ['grief'], view: 'may_suit', nextStep: 'self_refer', showPrivate: true, showNhsFinder: true }],
    ['two areas, listed in standard order', { concern: ['transitions', 'disputes'] }, { areas: ['disputes', 'transitions'], view: 'may_suit' }],
    ['relationships yes without an area', { concern: ['other'], relationships: 'yes' }, { areas: [], view: 'may_suit' }],
    ['no link to people, recent', { concern: ['other'], relationships: 'no', duration: 'weeks', nation: 'england' }, { view: 'other_may_fit', nextStep: 'self_refer' }],
    ['no link to people, for years', { concern: ['other'], relationships: 'no', duration: 'years', nation: 'england' }, { view: 'other_may_fit_gp', nextStep: 'gp', showNhsFinder: false }],
    ['everything skipped', {}, { areas: [], view: 'talk_to_gp', nextStep: 'gp', showPrivate: true }],
    ['not sure about relationships', { relationships: 'unsure' }, { view: 'talk_to_gp' }],
    ['Wales: through the GP', { concern: ['sensitivities'], nation: 'wales' }, { view: 'may_suit', nextStep: 'gp', showNhsFinder: false }],
    ['Scotland: through the GP', { concern: ['grief'], nation: 'scotland' }, { nextStep: 'gp' }],
    ['Northern Ireland: through the GP', { concern: ['grief'], nation: 'northern_ireland' }, { nextStep: 'gp' }],
    ['nation unknown: self-refer in England, GP elsewhere', { concern: ['grief'] }, { nextStep: 'self_refer_or_gp', showNhsFinder: true }],
    ['under 18: GP, CAMHS, Childline; no private route', { concern: ['disputes'], age: 'under_18', nation: 'england' }, { view: 'may_suit', nextStep: 'young_person', showPrivate: false, showNhsFinder: false }],
    ['under 18 with nothing else', { age: 'under_18' }, { view: 'talk_to_gp', nextStep: 'young_person' }],
  ])('%s', (_name, answers, expected) => {
    expect(assessSuitability(answers)).toMatchObject(expected);
  });

  test('the result holds no risk or diagnosis field', () => {
    const result = assessSuitability({ concern: ['grief'], relationships: 'yes' });
    expect(Object.keys(result).sort()).toEqual(['areas', 'nextStep', 'showNhsFinder', 'showPrivate', 'view']);
  });
});

describe('isImplied: questions the answers so far already answer', () => {
  test.each<[string, SuitabilityAnswers, boolean]>([
    ['a focus area says people or a change are part of it', { concern: ['grief'] }, true],
    ['any of two areas', { concern: ['transitions', 'disputes'] }, true],
    ['something else: still asked', { concern: ['other'] }, false],
    ['the concern skipped: still asked', {}, false],
  ])('the people question: %s', (_name, answers, implied) => {
    expect(isImplied('relationships', answers)).toBe(implied);
  });

  test('no other question is implied by a focus area', () => {
    for (const question of QUESTIONS.filter((id) => id !== 'relationships')) expect(isImplied(question, { concern: ['grief'] })).toBe(false);
  });
});

describe('interpretAnswer: answers in people’s own words', () => {
  const lexicon = suitabilityLexicon('en-GB');
  test.each<[Parameters<typeof interpretAnswer>[0], string, string[]]>([
    ['concern', 'my mum died last year', ['grief']],
    ['concern', "I'm still grieving for my dad", ['grief']],
    ['concern', 'im 67 and recently widowed', ['grief']],
    ['concern', 'a widower since the spring', ['grief']],
    ['concern', 'we keep arguing since the baby came', ['disputes']],
    ['concern', 'we keep arguing since we had a baby', ['disputes', 'transitions']],
    ['concern', 'I was made redundant', ['transitions']],
    ['concern', 'I feel so lonely', ['sensitivities']],
    ['concern', 'something else really', ['other']],
    ['concern', 'how do i get it on the nhs', []],
    ['concern', 'what is ipt', []],
    ['concern', 'just feel flat all the time', ['other']],
    ['concern', 'moved into a new flat and feel lost', ['transitions']],
    ['relationships', 'yeah', ['yes']],
    ['relationships', 'not really', ['no']],
    ['relationships', 'nope', ['no']],
    ['relationships', "I don't know", ['unsure']],
    ['relationships', 'no idea', ['unsure']],
    ['duration', 'about 6 weeks', ['weeks']],
    ['duration', 'a couple of months', ['months']],
    ['duration', 'years honestly', ['years']],
    ['duration', 'banana', []],
    ['age', "I'm 16", ['under_18']],
    ['age', '17', ['under_18']],
    ['age', '18', ['18_to_34']],
    ['age', 'i am 34', ['18_to_34']],
    ['age', '35', ['35_plus']],
    ['age', "I'm 72 and retired", ['35_plus']],
    ['age', "I'm a teenager", ['under_18']],
    ['age', 'between 20 and 30', []],
    ['nation', 'I live in Cardiff', ['wales']],
    ['nation', 'belfast', ['northern_ireland']],
    ['nation', 'Northern Ireland', ['northern_ireland']],
    ['nation', 'glasgow', ['scotland']],
    ['nation', 'london', ['england']],
    ['nation', 'a nice night out', []],
  ])('%s: "%s"', (question, text, expected) => {
    expect(interpretAnswer(question, text, lexicon)).toEqual(expected);
  });

  test('the lexicon file is checked on load', () => {
    expect(() => parseSuitabilityLexicon({ locale: 'en-GB' })).toThrow();
    expect(suitabilityLexicon('fr-FR')).toBe(suitabilityLexicon('en-GB'));
  });
});

describe('readCheckAnswer: a start given as an event, and late answers', () => {
  const lexicon = suitabilityLexicon('en-GB');
  it.each(['since year 9 started', 'since my mum moved into a home'])('"%s" says when it began (no band), not an age', (text) => {
    const reading = readCheckAnswer('concern', text, lexicon, NOW);
    const facts = reading?.kind === 'answer' || reading?.kind === 'facts' ? reading.facts : {};
    expect(facts.onset).toBe(true);
    expect(facts.age).toBeUndefined();
    expect(facts.duration).toBeUndefined();
  });

  it('asked how long, an event is a time to ask about again, not an answer', () => {
    expect(readCheckAnswer('duration', 'since my mum died', lexicon, NOW)).toMatchObject({ kind: 'facts', since: 'my mum died' });
  });

  it.each(['age', 'nation'] as const)('a focus area said while asked the %s question is kept', (question) => {
    expect(readCheckAnswer(question, 'life change i guess', lexicon, NOW)).toEqual({ kind: 'facts', facts: { concern: ['transitions'] } });
  });
});

describe('an answer to how long, given after the check has ended', () => {
  const lexicon = suitabilityLexicon('en-GB');
  it.each([
    ['going on 5 months', 'months'],
    ['a couple of weeks', 'weeks'],
    ['yr or so', 'years'],
  ])('%s is that answer (%s)', (text, bucket) => {
    expect(lateDurationAnswer(text, lexicon, NOW)).toBe(bucket);
  });

  it.each(['how many months is it?', 'i have been waiting months to hear back from my gp about it', 'im 30 and in leeds, 6 months', 'what is ipt'])('%s is not', (text) => {
    expect(lateDurationAnswer(text, lexicon, NOW)).toBeUndefined();
  });
});
