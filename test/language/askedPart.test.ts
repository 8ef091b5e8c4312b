import { askedClause, askedParts, withoutStatedPlace } from '../../src/language/askedPart';

/** Which part of a message asks: a stated place is context, never the question; an age stays. */
describe('a place stated in passing is set aside for matching', () => {
  test.each([
    ['im in leeds, do i need my gp', 'do i need my gp'],
    ['I live in Cardiff and can I refer myself', 'can I refer myself'],
    ['based in belfast - is it free', 'is it free'],
    ['living in Edinburgh how long is the wait', 'how long is the wait'],
    ["we're near Wrexham. what happens after I refer myself?", 'what happens after I refer myself?'],
    ['how do I get ipt in wales', 'how do I get ipt'],
    ['can i self refer, im in dundee', 'can i self refer'],
    ['is there a waiting list in northern ireland?', 'is there a waiting list'],
  ])('"%s" -> "%s"', (text, rest) => {
    expect(withoutStatedPlace(text)).toBe(rest);
  });

  test.each([
    ['im 16 can i self refer'],
    ['i am 72, am i too old for this'],
    ['im 15 and in glasgow, how do i get help'],
    ['how long is the waiting list'],
    ['im in glasgow'],
    ['my dad died in march and i cant stop crying'],
  ])('"%s": nothing set aside (no place, or an age that decides the question, or only the place)', (text) => {
    expect(withoutStatedPlace(text)).toBeUndefined();
  });

  test('a short message that opens with a fact about the person is also read from its question', () => {
    expect(askedClause('im 14, what is ipt')).toBe('what is ipt');
    expect(askedClause("I'm 19 and in York, is it free")).toBe('is it free');
    // No fact about the person first: a short message is read whole.
    expect(askedClause('ok, what is ipt')).toBeUndefined();
  });

  test('the parts besides the whole message: none for a plain question', () => {
    expect(askedParts('how long is the waiting list')).toEqual([]);
    expect(askedParts('im in york, do i need to see my gp')).toEqual(['do i need to see my gp']);
  });
});

