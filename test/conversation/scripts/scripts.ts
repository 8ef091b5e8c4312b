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
/** A route through the GP, in an answer rather than the check's summary. */
const GP_WORD = /\bGP\b/;
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
      answer('my nan died in march and i cant stop crying', { last: Q.duration, not: [Q.relationships] }),
      answer('since june', { last: Q.age, not: [Q.concern] }),
      answer('im 44', { last: Q.nation }),
      answer('im in belfast', { has: [SUMMARY, 'IPT may suit you', 'Grief', GP, /few months/] }),
    ],
  },
  {
    name: '"since june" answers the question and never restarts the check',
    turns: [start, answer('falling out with my sister', { last: Q.duration }), answer('since june', { last: Q.age, not: ['Let\'s see if IPT might suit you'] })],
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
    turns: [start, answer('just feel flat all the time', { last: Q.relationships }), answer('kinda'), answer('ages tbh', { last: Q.age }), answer('thirty five'), answer('scotland', { has: [SUMMARY, /year or more/] })],
  },
  {
    name: '"about 6 months" and a postcode',
    turns: [start, answer('we keep arguing all the time'), answer('about 6 months'), answer('27'), answer('EH1 1YZ', { has: [SUMMARY, GP, /few months/] })],
  },
  {
    name: 'a 16-year-old in words gets the under-18 routes',
    turns: [start, answer('my parents are splitting up'), answer('a couple of weeks'), answer('sixteen'), answer('england', { has: [YOUNG, 'Childline'], not: [SELF_REFER] })],
  },
  {
    name: '"im in year 10" is under 18',
    turns: [start, answer('stressed about exams'), answer('defo'), answer('months'), answer('im in year 10', { last: Q.nation }), answer('wales', { has: [YOUNG] })],
  },
  {
    name: 'a town in a sentence: Cardiff means the GP route in Wales',
    turns: [start, answer('lost my job and everything changed'), answer('3 months'), answer('40'), answer('I live in Cardiff', { has: [GP], not: [SELF_REFER] })],
  },
  {
    name: 'from one place, living in another: the place they live counts',
    turns: [start, answer('my dad passed away'), answer('a year'), answer('50'), answer('im from glasgow but i live in london now', { has: [SELF_REFER] })],
  },
  {
    name: '"over 18" answers the age question',
    turns: [start, answer('arguing with my partner'), answer('weeks'), answer("i'm over 18", { last: Q.nation }), answer('England', { has: [SELF_REFER] })],
  },
  {
    name: 'typos in answers',
    turns: [start, answer('my partnr and i keep argueing', { last: Q.duration }), answer('6 mnths', { last: Q.age }), answer('29'), answer('englnd', { has: [SUMMARY] })],
  },
  {
    name: 'a town and an age in full sentences',
    turns: [start, answer('feel down, dont know why'), answer('i think so'), answer('since christmas'), answer("I'm 31 years old", { last: Q.nation }), answer('we live just outside swansea', { has: [GP] })],
  },

  // Answers given early, in the wrong order.
  {
    name: 'age and grief in the first answer: the age question is skipped',
    turns: [
      start,
      answer("I'm 15 and my mum died last year", { last: Q.duration, not: [Q.relationships] }),
      answer('about a year', { last: Q.nation, not: [Q.age] }),
      answer('Scotland', { has: [YOUNG, 'Grief'] }),
    ],
  },
  {
    name: 'feelings, age and place at once: only the missing questions are asked',
    turns: [start, answer('we keep fighting, im 30 and live in Swansea', { last: Q.duration }), answer('2 yrs', { has: [SUMMARY, GP], not: [Q.age, Q.nation] })],
  },
  {
    name: '"retired" answers the age, "since i retired" says when it began, and the change needs no people question',
    turns: [start, answer('big change since i retired', { last: Q.nation, not: [Q.relationships, Q.duration, Q.age] }), answer('wales', { has: [SUMMARY, GP] })],
  },
  {
    name: 'how long, given with the yes',
    turns: [start, answer('panic attacks mostly'), answer('yes, been about 3 months', { last: Q.age, not: [Q.duration] }), answer('61', { last: Q.nation })],
  },
  {
    name: 'an age instead of the first answer: noted, and the first question asked again',
    turns: [start, answer('im 17', { has: ["I've noted that"], last: Q.concern }), answer('lonely', { last: Q.duration }), answer('weeks', { last: Q.nation, not: [Q.age] }), answer('Belfast', { has: [YOUNG] })],
  },
  {
    name: '"since my dad died": asked roughly how long, and grief is kept',
    turns: [start, answer('just feel low all the time'), answer('not sure'), answer('since my dad died', { has: ['how long ago'], last: Q.duration }), answer('about a year', { last: Q.age }), answer('55'), answer('England', { has: ['Grief'] })],
  },
  {
    name: 'a place instead of an age: noted, then only the age',
    turns: [start, answer('clashing with my boss'), answer('weeks'), answer("i'm in wales", { has: ["I've noted that"], last: Q.age }), answer('22', { has: [SUMMARY, GP], not: [Q.nation] })],
  },
  {
    name: 'age said before the check is not asked again',
    turns: [turn('im 16', { has: ['under-18'] }), start, answer('bullied'), answer('a few weeks', { last: Q.nation, not: [Q.age] }), answer('england', { has: [YOUNG] })],
  },
  {
    name: 'place said before the check is not asked again',
    turns: [turn('I live in Belfast', { has: ['Belfast'] }), start, answer('my brother died'), answer('a few months'), answer('38', { has: [SUMMARY, GP], not: [Q.nation] })],
  },

  // Side questions during the check.
  {
    name: 'what is IPT, in the middle: answered, then the same question again',
    turns: [start, answer('arguing with my mum'), turn('what is ipt', { has: ['Interpersonal Psychotherapy', 'back to the check'], last: Q.duration }), answer('a few weeks', { last: Q.age })],
  },
  {
    name: 'cost in the middle',
    turns: [start, answer('lonely'), turn('how much does private therapy cost', { has: ['Privately, prices vary'], last: Q.duration }), answer('a few weeks', { last: Q.age })],
  },
  {
    name: 'who it helps, at the first question',
    turns: [start, turn('who is ipt for', { last: Q.concern, not: [/let's leave the check/] }), answer('my wife left', { last: Q.duration, not: [Q.relationships] })],
  },
  {
    name: 'does it work, at the age question',
    turns: [start, answer('grief'), answer('months'), turn('does it actually work', { has: ['research'], last: Q.age }), answer('45', { last: Q.nation })],
  },
  {
    name: 'two side questions in a row, then the answer',
    turns: [start, answer('my job changed'), turn('what is ipt', { last: Q.duration }), turn('what happens in the sessions', { last: Q.duration }), answer('since march', { last: Q.age })],
  },
  {
    name: 'help in the middle',
    turns: [start, answer('feeling really low'), turn('what can you do', { has: ['back to where we were'], last: Q.relationships }), answer('yes', { last: Q.duration })],
  },
  {
    name: 'a person, in the middle: the offer, no thanks, then the check when chosen',
    turns: [
      start,
      answer('falling out with family'),
      turn('can i speak to a real person', { has: ['a call back'] }),
      turn("No, I'll contact them", { has: [PAUSED], not: [Q.duration] }),
      turn('carry on', { last: Q.duration }),
      answer('weeks', { last: Q.age }),
    ],
  },
  {
    name: 'what about Wales, at the nation question, is the answer',
    turns: [start, answer('lonely'), answer('weeks'), answer('30'), answer('what about wales', { has: [GP] })],
  },

  // Control words.
  {
    name: '"start again" restarts the check with answers cleared',
    turns: [start, answer('grief'), answer('weeks'), turn('start again', { has: ["let's start again"], last: Q.concern, not: [STOPPED] }), answer('worried all the time', { last: Q.relationships })],
  },
  {
    name: '"restart" and "strat again" restart',
    turns: [start, answer('lonely'), turn('restart', { last: Q.concern, not: [STOPPED] }), answer('arguing'), turn('strat again', { last: Q.concern, not: [STOPPED] })],
  },
  {
    name: '"go back" asks the question before',
    turns: [start, answer('anxiety'), answer('yes'), turn('go back', { has: ['go back one question'], last: Q.relationships, not: [STOPPED] }), answer('no', { last: Q.duration })],
  },
  {
    name: '"go back" after an implied answer goes to the question the person answered',
    turns: [start, answer('grief'), answer('weeks'), turn('go back', { last: Q.duration, not: [Q.relationships] }), answer('months', { last: Q.age })],
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
      answer('a few weeks'),
      turn('change my answer', { has: ['Which answer would you like to change?'], not: [STOPPED] }),
      turn('Change how long', { last: Q.duration }),
      answer('a year or more', { last: Q.age }),
    ],
  },
  {
    name: '"I put the wrong age" goes straight to the age',
    turns: [start, answer('grief'), answer('weeks'), answer('15'), turn('oops I put the wrong age', { last: Q.age, not: [STOPPED] }), answer('51', { last: Q.nation }), answer('England', { has: [SELF_REFER], not: [YOUNG] })],
  },
  {
    name: 'a correction in passing: "actually im 19"',
    turns: [start, answer('lonely'), answer('weeks'), answer('17'), answer('actually im 19 sorry', { has: ["I've noted that"], last: Q.nation }), answer('England', { has: [SELF_REFER], not: [YOUNG] })],
  },
  {
    name: '"wrong button" asks which answer',
    turns: [start, answer('Someone close to me died'), turn('wrong button', { has: ['Which answer'], not: [STOPPED] }), turn("Change what's troubling me", { last: Q.concern }), answer('Clashing with someone', { last: Q.duration })],
  },
  {
    name: '"rather not say" skips',
    turns: [start, answer('lonely'), answer('weeks'), turn('rather not say', { last: Q.nation }), answer('Scotland', { has: [SUMMARY] })],
  },
  {
    name: '"what was the question?" repeats it, in different words each time',
    turns: [start, answer('grief'), turn('what was the question?', { last: Q.duration }), turn('huh', { last: Q.duration }), answer('ages', { last: Q.age })],
  },
  {
    name: 'stop in the middle, then "carry on with the questions" picks it up',
    turns: [start, answer('grief'), turn('stop', { has: [STOPPED] }), turn('carry on with the questions', { has: ['from where we stopped'], last: Q.duration }), answer('ages', { last: Q.age })],
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
    turns: [start, answer('grief'), answer('weeks'), answer('16'), answer('england', { has: [YOUNG] }), turn('change my age', { last: Q.age }), answer('36', { has: [SELF_REFER], not: [YOUNG] })],
  },
  {
    name: 'after the check, "start again" runs it again',
    turns: [start, answer('grief'), answer('weeks'), answer('40'), answer('wales', { has: [SUMMARY] }), turn('can we start again', { last: Q.concern })],
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
    turns: [start, answer('stressed'), turn('skip', { last: Q.duration }), turn('go back', { last: Q.relationships }), answer('yes', { last: Q.duration })],
  },

  {
    name: '"no wait i mean the first one" changes the first answer',
    turns: [start, answer('grief'), turn('no wait i mean the first one', { last: Q.concern, not: [STOPPED] }), answer('panic attacks', { last: Q.relationships })],
  },
  {
    name: '"uk" at the nation question is asked again, not answered as a topic',
    turns: [start, answer('lonely'), answer('weeks'), answer('25'), turn('uk', { last: Q.nation, not: ['privately'] }), answer('northern ireland', { has: [SUMMARY] })],
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
      turn('i want to kill myself', { has: [SAFETY], not: [Q.duration] }),
      turn("yes i'm safe", { has: [PAUSED], not: [Q.duration] }),
      turn('Carry on with the check', { last: Q.duration }),
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
      turn('what is ipt', { has: ['Interpersonal Psychotherapy'], not: [Q.duration] }),
      turn('back to the check', { last: Q.duration }),
    ],
  },
  {
    name: 'risk mid-check, then "ok" and "hello" while the check waits: no fallback, no question pushed',
    turns: [
      start,
      answer('lonely'),
      turn('i want to die', { has: [SAFETY] }),
      turn('yes', { has: [PAUSED] }),
      turn('hello', { not: [Q.duration] }),
      turn('ok', { not: [FALLBACK, Q.duration] }),
      turn('carry on', { last: Q.duration }),
    ],
  },
  {
    name: '"thanks" after a side answer just asks the question again',
    turns: [start, answer('low mood'), turn('what is ipt', { last: Q.relationships }), turn('thanks', { last: Q.relationships, not: [FALLBACK] }), answer('yes', { last: Q.duration })],
  },
  {
    name: 'risk mid-check, then stop the check',
    turns: [start, turn('i want to end it all', { has: [SAFETY] }), turn('im safe', { has: [PAUSED] }), turn('Stop the check', { has: [STOPPED] })],
  },
  {
    name: 'a risk message and an answer together',
    turns: [start, answer('grief'), turn('about 6 months but honestly i dont want to be here anymore', { has: [SAFETY], not: [Q.age] }), turn('i am safe right now', { has: [PAUSED] }), turn('carry on', { last: Q.duration })],
  },
  {
    name: 'risk before the check, then the check as usual',
    turns: [turn('i want to kill myself', { has: [SAFETY] }), turn('yes im safe'), start, answer('lonely', { last: Q.duration })],
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
    turns: [start, answer('grief'), turn('gotta go', { goodbye: true, has: ['Thanks for chatting'] }), turn('carry on', { last: Q.duration })],
  },
  {
    name: '"ya" mid-check answers yes',
    turns: [start, answer('just feel low'), answer('ya', { last: Q.duration, not: [/Thanks for chatting/] })],
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
    turns: [start, answer('grief'), answer('weeks'), answer('40'), answer('wales', { has: ['remember me'] }), turn('remember me', { has: ["I'll remember"] }), turn('forget me', { has: ['delete this chat'] }), turn('yes', { has: ["I've deleted this chat"] })],
    after: async (convo) => {
      expect(await convo.keptProfile()).toBeUndefined();
    },
  },
  {
    name: 'the check\'s answers stay with this conversation unless kept',
    turns: [start, answer('grief'), answer('weeks'), answer('40'), answer('wales')],
    after: async (convo) => {
      expect(await convo.profile()).toEqual({ ageGroup: '35_plus', nation: 'wales' });
      expect(await convo.keptProfile()).toBeUndefined();
    },
  },

  // Round two of issue 13: questions the answers already settle, facts in the request, under-18s,
  // pauses and side questions, the next step after the summary, a crisis earlier in the chat.
  {
    name: 'a focus area already says people are part of it: that question is never asked',
    turns: [
      start,
      answer('me n my gf keep rowing about everything', { last: Q.duration, not: [Q.relationships] }),
      answer('like 3 months', { last: Q.age }),
      answer('26'),
      answer('manchester', { has: [SUMMARY, SELF_REFER, 'Role disputes', 'IPT may suit you'], not: [/my relationships/i] }),
    ],
  },
  {
    name: 'worry with no focus area: the people question is asked, and "nah" means another approach may fit',
    turns: [
      start,
      answer('cant sleep and stressed all the time', { last: Q.relationships }),
      answer('nah not really', { last: Q.duration }),
      answer('few weeks'),
      answer('33'),
      answer('bristol', { has: ['Another approach may fit better', 'CBT'] }),
    ],
  },
  {
    name: 'everything in the message that asks for the check: straight to the summary, then how to take the next step',
    turns: [
      turn('can u check if ipt is for me. im 52, in swansea, lost my job in jan and havent felt right since', {
        has: [SUMMARY, GP, 'Life changes'],
        not: [Q.concern, Q.relationships, Q.duration, Q.age, Q.nation],
      }),
      turn('so what do i do next', { has: ['Here is how to take that step', 'GP appointment'], not: [FALLBACK, GP] }),
    ],
  },
  {
    name: 'age and place in the request are used, and the person is told',
    turns: [
      turn('im 29 and live in leeds, is ipt right for me', { has: ["I'll use what you've told me"], last: Q.concern }),
      answer('its about my breakup tbh', { last: Q.duration }),
      answer('dunno, few months?', { has: [SUMMARY, SELF_REFER], not: [Q.age, Q.nation] }),
      turn('now what', { has: ['Here is how to take that step', 'NHS Talking Therapies', 'postcode'], not: [SELF_REFER] }),
    ],
  },
  {
    name: '"what do i do next" with no check done is not the check\'s next step',
    turns: [turn('what do i do next', { not: ['From your answers'] })],
  },
  {
    name: 'an under-18 in the request hears about Childline before the first question',
    turns: [
      turn('im 14 and i feel really low all the time, is ipt right for me', { has: ['Childline', '0800 1111'], last: Q.concern }),
      answer('everyone at school ignores me', { not: ['Childline'] }),
    ],
  },
  {
    name: 'a 15-year-old at the age question hears about Childline at once, not only in the summary',
    turns: [start, answer('fell out with my best mate'), answer('weeks'), answer('15', { has: ['Childline'], last: Q.nation }), answer('england', { has: [YOUNG], not: [SELF_REFER] })],
  },
  {
    name: '"hang on, someone\'s at the door" pauses; "back, where were we" picks the question up',
    turns: [
      start,
      answer('my grandad died'),
      turn('hang on someones at the door', { has: ['No rush'], not: [Q.duration, FALLBACK] }),
      turn('back, where were we', { last: Q.duration, not: [FALLBACK] }),
      answer('since march', { last: Q.age }),
    ],
  },
  {
    name: '"brb" then "one sec": no fallback, different words; "ok im back" carries on',
    turns: [start, turn('brb', { not: [FALLBACK, Q.concern] }), turn('one sec', { not: [FALLBACK] }), turn('ok im back', { last: Q.concern, not: [FALLBACK] }), answer('lonely', { last: Q.duration })],
  },
  {
    name: '"hold on, is it free?" is a question, not a pause',
    turns: [start, turn('hold on, is it free?', { has: [/free/i, 'back to the check'], last: Q.concern, not: ['No rush', FALLBACK] })],
  },
  {
    name: '"who sees my answers?" during the check is answered, then the question again',
    turns: [start, turn('who sees my answers?', { has: [/staff|stored|removed/], last: Q.concern, not: [FALLBACK] }), turn('ok', { last: Q.concern, not: [FALLBACK] }), answer('grief', { last: Q.duration })],
  },
  {
    name: 'a question that names a focus area during the check is answered, not taken as the answer',
    turns: [
      start,
      turn('what does ipt do for grief exactly', { has: [/focus areas?/i, 'back to the check'], last: Q.concern, not: [FALLBACK] }),
      answer('arguing with my sister all the time', { last: Q.duration }),
    ],
  },
  {
    name: 'a question with a place in it during the check: the place is kept, the question answered, the check goes on',
    turns: [
      start,
      answer('my dad died in march', { last: Q.duration }),
      turn('ok how do i get it, im in sheffield', { has: ["you're in Sheffield", 'NHS Talking Therapies', 'back to the check'], last: Q.duration, not: [FALLBACK, "I've noted that, so"] }),
      answer('since june', { last: Q.age }),
      answer('52', { has: [SUMMARY, SELF_REFER], not: [Q.nation] }),
    ],
  },
  {
    name: 'a place, then a question in its own sentence: the place is kept, the question answered, the check goes on',
    turns: [
      start,
      answer('my sister and me keep falling out', { last: Q.duration }),
      turn('we live in leicester. do we have to pay', { has: ["you're in Leicester", 'free', 'back to the check'], last: Q.duration, not: [Q.nation] }),
    ],
  },
  {
    name: 'a question that also answers the open question: answered, and the next question follows',
    turns: [
      start,
      answer('we keep arguing'),
      answer('a few months'),
      answer('40', { last: Q.nation }),
      turn('how do i get it if i live in cardiff', { has: ["you're in Cardiff", SUMMARY, GP], not: [Q.nation, SELF_REFER, FALLBACK] }),
    ],
  },
  {
    name: '"since year 9 started" says when it began: the age is still asked, and a 13-year-old gets Childline then',
    turns: [
      start,
      turn('since year 9 started', { last: Q.concern, not: [YOUNG, 'Childline', FALLBACK] }),
      answer('my parents are splitting up', { last: Q.age, not: [Q.duration, 'Childline'] }),
      answer('13', { has: ['Childline', '0800 1111'], last: Q.nation }),
    ],
  },
  {
    name: 'an age said while another question is open gives the under-18 routes at once',
    turns: [start, answer('lonely all the time'), turn('im 15', { has: ['Childline'], last: Q.duration })],
  },
  {
    name: 'a start given as an event answers how long; "life change i guess" said late is noted, not a fallback',
    turns: [
      start,
      answer('since my mum moved into a home', { last: Q.age, not: [Q.duration, Q.relationships] }),
      turn('life change i guess', { last: Q.age, not: [FALLBACK] }),
      answer('58', { last: Q.nation }),
      answer('england', { has: [SUMMARY, SELF_REFER] }),
      turn('oh wait change that to scotland, im in inverness', { has: ["you're in Inverness", SUMMARY, GP], not: [SELF_REFER, FALLBACK] }),
    ],
  },
  {
    name: 'a place on its own right after the check: the summary follows it',
    turns: [start, answer('lost my job'), answer('weeks'), answer('33'), answer('wales', { has: [GP] }), turn('im in leeds actually', { has: [SUMMARY, SELF_REFER], not: [FALLBACK] })],
  },
  {
    name: '"dunno really" skips, even after a fact and a miss',
    turns: [turn('can u tell me if ipt would suit me', { has: [Q.concern] }), turn('ya'), turn('dunno, ages', { last: Q.concern }), turn('dunno really', { not: [FALLBACK] })],
  },
  {
    name: '"quiz pls" starts the check; an age and a town instead of the first answer are kept',
    turns: [
      turn('quiz pls', { last: Q.concern }),
      answer('22, in brighton', { has: ["I've noted that"], last: Q.concern }),
      answer('my partner left me', { last: Q.duration }),
      answer('bout 2 months', { has: [SUMMARY, SELF_REFER], not: [Q.age, Q.nation] }),
    ],
  },
  {
    name: '"is that the kind of thing ipt helps with?" in the check: what the answers point to, then the question',
    turns: [
      start,
      answer('keep clashing with my dad'),
      turn('is that the kind of thing ipt helps with?', { has: ['role disputes', 'four things IPT works on'], last: Q.duration, not: [FALLBACK] }),
      turn('can my partner come to a session?', { has: ['back to the check'], last: Q.duration }),
      turn('whats your favourite football team?', { has: ["don't have an answer"], last: Q.duration, not: [FALLBACK] }),
      turn('do you like pizza?', { has: ["can't answer here"], last: Q.duration, not: [FALLBACK] }),
      answer('years', { last: Q.age }),
    ],
  },
  {
    name: 'a 14-year-old asking what IPT is hears about Childline first, and only once',
    turns: [
      turn('im 14, what is ipt', { has: ['Childline', '0800 1111', 'Interpersonal Psychotherapy'] }),
      turn('how many sessions is it', { has: ['sessions'], not: ['Childline'] }),
    ],
  },
  {
    name: 'an under-18 told about Childline already is not told again when the check starts',
    turns: [turn('im 15', { has: ['Childline'] }), turn('is ipt right for me', { last: Q.concern, not: ["As you're under 18"] }), answer('lonely', { not: ['Childline'] })],
  },
  {
    name: 'a teacher\'s "year 11" is not the writer\'s age',
    turns: [turn('im a teacher planning a lesson for year 11, what is ipt', { has: ['IPT'], not: ["As you're under 18", 'under-18'] })],
  },
  {
    name: 'a crisis earlier in the chat: a later check says support comes first',
    turns: [
      turn('i want to kill myself', { has: [SAFETY] }),
      turn('yes im safe now'),
      start,
      answer('my mum died'),
      answer('months'),
      answer('40'),
      answer('england', { has: ['getting support to feel safe comes first'], not: ['IPT may suit you'] }),
    ],
  },
  {
    name: 'a worry about a friend earlier in the chat does not change the person\'s own check',
    turns: [
      turn('my friend said she wants to kill herself', { has: [SAFETY] }),
      turn('she is safe now, her mum is with her'),
      start,
      answer('my mum died'),
      answer('months'),
      answer('40'),
      answer('england', { has: ['IPT may suit you'] }),
    ],
  },

  // Places and feelings outside the check.
  {
    name: 'asked again in other words right after an answer: it says so instead of the same reply twice',
    turns: [
      turn('whats the price of seeing someone privately', { has: ['£'] }),
      turn('roughly how much tho', { has: ['answer I gave just now', '£'], not: [FALLBACK] }),
      turn('ok and is it free on the nhs', { has: [/free/i], not: ['answer I gave just now'] }),
    ],
  },
  {
    name: 'a place after a waiting-times answer gives that nation\'s route; a correction follows it',
    turns: [
      turn('how long are waits for ipt', { has: [/wait/i] }),
      turn('im in cornwall', { has: ["you're in Cornwall", 'NHS Talking Therapies'], not: [FALLBACK] }),
      turn('sorry i meant im moving to cardiff next month', { has: ["you're in Cardiff", GP_WORD], not: [FALLBACK, 'Type a question in your own words', 'refer yourself'] }),
    ],
  },
  {
    name: 'a Northern Ireland town on its own, before any question, gets the GP route',
    turns: [turn('newry', { has: ["you're in Newry", GP_WORD], not: ['refer yourself to NHS Talking Therapies', FALLBACK] }), turn('can i refer myself', { has: ['Northern Ireland'] })],
  },
  {
    name: 'a greeting with a Northern Ireland town gets the GP route',
    turns: [turn('hiya from derry, do yous do ipt here', { has: ["you're in Derry", GP_WORD], not: ['refer yourself to NHS Talking Therapies', FALLBACK] })],
  },
  {
    name: '"would talking to someone even help" after grief is answered about grief, not with the check',
    turns: [
      turn('my dad died in march and i cant stop crying', { has: [/sorry/i] }),
      turn('would talking to someone even help', { has: [/grief/i], not: [Q.concern, FALLBACK] }),
    ],
  },

  // A person.
  {
    name: 'a call-back, typed casually',
    env: ENV_WITH_HOURS,
    turns: [
      turn('can i talk to someone', { has: ['Riverside Clinic', 'a call back'] }),
      turn('yep', { has: ['What number'] }),
      answer('07700 900123', { has: ['good time'] }),
      answer('afternoons', { has: ['passed your request', 'working day'] }),
    ],
    after: async (convo) => {
      expect(await convo.harness.callbacks.list()).toEqual([expect.objectContaining({ phone: '07700900123', when: 'afternoon' })]);
    },
  },
  {
    name: 'a call-back with the number and the time in one message is not asked the time',
    env: ENV_WITH_HOURS,
    turns: [
      turn('can i speak to a human', { has: ['a call back'] }),
      turn('yes please', { has: ['What number'] }),
      answer('its 07700 900123, mornings are best', { has: ['passed your request'], not: ['good time'] }),
    ],
    after: async (convo) => {
      expect(await convo.harness.callbacks.list()).toEqual([expect.objectContaining({ phone: '07700900123', when: 'morning' })]);
    },
  },
  {
    name: 'an under-18 asking for a person is offered Childline',
    env: ENV_WITH_HOURS,
    turns: [turn('im 14'), turn('i want to talk to a real person', { has: ['Childline', '0800 1111'] })],
  },
  {
    name: 'a question while asked for the number is answered, and the number asked for again',
    env: ENV_WITH_HOURS,
    turns: [
      turn('can i talk to a real person', { has: ['a call back'] }),
      turn('yes call me back please', { has: ['What number'] }),
      turn('what times do you ring', { has: [/morning, afternoon or any time/, 'working day'], last: 'What number', not: [FALLBACK, 'Type a question in your own words'] }),
      turn('when will they call me?', { has: ['working day'], last: 'What number', not: [FALLBACK] }),
      answer('07700 900123', { has: ['good time'] }),
      answer('mornings', { has: ['passed your request'] }),
    ],
    after: async (convo) => {
      expect(await convo.harness.callbacks.list()).toEqual([expect.objectContaining({ phone: '07700900123', when: 'morning' })]);
    },
  },
  {
    name: 'declining a call-back, then the menu still works',
    env: ENV_WITH_HOURS,
    turns: [turn('talk to a person'), turn('no thanks'), turn('what is ipt', { has: ['Interpersonal Psychotherapy'] })],
  },
];
