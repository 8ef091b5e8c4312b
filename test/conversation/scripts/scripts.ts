import { CLINIC_ENV } from '../support';
import { answer, FALLBACK, turn, type Script } from './runner';

/**
 * Conversations typed the way people type: slang, typos, answers in the wrong order, side
 * questions, restarts, corrections, a risk message in the middle. Written from the classes of
 * input in issue 13, not from the code's word lists.
 */

export const Q = {
  concern: 'What is troubling you most',
  relationships: 'Are other people, or a change in your life',
  duration: 'How long have you felt like this',
  age: 'How old are you',
  nation: 'Where in the UK do you live',
};
const SUMMARY = 'Here is a short note';
const YOUNG = 'CAMHS';
const SELF_REFER = 'Refer yourself to NHS Talking Therapies';
const GP = 'Book a talk with your GP';
const STOPPED = "Okay, I've stopped that";
const SAFETY = /999/;
// After a safety dialog the person chooses when to go back: the crisis dialog offers it once they
// are safe, and the check itself offers it if the safety dialog ended another way.
const PAUSED = /go back to the check when you're ready|still here if you want to finish|go back to what we were doing/;
const ENV_WITH_HOURS = { ...CLINIC_ENV, CLINIC_HOURS: 'Mon-Fri 09:00-17:00' };

const start = turn('is ipt right for me', { has: [Q.concern] });

