import { join } from 'node:path';
import {
  answerFor,
  heldOutExamples,
  loadKnowledgeBase,
  loadKnowledgeBaseFrom,
  mainQuestionFor,
  parseKnowledgeBase,
  questionExamples,
} from '../../src/content/knowledgeBase';
import { parseLinkList } from '../../src/content/linkList';
import { TOPIC_INTENTS } from '../../src/content/actions';

export const FIXTURE_DIR = join(__dirname, '..', 'fixtures', 'knowledge-base');

function topicFile(overrides: Record<string, unknown> = {}, question: Record<string, unknown> = {}) {
  return {
    file: 'cost.json',
    json: {
      topic: 'cost',
      title: 'Cost',
      questions: [
        {
          id: 'cost.nhs-free',
          question: 'Is IPT free on the NHS?',
          phrasings: ['a', 'b', 'c', 'd', 'e', 'f'],
          answer: 'It is free.',
          sources: ['x'],
          checked: '2026-12-06',
          review: 'not yet clinically reviewed',
          ...question,
        },
      ],
      ...overrides,
    },
  };
}

describe('knowledge base loader', () => {
  test('loads the fixture: topics, questions and their topic', () => {
    const kb = loadKnowledgeBaseFrom(FIXTURE_DIR);
    expect(kb.topics.map((t) => t.topic)).toEqual(['access', 'cost', 'feelings']);
    expect(kb.questions.get('cost.nhs-free')?.topic).toBe('cost');
    expect(kb.topicOf('access.waiting-list')?.title).toBe('Getting IPT');
  });

  test.each([
    [{ topic: 'Cost' }, {}, /cost\.json topic must be a kebab-case id/],
    [{ topic: 'price' }, {}, /cost\.json topic "price" must equal the file name/],
    [{}, { phrasings: ['only one'] }, /cost\.json questions\.0\.phrasings needs at least 6 phrasings/],
    [{}, { id: 'other.thing' }, /must start with "cost\."/],
    [{}, { answer: 'word '.repeat(81) }, /questions\.0\.answer must be 80 words or fewer/],
    [{}, { answer: 'Call {{phone}} now.' }, /unknown placeholder \{\{phone\}\}/],
    [{}, { answer: 'Yes. It is free.' }, /questions\.0\.answer must state the fact, not open with a bare yes or no/],
    [{}, { answer: 'no, you pay nothing' }, /questions\.0\.answer must state the fact/],
    [{}, { variants: [{ when: { nation: 'wales' }, answer: 'Yes! Free in Wales too.' }] }, /questions\.0\.variants\.0\.answer must state the fact/],
    [{}, { followUps: ['cost.nowhere'] }, /followUps names unknown question "cost\.nowhere"/],
    [{}, { variants: [{ when: { nation: 'cornwall' }, answer: 'x' }] }, /questions\.0\.variants\.0\.when\.nation/],
    [{}, { surprise: true }, /Unrecognized key/],
    [{}, { mainFor: 'Greeting' }, /questions\.0\.mainFor/],
  ])('a bad file stops loading, naming the file and field (%#)', (topic, question, message) => {
    expect(() => parseKnowledgeBase([topicFile(topic, question)])).toThrow(message);
  });

  test('an id used twice across files is refused', () => {
    const a = topicFile();
    expect(() => parseKnowledgeBase([a, a])).toThrow(/"cost\.nhs-free" is used twice/);
  });

  test('one question at most stands for an intent', () => {
    const a = topicFile({}, { mainFor: 'AccessPrivate' });
    const b = { file: 'access.json', json: { ...topicFile({}, { mainFor: 'AccessPrivate', id: 'access.find' }).json, topic: 'access' } };
    expect(() => parseKnowledgeBase([a, b])).toThrow(/access\.find mainFor "AccessPrivate" is already cost\.nhs-free's/);
  });

  test('the registry names the question that stands for every topic intent and the check', () => {
    const kb = loadKnowledgeBase();
    for (const intent of TOPIC_INTENTS) expect(mainQuestionFor(kb, intent)?.mainFor).toBe(intent);
    // Going private is how to find a private therapist, not whether the NHS is free.
    expect(mainQuestionFor(kb, 'AccessPrivate')?.id).toBe('access.find-private');
    // The check's own question stands for it, by its route.
    expect(mainQuestionFor(kb, 'SuitabilityCheck')?.routesTo).toBe('SuitabilityCheck');
    expect(mainQuestionFor(kb, 'Greeting')).toBeUndefined();
  });

  test('held-out phrasings never reach the training split, and every question keeps some', () => {
    const kb = loadKnowledgeBaseFrom(FIXTURE_DIR);
    const train = new Set(questionExamples(kb, 'train').map((e) => `${e.id}|${e.text}`));
    const held = heldOutExamples(kb);
    expect(held.length).toBeGreaterThan(0);
    for (const e of held) expect(train.has(`${e.id}|${e.text}`)).toBe(false);
    for (const id of kb.questions.keys()) expect(held.some((e) => e.id === id)).toBe(true);
  });

  test('variants: first match wins, falling back to the answer', () => {
    const q = loadKnowledgeBaseFrom(FIXTURE_DIR).questions.get('access.self-refer')!;
    expect(answerFor(q, {})).toMatch(/In England you can refer yourself/);
    expect(answerFor(q, { nation: 'wales' })).toMatch(/In Wales/);
    expect(answerFor(q, { nation: 'wales', ageGroup: 'under18' })).toMatch(/Under 18/);
  });
});

describe('links list', () => {
  test('refuses iptuk.org, repeated ids and non-https links', () => {
    const link = { id: 'a', url: 'https://www.iptuk.net/', checked: '2026-12-06', source: 's' };
    expect(parseLinkList({ links: [link] }).get('a')?.url).toBe('https://www.iptuk.net/');
    expect(() => parseLinkList({ links: [{ ...link, url: 'https://iptuk.org/find' }] })).toThrow(/iptuk\.net, not iptuk\.org/);
    expect(() => parseLinkList({ links: [link, link] })).toThrow(/used twice/);
    expect(() => parseLinkList({ links: [{ ...link, url: 'http://x.example' }] })).toThrow(/https/);
  });
});
