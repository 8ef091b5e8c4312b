import type { Activity } from 'botbuilder';
import { LINKS } from '../../src/content/links';
import type { UserProfile } from '../../src/profile';
import { cardProblems } from '../content/validateCard';
import { allText, buttons, cards, cardText, conversation, NOT_UNDERSTOOD, openUrls, texts, type Conversation } from './support';

/**
 * Every path through "is IPT right for me?": buttons, free text, skips, two failed answers, each
 * view and next step, and the profile it saves.
 */

interface PathCase {
  name: string;
  /** One answer a question asked: the people question is asked only when the concern does not already answer it. */
  answers: string[];
  /** Whether "are other people ... part of how you feel?" is asked (no focus area named first). */
  peopleAsked: boolean;
  view: string;
  next: string;
  areas: string[];
  note: string[];
  profile: UserProfile | undefined;
  links: string[];
  finalButtons: string[];
}

const ADULT_BUTTONS = ['Get it on the NHS', 'Find a private therapist', 'What happens in IPT?'];
const YOUNG_BUTTONS = ['Talk to a person', 'What is IPT?', 'Menu'];

const PATHS: PathCase[] = [
  {
    name: 'all buttons, England, adult: IPT may suit, self-refer',
    answers: ['Someone close to me died', 'A few months', '35 or over', 'England'],
    peopleAsked: false,
    view: 'IPT may suit you',
    next: 'Refer yourself to NHS Talking Therapies online',
    areas: ['Grief'],
    note: ['What is troubling me: the death of someone close to me.', 'for a few months', 'I would like to know if IPT could help me'],
    profile: { ageGroup: '35_plus', nation: 'england' },
    links: [LINKS.nhsTalkingTherapiesFinder, LINKS.iptUk],
    finalButtons: ADULT_BUTTONS,
  },
  {
    name: 'free text, Wales, under 18: GP, CAMHS and Childline',
    answers: ['we keep arguing after having a baby', 'about 6 weeks', "I'm 16", 'I live in Cardiff'],
    peopleAsked: false,
    view: 'IPT may suit you',
    next: 'CAMHS',
    areas: ['Role disputes', 'Life changes'],
    note: ['clashing with someone important to me and a big change in my life', 'for a few weeks'],
    profile: { ageGroup: 'under_18', nation: 'wales' },
    links: [],
    finalButtons: YOUNG_BUTTONS,
  },
  {
    name: 'everything skipped: talk to a GP, nothing saved',
    answers: ['Skip', 'Skip', 'Skip', 'Skip', 'Skip'],
    peopleAsked: true,
    view: "It's best to talk to a GP first",
    next: 'Book a talk with your GP',
    areas: [],
    note: ['I would like to know if IPT could help me'],
    profile: undefined,
    links: [LINKS.iptUk],
    finalButtons: ADULT_BUTTONS,
  },
  {
    name: 'not about people, recent, Scotland: another approach may fit, GP',
    answers: ['Something else', 'Not really', 'A few weeks', '18 to 34', 'Scotland'],
    peopleAsked: true,
    view: 'Another approach may fit better',
    next: 'Book a talk with your GP',
    areas: [],
    note: ['What is troubling me: something else.', "I don't think it is mainly about my relationships."],
    profile: { ageGroup: '18_to_34', nation: 'scotland' },
    links: [LINKS.iptUk],
    finalButtons: ADULT_BUTTONS,
  },
  {
    name: 'not about people, for years, England: another approach may fit, and a GP first',
    answers: ['Something else', 'Not really', 'A year or more', '35 or over', 'England'],
    peopleAsked: true,
    view: 'Another approach may fit better. IPT works best when problems link to people or life changes. For things like panic attacks or worry that are not about people, CBT often helps. As this has gone on for a long time, talk to a GP first.',
    next: 'Book a talk with your GP',
    areas: [],
    note: ['for a year or more'],
    profile: { ageGroup: '35_plus', nation: 'england' },
    links: [LINKS.iptUk],
    finalButtons: ADULT_BUTTONS,
  },
  {
    name: 'loneliness, nation skipped: self-refer or GP',
    answers: ['Feeling lonely or cut off', 'A year or more', '18 to 34', 'Skip'],
    peopleAsked: false,
    view: 'IPT may suit you',
    next: 'If you live in England, you can refer yourself',
    areas: ['Loneliness'],
    note: ['feeling lonely or cut off from people'],
    profile: { ageGroup: '18_to_34' },
    links: [LINKS.nhsTalkingTherapiesFinder, LINKS.iptUk],
    finalButtons: ADULT_BUTTONS,
  },
  {
    name: 'a big change, Northern Ireland: GP',
    answers: ['A big change in my life', 'A few weeks', '35 or over', 'Northern Ireland'],
    peopleAsked: false,
    view: 'IPT may suit you',
    next: 'Book a talk with your GP',
    areas: ['Life changes'],
    note: ['a big change in my life'],
    profile: { ageGroup: '35_plus', nation: 'northern_ireland' },
    links: [LINKS.iptUk],
    finalButtons: ADULT_BUTTONS,
  },
  {
    name: 'something else, not sure about people: talk to a GP first',
    answers: ['Something else', "I'm not sure", 'A few months', '18 to 34', 'Wales'],
    peopleAsked: true,
    view: "It's best to talk to a GP first",
    next: 'Book a talk with your GP',
    areas: [],
    note: ["I'm not sure if my relationships are part of it.", 'for a few months'],
    profile: { ageGroup: '18_to_34', nation: 'wales' },
    links: [LINKS.iptUk],
    finalButtons: ADULT_BUTTONS,
  },
];

