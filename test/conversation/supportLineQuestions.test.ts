import { detectRiskLexiconOnly } from '../../src/safety/detectRisk';
import { createBotHarness } from '../support/botHarness';
import { say, textOf } from '../support/turns';

/**
 * A question about what the support lines are is answered, not met with the emergency hand-off;
 * the same line named with the writer's own need, with now, or with harm still hands off.
 * Wordings written for this test.
 */

const firstTurn = (text: string) => say(createBotHarness({}).adapter, text);
const handedOff = (replies: Awaited<ReturnType<typeof firstTurn>>) => replies.some((activity) => activity.type === 'event' && activity.name === 'emergencySupport');

describe('questions about the lines themselves', () => {
  it.each([
    'what exactly is the samaritans',
    'is childline free to ring from a mobile',
    'is there a helpline for fishermen? asking for the harbour office wall',
    'whats the difference between shout and samaritans',
    'who runs the 116 123 number',
  ])('%j is read as asking, not as a plea', (text) => {
    expect(detectRiskLexiconOnly(text)?.frame ?? 'quiet').toMatch(/professional|quiet/);
  });

  it('is answered with what the lines are for and how to reach them, without the hand-off', async () => {
    const replies = await firstTurn('is there a helpline for fishermen? asking for the harbour office wall');
    expect(handedOff(replies)).toBe(false);
    expect(textOf(replies)).toMatch(/116 123/);
    expect(textOf(replies)).toMatch(/do not need to be in danger/);
  });
});

describe('a line named with the writer, now, or harm still hands off', () => {
  it.each([
    'whats the samaritans number, i cant do this anymore',
    'is there a helpline open right now',
    'which helpline do i ring, my husband is kicking the door in',
    'do you have to be suicidal to call samaritans because i think i am',
  ])('%j gets the safety reply', async (text) => {
    const replies = await firstTurn(text);
    expect(handedOff(replies)).toBe(true);
  });
});
