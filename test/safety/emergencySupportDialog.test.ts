import type { Activity } from 'botbuilder';
import { readSafeAnswer } from '../../dialogs/emergencySupportDialog';
import { safeNowAnswer } from '../../src/safety/safetyAnswers';
import { cardActions, eventsOf, expectInOrder, realBot, say, textOf } from './safetyDialogHarness';

/**
 * The emergency-support dialog on the real bot (createBotHarness: real gate, detector, MainDialog,
 * onTurnError), with a None recogniser so nothing but the safety path is under test.
 */

const RISK = 'I want to kill myself';
const ASK_SAFE = 'Are you safe right now?';
const PLACEHOLDER_OR_ANSWER = (text: string) => !text.includes(ASK_SAFE) && !text.includes('116 123');

describe('emergency support at the root', () => {
  it('sends the event first, then a warm reply with 999 first and every route, then asks if they are safe', async () => {
    const { adapter } = await realBot({ nation: 'england', ageGroup: '35_plus' });
    const replies = await say(adapter, RISK);

    expect(replies[0]).toMatchObject({ type: 'event', name: 'emergencySupport', value: { category: 'suicide', severity: expect.stringMatching(/^(immediate|concern)$/) } });
    expect(Object.keys(replies[0].value as object).sort()).toEqual(['category', 'severity']);
    expect(replies[0].text).toBeUndefined();
    expect(eventsOf(replies)).toHaveLength(1);
    expect(JSON.stringify(eventsOf(replies))).not.toContain('kill');

    const text = textOf(replies);
    expect(text).toContain('You deserve support');
    expect(text).toMatch(/not an emergency service|chatbot/);
    expectInOrder(text, ['999', '111', 'mental health option', '116 123', 'SHOUT to 85258', ASK_SAFE]);
    expect(text).not.toMatch(/commit/i);

    const actions = cardActions(replies);
    expect(actions.map((action) => action.url)).toEqual(['tel:999', 'tel:111', 'tel:116123', 'sms:85258&body=SHOUT', 'mailto:jo@samaritans.org']);
    expect(actions[0].title).toBe('Call 999');
    const card = replies.flatMap((reply) => reply.attachments ?? [])[0];
    expect(card.content).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  });

  it('treats a request for the crisis numbers the same way', async () => {
    const { adapter } = await realBot();
    for (const ask of ['Can I have the Samaritans number', 'I need help now']) {
      const replies = await say(adapter, ask);
      expect(eventsOf(replies)[0]?.value).toMatchObject({ category: expect.any(String) });
      expectInOrder(textOf(replies), ['999', '116 123', '85258']);
      await say(adapter, 'yes I am safe');
    }
  });
});

