/**
 * A rule that opens with a lookaround ("(?<=cut ... )the urges are back", "(?!... forever)saying
 * goodbye") makes V8 evaluate that lookaround at every position of the text before anything else,
 * and a lookbehind of up to eighteen words costs that much at every character: three such rules
 * were most of the cost of a 100 KB paste. `LeadingAssertionRegExp` matches the rest of the
 * expression first (whose opening words V8 can search for quickly) and checks the lookarounds only
 * where the rest matches.
 *
 * Exact: lookarounds are zero-width and atomic, so at any one position "assertions, then the rest"
 * and "the rest, then assertions" succeed together and match the same text; where the assertions
 * fail, the search goes on from the next position, as the whole expression's would. Only
 * expressions the check below can read are split (no capturing groups or back-references, no
 * alternation around the assertions); any other is an ordinary RegExp. Pure.
 */

const WORD_EDGE_OPEN = '(?<![a-z0-9])(?:';
const WORD_EDGE_CLOSE = ')(?![a-z0-9])';
const ASSERTION_OPEN = ['(?<=', '(?<!', '(?=', '(?!'];

/** Index of the ")" closing the group opened at `open`, or -1. */
function closeOf(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i += 1) {
    const ch = source[i];
    if (ch === '\\') i += 1;
    else if (ch === '[') {
      for (i += 1; i < source.length && source[i] !== ']'; i += 1) if (source[i] === '\\') i += 1;
    } else if (ch === '(') depth += 1;
    else if (ch === ')') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Whether `body` has a "|" outside every group and class. */
function hasTopLevelAlternation(body: string): boolean {
  let depth = 0;
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i];
    if (ch === '\\') i += 1;
    else if (ch === '[') {
      for (i += 1; i < body.length && body[i] !== ']'; i += 1) if (body[i] === '\\') i += 1;
    } else if (ch === '(') depth += 1;
    else if (ch === ')') depth -= 1;
    else if (ch === '|' && depth === 0) return true;
  }
  return false;
}

/** Capturing groups and back-references would change what a match reports: such sources are left whole. */
function capturesOrRefers(source: string): boolean {
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i];
    if (ch === '\\') {
      if (/[1-9k]/.test(source[i + 1])) return true;
      i += 1;
    } else if (ch === '[') {
      for (i += 1; i < source.length && source[i] !== ']'; i += 1) if (source[i] === '\\') i += 1;
    } else if (ch === '(' && source[i + 1] !== '?') return true;
    else if (ch === '(' && source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!') return true;
  }
  return false;
}

/**
 * A word-bounded source ("(?<![a-z0-9])(?:BODY)(?![a-z0-9])") whose body opens with lookarounds,
 * cut into those lookarounds and the same source without them; null when it has none or cannot be
 * cut exactly.
 */
export function splitLeadingAssertions(source: string): { assertions: string; rest: string } | null {
  if (!source.startsWith(WORD_EDGE_OPEN) || !source.endsWith(WORD_EDGE_CLOSE)) return null;
  if (capturesOrRefers(source)) return null;
  const body = source.slice(WORD_EDGE_OPEN.length, source.length - WORD_EDGE_CLOSE.length);
  // The wrapper's group must be one group holding the whole body.
  if (closeOf(source, WORD_EDGE_OPEN.length - 3) !== source.length - WORD_EDGE_CLOSE.length) return null;
  if (hasTopLevelAlternation(body)) return null;
  let at = 0;
  while (ASSERTION_OPEN.some((open) => body.startsWith(open, at))) {
    const close = closeOf(body, at);
    // A quantified lookaround ("(?=x)?") may be skipped: not a plain condition.
    if (close < 0 || /[?*+{]/.test(body[close + 1] ?? '')) return null;
    at = close + 1;
  }
  if (at === 0 || at === body.length) return null;
  return { assertions: body.slice(0, at), rest: `${WORD_EDGE_OPEN}${body.slice(at)}${WORD_EDGE_CLOSE}` };
}

/**
 * A RegExp with the given source and flags, whose `exec` (and so test, replace, match and
 * matchAll) finds exactly what the plain expression finds, faster when the source opens with
 * lookarounds (see the file comment). Split only with the flag g, which lets `exec` go on from a
 * position whose assertions fail.
 */
export class LeadingAssertionRegExp extends RegExp {
  private readonly fullSource: string;
  /** The leading lookarounds alone, sticky: tested at one position. Null: nothing was split. */
  private readonly assertions: RegExp | null;

  constructor(pattern: string | RegExp, flags?: string) {
    const source = typeof pattern === 'string' ? pattern : pattern.source;
    const useFlags = flags ?? (typeof pattern === 'string' ? '' : pattern.flags);
    const split = useFlags.includes('g') && !useFlags.includes('y') ? splitLeadingAssertions(source) : null;
    super(split?.rest ?? source, useFlags);
    this.fullSource = source;
    this.assertions = split === null ? null : new RegExp(split.assertions, 'y');
  }

  /** The whole expression, lookarounds included (also what matchAll and toString copy). */
  override get source(): string {
    return this.fullSource;
  }

  override exec(text: string): RegExpExecArray | null {
    if (this.assertions === null) return super.exec(text);
    for (;;) {
      const m = super.exec(text);
      if (m === null) return null;
      this.assertions.lastIndex = m.index;
      if (this.assertions.test(text)) return m;
      this.lastIndex = m.index + 1;
    }
  }
}
