/**
 * Which part of a message asks the question. People often put their situation or their story first:
 * "im in york, can i refer myself", "my son is 14 and really low, how does he get ipt", "... but how
 * long is the wait?". The question matcher reads the whole message and these parts, and each
 * question keeps its best score, so the preamble no longer steers the match. Pure.
 *
 * Where the person lives is context, never the question: a place is read by the same entity readers
 * that keep the profile (readProfileUpdate), so one list of places and cues serves both, and the
 * answer uses the nation's variant. An age is left in: it decides the question ("im 16 can i self
 * refer" is about 16 and 17 year olds).
 */
import { isQuestion } from './controlWords';
import type { QuestionMatch, QuestionMatcher } from './questionMatcher';
import { readProfileUpdate } from './profileUpdate';

/** A message this long may carry its story first and its question after ("... but how long is the wait?"). */
export const LONG_MESSAGE_WORDS = 12;
const MAX_CLAUSE_WORDS = 40;
/** How far into a message (or back from its end) a stated place is looked for. */
const MAX_PLACE_WORDS = 8;
/** The knowledge base's language: a clause opens like a question by its control words' question starts. */
const LOCALE = 'en-GB';
/** What joins a stated place to the question ("im in york and do i need ..."), dropped with the place. */
const JOINER = /^(?:[,;:.!?\u2013-]+\s*)*(?:(?:and|so|but|btw|anyway)\b[,\s]*)?/i;

/** Only a place (with the words around it): "im in leeds", "based in belfast", "living in Cardiff". */
function onlyPlace(words: readonly string[]): boolean {
  const update = readProfileUpdate(words.join(' '));
  return update !== undefined && update.onlyContext && update.nation !== undefined && !update.ageGroup && !update.adult;
}

/**
 * The message without a place stated at its start or end ("I'm in Swansea, do I need my GP" -> "do
 * I need my GP"); undefined when it states none, or is nothing but the place.
 */
export function withoutStatedPlace(text: string): string | undefined {
  const words = text.trim().split(/\s+/);
  if (words.length < 3 || readProfileUpdate(text)?.nation === undefined) return undefined;
  // The shortest opening that names the place ("based in belfast", not "based in belfast - is it"),
  // else the longest ending ("im in dundee", not just "dundee"); never the whole message.
  const longest = Math.min(MAX_PLACE_WORDS, words.length - 1);
  let start = 0;
  for (let k = 1; k <= longest && start === 0; k += 1) if (onlyPlace(words.slice(0, k))) start = k;
  let end = words.length;
  for (let k = longest; k >= 1 && start === 0 && end === words.length; k -= 1) if (onlyPlace(words.slice(words.length - k))) end = words.length - k;
  if (start === 0 && end === words.length) return undefined;
  const rest = words.slice(start, end).join(' ').replace(JOINER, '').replace(/[\s,;:\u2013-]+$/, '').trim();
  return rest.split(/\s+/).length >= 2 ? rest : undefined;
}

/** A fact about the person before the first comma ("im 14, what is ipt"): what follows may be the question. */
function opensWithContext(text: string): boolean {
  const first = /^([^,?\u2013-]{2,40})[,\u2013-]/.exec(text.trim());
  return first !== null && readProfileUpdate(first[1]) !== undefined;
}

interface Clause {
  text: string;
  /** In a sentence with a question mark. */
  asks: boolean;
  /** Opens like a question. */
  opens: boolean;
}

/** Clauses split at sentence ends, commas and dashes, and before "but" and "so"; only those of a question's length. */
function clausesOf(text: string): Clause[] {
  const sentences = text.match(/[^.?!]+[.?!]*/g) ?? [];
  return sentences.flatMap((sentence) => {
    const asks = sentence.includes('?');
    return sentence
      .split(/,|;| - | \u2013 |\b(?=but |so )/i)
      .map((c) => c.replace(/^\s*(?:(?:but|so|and|like|also|just|roughly|ok|okay|well|anyway)\b[\s,]*)+/i, '').replace(/[.?!]+\s*$/, '').trim())
      // A question is a few words; a 'clause' of hundreds is an unpunctuated story.
      .filter((c) => {
        const words = c.split(/\s+/).length;
        return words >= 3 && words <= MAX_CLAUSE_WORDS;
      })
      .map((c) => ({ text: c, asks, opens: isQuestion(LOCALE, c) }));
  });
}

/**
 * The clause of a message that asks something: the last one with a question mark, else the last
 * that opens like a question. Undefined for a short message (unless it opens with a fact about the
 * person) or when no clause asks.
 */
export function askedClause(text: string): string | undefined {
  if (text.trim().split(/\s+/).length < LONG_MESSAGE_WORDS && !opensWithContext(text)) return undefined;
  const clauses = clausesOf(text);
  const pick = [...clauses].reverse().find((c) => c.asks && c.opens) ?? [...clauses].reverse().find((c) => c.opens);
  return pick && pick.text.length < text.trim().length ? pick.text : undefined;
}

/** The parts of a message, besides the whole, that may be the question itself (none for most messages). */
export function askedParts(text: string): string[] {
  const placeless = withoutStatedPlace(text);
  const parts = [placeless, askedClause(placeless ?? text)];
  return [...new Set(parts.filter((p): p is string => p !== undefined && p !== text))];
}

function merged(matches: readonly QuestionMatch[]): QuestionMatch {
  const best = new Map<string, number>();
  const topics = new Map<string, number>();
  for (const m of matches) {
    for (const { id, score } of m.questions) best.set(id, Math.max(best.get(id) ?? 0, score));
    for (const { topic, score } of m.topics) topics.set(topic, Math.max(topics.get(topic) ?? 0, score));
  }
  return {
    questions: [...best].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, 5),
    topics: [...topics].map(([topic, score]) => ({ topic, score })).sort((a, b) => b.score - a.score),
  };
}

/**
 * Pure: the whole message matched, and its asking parts too; each question keeps the best of its
 * scores, so the situation or story around a question no longer drowns it out.
 */
export function matchAskedPart(matcher: QuestionMatcher, text: string): QuestionMatch {
  const parts = askedParts(text);
  return parts.length === 0 ? matcher.match(text) : merged([text, ...parts].map((part) => matcher.match(part)));
}
