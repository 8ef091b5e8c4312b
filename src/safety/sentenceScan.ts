/**
 * Runs a regular expression over a long prepared text only in the sentences that can hold a match,
 * with exactly the matches a scan of the whole text finds. A 100 KB paste of different everyday
 * messages has words for hundreds of rules in every 400-word window, and each rule scanned the
 * whole window (about 110 ms a paste); read sentence by sentence, a rule reads only the few
 * sentences holding its words.
 *
 * Exact, not approximate, for an expression that stays in a sentence (`staysInSentence`): whatever
 * it matches, and every character its lookarounds inspect, lies in one sentence and the " . " on
 * either side of it. Such an expression matches the same at every place in a sentence whether it
 * is given the whole text or only that sentence with its two delimiters, and a match holds the
 * words the word prefilter (prefilter.ts) asks of it, so a sentence without them holds none. Any
 * other expression is run on the whole text, as before.
 *
 * Works on the normaliser's words (lower-case [a-z0-9]+ and "." between sentences) joined by
 * single spaces. Pure.
 */
import type { WordPrefilter } from './prefilter';

/** One sentence with the " . " on either side: characters [from, to) of the text, words [wordFrom, wordTo). */
export interface SentenceRange {
  from: number;
  to: number;
  wordFrom: number;
  wordTo: number;
}

/** A text is cut into sentences only from this many characters: a chat message is read whole. */
export const SENTENCE_SCAN_MIN_CHARS = 1000;
/** An expression whose words are in more than 1 / this of the sentences reads the whole text. */
const WHOLE_TEXT_SHARE = 3;

// The wrapper lexicon.ts puts around every expression (wordBounded) and the one idiom that starts
// a sentence: "(?:^|\. )please help".
const WRAPPER_OPEN = /^(?:\(\?<!\[a-z0-9\]\)|\(\?:)*$/;
const SENTENCE_START = '(?:^|\\. )';
const WRAPPER_CLOSE = /^(?:\)|\(\?!\[a-z0-9\]\))*$/;

/** Index of the "(" opening the group that encloses position `at`, or -1. */
function enclosingGroup(source: string, at: number): number {
  let depth = 0;
  for (let i = at - 1; i >= 0; i -= 1) {
    if (source[i - 1] === '\\') continue;
    if (source[i] === ')') depth += 1;
    else if (source[i] === '(') {
      if (depth === 0) return i;
      depth -= 1;
    }
  }
  return -1;
}

/** Index of the ")" closing the group opened at `open`. */
function groupClose(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i += 1) {
    if (source[i] === '\\') i += 1;
    else if (source[i] === '[') {
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
    } else if (source[i] === '(') depth += 1;
    else if (source[i] === ')') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return source.length;
}

/**
 * An escaped full stop is a sentence break in the normalised text. It keeps an expression in its
 * sentence in two shapes only: "(?:^|\. )" as the first thing matched (the break before), and an
 * alternative " \." alone that ends a lookahead ("pills(?= \.|$)") or ends the expression
 * ("help(?: \.|$)"), the break after.
 */
function breakStaysBeside(source: string, at: number): boolean {
  if (source.startsWith(SENTENCE_START, at - 5)) return WRAPPER_OPEN.test(source.slice(0, at - 5));
  const alone = source[at - 1] === ' ' && (source[at - 2] === '|' || source.startsWith('(?=', at - 4) || source.startsWith('(?:', at - 4));
  if (!alone || !(source[at + 2] === '|' || source[at + 2] === ')')) return false;
  const open = enclosingGroup(source, at);
  if (open < 0) return false;
  if (source.startsWith('(?=', open)) return true;
  return source.startsWith('(?:', open) && WRAPPER_CLOSE.test(source.slice(groupClose(source, open) + 1));
}

/**
 * True when every match of the expression, and every character its lookarounds read, lies in one
 * sentence and its delimiters (see the file comment). Unsure is false: the expression then reads
 * the whole text, which costs time, never a match.
 */
export function staysInSentence(source: string): boolean {
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i];
    if (ch === '\\') {
      const next = source[i + 1];
      // \s \S \W \D and a back-reference could reach a break; \. only in the shapes above.
      if (/[sSWDB1-9kpPu]/.test(next)) return false;
      if (next === '.' && !breakStaysBeside(source, i)) return false;
      i += 1;
    } else if (ch === '[') {
      // A class may hold [a-z0-9] and the like, never a full stop or a negation.
      let j = i + 1;
      if (source[j] === '^') return false;
      for (; j < source.length && source[j] !== ']'; j += 1) {
        if (source[j] === '\\') return false;
        if (source[j] === '.') return false;
      }
      i = j;
    } else if (ch === '.') return false;
    else if (ch === '^' && !source.startsWith(SENTENCE_START, i - 3)) return false;
  }
  return true;
}

/**
 * The sentences of a text of more than one sentence, each with its delimiters; null for one
 * sentence, a short text, or words that do not make up the text exactly (then read it whole).
 */
