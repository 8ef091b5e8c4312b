import { ConversationState, MemoryStorage, TestAdapter, type Activity, type StatePropertyAccessor } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import {
  EmergencySupportDialog,
  EMERGENCY_SUPPORT_DIALOG,
  readSafeAnswer,
  type EmergencySupportOptions,
} from '../../dialogs/emergencySupportDialog';
import type { SafetyRecord } from '../../src/safety/safetyRecord';
import { safeNowAnswer } from '../../src/safety/safetyAnswers';
import { detectRisk } from '../../src/safety/detectRisk';
import { crisisRoutesCard } from '../../dialogs/crisisRoutesMessage';
import { NATIONS } from '../../src/profile';
import { parserProblems } from '../content/validateCard';
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
    expect(actions.map((action) => action.url)).toEqual(['tel:999', 'tel:111', 'tel:116123', 'sms:85258?&body=SHOUT', 'mailto:jo@samaritans.org']);
    expect(actions[0].title).toBe('Call 999');
    const card = replies.flatMap((reply) => reply.attachments ?? [])[0];
    expect(card.content).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  });

  it('treats a request for the crisis numbers the same way', async () => {
    const { adapter } = await realBot();
    for (const ask of ['Can I have the Samaritans number', 'I need help now', 'help now', 'crisis', 'emergency']) {
      const replies = await say(adapter, ask);
      expect(eventsOf(replies)[0]?.value).toMatchObject({ category: expect.any(String) });
      expectInOrder(textOf(replies), ['999', '116 123', '85258']);
      await say(adapter, 'yes I am safe');
    }
  });
});

describe('the CrisisSupport intent (words the detector does not flag)', () => {
  it('gets the help reply, which says how to get help now; "help now" then gives the full routes', async () => {
    const phrase = 'who do I ring';
    // The point of this test: the detector does not flag it, so only the intent could bring the routes.
    expect(detectRisk(phrase, 'en-GB')).toBeNull();
    const crisisRecognizer = {
      recognize: async (text: string) =>
        text === phrase
          ? { intent: 'CrisisSupport' as const, score: 0.9, alternatives: [], recognizer: 'local' as const }
          : { intent: 'None' as const, score: 1, alternatives: [], recognizer: 'local' as const },
    };
    const { adapter } = await realBot({ nation: 'northern_ireland', ageGroup: '35_plus' }, undefined, crisisRecognizer);
    const replies = await say(adapter, phrase);
    expect(eventsOf(replies)).toEqual([]);
    expectInOrder(textOf(replies), ['help now', '999', '116 123']);
    const urgent = await say(adapter, 'help now');
    expect(eventsOf(urgent)[0]?.value).toEqual({ category: 'danger', severity: 'concern' });
    expectInOrder(textOf(urgent), ['999', 'Lifeline', '0808 808 8000', '116 123', '85258', ASK_SAFE]);
  });
});

