import { readProfileUpdate } from '../../src/language/profileUpdate';

describe('readProfileUpdate', () => {
  it.each([
    ["I'm 18 now", { ageGroup: '18_to_34', onlyContext: true }],
    ["I've moved to Bristol", { nation: 'england', place: 'Bristol', onlyContext: true }],
    ['im in belfast', { nation: 'northern_ireland', place: 'Belfast', onlyContext: true }],
    ['actually im welsh', { nation: 'wales', onlyContext: true }],
    ["I'm sixteen", { ageGroup: 'under_18', onlyContext: true }],
    ["I'm an adult", { adult: true, onlyContext: true }],
    ['I live in Cardiff, how do I get IPT?', { nation: 'wales', place: 'Cardiff', onlyContext: false }],
    // A correction is context only, however it is worded.
    ['oops i meant im 45, typo', { ageGroup: '35_plus', onlyContext: true }],
    ['sorry wrong age, im 29', { ageGroup: '18_to_34', onlyContext: true }],
    ['i mistyped, i mean im 61', { ageGroup: '35_plus', onlyContext: true }],
    // ... but a question beside an age is still a question.
    ['im 16 how long is the wait', { ageGroup: 'under_18', onlyContext: false }],
  ])('%s', (text, expected) => {
    expect(readProfileUpdate(text)).toEqual(expected);
  });

  it('is undefined when the message says neither', () => {
    expect(readProfileUpdate('what is ipt')).toBeUndefined();
  });
});
