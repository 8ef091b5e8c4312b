/**
 * Azure custom question answering (Azure AI Language) import file, built from the knowledge base,
 * the same source the offline matcher trains on. Each question becomes one QnA pair: its canonical
 * question and every phrasing as questions, its answer (placeholders left in: the bot answers from
 * its own copy by id), the question id and topic as metadata, and its follow-ups as prompts. Pure.
 */
import type { KnowledgeBase } from '../content/knowledgeBase';

export const QNA_API_VERSION = '2021-10-01';

export interface QnaPair {
  id: number;
  answer: string;
  source: string;
  questions: string[];
  metadata: Record<string, string>;
  dialog: { isContextOnly: boolean; prompts: { displayOrder: number; qnaId: number; displayText: string }[] };
}

export interface QnaProjectFile {
  'api-version': string;
  stringIndexType: 'Utf16CodeUnit';
  metadata: {
    projectName: string;
    language: string;
    multilingualResource: boolean;
    settings: { defaultAnswer: string };
  };
  assets: { qnas: QnaPair[]; synonyms: { alterations: string[] }[] };
}

/** The metadata key holding a question's id: the service lower-cases metadata keys. */
export const QUESTION_ID_KEY = 'questionid';

export function buildQnaProject(
  kb: KnowledgeBase,
  options: { projectName: string; language?: string; synonyms?: ReadonlyArray<readonly string[]> },
): QnaProjectFile {
  const ids = [...kb.questions.keys()];
  const number = (id: string) => ids.indexOf(id) + 1;
  const qnas: QnaPair[] = [...kb.questions.values()].map((q) => ({
    id: number(q.id),
    answer: q.answer,
    source: `locales/en-GB/knowledge-base/${q.topic}.json`,
    questions: [...new Set([q.question, ...q.phrasings])],
    metadata: { [QUESTION_ID_KEY]: q.id, topic: q.topic },
    dialog: {
      isContextOnly: false,
      prompts: (q.followUps ?? []).map((next, i) => ({ displayOrder: i, qnaId: number(next), displayText: kb.questions.get(next)?.question ?? next })),
    },
  }));
  return {
    'api-version': QNA_API_VERSION,
    stringIndexType: 'Utf16CodeUnit',
    metadata: {
      projectName: options.projectName,
      language: options.language ?? 'en',
      multilingualResource: false,
      // Never shown: a low-confidence reply falls back to the bot's own "Did you mean" handling.
      settings: { defaultAnswer: 'No answer found' },
    },
    assets: { qnas, synonyms: (options.synonyms ?? []).map((group) => ({ alterations: [...group] })) },
  };
}
