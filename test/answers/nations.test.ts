import { answerWords, nextQuestions } from '../../src/content/answerReplies';
import { KB_NATIONS, loadKnowledgeBase, offeredIn, parseKnowledgeBase } from '../../src/content/knowledgeBase';
import type { Nation } from '../../src/profile';

/**
 * Access answers and follow-ups for each UK nation, from the shipped knowledge base: outside
 * England the way in is the GP, and England-only questions are never offered there.
 */

const kb = loadKnowledgeBase();
const deployment = { clinicName: 'the clinic', retentionDays: 30, organisationName: 'the organisation' };
const ELSEWHERE: Nation[] = ['wales', 'scotland', 'northern_ireland'];

function question(id: string) {
  const q = kb.questions.get(id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
}

describe('"Can I refer myself?" in each nation', () => {
  test('England: yes, without a GP, with the service finder', () => {
    const text = answerWords('en-GB', question('access.self-refer'), { nation: 'england' }, deployment);
    expect(text).toMatch(/refer yourself to NHS Talking Therapies/);
    expect(text).toMatch(/do not need a GP/);
  });

  test.each(ELSEWHERE)('%s: says plainly to start with the GP, and never that self-referral applies', (nation) => {
    const text = answerWords('en-GB', question('access.self-refer'), { nation }, deployment);
    expect(text).toMatch(/usually start with your GP/);
    expect(text).toMatch(/Book a visit/);
    expect(text).not.toMatch(/refer yourself to NHS Talking Therapies|do not need a GP|Self-referral/i);
  });

  test('nation unknown: both ways, and an offer to say more', () => {
    const text = answerWords('en-GB', question('access.self-refer'), {}, deployment);
    expect(text).toMatch(/In England, yes/);
    expect(text).toMatch(/Tell me where you live/);
  });
});

describe('follow-ups are nation-aware', () => {
  const afterReferral = 'What happens after I refer myself?';
  const offered = (id: string, nation?: Nation) => nextQuestions(kb, question(id), nation ? { nation } : {}).map((q) => q.question);

  test('"What happens after I refer myself?" is offered in England and when the nation is unknown', () => {
    expect(offered('access.self-refer', 'england')).toContain(afterReferral);
    expect(offered('access.self-refer')).toContain(afterReferral);
  });

  test.each(ELSEWHERE)('%s: no England-only follow-up anywhere in the knowledge base', (nation) => {
    for (const q of kb.questions.values()) {
      for (const next of nextQuestions(kb, q, { nation })) expect(offeredIn(next, nation)).toBe(true);
    }
    expect(offered('access.self-refer', nation)).not.toContain(afterReferral);
    expect(offered('access.need-diagnosis', nation)).toContain('Can my GP refer me?');
  });

  test('a question limited to nations names real ones, and keeps being answered when asked', () => {
    const file = {
      file: 'access.json',
      json: {
        topic: 'access',
        title: 'Getting IPT',
        questions: [
          {
            id: 'access.after-referral',
            question: 'What happens after I refer myself?',
            phrasings: ['a', 'b', 'c', 'd', 'e', 'f'],
            answer: 'The service gets in touch.',
            nations: ['cornwall'],
            sources: ['x'],
            checked: '2026-12-06',
            review: 'not yet clinically reviewed',
          },
        ],
      },
    };
    expect(() => parseKnowledgeBase([file])).toThrow(/questions\.0\.nations\.0/);
    expect(KB_NATIONS).toEqual(expect.arrayContaining(question('access.after-referral').nations ?? []));
    expect(answerWords('en-GB', question('access.after-referral'), { nation: 'wales' }, deployment)).toMatch(/service gets in touch/);
  });
});
