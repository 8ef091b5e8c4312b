import { createTrainedLocalRecognizer } from '../../src/language';
import type { LocalRecognizer } from '../../src/language/localRecognizer';
import { loadKnowledgeBase } from '../../src/content/knowledgeBase';
import { clinicContactLine } from '../../src/content/placeholders';
import { allText, CLINIC_ENV, conversation } from '../conversation/support';

/**
 * Clinic practicalities (getting there, bringing a child, changing details, moving an appointment)
 * through the real bot, recogniser and knowledge base: the answer says what the guide cannot do and
 * how to reach the clinic, from the deployment's settings, and never prints crisis lines.
 */

const kb = loadKnowledgeBase();
let recognizer: LocalRecognizer;
beforeAll(async () => {
  recognizer = await createTrainedLocalRecognizer();
}, 60_000);

/** The first sentence of a question's answer. */
function opening(id: string): string {
  const answer = kb.questions.get(id)?.answer;
  if (!answer) throw new Error(`no question ${id}`);
  return answer.split(/(?<=[.?!])\s/)[0];
}

const CRISIS_LINES = /\b999\b|116 123|85258/;

const ASKED: [string, string][] = [
  ['is there anywhere to park near the clinic', 'clinic.getting-there'],
  ['how do i get to the building by bus', 'clinic.getting-there'],
  ['is the clinic easy to get to', 'clinic.getting-there'],
  ['do i have to find childcare for my sessions', 'clinic.bring-child'],
  ['can my letters go to my office instead of home', 'clinic.change-details'],
  ['can i rearrange my session for another day', 'clinic.change-appointment'],
  ['i need to move my appointment to next week', 'format.missing-session'],
];

describe('clinic practicalities', () => {
  test.each(ASKED)('"%s" gets %s with the configured contact and no crisis lines', async (say, id) => {
    const convo = await conversation({ recognizer, env: CLINIC_ENV });
    const text = allText(await convo.say(say));
    expect(text).toContain(opening(id));
    expect(text).toContain(CLINIC_ENV.CLINIC_PHONE);
    expect(text).toContain(CLINIC_ENV.CLINIC_EMAIL);
    expect(text).not.toMatch(CRISIS_LINES);
  }, 60_000);

  test('with no contact configured, the answer says so honestly, still without crisis lines', async () => {
    const convo = await conversation({ recognizer });
    const text = allText(await convo.say('is there anywhere to park near the clinic'));
    expect(text).toContain(opening('clinic.getting-there'));
    expect(text).toContain("I don't have contact details for");
    expect(text).not.toMatch(CRISIS_LINES);
  }, 60_000);

  test('the contact line names whatever was configured, joined as a person would say it', () => {
    expect(clinicContactLine('en-GB', 'Riverside Clinic', { phone: '020 7946 0000' })).toBe('You can reach Riverside Clinic: call 020 7946 0000.');
    expect(clinicContactLine('en-GB', 'Riverside Clinic', { phone: '020 7946 0000', email: 'a@b.example', url: 'https://b.example' })).toBe(
      'You can reach Riverside Clinic: call 020 7946 0000, email a@b.example or go to https://b.example.',
    );
    expect(clinicContactLine('en-GB', 'the clinic')).toMatch(/^I don't have contact details for the clinic here\./);
  });
});

describe('known misses', () => {
  test('"is it quicker private" is answered about private waits', async () => {
    const convo = await conversation({ recognizer });
    expect(allText(await convo.say('is it quicker private'))).toContain(opening('cost.private-wait'));
  }, 60_000);

  test('"how long is the wait" gets an answer that fits the question asked', async () => {
    const convo = await conversation({ recognizer });
    const text = allText(await convo.say('how long is the wait'));
    expect(text).toContain(opening('access.waiting-list'));
    expect(text).not.toMatch(/^Often, yes/);
  }, 60_000);

  test('"how do i know theyre legit" after the private price is the therapist check', async () => {
    const convo = await conversation({ recognizer });
    await convo.say('how much does private ipt cost');
    expect(allText(await convo.say('how do i know theyre legit'))).toContain(opening('access.check-therapist'));
  }, 60_000);

  test('a check request naming a condition answers fit and offers the check', async () => {
    const convo = await conversation({ recognizer });
    const text = allText(await convo.say('i drink a lot, would ipt suit me'));
    expect(text).toContain(opening('fit.substance-use'));
  }, 60_000);
});
