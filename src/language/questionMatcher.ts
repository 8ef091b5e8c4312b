/**
 * The offline question matcher: which knowledge-base question a message asks. A softmax n-gram
 * classifier (src/ml/ngramClassifier.ts, the same design as the intent model's) over the question
 * ids, trained at start-up from the knowledge base's own phrasings, so adding a phrasing is a data
 * edit. Deterministic and fast (tens of microseconds a message). Pure: no I/O.
 */
import { StemmerEn } from '@nlpjs/lang-en-min';
import { trainNgramClassifier, type NgramClassifier } from '../ml/ngramClassifier';
import type { KnowledgeBase, LabelledQuestion } from '../content/knowledgeBase';
import { normalizeUtterance } from './normalize';

export interface QuestionScore {
  id: string;
  score: number;
}

export interface TopicScore {
  topic: string;
  score: number;
}

export interface QuestionMatch {
  /** The closest questions, best first (at most five). */
  questions: QuestionScore[];
  /** Topics by the summed probability of their questions, best first. */
  topics: TopicScore[];
}

export interface QuestionMatcher {
  match(text: string): QuestionMatch;
}

const TOP_QUESTIONS = 5;

export function trainQuestionMatcher(kb: KnowledgeBase, examples: readonly LabelledQuestion[]): QuestionMatcher {
  const stemmer = new StemmerEn();
  const empty: QuestionMatch = { questions: [], topics: [] };
  if (examples.length === 0) return { match: () => empty };
  const classifier: NgramClassifier<string> = trainNgramClassifier(
    examples.map((e) => ({ text: normalizeUtterance(e.text), label: e.id })),
    { stem: (w) => stemmer.stem(w) },
  );
  const topicIndex = classifier.labels.map((id) => kb.questions.get(id)?.topic ?? '');
  const topicNames = [...new Set(topicIndex)];
  const topicTotals = new Float64Array(topicNames.length);
  const topicOfLabel = topicIndex.map((topic) => topicNames.indexOf(topic));

  return {
    match(text: string): QuestionMatch {
      const normalised = normalizeUtterance(text);
      if (normalised.trim().length === 0) return empty;
      const p = classifier.probabilities(normalised);
      topicTotals.fill(0);
      // Keep the best few without sorting every label.
      const best: QuestionScore[] = [];
      for (let c = 0; c < p.length; c += 1) {
        topicTotals[topicOfLabel[c]] += p[c];
        if (best.length < TOP_QUESTIONS || p[c] > best[best.length - 1].score) {
          best.push({ id: classifier.labels[c], score: p[c] });
          best.sort((a, b) => b.score - a.score);
          if (best.length > TOP_QUESTIONS) best.pop();
        }
      }
      const topics = topicNames.map((topic, i) => ({ topic, score: topicTotals[i] })).sort((a, b) => b.score - a.score);
      return { questions: best, topics };
    },
  };
}
