import { DAYS } from '../../../src/callbacks/clinicHours';
import { CLINIC_ENV } from '../support';
import { answer, FALLBACK, turn, type Script } from './runner';
import { Q } from './scripts';

/**
 * The eighth pass's classes, in fresh wordings: reaching a person by email, a call back out of
 * hours, a parent asking for a teenager, a falling-out named before the check asks, postcodes in a
 * sentence, "what was the question" and "go back" mid-check, two answers in one line, follow-ups
 * chained inside the check, an age corrected halfway, and one word a turn.
 */

const SUMMARY = 'Here is a short note';
const SELF_REFER = 'refer yourself to NHS Talking Therapies';
const CALL_BACK_OFFER = 'Would you like a call back';

/** Open only on the day after tomorrow (London time), so the clinic is closed whenever the test runs. */
function closedToday(): string {
  const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short' }).format(new Date()).toLowerCase();
  const today = DAYS.indexOf(weekday.slice(0, 3) as (typeof DAYS)[number]);
  const day = DAYS[(today + 2) % 7];
  return `${day[0].toUpperCase()}${day.slice(1)} 09:00-17:00`;
}

const start = turn('can u check whether ipt would suit me', { has: [Q.concern] });

export const EIGHTH_SCRIPTS: Script[] = [
  {
    name: 'an age given after an answer that is the same at every age is noted, and the answer is not said again',
    turns: [
      turn('how long does ipt go on for', { has: ['12 to 16'] }),
      turn('im 58', { has: ["noted your age"], not: ['12 to 16', FALLBACK] }),
      turn('how do i get it on the nhs then', { not: [FALLBACK] }),
    ],
  },
  {
    name: 'an age given after an answer that differs for under-18s is answered again for that age',
    turns: [turn('how do i get ipt on the nhs', { not: ['Childline'] }), turn('im 15', { has: ['Childline'], not: [FALLBACK] })],
  },
  // A person, by email and out of hours.
  {
    name: 'asking to email with no email configured: says so plainly, and does not offer the call again',
    turns: [
      turn('is there a real person i could talk to', { has: [CALL_BACK_OFFER] }),
      turn('yes go on', { last: /What number should they call\?$/ }),
      turn('nah forget it actually i dont want a call', { has: ['no call back'], not: [FALLBACK] }),
      turn('could i just email them instead', { has: ["don't have an email address"], not: [CALL_BACK_OFFER, FALLBACK, 'change your details'] }),
    ],
  },
  {
    name: 'asking to email a configured clinic gives its address, at the call-back offer too',
    env: CLINIC_ENV,
    turns: [
      turn('can i speak to someone at the clinic', { has: ['Riverside Clinic', CALL_BACK_OFFER] }),
      turn('id rather email tbh, whats their email', { has: ['hello@riverside.example'], not: [CALL_BACK_OFFER, FALLBACK] }),
      turn('what is ipt', { has: ['Interpersonal Psychotherapy'] }),
    ],
    after: async (convo) => {
      expect(await convo.harness.callbacks.list()).toEqual([]);
    },
  },
  {
    name: 'a call back asked for out of hours: says the clinic is closed, and the request is still taken',
    env: { ...CLINIC_ENV, CLINIC_HOURS: closedToday() },
    turns: [
      turn('i want to talk to a human please', { has: ['The clinic is closed now. It opens again', CALL_BACK_OFFER] }),
      turn('ok yes', { has: ['What number'] }),
      answer('07700 900456', { has: ['good time'] }),
      answer('whenever', { has: ['passed your request', 'closed now and opens again'] }),
    ],
    after: async (convo) => {
      expect(await convo.harness.callbacks.list()).toEqual([expect.objectContaining({ phone: '07700900456' })]);
    },
  },

  // A parent asking for a teenager.
  {
    name: 'a dad asking whether IPT could help his 15-year-old hears about IPT for young people, not the check',
    turns: [
      turn('my lad is 15 and hes not been himself since me and his mum split, could ipt help him', { has: ['IPT-A', 'CAMHS'], not: [Q.concern, FALLBACK] }),
      // Still about him: the answer for someone under 18, not the adult self-referral.
      turn('can he refer himself to talking therapies', { has: ['CAMHS'], not: [FALLBACK] }),
      turn('can i talk to someone about it', { has: ['Childline', '0800 1111'] }),
    ],
  },

  // The check: facts given before they are asked.
  {
    name: 'a falling-out over a will, named before the check asks, is the clash with someone; "would it help" says so',
    turns: [
      turn('me and my sister havent spoken since dads will was read, is ipt right for me', { has: ['clash with someone'], not: [Q.concern] }),
      turn('would ipt even help with that', { has: ['role disputes'], not: [FALLBACK] }),
    ],
  },
  {
    name: 'two answers in one line, then age and place in one line: straight to the summary',
    turns: [
      start,
      answer('rows with my boss, been going on bout 4 months', { last: Q.age }),
      answer('31 and i live in swansea', { has: [SUMMARY, 'GP'], not: [SELF_REFER] }),
    ],
  },
  {
    name: '"sorry what was the question" and "go back one" in the middle of the check',
    turns: [
      start,
      turn('sorry what was the question again', { last: Q.concern, not: [FALLBACK] }),
      answer('lost my nan in may', { last: Q.duration }),
      turn('go back one', { last: Q.concern, not: [FALLBACK] }),
      answer('no it was my grandad', { last: Q.duration }),
      answer('since the spring', { last: Q.age }),
    ],
  },
  {
    name: 'follow-ups chained inside the check are each answered, and the check question comes back each time',
    turns: [
      start,
      turn('is it free', { has: [/free/i], last: Q.concern }),
      turn('how long is the wait', { has: [/wait/i], last: Q.concern, not: [FALLBACK] }),
      turn('can i do it online', { has: [/video/i], last: Q.concern, not: [FALLBACK] }),
      turn('what does it cost privately tho', { has: ['£'], last: Q.concern }),
      answer('feeling really cut off since i moved', { not: [FALLBACK] }),
    ],
  },
  {
    name: '"actually im 17" halfway: the under-18 routes at once, and the young person\'s next step',
    turns: [
      start,
      answer('always falling out with my dad', { not: [FALLBACK] }),
      answer('a year maybe', { last: Q.age }),
      answer('20', { last: Q.nation }),
      turn('wait no im actually 17', { has: ['Childline', '0800 1111'], last: Q.nation, not: [FALLBACK] }),
      answer('leeds', { has: [SUMMARY, 'CAMHS'] }),
    ],
  },
  {
    name: 'one word a turn, all the way to the summary',
    turns: [
      turn('quiz'),
      answer('breakup', { not: [FALLBACK] }),
      answer('weeks', { last: Q.age }),
      answer('52', { last: Q.nation }),
      answer('scotland', { has: [SUMMARY, 'GP'], not: [SELF_REFER] }),
    ],
  },

  // Postcodes in a sentence.
  {
    name: 'a postcode district in a sentence is where the person is: Aberdeen, then Cardiff, then Belfast',
    turns: [
      turn('im in AB10 how do i get ipt', { has: ['AB10', 'Scotland', 'GP'], not: [SELF_REFER, FALLBACK] }),
      turn('ok actually its CF10 im in', { has: ['CF10', 'Wales'], not: [FALLBACK, 'Type a question in your own words'] }),
      turn('moved again lol, near bt7 now. how do i get it here', { has: ['Northern Ireland', 'GP'], not: [SELF_REFER, FALLBACK] }),
    ],
  },

  // Nothing open.
  {
    name: 'a bare yes or no with nothing asked is never a fallback, and never the same line twice running',
    turns: [
      turn('ya', { not: [FALLBACK] }),
      turn('nah', { not: [FALLBACK] }),
      turn('no', { not: [FALLBACK] }),
      turn('what is ipt', { has: ['Interpersonal Psychotherapy'] }),
      turn('yep', { not: [FALLBACK] }),
    ],
  },
  {
    name: '"yeah" after the check is offered starts it',
    turns: [
      turn('moved to a new town for work and i feel so lonely'),
      turn('would ipt help with that', { has: ['IPT works on'], not: [FALLBACK] }),
      turn('yeah go on', { has: [Q.concern], not: [FALLBACK] }),
    ],
  },
  {
    name: '"go back" and "change my answer" with nothing open: nothing to go back to, never "nothing to stop"',
    turns: [
      turn('go back', { has: ['nothing to go back to'], not: ['nothing to stop', FALLBACK] }),
      turn('stop', { not: ['nothing to go back to', FALLBACK] }),
      turn('change my answer', { has: ['nothing to go back to'], not: [FALLBACK] }),
      turn('go back', { not: ['nothing to go back to', FALLBACK] }),
    ],
  },

  // Keeping the summary.
  {
    name: 'asking for the summary by email after the check: how to copy, save or print it, and no email is asked for',
    turns: [
      turn('quiz'),
      answer('my mum passed in the summer'),
      answer('about 3 months', { last: Q.age }),
      answer('47', { last: Q.nation }),
      answer('hull', { has: [SUMMARY] }),
      turn('can i get my summary by email', { has: ['Copy', 'Save as a file', 'Print'], not: [FALLBACK, "don't have an email address", 'What is your email', CALL_BACK_OFFER] }),
      turn('how do i print this', { has: ['Print'], not: [FALLBACK] }),
    ],
  },
  {
    name: 'asking to keep a summary before any check: the check gives one, and nothing is emailed',
    turns: [turn('can i keep a copy of my results', { has: ['When you finish the check'], not: [FALLBACK, CALL_BACK_OFFER] })],
  },
];
