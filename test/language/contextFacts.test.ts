import { asksForWriterToo, othersNation, workPlace } from '../../src/language/contextFacts';

describe('a place that belongs to someone else', () => {
  it.each([
    ['my sister in glasgow got it through her gp', 'scotland'],
    ['my mate down in cardiff says you go via the doctor', 'wales'],
    ['ma brother in belfast wants to try it', 'northern_ireland'],
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

describe('a place of work, which is not home', () => {
  it.each([
    ['what if im working in aberdeen most weeks', 'scotland'],
    ['i work in newport three days a week', 'wales'],
  ])('%s -> %s', (text, nation) => {
    expect(workPlace(text)?.nation).toBe(nation);
  });

  it('a place of work said only to differ from home', () => {
    expect(workPlace('my office is in a different town from where i live')).toEqual({});
  });

  it.each(['i live in leeds', 'im studying in bangor', 'my work is stressing me out', 'how do i get ipt'])('%s says nothing of a place of work', (text) => {
    expect(workPlace(text)).toBeUndefined();
  });
});
