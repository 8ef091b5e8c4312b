import type { Recognizer } from '../../src/language/recognizer';
import { safetyReply } from '../../src/safety/safetyReply';
import type { RiskAssessment } from '../../src/safety/types';
import { t } from '../../src/content/i18n';
import { cardActions, eventsOf, expectInOrder, realBot, say, textOf } from './safetyDialogHarness';
import { messages, sayOnce, scriptedRisk, suggested, wordCount } from './crisisDialogSupport';

/**
 * Each combination of who is at risk, when and in what frame gets its own reply, from locales/
 * (strings/safety.json and crisis-routes.json's `replies`). The detector fills who/when/frame; here
 * hand-made assessments stand in for it (scriptedRisk), through the real bot and MainDialog.
 */

const WEBCHAT = { channelId: 'webchat', locale: 'en-GB' };
const ENGLAND = { nation: 'england', ageGroup: '35_plus' } as const;
const assess = (fields: Partial<RiskAssessment>): RiskAssessment => ({ category: 'suicide', severity: 'immediate', matched: ['test'], negated: false, ...fields });

describe('which reply an assessment gets (pure)', () => {
  it.each<[Partial<RiskAssessment>, string, string, string]>([
    [{}, 'handoff', 'self', 'self'],
    [{ category: 'abuse' }, 'handoff', 'self_abuse', 'self'],
    [{ category: 'danger' }, 'handoff', 'self_danger', 'self'],
    [{ negated: true }, 'checkIn', 'self', 'self'],
    [{ possible: true }, 'checkIn', 'self', 'self'],
    [{ when: 'past' }, 'past', 'self', 'self'],
    [{ frame: 'professional' }, 'professional', 'self', 'self'],
    [{ frame: 'professional', who: 'adult' }, 'professional', 'someone', 'other'],
    [{ who: 'adult' }, 'handoff', 'someone', 'other'],
    [{ who: 'adult', category: 'self_harm' }, 'handoff', 'someone', 'other'],
    [{ who: 'adult', category: 'abuse' }, 'handoff', 'someone_abuse', 'other'],
    [{ who: 'adult', category: 'danger' }, 'handoff', 'someone_abuse', 'other'],
    [{ who: 'child', category: 'abuse' }, 'handoff', 'child_abuse', 'other'],
    [{ who: 'child', category: 'self_harm' }, 'handoff', 'child', 'other'],
    [{ who: 'older_adult', category: 'abuse' }, 'handoff', 'older_adult', 'other'],
    [{ who: 'older_adult', category: 'suicide' }, 'handoff', 'someone', 'other'],
    [{ category: 'harm_to_others' }, 'handoff', 'harming', 'everyone'],
    [{ category: 'harm_to_others', who: 'adult' }, 'handoff', 'harming', 'everyone'],
    [{ category: 'harm_to_others', who: 'child' }, 'handoff', 'harming_child', 'everyone'],
    [{ category: 'medical' }, 'handoff', 'medical', 'self'],
    [{ category: 'medical', who: 'older_adult' }, 'handoff', 'medical', 'other'],
  ])('%j -> %s / %s / %s', (fields, mode, kind, audience) => {
    expect(safetyReply(assess(fields))).toEqual({ mode, kind, audience });
  });
});

/** A recogniser that knows one question, so "the normal answer" can be seen after a note. */
const askingAboutIpt = (texts: string[]): Recognizer => ({
  recognize: async (text) =>
    texts.includes(text)
      ? { intent: 'AboutIpt', score: 0.95, alternatives: [], recognizer: 'local' }
      : { intent: 'None', score: 1, alternatives: [], recognizer: 'local' },
});

async function botWith(script: Record<string, Partial<RiskAssessment>>, profile: Parameters<typeof realBot>[0] = ENGLAND, recognizer?: Recognizer) {
  const harness = await realBot(profile, WEBCHAT, recognizer);
  harness.adapter.use(scriptedRisk(script));
  return harness;
}