export const SCRIPTS: Script[] = [
  // Typed answers in people's own words.
  {
    name: 'slang all the way through, Northern Ireland',
    turns: [
      start,
      answer('my nan died in march and i cant stop crying', { last: Q.relationships }),
      answer('ya', { last: Q.duration, not: [/Thanks for chatting/] }),
      answer('since june', { last: Q.age, not: [Q.concern] }),
      answer('im 44', { last: Q.nation }),
      answer('im in belfast', { has: [SUMMARY, 'IPT may suit you', 'Grief', GP, /few months/] }),
    ],
  },
  {
    name: '"since june" answers the question and never restarts the check',
    turns: [start, answer('falling out with my sister'), answer('yeah'), answer('since june', { last: Q.age, not: ['Let\'s see if IPT might suit you'] })],
  },
  {
    name: 'panic attacks with nothing to do with people: another approach may fit',
    turns: [
      start,
      answer('panic attacks out of nowhere', { last: Q.relationships }),
      answer('nah its nothing to do with people', { last: Q.duration }),
      answer('couple of weeks'),
      answer('32'),
      answer('Leeds', { has: ['Another approach may fit better', 'CBT'] }),
    ],
  },
  {
    name: '"kinda" and "ages"',
    turns: [start, answer('lonely since i moved here'), answer('kinda'), answer('ages tbh', { last: Q.age }), answer('thirty five'), answer('scotland', { has: [SUMMARY, /year or more/] })],
  },
  {
    name: '"about 6 months" and a postcode',
    turns: [start, answer('we keep arguing all the time'), answer('yep'), answer('about 6 months'), answer('27'), answer('EH1 1YZ', { has: [SUMMARY, GP, /few months/] })],
  },
  {
    name: 'a 16-year-old in words gets the under-18 routes',
    turns: [start, answer('my parents are splitting up'), answer('yes'), answer('a couple of weeks'), answer('sixteen'), answer('england', { has: [YOUNG, 'Childline'], not: [SELF_REFER] })],
  },
  {
    name: '"im in year 10" is under 18',
    turns: [start, answer('no friends at school'), answer('defo'), answer('months'), answer('im in year 10', { last: Q.nation }), answer('wales', { has: [YOUNG] })],
  },
  {
    name: 'a town in a sentence: Cardiff means the GP route in Wales',
    turns: [start, answer('lost my job and everything changed'), answer('yeah'), answer('3 months'), answer('40'), answer('I live in Cardiff', { has: [GP], not: [SELF_REFER] })],
  },
  {
    name: 'from one place, living in another: the place they live counts',
    turns: [start, answer('my dad passed away'), answer('yes'), answer('a year'), answer('50'), answer('im from glasgow but i live in london now', { has: [SELF_REFER] })],
  },
  {
    name: '"over 18" answers the age question',
    turns: [start, answer('arguing with my partner'), answer('yes'), answer('weeks'), answer("i'm over 18", { last: Q.nation }), answer('England', { has: [SELF_REFER] })],
  },
  {
    name: 'typos in answers',
    turns: [start, answer('my partnr and i keep argueing', { last: Q.relationships }), answer('yess'), answer('6 mnths', { last: Q.age }), answer('29'), answer('englnd', { has: [SUMMARY] })],
  },
  {
    name: 'a town and an age in full sentences',
    turns: [start, answer('had a baby and feel lost'), answer('i think so'), answer('since christmas'), answer("I'm 31 years old", { last: Q.nation }), answer('we live just outside swansea', { has: [GP] })],
  },

  // Answers given early, in the wrong order.
  {
    name: 'age and grief in the first answer: the age question is skipped',
    turns: [
      start,
      answer("I'm 15 and my mum died last year", { last: Q.relationships }),
      answer('yeah'),
      answer('about a year', { last: Q.nation, not: [Q.age] }),
      answer('Scotland', { has: [YOUNG, 'Grief'] }),
    ],
  },
  {
    name: 'feelings, age and place at once: only the missing questions are asked',
    turns: [start, answer('we keep fighting, im 30 and live in Swansea', { last: Q.relationships }), answer('yes'), answer('2 yrs', { has: [SUMMARY, GP], not: [Q.age, Q.nation] })],
  },
  {
    name: 'how long, given with the yes; "retired" answers the age',
    turns: [start, answer('big change since i retired'), answer('yes, been about 3 months', { last: Q.nation, not: [Q.duration, Q.age] }), answer('wales', { has: [/few months/] })],
  },
  {
    name: 'an age instead of the first answer: noted, and the first question asked again',
    turns: [start, answer('im 17', { has: ["I've noted that"], last: Q.concern }), answer('lonely'), answer('yes'), answer('weeks', { last: Q.nation, not: [Q.age] }), answer('Belfast', { has: [YOUNG] })],
  },
  {
    name: '"since my dad died": asked roughly how long, and grief is kept',
    turns: [start, answer('just feel low all the time'), answer('not sure'), answer('since my dad died', { has: ['how long ago'], last: Q.duration }), answer('about a year', { last: Q.age }), answer('55'), answer('England', { has: ['Grief'] })],
  },
  {
    name: 'a place instead of an age: noted, then only the age',
    turns: [start, answer('clashing with my boss'), answer('yes'), answer('weeks'), answer("i'm in wales", { has: ["I've noted that"], last: Q.age }), answer('22', { has: [SUMMARY, GP], not: [Q.nation] })],
  },
  {
    name: 'age said before the check is not asked again',
    turns: [turn('im 16', { has: ['under-18'] }), start, answer('bullied'), answer('yes'), answer('a few weeks', { last: Q.nation, not: [Q.age] }), answer('england', { has: [YOUNG] })],
  },
  {
    name: 'place said before the check is not asked again',
    turns: [turn('I live in Belfast', { has: ['Belfast'] }), start, answer('my brother died'), answer('yes'), answer('a few months'), answer('38', { has: [SUMMARY, GP], not: [Q.nation] })],
  },

  // Side questions during the check.
  {
    name: 'what is IPT, in the middle: answered, then the same question again',
    turns: [start, answer('arguing with my mum'), turn('what is ipt', { has: ['Interpersonal Psychotherapy', 'back to the check'], last: Q.relationships }), answer('yes', { last: Q.duration })],
  },
  {
    name: 'cost in the middle',
    turns: [start, answer('lonely'), answer('yes'), turn('how much does private therapy cost', { has: ['Prices vary'], last: Q.duration }), answer('a few weeks', { last: Q.age })],
  },
  {
    name: 'who it helps, at the first question',
    turns: [start, turn('who is ipt for', { last: Q.concern, not: [/let's leave the check/] }), answer('my wife left', { last: Q.relationships })],
  },
  {
    name: 'does it work, at the age question',
    turns: [start, answer('grief'), answer('yes'), answer('months'), turn('does it actually work', { has: ['research'], last: Q.age }), answer('45', { last: Q.nation })],
  },
  {
    name: 'two side questions in a row, then the answer',
    turns: [start, answer('my job changed'), turn('what is ipt', { last: Q.relationships }), turn('what happens in the sessions', { last: Q.relationships }), answer('yeah', { last: Q.duration })],
  },
  {
    name: 'help in the middle',
    turns: [start, answer('my friend died'), turn('what can you do', { has: ['back to where we were'], last: Q.relationships }), answer('yes')],
  },
  {
    name: 'a person, in the middle: the offer, no thanks, then the check when chosen',
    turns: [
      start,
      answer('falling out with family'),
      turn('can i speak to a real person', { has: ['call you back'] }),
      turn("No, I'll contact them", { has: [PAUSED], not: [Q.relationships] }),
      turn('carry on', { last: Q.relationships }),
      answer('yes', { last: Q.duration }),
    ],
  },
  {
    name: 'what about Wales, at the nation question, is the answer',
    turns: [start, answer('lonely'), answer('yes'), answer('weeks'), answer('30'), answer('what about wales', { has: [GP] })],
  },

  // Control words.
  {
    name: '"start again" restarts the check with answers cleared',
    turns: [start, answer('grief'), answer('yes'), turn('start again', { has: ["let's start again"], last: Q.concern, not: [STOPPED] }), answer('lonely', { last: Q.relationships })],
  },
  {
    name: '"restart" and "strat again" restart',
    turns: [start, answer('lonely'), turn('restart', { last: Q.concern, not: [STOPPED] }), answer('arguing'), turn('strat again', { last: Q.concern, not: [STOPPED] })],
  },
  {
    name: '"go back" asks the question before',
    turns: [start, answer('grief'), answer('yes'), turn('go back', { has: ['go back one question'], last: Q.relationships, not: [STOPPED] }), answer('no', { last: Q.duration })],
  },
  {
    name: '"go back" at the first question',
    turns: [start, turn('go back', { has: ['nothing to go back to'], last: Q.concern, not: [STOPPED] })],
  },
  {
    name: '"change my answer": which one, then that question',
    turns: [
      start,
      answer('lonely'),
      answer('yes'),
      answer('a few weeks'),
      turn('change my answer', { has: ['Which answer would you like to change?'], not: [STOPPED] }),
      turn('Change how long', { last: Q.duration }),
      answer('a year or more', { last: Q.age }),
    ],
  },
  {
    name: '"I put the wrong age" goes straight to the age',
    turns: [start, answer('grief'), answer('yes'), answer('weeks'), answer('15'), turn('oops I put the wrong age', { last: Q.age, not: [STOPPED] }), answer('51', { last: Q.nation }), answer('England', { has: [SELF_REFER], not: [YOUNG] })],
  },
  {
    name: 'a correction in passing: "actually im 19"',
    turns: [start, answer('lonely'), answer('yes'), answer('weeks'), answer('17'), answer('actually im 19 sorry', { has: ["I've noted that"], last: Q.nation }), answer('England', { has: [SELF_REFER], not: [YOUNG] })],
  },
  {
    name: '"wrong button" asks which answer',
    turns: [start, answer('Someone close to me died'), turn('wrong button', { has: ['Which answer'], not: [STOPPED] }), turn("Change what's troubling me", { last: Q.concern }), answer('Clashing with someone', { last: Q.relationships })],
  },
  {
    name: '"rather not say" skips',
    turns: [start, answer('lonely'), answer('yes'), answer('weeks'), turn('rather not say', { last: Q.nation }), answer('Scotland', { has: [SUMMARY] })],
  },
  {
    name: '"what was the question?" repeats it, in different words each time',
    turns: [start, answer('grief'), turn('what was the question?', { last: Q.relationships }), turn('huh', { last: Q.relationships }), answer('yes')],
  },
  {
    name: 'stop in the middle, then "carry on with the questions" picks it up',
    turns: [start, answer('grief'), answer('yes'), turn('stop', { has: [STOPPED] }), turn('carry on with the questions', { has: ['from where we stopped'], last: Q.duration }), answer('ages', { last: Q.age })],
  },
  {
    name: 'stop with nothing running: what you can do instead, never the same words twice',
    turns: [turn('stop', { has: ['nothing to stop'] }), turn('stop', { not: ['nothing to stop'] }), turn('cancel'), turn('stop')],
  },
  {
    name: '"start again" with nothing running',
    turns: [turn('start again', { has: ['fresh start'], not: [STOPPED] })],
  },
  {
    name: 'after the check, "change my age" reopens it at the age',
    turns: [start, answer('grief'), answer('yes'), answer('weeks'), answer('16'), answer('england', { has: [YOUNG] }), turn('change my age', { last: Q.age }), answer('36', { has: [SELF_REFER], not: [YOUNG] })],
  },
  {
    name: 'after the check, "start again" runs it again',
    turns: [start, answer('grief'), answer('yes'), answer('weeks'), answer('40'), answer('wales', { has: [SUMMARY] }), turn('can we start again', { last: Q.concern })],
  },
  {
    name: '"carry on" with nothing to carry on',
    turns: [turn('carry on', { has: [/nothing|not in the middle/i] })],
  },
  {
    name: 'typo stop: "cancle"',
    turns: [start, turn('cancle', { has: [STOPPED] })],
  },
  {
    name: '"ok can we start again please"',
    turns: [start, answer('lonely'), turn('ok can we start again please', { last: Q.concern, not: [STOPPED] })],
  },
  {
    name: '"skip" then "go back" to the skipped question',
    turns: [start, answer('lonely'), turn('skip', { last: Q.duration }), turn('go back', { last: Q.relationships }), answer('yes', { last: Q.duration })],
  },

  {
    name: '"no wait i mean the first one" changes the first answer',
    turns: [start, answer('grief'), turn('no wait i mean the first one', { last: Q.concern, not: [STOPPED] }), answer('lonely', { last: Q.relationships })],
  },
  {
    name: '"uk" at the nation question is asked again, not answered as a topic',
    turns: [start, answer('lonely'), answer('yes'), answer('weeks'), answer('25'), turn('uk', { last: Q.nation, not: ['privately'] }), answer('northern ireland', { has: [SUMMARY] })],
  },
  {
    name: '"it\'s my boyfriend" answers the first two questions',
    turns: [start, answer('i guess its my boyfriend', { last: Q.duration }), answer('since the summer', { last: Q.age }), answer('im 19 and in glasgow', { has: [SUMMARY, 'IPT may suit you'] })],
  },

  // A risk message in the middle.
  {
    name: 'risk mid-check: safety first, the check waits, carry on when chosen, support first in the summary',
    turns: [
      start,
      answer('my dad died'),
      turn('i want to kill myself', { has: [SAFETY], not: [Q.relationships] }),
      turn("yes i'm safe", { has: [PAUSED], not: [Q.relationships] }),
      turn('Carry on with the check', { last: Q.relationships }),
      answer('yes'),
      answer('months'),
      answer('40'),
      answer('england', { has: ['getting support to feel safe comes first'] }),
    ],
  },
  {
    name: 'risk mid-check, then something else first: the question is not pushed',
    turns: [
      start,
      answer('lonely'),
      turn('i want to die', { has: [SAFETY] }),
      turn('yes im safe now', { has: [PAUSED] }),
      turn('what is ipt', { has: ['Interpersonal Psychotherapy'], not: [Q.relationships] }),
      turn('back to the check', { last: Q.relationships }),
    ],
  },
  {
    name: 'risk mid-check, then "ok" and "hello" while the check waits: no fallback, no question pushed',
    turns: [
      start,
      answer('lonely'),
      turn('i want to die', { has: [SAFETY] }),
      turn('yes', { has: [PAUSED] }),
      turn('hello', { not: [Q.relationships] }),
      turn('ok', { not: [FALLBACK, Q.relationships] }),
      turn('carry on', { last: Q.relationships }),
    ],
  },
  {
    name: '"thanks" after a side answer just asks the question again',
    turns: [start, answer('lonely'), turn('what is ipt', { last: Q.relationships }), turn('thanks', { last: Q.relationships, not: [FALLBACK] }), answer('yes', { last: Q.duration })],
  },
  {
    name: 'risk mid-check, then stop the check',
    turns: [start, turn('i want to end it all', { has: [SAFETY] }), turn('im safe', { has: [PAUSED] }), turn('Stop the check', { has: [STOPPED] })],
  },
  {
    name: 'a risk message and an answer together',
    turns: [start, answer('grief'), answer('yes'), turn('about 6 months but honestly i dont want to be here anymore', { has: [SAFETY], not: [Q.age] }), turn('i am safe right now', { has: [PAUSED] }), turn('carry on', { last: Q.duration })],
  },
  {
    name: 'risk before the check, then the check as usual',
    turns: [turn('i want to kill myself', { has: [SAFETY] }), turn('yes im safe'), start, answer('lonely', { last: Q.relationships })],
  },
  {
    name: 'the safe answer after a risk message is not read as a check answer',
    turns: [start, turn('i want to kill myself', { has: [SAFETY] }), turn('yes', { not: [Q.relationships, FALLBACK] })],
  },

  // Goodbyes and slang outside the check.
  {
    name: '"ya" at the start is not a goodbye',
    turns: [turn('ya'), turn('ok'), turn('what is ipt', { has: ['Interpersonal Psychotherapy'] })],
  },
  {
    name: 'acknowledgements get a short reply that varies, never a fallback',
    turns: [turn('what is ipt'), turn('ok', { not: [FALLBACK] }), turn('thanks', { not: [FALLBACK] }), turn('cool', { not: [FALLBACK] })],
  },
  {
    name: 'a 15-year-old asking for someone in the middle of the check hears about Childline',
    turns: [turn('im 15 would ipt suit me', { has: [Q.concern] }), turn('talk to someone', { has: ['Childline'] }), turn('no', { has: [PAUSED] })],
  },
  {
    name: '"thanks" after an answer is not a goodbye',
    turns: [turn('what is ipt', { has: ['Interpersonal Psychotherapy'] }), turn('thanks'), turn('ya')],
  },
  {
    name: '"thanks bye" is a goodbye',
    turns: [turn('what is ipt'), turn('thanks bye', { goodbye: true, has: ['Thanks for chatting'] })],
  },
  {
    name: '"gotta go" mid-check ends it; "carry on" later picks it up',
    turns: [start, answer('grief'), turn('gotta go', { goodbye: true, has: ['Thanks for chatting'] }), turn('carry on', { last: Q.relationships })],
  },
  {
    name: '"ya" mid-check answers yes',
    turns: [start, answer('lonely'), answer('ya', { last: Q.duration })],
  },

  // Where people live and how old they are.
  {
    name: '"I\'m 18 now" updates the age group',
    turns: [turn('im 17', { has: ['under-18'] }), turn("I'm 18 now", { has: ["I've noted your age"] })],
    after: async (convo) => {
      expect((await convo.profile())?.ageGroup).toBe('18_to_34');
    },
  },
  {
    name: '"I\'ve moved to Bristol" updates the nation',
    turns: [turn('I live in Cardiff'), turn("I've moved to Bristol", { has: ['Bristol', 'England'] })],
    after: async (convo) => {
      expect((await convo.profile())?.nation).toBe('england');
      expect(await convo.keptProfile()).toBeUndefined();
    },
  },
  {
    name: '"remember me" keeps nation and age group; "forget me" drops them',
    turns: [start, answer('grief'), answer('yes'), answer('weeks'), answer('40'), answer('wales', { has: ['remember me'] }), turn('remember me', { has: ["I'll remember"] }), turn('forget me', { has: ['delete this chat'] }), turn('yes', { has: ["I've deleted this chat"] })],
    after: async (convo) => {
      expect(await convo.keptProfile()).toBeUndefined();
    },
  },
  {
    name: 'the check\'s answers stay with this conversation unless kept',
    turns: [start, answer('grief'), answer('yes'), answer('weeks'), answer('40'), answer('wales')],
    after: async (convo) => {
      expect(await convo.profile()).toEqual({ ageGroup: '35_plus', nation: 'wales' });
      expect(await convo.keptProfile()).toBeUndefined();
    },
  },

  // A person.
  {
    name: 'a call-back, typed casually',
    env: ENV_WITH_HOURS,
    turns: [
      turn('can i talk to someone', { has: ['Riverside Clinic', 'call you back'] }),
      turn('yep', { has: ['What number'] }),
      answer('07700 900123', { has: ['good time'] }),
      answer('afternoons', { has: ['passed your request', 'working day'] }),
    ],
    after: async (convo) => {
      expect(await convo.harness.callbacks.list()).toEqual([expect.objectContaining({ phone: '07700900123', when: 'afternoon' })]);
    },
  },
  {
    name: 'an under-18 asking for a person is offered Childline',
    env: ENV_WITH_HOURS,
    turns: [turn('im 14'), turn('i want to talk to a real person', { has: ['Childline', '0800 1111'] })],
  },
  {
    name: 'declining a call-back, then the menu still works',
    env: ENV_WITH_HOURS,
    turns: [turn('talk to a person'), turn('no thanks'), turn('what is ipt', { has: ['Interpersonal Psychotherapy'] })],
  },
];
