import { ConversationState, MemoryStorage, TestAdapter, type Activity, type StatePropertyAccessor } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import { EmergencySupportDialog, EMERGENCY_SUPPORT_DIALOG, type EmergencySupportOptions } from '../../dialogs/emergencySupportDialog';
import type { SafetyDialogDeps } from '../../dialogs/safetyDialogShared';
import type { SafetyRecord } from '../../src/safety/safetyRecord';
import { detectRisk } from '../../src/safety/detectRisk';
import { crisisRoutesCard } from '../../src/content/cards';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crisisRouteTable, parseCrisisRoutes, routeSet } from '../../src/safety/crisisRoutes';
import { LOCALES_DIR } from '../../src/projectRoot';
import { AGE_GROUPS, NATIONS } from '../../src/profile';
import { cardProblems } from '../content/validateCard';
import { cardActions, eventsOf, expectInOrder, realBot, say, textOf } from './safetyDialogHarness';
import { isForeignNotice, languageOf, messages, repeatedRoutes, sayOnce, scriptedRisk, suggested, wordCount } from './crisisDialogSupport';

/**
 * The emergency-support dialog on the real bot (createBotHarness: real gate, detector, MainDialog,
 * onTurnError), with a None recogniser so nothing but the safety path is under test. Every turn is
 * checked never to give the same route twice (sayOnce).
 */

const RISK = 'I want to kill myself';
const ASK_SAFE = 'Are you safe right now?';
const GLAD = "glad you're safe";
const WEBCHAT = { channelId: 'webchat', locale: 'en-GB' };
const ENGLAND = { nation: 'england', ageGroup: '35_plus' } as const;

async function atQuestion(profile: Parameters<typeof realBot>[0] = ENGLAND, template: Partial<Activity> = WEBCHAT) {
  const harness = await realBot(profile, template);
  const replies = await sayOnce(harness.adapter, RISK);
  expect(textOf(replies)).toContain(ASK_SAFE);
  const turn = (text: string | Partial<Activity>) => sayOnce(harness.adapter, text);
  return { ...harness, turn };
}

