/**
 * Text typed with no word breaks ("iwanttodie", or a spaced-out word run "m y n a n s f a c e ...",
 * joined by the normaliser) split back into words. Pure. Dynamic programming over the word list:
 * the split with the fewest words wins, and one- and two-letter pieces must be common words, so
 * "mynansfaceisdrooping" is "my nans face is drooping", not "myna ns face ...". Only tokens of
 * MIN_LENGTH..MAX_LENGTH letters that are not words themselves are tried, and a message gets at
 * most SPLITS_PER_MESSAGE tries, so the cost stays bounded on any paste.
 */

const MIN_LENGTH = 9;
const MAX_LENGTH = 80;
const LONGEST_WORD = 18;
/** Short pieces that may stand alone; any other piece must be three letters or more. */
const SHORT_WORDS = new Set([
  'i', 'a', 'my', 'me', 'is', 'to', 'in', 'on', 'at', 'of', 'be', 'he', 'we', 'it', 'an', 'am', 'do', 'go', 'no', 'so', 'up', 'us', 'or',
  'if', 'by', 'oh', 'ok', 'im', 'ur', 'u',
]);

export const SPLITS_PER_MESSAGE = 20;

/** The words of `token`, or undefined when it is not made of known words (or is one already). */
export function segmentWords(token: string, known: ReadonlySet<string>): string[] | undefined {
  const n = token.length;
  if (n < MIN_LENGTH || n > MAX_LENGTH || known.has(token) || !/^[a-z]+$/.test(token)) return undefined;
  // best[i]: fewest words that spell token[0, i); from[i]: where the last of them starts.
  const best = new Array<number>(n + 1).fill(Infinity);
  const from = new Array<number>(n + 1).fill(-1);
  best[0] = 0;
  for (let end = 1; end <= n; end++) {
    for (let start = Math.max(0, end - LONGEST_WORD); start < end; start++) {
      if (best[start] === Infinity) continue;
      const piece = token.slice(start, end);
      if (piece.length <= 2 ? !SHORT_WORDS.has(piece) : !known.has(piece)) continue;
      if (best[start] + 1 < best[end]) {
        best[end] = best[start] + 1;
        from[end] = start;
      }
    }
  }
  // Real words run to three letters or more on average ("iwanttodie": 2.5); "aaaaaaaaa" is no sentence.
  if (best[n] === Infinity || best[n] < 2 || n / best[n] < 2.5) return undefined;
  const words: string[] = [];
  for (let end = n; end > 0; end = from[end]) words.unshift(token.slice(from[end], end));
  return words;
}
