import { checkInAnswer, readSafeNow, safetyRequest } from '../../src/safety/safetyAnswers';
import { eventsOf, say, textOf } from './safetyDialogHarness';
import { ASKS_AGAIN, afterOwnCrisis, crisisBot, sayOnce } from './crisisDialogSupport';

/**
 * Follow-ups to the crisis reply, by class: saying "not safe" to the gentle check-in, refusing 999
 * with no one to turn to, a young person's replies that answer nothing, asking for help to get
 * through the night, and a "yes" to a check-in after the person already had the hand-off. Through
 * the real gate, detector and MainDialog.
 */

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('"not safe" said to the gentle check-in', () => {
  it.each(['honestly i dont feel safe', 'no, not very safe', 'im not feeling very safe tonight', 'kind of unsafe tbh'])('%j is danger, read as a yes (pure)', (text) => {
    expect(checkInAnswer(text)).toBe('yes');
  });

  it.each(['no im safe', 'nope, i am fine', 'not really'])('%j stays a no (pure)', (text) => {
    expect(checkInAnswer(text)).toBe('no');
  });

  it('hands over to 999 and the question, never "thanks for answering"', async () => {
    const adapter = await crisisBot({ 'LESSER RISK': { category: 'suicide', severity: 'concern' } });
    await say(adapter, 'LESSER RISK');
    const text = textOf(await sayOnce(adapter, 'i dont feel very safe no'));
    expect(text).toMatch(/999/);
    expect(text).toMatch(ASKS_AGAIN);
    expect(text).not.toMatch(/Thank you for answering/);
  });
});

describe('refusing 999 with no one to turn to', () => {
  it.each(["i won't phone 999, there's nobody i can talk to anyway", 'not calling 999 and i have no one i trust'])('%j is reluctance about services, not a "no" (pure)', (text) => {
    const reading = readSafeNow(text);
    expect(reading).toMatchObject({ reluctant: true, aimedAtServices: true });
    expect(reading.label).not.toBe('notSafe');
  });

  it('gets other ways, 999 at most once, and the dialog stays', async () => {
    const adapter = await afterOwnCrisis();
    await say(adapter, 'i dunno');
    const replies = await sayOnce(adapter, "i won't phone 999, there's nobody i can talk to anyway");
    const text = textOf(replies);
    expect(count(text, '999')).toBeLessThanOrEqual(1);
    expect(text).toContain('85258');
    expect(text).toMatch(/\?/);
    expect(eventsOf(replies)).toHaveLength(0);
  });
});

describe('someone under 18 whose answer says nothing about safety', () => {
  it.each(["my mum and dad can't find out, they'd go spare", 'what happens if i tell a teacher'])('%j keeps Childline beside 999, once', async (message) => {
    const adapter = await afterOwnCrisis({ nation: 'scotland', ageGroup: 'under_18' });
    await say(adapter, 'no');
    const text = textOf(await sayOnce(adapter, message));
    expect(count(text, '0800 1111')).toBe(1);
    expect(text).toMatch(/999/);
  });
});

describe('asking for help to get through the night', () => {
  it.each(['could you help me make some sort of plan for tonight', 'can you help me get through tonight somehow'])('%j is a plan request (pure)', (text) => {
    expect(safetyRequest(text)).toBe('plan');
  });

  it.each(['i have a plan for tonight', 'i wont get through tonight'])('%j asks for nothing (pure)', (text) => {
    expect(safetyRequest(text)).toBeUndefined();
  });

  it('before the person has said they are safe, starts the safety plan', async () => {
    const adapter = await afterOwnCrisis();
    await say(adapter, 'not sure');
    expect(textOf(await sayOnce(adapter, 'could you help me make some sort of plan for tonight'))).toMatch(/Let's make a simple plan/);
  });
});

describe('a "yes" to the check-in after the crisis reply', () => {
  it('gets the hand-off words and the question, without a second emergency event', async () => {
    const adapter = await afterOwnCrisis();
    await say(adapter, "yes i'm safe, my partner is home");
    expect(eventsOf(await say(adapter, 'i just feel like a burden to everyone'))).toHaveLength(0);
    const replies = await sayOnce(adapter, 'yeah a bit');
    expect(eventsOf(replies)).toHaveLength(0);
    expect(textOf(replies)).toMatch(/999/);
    expect(textOf(replies)).toMatch(ASKS_AGAIN);
  });
});
