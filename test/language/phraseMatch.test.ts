import { hasAnyPhrase, indexOfPhrase, phraseAt } from '../../src/language/phraseMatch';

const tokens = 'i am 12 weeks pregnant and on the ward'.split(' ');

describe('phrase matching over tokens', () => {
  it('finds a phrase only as whole words in order', () => {
    expect(indexOfPhrase(tokens, ['on', 'the', 'ward'])).toBe(6);
    expect(indexOfPhrase(tokens, ['the', 'on'])).toBe(-1);
    expect(indexOfPhrase(tokens, ['war'])).toBe(-1);
  });

  it('lets "#" stand for any number, and only a number', () => {
    expect(phraseAt(tokens, 2, ['#', 'weeks', 'pregnant'])).toBe(true);
    expect(phraseAt(tokens, 3, ['#', 'pregnant'])).toBe(false);
  });

  it('never reads past either end', () => {
    expect(phraseAt(tokens, -1, ['i'])).toBe(false);
    expect(phraseAt(tokens, 8, ['ward', 'today'])).toBe(false);
    expect(indexOfPhrase(tokens, [])).toBe(-1);
  });

  it('finds every later occurrence from a starting point', () => {
    const twice = 'no no i said no'.split(' ');
    expect(indexOfPhrase(twice, ['no'], 2)).toBe(4);
    expect(hasAnyPhrase(twice, [['yes'], ['said', 'no']])).toBe(true);
    expect(hasAnyPhrase(twice, [['yes']])).toBe(false);
  });
});
