/**
 * The offline question matcher: which knowledge-base question a message asks. Two views of the
 * same data, blended:
 * - a softmax n-gram classifier (src/ml/ngramClassifier.ts, the intent model's design) over the
 *   question ids, trained from the phrasings: copes with typos and word order;
 * - a BM25 keyword index (keywordIndex.ts) over each question's phrasings and answer: the rare
 *   words people type are the best clue when only a few phrasings exist.
 * Trained at start-up from the knowledge base, so adding a phrasing is a data edit. Deterministic
 * and fast (well under a millisecond a message). Pure: no I/O.
 */
import { StemmerEn } from '@nlpjs/lang-en-min';
import { trainNgramClassifier } from '../ml/ngramClassifier';
import type { KnowledgeBase, LabelledQuestion } from '../content/knowledgeBase';
import { buildKeywordIndex } from './keywordIndex';
import { normalizeUtterance } from './normalize';
import { createSlipMender, wordsOf } from './slips';

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
  /** Topics by the summed score of their questions, best first. */
  topics: TopicScore[];
}

export interface QuestionMatcher {
  /**
   * `meaning`: each question's share of the message's meaning from the sentence encoder
   * (meaningIndex.ts), blended in at MEANING_WEIGHT; without it, words alone.
   */
  match(text: string, meaning?: ReadonlyMap<string, number>): QuestionMatch;
  /**
   * The question whose own training text this message is, word for word once normalised (one
   * question only): the knowledge base already says what it means, so no model needs to read it.
   */
  known?(text: string): string | undefined;
}

const TOP_QUESTIONS = 5;
/** Share of the keyword index in the blend (chosen with scripts/eval-answers.ts on held-out phrasings). */
export const KEYWORD_WEIGHT = 0.5;
/** How sharply keyword scores become a distribution: (score / best score) to this power, normalised. */
const KEYWORD_SHARPNESS = 4;
/**
 * Share of the sentence encoder's meaning scores, when given (0.4 and 0.5 scored alike on held-out
 * phrasings, 0.3 and 0.7 lower; eval:answers, seventh pass).
 */
export const MEANING_WEIGHT = 0.4;
/** Training passes of the classifier: 10 -> 20 gave held-out top-1 +0.3 and blind f +2.5 points (eval:answers). */
const EPOCHS = 20;
/** Words too common in this domain to tell questions apart. */
const STOP_WORDS = new Set(
  "i me my the a an is it to of and or in on for do does can you be have has what how will if at this that with im i'm ipt therapy therapist they theyre their them we us our your youre are am was were would could should".split(' '),
);

/** A text as the exact-phrasing lookup compares it: normalised, punctuation and spacing aside. */
function exactKey(text: string): string {
  return normalizeUtterance(text)
    .replace(/[^\p{L}\p{N}£']+/gu, ' ')
    .trim();
}

export function trainQuestionMatcher(
  kb: KnowledgeBase,
  examples: readonly LabelledQuestion[],
  synonyms: ReadonlyMap<string, string> = new Map(),
  /** Words spelled as meant (words.txt): given, a typing slip in any other word is mended first (slips.ts). */
  english?: ReadonlySet<string>,
): QuestionMatcher {
  const empty: QuestionMatch = { questions: [], topics: [] };
  if (examples.length === 0) return { match: () => empty };
  const kbTexts = [...examples.map((e) => e.text), ...[...kb.questions.values()].map((q) => q.answer)];
  const mend = english ? createSlipMender([...wordsOf(kbTexts.map(normalizeUtterance)), ...STOP_WORDS], english) : (text: string) => text;
  const stemmer = new StemmerEn();
  const stem = (w: string) => stemmer.stem(w);
  const keywords = (text: string): string[] =>
    normalizeUtterance(text)
      .replace(/\{\{[^}]*\}\}/g, ' ')
      .replace(/'/g, '')
      .split(/[^\p{L}\p{N}£]+/u)
      .filter((w) => w.length > 0 && !STOP_WORDS.has(w))
      .map((w) => stem(synonyms.get(w) ?? w));

  // Each normalised training text and its question; a text two questions share names neither.
  const owners = new Map<string, string | undefined>();
  for (const e of examples) {
    const key = exactKey(e.text);
    owners.set(key, owners.has(key) && owners.get(key) !== e.id ? undefined : e.id);
  }

  const classifier = trainNgramClassifier(
    examples.map((e) => ({ text: normalizeUtterance(e.text), label: e.id })),
    { stem, epochs: EPOCHS },
  );
  const labels = classifier.labels;
  const documents = labels.map((id) => {
    const doc = new Map<string, number>();
    const add = (text: string) => {
      for (const word of keywords(text)) doc.set(word, (doc.get(word) ?? 0) + 1);
    };
    for (const e of examples) if (e.id === id) add(e.text);
    const answer = kb.questions.get(id)?.answer;
    if (answer) add(answer);
    return doc;
  });
  const index = buildKeywordIndex(documents);
  const topicNames = [...new Set(labels.map((id) => kb.questions.get(id)?.topic ?? ''))];
  const topicOfLabel = labels.map((id) => topicNames.indexOf(kb.questions.get(id)?.topic ?? ''));
  const blended = new Float64Array(labels.length);
  const topicTotals = new Float64Array(topicNames.length);

  return {
    known: (text) => owners.get(exactKey(text)),
    match(text: string, meaning?: ReadonlyMap<string, number>): QuestionMatch {
      const normalised = mend(normalizeUtterance(text));
      if (normalised.trim().length === 0) return empty;
      const p = classifier.probabilities(normalised);
      const words = keywords(normalised);
      const k = index.scores(words);
      const coverage = index.coverage(words);
      let best = 0;
      for (let c = 0; c < k.length; c += 1) if (k[c] > best) best = k[c];
      // No shared keyword at all: the classifier alone speaks (and is usually unsure).
      const weight = best > 0 ? KEYWORD_WEIGHT : 0;
      let total = 0;
      for (let c = 0; c < k.length; c += 1) {
        k[c] = k[c] > 0 ? (k[c] / best) ** KEYWORD_SHARPNESS : 0;
        total += k[c];
      }
      topicTotals.fill(0);
      const top: QuestionScore[] = [];
      for (let c = 0; c < labels.length; c += 1) {
        blended[c] = (1 - weight) * p[c] + (weight > 0 ? (weight * coverage * k[c]) / total : 0);
        if (meaning) blended[c] = (1 - MEANING_WEIGHT) * blended[c] + MEANING_WEIGHT * (meaning.get(labels[c]) ?? 0);
        topicTotals[topicOfLabel[c]] += blended[c];
        if (top.length < TOP_QUESTIONS || blended[c] > top[top.length - 1].score) {
          // Inserted after every equal score (as a stable sort would), without sorting per question.
          let at = top.length;
          while (at > 0 && top[at - 1].score < blended[c]) at -= 1;
          top.splice(at, 0, { id: labels[c], score: blended[c] });
          if (top.length > TOP_QUESTIONS) top.pop();
        }
      }
      const topics = topicNames.map((topic, i) => ({ topic, score: topicTotals[i] })).sort((a, b) => b.score - a.score);
      return { questions: top, topics };
    },
  };
}
