import { asksWhatWasMeant } from '../../src/safety/safetyAnswers';
import { eventsOf, say, textOf } from './safetyDialogHarness';
import { afterOwnCrisis, ASKS_AGAIN, crisisBot, sayOnce } from './crisisDialogSupport';

/**
 * Crisis follow-ups, twelfth pass (crisis8 scripts), by class, through the real gate and MainDialog.
 * A possible risk the backstop alone found gets the check-in: here scripted as such, so each class
 * is tested on what the dialog is given.
 */

const POSSIBLE = { severity: 'concern' as const, possible: true, who: 'self' as const };
const OPENER = 'everything has got on top of me lately';

beforeAll(async () => {
  await say(await crisisBot(), 'what is ipt');
}, 180_000);

describe('"what?" to the check-in question', () => {
  it.each(['wat', 'huh?', 'what do u mean', "i don't get it"])('%j asks what was meant (pure)', (text) => {
    expect(asksWhatWasMeant(text)).toBe(true);
  });

  it.each(['what is ipt', 'no', 'what time is it'])('%j is no such question (pure)', (text) => {
    expect(asksWhatWasMeant(text)).toBe(false);
  });

  it('asks once more in plainer words, with the lines, and then takes the answer', async () => {
    const adapter = await crisisBot({ [OPENER]: POSSIBLE });
    await say(adapter, OPENER);
    const plain = textOf(await sayOnce(adapter, 'huh'));
    expect(plain).toMatch(/more simply/);
    expect(plain).toMatch(/116 123/);
    expect(plain).not.toMatch(/only understand English|don't have to answer/);
    const handed = textOf(await sayOnce(adapter, 'aye'));
    expect(handed).toMatch(/999/);
    expect(handed).toMatch(ASKS_AGAIN);
  });
});

describe('a flat "no" or "not really" just after the check-in closed', () => {
  it('is not left with the menu: help, the nation\'s own line, room to say more', async () => {
    const adapter = await crisisBot({ [OPENER]: POSSIBLE }, { nation: 'northern_ireland', ageGroup: '35_plus' });
    await say(adapter, OPENER);
    await say(adapter, "i'm grand");
    const flat = textOf(await sayOnce(adapter, 'nah not really'));
    expect(flat).toMatch(/116 123/);
    expect(flat).toMatch(/0808 808 8000/);
    expect(flat).not.toMatch(/pick a topic/i);
  });
});

describe('after the check-in\'s "dunno", a bare "aye" to "are you safe?"', () => {
  it('is an acknowledgement: no "glad you\'re safe", the question again', async () => {
    const adapter = await crisisBot({ [OPENER]: POSSIBLE });
    await say(adapter, OPENER);
    expect(textOf(await say(adapter, 'dunno really'))).toMatch(ASKS_AGAIN);
    const next = textOf(await sayOnce(adapter, 'aye'));
    expect(next).not.toMatch(/glad you're safe/);
    expect(next).toMatch(/999/);
  });
});

describe('an answer that confirms danger inside the crisis reply', () => {
  it.each([["no. i'm really not safe"], ['honestly no idea']])('%j tells the host page once more, as immediate; later answers do not', async (answer) => {
    const adapter = await afterOwnCrisis();
    const events = eventsOf(await say(adapter, answer));
    expect(events).toHaveLength(1);
    expect(events[0].value).toMatchObject({ severity: 'immediate' });
    expect(eventsOf(await say(adapter, 'still not safe'))).toHaveLength(0);
  });

  it('a safe answer sends nothing more', async () => {
    const adapter = await afterOwnCrisis();
    expect(eventsOf(await say(adapter, "yes i'm safe, my sister is here"))).toHaveLength(0);
  });
});
