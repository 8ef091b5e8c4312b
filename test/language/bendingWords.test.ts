import { classifyControl, hasChangeCue, isFitQuestion, isWhyAsk } from '../../src/language/controlWords';
import { extractAge } from '../../src/language/entities';
import { joinList, nationRouteHint, sayBackFacts } from '../../src/content/checkSayBack';

/** The sixth pass's word classes, in wordings of our own (the dialogs' use of them is in test/conversation). */

describe('isWhyAsk: asking why a question of the check is asked', () => {
  it.each(['why do you need to know that?', 'y do u need to know', 'ok but why does my age matter', 'whats that got to do with it', 'how come?', 'why do you need to know where i live tho', 'why?'])(
    '"%s" asks why',
    (text) => expect(isWhyAsk('en-GB', text)).toBe(true),
  );
  it.each(['why is ipt only 16 weeks', 'why do people get depressed after a break up', 'a few months', 'what is ipt', 'why do you need to know my age and where i live and what i do for work'])(
    '"%s" does not',
    (text) => expect(isWhyAsk('en-GB', text)).toBe(false),
  );
});

describe('isFitQuestion: whether IPT fits what was said', () => {
  it.each(['would this help', 'could that help me?', 'im 58, lost my wife in the summer, is this therapy something that could help me', 'would this be good for me'])(
    '"%s" asks about fit',
    (text) => expect(isFitQuestion('en-GB', text)).toBe(true),
  );
  it.each(['can you help me', 'i lost my wife, this is hard', 'how do i get it'])('"%s" does not', (text) => expect(isFitQuestion('en-GB', text)).toBe(false));
});

describe('"what was the question" said more ways, and corrections', () => {
  it.each(['whats the question again?', 'what did u say', 'sorry which question'])('"%s" asks for the question', (text) => {
    expect(classifyControl('en-GB', text)?.kind).toBe('repeat');
  });
  it('"again" as a tail never turns "start again" into something else', () => {
    expect(classifyControl('en-GB', 'start again')?.kind).toBe('restart');
  });
  it.each(['no wait, it is cardiff after all', 'scratch that, im in york', 'typo, im in wales'])('"%s" corrects what was said', (text) => {
    expect(hasChangeCue('en-GB', text)).toBe(true);
  });
});

describe('an age that opens a message followed only by a place', () => {
  it.each([
    ['31, cornwall', '18_to_34'],
    ['44 brighton', '35_plus'],
    ['16, west yorkshire', 'under_18'],
  ])('"%s" states an age', (text, ageGroup) => expect(extractAge(text)?.ageGroup).toBe(ageGroup));
  it.each(['3 cornwall', '31 ways to feel better in cornwall', 'room 12 leeds general'])('"%s" does not', (text) => expect(extractAge(text)).toBeUndefined());
});

describe('saying back what the check took from a message', () => {
  it('names each fact in the person\'s terms, as one list', () => {
    const items = sayBackFacts('en-GB', { concern: ['grief'], age: '35_plus', nation: 'wales' });
    expect(joinList('en-GB', items)).toBe('your loss, that you are 35 or over and that you live in Wales');
  });
  it('adds the GP only for a nation outside England', () => {
    expect(nationRouteHint('en-GB', { nation: 'scotland' })).toMatch(/GP/);
    expect(nationRouteHint('en-GB', { nation: 'england' })).toBeUndefined();
    expect(nationRouteHint('en-GB', { age: '18_to_34' })).toBeUndefined();
  });
});
