import { loadKnowledgeBase } from '../../src/content/knowledgeBase';
import { planAnswer } from '../../src/language/answering';
import { sharedQuestionAnswerer } from '../../src/language/questionAnswerer';
import { createSlipMender, loadEnglishWords } from '../../src/language/slips';

describe('typing slips in a question', () => {
  const mend = createSlipMender(['inventory', 'session', 'length', 'online', 'waiting', 'from'], new Set(['form', 'sessions']));

  it('are put right when one slip from exactly one word the knowledge base uses', () => {
    expect(mend('the inventroy')).toBe('the inventory'); // two letters swapped
    expect(mend('sesion lenght')).toBe('session length'); // a letter dropped, two swapped
    expect(mend('is it onlinee')).toBe('is it online'); // a letter added
    expect(mend('the waitng list')).toBe('the waiting list');
  });

  it('leave English words, known words, short words and words far from any alone', () => {
    expect(mend('fill in a form')).toBe('fill in a form'); // English, though one slip from "from"
    expect(mend('how many sessions')).toBe('how many sessions');
    expect(mend('ello')).toBe('ello'); // too short to guess
    expect(mend('zzzzzzz')).toBe('zzzzzzz');
    // Slang people type is spelled as meant (the intents' examples count as English), and a word
    // the matcher knows stays ("theyre" is one slip from "there").
    expect(loadEnglishWords().has('legit')).toBe(true);
    expect(createSlipMender(['there', 'theyre'], new Set())("how do i know they're legit")).toBe("how do i know they're legit");
    expect(createSlipMender(['there'], new Set())("they're")).toBe('there');
  });

  it('lets the bot place a question typed with slips', async () => {
    const answerer = sharedQuestionAnswerer();
    const kb = loadKnowledgeBase();
    const plan = planAnswer({ intent: 'None', score: 0.5, alternatives: [], recognizer: 'local' }, answerer.matcher().match('whats the interpersonal inventroy'), kb);
    expect(plan).toMatchObject({ kind: 'answer', questionId: 'format.interpersonal-inventory' });
    expect(loadEnglishWords().has('inventory')).toBe(true);
  });
});
