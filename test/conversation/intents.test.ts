import type { Activity } from 'botbuilder';
import type { IntentName } from '../../src/language/recognizer';
import { ACTION_IDS, actionLabel, MAIN_MENU, type ActionId } from '../../src/content/actions';
import { LINKS } from '../../src/content/links';
import { cardProblems, parserProblems } from '../content/validateCard';
import { allText, buttons, cards, CLINIC_ENV, conversation, openUrls, texts } from './support';

/** One row per intent: what a person types, and what the reply must contain. */
interface IntentCase {
  intent: IntentName;
  say: string;
  contains: string[];
  /** Words the reply must not hold (the person-contact reply points to "help now", never printing the urgent numbers). */
  lacks?: string[];
  buttons?: string[];
  card?: string;
  links?: string[];
  env?: Record<string, string>;
}

const menu = MAIN_MENU.map((id) => actionLabel('en-GB', id));

const CASES: IntentCase[] = [
  {
    intent: 'AboutIpt',
    say: 'what is ipt',
    contains: ['IPT stands for Interpersonal Psychotherapy', 'The past may come up briefly', '12 to 16 weekly sessions'],
    buttons: ['What happens in IPT?', 'The four focus areas', 'Who does it help?', 'Is it right for me?'],
  },
  {
    intent: 'WhoItHelps',
    say: 'who does it help',
    contains: ['first made for depression', 'eating problems', 'PTSD', 'drug or alcohol', 'IPT-A', 'IPSRT', 'may not be enough'],
    buttons: ['Is it right for me?', 'Does it work?', 'Get it on the NHS'],
  },
  {
    intent: 'WhatToExpect',
    say: 'what happens in sessions',
    contains: ['12 to 16 weekly sessions', 'one to one, in a group, or online', 'ending is planned'],
    card: 'The three parts of IPT',
    buttons: ['The four focus areas', 'Is it right for me?', 'Get it on the NHS'],
  },
  {
    intent: 'FocusAreas',
    say: 'what are the focus areas',
    contains: ['one or two focus areas', 'There are four'],
    card: 'The four focus areas',
    buttons: ['Grief', 'Role disputes', 'Life changes', 'Loneliness'],
  },
  {
    intent: 'FocusAreas',
    say: 'tell me about role disputes',
    contains: ['Role disputes are one of the four focus areas', 'keep clashing'],
    buttons: ['The four focus areas', 'Is it right for me?', 'Get it on the NHS'],
  },
  {
    intent: 'Evidence',
    say: 'does it work',
    contains: ['mostly for depression', 'NICE', 'Downsides', 'CBT', 'No therapy works for everyone'],
    buttons: ['Who does it help?', 'Is it right for me?', 'Get it on the NHS'],
  },
  {
    intent: 'AccessNhs',
    say: 'how do i get it on the nhs',
    contains: ["You don't need to see a GP first", 'ask your GP to refer you', 'aged 18 and over', 'not a crisis service'],
    card: 'Getting IPT on the NHS',
    links: [LINKS.nhsTalkingTherapiesFinder],
    buttons: ['Find a private therapist', 'Is it right for me?', 'Talk to a person'],
  },
  {
    intent: 'AccessPrivate',
    say: 'how do i find a private therapist',
    contains: ['IPT UK', 'BACP or UKCP', 'Professional Standards Authority', 'Prices vary'],
    card: 'Finding a private IPT therapist',
    links: [LINKS.iptUk, LINKS.bacpRegister, LINKS.ukcpRegister],
    buttons: ['Get it on the NHS', 'What happens in IPT?', 'Talk to a person'],
  },
  {
    intent: 'SuitabilityCheck',
    say: 'is it right for me',
    contains: ["Let's see if IPT might suit you", 'not a test or a diagnosis', 'What is troubling you most'],
    buttons: ['Someone close to me died', 'Clashing with someone', 'A big change in my life', 'Feeling lonely or cut off', 'Something else', 'Skip', 'Menu'],
  },
  {
    intent: 'CrisisSupport',
    say: 'i need help right now',
    contains: ['999', '116 123', 'Are you safe right now?'],
  },
  { intent: 'Greeting', say: 'hello', contains: ["I'm here to help you learn about IPT"], buttons: menu },
  { intent: 'Help', say: 'what can you do', contains: ['I can tell you what IPT is', 'NHS or privately', 'type "stop"', 'Type "help now"'], buttons: [...menu, 'Help now'] },
  { intent: 'Cancel', say: 'stop', contains: ["There's nothing to stop right now"], buttons: [...menu, 'Talk to a person'] },
  { intent: 'Goodbye', say: 'thanks bye', contains: ['Thanks for chatting', 'Samaritans free on 116 123'] },
  {
    intent: 'HumanContact',
    say: 'can i talk to a person',
    contains: ["I don't have contact details for the clinic here", 'not for emergencies', 'type "help now"', 'a call back'],
    lacks: ['999', '116 123'],
    buttons: ['Yes, please call me', "No, I'll contact them"],
  },
  {
    intent: 'HumanContact',
    say: 'can i talk to a person',
    env: CLINIC_ENV,
    contains: ['get in touch with Riverside Clinic', 'not for emergencies'],
    card: 'Contact Riverside Clinic',
    links: ['https://riverside.example'],
  },
  { intent: 'None', say: 'what is the capital of peru', contains: ["I'm not sure I can answer that", 'what it is, who it may help'], buttons: menu },
];

/**
 * Our cards must pass the parser and the strict 1.5 subset schema. The emergency card belongs to
 * the safety dialogs and uses other elements: the official parser checks it.
 */
function expectValidCards(replies: Partial<Activity>[], strict: boolean): void {
  for (const card of cards(replies)) expect(strict ? cardProblems(card) : parserProblems(card)).toEqual([]);
}

