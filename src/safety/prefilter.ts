/**
 * Proves, from a pattern's regular-expression source, sets of whole words ("clauses") such that
 * every match contains at least one word of each set: "(?:i|he) (?:took|swallowed) (?:pills|tablets)"
 * needs one of {i, he}, one of {took, swallowed} and one of {pills, tablets}. The matcher checks the
 * clauses against the message's words before running the expression, so most patterns cost a few
 * map lookups instead of a regular-expression run.
 *
 * Sound by construction: a word is only used when the source shows it is bounded by spaces or by
 * the pattern's own word boundaries, and when unsure the answer is null ("always run"). Being
 * unsure costs time, never a missed match. Relies on the normaliser producing tokens of [a-z0-9]
 * or "." separated by single spaces.
 */

/** Every clause is necessary: a match contains a word of each. Empty = nothing proved. */
type Clauses = string[][];

// Words so common that a filter on them saves nothing.
const STOP = new Set(['i', 'me', 'my', 'a', 'an', 'the', 'to', 'and', 'of', 'it', 'is', 'am', 'in', 'on', 'so', 'that', 'you', 'be', 'do', 'not', 'for', 'with', 'at', 'have', 'just', 'this', '.']);

function score(set: string[]): number {
  return (set.some((w) => STOP.has(w)) ? 10000 : 0) + set.length * 10 - Math.min(...set.map((w) => w.length));
}

function parseQuantifier(src: string, pos: number): { min: number; pos: number } | null {
  const ch = src[pos];
  let min: number;
  let next = pos + 1;
  if (ch === '?' || ch === '*') min = 0;
  else if (ch === '+') min = 1;
  else if (ch === '{') {
    const m = /^\{(\d+)(?:,(\d*))?\}/.exec(src.slice(pos));
    if (!m) return null;
    min = Number(m[1]);
    next = pos + m[0].length;
  } else return null;
  if (src[next] === '?') next++;
  return { min, pos: next };
}

