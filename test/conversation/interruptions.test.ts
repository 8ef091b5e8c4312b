import { allText, buttons, cards, conversation, texts, type Conversation } from './support';

/** Help, stop, urgent help and new topics inside the check; the check's own answers are never lost. */

const Q2 = 'Are other people, or a change in your life, part of how you feel?';

async function inCheck(): Promise<Conversation> {
  const convo = await conversation();
  await convo.say('is it right for me');
  // Not a focus area, so the people question (Q2) is the one left open.
  await convo.say('Something else');
  return convo;
}

describe('interruptions inside a question', () => {
  test('help: explains, then asks the same question again, and the check goes on', async () => {
    const convo = await inCheck();
    const replies = await convo.say('what can you do');
    const lines = texts(replies);
    expect(lines[0]).toContain('I can tell you what IPT is');
    // Someone typing "help" may need help now: the reply always says how to get it, one step away
    // (no crisis numbers printed for a question about the bot).
    expect(lines[0]).toContain('Type "help now"');
    expect(lines[0]).not.toMatch(/999|116 123/);
    expect(lines).toContainEqual(expect.stringContaining('back to where we were'));
    expect(lines[lines.length - 1]).toContain(Q2);
    expect(buttons(replies)).toEqual(['Yes', 'Not really', "I'm not sure", 'Skip', 'Menu']);
    const next = await convo.say('Yes');
    expect(texts(next)).toEqual([expect.stringContaining('How long have you felt like this?')]);
  });

  test('the "What can you do?" button works the same way', async () => {
    const convo = await inCheck();
    const replies = await convo.say('What can you do?');
    expect(texts(replies).pop()).toContain(Q2);
  });

  test('stop: ends the check and shows the menu', async () => {
    const convo = await inCheck();
    const replies = await convo.say('stop');
    expect(texts(replies)).toEqual([expect.stringContaining("Okay, I've stopped that")]);
    expect(buttons(replies)).toEqual(['What is IPT?', 'Is it right for me?', 'What happens in IPT?', 'Get it on the NHS']);
    // Nothing is waiting for an answer any more: "Yes" is not taken as one, and says what can be done instead.
    expect(allText(await convo.say('Yes'))).toContain('What would you like to know?');
  });

  test('the Menu button: ends the check and shows the menu', async () => {
    const convo = await inCheck();
    const replies = await convo.say('Menu');
    expect(texts(replies)).toEqual([expect.stringContaining("Okay, I've stopped that")]);
  });

  test('asking for urgent help goes to the emergency dialog, and the check can go on after', async () => {
    const convo = await inCheck();
    const replies = await convo.say('i need help right now');
    const text = allText(replies);
    expect(text).toContain('999');
    expect(text).toContain('116 123');
    expect(text).toContain('Are you safe right now?');
    expect(text).not.toContain(Q2);
    // Once the person says they are safe and chooses to go back, the emergency dialog ends and the question comes back.
    expect(allText(await convo.say("Yes, I'm safe"))).not.toContain(Q2);
    expect(texts(await convo.say('Back to what we were doing')).pop()).toContain(Q2);
  });

  test('a CrisisSupport guess never hides a usable answer; a real request for help still interrupts', async () => {
    const recognizer = {
      recognize: async () => ({ intent: 'CrisisSupport' as const, score: 0.97, alternatives: [], recognizer: 'local' as const }),
    };
    const convo = await conversation({ recognizer });
    await convo.say('Is it right for me?');
    await convo.say('Something else');
    expect(texts(await convo.say('not sure really'))).toEqual([expect.stringContaining('How long have you felt like this?')]);
    expect(allText(await convo.say('a few weeks, but please I need help now'))).toContain('Are you safe right now?');
  });

  test('a risk message in the middle of the check goes to the emergency dialog (safety gate first)', async () => {
    const convo = await inCheck();
    const replies = await convo.say('i want to kill myself');
    const text = allText(replies);
    expect(text).toContain('999');
    expect(text).toContain('Samaritans');
    // The recogniser is not even asked: safety comes before understanding.
    expect(convo.lastTraces.filter((trace) => trace.name === 'IntentRecognizer')).toHaveLength(0);
  });

  test.each([
    ['typed', 'how do i get it on the nhs', "You don't need to see a GP first"],
    ['typed', 'does it work', 'NICE'],
    ['a topic button', 'What is IPT?', 'IPT stands for Interpersonal Psychotherapy'],
    ['a focus area button', 'Grief', 'Grief is one of the four focus areas'],
  ])('a side question (%s: "%s") is answered, then the check asks its question again', async (_kind, say, expected) => {
    const convo = await inCheck();
    const replies = await convo.say(say);
    expect(allText(replies)).toContain(expected);
    expect(allText(replies)).not.toContain("let's leave the check there");
    expect(allText(replies)).not.toContain("didn't catch that");
    expect(texts(replies).pop()).toContain(Q2);
    // The earlier answer was kept: answering goes on to the third question.
    expect(allText(await convo.say('Yes'))).toContain('How long have you felt like this?');
  });

  test('asking for a person in the middle: the contact details and a call-back offer, then the check waits to be picked up', async () => {
    const convo = await inCheck();
    const replies = await convo.say('can i talk to a person');
    expect(allText(replies)).toContain("I don't have contact details");
    expect(buttons(replies)).toEqual(['Yes, please call me', "No, I'll contact them"]);
    const declined = await convo.say("No, I'll contact them");
    expect(allText(declined)).toContain('use the details above');
    expect(buttons(declined)).toEqual(['Carry on with the check', 'Stop the check']);
    expect(texts(await convo.say('carry on')).pop()).toContain(Q2);
  });

  test('asking for the check in the middle of it asks the open question again', async () => {
    const convo = await inCheck();
    const replies = await convo.say('Is it right for me?');
    expect(texts(replies).pop()).toContain(Q2);
  });

  test('goodbye ends the check', async () => {
    const convo = await inCheck();
    const replies = await convo.say('thanks bye');
    expect(allText(replies)).toContain('Thanks for chatting');
    expect(allText(await convo.say('Yes'))).toContain('What would you like to know?');
  });

  test('a greeting in the middle is not a topic switch: the question is asked again', async () => {
    const convo = await inCheck();
    const replies = await convo.say('hello');
    expect(texts(replies)).toEqual([expect.stringMatching(new RegExp(`didn't catch that[^]*${Q2.replace('?', '\\?')}`))]);
  });

  test('no card is sent when a side question has a text answer', async () => {
    const convo = await inCheck();
    expect(cards(await convo.say('what is ipt'))).toHaveLength(0);
  });
});

describe('interruptions when nothing is in progress', () => {
  test('stop with nothing to stop', async () => {
    const convo = await conversation();
    expect(allText(await convo.say('stop'))).toContain("There's nothing to stop right now");
  });

  test('Menu with nothing in progress shows the menu', async () => {
    const convo = await conversation();
    expect(allText(await convo.say('Menu'))).toContain('Here are some things I can help with');
  });
});
