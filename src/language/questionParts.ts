/**
 * Two questions in one message: "how long does it take and is it free", "is it free? do I need my
 * GP first". Each part opens as a question of its own; the caller answers both when each part has
 * a clear answer of its own, and the whole message as before otherwise. Pure.
 */
import { isQuestion } from './controlWords';

/** A part this short is not a question on its own ("and", "or what"). */
const MIN_PART_WORDS = 2;
/** A message this long is a story with a question in it, read whole (src/language/askedPart.ts). */
const MAX_WORDS = 24;

function words(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}

/** Where a second question starts: after a question mark, or after "and" (or a comma) that opens one. */
export function questionParts(locale: string, text: string): [string, string] | undefined {
  const trimmed = text.trim();
  if (words(trimmed) > MAX_WORDS) return undefined;
  const mark = trimmed.indexOf('?');
  if (mark > 0 && mark < trimmed.length - 1) {
    const first = trimmed.slice(0, mark + 1);
    const second = trimmed.slice(mark + 1).replace(/^[\s?]*(?:and|also|plus|&)?\s*/i, '');
    if (words(first) >= MIN_PART_WORDS && words(second) >= MIN_PART_WORDS && isQuestion(locale, first) && isQuestion(locale, second)) return [first, second];
    return undefined;
  }
  for (const join of trimmed.matchAll(/(?:,\s*|\s)(?:and|also|plus|&)\s+/gi)) {
    const first = trimmed.slice(0, join.index);
    const second = trimmed.slice((join.index ?? 0) + join[0].length);
    if (words(first) < MIN_PART_WORDS || words(second) < MIN_PART_WORDS) continue;
    // Both must open as questions: "my mum and dad argue, is it for me" is one question.
    if (isQuestion(locale, first.replace(/\?/g, '')) && isQuestion(locale, second.replace(/\?/g, ''))) return [first, second];
  }
  return undefined;
}
