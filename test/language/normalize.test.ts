import { normalizeUtterance } from '../../src/language/normalize';

/** The clean-up both the recogniser and the question matcher read: spellings folded to one form. */
describe('normalizeUtterance', () => {
  test.each([
    ['I.P.T', 'ipt'],
    ['inter personal therapy', 'interpersonal therapy'],
    ['can i refer my self', 'can i refer myself'],
    ['can they refer them selves', 'can they refer themselves'],
    ['look after your self', 'look after yourself'],
    ['self-referral?', 'selfrefer?'],
    ['is there a self referral form', 'is there a selfrefer form'],
    ['after i self refer', 'after i selfrefer'],
    ['how many sesions', 'how many sessions'],
    ['what actually is ipt', 'what is ipt'],
    ['does it even work tbh', 'does it work'],
  ])('"%s" -> "%s"', (text, expected) => {
    expect(normalizeUtterance(text)).toBe(expected);
  });

  test('"self" on its own is left alone', () => {
    expect(normalizeUtterance('self esteem')).toBe('self esteem');
  });
});
