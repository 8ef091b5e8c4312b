import { checkAnswersGiven } from '../../src/content/checkReading';
import { suitabilityLexicon } from '../../src/content/lexicon';

const now = new Date('2026-12-07T12:00:00Z');
const count = (text: string) => checkAnswersGiven(text, suitabilityLexicon('en-GB'), now);

describe('how many of the check questions one message answers', () => {
  it('several answers in one go count each', () => {
    expect(count('right: 38, in york, been rough since my mum died in april')).toBeGreaterThanOrEqual(3);
    expect(count('twenty seven, swansea, rowing with my partner for months')).toBeGreaterThanOrEqual(3);
  });

  it('a question or a story with one fact counts less than three', () => {
    expect(count('how much does ipt cost in leeds')).toBeLessThan(3);
    expect(count('my sister keeps shouting at me')).toBeLessThan(3);
  });
});
