import { answer, FALLBACK, turn, type Script } from './runner';
import { Q } from './scripts';

/**
 * The sixth pass's classes, in fresh wordings: a reply that answers everything but the open
 * question, a place typed at the age question, numbers as words, "why do you need to know that?",
 * "what was the question?" with nothing open, a first message that mixes context and a question,
 * "would this help?" after an answer about more than one focus area, a place with nothing else to
 * act on, and a person changing their mind twice.
 */

const SUMMARY = 'Here is a short note';
const GP = 'Book a talk with your GP';
const SELF_REFER = 'Refer yourself to NHS Talking Therapies';
const start = turn('can u check if ipt would suit me', { has: [Q.concern] });

export const BENDING_SCRIPTS: Script[] = [
  {
    name: 'age and town together at the last open question that the route does not hang on: the summary follows',
    turns: [
      start,
      answer('hard to say really', { last: Q.relationships }),
      turn('going on 2 years', { has: ['a year or more'], last: Q.relationships }),
      turn('44, brighton', { has: [SUMMARY, 'that you are 35 or over', 'that you live in England', 'talking therapies'], not: [Q.relationships, FALLBACK] }),
    ],
  },
  {
    name: 'a nation typed at the age question: said back with the GP, and the age asked again',
    turns: [
      start,
      answer('i feel so cut off from everyone'),
      answer('since the spring'),
      turn('wales', { has: ['that you live in Wales', 'GP'], last: Q.age, not: [SUMMARY] }),
      answer('fifty two', { has: [SUMMARY, GP], not: [Q.nation, SELF_REFER] }),
    ],
  },
  {
    name: 'a town and an age typed early, the route question still asked when it is the one left open',
    turns: [start, turn('19, glasgow', { has: ['that you are 18 to 34', 'that you live in Scotland', 'GP'], last: Q.concern }), answer('me and my flatmate keep rowing', { last: Q.duration })],
  },
  {
    name: 'numbers typed as words',
    turns: [start, answer('my gran passed away last year'), answer('eight month or so', { last: Q.age }), answer('im thirty one', { last: Q.nation }), answer('england', { has: [SUMMARY, SELF_REFER] })],
  },
  {
    name: '"why do you need to know that?" at a question: the reason, the same question, and never a side answer',
    turns: [
      start,
      answer('arguing with my partner constantly', { last: Q.duration }),
      turn('why do u need to know that', { has: ['How long it has lasted'], last: Q.duration, not: [FALLBACK] }),
      turn('what difference does it make', { has: ['skip'], last: Q.duration, not: ['How long it has lasted'] }),
      answer('a few weeks', { last: Q.age }),
      turn('why does my age matter?', { has: ['under 18'], last: Q.age, not: [FALLBACK] }),
      answer('27', { last: Q.nation }),
      turn('whats that for', { has: ['Northern Ireland'], last: Q.nation }),
      answer('leeds', { has: [SUMMARY, SELF_REFER] }),
    ],
  },
  {
    name: '"what was the question?" with nothing open says so, once, and never falls back',
    turns: [
      turn('hiya'),
      turn('sorry what was the question', { has: ["I'm not waiting for an answer"], not: [FALLBACK] }),
      turn('whats the question again?', { not: [FALLBACK, "I'm not waiting for an answer"] }),
    ],
  },
  {
    name: '"what was the question?" after stopping the check offers to carry on, and carrying on works',
    turns: [start, answer('lonely'), turn('stop'), turn('what was the question again', { has: ['on hold'], not: [FALLBACK] }), turn('carry on', { last: Q.duration })],
  },
  {
    name: 'a first message with an age, a loss and a question starts the check and says back what it used',
    turns: [
      turn('im 58, lost my wife in the summer, is this therapy something that could help me', { has: ['your loss', 'that you are 35 or over'], not: [Q.concern] }),
      answer('cardiff', { has: [SUMMARY, 'Grief', GP] }),
    ],
  },
  {
    name: '"would this help?" after a feelings answer about two focus areas names both and offers the check',
    turns: [turn("started a new job in a new city and i'm lonely"), turn('would this help me', { has: ['loneliness', 'IPT works on'], not: [FALLBACK] }), turn('Is it right for me?', { last: Q.concern })],
  },
  {
    name: 'a place said with nothing else to act on re-answers the last question for that place',
    turns: [turn('does ipt cost anything'), turn('im up in scotland btw', { has: ['Scotland', 'GP'], not: [FALLBACK, 'I can tell you what IPT is'] })],
  },
  {
    name: 'changing their mind twice about where they live: each place is said back, the last one wins',
    turns: [
      turn('how do i get ipt, im in cardiff', { has: ['Wales'] }),
      turn('sorry i meant bristol', { has: ['England', 'NHS Talking Therapies'] }),
      turn('no wait, it is cardiff after all', { has: ['Wales', 'GP'], not: [FALLBACK] }),
    ],
  },
  {
    name: 'changing an answer twice inside the check, then finishing it',
    turns: [
      start,
      answer('clashing with my dad'),
      answer('a few months', { last: Q.age }),
      turn('change how long', { last: Q.duration }),
      answer('years tbh', { last: Q.age }),
      turn('actually can i change how long again', { last: Q.duration, not: [FALLBACK] }),
      answer('just a few weeks', { last: Q.age }),
      answer('33'),
      answer('newry', { has: [SUMMARY, 'a few weeks', GP], not: ['a year or more'] }),
    ],
  },
];
