import { detectRisk } from '../../src/safety/detectRisk';
import { safetyMode } from '../../src/safety/safetyReply';

/**
 * Eighth pass, by class, in wordings written here (not the blind batches'): past and over said in
 * more ways, final acts told together, everyday idioms, and each with a look-alike on the other side.
 */
function found(text: string): string {
  const got = detectRisk(text);
  return got === null ? 'none' : `${got.category}/${safetyMode(got)}`;
}

describe('eighth pass: past and over gets no safety dialog', () => {
  it.each([
    // a recovery phrase with "again" in it does not make the next sentence speak of the risk
    'Ten years ago I pushed my dad during a row and I was ashamed. We talked it through, it has never happened again and we have visitors round now. I want IPT for my grief.',
    // a goal with "again" ("trusting people again") is not the risk come back
    'my first partner used to hit me but I left when my daughter was little, she is 12 now and we are fine. i want help to feel confident again',
    // "did not want to live" is past tense
    'After my divorce I did not want to live for a few months. That was 2012 and I am happy now. Can IPT help with job stress?',
    // clean of it for years; "that stopped"; "well since"
    'I have been clean of self harm for six years now. Could IPT help me with shyness?',
    'I cut myself as a teenager but that stopped at college and it has been over fifteen years. I want help with my marriage.',
    'Took an overdose in 2008. Well since. Looking for support with caring for my mum.',
    // a childhood accident told as a family story
    'I drank bleach as a toddler, I am 40 now and my dad still tells everyone about it. I want to ask about IPT.',
    'Back in 2016 I took an overdose, and that is all well behind me now. I want help with loneliness after a move.',
  ])('%s', (text) => {
    expect(found(text)).toMatch(/^(?:none|[a-z_]+\/past)$/);
  });

  it.each([
    ['I self harmed years ago and last night I cut myself again', 'self_harm'],
    ['I attempted suicide in 2015 and I want to die again now', 'suicide'],
  ])('the risk back now still gets the hand-off: %s', (text, category) => {
    expect(found(text)).toBe(`${category}/handoff`);
  });
});

describe('eighth pass: final acts told together', () => {
  it.each([
    'sorted my flat in order this morning, cancelled the papers and left the cat with my sister',
    'Cancelled the veg box. Gave the spare key and the dog to next door.',
    'I have handed out most of my tools to the lads at work and changed my life insurance so my brother gets it',
    'Been writing farewell messages to my friends every night and keeping them unsent',
  ])('%s -> suicide', (text) => {
    expect(found(text)).toMatch(/^suicide\//);
  });

  it.each([
    'cancelled the papers and the milk because we are off to Cornwall for a week, left the cat with next door',
    'We are going away on a trip so I put the house in order and cancelled the milk',
    'writing my farewell message to the team before my last day',
    'updated my pension nomination form after the wedding, HR reminded everyone',
  ])('%s -> none', (text) => {
    expect(found(text)).toBe('none');
  });
});

describe('eighth pass: everyday idioms stay quiet', () => {
  it.each([
    'i would die for a takeaway tonight, the kids have worn me out',
    'my nan is 90 and she still beats me at cards every sunday',
    'beats me why the bus is always late',
    'should I get someone in to fix the boiler or try it myself?',
    'I have fallen out with my housemates and I dread going home after work, how do I talk to them?',
  ])('%s', (text) => {
    expect(found(text)).toBe('none');
  });

  it('getting someone to help a person in danger is still a request for help', () => {
    expect(found('should i get someone, she has collapsed and is not breathing')).toMatch(/\/handoff$/);
  });
});

describe('eighth pass: study talk with risk words', () => {
  it.each([
    'sixth form student here. for my extended project i am looking at why young men do not talk about suicide. what is ipt?',
    'im 16 and doing a school project on self harm support for teens, our teacher said we could ask services. who can get ipt?',
    'on my course the lecturer said it is rare for a client to talk about wanting to die, but we must know what to do. for my essay, what is ipt?',
    'I am a wellbeing adviser at a hospital trust, designing a pathway for nurses who have been assaulted by patients. How many IPT sessions are usual?',
    'I am doing a CPD unit on domestic abuse for my job as a health visitor. How does IPT deal with role disputes?',
    'Today in class we covered how to ask a friend if they are thinking about suicide. Is IPT only for serious depression?',
  ])('%s -> the answer with a line of routes', (text) => {
    expect(found(text)).toMatch(/^(?:none|[a-z_]+\/professional)$/);
  });

  it('a pupil who told the writer today is still someone at risk now', () => {
    expect(found('i am a teacher and a pupil told me today she wants to kill herself')).toMatch(/^suicide\/handoff$/);
  });
});