const QUESTIONS = [
  'What is troubling you most right now?',
  'Are other people, or a change in your life, part of how you feel?',
  'How long have you felt like this?',
  'How old are you?',
  'Where in the UK do you live?',
];

async function start(convo: Conversation): Promise<Partial<Activity>[]> {
  return convo.say('is it right for me');
}

describe('the check: every path', () => {
  test.each(PATHS.map((p) => [p.name, p] as const))('%s', async (_name, p) => {
    const convo = await conversation();
    const first = await start(convo);
    expect(texts(first)[0]).toContain('up to 5 short questions');
    expect(texts(first)[1]).toContain(QUESTIONS[0]);

    const asked = QUESTIONS.filter((question) => p.peopleAsked || question !== QUESTIONS[1]);
    expect(p.answers).toHaveLength(asked.length);
    let replies: Partial<Activity>[] = [];
    for (const [index, answer] of p.answers.entries()) {
      replies = await convo.say(answer);
      if (index < asked.length - 1) {
        expect(texts(replies)).toEqual([expect.stringContaining(asked[index + 1])]);
        expect(buttons(replies).slice(-2)).toEqual(['Skip', 'Menu']);
      }
    }
    // The people question is answered by a focus area: neither asked nor put in the note.
    if (!p.peopleAsked) expect(allText(replies)).not.toMatch(/my relationships/i);

    // Summary card, then how to use the note, then the note itself with next steps.
    const [summary] = cards(replies);
    expect(cardProblems(summary)).toEqual([]);
    const cardLines = cardText(summary).join('\n');
    expect(cardLines).toContain('Your IPT check');
    expect(cardLines).toContain(p.view);
    expect(cardLines).toContain(p.next);
    expect(cardLines).toContain('not a diagnosis');
    for (const area of p.areas) expect(cardLines).toContain(`• ${area}`);
    if (p.areas.length === 0) expect(cardLines).toContain('None stood out');
    expect(openUrls(summary).map((link) => link.url)).toEqual(p.links);

    const messages = texts(replies);
    // Self-referral forms exist only where the next step is England's NHS Talking Therapies.
    const intro = messages[messages.length - 2];
    if (p.next.includes('refer yourself') || p.next.startsWith('Refer yourself')) expect(intro).toContain('copy into a self-referral form');
    else {
      expect(intro).toContain('show your GP');
      expect(intro).not.toMatch(/self-referral/i);
    }
    for (const part of p.note) expect(messages[messages.length - 1]).toContain(part);
    expect(buttons(replies)).toEqual(p.finalButtons);

    expect(await convo.profile()).toEqual(p.profile === undefined ? undefined : p.profile);

    // The check is over: the next message is routed as usual.
    expect(allText(await convo.say('what is ipt'))).toContain('IPT stands for Interpersonal Psychotherapy');
  });

  test('the under-18 summary gives Childline with its number', async () => {
    const convo = await conversation();
    await start(convo);
    for (const answer of ['Skip', 'Skip', 'Skip', 'Under 18']) await convo.say(answer);
    const replies = await convo.say('England');
    const lines = cardText(cards(replies)[0]).join('\n');
    expect(lines).toContain('Childline free on 0800 1111');
    expect(lines).toContain('NHS Talking Therapies is usually for adults');
    expect(lines).not.toContain('pay to see a therapist privately');
  });
});