describe('copy for each category', () => {
  it('medical: the first words say 999 or A&E now, before anything else', async () => {
    const { adapter } = await realBot({ nation: 'england', ageGroup: '35_plus' });
    const replies = await say(adapter, "I've taken an overdose");
    expect(eventsOf(replies)[0]?.value).toEqual({ category: 'medical', severity: 'immediate' });
    const firstMessage = replies.find((reply) => reply.type === 'message')?.text ?? '';
    expect(firstMessage).toMatch(/^This sounds urgent\..*call 999 or go to A&E now/s);
  });

  it('harm to others: support without judgement, and 999 first', async () => {
    const { adapter } = await realBot({ nation: 'england', ageGroup: '35_plus' });
    const replies = await say(adapter, 'I have thoughts of hurting my baby');
    expect(eventsOf(replies)[0]?.value).toMatchObject({ category: 'harm_to_others' });
    const text = textOf(replies);
    expect(text).toContain('without judging you');
    expectInOrder(text, ['999', '116 123', '85258', ASK_SAFE]);
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

describe('the routes card', () => {
  it.each([...NATIONS, undefined])('is a valid Adaptive Card 1.5 for %s, one tappable action a route, 999 first', (nation) => {
    const card = crisisRoutesCard('en-GB', { category: 'abuse', severity: 'immediate', nation, ageGroup: 'under_18' });
    expect(parserProblems(card.content)).toEqual([]);
    const actions = cardActions([{ type: 'message', attachments: [card] }]);
    expect(actions[0]).toEqual({ type: 'Action.OpenUrl', title: 'Call 999', url: 'tel:999' });
    for (const action of actions) expect(action.url).toMatch(/^(tel:\+?\d+|sms:\d+\?&body=\w+|mailto:\S+@\S+)$/);
  });
});

describe('Web Chat', () => {
  it('offers the safe-now answers as suggested actions, and card buttons for the routes', async () => {
    const { adapter } = await realBot({ nation: 'wales', ageGroup: '35_plus' }, { channelId: 'webchat', locale: 'en-GB' });
    const replies = await say(adapter, RISK);
    const question = replies.find((reply) => reply.text === ASK_SAFE);
    expect(question?.suggestedActions?.actions.map((action) => action.title)).toEqual(["Yes, I'm safe", 'No', "I'm not sure"]);
    expect(cardActions(replies).map((action) => action.url).slice(0, 2)).toEqual(['tel:999', 'tel:111']);
    expect(textOf(await say(adapter, "I'm not sure"))).toMatch(/^That's OK/);
  });
});

describe('Teams', () => {
  it('sends tappable tel:/sms: card actions and the numbers in text', async () => {
    const { adapter } = await realBot({ nation: 'scotland', ageGroup: '35_plus' }, { channelId: 'msteams', locale: 'en-GB' });
    const replies = await say(adapter, RISK);
    expect(cardActions(replies).slice(0, 4).map((action) => action.url)).toEqual(['tel:999', 'tel:111', 'tel:116123', 'sms:85258?&body=SHOUT']);
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

describe('the record for staff review, and faults that must not cost the person the routes', () => {
  const assessment = { category: 'self_harm' as const, severity: 'immediate' as const, matched: ['self_harm.rule_a'], negated: false };

  function directDialog(deps: ConstructorParameters<typeof EmergencySupportDialog>[0]) {
    const storage = new MemoryStorage();
    const conversationState = new ConversationState(storage);
    const dialogs = new DialogSet(conversationState.createProperty<DialogState>('DialogState'));
    dialogs.add(new EmergencySupportDialog(deps));
    const adapter = new TestAdapter(async (context) => {
      const dc = await dialogs.createContext(context);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) {
        await dc.beginDialog(EMERGENCY_SUPPORT_DIALOG, { assessment, profile: { nation: 'england' } } satisfies EmergencySupportOptions);
      }
      await conversationState.saveChanges(context);
    });
    return { adapter, storage, conversationState };
  }

  it('records category, severity, rule ids, time and the safe-now answer on the conversation, never the words', async () => {
    const storage = new MemoryStorage();
    const conversationState = new ConversationState(storage);
    const safetyRecord = conversationState.createProperty<SafetyRecord>('SafetyRecord');
    const dialogs = new DialogSet(conversationState.createProperty<DialogState>('DialogState'));
    dialogs.add(new EmergencySupportDialog({ safetyRecord, now: () => new Date('2026-01-02T03:04:05Z') }));
    const adapter = new TestAdapter(async (context) => {
      const dc = await dialogs.createContext(context);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) await dc.beginDialog(EMERGENCY_SUPPORT_DIALOG, { assessment, profile: {} });
      await conversationState.saveChanges(context);
    });
    await say(adapter, 'I keep cutting myself, my name is Robin');
    await say(adapter, 'not sure');
    const stored = await storage.read(['test/conversations/Convo1/']);
    const record = stored['test/conversations/Convo1/'].SafetyRecord as SafetyRecord;
    expect(record.events).toEqual([
      { category: 'self_harm', severity: 'immediate', negated: false, rules: ['self_harm.rule_a'], response: 'emergency', at: '2026-01-02T03:04:05.000Z' },
    ]);
    expect(record.lastSafeAnswer).toBe('unsure');
    expect(JSON.stringify(stored)).not.toMatch(/cutting|Robin/);
  });

  it('a broken record store does not stop the reply', async () => {
    const broken = {
      get: async () => {
        throw new Error('store down');
      },
      set: async () => undefined,
      delete: async () => undefined,
    } as unknown as StatePropertyAccessor<SafetyRecord>;
    const { adapter } = directDialog({ safetyRecord: broken });
    expectInOrder(textOf(await say(adapter, 'anything')), ['999', '116 123', '85258', 'Are you safe right now?']);
    expectInOrder(textOf(await say(adapter, 'no')), ['999', '116 123']);
  });

  it('a channel that refuses event activities still gets the reply and the routes', async () => {
    const { adapter } = directDialog({});
    adapter.use({
      onTurn: async (context, next) => {
        context.onSendActivities(async (_ctx, activities, send) => {
          if (activities.some((activity) => activity.type === 'event')) throw new Error('event activities not supported');
          return send();
        });
        await next();
      },
    });
    const replies = await say(adapter, 'anything');
    expect(eventsOf(replies)).toHaveLength(0);
    expectInOrder(textOf(replies), ['999', '116 123', '85258', 'Are you safe right now?']);
  });
});
