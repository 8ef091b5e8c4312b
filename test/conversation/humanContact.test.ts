import { openingState, parseClinicHours } from '../../src/callbacks/clinicHours';
import { allText, buttons, cards, CLINIC_ENV, conversation, texts } from './support';

/** "Talk to a person": the clinic's details, honest hours, a call-back with consent first, Childline for under-18s. */

const HOURS = 'Mon-Fri 09:00-17:00';
const ENV = { ...CLINIC_ENV, CLINIC_HOURS: HOURS, CLINIC_REPLY_DAYS: '2' };

describe('talk to a person', () => {
  test('consent, then a number and a time: stored for staff, with an honest reply time', async () => {
    const convo = await conversation({ env: ENV });
    const offer = await convo.say('can i talk to a person');
    expect(cards(offer).map((card) => card.body[0])).toContainEqual(expect.objectContaining({ text: 'Contact Riverside Clinic' }));
    const open = openingState(parseClinicHours(HOURS), new Date(), 'Europe/London').open;
    expect(allText(offer)).toContain(open ? 'The clinic is open now.' : 'The clinic is closed now. It opens again');
    expect(buttons(offer)).toEqual(['Yes, please call me', "No, I'll contact them"]);

    expect(allText(await convo.say('ya go on'))).toContain('What number should they call?');
    expect(allText(await convo.say('why do you need it'))).toContain("doesn't look like a UK phone number");
    const when = await convo.say('its 07700 900 123');
    expect(buttons(when)).toEqual(['Morning', 'Afternoon', 'Any time']);
    const done = await convo.say('mornings are best');
    expect(allText(done)).toContain("I've passed your request to Riverside Clinic");
    expect(allText(done)).toMatch(open ? /working now, and aims to call you within 2 working days/ : /closed now and opens again .* within 2 working days after that/);

    const requests = await convo.harness.callbacks.list();
    expect(requests).toEqual([expect.objectContaining({ phone: '07700900123', when: 'morning', under18: false, done: false })]);
    // Only the number and the time are kept: nothing else the person typed.
    expect(Object.keys(requests[0]).sort()).toEqual(['conversationId', 'createdAt', 'done', 'id', 'phone', 'under18', 'when']);

    // Staff see the request in the transcript (and so in their queue): when to call, never the number.
    const { channelId, conversation: { id } } = convo.harness.adapter.conversation;
    const entries = (await convo.harness.persistence.transcripts.getTranscriptActivities(channelId, id)).items;
    expect(entries.filter((entry) => entry.name === 'CallbackRequest').map((entry) => entry.value)).toEqual([{ when: 'morning', under18: false }]);
    expect(JSON.stringify(entries)).not.toMatch(/07700\s?900\s?123|07700900123/);
  });

  test('saying no stores nothing and leaves the details in view', async () => {
    const convo = await conversation({ env: ENV });
    await convo.say('can i talk to a person');
    const declined = await convo.say('nah');
    expect(allText(declined)).toContain('use the details above');
    expect(await convo.harness.callbacks.list()).toEqual([]);
  });

  test('stop while giving a number stores nothing', async () => {
    const convo = await conversation({ env: ENV });
    await convo.say('can i talk to a person');
    await convo.say('yes');
    expect(allText(await convo.say('stop'))).toContain("Okay, I've stopped that");
    expect(await convo.harness.callbacks.list()).toEqual([]);
  });

  test('two numbers it cannot read: it stops asking and points to the details', async () => {
    const convo = await conversation({ env: ENV });
    await convo.say('can i talk to a person');
    await convo.say('yes please');
    await convo.say('123');
    expect(allText(await convo.say('999'))).toContain("couldn't read that number");
    expect(await convo.harness.callbacks.list()).toEqual([]);
  });

  test('an under-18 is offered Childline as well (age from earlier in the chat)', async () => {
    const convo = await conversation({ env: ENV });
    expect(allText(await convo.say('im 15'))).toContain('help for under-18s');
    const offer = await convo.say('can i talk to a person');
    expect(allText(offer)).toContain('Childline, free, on 0800 1111');
    await convo.say('yes');
    await convo.say('07700900123');
    await convo.say('any time');
    expect(await convo.harness.callbacks.list()).toEqual([expect.objectContaining({ under18: true, when: 'any' })]);
  });

  test('"no thanks" to the offer is its No, not "stop"', async () => {
    const convo = await conversation({ env: ENV });
    await convo.say('can i talk to a person');
    const declined = allText(await convo.say('no thanks'));
    expect(declined).toContain('use the details above');
    expect(declined).not.toContain("I've stopped that");
  });

  test.each([
    ['while giving a number', ['yes'], 'actually no dont call me'],
    ['when asked for a time', ['yes', '07700900123'], 'ive changed my mind'],
    ['when asked for a time, in other words', ['yes please', '07700 900123'], 'nah on second thoughts'],
  ])('changing their mind %s stores nothing and says so', async (_when, before, change) => {
    const convo = await conversation({ env: ENV });
    await convo.say('can i talk to a person');
    for (const message of before) await convo.say(message);
    const reply = allText(await convo.say(change));
    expect(reply).toContain('no call back');
    expect(reply).not.toMatch(/UK phone number|passed your request/);
    expect(await convo.harness.callbacks.list()).toEqual([]);
  });

  test('"no preference" for the time is a time, not a change of mind', async () => {
    const convo = await conversation({ env: ENV });
    await convo.say('can i talk to a person');
    await convo.say('yes');
    await convo.say('07700900123');
    expect(allText(await convo.say('no preference'))).toContain("I've passed your request");
    expect(await convo.harness.callbacks.list()).toEqual([expect.objectContaining({ when: 'any' })]);
  });

  test('asking for someone under 18 earlier in the chat: Childline for them too', async () => {
    const convo = await conversation({ env: ENV });
    await convo.say('my granddaughter who is 14 has been so low lately');
    const offer = allText(await convo.say('can i talk to a person'));
    expect(offer).toContain('For the young person, Childline is free on 0800 1111');
  });

  test('adults are not offered Childline', async () => {
    const convo = await conversation({ env: ENV });
    expect(texts(await convo.say('can i talk to a person')).join(' ')).not.toContain('Childline');
  });
});