describe('the first crisis reply', () => {
  it('the event, then ONE short message: warm lead, 999 first, the routes for the nation, buttons for each; then the question', async () => {
    const { adapter } = await realBot(ENGLAND, WEBCHAT);
    const replies = await say(adapter, RISK);

    expect(replies[0]).toMatchObject({ type: 'event', name: 'emergencySupport', value: { category: 'suicide', severity: 'immediate' } });
    expect(Object.keys(replies[0].value as object).sort()).toEqual(['category', 'severity']);
    expect(eventsOf(replies)).toHaveLength(1);

    const [routes, question] = messages(replies);
    expect(messages(replies)).toHaveLength(2);
    expectInOrder(routes, ["I'm sorry things are so hard", '999', 'NHS 111: call 111', 'mental health option', '116 123', 'SHOUT to 85258', 'chatbot']);
    expect(routes).not.toMatch(/commit|Childline|Papyrus|0808 808 8000/);
    // Short: a few routes, not every line in the UK.
    expect(wordCount(routes)).toBeLessThan(70);
    expect(cardActions(replies).map((action) => action.url)).toEqual(['tel:999', 'tel:111', 'tel:116123', 'sms:85258?&body=SHOUT']);
    expect(cardActions(replies)[0].title).toBe('Call 999');
    expect(repeatedRoutes(replies)).toEqual([]);

    expect(question).toBe(ASK_SAFE);
    expect(suggested(replies)).toEqual(["Yes, I'm safe", 'No', "I'm not sure", 'More places to get help']);
  });

  it('a request for the crisis numbers gets the same, and so does every way of asking', async () => {
    const { adapter } = await realBot(undefined, WEBCHAT);
    for (const ask of ['Can I have the Samaritans number', 'I need help now', 'help now', 'crisis', 'emergency']) {
      const replies = await sayOnce(adapter, ask);
      expect(eventsOf(replies)[0]?.value).toMatchObject({ category: expect.any(String) });
      expectInOrder(textOf(replies), ['999', '116 123', '85258', ASK_SAFE]);
      await say(adapter, 'yes I am safe');
      await say(adapter, 'Back to what we were doing');
    }
  });

  it('medical: the first words say 999 now, plain and short', async () => {
    const { adapter } = await realBot(ENGLAND, WEBCHAT);
    const replies = await sayOnce(adapter, "I've taken an overdose");
    expect(eventsOf(replies)[0]?.value).toEqual({ category: 'medical', severity: 'immediate' });
    const first = messages(replies)[0];
    expect(first).toMatch(/^This sounds urgent\. Please call 999 now, or go to A&E/);
    expect(wordCount(first)).toBeLessThan(45);
    expect(first).not.toContain('stroke');
    expect(cardActions(replies).map((action) => action.url)).toEqual(['tel:999']);
    expect(messages(replies)[1]).toBe('Is help on the way now? Has someone called for an ambulance?');
    expect(suggested(replies)).toEqual(['Yes, help is coming', 'No', "I'm not sure", 'More places to get help']);
  });

  it('medical: feeling OK is not safety (999 still); help on the way is', async () => {
    const { adapter } = await realBot(ENGLAND, WEBCHAT);
    await say(adapter, "I've taken an overdose");
    let last = '';
    for (const fine of ["I'm fine", "I'm ok now", "yes I'm safe"]) {
      const text = textOf(await sayOnce(adapter, fine));
      // In other words each time, never the same reply twice in a row.
      expect(text).toMatch(/Please still call 999|please still get checked\. Call 999/);
      expect(text).not.toContain('glad you');
      expect(text).not.toBe(last);
      last = text;
    }
    const coming = textOf(await sayOnce(adapter, 'the ambulance is on its way'));
    expect(coming).toContain('Well done for getting help');
    expect(coming).toContain('call handler');
    expect(coming).not.toContain('safety plan');
    expect(coming).not.toContain("glad you're safe");
  });

  it('medical: a bare "yes" to "is help on the way?" means help is coming; "no" gets 999 now', async () => {
    const yes = await realBot(ENGLAND, WEBCHAT);
    await say(yes.adapter, "I've taken an overdose");
    expect(textOf(await say(yes.adapter, 'yes'))).toContain('Well done for getting help');
    const no = await realBot(ENGLAND, WEBCHAT);
    await say(no.adapter, "I've taken an overdose");
    expect(textOf(await say(no.adapter, 'no'))).toMatch(/^Please call 999 now, or go to A&E\. Do it even if you feel OK/);
  });

  it('harm to others: without judgement, 999 first, the Respect Phone Line', async () => {
    const { adapter } = await realBot(ENGLAND, WEBCHAT);
    const replies = await sayOnce(adapter, 'I have thoughts of hurting my baby');
    expect(eventsOf(replies)[0]?.value).toMatchObject({ category: 'harm_to_others' });
    expectInOrder(textOf(replies), ['without judging you', '999', 'Respect Phone Line', '0808 802 4040', 'Is everyone safe right now?']);
  });
});

describe('the CrisisSupport intent (words the detector does not flag)', () => {
  it('gets the help reply, which says how to get help now; "help now" then gives the routes', async () => {
    const phrase = 'who do I ring';
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
    // Not risk: the routes are one step away ("help now"), not printed (docs/decisions.md, third pass).
    expect(textOf(replies)).toContain('help now');
    expect(textOf(replies)).not.toMatch(/999|116 123/);
    const urgent = await sayOnce(adapter, 'help now');
    expect(eventsOf(urgent)[0]?.value).toEqual({ category: 'danger', severity: 'concern' });
    expectInOrder(textOf(urgent), ['999', 'Lifeline', '0808 808 8000', '116 123', '85258', ASK_SAFE]);
  });
});

