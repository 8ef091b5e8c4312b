import { answer, FALLBACK, turn, type Script } from './runner';
import { Q } from './scripts';

/**
 * The thirteenth pass's classes (issues 12 and 13), in fresh wordings: a request to the check
 * wrapped in its reason ("start over, I pressed the wrong thing"), a change that gives the new
 * answer, yes and no typed with a letter held down, and several answers in one message.
 */

const RESTARTED = "let's start again";
const CHANGED = "I've changed that answer";
const start = turn('could we do the is ipt right for me questions', { has: [Q.concern] });

export const THIRTEENTH_SCRIPTS: Script[] = [
  {
    name: 'start over with a reason around it, halfway through: the check starts again, never a fallback',
    turns: [
      start,
      answer('rows with my dad all the time', { last: Q.duration }),
      turn('hang on start over, i was thinking of something else', { has: [RESTARTED], last: Q.concern, not: [FALLBACK] }),
      answer('lonely since i moved', { not: [FALLBACK] }),
    ],
  },
  {
    name: 'go back with a reason, then a change that gives the new answer',
    turns: [
      start,
      answer('mostly stress at work', { last: Q.relationships }),
      answer('yeh', { last: Q.duration }),
      turn('argh go back a question, tapped the wrong one', { last: Q.relationships, not: [FALLBACK] }),
      answer('nope', { last: Q.duration }),
      turn('sorry change that answer to yes, i misunderstood', { has: [CHANGED], last: Q.duration, not: [FALLBACK] }),
    ],
  },
  {
    name: 'an answer said to be wrong, with nothing else: which answer to change, never a fallback',
    turns: [start, answer('a big move for work', { not: [FALLBACK] }), turn('oh i think i got that wrong', { has: ['Which answer'], not: [FALLBACK] })],
  },
  {
    name: 'yes and no typed with a letter held down are answers',
    turns: [start, answer('clashing with my housemates', { not: [FALLBACK] }), answer('yesssss', { last: Q.duration })],
  },
  {
    name: 'a stretched no to the people question is an answer too',
    turns: [start, answer('work stress mostly', { not: [FALLBACK] }), answer('naaaah', { not: [FALLBACK] })],
  },
  {
    name: 'a stretched yes to a question that needs words says what it needs, not that it was not understood',
    turns: [start, turn('yeahhh', { has: ['not a yes or no'], not: [FALLBACK] })],
  },
  {
    name: 'the check answered in one unasked message: the check keeps every answer, then the verdict is asked for',
    turns: [
      turn('saves time: 41, in exeter, been flat for about 5 months since my dad moved into a home', { has: ['Your IPT check', 'that you are 35 or over', 'that you live in England'], not: [FALLBACK, Q.age, Q.nation, Q.duration] }),
      turn('so is it a yes or no then?', { has: ['Refer yourself to NHS Talking Therapies'], not: [FALLBACK, Q.concern] }),
    ],
  },
  {
    name: 'several answers at the first question: each kept, only the open question asked again',
    turns: [start, turn('53, on and off since the spring, in durham', { has: ['35 or over', 'England'], last: Q.concern, not: [FALLBACK] }), answer('falling out with my son', { not: [Q.age, Q.nation, FALLBACK] })],
  },
  {
    name: 'age, place and story in one message that ends by asking how to get IPT: the question is answered, not the check',
    turns: [turn('26, swansea, down since the wedding got called off. how do i go about getting ipt', { has: ['GP'], not: [FALLBACK, 'Your IPT check', Q.concern] })],
  },
  {
    name: 'someone on a hospital ward asks who to ask about therapy there: the ward staff',
    turns: [turn('im an inpatient at the moment, who on the ward do i talk to about getting ipt', { has: [/nurse|doctor|ward/], not: [FALLBACK] })],
  },
];