describe('every intent gets its answer', () => {
  test.each(CASES.map((c) => [`${c.intent}: "${c.say}"${c.env ? ' (clinic configured)' : ''}`, c] as const))('%s', async (_name, c) => {
    const convo = await conversation({ env: c.env });
    const replies = await convo.say(c.say);
    const text = allText(replies);
    for (const part of c.contains) expect(text).toContain(part);
    for (const part of c.lacks ?? []) expect(text).not.toContain(part);
    if (c.buttons) expect(buttons(replies)).toEqual(c.buttons);
    if (c.card) {
      expect(cards(replies).map((card) => card.body[0])).toContainEqual(expect.objectContaining({ text: c.card }));
    }
    if (c.links) expect(cards(replies).flatMap(openUrls).map((link) => link.url)).toEqual(c.links);
    expectValidCards(replies, c.intent !== 'CrisisSupport');
    // Every message is recognised once, and the trace names the intent.
    const traces = convo.lastTraces.filter((trace) => trace.name === 'IntentRecognizer');
    if (c.intent !== 'CrisisSupport' || traces.length > 0) {
      expect(traces).toHaveLength(1);
      expect(traces[0]).toMatchObject({ label: 'Intent', value: { intent: c.intent } });
    }
  });

  test('the covered intents are all of them', () => {
    const covered = new Set(CASES.map((c) => c.intent));
    const all: IntentName[] = ['AboutIpt', 'WhoItHelps', 'SuitabilityCheck', 'WhatToExpect', 'FocusAreas', 'AccessNhs', 'AccessPrivate', 'Evidence', 'CrisisSupport', 'Greeting', 'Help', 'Cancel', 'Goodbye', 'HumanContact', 'None'];
    expect([...covered].sort()).toEqual([...all].sort());
  });
});

describe('every button does what it says', () => {
  const EXPECT: Record<ActionId, string> = {
    AboutIpt: 'IPT stands for Interpersonal Psychotherapy',
    WhoItHelps: 'first made for depression',
    WhatToExpect: 'in three parts',
    FocusAreas: 'There are four',
    Evidence: 'NICE',
    AccessNhs: 'refer yourself to NHS Talking Therapies',
    AccessPrivate: 'IPT UK keeps a list',
    SuitabilityCheck: 'What is troubling you most',
    HumanContact: "I don't have contact details",
    Help: 'I can tell you what IPT is',
    Menu: 'Here are some things I can help with',
    'area:grief': 'Grief is one of the four focus areas',
    'area:disputes': 'Role disputes are one of the four focus areas',
    'area:transitions': 'Role transitions are one of the four focus areas',
    'area:sensitivities': 'Interpersonal sensitivities are one of the four focus areas',
  };

  test.each(ACTION_IDS.map((id) => [actionLabel('en-GB', id), id] as const))('"%s"', async (label, id) => {
    // The recogniser answers None for every button label: buttons must not depend on it.
    const convo = await conversation();
    const replies = await convo.say(label);
    expect(allText(replies)).toContain(EXPECT[id]);
    expect(convo.lastTraces.filter((trace) => trace.name === 'IntentRecognizer')).toHaveLength(1);
  });
});

describe('suggested actions', () => {
  test('are imBack buttons whose value is their label, shown to everyone', async () => {
    const convo = await conversation();
    const replies = await convo.say('what is ipt');
    const suggested = replies[replies.length - 1].suggestedActions;
    expect(suggested).toBeDefined();
    expect(suggested).not.toHaveProperty('to');
    for (const action of suggested!.actions) expect(action).toMatchObject({ type: 'imBack', title: action.value });
  });
});

describe('answers stay short and always offer a next step', () => {
  test.each(CASES.filter((c) => c.intent !== 'CrisisSupport' && c.intent !== 'Goodbye').map((c) => [c.say, c] as const))('"%s"', async (_say, c) => {
    const convo = await conversation({ env: c.env });
    const replies = await convo.say(c.say);
    for (const text of texts(replies)) expect(text.split(/\s+/).length).toBeLessThanOrEqual(85);
    const offered = buttons(replies).length;
    expect(offered).toBeGreaterThanOrEqual(2);
  });
});

describe('what people told us shapes later answers', () => {
  test('AccessNhs mentions the nation saved in the profile', async () => {
    const convo = await conversation({ profile: { nation: 'wales' } });
    const replies = await convo.say('how do i get it on the nhs');
    expect(texts(replies)[0]).toContain('You said you live in Wales');
    expect(allText(replies)).toContain('through your GP');
    expect(allText(replies)).not.toContain("You don't need to see a GP first");
    expect(buttons(replies)).toHaveLength(3);
  });

  test('AccessNhs points under 18s to their GP, CAMHS and Childline first', async () => {
    const convo = await conversation({ profile: { ageGroup: 'under_18', nation: 'england' } });
    const replies = await convo.say('how do i get it on the nhs');
    // The first time this conversation knows the person is under 18, their routes come first.
    expect(texts(replies)[0]).toContain("As you're under 18");
    expect(texts(replies)[1]).toContain('You said you are under 18');
    expect(texts(replies)[1]).toContain('CAMHS');
    expect(texts(replies)[1]).toContain('Childline free on 0800 1111');
  });

  test('the check saves the profile that later answers use', async () => {
    const convo = await conversation();
    await convo.say('is it right for me');
    for (const answer of ['Skip', 'Skip', 'Skip', '35 or over']) await convo.say(answer);
    await convo.say('Scotland');
    expect(texts(await convo.say('Get it on the NHS'))[0]).toContain('You said you live in Scotland');
  });
});