describe('"are you safe right now?": every path', () => {
  it('safe: says so once, offers a plan, more places or going back; no routes again; ends only when they choose', async () => {
    const { turn } = await atQuestion();
    const replies = await turn("Yes, I'm safe");
    const text = textOf(replies);
    expect(text).toContain(GLAD);
    expect(text).not.toMatch(/999|116 123|85258|111/);
    expect(suggested(replies)).toEqual(['Make a safety plan', 'More places to get help', 'Back to what we were doing']);
    const back = await turn('Back to what we were doing');
    expect(textOf(back)).toContain('there any time');
    const next = textOf(await turn('what is IPT'));
    expect(next).not.toContain(ASK_SAFE);
    expect(next.length).toBeGreaterThan(0);
  });

  it('safe, then a new subject: the message is handled as usual (the offer steps aside)', async () => {
    const { turn } = await atQuestion();
    await turn("I'm OK, I'm at my sister's");
    const next = await turn('what time is it');
    expect(textOf(next)).not.toMatch(/safe|999/);
  });

  it('safe, then a short answer to the offer: "yes please" or "ok" starts the plan; "no thanks" or "thanks" goes back; never a misunderstanding', async () => {
    for (const [answer, expected] of [
      ['yes please', 'simple plan'],
      ['ok', 'simple plan'],
      ['no thanks', 'there any time'],
      ['thanks', 'there any time'],
      ['not now', 'there any time'],
    ]) {
      const { turn } = await atQuestion();
      await turn("yes I'm safe");
      const text = textOf(await turn(answer));
      expect(text).toContain(expected);
      expect(text).not.toMatch(/didn't understand|Sorry|call 999 now/);
    }
  });

  it('a bare "yes" answers a first "are you safe?"', async () => {
    const { turn } = await atQuestion();
    expect(textOf(await turn('yes'))).toContain(GLAD);
  });

  it('no, then "ok": never "glad you\'re safe"; 999 first and the question once more, in other words', async () => {
    const { turn } = await atQuestion();
    const no = textOf(await turn('no'));
    expectInOrder(no, ['Please call 999 now', 'Can you tell me if you are safe right now?']);
    const ok = await turn('ok');
    const text = textOf(ok);
    expect(text).not.toMatch(/glad|Goodbye|Take care|Thanks for chatting/i);
    expectInOrder(text, ['999', 'I want to be sure I understood. Are you safe right now?']);
    expect(cardActions(ok)[0].url).toBe('tel:999');
  });

  it('not sure, then "fine": the same; a bare "y" or "yes" after doubt is not safety either', async () => {
    const { turn } = await atQuestion();
    expectInOrder(textOf(await turn("I'm not sure")), ["That's OK. When you're not sure", '999', 'Can you tell me if you are safe']);
    expectInOrder(textOf(await turn('fine')), ['999', 'I want to be sure I understood']);
    for (const ack of ['y', 'yes', 'k', 'sure', 'thanks']) expect(textOf(await turn(ack))).not.toContain(GLAD);
  });

  it('no, no, no: stops asking and stays; "ok", "bye" and "thanks" are not a goodbye, and no fallback', async () => {
    const { turn } = await atQuestion();
    await turn('no');
    await turn('no');
    const third = await turn('no');
    expect(textOf(third)).toContain("I won't keep asking");
    expect(suggested(third)).toEqual(["I'm safe now", 'Make a safety plan', 'More places to get help']);
    for (const message of ['ok', 'bye', 'thanks', 'thanks bye']) {
      const replies = await turn(message);
      const text = textOf(replies);
      expect(text).toMatch(/I'm still here with you|I'm here|still with you/);
      expect(text).toContain('999');
      expect(text).not.toMatch(/Goodbye|Take care|Thanks for chatting|didn't understand|Sorry/i);
      expect(cardActions(replies)[0].url).toBe('tel:999');
      expect(suggested(replies)).toContain("I'm safe now");
    }
    expect(textOf(await turn("I'm safe now"))).toContain(GLAD);
  });

  it('an answer in another language (letters or the gate\'s language flag): unknown, 999 first, never safe', async () => {
    const { adapter, turn } = await atQuestion();
    adapter.use(languageOf({ tak: 'pl' }));
    for (const answer of ['Nie chcę już żyć', 'nie chce juz zyc', 'tak']) {
      const replies = await turn(answer);
      // The gate may answer first in Polish (999 first there too); the dialog's own reply follows.
      const english = replies.filter((reply) => !isForeignNotice(reply));
      expect(textOf(english)).toMatch(/^(I'm sorry, I can only understand English\. If anyone is|Sorry, I can only read English\. If you are) in danger now, please call 999/);
      expect(textOf(replies)).not.toContain(GLAD);
    }
  });

  it('reluctance: other ways (Shout, Samaritans by email, someone they trust, a silent 999 call), and it stays', async () => {
    for (const reluctant of ["I don't want to call anyone", "I can't talk on the phone", "I don't want to talk to a stranger", 'no one would care']) {
      const { turn } = await atQuestion();
      const replies = await turn(reluctant);
      const text = textOf(replies);
      expectInOrder(text, ['text SHOUT to 85258', 'jo@samaritans.org', 'someone you trust', 'press 55', "I'll stay with you"]);
      expect(cardActions(replies).map((action) => action.url)).toEqual(expect.arrayContaining(['sms:85258?&body=SHOUT', 'mailto:jo@samaritans.org']));
      expect(text).not.toContain(GLAD);
      // Still unresolved: the next "ok" is not a goodbye.
      expect(textOf(await turn('ok'))).not.toMatch(/Goodbye|Take care|Thanks for chatting/i);
    }
  });

  it('not safe and reluctant: 999 first, then the other ways', async () => {
    const { turn } = await atQuestion();
    expectInOrder(textOf(await turn("no and I don't want to call anyone")), ['call 999', 'text SHOUT to 85258']);
  });

  it('safe, then feeling a burden: the gentle check-in, not the hand-off again', async () => {
    const { turn } = await atQuestion();
    const replies = await turn("yes I'm safe, I wouldn't do anything, I just feel like a burden");
    const text = textOf(replies);
    expect(text).toMatch(/^Thank you for telling me\. It sounds like things still feel heavy/);
    expect(text).toContain('still feel heavy');
    expect(text).not.toMatch(/116 123|85258|111|Are you safe/);
    expect(suggested(replies)).toEqual(['Make a safety plan', 'More places to get help', 'Back to what we were doing']);
  });

  it('no answer at all (they ask about IPT): 999 first, a short answer, and the question again, never the topic buttons', async () => {
    const { turn } = await atQuestion();
    const replies = await turn('what is IPT');
    const text = textOf(replies);
    expect(text).toMatch(/^I want to be sure you're safe/);
    expectInOrder(text, ['999', 'Interpersonal', 'Can you tell me if you are safe right now?']);
    expect(suggested(replies)).not.toContain('Is IPT one to one?');
  });

  it('an empty card submit (no text at all) is no answer', async () => {
    const { turn } = await atQuestion();
    expectInOrder(textOf(await turn({ type: 'message', value: { clicked: true } } as Partial<Activity>)), ['999', 'Can you tell me']);
  });

  it('accepts the numbered choice on a plain-text channel', async () => {
    const { turn } = await atQuestion(ENGLAND, { channelId: 'test', locale: 'en-GB' });
    expect(textOf(await turn('1'))).toContain(GLAD);
  });

  it('new risk inside the emergency dialog: the event again, read as not safe, 999 first, the question again', async () => {
    const { turn } = await atQuestion();
    const replies = await turn('I just want to die');
    expect(eventsOf(replies)).toHaveLength(1);
    expectInOrder(textOf(replies), ['Please call 999 now', 'Can you tell me if you are safe']);
    expect(textOf(await turn('yes I am safe'))).toContain(GLAD);
  });

  it('safe, then a new urgent risk: asked again with a fresh count, not the offer; safe again settles it', async () => {
    const { turn } = await atQuestion();
    await turn("yes I'm safe");
    const again = await turn('actually I want to die');
    expectInOrder(textOf(again), ['Please call 999 now', 'Can you tell me if you are safe right now?']);
    // Asked again straight after asking again: the same question in other words.
    expect(textOf(await turn('no'))).toContain('Are you safe right now? You can tell me in your own words.');
    expect(textOf(await turn("I'm safe now"))).toContain(GLAD);
  });

  it("someone else's risk while the person's own answer is still open: it stays with the person", async () => {
    const { adapter, turn } = await atQuestion();
    adapter.use(scriptedRisk({ 'my friend wants to die too': { who: 'adult' } }));
    const text = textOf(await turn('my friend wants to die too'));
    expect(text).toContain('Can you tell me if you are safe right now?');
    expect(text).not.toContain('Are they safe');
  });

  it('"I\'m safe but I want to die": an urgent risk beside safe words is not safe', async () => {
    const { turn } = await atQuestion();
    const text = textOf(await turn("I'm safe but I want to die"));
    expect(text).not.toContain(GLAD);
    expect(text).toContain('Please call 999 now');
  });
});

describe('routes for the person\'s nation and age: the few that fit in the message, the rest one tap away', () => {
  const cases: Array<[string, Parameters<typeof realBot>[0], string[], string[]]> = [
    ['England', ENGLAND, ['999', '111', 'mental health option', '116 123', '85258'], ['0808 808 8000', 'Childline', 'NHS 24', 'Press 2']],
    ['Wales', { nation: 'wales', ageGroup: '35_plus' }, ['999', '111', 'Press 2', '116 123', '85258'], ['0808 808 8000', 'NHS 24']],
    ['Scotland', { nation: 'scotland', ageGroup: '35_plus' }, ['999', 'NHS 24', '111', '116 123', '85258'], ['0808 808 8000', 'Press 2', 'mental health option']],
    ['Northern Ireland', { nation: 'northern_ireland', ageGroup: '35_plus' }, ['999', 'Lifeline', '0808 808 8000', '116 123', '85258'], ['NHS 111', 'NHS 24']],
    ['unknown nation', { ageGroup: '35_plus' }, ['999', 'NHS 111', '0808 808 8000', '116 123', '85258'], ['Papyrus']],
    // Childline is theirs: it takes Samaritans' place in the message (Samaritans waits behind "More").
    ['under 18', { nation: 'england', ageGroup: 'under_18' }, ['999', '111', 'Childline', '0800 1111', '85258'], ['NHS 24', '116 123']],
    ['18 to 34', { nation: 'wales', ageGroup: '18_to_34' }, ['999', 'Press 2', '116 123', '85258'], ['Childline']],
  ];

  it.each(cases)('%s', async (_name, profile, inOrder, absent) => {
    const { adapter } = await realBot(profile, WEBCHAT);
    const replies = await sayOnce(adapter, RISK);
    const text = textOf(replies);
    expectInOrder(text, inOrder);
    for (const missing of absent) expect(text).not.toContain(missing);
    // "More places to get help" gives the rest, none of them again.
    const more = await sayOnce(adapter, 'More places to get help');
    const moreText = textOf(more);
    for (const url of cardActions(replies).map((action) => action.url)) expect(cardActions(more).map((action) => action.url)).not.toContain(url);
    expect(moreText).not.toMatch(/SHOUT to 85258/);
    expect(moreText).toContain(ASK_SAFE);
  });

  it('18 to 34 and Scotland: Breathing Space (Scotland\'s own line) in the message, Papyrus behind "More places to get help"', async () => {
    const { adapter } = await realBot({ nation: 'scotland', ageGroup: '18_to_34' }, WEBCHAT);
    const first = textOf(await say(adapter, RISK));
    expectInOrder(first, ['NHS 24', 'Breathing Space', '0800 83 85 87', '116 123']);
    expect(first).not.toMatch(/Papyrus/);
    expectInOrder(textOf(await say(adapter, 'any other numbers?')), ['Papyrus', '0800 068 4141']);
  });

  it('abuse: the National Domestic Abuse Helpline in England, a silent 999 call; elsewhere, what to do instead', async () => {
    const england = await realBot(ENGLAND, WEBCHAT);
    const englandReplies = await sayOnce(england.adapter, 'my partner hits me and I am scared to go home');
    expect(eventsOf(englandReplies)[0]?.value).toMatchObject({ category: 'abuse' });
    expectInOrder(textOf(englandReplies), ['999', 'National Domestic Abuse Helpline', '0808 2000 247', '116 123', '85258', 'press 55']);
    expect(cardActions(englandReplies).map((action) => action.url)).toContain('tel:08082000247');
    expect(textOf(await say(england.adapter, 'More places to get help'))).toContain("Men's Advice Line");

    const wales = await realBot({ nation: 'wales', ageGroup: '35_plus' }, WEBCHAT);
    const walesText = textOf(await say(wales.adapter, 'my partner hits me and I am scared to go home'));
    expect(walesText).not.toContain('0808 2000 247');
    expect(walesText).toContain('Samaritans can listen, and help you think about what to do next');
  });

  it('every reply kind, nation and age: 999 first, never a route twice, never a medium-confidence number without a check note', () => {
    const table = crisisRouteTable('en-GB');
    for (const kind of Object.keys(table.replies) as Array<keyof typeof table.replies>) {
      for (const nation of [...NATIONS, undefined]) {
        for (const ageGroup of [...AGE_GROUPS, undefined]) {
          const set = routeSet({ kind, category: 'abuse', nation, ageGroup }, table);
          expect(set.main[0].id).toBe('emergency');
          const ids = [...set.main, ...set.more].map((route) => route.id);
          expect(new Set(ids).size).toBe(ids.length);
          if (nation && nation !== 'england') expect(ids).not.toContain('domestic_abuse_england');
        }
      }
    }
    const file = () => JSON.parse(readFileSync(join(LOCALES_DIR, 'en-GB', 'crisis-routes.json'), 'utf8')) as { routes: Array<Record<string, string>>; replies: Record<string, { main: string[] }> };
    const unchecked = file();
    delete unchecked.routes.find((route) => route.id === 'hourglass')!.check;
    expect(() => parseCrisisRoutes(unchecked)).toThrow(/medium-confidence route needs a \\"check\\" note/);
    const notFirst = file();
    notFirst.replies.child.main = ['nspcc', 'emergency'];
    expect(() => parseCrisisRoutes(notFirst)).toThrow(/replies.child must start with 999/);
  });
});

describe('the routes card', () => {
  it.each([...NATIONS, undefined])('is a valid Adaptive Card 1.5 for %s: buttons only, 999 first, with fallback text', (nation) => {
    const set = routeSet({ kind: 'self_abuse', category: 'abuse', nation, ageGroup: 'under_18' });
    const card = crisisRoutesCard('en-GB', set.main, 'the message text');
    expect(cardProblems(card)).toEqual([]);
    expect(card.fallbackText).toBe('the message text');
    const actions = cardActions([{ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] }]);
    expect(actions[0]).toEqual({ type: 'Action.OpenUrl', title: 'Call 999', url: 'tel:999' });
    expect(actions).toHaveLength(set.main.length);
  });
});

describe('the same care in every channel', () => {
  it('Web Chat: suggested actions for the answers, card buttons for the routes', async () => {
    const { adapter } = await realBot({ nation: 'wales', ageGroup: '35_plus' }, WEBCHAT);
    const replies = await say(adapter, RISK);
    expect(suggested(replies)).toEqual(["Yes, I'm safe", 'No', "I'm not sure", 'More places to get help']);
    expect(cardActions(replies).map((action) => action.url).slice(0, 2)).toEqual(['tel:999', 'tel:111']);
    expect(textOf(await say(adapter, "I'm not sure"))).toMatch(/^That's OK/);
  });

  it('Teams: the numbers in the text (tel: does not dial on Teams desktop), the answers on a card, long titles kept', async () => {
    const { adapter } = await realBot({ nation: 'scotland', ageGroup: '35_plus' }, { channelId: 'msteams', locale: 'en-GB' });
    const replies = await say(adapter, RISK);
    expect(cardActions(replies).map((action) => action.url)).toEqual(['tel:999', 'tel:111', 'tel:0800838587', 'tel:116123', 'sms:85258?&body=SHOUT']);
    expectInOrder(textOf(replies), ['999', 'NHS 24', '111', '116 123', '85258']);
    const hero = replies.flatMap((reply) => reply.attachments ?? []).find((a) => a.contentType === 'application/vnd.microsoft.card.hero');
    expect(JSON.stringify(hero?.content)).toContain("Yes, I'm safe");
    expect(JSON.stringify(hero?.content)).toContain('More places to get help');
    expect(textOf(await say(adapter, 'ok'))).not.toContain(GLAD);
  });

  it('Emulator: suggested actions too', async () => {
    const { adapter } = await realBot(ENGLAND, { channelId: 'emulator', locale: 'en-GB' });
    expect(suggested(await say(adapter, RISK))).toContain("Yes, I'm safe");
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

  it('logs the answer at debug level only, without the conversation id', async () => {
    const lines: Array<{ level: string; fields: Record<string, unknown> }> = [];
    const record = (level: string) => (fields: Record<string, unknown>) => lines.push({ level, fields });
    const logger = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') } as unknown as SafetyDialogDeps['logger'];
    const { adapter } = directDialog({ logger });
    await say(adapter, 'anything');
    await say(adapter, 'no');
    const answers = lines.filter((line) => line.fields.event === 'safe_now_answer');
    expect(answers).toEqual([{ level: 'debug', fields: { event: 'safe_now_answer', answer: 'notSafe' } }]);
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
    expectInOrder(textOf(await say(adapter, 'anything')), ['999', '116 123', '85258', ASK_SAFE]);
    expectInOrder(textOf(await say(adapter, 'no')), ['999']);
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
    expectInOrder(textOf(replies), ['999', '116 123', '85258', ASK_SAFE]);
  });
});
