import { allText, buttons, cards, cardText, CLINIC_ENV, conversation, NOT_UNDERSTOOD, texts } from './support';
import { cardProblems } from '../content/validateCard';

/**
 * Not understood: never a bare "I didn't understand", never the same reply twice in a row; the
 * second miss in a row offers a person (with the clinic's details) as well.
 */

const ESCALATED = "Sorry, I'm still not getting it";

describe('fallback', () => {
  test('first miss: says what I can help with, and the menu', async () => {
    const convo = await conversation();
    const replies = await convo.say('what is the capital of peru');
    expect(allText(replies)).toMatch(NOT_UNDERSTOOD);
    expect(allText(replies)).not.toMatch(/didn't understand/);
    expect(buttons(replies)).toEqual(['What is IPT?', 'Is it right for me?', 'What happens in IPT?', 'Get it on the NHS']);
  });

  test('second miss in a row: offers a person (with the clinic details) and the menu', async () => {
    const convo = await conversation({ env: CLINIC_ENV });
    await convo.say('what is the capital of peru');
    const replies = await convo.say('can you book me a taxi');
    expect(allText(replies)).toContain(ESCALATED);
    expect(allText(replies)).toContain('talk to a person at Riverside Clinic');
    expect(buttons(replies)).toEqual(['Talk to a person', 'What is IPT?', 'Is it right for me?', 'What happens in IPT?']);
    const [card] = cards(replies);
    expect(cardProblems(card)).toEqual([]);
    const lines = cardText(card).join('\n');
    expect(lines).toContain('Phone: 020 7946 0000');
    expect(lines).toContain('Email: hello@riverside.example');
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Visit the website', url: 'https://riverside.example' }]);
  });

  test('without clinic details, the offer still names the clinic and the Talk to a person button explains', async () => {
    const convo = await conversation();
    await convo.say('asdf');
    const replies = await convo.say('qwerty');
    expect(allText(replies)).toContain('talk to a person at the clinic');
    expect(cards(replies)).toHaveLength(0);
    expect(allText(await convo.say('Talk to a person'))).toContain("I don't have contact details for the clinic here");
  });

  test('never the same reply twice in a row, however many misses', async () => {
    const convo = await conversation();
    let previous = '';
    for (const text of ['asdf', 'qwerty', 'zxcv', 'hjkl', 'uiop', 'bnm']) {
      const reply = texts(await convo.say(text)).join('\n');
      expect(reply).not.toEqual(previous);
      expect(reply).toMatch(new RegExp(`${NOT_UNDERSTOOD.source}|${ESCALATED}`));
      previous = reply;
    }
  });

  test('understanding something resets the count', async () => {
    const convo = await conversation();
    await convo.say('asdf');
    await convo.say('what is ipt');
    const replies = await convo.say('qwerty');
    expect(allText(replies)).toMatch(NOT_UNDERSTOOD);
    expect(allText(replies)).not.toContain(ESCALATED);
  });

  test('a button press resets the count too', async () => {
    const convo = await conversation();
    await convo.say('asdf');
    await convo.say('Menu');
    expect(allText(await convo.say('qwerty'))).toMatch(NOT_UNDERSTOOD);
  });

  test('the count lives in conversation state: another conversation starts afresh', async () => {
    const convo = await conversation();
    await convo.say('asdf');
    const other = await convo.say({ type: 'message', text: 'qwerty', conversation: { id: 'another', isGroup: false, conversationType: 'personal', name: '' }, from: { id: 'user1', name: 'User' }, channelId: 'emulator', recipient: { id: 'bot', name: 'Bot' } });
    expect(allText(other)).toMatch(NOT_UNDERSTOOD);
    expect(allText(await convo.say('zxcv'))).toContain(ESCALATED);
  });
});