describe('helping someone else', () => {
  it('a friend at risk: 999 if they are in danger now, how to talk to them, the lines that take calls from people worried about someone', async () => {
    const { adapter } = await botWith({ 'my flatmate has been hurting herself': { category: 'self_harm', who: 'adult' } });
    const replies = await sayOnce(adapter, 'my flatmate has been hurting herself');
    expect(eventsOf(replies)).toHaveLength(1);
    const [routes, question] = messages(replies);
    expectInOrder(routes, ['good that you want to help', 'If they are in danger now, call 999', 'listen without judging', 'worried about someone', 'Samaritans', '116 123', 'SHOUT to 85258', 'Papyrus', '0800 068 4141', 'ask them straight out']);
    expect(routes).not.toMatch(/chatbot|your life|Are you safe/);
    expect(wordCount(routes)).toBeLessThan(130);
    expect(question).toBe('Are they safe right now?');
    expect(suggested(replies)).toEqual(["Yes, they're safe", 'No', "I'm not sure", 'More places to get help']);

    const notSafe = textOf(await sayOnce(adapter, 'no'));
    expect(notSafe).toMatch(/^Please call 999 now\. If it is safe for you, stay with them/);
    const safe = await sayOnce(adapter, "she's safe now, she's with me");
    expect(textOf(safe)).toContain("glad they're safe");
    // No safety plan for someone else: more places, or back.
    expect(suggested(safe)).toEqual(['More places to get help', 'Back to what we were doing']);
  });

  it('a child: 999 if in danger now, the NSPCC, the police on 101', async () => {
    const { adapter } = await botWith({ 'my pupil told me her stepdad hits her': { category: 'abuse', who: 'child' } });
    const replies = await sayOnce(adapter, 'my pupil told me her stepdad hits her');
    expectInOrder(textOf(replies), ['If they are in danger now, call 999', 'NSPCC', '0808 800 5000', 'Police (not an emergency)', '101', 'Are they safe right now?']);
    expect(cardActions(replies).map((action) => action.url)).toEqual(['tel:999', 'tel:08088005000', 'tel:101']);
    expect(textOf(await say(adapter, 'More places to get help'))).toContain('Childline');
  });

  it('an older person being harmed: Hourglass, the police on 101, the council\'s adult social care team', async () => {
    const { adapter } = await botWith({ 'the carer hits my gran': { category: 'abuse', who: 'older_adult' } });
    expectInOrder(textOf(await sayOnce(adapter, 'the carer hits my gran')), ['999', 'Hourglass', '0808 808 8141', '101', 'adult social care']);
  });

  it('an adult at risk of abuse or neglect: the council\'s adult social care team', async () => {
    const { adapter } = await botWith({ 'my brother is being beaten by his partner': { category: 'abuse', who: 'adult' } });
    expectInOrder(textOf(await sayOnce(adapter, 'my brother is being beaten by his partner')), ['999', '101', '116 123', 'adult social care']);
  });

  it('an older person in a crisis of their own (not abuse): the lines for anyone worried about someone', async () => {
    const { adapter } = await botWith({ 'my dad is saving his heart tablets': { category: 'suicide', who: 'older_adult' } });
    const text = textOf(await sayOnce(adapter, 'my dad is saving his heart tablets'));
    expectInOrder(text, ['999', '116 123', '85258']);
    expect(text).not.toContain('Hourglass');
  });
});

describe('the person who may harm someone', () => {
  it('999 if someone is in danger now, the Respect Phone Line, no judgement; asks whether everyone is safe', async () => {
    const { adapter } = await botWith({ "I've been rough with my mum, I care for her": { category: 'harm_to_others', who: 'older_adult', severity: 'concern' } });
    const replies = await sayOnce(adapter, "I've been rough with my mum, I care for her");
    expectInOrder(textOf(replies), ['without judging you', 'If anyone is in danger now, call 999', 'Respect Phone Line', '0808 802 4040', '116 123', 'Is everyone safe right now?']);
    expect(textOf(replies)).not.toMatch(/your fault|crime|report/i);
    expect(textOf(await say(adapter, 'Yes, everyone is safe'))).toContain("glad everyone is safe");
  });

  it('a child who may be hurt: the NSPCC as well', async () => {
    const { adapter } = await botWith({ 'I keep thinking I might shake the baby': { category: 'harm_to_others', who: 'child' } });
    expectInOrder(textOf(await sayOnce(adapter, 'I keep thinking I might shake the baby')), ['999', 'Respect', 'NSPCC', '0808 800 5000']);
  });
});

