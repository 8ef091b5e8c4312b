import { detectRisk } from '../../src/safety/detectRisk';
import { safetyMode } from '../../src/safety/safetyReply';

/**
 * Twelfth pass: work and study talk that still got a check-in or a hand-off. A course or
 * refresher finished "today", a training day, a training "this week", a 999 call taker or call
 * handler, callers who "talk about" wanting to die, a role named with more words before it, and
 * how a shift "stays with me". Each gets the answer with a short line of routes; the same role
 * with the writer's own risk now, or a body in danger, keeps its reply. Wordings written for this
 * test.
 */
function mode(text: string): string {
  const got = detectRisk(text);
  return got === null ? 'none' : safetyMode(got);
}

describe('twelfth pass: work and study talk gets the answer and a line of routes', () => {
  it.each([
    'Did our first aid at work refresher this morning, we went through CPR and what to do when someone is having a seizure.',
    'Our induction day went over what to do if a colleague is unconscious after a fall.',
    'I help out with a listening charity twice a week. Some callers talk about ending their life and that stays with me on the drive home.',
    "I'm an emergency call handler, we take overdose calls most nights. Could IPT help with the strain of the job?",
    'Residential home shift lead here. We ran safeguarding training on neglect and financial abuse this week.',
    'I work as a 999 call taker and hear domestic abuse calls every shift. Is IPT offered to control room staff?',
    'I am a second year adult nursing student and on placement I see patients admitted after self-harm.',
  ])('%s', (text) => {
    // No check-in and no hand-off: the answer, with at most a short line of routes.
    expect(['professional', 'none']).toContain(mode(text));
  });
});

describe('twelfth pass: the same roles with risk of their own now keep their reply', () => {
  it.each([
    ["I'm an emergency call handler and after last night's shift I want to take an overdose myself", 'handoff'],
    ['Did a first aid course today and when I got home my dad collapsed and he is not breathing', 'handoff'],
    ['Samaritans volunteer here, and tonight I am the one planning to kill myself', 'handoff'],
    ['I help out with a listening charity but honestly I am the one who wants to die right now', 'handoff'],
  ])('%s', (text, expected) => {
    expect(mode(text)).toBe(expected);
  });
});

describe('twelfth pass: low mood that keeps coming back is the mood, not the risk', () => {
  it.each([
    'I took an overdose at 20, that was twelve years ago and I have been well ever since. Is IPT good for depression that keeps coming back?',
    'tried to end it when i was at uni, that was a long time ago and im in a good place now. can ipt help with anxiety that keeps coming back?',
  ])('%s', (text) => {
    expect(detectRisk(text)?.when).toBe('past');
  });

  it.each([
    'I attempted suicide years ago and was well for a long time, but it has come back this month',
    'i self harmed years ago and stopped, but the urges keep coming back lately',
  ])('the risk itself back: %s', (text) => {
    expect(detectRisk(text)?.when).toBe('current');
  });
});
