/**
 * Proves, from a pattern's regular-expression source, a small set of whole words of which every
 * match must contain at least one ("want to die" needs "die"). The matcher looks those words up in
 * the message's word set before running the expression, so most patterns cost a few Set lookups.
 *
 * Sound by construction: a word is only used when the source shows it is bounded by spaces or by
 * the pattern's own word boundaries, and when unsure the answer is null ("always run"). Being
 * unsure costs time, never a missed match. Relies on the normaliser producing tokens of [a-z0-9]
 * or "." separated by single spaces.
 */

type Req = string[] | null;

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
 * True when whatever the pattern matches from `pos` on must begin at a word boundary: with a
 * space, at the end of the text, or (when `endBound`) at the end of the whole pattern. Looks
 * through optional groups and lookarounds, so "pills(?= \\.|$)" still proves "pills" is whole.
 */
function boundaryAfter(src: string, pos: number, endBound: boolean, depth = 0): boolean {
  if (depth > 20) return false;
  if (isEnd(src, pos)) return endBound;
  const ch = src[pos];
  if (ch === ' ' || ch === '$') return true;
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

function parseSequence(src: string, start: number, startBound: boolean, endBound: boolean): { req: Req; pos: number } {
  let pos = start;
  let run = '';
  let runStartBound = startBound;
  let best: string[] | null = null;
  const offer = (set: string[]): void => {
    if (set.length === 0) return;
    if (best === null || score(set) < score(best)) best = set;
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
      if (group.req !== null && (q === null || q.min >= 1)) offer(group.req);
      runStartBound = false;
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
  return { req: best, pos };
}

function parseAlternation(src: string, start: number, startBound: boolean, endBound: boolean): { req: Req; pos: number } {
  let pos = start;
  const union = new Set<string>();
  let provable = true;
  for (;;) {
    const seq = parseSequence(src, pos, startBound, endBound);
    pos = seq.pos;
    if (seq.req === null) provable = false;
    else for (const w of seq.req) union.add(w);
    if (src[pos] === '|') {
      pos++;
      continue;
    }
    break;
  }
  return { req: provable ? [...union] : null, pos };
}

/**
 * Whole words, one of which every match of `source` (wrapped in word boundaries) contains; null
 * when none can be proved.
 */
export function requiredWords(source: string): string[] | null {
  const parsed = parseAlternation(source, 0, true, true);
  if (parsed.pos !== source.length || parsed.req === null || parsed.req.length === 0) return null;
  return parsed.req;
}
