import { checkInAnswer } from '../../src/safety/safetyAnswers';
import { cardActions, eventsOf, expectInOrder, realBot, say, textOf } from './safetyDialogHarness';

/** A negated risk message gets one gentle, direct question: never a silent pass, never the full hand-off. */

const NEGATED = "I'm not suicidal, just sad";
const QUESTION = 'Sometimes people who feel low have thoughts of ending their life. Is that happening for you?';

/** Only the statistical backstop flags this one (a training example; the lexicon finds nothing): possible: true. */
const POSSIBLE = 'I want everything to go black';
const ROUTES_LINE = 'If you need help now, call 999. You can also call Samaritans free on 116 123, any time.';

/** The backstop alone may guess the wrong kind of risk: one gentle question covers every kind. */
const GENERAL_QUESTION = "I might have read that wrong, and that's OK. I ask because it matters: are you thinking of harming yourself, or is someone harming you?";

async function atCheckIn(message = NEGATED, question = QUESTION) {
  const harness = await realBot({ nation: 'england', ageGroup: '35_plus' });
  const replies = await say(harness.adapter, message);
  // Never without a route: the banner event (concern, not the full hand-off) and one short line.
  expect(eventsOf(replies)).toHaveLength(1);
  expect(eventsOf(replies)[0]).toMatchObject({ type: 'event', name: 'emergencySupport', value: { severity: 'concern' } });
  const text = textOf(replies);
  expectInOrder(text, [ROUTES_LINE, question]);
  // The question, not the full routes list yet.
  expect(text).not.toContain('85258');
  expect(text).not.toContain('Are you safe right now?');
  return harness;
}

describe('risk check-in', () => {
  it('asks the gentle direct question with yes/no buttons', async () => {
    const { adapter } = await realBot();
    const replies = await say(adapter, NEGATED);
    expect(textOf(replies)).toContain(QUESTION);
    expect(textOf(replies)).toMatch(/Yes.*No/);
  });

  it('yes: starts the emergency dialog (event, thanks, 999 first, routes, "are you safe")', async () => {
    const { adapter } = await atCheckIn();
    const replies = await say(adapter, 'Yes');
    expect(eventsOf(replies)[0]).toMatchObject({ type: 'event', name: 'emergencySupport', value: { category: 'suicide' } });
    const text = textOf(replies);
    expect(text).toContain('That can be hard to say');
    expectInOrder(text, ['999', '111', '116 123', '85258', 'Are you safe right now?']);
    expect(cardActions(replies)[0].url).toBe('tel:999');

    expect(textOf(await say(adapter, "yes I'm safe"))).toContain("glad you're safe");
    // The check-in handed over in its place: going back leaves nothing of it open.
    expect(textOf(await say(adapter, 'Back to what we were doing'))).not.toContain('Is that happening for you');
  });

  it('"sometimes", "not sure" or not wanting to call anyone counts as yes', async () => {
    for (const answer of ['sometimes', "I'm not sure", "I don't want to call anyone"]) {
      const { adapter } = await atCheckIn();
      expect(eventsOf(await say(adapter, answer))).toHaveLength(1);
    }
  });

  it('no: thanks them kindly, says where help is anyway, and ends', async () => {
    const { adapter } = await atCheckIn();
    const replies = await say(adapter, 'No');
    expect(eventsOf(replies)).toHaveLength(0);
    const text = textOf(replies);
    expect(text).toMatch(/^Thank you for answering/);
    expectInOrder(text, ['help is there any time', '999', '116 123', '85258', 'carry on']);
    // The person's nation is known (England): its urgent line joins 999, Samaritans and Shout.
    expect(cardActions(replies).map((action) => action.url)).toEqual(['tel:999', 'tel:116123', 'sms:85258?&body=SHOUT', 'tel:111']);
    expect(text).not.toContain('Are you safe');
    // Ended: the next message is answered normally, not read as an answer.
    const next = textOf(await say(adapter, 'what is IPT'));
    expect(next).not.toContain('Thank you for answering');
    expect(next).not.toContain(QUESTION);
  });

  it('an unclear answer still gets where help is, kindly, and ends', async () => {
    const { adapter } = await atCheckIn();
    const text = textOf(await say(adapter, 'what is IPT anyway'));
    expect(text).toMatch(/^That's OK\. You don't have to answer/);
    expectInOrder(text, ['999', '116 123']);
  });

  it('a clear risk message during the check-in goes straight to the emergency dialog', async () => {
    const { adapter } = await atCheckIn();
    const replies = await say(adapter, 'actually I want to kill myself');
    expect(eventsOf(replies)).toHaveLength(1);
    expectInOrder(textOf(replies), ['999', '116 123', 'Are you safe right now?']);
  });

  it('a message only the backstop flags gets the same gentle check-in, and "yes" starts the emergency dialog', async () => {
    const { adapter } = await atCheckIn(POSSIBLE, GENERAL_QUESTION);
    const replies = await say(adapter, 'yes');
    expect(eventsOf(replies)[0]).toMatchObject({ name: 'emergencySupport', value: { category: 'suicide' } });
    expectInOrder(textOf(replies), ['999', '116 123', '85258', 'Are you safe right now?']);
  });

  it('the check-in line takes its numbers from the crisis routes data', async () => {
    const { adapter } = await realBot();
    const text = textOf(await say(adapter, NEGATED));
    expect(text).toContain(ROUTES_LINE);
  });

  it('a negated message inside the emergency dialog is read as its answer: the gentle reply, not the hand-off again, never "glad you\'re safe"', async () => {
    const { adapter } = await realBot({ nation: 'england', ageGroup: '35_plus' });
    await say(adapter, 'I want to kill myself');
    const replies = await say(adapter, "I'm not suicidal, just sad");
    const text = textOf(replies);
    expect(text).toContain('still feel heavy');
    expect(text).not.toMatch(/glad you're safe|116 123|Are you safe/);
  });

  it('an answer in another language: the gate says, in that language, that it reads English only, with 999 first', async () => {
    const { adapter } = await atCheckIn();
    const replies = await say(adapter, 'Nie wiem, czasami');
    const text = textOf(replies);
    expect(replies.find((reply) => reply.type === 'message')?.locale).toBe('pl');
    expect(text).toContain('999');
    expect(text.indexOf('999')).toBeLessThan(text.indexOf('116 123'));
    expect(text).not.toMatch(/glad you're safe/i);
  });
});

describe('reading the check-in answer', () => {
  it.each([
    ['Yes', 'yes'],
    ['yeah', 'yes'],
    ['sometimes', 'yes'],
    ['a bit', 'yes'],
    ['No', 'no'],
    ['nope', 'no'],
    ["no I'm fine", 'no'],
    ["I don't think so", 'no'],
    ['not really', 'no'],
    ['not sure', 'unsure'],
    ['maybe', 'unsure'],
    ['no... well sometimes', 'yes'],
    ['tell me about IPT', 'unknown'],
    ["I'm not sure", 'unsure'],
    ["I don't know", 'unsure'],
  ])('%j -> %s', (text, expected) => {
    expect(checkInAnswer(text)).toBe(expected);
  });

  it('a tapped or numbered button counts', async () => {
    const { adapter } = await atCheckIn();
    expect(eventsOf(await say(adapter, '1'))).toHaveLength(1);
  });
});
