import { answerIdentifier, fingerprintOf } from '../../scripts/lib/answerIdentity';
import { loadKnowledgeBase } from '../../src/content/knowledgeBase';

describe('telling which knowledge-base answer a reply carries (eval:api --answers)', () => {
  const kb = loadKnowledgeBase();
  const identify = answerIdentifier(kb);

  it('knows every answer and variant by a stretch of text no other question shares', () => {
    const owners = new Map<string, Set<string>>();
    for (const q of kb.questions.values()) {
      for (const answer of [q.answer, ...(q.variants ?? []).map((v) => v.answer)]) {
        const print = fingerprintOf(answer);
        expect(print.length).toBeGreaterThanOrEqual(20);
        owners.set(print, (owners.get(print) ?? new Set()).add(q.id));
      }
    }
    const shared = [...owners].filter(([, ids]) => ids.size > 1).map(([print, ids]) => `${[...ids].join(' + ')}: "${print}"`);
    expect(shared).toEqual([]);
  });

  it('finds an answer however its placeholders were filled in and its lines were wrapped', () => {
    const q = [...kb.questions.values()].find((question) => /\{\{link:/.test(question.answer));
    if (!q) throw new Error('the knowledge base has no answer with a link');
    const rendered = q.answer.replace(/\{\{link:[^}]*\}\}/g, 'https://example.org/page').replace(/\. /g, '.\n');
    expect(identify.answersIn(['You said you are in England.', rendered])).toContain(q.id);
    expect(identify.answersIn(['Sorry, I did not catch that.'])).toEqual([]);
  });
});