describe('"are you safe right now?"', () => {
  async function atQuestion() {
    const harness = await realBot({ nation: 'england', ageGroup: '35_plus' });
    expect(textOf(await say(harness.adapter, RISK))).toContain(ASK_SAFE);
    return harness;
  }

  it('safe: says so, offers support or going back, and ends (the next message is handled normally)', async () => {
    const { adapter } = await atQuestion();
    const text = textOf(await say(adapter, "Yes, I'm safe"));
    expect(text).toContain("glad you're safe");
    expect(text).toContain('go back to what we were doing');
    expect(text).not.toContain('999');
    const next = textOf(await say(adapter, 'what is IPT'));
    expect(PLACEHOLDER_OR_ANSWER(next)).toBe(true);
    expect(next.length).toBeGreaterThan(0);
  });

  it('not safe: 999 first, then the routes again, stays supportive and asks again; a second "no" repeats 999 and ends', async () => {
    const { adapter } = await atQuestion();
    const first = textOf(await say(adapter, 'no'));
    expectInOrder(first, ['call 999', '111', '116 123', '85258', "I'm still here", ASK_SAFE]);
    expect(first.indexOf('999')).toBeLessThan(first.indexOf('116 123'));

    const second = await say(adapter, 'No');
    expectInOrder(textOf(second), ['call 999', '116 123', '85258', "I'm still here"]);
    expect(textOf(second)).not.toContain(ASK_SAFE);
    expect(cardActions(second)[0].url).toBe('tel:999');

    const after = textOf(await say(adapter, 'ok'));
    expect(after).not.toContain("glad you're safe");
  });

  it('"I don\'t feel safe" (which the detector also flags): 999 first, then the routes and the question', async () => {
    const { adapter } = await atQuestion();
    const text = textOf(await say(adapter, "I don't feel safe"));
    expect(text).toMatch(/^Thank you for telling me\. Please call 999 now/);
    expectInOrder(text, ['999', '116 123', '85258', ASK_SAFE]);
    expect(textOf(await say(adapter, 'yes I am safe now'))).toContain("glad you're safe");
  });

  it('not sure: 999 first and the routes', async () => {
    const { adapter } = await atQuestion();
    const text = textOf(await say(adapter, "I'm not sure"));
    expect(text).toMatch(/^That's OK\. When you're not sure/);
    expectInOrder(text, ['999', '116 123', '85258', ASK_SAFE]);
  });

  it('no recognisable answer: treated as not safe, 999 first', async () => {
    const { adapter } = await atQuestion();
    const text = textOf(await say(adapter, 'what time is it'));
    expect(text).toMatch(/^I want to be sure you're safe/);
    expectInOrder(text, ['999', '116 123', '85258', ASK_SAFE]);
  });

  it('an empty card submit (no text at all) is also treated as no answer', async () => {
    const { adapter } = await atQuestion();
    const text = textOf(await say(adapter, { type: 'message', value: { clicked: true } } as Partial<Activity>));
    expectInOrder(text, ['999', '116 123']);
  });

  it('accepts the numbered choice on a plain-text channel', async () => {
    const { adapter } = await atQuestion();
    expect(textOf(await say(adapter, '1'))).toContain("glad you're safe");
  });

  it('new risk inside the emergency dialog: the event again, "still here", the routes again, the question again', async () => {
    const { adapter } = await atQuestion();
    const replies = await say(adapter, 'I just want to die');
    expect(eventsOf(replies)).toHaveLength(1);
    const text = textOf(replies);
    expect(text).toContain("I'm still here with you");
    expectInOrder(text, ['999', '116 123', '85258', ASK_SAFE]);
    expect(textOf(await say(adapter, 'yes'))).toContain("glad you're safe");
  });
});

describe('routes for the person\'s nation and age', () => {
  const cases: Array<[string, Parameters<typeof realBot>[0], string[], string[]]> = [
    ['England', { nation: 'england', ageGroup: '35_plus' }, ['999', '111', 'mental health option', '116 123', '85258'], ['0808 808 8000', 'Childline']],
    ['Wales', { nation: 'wales', ageGroup: '35_plus' }, ['999', '111', 'Press 2', '116 123', '85258'], ['0808 808 8000', 'NHS 24']],
    ['Scotland', { nation: 'scotland', ageGroup: '35_plus' }, ['999', 'NHS 24', '111', '116 123', '85258', '0800 83 85 87'], ['0808 808 8000', 'Press 2']],
    ['Northern Ireland', { nation: 'northern_ireland', ageGroup: '35_plus' }, ['999', 'Lifeline', '0808 808 8000', '116 123', '85258'], ['NHS 111', 'NHS 24']],
    ['unknown nation', { ageGroup: '35_plus' }, ['999', 'NHS 111', '0808 808 8000', '116 123', '85258'], ['Papyrus']],
    ['under 18', { nation: 'england', ageGroup: 'under_18' }, ['999', '111', '116 123', '85258', 'Childline', '0800 1111', 'Papyrus', '0800 068 4141'], []],
    ['18 to 34', { nation: 'wales', ageGroup: '18_to_34' }, ['999', 'Press 2', '116 123', '85258', 'Papyrus', '0800 068 4141'], ['Childline']],
  ];

  it.each(cases)('%s', async (_name, profile, inOrder, absent) => {
    const { adapter } = await realBot(profile);
    const text = textOf(await say(adapter, RISK));
    expectInOrder(text, inOrder);
    for (const missing of absent) expect(text).not.toContain(missing);
  });

  it('abuse: the National Domestic Abuse Helpline in England; elsewhere, what to do instead', async () => {
    const england = await realBot({ nation: 'england', ageGroup: '35_plus' });
    const englandReplies = await say(england.adapter, 'my partner hits me and I am scared to go home');
    expect(eventsOf(englandReplies)[0]?.value).toMatchObject({ category: 'abuse' });
    expectInOrder(textOf(englandReplies), ['999', '116 123', '85258', 'National Domestic Abuse Helpline', '0808 2000 247']);
    expect(cardActions(englandReplies).map((action) => action.url)).toContain('tel:08082000247');

    const wales = await realBot({ nation: 'wales', ageGroup: '35_plus' });
    const walesText = textOf(await say(wales.adapter, 'my partner hits me and I am scared to go home'));
    expect(walesText).not.toContain('0808 2000 247');
    expect(walesText).toContain('The National Domestic Abuse Helpline is for England');
  });
});

describe('Teams', () => {
  it('sends tappable tel:/sms: card actions and the numbers in text', async () => {
    const { adapter } = await realBot({ nation: 'scotland', ageGroup: '35_plus' }, { channelId: 'msteams', locale: 'en-GB' });
    const replies = await say(adapter, RISK);
    expect(cardActions(replies).slice(0, 4).map((action) => action.url)).toEqual(['tel:999', 'tel:111', 'tel:116123', 'sms:85258&body=SHOUT']);
    expectInOrder(textOf(replies), ['999', 'NHS 24', '116 123', '85258']);
    // Teams shows the safe-now choices as card buttons.
    const hero = replies.flatMap((reply) => reply.attachments ?? []).find((a) => a.contentType === 'application/vnd.microsoft.card.hero');
    expect(JSON.stringify(hero?.content)).toContain("Yes, I'm safe");
  });
});

describe('reading the answer to "are you safe right now?"', () => {
  it.each([
    ["Yes, I'm safe", 'safe'],
    ['yeah im ok', 'safe'],
    ['i am safe now', 'safe'],
    ['not in danger', 'safe'],
    ['No', 'notSafe'],
    ["I'm not safe", 'notSafe'],
    ["I don't feel safe", 'notSafe'],
    ['not really', 'notSafe'],
    ['no, I am safe', 'notSafe'],
    ["I'm scared", 'notSafe'],
    ["I'm not sure", 'unsure'],
    ['idk', 'unsure'],
    ["I don't know", 'unsure'],
    ['maybe', 'unsure'],
    ['what is IPT', 'unknown'],
    ['', 'unknown'],
  ])('%j -> %s', (text, expected) => {
    expect(safeNowAnswer(text)).toBe(expected);
  });

  it('uses the prompt\'s own match only for a bare number', () => {
    expect(readSafeAnswer('1', { value: "Yes, I'm safe", index: 0, score: 1 }, 'en-GB')).toBe('safe');
    expect(readSafeAnswer('3', { value: "I'm not sure", index: 2, score: 1 }, 'en-GB')).toBe('unsure');
    expect(readSafeAnswer('purple', { value: "Yes, I'm safe", index: 0, score: 1 }, 'en-GB')).toBe('unknown');
  });
});
