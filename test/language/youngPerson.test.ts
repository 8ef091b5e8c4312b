import { asksForTheirOwnSupport, asksForYoungPerson } from '../../src/language/youngPerson';

/** A parent or carer giving a young person's age: the answer is the under-18 one for that turn. */
describe('asksForYoungPerson', () => {
  test.each([
    ['my daughter is 15, can she refer herself'],
    ["my son's 13 where do we start"],
    ['is ipt ok for my 14 year old'],
    ['my lad 16 wants therapy'],
    ['how do I get my teenager seen, hes 12'],
    ['our girl is only 17 - is it free for her'],
  ])('"%s": asking for a young person', (text) => {
    expect(asksForYoungPerson(text)).toBe(true);
  });

  test.each([
    ['im 15, can i refer myself'],
    ['my son is 25 and struggling'],
    ['my daughter has had 12 sessions'],
    ['is a session 50 minutes'],
    ['she is 15 minutes late'],
    ['my mum is 80, can she have ipt'],
  ])('"%s": not a young person asked for', (text) => {
    expect(asksForYoungPerson(text)).toBe(false);
  });
});

describe('asksForTheirOwnSupport', () => {
  it.each([
    'is there someone she could phone herself',
    'anything he can use on his own',
    'could they text a helpline without telling us',
    'who can my daughter talk to if she doesnt want to talk to me',
  ])('%s asks what the young person can reach on their own', (text) => {
    expect(asksForTheirOwnSupport(text)).toBe(true);
  });

  it.each(['can she refer herself', 'can he come to the sessions on his own', 'is there anyone we can talk to', 'how do i call the clinic'])(
    '%s does not',
    (text) => {
      expect(asksForTheirOwnSupport(text)).toBe(false);
    },
  );
});
