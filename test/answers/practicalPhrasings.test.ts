import { createTrainedLocalRecognizer } from '../../src/language';
import type { LocalRecognizer } from '../../src/language/localRecognizer';
import { answerOf } from './support';
import { allText, conversation } from '../conversation/support';

/**
 * Practical questions about IPT in everyday voices (asides, slang, a job or an age mentioned in
 * passing) reach their own answer through the real recogniser and knowledge base, not the menu.
 */

let recognizer: LocalRecognizer;
beforeAll(async () => {
  recognizer = await createTrainedLocalRecognizer();
}, 60_000);


const CASES: [string, string][] = [
  ['would i be asked to talk through my early childhood', 'fit.childhood'],
  // 'is the talking therapies service meant for emergencies' is out for now: the safety gate hands
  // it to the crisis check (src/safety, owned by the safety work). It passed only while the answer
  // opened with 'No.', whose first sentence 'No' every crisis reply contains.
  ['my referral has been refused, what are my choices', 'access.referral-not-accepted'],
  ['will they hand out homework', 'format.homework'],
  ['if i go downhill again later could i get a few more sessions', 'format.top-up'],
  ['does ipt cure low mood for good', 'fit.cure'],
  ['what is the catch with this therapy', 'evidence.downsides'],
  ['could we do the sessions on zoom', 'format.online'],
  ['my manager mentioned ipt, so what is it exactly', 'about.what-is-ipt'],
  ['how do i help my brother get started with ipt', 'access.help-someone-else'],
  ['how frequently will i need to come', 'format.how-often'],
  ['do the improvements hold up once therapy is over', 'evidence.long-term'],
  ['am i allowed to swap to a new therapist halfway', 'access.change-therapist'],
  ['could i wrap it up before every session is used', 'format.stop-early'],
  ['who thought up interpersonal therapy in the first place', 'about.who-developed'],
  ['i have no doctor since moving, is that a problem for getting ipt', 'access.gp-registration'],
  ['can ipt help when things with my boss are awful', 'fit.work-problems'],
  ['i would rather come in person than be on video', 'format.face-to-face'],
  ['we are always rowing, my partner and me', 'feelings.arguing-partner'],
  // Asking for someone else: a manager, HR, a partner or a parent.
  ['our staff member is struggling, can the employee assistance programme fund her sessions', 'cost.eap'],
  ['hello, i am from the hr team. how do we help a member of staff get ipt?', 'access.help-someone-else'],
  ['does my partner have to refer himself or can his gp', 'access.gp-referral'],
  ['would ipt suit my wife, she has adhd', 'fit.neurodivergent'],
  ['how quickly could an employee feel better with ipt', 'evidence.how-soon'],
  ['are chat logs retained?', 'privacy.stored'],
  ["a colleague's service said they don't offer ipt, is that normal", 'access.not-every-service'],
  // The story first, the question after.
  ['my relationship ended and i moved city the same month. could ipt work on both?', 'focus-areas.more-than-one'],
  ["we've picked the area to work on now. what happens in the next sessions?", 'format.middle-sessions'],
  ['my hours are all over the place so weekly sessions are hard. is there a way to do ipt by myself?', 'fit.self-help'],
  ['my friend reckons you need to be diagnosed before you can get ipt, is that right?', 'access.need-diagnosis'],
  ["there's a wedding on the day of my appointment, can i move it", 'clinic.change-appointment'],
  ['when ipt finishes do they discharge you back to your gp?', 'format.after-ending'],
  ['some days are awful. if it gets really bad can i phone talking therapies?', 'access.not-crisis-service'],
  // Everyday and Scots words (da, greetin for crying, a barney for a row) and plain questions.
  ['my da died last year and i keep greetin', 'feelings.parent-died'],
  ['me and my sisters always end up in a barney', 'feelings.family-conflict'],
  ['can my husband come into the room with me, he helps me talk', 'format.partner-come'],
];

describe('practical questions in everyday voices', () => {
  test.each(CASES)('"%s" gets %s', async (say, id) => {
    const convo = await conversation({ recognizer });
    expect(allText(await convo.say(say))).toContain(answerOf(id));
  }, 60_000);
});
