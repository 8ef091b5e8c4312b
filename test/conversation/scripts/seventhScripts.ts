import { answer, FALLBACK, turn, type Script } from './runner';
import { Q } from './scripts';

/**
 * The seventh pass's classes, in fresh wordings: a restart taken back at once, "next question" after
 * a side answer, "none of those" to the first question, a yes or no where the question wants words,
 * and a one-word question ending in "?" that is not a skip.
 */

const SUMMARY = 'Here is a short note';
const PUT_BACK = "I've put your answers back";
const start = turn('could u see if ipt fits me', { has: [Q.concern] });

export const SEVENTH_SCRIPTS: Script[] = [
  {
    name: 'start again, then "no keep going where i left off": the answers come back and the next question follows',
    turns: [
      start,
      answer('me and my sister row all the time', { last: Q.duration }),
      answer('bout 3 months', { last: Q.age }),
      turn('can we restart', { has: ['start again'], last: Q.concern }),
      turn('hmm no keep going where i left off', { has: [PUT_BACK], last: Q.age, not: [FALLBACK] }),
      answer('23', { last: Q.nation }),
      answer('derby', { has: [SUMMARY] }),
    ],
  },
  {
    name: 'start over, then "undo": the answers come back',
    turns: [
      start,
      answer('my dad passed in november', { last: Q.duration }),
      turn('start from scratch', { last: Q.concern }),
      turn('undo', { has: [PUT_BACK], last: Q.duration, not: [FALLBACK] }),
    ],
  },
  {
    name: 'a restart kept once a new answer is given: "carry on" then just carries on',
    turns: [
      start,
      // "since I moved" says when it began, so how long is not asked.
      answer('lonely since i moved city', { last: Q.age }),
      turn('reset', { last: Q.concern }),
      answer('me and my partner keep rowing', { last: Q.duration }),
      turn('ok carry on', { last: Q.duration, not: [PUT_BACK, FALLBACK] }),
    ],
  },
  {
    name: '"next question" after a side answer carries on, and is never met with "didn\'t catch that"',
    turns: [
      start,
      turn('how is it different from counselling', { last: Q.concern }),
      turn('right next question then', { last: Q.concern, not: [FALLBACK] }),
      answer('lost my job in the summer', { last: Q.duration }),
    ],
  },
  {
    name: '"none of those" to what is troubling you counts as something else',
    turns: [start, answer('nah none of those', { last: Q.relationships }), answer('not really', { last: Q.duration })],
  },
  {
    name: 'a yes where an age is asked: what the question needs, never "didn\'t catch that", then the age works',
    turns: [
      start,
      answer('grief', { last: Q.duration }),
      answer('since last easter', { last: Q.age }),
      turn('yeah', { has: ['not a yes or no'], last: Q.age, not: [FALLBACK] }),
      answer('29', { last: Q.nation }),
    ],
  },
  {
    name: '"and private?" at the age question is a question, not a skip: the age is still asked',
    turns: [
      start,
      answer('my mum and i dont talk anymore', { last: Q.duration }),
      answer('couple of years', { last: Q.age }),
      turn('how long are nhs waits', { last: Q.age }),
      turn('and private?', { has: ['rivate'], last: Q.age, not: [Q.nation] }),
      answer('thirty', { last: Q.nation }),
    ],
  },
  {
    name: 'every answer with a typo: each is read, and nothing is met with "didn\'t catch that"',
    turns: [
      turn('ipt chek', { has: [Q.concern] }),
      answer('feeling realy lonley', { last: Q.duration }),
      answer('abuot 4 monts', { last: Q.age }),
      turn('yse', { has: ['not a yes or no'], last: Q.age, not: [FALLBACK] }),
      answer('33', { last: Q.nation }),
      answer('englnad', { has: [SUMMARY, 'Refer yourself to NHS Talking Therapies'] }),
    ],
  },
  {
    name: 'a skip and a town with slips: "skpi", "cardif"',
    turns: [start, answer('my husband and i argue non stop', { last: Q.duration }), answer('skpi', { last: Q.age }), answer('fourty two', { last: Q.nation }), answer('cardif', { has: [SUMMARY, 'GP'] })],
  },
];

/** Outside the check: feelings then "would talking help", and privacy then "delete it". */
export const SEVENTH_OPEN_SCRIPTS: Script[] = [
  {
    name: 'a loss, then "do u think talking to someone would help": how IPT works with grief, not the check',
    turns: [
      turn('my grandad passed away in the summer and i cant focus on anything', { not: [FALLBACK] }),
      turn('do u think talking to someone would help', { has: [/grief/i], not: [Q.concern, FALLBACK] }),
    ],
  },
  {
    name: 'what is kept, then "delete it then": the deletion is offered, and "yes" does it',
    turns: [
      turn('what do you keep about me', { has: ['90 days'], not: [FALLBACK] }),
      turn('ok delete it then', { has: ['delete this chat'], not: [FALLBACK] }),
      turn('yes', { has: ["I've deleted this chat"], not: [FALLBACK] }),
    ],
  },
  {
    name: '"delete everything ive said" is a deletion request in its own words',
    turns: [turn('how do i get ipt in wales'), turn('delete everything ive said', { has: ['delete this chat'] })],
  },
  {
    name: '"what about if it\'s ..." naming one focus area: that area, not a guess at another question',
    turns: [
      turn('is ipt any good for depression', { not: [FALLBACK] }),
      turn('what about if its mostly rows with my mum', { has: [/dispute|clash|disagree/i], not: [FALLBACK, 'may not be the best fit'] }),
    ],
  },
  {
    name: 'a small town where someone studies is where they are for now: "studying at aber"',
    turns: [turn('hiya im studying at aber, how would i get ipt', { has: ['routes for Wales', 'GP'], not: ['refer yourself', FALLBACK] })],
  },
];