describe('no prompt loops', () => {
  test('one answer it cannot use: asks once more, then takes a good answer', async () => {
    const convo = await conversation();
    await start(convo);
    const retry = await convo.say('purple');
    expect(texts(retry)).toEqual([expect.stringContaining("Sorry, I didn't catch that")]);
    expect(texts(retry)[0]).toContain(QUESTIONS[0]);
    const next = await convo.say('Clashing with someone');
    expect(texts(next)).toEqual([expect.stringContaining(QUESTIONS[2])]);
  });

  test('two answers it cannot use: says so, offers the menu, moves on to the next question', async () => {
    const convo = await conversation();
    await start(convo);
    await convo.say('Skip');
    await convo.say('purple');
    const moved = await convo.say('banana');
    expect(texts(moved)).toEqual([expect.stringContaining("let's skip that one"), expect.stringContaining(QUESTIONS[2])]);
    expect(texts(moved)[0]).toContain('choose Menu at any time');
    expect(buttons(moved)).toContain('Menu');
  });

  test('failing every question still ends with a summary, never a loop', async () => {
    const convo = await conversation();
    await start(convo);
    let replies: Partial<Activity>[] = [];
    const nonsense = ['plink', 'zorb', 'quux', 'blorp', 'fizz', 'wump', 'snerk', 'glib', 'frob', 'twiddle'];
    for (const word of nonsense) replies = await convo.say(word);
    // 5 questions x 2 tries = 10 messages: the last one ends the check.
    expect(cards(replies)).toHaveLength(1);
    expect(cardText(cards(replies)[0]).join('\n')).toContain("It's best to talk to a GP first");
    const after = await convo.say('gibberish again');
    expect(allText(after)).toMatch(NOT_UNDERSTOOD);
  });

  test('failed answers inside the check do not count as misunderstandings', async () => {
    const convo = await conversation();
    await start(convo);
    await convo.say('purple');
    await convo.say('Menu');
    const first = await convo.say('zzz');
    expect(allText(first)).toMatch(NOT_UNDERSTOOD);
    expect(allText(first)).not.toContain('talk to a person');
  });
});

describe('answers that look like topic questions are still answers', () => {
  test.each([
    ['a button the recogniser files under FocusAreas', 'Someone close to me died', QUESTIONS[2]],
    ['a button label typed in lower case', 'a big change in my life', QUESTIONS[2]],
    ['free text the recogniser files under FocusAreas', 'my mum died last year', QUESTIONS[2]],
    ['something else: the people question is asked', 'Something else', QUESTIONS[1]],
  ])('%s', async (_name, answer, nextQuestion) => {
    const convo = await conversation();
    await start(convo);
    const replies = await convo.say(answer);
    expect(texts(replies)).toEqual([expect.stringContaining(nextQuestion)]);
  });

  test('"England" is an answer to the nation question, though the recogniser says AccessNhs', async () => {
    const convo = await conversation();
    await start(convo);
    for (const answer of ['Skip', 'Skip', 'Skip', 'Skip']) await convo.say(answer);
    const replies = await convo.say('England');
    expect(cards(replies)).toHaveLength(1);
    expect(await convo.profile()).toEqual({ nation: 'england' });
  });

  test('"I live in Cardiff" is an answer too', async () => {
    const convo = await conversation();
    await start(convo);
    for (const answer of ['Skip', 'Skip', 'Skip', 'Skip']) await convo.say(answer);
    await convo.say('i live in cardiff');
    expect(await convo.profile()).toEqual({ nation: 'wales' });
  });
});
