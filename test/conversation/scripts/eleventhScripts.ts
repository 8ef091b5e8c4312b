import { answer, FALLBACK, turn, type Script } from './runner';
import { Q } from './scripts';

/**
 * The eleventh pass's classes, in fresh wordings: a time counted from Christmas said before
 * Christmas comes round (last year's, so months, not weeks) and after it (weeks); "what now?"
 * after the summary, once and twice (how to take the step, then other things, never the summary's
 * words again); a young teenager asking how to get help, never told they can refer themselves; and
 * the help reply not given twice running.
 */

const NOTE = 'Here is a short note';
const FEW_WEEKS = 'a few weeks';
const FEW_MONTHS = 'a few months';
const HOW = 'Here is how to take that step';
const OTHER_THINGS = 'I can help with something else';
const SELF_REFERRAL = /refer yourself|self-refer|without (seeing )?(a |your )?GP/i;
const SAME_NOTE = 'My answer is the same as the one just now';

/** Early December: Christmas has not come yet this year. */
const EARLY_DECEMBER = new Date(2026, 11, 7, 15, 0);
/** Between Christmas and New Year: it has. */
const AFTER_CHRISTMAS = new Date(2026, 11, 29, 10, 0);

/** A check with everything but how long said at the start (a Welsh town: the route is the GP). */
const toDuration = [
  turn('can we do the check, im 38 and live in wrexham', { has: [Q.concern] }),
  answer('me and my sister have fallen out badly', { has: [Q.duration] }),
];

export const ELEVENTH_SCRIPTS: Script[] = [
  {
    name: 'since xmas, said in early December, is most of a year: months, not weeks',
    today: EARLY_DECEMBER,
    turns: [...toDuration, answer('since xmas', { has: [NOTE, FEW_MONTHS], not: [FEW_WEEKS, FALLBACK] })],
  },
  {
    name: 'since christmas, said a few days after it, is weeks',
    today: AFTER_CHRISTMAS,
    turns: [...toDuration, answer('been like it since christmas', { has: [NOTE, FEW_WEEKS], not: [FEW_MONTHS, FALLBACK] })],
  },
  {
    name: 'since crimbo inside a longer answer to the first question is kept, and how long is not asked',
    today: EARLY_DECEMBER,
    turns: [
      turn('is this therapy right for me', { has: [Q.concern] }),
      answer('my partner and me have been rowing non stop since crimbo', { not: [Q.concern, Q.duration, FALLBACK] }),
    ],
  },
  {
    name: 'what now after the summary says how to take the step; asked again, offers other things',
    today: EARLY_DECEMBER,
    turns: [
      ...toDuration,
      answer('about 5 months', { has: [NOTE] }),
      turn('ok so what now', { has: [HOW, 'GP'], not: [NOTE, FALLBACK] }),
      turn('what now', { has: [OTHER_THINGS], not: [HOW, SAME_NOTE, FALLBACK] }),
      turn('and now what', { has: [HOW], not: [OTHER_THINGS, FALLBACK] }),
    ],
  },
  {
    name: 'a teenager who finishes the check and asks what next hears about a trusted adult and Childline',
    turns: [
      turn('quiz pls', { has: [Q.concern] }),
      answer('feeling lonely or cut off'),
      answer('yeah'),
      answer('a couple of months'),
      answer('13'),
      answer('belfast', { has: [NOTE] }),
      turn('what do i do now', { has: [HOW, 'adult you trust', '0800 1111'], not: [SELF_REFERRAL, FALLBACK] }),
    ],
  },
  {
    name: 'a 13 year old asking how to get therapy is never told they can refer themselves',
    turns: [
      turn('im 13 how would i get therapy like this', { has: [/GP|trusted adult|school/], not: [SELF_REFERRAL, FALLBACK] }),
      turn('can i go without telling my dad', { not: [SELF_REFERRAL] }),
    ],
  },
  {
    name: 'a move to a new town as the first answer is a big change, and the place is said back and not asked',
    turns: [
      turn('can you see if ipt would work for me', { has: [Q.concern] }),
      answer('i just moved to sheffield for work', { has: ['England', Q.duration], not: [Q.concern, FALLBACK] }),
      answer('few weeks'),
      answer('im 27', { has: [NOTE], not: [Q.nation] }),
    ],
  },
  {
    name: 'worry attacks for years with nothing to do with people: another approach may fit, and a GP first',
    turns: [
      turn('would ipt suit me', { has: [Q.concern] }),
      answer('i get these awful panic attacks out of nowhere'),
      answer('nope, people are fine, its not that', { has: [Q.duration] }),
      answer('for yonks, like years'),
      answer('52'),
      answer('norwich', { has: [NOTE, 'Another approach may fit better', 'CBT', 'GP'], not: [FALLBACK] }),
    ],
  },
  {
    name: 'asking for a teenage niece, then "what about me, im 41": the writer\'s own NHS route, not the check',
    turns: [
      turn('my niece is 15 and so withdrawn lately, we live in leicester, could she have ipt', { not: [Q.concern] }),
      turn('and what about me, im 41 and low too', { has: [SELF_REFERRAL], not: [Q.concern, FALLBACK] }),
    ],
  },
  {
    name: 'a greeting, then age, town and story in one message: the check asks none of them again',
    turns: [
      turn('hiya. 45, york, low since losing my job about 8 months ago, is ipt right for me', { has: [NOTE], not: [Q.concern, FALLBACK] }),
    ],
  },
  {
    name: 'someone else in another nation did it another way: the writer\'s own route again, not a fallback',
    turns: [
      turn('how do i get ipt, im in swansea', { has: ['GP'] }),
      turn('my best mate up in manchester just went online and signed up', { has: ['not the same across the UK', 'Wales', 'GP'], not: [FALLBACK] }),
    ],
  },
  {
    name: 'asking what the bot can do twice running never gets the same reply twice',
    turns: [
      turn('what can you help me with'),
      turn('what can you help me with', { has: [SAME_NOTE] }),
    ],
  },
];
