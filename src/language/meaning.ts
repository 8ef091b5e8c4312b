/**
 * The meaning side of answering: when the word-based matcher is unsure, the message is encoded
 * once (sentenceEncoder.ts) and its closeness to every question (meaningIndex.ts) is blended into
 * the same matching (matchInContext: the asked clause, the place set aside, the last question as
 * context all see it). A message the words already place is never encoded, so most turns cost
 * what they did. A short follow-up read with the last question ("how do i know theyre legit?"
 * after the price) is left to the words: its meaning alone lacks what "they" are. Pure apart from
 * the encoder it is given.
 */
import type { KnowledgeBase } from '../content/knowledgeBase';
import { leansOnContext, matchInContext } from './answering';
import type { MeaningIndex } from './meaningIndex';
import type { QuestionMatch, QuestionMatcher } from './questionMatcher';
import type { SentenceEncoder } from './sentenceEncoder';

export interface Meaning {
  encoder: SentenceEncoder;
  index: MeaningIndex;
}

/**
 * The words' best score below which the message is encoded too. 0.5 kept all of the model's gain
 * on held-out phrasings and the blind sets while encoding 24-46% of their messages (encoding
 * everything scored the same at two to four times the cost; 0.3 and 0.4 lost 1-2 points on blind b).
 */
export const MEANING_GATE = 0.5;

export async function matchWithMeaning(
  matcher: QuestionMatcher,
  kb: KnowledgeBase,
  text: string,
  lastQuestionId: string | undefined,
  meaning: Meaning | undefined,
): Promise<QuestionMatch> {
  const words = matchInContext(matcher, kb, text, lastQuestionId);
  if (!meaning || meaning.index.size === 0 || text.trim() === '' || (words.questions[0]?.score ?? 0) >= MEANING_GATE) return words;
  if (lastQuestionId !== undefined && leansOnContext(text)) return words;
  // The words' first choice owns this very text as a phrasing: the model would only agree, at 6-10 ms
  // of CPU ("what is interpersonal therapy" scores 0.36 on words, its mass split with "What does
  // 'interpersonal' mean?", and was encoded on every turn).
  if (words.questions[0] !== undefined && matcher.known?.(text) === words.questions[0].id) return words;
  let vector: Float32Array;
  try {
    [vector] = await meaning.encoder.embed([text]);
  } catch {
    // The model failing on one message must not fail the turn: the words' answer stands.
    return words;
  }
  const scores = meaning.index.scores(vector);
  if (scores.size === 0) return words;
  return matchInContext({ match: (part) => matcher.match(part, scores) }, kb, text, lastQuestionId);
}
