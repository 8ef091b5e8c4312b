/**
 * Pure: turns the utterance source into a CLU project import file (Language Studio / authoring
 * API, projectFileVersion 2023-04-01), so CLU and the local recogniser learn from the same data.
 */
import { INTENTS } from './recognizer';
import type { UtteranceSet } from './utterances';

export interface CluProjectFile {
  projectFileVersion: '2023-04-01';
  stringIndexType: 'Utf16CodeUnit';
  metadata: {
    projectKind: 'Conversation';
    projectName: string;
    language: string;
    multilingual: boolean;
    description: string;
    settings: { confidenceThreshold: number };
  };
  assets: {
    projectKind: 'Conversation';
    intents: { category: string }[];
    entities: never[];
    utterances: { text: string; intent: string; language: string; dataset: 'Train' | 'Test' }[];
  };
}

export function buildCluProject(
  utterances: UtteranceSet,
  options: { projectName?: string; confidenceThreshold?: number } = {},
): CluProjectFile {
  const language = utterances.locale.toLowerCase();
  const rows = (dataset: 'Train' | 'Test', list: UtteranceSet['train']) =>
    list.map(({ text, intent }) => ({ text, intent, language, dataset }));
  return {
    projectFileVersion: '2023-04-01',
    stringIndexType: 'Utf16CodeUnit',
    metadata: {
      projectKind: 'Conversation',
      projectName: options.projectName ?? 'ipt-guide',
      language,
      multilingual: false,
      description: `ipt-guide intents, generated from locales/${utterances.locale}/utterances.json`,
      // CLU answers None itself below this score.
      settings: { confidenceThreshold: options.confidenceThreshold ?? 0.5 },
    },
    assets: {
      projectKind: 'Conversation',
      intents: INTENTS.map((category) => ({ category })),
      entities: [],
      utterances: [...rows('Train', utterances.train), ...rows('Test', utterances.test)],
    },
  };
}