export function sentenceRanges(text: string, words: readonly string[]): SentenceRange[] | null {
  if (text.length < SENTENCE_SCAN_MIN_CHARS) return null;
  const ranges: SentenceRange[] = [];
  let offset = 0;
  let start = -1;
  let startChar = 0;
  const close = (end: number, endChar: number): void => {
    if (start < 0) return;
    ranges.push({
      from: Math.max(0, startChar - 2),
      to: Math.min(text.length, endChar + 2),
      wordFrom: Math.max(0, start - 1),
      wordTo: Math.min(words.length, end + 1),
    });
    start = -1;
  };
  for (let w = 0; w < words.length; w += 1) {
    const word = words[w];
    if (word === '.') close(w, offset - 1);
    else if (start < 0) {
      start = w;
      startChar = offset;
    }
    offset += word.length + 1;
  }
  close(words.length, offset - 1);
  if (offset - 1 !== text.length || ranges.length < 2) return null;
  return ranges;
}

/** Which expressions a text allows, and in which of its sentences each is to be read. */
export interface SentenceCandidates {
  /** `filter.candidates(words)`: the expressions the whole text's words allow, ascending */
  candidates: number[];
  /**
   * For an expression, the indexes of the sentences whose own words allow it, in order; null for
   * one to read in the whole text: one that may leave its sentence, or whose words are in so many
   * sentences that one scan of the whole text is cheaper.
   */
  sentencesOf: (index: number) => readonly number[] | null;
}

/**
 * The text's candidates and each one's sentences, from one walk of its words: every word is in a
 * range (sentenceRanges), so the ranges' words together are the text's.
 */
export function sentenceCandidates(filter: WordPrefilter, words: readonly string[], ranges: readonly SentenceRange[], local: (index: number) => boolean): SentenceCandidates {
  const lists: (number[] | undefined)[] = new Array<number[] | undefined>(filter.size);
  const candidates = filter.candidatesByRange(words, ranges, (k, i) => {
    const list = lists[i];
    if (list === undefined) lists[i] = [k];
    else list.push(k);
  });
  const sentencesOf = (index: number): readonly number[] | null => {
    const list = lists[index] ?? [];
    return local(index) && list.length * WHOLE_TEXT_SHARE < ranges.length ? list : null;
  };
  return { candidates, sentencesOf };
}

/** A match: where it starts in the whole text, and what it matched. */
export interface SentenceMatch {
  at: number;
  match: string;
}

/**
 * The first match of `re` (flag g) starting at or after `from`, as `re.exec` on the whole text from
 * there would find it, reading only the sentences listed (ascending), or the whole text for null.
 */
export function nextMatch(re: RegExp, text: string, ranges: readonly SentenceRange[], sentences: readonly number[] | null, from: number): SentenceMatch | null {
  if (sentences === null) {
    re.lastIndex = from;
    const m = re.exec(text);
    re.lastIndex = 0;
    return m === null ? null : { at: m.index, match: m[0] };
  }
  // The first listed sentence that ends after `from`.
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[sentences[mid]].to <= from) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < sentences.length; k += 1) {
    const range = ranges[sentences[k]];
    re.lastIndex = Math.max(0, from - range.from);
    const m = re.exec(text.slice(range.from, range.to));
    re.lastIndex = 0;
    if (m !== null) return { at: range.from + m.index, match: m[0] };
  }
  return null;
}

/** Where a scan of the whole text looks after a match (one on after an empty one). */
const after = ({ at, match }: SentenceMatch): number => at + Math.max(1, match.length);

/**
 * Calls `visit` with each match of `re` in the listed sentences (null: the whole text), in order,
 * as repeated `re.exec` on the whole text finds them; `visit` returns true to stop.
 */
export function scanSentences(re: RegExp, text: string, ranges: readonly SentenceRange[], sentences: readonly number[] | null, visit: (m: SentenceMatch) => boolean): void {
  for (let m = nextMatch(re, text, ranges, sentences, 0); m !== null; m = nextMatch(re, text, ranges, sentences, after(m))) {
    if (visit(m)) return;
  }
}

/** One alternative of an alternation: its own expression (flag g) and the sentences that may hold a match (null: all). */
export interface Alternative {
  re: RegExp;
  sentences: readonly number[] | null;
}

/**
 * `text.replace(alternation, replacement)` for the alternation of these expressions (each word
 * bounded alike), in order, without building it: at each place the earliest match wins, and of
 * matches at one place the first alternative's, as in an alternation. Each expression reads only
 * its sentences, and each once: its next match is kept until the scan passes it.
 */
export function replaceAlternation(text: string, ranges: readonly SentenceRange[], alternatives: readonly Alternative[], replacement: string): string {
  const next: (SentenceMatch | null)[] = alternatives.map(({ re, sentences }) => nextMatch(re, text, ranges, sentences, 0));
  let out = '';
  let copied = 0;
  let from = 0;
  for (;;) {
    let best = -1;
    for (let i = 0; i < alternatives.length; i += 1) {
      let m = next[i];
      if (m !== null && m.at < from) m = next[i] = nextMatch(alternatives[i].re, text, ranges, alternatives[i].sentences, from);
      if (m !== null && (best < 0 || m.at < (next[best] as SentenceMatch).at)) best = i;
    }
    if (best < 0) break;
    const m = next[best] as SentenceMatch;
    out += text.slice(copied, m.at) + replacement;
    copied = m.at + m.match.length;
    from = after(m);
  }
  return copied === 0 && out === '' ? text : out + text.slice(copied);
}
