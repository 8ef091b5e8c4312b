import { asksForWriterToo, othersNation } from '../../src/language/contextFacts';

describe('a place that belongs to someone else', () => {
  it.each([
    ['my sister in glasgow got it through her gp', 'scotland'],
    ['my mate down in cardiff says you go via the doctor', 'wales'],
  ])('%s -> %s', (text, nation) => {
    expect(othersNation(text)).toBe(nation);
  });

  it.each(['im in leeds, can i refer myself', 'my sister says it helped', 'how do i get ipt'])('%s names no one else\'s place', (text) => {
    expect(othersNation(text)).toBeUndefined();
  });
});

describe('the same question, now for the writer', () => {
  it.each(['and for me also, im 30', 'what about me', 'me too, same thing', 'but for myself as well?'])('%s asks for the writer too', (text) => {
    expect(asksForWriterToo(text)).toBe(true);
  });

  it.each(['can he have it', 'for me it has been a long year', 'she told me about it', 'is it right for me'])('%s does not', (text) => {
    expect(asksForWriterToo(text)).toBe(false);
  });
});
