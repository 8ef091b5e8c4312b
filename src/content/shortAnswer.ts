/**
 * A knowledge-base answer cut to its first sentences, for a reply where the answer is not the main
 * thing (a question asked while "are you safe?" is still open: the routes and the question come
 * first, so the answer must stay short). Pure.
 */

/** Sentence ends: a full stop, "!" or "?" followed by a space or the end. */
const SENTENCES = /[^.!?]+(?:[.!?]+(?=\s|$)|$)/g;

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;
const digitsOf = (text: string): string => text.replace(/[^\d]/g, '');

export interface ShortAnswerOptions {
  /** Most words kept (the first sentence is always kept, whole). */
  maxWords: number;
  /** Numbers already printed beside the answer: a sentence that repeats one is left out. */
  avoidNumbers?: readonly string[];
}

export function shortAnswer(answer: string, options: ShortAnswerOptions): string {
  const firstParagraph = answer.split(/\n\s*\n/)[0] ?? '';
  const avoid = (options.avoidNumbers ?? []).map(digitsOf).filter(Boolean);
  const sentences = (firstParagraph.match(SENTENCES) ?? []).map((s) => s.trim()).filter(Boolean);
  const kept: string[] = [];
  let words = 0;
  for (const sentence of sentences) {
    if (avoid.some((number) => digitsOf(sentence).includes(number))) continue;
    const count = wordCount(sentence);
    if (kept.length > 0 && words + count > options.maxWords) break;
    kept.push(sentence);
    words += count;
  }
  return kept.join(' ');
}
