/**
 * The question-answering side of the language layer, built once at start-up: the knowledge base,
 * the offline matcher trained from it, and (when configured) Azure custom question answering in
 * front of it. MainDialog asks it for a plan per message (src/language/answering.ts).
 */
import { loadKnowledgeBase, questionExamples, type KnowledgeBase } from '../content/knowledgeBase';
import { normaliseLabel } from '../content/actions';
import { leansOnContext, matchInContext, planAnswer, DEFAULT_THRESHOLDS, type AnswerPlan, type AnswerThresholds } from './answering';
import type { QuestionMatch, QuestionMatcher } from './questionMatcher';
import { trainQuestionMatcher } from './questionMatcher';
import type { RecognitionResult } from './recognizer';
import { loadSynonyms } from './synonyms';

/** A remote question matcher (Azure custom question answering) that may fail over to the local one. */
export interface RemoteQuestionSource {
  match(text: string, locale: string, local: () => QuestionMatch): Promise<QuestionMatch>;
}

export interface QuestionAnswerer {
  readonly kb: KnowledgeBase;
  /** The offline matcher, trained on first use (call it at start-up so no message waits for it). */
  matcher(): QuestionMatcher;
  /** A question's exact canonical text (a "Did you mean" or follow-up button) names it directly. */
  questionForLabel(text: string): string | undefined;
  plan(text: string, locale: string, recognition: RecognitionResult, lastQuestionId?: string): Promise<AnswerPlan>;
}

export interface QuestionAnswererOptions {
  kb?: KnowledgeBase;
  split?: 'train' | 'all';
  thresholds?: AnswerThresholds;
  remote?: RemoteQuestionSource;
}

/** Loads and validates the knowledge base now (a bad file stops start-up); trains the matcher on first use. */
export function createQuestionAnswerer(options: QuestionAnswererOptions = {}): QuestionAnswerer {
  const kb = options.kb ?? loadKnowledgeBase();
  let trained: QuestionMatcher | undefined;
  const matcher = (): QuestionMatcher => (trained ??= trainQuestionMatcher(kb, questionExamples(kb, options.split ?? 'all'), loadSynonyms()));
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const labels = new Map<string, string>();
  for (const q of kb.questions.values()) labels.set(normaliseLabel(q.question), q.id);
  return {
    kb,
    matcher,
    questionForLabel: (text) => labels.get(normaliseLabel(text)),
    async plan(text, locale, recognition, lastQuestionId) {
      const local = () => matchInContext(matcher(), kb, text, lastQuestionId);
      const match = options.remote ? await options.remote.match(text, locale, local) : local();
      return planAnswer(recognition, match, kb, thresholds, lastQuestionId !== undefined && leansOnContext(text));
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
