/**
 * The question-answering side of the language layer, built once at start-up: the knowledge base,
 * the offline matcher trained from it, and (when configured) Azure custom question answering in
 * front of it. MainDialog asks it for a plan per message (src/language/answering.ts).
 */
import { loadKnowledgeBase, questionExamples, type KnowledgeBase } from '../content/knowledgeBase';
import { normaliseLabel } from '../content/actions';
import { askedAtLength, leansOnContext, planAnswer, DEFAULT_THRESHOLDS, type AnswerPlan, type AnswerThresholds } from './answering';
import { knowledgeMeaningIndex } from './knowledgeVectors';
import { matchWithMeaning, type Meaning } from './meaning';
import type { QuestionMatch, QuestionMatcher } from './questionMatcher';
import { trainQuestionMatcher } from './questionMatcher';
import type { RecognitionResult } from './recognizer';
import { sharedSentenceEncoder } from './sentenceEncoder';
import { withOtherQuestion } from './twoQuestions';
import { matchAskedPart } from './askedPart';
import { loadEnglishWords } from './slips';
import { englishPart } from './englishPart';
import { languageMarkers } from '../content/languageNotice';
import { loadSynonyms } from './synonyms';

/** A remote question matcher (Azure custom question answering) that may fail over to the local one. */
export interface RemoteQuestionSource {
  match(text: string, locale: string, local: () => QuestionMatch | Promise<QuestionMatch>): Promise<QuestionMatch>;
}

export interface QuestionAnswerer {
  readonly kb: KnowledgeBase;
  /**
   * The offline matcher, trained on first use (call it at start-up so no message waits for it);
   * the first call also starts loading the sentence encoder and the questions' vectors.
   */
  matcher(): QuestionMatcher;
  /** The meaning side (sentence encoder and question vectors), or undefined when off or unloadable. */
  meaning(): Promise<Meaning | undefined>;
  /** A question's exact canonical text (a "Did you mean" or follow-up button) names it directly. */
  questionForLabel(text: string): string | undefined;
  plan(text: string, locale: string, recognition: RecognitionResult, lastQuestionId?: string): Promise<AnswerPlan>;
}

export interface QuestionAnswererOptions {
  kb?: KnowledgeBase;
  split?: 'train' | 'all';
  thresholds?: AnswerThresholds;
  remote?: RemoteQuestionSource;
  /** false: words only (the sentence encoder is not loaded). Default: on for a non-empty knowledge base. */
  meaning?: boolean;
}

/** Loads and validates the knowledge base now (a bad file stops start-up); trains the matcher on first use. */
export function createQuestionAnswerer(options: QuestionAnswererOptions = {}): QuestionAnswerer {
  const kb = options.kb ?? loadKnowledgeBase();
  let trained: QuestionMatcher | undefined;
  const split = options.split ?? 'all';
  let loading: Promise<Meaning | undefined> | undefined;
  const meaning = (): Promise<Meaning | undefined> =>
    (loading ??=
      options.meaning === false || kb.questions.size === 0
        ? Promise.resolve(undefined)
        : sharedSentenceEncoder()
            .then(async (encoder) => (encoder ? { encoder, index: await knowledgeMeaningIndex(kb, encoder, split) } : undefined))
            // A model or vector file that cannot be read leaves answering to the words, as before.
            .catch(() => undefined));
  // The English word list is read once, for the matcher and for setting other languages' words aside.
  let english: Set<string> | undefined;
  const englishWords = (): Set<string> => (english ??= loadEnglishWords());
  const matcher = (): QuestionMatcher => {
    void meaning();
    return (trained ??= trainQuestionMatcher(kb, questionExamples(kb, split), loadSynonyms(), englishWords()));
  };
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  // Welsh (and other marker) words mixed into an English question are set aside before matching.
  let markers: ReadonlyMap<string, ReadonlySet<string>> | undefined;
  const heard = (text: string): string => englishPart(text, (markers ??= languageMarkers()), englishWords());
  const labels = new Map<string, string>();
  for (const q of kb.questions.values()) labels.set(normaliseLabel(q.question), q.id);
  return {
    kb,
    matcher,
    meaning,
    questionForLabel: (text) => labels.get(normaliseLabel(text)),
    async plan(whole, locale, recognition, lastQuestionId) {
      const text = heard(whole);
      const local = async () => matchWithMeaning(matcher(), kb, text, lastQuestionId, await meaning());
      const match = await (options.remote ? options.remote.match(text, locale, local) : local());
      const plan = planAnswer(recognition, match, kb, thresholds, lastQuestionId !== undefined && leansOnContext(text), askedAtLength(text, locale));
      // Two questions in one message: the other one is offered first (words only: each part is short and plain).
      return withOtherQuestion(plan, text, (part) => matchAskedPart(matcher(), part), kb, thresholds.answer);
    },
  };
}

let shared: QuestionAnswerer | undefined;

/**
 * The offline answerer over the shipped knowledge base, one per process: it keeps nothing about a
 * conversation, and its matcher takes seconds to train, so every bot built in a process (the
 * server's one, each test's) shares it instead of loading and training its own.
 */
export function sharedQuestionAnswerer(): QuestionAnswerer {
  shared ??= createQuestionAnswerer();
  return shared;
}
