/**
 * Undoes the ways a message can hide words from a matcher while looking the same to a person:
 * invisible and formatting characters inside words (zero-width space and joiners, soft hyphen,
 * bidi controls, variation selectors, tag characters), lone surrogates, and letters from another
 * script that look like Latin ones (Cyrillic "а", Greek "ο", fullwidth and mathematical letters).
 *
 * The look-alike table is Unicode's own confusables data (UTS #39 confusables.txt), as shipped by
 * the npm package unhomoglyph (MIT, nodeca; data v13). It is narrowed here to keys from scripts
 * that are written to look like Latin (Latin, Greek, Cyrillic, Armenian, Cherokee, and the common
 * symbol blocks), whose skeleton is plain ASCII letters or digits: Arabic, Bengali, Gurmukhi or
 * Gujarati text is never turned into Latin letters.
 *
 * Pure; tables built once at load.
 */
import confusableData from 'unhomoglyph/data.json';

// Cf (format) covers zero-width space/joiners, soft hyphen, bidi embeddings and isolates, word
// joiner, BOM and tag characters; the rest are invisible fillers and variation selectors.
const INVISIBLE = /[\p{Cf}\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\uffa0\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');
const LONE_SURROGATE_SOURCE = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
const LONE_SURROGATE = new RegExp(LONE_SURROGATE_SOURCE);
const LONE_SURROGATE_ALL = new RegExp(LONE_SURROGATE_SOURCE, 'g');
const LATIN_LOOKING = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Armenian}\p{Script=Cherokee}\p{Script=Common}\p{Script=Inherited}]$/u;
const COMBINING = /\p{M}/gu;
const NON_ASCII = /[^\x00-\x7f]/;

function buildSkeleton(data: Readonly<Record<string, string>>): ReadonlyMap<string, string> {
  const table = new Map<string, string>();
  for (const [key, target] of Object.entries(data)) {
    // One code point, not ASCII (ASCII maps too, "1" -> "l", "m" -> "rn": never wanted here).
    if ([...key].length !== 1 || key.charCodeAt(0) < 0x80 || !LATIN_LOOKING.test(key)) continue;
    const plain = target.normalize('NFKD').replace(COMBINING, '').toLowerCase();
    if (!/^[a-z0-9]+$/.test(plain)) continue;
    // Text is lower-cased before folding; a capital's skeleton ("І" -> "l") must not replace its
    // small letter's ("і" -> "i").
    const lower = key.toLowerCase();
    if (lower === key) table.set(key, plain);
    else if (!table.has(lower) && (data[lower] === undefined || lower === key)) table.set(lower, plain);
  }
  return table;
}

const SKELETON = buildSkeleton(confusableData as Record<string, string>);

const NON_ASCII_RUN = /[^\x00-\x7f]+/g;

/** True when the text holds a character that hides itself (cheap; for plain ASCII always false). */
export function hasInvisible(text: string): boolean {
  if (!NON_ASCII.test(text)) return false;
  // Every such character is non-ASCII, and a surrogate is lone within its run of non-ASCII
  // characters exactly when it is lone in the text: only the runs are read (a long English paste
  // with a few curly quotes costs its quotes, not its length).
  for (const [run] of text.matchAll(NON_ASCII_RUN)) if (INVISIBLE.test(run) || LONE_SURROGATE.test(run)) return true;
  return false;
}

/**
 * The text with invisible characters and lone surrogates removed (`as` = '') or read as a space
 * (`as` = ' '). Inside a word ("ki\u200bll") removing is right; between words ("I\u200bwant") a
 * space is: the detector reads both.
 */
export function dropInvisible(text: string, as: '' | ' ' = ''): string {
  return text.replace(INVISIBLE_ALL, as).replace(LONE_SURROGATE_ALL, as);
}

/** Non-ASCII look-alike letters in lower-case text read as the ASCII letters they imitate. */
export function foldConfusables(lower: string): string {
  let out = '';
  let changed = false;
  for (const ch of lower) {
    const mapped = ch.charCodeAt(0) < 0x80 ? undefined : SKELETON.get(ch);
    if (mapped !== undefined) changed = true;
    out += mapped ?? ch;
  }
  return changed ? out : lower;
}