describe('physical emergencies', () => {
  it('someone else: 999 now, plain and short, with the signs of a stroke', async () => {
    const { adapter } = await botWith({ "my dad's face is drooping and his words come out wrong": { category: 'medical', who: 'older_adult' } });
    const replies = await sayOnce(adapter, "my dad's face is drooping and his words come out wrong");
    const first = messages(replies)[0];
    expect(first).toMatch(/^This sounds urgent\. Please call 999 now\. Stay with them/);
    expect(first).toContain('Signs of a stroke');
    expect(wordCount(first)).toBeLessThan(55);
    expect(cardActions(replies).map((action) => action.url)).toEqual(['tel:999']);
    expect(messages(replies)[1]).toBe('Is help on the way for them now? Has someone called for an ambulance?');
    expect(textOf(await sayOnce(adapter, "he says he's fine"))).toContain('call 999');
    expect(textOf(await sayOnce(adapter, "I've called 999"))).toMatch(/Well done for getting help\. Stay with them.*call handler/);
  });
});

describe('past and over, and work or study', () => {
  it('past and over: one line with routes kept handy, no banner, no question, then the normal answer', async () => {
    const message = 'I took an overdose twenty years ago and I have been well since. What is IPT?';
    const { adapter } = await botWith({ [message]: { category: 'medical', when: 'past', severity: 'concern' } }, ENGLAND, askingAboutIpt([message]));
    const replies = await sayOnce(adapter, message);
    expect(eventsOf(replies)).toEqual([]);
    const [note, answer] = messages(replies);
    expect(note).toBe(t('en-GB', 'safety:note.past'));
    // Routes named and one step away ("help now"), no numbers printed: nothing here is a risk now.
    expect(note).not.toMatch(/999|116 123/);
    expect(answer).toContain('Interpersonal Psychotherapy');
    expect(textOf(replies)).not.toMatch(/Are you safe|Is that happening/);
    // No hand-off is left open: the next message is answered as usual.
    expect(textOf(await say(adapter, 'thanks'))).not.toMatch(/safe|999/);
  });

  it('a student nurse: the normal answer with a short line of routes, no check-in, no banner', async () => {
    const message = "I'm a student nurse writing about self-harm in young people. What is IPT?";
    const { adapter } = await botWith({ [message]: { category: 'self_harm', frame: 'professional', severity: 'concern' } }, ENGLAND, askingAboutIpt([message]));
    const replies = await sayOnce(adapter, message);
    expect(eventsOf(replies)).toEqual([]);
    const text = textOf(replies);
    expectInOrder(text, ['If this touches you or someone you support', 'Samaritans and Shout', 'help now', 'Interpersonal Psychotherapy']);
    expect(text).not.toMatch(/999|116 123|85258/);
    expect(text).not.toMatch(/Are you safe|Is that happening/);
  });

  it('after the person said they are safe: the note and the normal answer, not the safety offer again', async () => {
    const message = "I'm a student nurse: how does IPT help people who self-harm?";
    const { adapter } = await botWith({ [message]: { category: 'self_harm', frame: 'professional', severity: 'concern' } }, ENGLAND, askingAboutIpt([message]));
    await say(adapter, 'I want to kill myself');
    await say(adapter, "yes I'm safe");
    const text = textOf(await sayOnce(adapter, message));
    // The answer is the knowledge base's "how does IPT work?" (the question matcher comes first).
    expectInOrder(text, ['If this touches you', 'therapist']);
    expect(text).not.toMatch(/choose one of these|Are you safe/);
  });

  it('inside the suitability check: the note, then the check goes on (the message is read as usual)', async () => {
    const message = 'years ago I self-harmed, it is long over';
    const { adapter } = await botWith({ [message]: { category: 'self_harm', when: 'past', severity: 'concern' } }, ENGLAND, {
      recognize: async (text) => ({ intent: text === 'is it right for me' ? 'SuitabilityCheck' : 'None', score: 0.9, alternatives: [], recognizer: 'local' }),
    });
    expect(textOf(await say(adapter, 'is it right for me'))).toContain(t('en-GB', 'suitability:questions.concern.text'));
    const text = textOf(await sayOnce(adapter, message));
    expect(text).toContain('Thank you for sharing that');
    expect(text).not.toContain('Are you safe');
  });
});