/** Index of the ')' closing the group whose body starts at `pos`. */
function groupEnd(src: string, pos: number): number {
  let depth = 0;
  for (let i = pos; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') i++;
    else if (ch === '[') {
      i++;
      while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
    } else if (ch === '(') depth++;
    else if (ch === ')') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return src.length;
}

function isEnd(src: string, p: number): boolean {
  return p >= src.length || src[p] === '|' || src[p] === ')';
}

/** Start indexes of the top-level alternatives of the group body starting at `inner`. */
function alternativeStarts(src: string, inner: number, close: number): number[] {
  const starts = [inner];
  let depth = 0;
  for (let i = inner; i < close; i++) {
    const ch = src[i];
    if (ch === '\\') i++;
    else if (ch === '[') {
      i++;
      while (i < close && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
    } else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) starts.push(i + 1);
  }
  return starts;
}

/**
 * True when every alternative of the group body [inner, close) ends with a literal space, or is the
 * start of the text ("(?:^|\\. )urgent": "urgent" starts a word either way).
 */
function endsWithSpace(src: string, inner: number, close: number): boolean {
  const starts = alternativeStarts(src, inner, close);
  return starts.every((start, k) => {
    const end = k + 1 < starts.length ? starts[k + 1] - 1 : close;
    if (end - start === 1 && src[start] === '^') return true;
    return end - start >= 1 && src[end - 1] === ' ' && src[end - 2] !== '\\';
  });
}

/**
 * True when whatever the pattern matches from `pos` on must begin at a word boundary: with a
 * space, at the end of the text, or (when `endBound`) at the end of the whole pattern. Looks
 * through optional groups and lookarounds, so "pills(?= \\.|$)" still proves "pills" is whole.
 */
function boundaryAfter(src: string, pos: number, endBound: boolean, depth = 0): boolean {
  if (depth > 20) return false;
  if (isEnd(src, pos)) return endBound;
  const ch = src[pos];
  // An optional space (" ?r") is no boundary: "brifo(?: ?r)? babi" matches "brifor babi".
  if (ch === ' ') return (parseQuantifier(src, pos + 1)?.min ?? 1) >= 1;
  if (ch === '$') return true;
  if (ch === '\\') return src[pos + 1] === 'b';
  if (ch !== '(') return false;
  let inner = pos + 1;
  let kind: 'group' | 'ahead' | 'skip' = 'group';
  if (src.startsWith('?:', inner)) inner += 2;
  else if (src.startsWith('?=', inner)) {
    inner += 2;
    kind = 'ahead';
  } else if (src.startsWith('?!', inner) || src.startsWith('?<=', inner) || src.startsWith('?<!', inner)) {
    inner += src[inner + 1] === '<' ? 3 : 2;
    kind = 'skip';
  } else if (src.startsWith('?<', inner)) inner = src.indexOf('>', inner) + 1;
  const close = groupEnd(src, inner);
  const q = parseQuantifier(src, close + 1);
  const after = q ? q.pos : close + 1;
  const rest = (): boolean => boundaryAfter(src, after, endBound, depth + 1);
  if (kind === 'skip') return rest();
  const alts = alternativeStarts(src, inner, close);
  if (kind === 'ahead') {
    return alts.every((a) => src[a] === ' ' || src[a] === '$') || rest();
  }
  const continuation = rest();
  const allAlts = alts.every((a) => boundaryAfter(src, a, continuation, depth + 1));
  if (q !== null && q.min === 0) return allAlts && continuation;
  return allAlts;
}

function bestClause(clauses: Clauses): string[] | null {
  let best: string[] | null = null;
  for (const c of clauses) if (best === null || score(c) < score(best)) best = c;
  return best;
}

function parseSequence(src: string, start: number, startBound: boolean, endBound: boolean): { clauses: Clauses; pos: number } {
  let pos = start;
  let run = '';
  let runStartBound = startBound;
  // Each part of a sequence must occur, so every set offered here is a clause of its own.
  const clauses: Clauses = [];
  const offer = (set: string[]): void => {
    if (set.length > 0) clauses.push(set);
  };
  const flush = (runEndBound: boolean): void => {
    if (run.length > 0) {
      const pieces = run.split(' ');
      pieces.forEach((w, i) => {
        const leftOk = i > 0 || runStartBound;
        const rightOk = i < pieces.length - 1 || runEndBound;
        if (w !== '' && leftOk && rightOk && /^(?:[a-z0-9]+|\.)$/.test(w)) offer([w]);
      });
    }
    run = '';
  };
  const atEnd = (p: number): boolean => p >= src.length || src[p] === '|' || src[p] === ')';
  while (!atEnd(pos)) {
    const ch = src[pos];
    if (ch === '(') {
      let inner = pos + 1;
      let zeroWidth = false;
      if (src.startsWith('?:', inner)) inner += 2;
      else if (src.startsWith('?=', inner) || src.startsWith('?!', inner)) {
        inner += 2;
        zeroWidth = true;
      } else if (src.startsWith('?<=', inner) || src.startsWith('?<!', inner)) {
        inner += 3;
        zeroWidth = true;
      } else if (src.startsWith('?<', inner)) inner = src.indexOf('>', inner) + 1;
      const close = groupEnd(src, inner);
      const q = parseQuantifier(src, close + 1);
      const after = q ? q.pos : close + 1;
      if (zeroWidth) {
        const endsWithSpace = run === '' ? runStartBound : run.endsWith(' ');
        flush(boundaryAfter(src, pos, endBound));
        runStartBound = endsWithSpace;
        pos = after;
        continue;
      }
      const groupStartBound = run === '' ? runStartBound : run.endsWith(' ');
      const groupEndBound = boundaryAfter(src, after, endBound);
      const group = parseAlternation(src, inner, groupStartBound, groupEndBound);
      flush(boundaryAfter(src, pos, endBound));
      const mandatory = q === null || q.min >= 1;
      if (mandatory) for (const c of group.clauses) offer(c);
      // "(?:just |already )?taken": whether or not the group matched, "taken" starts a word.
      runStartBound = endsWithSpace(src, inner, close) && (mandatory || groupStartBound);
      pos = after;
      continue;
    }
    let literal: string | null = null;
    if (ch === '[') {
      let end = pos + 1;
      while (end < src.length && src[end] !== ']') end += src[end] === '\\' ? 2 : 1;
      pos = end + 1;
    } else if (ch === '\\') {
      const esc = src[pos + 1];
      pos += 2;
      if (!/[a-zA-Z0-9]/.test(esc)) literal = esc; // "\." etc.; \b \d \w \s and friends are not literals
    } else if (ch === '^' || ch === '$' || ch === '.') {
      pos++;
    } else {
      literal = ch;
      pos++;
    }
    const q = parseQuantifier(src, pos);
    if (q) pos = q.pos;
    if (literal !== null && q === null) {
      if (run === '' && literal === ' ') runStartBound = true;
      run += literal;
      continue;
    }
    // Anything else (class, escape, quantified char, anchor) ends the literal run uncertainly.
    flush(false);
    runStartBound = false;
  }
  flush(endBound);
  return { clauses, pos };
}

/**
 * One alternative keeps all its clauses. Several give one clause: the union of each one's best
 * clause (whichever alternative matched, its word is there), or nothing if one has none.
 */
function parseAlternation(src: string, start: number, startBound: boolean, endBound: boolean): { clauses: Clauses; pos: number } {
  let pos = start;
  const alternatives: Clauses[] = [];
  for (;;) {
    const seq = parseSequence(src, pos, startBound, endBound);
    pos = seq.pos;
    alternatives.push(seq.clauses);
    if (src[pos] !== '|') break;
    pos++;
  }
  if (alternatives.length === 1) return { clauses: alternatives[0], pos };
  const union = new Set<string>();
  for (const clauses of alternatives) {
    const best = bestClause(clauses);
    if (best === null) return { clauses: [], pos };
    for (const w of best) union.add(w);
  }
  return { clauses: [[...union]], pos };
}

/**
 * Enough to rule out nearly every pattern a message cannot match; each clause kept costs a lookup
 * for every message containing one of its words, so fewer is faster once these are in place.
 */
const MAX_CLAUSES = 4;

/**
 * Clauses every match of `source` (wrapped in word boundaries) satisfies, most selective first: at
 * most MAX_CLAUSES, and none with a stop word unless nothing better exists (a clause containing
 * "i" holds for nearly every message). Null when none can be proved: the pattern always runs.
 */
export function requiredWordClauses(source: string): string[][] | null {
  const parsed = parseAlternation(source, 0, true, true);
  if (parsed.pos !== source.length || parsed.clauses.length === 0) return null;
  const unique = new Map<string, string[]>();
  for (const c of parsed.clauses) {
    const sorted = [...new Set(c)].sort();
    unique.set(sorted.join(' '), sorted);
  }
  const ranked = [...unique.values()].sort((a, b) => score(a) - score(b));
  const selective = ranked.filter((c) => !c.some((w) => STOP.has(w)));
  return (selective.length > 0 ? selective : ranked).slice(0, MAX_CLAUSES);
}

/**
 * Which of a list of expressions a text can possibly match, from its words alone: an expression is
 * a candidate when the text satisfies every one of its clauses (or it has none). Built once per
 * lexicon; `candidates` reuses one scratch buffer, so it is for synchronous use only.
 */
export class WordPrefilter {
  /** word -> flat pairs (expression index, clause bit) of the clauses it satisfies */
  private readonly wordClauses = new Map<string, Int32Array>();
  /** per expression, one bit a clause; 0 = no clause proved */
  private readonly clauseMask: Int32Array;
  private readonly alwaysRun: number[] = [];
  private readonly satisfied: Int32Array;
  private readonly touched: number[] = [];
  private readonly wholeSatisfied: Int32Array;
  private readonly wholeTouched: number[] = [];
  /** how many expressions */
  get size(): number {
    return this.clauseMask.length;
  }
  /** per expression, its clauses (null = always run): for tests that check the filter is sound */
  readonly clauses: readonly (readonly (readonly string[])[] | null)[];

  constructor(sources: readonly string[]) {
    const pairs = new Map<string, number[]>();
    this.clauses = sources.map((source) => requiredWordClauses(source));
    this.clauseMask = Int32Array.from(
      this.clauses.map((clauses, index) => {
        let mask = 0;
        clauses?.forEach((clause, bit) => {
          mask |= 1 << bit;
          for (const w of clause) {
            const list = pairs.get(w) ?? [];
            list.push(index, 1 << bit);
            pairs.set(w, list);
          }
        });
        if (mask === 0) this.alwaysRun.push(index);
        return mask;
      }),
    );
    for (const [w, list] of pairs) this.wordClauses.set(w, Int32Array.from(list));
    this.satisfied = new Int32Array(sources.length);
    this.wholeSatisfied = new Int32Array(sources.length);
  }

  /**
   * `candidates(words)`, and for each range of words the expressions its own words allow, reported
   * as `each(range, index)` in ascending range order, from one walk of the words (the whole text's
   * clauses are the union of its ranges' when the ranges cover every word but repeated ".").
   */
  candidatesByRange(words: readonly string[], ranges: readonly { wordFrom: number; wordTo: number }[], each: (range: number, index: number) => void): number[] {
    const { satisfied, touched, wholeSatisfied, wholeTouched, clauseMask } = this;
    const out = this.alwaysRun.slice();
    for (let k = 0; k < ranges.length; k += 1) {
      for (const i of this.alwaysRun) each(k, i);
      for (let w = ranges[k].wordFrom; w < ranges[k].wordTo; w += 1) {
        const pairs = this.wordClauses.get(words[w]);
        if (pairs === undefined) continue;
        for (let p = 0; p < pairs.length; p += 2) {
          const i = pairs[p];
          const before = satisfied[i];
          const after = before | pairs[p + 1];
          if (after === before) continue;
          if (before === 0) touched.push(i);
          satisfied[i] = after;
          if (after === clauseMask[i]) each(k, i);
        }
      }
      // The sentence's clauses join the whole text's as its own are cleared.
      for (const i of touched) {
        const whole = wholeSatisfied[i];
        const after = whole | satisfied[i];
        satisfied[i] = 0;
        if (after === whole) continue;
        if (whole === 0) wholeTouched.push(i);
        wholeSatisfied[i] = after;
        if (after === clauseMask[i]) out.push(i);
      }
      touched.length = 0;
    }
    for (const i of wholeTouched) wholeSatisfied[i] = 0;
    wholeTouched.length = 0;
    return out.length > 1 ? out.sort((a, b) => a - b) : out;
  }

  /** Indexes, ascending, of the expressions a text made of these words may match. */
  candidates(words: readonly string[]): number[] {
    const { satisfied, touched } = this;
    const out = this.alwaysRun.slice();
    for (const word of words) {
      const pairs = this.wordClauses.get(word);
      if (pairs === undefined) continue;
      for (let k = 0; k < pairs.length; k += 2) {
        const i = pairs[k];
        const before = satisfied[i];
        const after = before | pairs[k + 1];
        if (after === before) continue;
        if (before === 0) touched.push(i);
        satisfied[i] = after;
        if (after === this.clauseMask[i]) out.push(i);
      }
    }
    // Reset only what this text set: most expressions were never touched.
    for (const i of touched) satisfied[i] = 0;
    touched.length = 0;
    return out.length > 1 ? out.sort((a, b) => a - b) : out;
  }
}
