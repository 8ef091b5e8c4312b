/** The small part of nlp.js (which ships no types) that the local recogniser uses. */
declare module '@nlpjs/lang-en-min' {
  export const LangEn: unknown;
  export class StemmerEn {
    stem(word: string): string;
  }
}

declare module '@nlpjs/nlp' {
  export interface Container {
    use(plugin: unknown): unknown;
  }

  export interface NlpClassification {
    intent: string;
    score: number;
  }

  export interface NluResult {
    classifications: NlpClassification[];
    intent: string;
    score: number;
  }

  export interface NlpSettings {
    languages?: string[];
    autoSave?: boolean;
    autoLoad?: boolean;
    modelFileName?: string;
    forceNER?: boolean;
    calculateSentiment?: boolean;
    nlu?: Record<string, unknown>;
  }

  export class Nlp {
    constructor(settings?: NlpSettings);
    settings: NlpSettings;
    container: Container;
    nluManager: {
      process(locale: string, utterance: string): Promise<NluResult>;
    };
    addDocument(locale: string, utterance: string, intent: string): void;
    addLanguage(locale: string | string[]): void;
    useNlu(className: string, locale: string, domain: string, settings: Record<string, unknown>): void;
    train(): Promise<unknown>;
    /** The trained model as JSON text (minified when true). */
    export(minified?: boolean): string;
    import(model: string): void;
  }
}
