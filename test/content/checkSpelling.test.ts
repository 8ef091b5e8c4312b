import { correctCheckSpelling } from '../../src/content/checkSpelling';
import { oneSlipApart } from '../../src/language/slips';

describe('typing slips in answers to the check', () => {
  it.each([
    ['englnad', 'england'],
    ['feeling realy lonley', 'lonely'],
    ['sinse christmas', 'since christmas'],
    ['cardif', 'cardiff'],
    ['yse', 'yes'],
  ])('%s is read as it was meant', (typed, meant) => {
    expect(correctCheckSpelling('en-GB', typed)).toContain(meant);
  });

  it('never changes a word spelled as meant, or a message with nothing to put right', () => {
    expect(correctCheckSpelling('en-GB', 'my nan dyed her hair')).toBeUndefined();
    expect(correctCheckSpelling('en-GB', 'it is about my work')).toBeUndefined();
    expect(correctCheckSpelling('en-GB', 'why does my age matter?')).toBeUndefined();
  });

  it('counts one slip: a letter added, dropped or changed, or two swapped; three-letter words only swapped', () => {
    expect(oneSlipApart('lonley', 'lonely')).toBe(true);
    expect(oneSlipApart('cardif', 'cardiff')).toBe(true);
    expect(oneSlipApart('englend', 'england')).toBe(true);
    expect(oneSlipApart('yse', 'yes')).toBe(true);
    expect(oneSlipApart('yea', 'yes')).toBe(false);
    expect(oneSlipApart('lnoley', 'lonely')).toBe(false);
  });
});

describe('a letter held down', () => {
  it.each([
    ['yeahhhh', 'yeah'],
    ['nopeee', 'nope'],
    ['naaaah', 'nah'],
    ['yesssss', 'yes'],
    ['noo', 'no'],
  ])('"%s" is read as "%s"', (typed, meant) => {
    expect(correctCheckSpelling('en-GB', typed)).toBe(meant);
  });

  it('words the check already knows are left alone', () => {
    expect(correctCheckSpelling('en-GB', 'too many weeks')).toBeUndefined();
  });
});
