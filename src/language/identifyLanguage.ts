/**
 * Says, offline, whether a message is written in a language other than English, and which.
 * Undefined means English, or too short or too mixed to tell: a false "this is Polish" costs a
 * person the English guide (and spelling help on their risk words), so the identifier only answers
 * when the evidence is clear.
 *
 * Evidence, in order:
 * 1. Script: Bengali, Gurmukhi (Panjabi), Gujarati and Devanagari letters name their language;
 *    Arabic script (Arabic, Urdu, Persian) and Cyrillic (Russian, Ukrainian...) are told apart by
 *    tinyld.
 * 2. Latin script: at least two words and eight letters, and most words not English (the en-GB
 *    word list the spelling corrector already uses). Then marker words from each
 *    locales/<lang>/language-notice.json (Welsh: tinyld has no Welsh model), then tinyld
 *    (MIT, komodojp/tinyld, pure JavaScript, CommonJS) for the rest.
 *
 * Pure once built; no I/O after construction.
 */
import { detectAll } from 'tinyld';
import { dropInvisible, foldConfusables } from '../safety/unicodeFold';

export interface LanguageIdentifierOptions {
  /** Lower-case English words (spelled as meant): a message mostly of these is English. */
  englishWords: ReadonlySet<string>;
  /** ISO 639-1 code -> lower-case words of that language that are not English words. */
  markers: ReadonlyMap<string, ReadonlySet<string>>;
}

export type LanguageIdentifier = (text: string) => string | undefined;

const SCRIPTS: ReadonlyArray<[RegExp, string]> = [
  [/\p{Script=Bengali}/u, 'bn'],
  [/\p{Script=Gurmukhi}/u, 'pa'],
  [/\p{Script=Gujarati}/u, 'gu'],
  [/\p{Script=Devanagari}/u, 'hi'],
];
// Scripts shared by several languages: tinyld tells which, among these.
const SHARED_SCRIPTS: ReadonlyArray<[RegExp, string, readonly string[], string]> = [
  [/\p{Script=Arabic}/u, 'arabic-script', ['ar', 'ur', 'fa', 'ps'], 'ar'],
  [/\p{Script=Cyrillic}/u, 'cyrillic-script', ['ru', 'uk', 'bg', 'sr', 'mk', 'be'], 'ru'],
];
const LETTER = /\p{L}/u;
const LATIN_WORD = /[\p{Script=Latin}']+/gu;
const ASCII_WORD = /[a-z']+/g;
const NON_ASCII = /[^\x00-\x7f]/;
const MIN_LATIN_WORDS = 2;
const MIN_LATIN_LETTERS = 8;
/** Above this share of English words a message is English (names, typos and slang are the rest). */
const ENGLISH_SHARE = 0.5;
const MARKER_SHARE = 0.3;
const MIN_TINYLD_ACCURACY = 0.5;
const SAMPLE_CHARS = 2000;
/**
 * Latin-script languages among the most spoken in England and Wales after English (2021 census:
 * Polish, Romanian, Portuguese, Spanish, Italian, Lithuanian, French, and others in the top
 * twenty). Welsh is found by its marker words.
 */
const LATIN_CANDIDATES = new Set(['pl', 'ro', 'pt', 'es', 'it', 'lt', 'fr', 'de', 'tr', 'lv', 'nl', 'hu', 'sk', 'cs', 'sq', 'so']);

function scriptLanguage(text: string): string | undefined {
  let letters = 0;
  const counts = new Map<string, number>();
  for (const ch of text) {
    if (!LETTER.test(ch)) continue;
    letters += 1;
    if (ch.charCodeAt(0) < 0x250) continue;
    for (const [re, code] of SCRIPTS) {
      if (re.test(ch)) {
        counts.set(code, (counts.get(code) ?? 0) + 1);
        break;
      }
    }
    for (const [re, key] of SHARED_SCRIPTS) if (re.test(ch)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestCount = 0;
  for (const [code, count] of counts) {
    if (count > bestCount) {
      best = code;
      bestCount = count;
    }
  }
  // Mostly in that script: a few look-alike letters in English ("kіll") are not another language.
  if (best === undefined || bestCount * 2 < letters) return undefined;
  const shared = SHARED_SCRIPTS.find(([, key]) => key === best);
  if (shared === undefined) return best;
  const [, , languages, fallback] = shared;
  return detectAll(text).find((g) => languages.includes(g.lang))?.lang ?? fallback;
}

export function createLanguageIdentifier({ englishWords, markers }: LanguageIdentifierOptions): LanguageIdentifier {
  return (whole: string): string | undefined => {
    if (typeof whole !== 'string' || whole.trim() === '') return undefined;
    // A message's language shows in its first lines; a 100 KB paste must not cost the model 100 KB.
    const text = whole.length > SAMPLE_CHARS ? whole.slice(0, SAMPLE_CHARS) : whole;
    const ascii = !NON_ASCII.test(text);
    if (!ascii) {
      const byScript = scriptLanguage(text);
      if (byScript !== undefined) return byScript;
    }
    const lower = text.toLowerCase();
    // Look-alike letters from other scripts ("wаnt" with a Cyrillic a) are read as the Latin ones.
    const raw = ascii ? lower.match(ASCII_WORD) : foldConfusables(dropInvisible(lower.normalize('NFC'))).match(LATIN_WORD);
    const words = (raw ?? []).map((w) => w.replace(/^'+|'+$/g, '')).filter((w) => w !== '');
    const letters = words.reduce((sum, w) => sum + w.length, 0);
    if (words.length < MIN_LATIN_WORDS || letters < MIN_LATIN_LETTERS) return undefined;
    const plain = (w: string): string => (ascii ? w.replace(/'/g, '') : w.normalize('NFKD').replace(/\p{M}/gu, '').replace(/'/g, ''));
    const english = words.filter((w) => englishWords.has(plain(w))).length;
    if (english / words.length > ENGLISH_SHARE) return undefined;

    let marked: string | undefined;
    let markedCount = 0;
    for (const [code, set] of markers) {
      const count = words.filter((w) => set.has(w) || set.has(plain(w))).length;
      if (count > markedCount) {
        marked = code;
        markedCount = count;
      }
    }
    if (marked !== undefined && markedCount >= 2 && markedCount / words.length >= MARKER_SHARE) return marked;

    // Misspelt English ("ive tken an ovrdose") can look like any language to a trigram model: only
    // languages people in the UK commonly write count, and only with a clear score.
    const top = detectAll(text)[0];
    if (top === undefined || !LATIN_CANDIDATES.has(top.lang) || top.accuracy < MIN_TINYLD_ACCURACY) return undefined;
    return top.lang;
  };
}
