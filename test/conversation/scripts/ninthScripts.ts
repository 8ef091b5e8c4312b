import { answer, FALLBACK, turn, type Script } from './runner';
import { Q } from './scripts';

/**
 * The ninth pass's classes, in fresh wordings: a hedged time unit ("yr probably") typed at another
 * question, an answer to the check given or changed after its summary (with and without an answer
 * in between), "skip" with nothing open, a check asked for as "the quiz thing", a falling-out said
 * as being at each other's throats, a parent asking what a teenager can reach on their own, and
 * "what's the point of this?" inside the check.
 */

const SUMMARY = 'Here is a short note';
const SUMMARY_AGAIN = 'Here is your summary again';
const NEXT_AGAIN = 'From your answers, this is your next step';
const GP = 'Book a talk with your GP';
const NOTHING_TO_SKIP = /no question to skip/;
const CHILDLINE = '0800 1111';

/** Every fact in one message: the check's summary follows at once (a Scottish town, so the route is the GP). */
const quickCheck = turn('im 47 and live in dundee, lost my job in the spring and felt low since, is ipt for me', { has: [SUMMARY, GP] });

export const NINTH_SCRIPTS: Script[] = [
  {
    name: 'a time unit with only hedges round it, typed at the first question, is kept and not asked for again',
    turns: [
      turn('can u check whether ipt suits me', { has: [Q.concern] }),
      answer('yr probably', { has: ['a year or more'], last: Q.concern }),
      answer('me and my brother dont speak anymore', { not: [Q.duration, Q.concern] }),
    ],
  },
  {
    name: 'a month or so at the first question, then the rest typed one at a time, reaches the summary without asking how long',
    turns: [
      turn('the check please', { has: [Q.concern] }),
      answer('month or so', { last: Q.concern }),
      answer('lonely since moving here', { not: [Q.duration] }),
      answer('yes mostly'),
      answer('29'),
      answer('newport', { has: [SUMMARY], not: [Q.duration] }),
    ],
  },
  {
    name: 'how long, given after the summary, changes the answers and shows the summary again; said again, only the next step',
    turns: [
      quickCheck,
      answer('roughly 3 months', { has: [SUMMARY_AGAIN, 'a few months'], not: [FALLBACK, 'weekly sessions'] }),
      answer('about three months', { has: [NEXT_AGAIN, GP], not: [SUMMARY_AGAIN, FALLBACK] }),
    ],
  },
  {
    name: 'an age after the summary and an unrelated answer gets the next step for that age',
    turns: [
      quickCheck,
      turn('what happens in the first session', { not: [FALLBACK] }),
      answer('48', { has: [GP], not: [FALLBACK] }),
    ],
  },
  {
    name: 'a longer duration after the summary is kept in the note, not answered as how long IPT takes',
    turns: [quickCheck, answer('year maybe more', { has: [SUMMARY_AGAIN, 'a year or more'], not: ['12 to 16', FALLBACK] })],
  },
  {
    name: 'skip with nothing open says there is nothing to skip, in different words the second time',
    turns: [
      turn('skip this one pls', { has: [NOTHING_TO_SKIP], not: [FALLBACK] }),
      turn('skip', { not: [FALLBACK] }),
      turn('what is ipt', { has: ['Interpersonal'] }),
    ],
  },
  {
    name: 'skip after the check has ended has nothing to skip, and the summary stays as it was',
    turns: [quickCheck, turn('skip that', { has: [NOTHING_TO_SKIP], not: [FALLBACK, SUMMARY] })],
  },
  {
    name: 'the check asked for as "the quiz thing" starts it; a falling-out in other words answers the first question',
    turns: [
      turn('could we do the ipt quiz thing', { has: [Q.concern] }),
      answer('me and my mum are at each others throats all the time', { not: [Q.concern, FALLBACK] }),
    ],
  },
  {
    name: 'a parent asking what their teenager could use on their own hears of Childline',
    turns: [
      turn('my son is 14 and has been really down since his grandad died, could ipt help him', { has: ['IPT-A'] }),
      turn('is there anything he could use on his own without me knowing', { has: [CHILDLINE], not: [FALLBACK] }),
    ],
  },
  {
    name: 'asking what the questions are for, mid-check, says why and asks the same question again',
    turns: [
      turn('can u check whether ipt suits me', { has: [Q.concern] }),
      answer('we moved for my partners job and i know nobody here'),
      turn('whats the point of this', { last: Q.duration, not: ["I don't have an answer", FALLBACK] }),
      answer('5 months or so', { last: Q.age }),
    ],
  },
];
