/**
 * Turns a raw chat message into the canonical form the risk lexicon is written against:
 * lower case, plain ASCII letters and digits, single spaces, contractions expanded, text-speak and
 * common misspellings folded, stretched letters ("dieeee") shrunk, and sentence breaks kept as a
 * " . " token so that phrase gaps never reach across two sentences.
 *
 * Pure and allocation-light: it runs on every message before anything else in the bot.
 */
import { segmentWords, SPLITS_PER_MESSAGE } from './segmentWords';
import { dropInvisible, foldConfusables, hasInvisible } from './unicodeFold';

export interface NormaliseTables {
  /** whole-token replacements, e.g. "kms" -> "kill myself" (values may be several words) */
  tokens: ReadonlyMap<string, string>;
  /** emoji read as words before other non-ASCII characters are dropped, e.g. "🆘" -> "sos" */
  symbols: ReadonlyMap<string, string>;
  /** words the fuzzy matcher may correct towards ("sucidal" -> "suicidal") */
  fuzzyTargets: readonly string[];
  /** how many edits each fuzzy target tolerates (1 or 2) */
  fuzzyMaxEdits: ReadonlyMap<string, number>;
  /** real words that sit close to a fuzzy target and must never be corrected ("subside") */
  protectedWords: ReadonlySet<string>;
  /** every word that appears in the lexicon, so stretched letters can be shrunk to a real word */
  vocabulary: ReadonlySet<string>;
  /**
   * Words known to be spelled as meant (an English word list and the locale's own chat corpora):
   * never corrected. Any other word of four letters or more may be corrected to the nearest lexicon
   * word ("lyfe" -> "life", "threttens" -> "threatens"), so misspelt risk is read as risk without a
   * list of every typo.
   */
  knownWords: ReadonlySet<string>;
  /** next words after "2" / "4" that mean it is a number, not "to" / "for" ("2 tablets") */
  quantityNouns: ReadonlySet<string>;
}

/** Words after which a lone 2 or 4 is a number ("year 2", "aged 4"), never "to" or "for". */
const NUMBER_BEFORE: ReadonlySet<string> = new Set(['year', 'yr', 'years', 'aged', 'age', 'ages', 'grade', 'class', 'form', 'level', 'stage', 'number', 'no', 'page', 'chapter', 'module', 'session', 'week', 'day', 'room', 'ward', 'floor']);
const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_RUN = /[^\x00-\x7f]+/g;
const LEFTOVER = /[^a-z0-9. ]/;
const SENTENCE_BREAK = /[.!?;:\n\r\u2026]+/g;
const APOSTROPHES = /[\u2018\u2019\u201b\u2032`\u00b4]/g;
// Overdose shorthands carry an apostrophe ("od'd") that must be read before apostrophes go.
const OD_SHORTHAND = /\bo\.?d(?:'d|'ed|-ed|-d|ed|'ing|ing|s|'s)?\b/g;
// "I odd on my meds": "odd" only means overdosed when what follows is a drug.
const ODD_ON = /\bodd on (?=(?:my |all my |some |the |loads of |a lot of |all |all the |all of my )?(?:meds|pills|tablets|paracetamol|medication|sleeping|insulin|drugs|antidepressants|sertraline|ibuprofen|codeine|heroin|painkillers))/g;
// Each with a substring it cannot match without, so a message skips the ones it cannot contain.
const CONTRACTIONS: ReadonlyArray<[string, RegExp, string]> = [
  ['can', /\bcan'?t\b/g, 'can not'],
  ["won't", /\bwon't\b/g, 'will not'],
  ['shan', /\bshan'?t\b/g, 'shall not'],
  ['ain', /\bain'?t\b/g, 'am not'],
  ["n't", /n't\b/g, ' not'],
  ["'ll", /\b(i|you|we|they|he|she|it|that|there|who|nobody|everyone)'ll\b/g, '$1 will'],
  ["'d", /\b(i|you|we|they|he|she|it|that|who|nobody|everyone)'d\b/g, '$1 would'],
  ["'ve", /\b(i|you|we|they|who|should|would|could|might|must)'ve\b/g, '$1 have'],
  ["'re", /'re\b/g, ' are'],
  ["i'm", /\bi'm\b/g, 'i am'],
  // "he's been saving up his tablets" is "he has been", never "he is been".
  ["'s been", /\b(he|she|it|that|there|who|someone|somebody|everyone|nobody)'s been\b/g, '$1 has been'],
  ["'s", /\b(he|she|it|that|there|what|who|where|here|everything|everyone|nobody|life|tonight|today|tomorrow|someone|somebody|anyone|anybody|something|nothing|this)'s\b/g, '$1 is'],
];
const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '@': 'a', $: 's', '!': 'i' };
const HOUR_BEFORE = new Set(['a', 'an', 'half', 'per']);
const HOUR_AFTER = new Set(['.', 'ago', 'later', 'or', 'and', 'before', 'after', 'away', 'of', 'each', 'long', 'drive', 'walk', 'wait', 'journey', 'commute', 'shift', 'early', 'late', 'then', 'now', 'till', 'until', 'earlier']);
const LEET_BANG = /[a-z0-9]+(?:![a-z0-9]+)+/g;
const HAS_LEET_BANG = /[a-z0-9]![a-z0-9]/;
const MIXED_LEET = /^(?=.*[a-z])(?=.*[0-9@$])[a-z0-9@$]+$/;
const SPELT_HINT = /(?:^|[^a-z0-9])[a-z][ .\-_][a-z][ .\-_]/;
// Letters one space apart, with a wider gap where a word ends ("i w a n t  t o  d i e"): the run is
// joined whole and cut back into words like any text typed without breaks.
const SPELT_SPACED = /(?<![a-z0-9])[a-z](?: {1,3}[a-z]){3,}(?![a-z0-9])/g;
const SPELT_JOINED = /(?<![a-z0-9])[a-z]([.\-_])[a-z](?:\1[a-z])*(?![a-z0-9])/g;
const NUMBER_WITH_UNIT = /^\d+(?:mg|ml|g|kg|x|am|pm|st|nd|rd|th|s|k|mcg|h|hrs|mins?|yrs?|yo)$/;
const STRETCHED = /([a-z])\1{2,}/g;
const DOUBLED = /([a-z])\1/g;
// After these, a bare "ill" is the adjective ("I feel ill"), not "I'll".
const ILL_ADJECTIVE_BEFORE = new Set([
  'am', 'feel', 'feeling', 'felt', 'so', 'very', 'really', 'been', 'is', 'was', 'are', 'were', 'got', 'get',
  'getting', 'mentally', 'physically', 'seriously', 'terminally', 'fell', 'falling', 'look', 'looks', 'quite',
  'bit', 'be', 'too', 'being', 'gets', 'chronically', 'an', 'the', 'and', 'of', 'critically', 'become', 'became',
]);
const REFLEXIVE: Readonly<Record<string, string>> = { my: 'myself', your: 'yourself', him: 'himself', her: 'herself', them: 'themselves', our: 'ourselves' };
const SELF_COMPOUNDS = new Set(['esteem', 'worth', 'confidence', 'image', 'care', 'belief', 'respect', 'harm', 'harming', 'harmed', 'harms', 'injury', 'injuring', 'doubt', 'doubts', 'control', 'awareness', 'help', 'compassion', 'love', 'hatred', 'hate', 'loathing', 'destruct', 'destructive', 'destruction', 'referral', 'refer', 'conscious', 'employed', 'isolating', 'isolation', 'sabotage', 'sabotaging', 'medicating', 'medicate', 'critical', 'criticism', 'blame', 'pity', 'mutilation', 'mutilating']);
// A Map, not an object: looking arbitrary words up in an object with numeric keys is slow in V8.
const SPECIAL_TEXT_SPEAK_NUMBERS: ReadonlyMap<string, string> = new Map([
  ['2', 'to'],
  ['4', 'for'],
]);

/** Damerau-Levenshtein distance, or Infinity once it is certainly above `max`. */
function damerau(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return Infinity;
  // Small strings only (<= 16 chars), so a plain table is cheap.
  const rows: number[][] = [];
  for (let i = 0; i <= la; i++) {
    const row = new Array<number>(lb + 1);
    row[0] = i;
    rows.push(row);
  }
  for (let j = 0; j <= lb; j++) rows[0][j] = j;
  for (let i = 1; i <= la; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= lb; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2][j - 2] + 1);
      rows[i][j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return Infinity;
  }
  return rows[la][lb] <= max ? rows[la][lb] : Infinity;
}

/** The closest fuzzy target within its allowed edits ("suicidel" -> "suicidal", not "suicide"). */
function fuzzyCorrect(token: string, tables: NormaliseTables): string | undefined {
  if (token.length < 5 || token.length > 16 || tables.protectedWords.has(token)) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const target of tables.fuzzyTargets) {
    // Same first letter keeps the search cheap and stops "suited" style near-misses.
    if (target.charCodeAt(0) !== token.charCodeAt(0)) continue;
    const d = damerau(token, target, tables.fuzzyMaxEdits.get(target) ?? 1);
    // On a tie, prefer the target of the same length: "suicidel" is "suicidal" misspelt.
    const sameLengthTie = d === bestDistance && d !== Infinity && target.length === token.length && best?.length !== token.length;
    if (d < bestDistance || sameLengthTie) {
      bestDistance = d;
      best = target;
    }
  }
  return best;
}

// Lexicon words of four letters or more, grouped by first letter: the targets of general correction.
const CORRECTION_TARGETS = new WeakMap<NormaliseTables, Map<number, string[]>>();

function correctionTargets(tables: NormaliseTables, firstLetter: number): readonly string[] {
  let byLetter = CORRECTION_TARGETS.get(tables);
  if (byLetter === undefined) {
    byLetter = new Map();
    for (const word of [...tables.vocabulary].sort()) {
      if (word.length < 4 || !/^[a-z]+$/.test(word)) continue;
      const list = byLetter.get(word.charCodeAt(0)) ?? [];
      list.push(word);
      byLetter.set(word.charCodeAt(0), list);
    }
    CORRECTION_TARGETS.set(tables, byLetter);
  }
  return byLetter.get(firstLetter) ?? [];
}

/** An unknown word's nearest lexicon word: one edit, two from eight letters; same first letter. */
function generalCorrect(token: string, tables: NormaliseTables): string | undefined {
  if (token.length < 4 || token.length > 16 || tables.knownWords.has(token) || tables.protectedWords.has(token)) return undefined;
  // A known word with an "s" is a plural or a possessive whose apostrophe was dropped ("gran's" ->
  // "grans"), not a misspelling ("grabs").
  if (token.endsWith('s') && tables.knownWords.has(token.slice(0, -1))) return undefined;
  // A missed or an extra double letter is the commonest slip ("planing", "cutt", "tookk"): try those first.
  for (let i = 0; i < token.length; i++) {
    const doubled = token.slice(0, i + 1) + token.slice(i);
    if (tables.vocabulary.has(doubled)) return doubled;
    if (i > 0 && token[i] === token[i - 1]) {
      const single = token.slice(0, i) + token.slice(i + 1);
      if (tables.vocabulary.has(single)) return single;
    }
  }
  const maxEdits = token.length >= 8 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const target of correctionTargets(tables, token.charCodeAt(0))) {
    // "cracks" is not a misspelt "crack": words that only add or drop an ending are left alone.
    if (target.startsWith(token) || token.startsWith(target)) continue;
    const d = damerau(token, target, maxEdits);
    // On a tie, a dropped letter ("woud" -> "would") is likelier than a wrong one ("word").
    const droppedLetterTie = d === bestDistance && d !== Infinity && target.length === token.length + 1 && best?.length !== token.length + 1;
    if (d < bestDistance || droppedLetterTie) {
      bestDistance = d;
      best = target;
    }
  }
  return best;
}

// Per-table memo of token fixes: people reuse the same few thousand words, and the fuzzy match is
// the costly part of normalising. Bounded so a flood of unique tokens cannot grow memory.
const FIX_MEMO = new WeakMap<NormaliseTables, Map<string, string>>();
const FIX_MEMO_MAX = 20000;

// General correction costs about 0.1 ms a new word, so a message may spend it on this many words
// not seen before; a long paste of made-up words cannot stall the event loop. Chat messages have a
// handful. Words past the budget are read as typed, and not memoised, so no later message differs.
const NEW_WORD_CORRECTIONS_PER_MESSAGE = 64;
let newWordCorrectionsLeft = NEW_WORD_CORRECTIONS_PER_MESSAGE;

function fixToken(raw: string, tables: NormaliseTables): string {
  let memo = FIX_MEMO.get(tables);
  if (memo === undefined) {
    memo = new Map();
    FIX_MEMO.set(tables, memo);
  }
  const known = memo.get(raw);
  if (known !== undefined) return known;
  if (newWordCorrectionsLeft <= 0) return fixTokenUncached(raw, tables, false);
  newWordCorrectionsLeft -= 1;
  const fixed = fixTokenUncached(raw, tables, true);
  if (memo.size >= FIX_MEMO_MAX) memo.clear();
  memo.set(raw, fixed);
  return fixed;
}

function fixTokenUncached(raw: string, tables: NormaliseTables, correctToLexicon: boolean): string {
  let token = raw;
  if (MIXED_LEET.test(token) && !NUMBER_WITH_UNIT.test(token) && !tables.tokens.has(token)) {
    token = token.replace(/[0-9@$]/g, (ch) => LEET[ch] ?? ch);
  }
  if (tables.tokens.has(token) || tables.vocabulary.has(token)) return token;
  if (STRETCHED.test(token)) {
    STRETCHED.lastIndex = 0;
    const two = token.replace(STRETCHED, '$1$1');
    if (tables.tokens.has(two) || tables.vocabulary.has(two)) return two;
    const one = token.replace(STRETCHED, '$1');
    if (tables.tokens.has(one) || tables.vocabulary.has(one)) return one;
    const allSingle = two.replace(DOUBLED, '$1');
    if (tables.tokens.has(allSingle) || tables.vocabulary.has(allSingle)) return allSingle;
    token = two;
  }
  STRETCHED.lastIndex = 0;
  // Dropped g: "cuttin", "killin".
  if (token.endsWith('in') && tables.vocabulary.has(`${token}g`)) return `${token}g`;
  if (/^[a-z]+$/.test(token)) {
    const corrected = fuzzyCorrect(token, tables) ?? (correctToLexicon ? generalCorrect(token, tables) : undefined);
    if (corrected !== undefined) return corrected;
  }
  return token;
}

// Every contraction is inside one run of characters between spaces and holds one of these.
const CONTRACTION_HINT = /'|cant|shant|aint/g;

/**
 * Each contraction expanded, in CONTRACTIONS order. A match never holds a space and its \b edges
 * read a space as the text's edge, so expanding each run between spaces on its own is the same as
 * expanding the whole text; only runs holding a contraction's letters are read (a 100 KB paste
 * was read eleven times).
 */
function expandContractions(s: string): string {
  let out = '';
  let copied = 0;
  CONTRACTION_HINT.lastIndex = 0;
  for (let m = CONTRACTION_HINT.exec(s); m !== null; m = CONTRACTION_HINT.exec(s)) {
    const start = s.lastIndexOf(' ', m.index) + 1;
    const space = s.indexOf(' ', m.index);
    const end = space < 0 ? s.length : space;
    let run = s.slice(start, end);
    for (const [needle, pattern, replacement] of CONTRACTIONS) if (run.includes(needle)) run = run.replace(pattern, replacement);
    out += s.slice(copied, start) + run;
    copied = end;
    CONTRACTION_HINT.lastIndex = end;
  }
  return out + s.slice(copied);
}

/**
 * The last message's text before it is cut into words, kept for the next reading of the same
 * message: the detector reads every message with the Welsh and Polish lexicons too, whose tables
 * change nothing here, so a 100 KB paste is lowered, folded and spaced once, not three times.
 */
let lastSpaced: { text: string; foreign: boolean; tables: NormaliseTables; usedTables: boolean; readShorthand: boolean; spaced: string } | undefined;

/** Lower case, folded and spaced: the text `normaliseToWords` cuts into words. */
function spacedText(text: string, tables: NormaliseTables, foreign: boolean): string {
  const last = lastSpaced;
  // Tables without emoji words give what tables that went unused gave. Only the overdose shorthand
  // differs for another language: an English reading where it changed nothing is that reading too.
  const sameReading = last !== undefined && (last.foreign === foreign || (!last.foreign && !last.readShorthand));
  if (last !== undefined && sameReading && last.text === text && (last.tables === tables || (!last.usedTables && tables.symbols.size === 0))) return last.spaced;
  // Whether the result depends on these tables (emoji words, look-alike "!" checked against words).
  let usedTables = false;
  let s = text.toLowerCase();
  // Accents and typographic quotes only exist in non-ASCII text; skip the work for plain ASCII.
  if (NON_ASCII.test(s)) {
    if (hasInvisible(s)) s = dropInvisible(s);
    for (const [symbol, word] of tables.symbols) {
      if (!s.includes(symbol)) continue;
      usedTables = true;
      s = s.split(symbol).join(` ${word} `);
    }
    // Only the non-ASCII runs change (decomposing never joins across them), so a long English paste
    // with a few curly quotes costs no more than its quotes.
    s = s.replace(NON_ASCII_RUN, (run) => foldConfusables(run.normalize('NFKD').replace(/\p{M}/gu, ''))).replace(APOSTROPHES, "'");
  }
  // '!' for 'i' inside a word written in look-alikes ("p0!nt", "l!v!ng", "d!e"): a word with a digit
  // or two of them, or one that is a word with an 'i' ("hi!how" is left alone).
  if (s.includes('!') && HAS_LEET_BANG.test(s)) {
    s = s.replace(LEET_BANG, (m) => {
      const read = m.replace(/!/g, 'i');
      if (!/[a-z]/.test(m)) return m;
      if (/[0-9]/.test(m) || m.split('!').length > 2) return read;
      usedTables = true;
      return tables.vocabulary.has(read) || tables.knownWords.has(read) ? read : m;
    });
  }
  // Asterisked self-censoring ("s*icide", "k*ll myself") is read as the plain word.
  if (s.includes('*')) s = s.replace(/\b([a-z]+)\*+([a-z]+)\b/g, (m, a: string, b: string) => (a.length + b.length >= 2 ? `${a}_${b}` : m));
  // A word spelt out letter by letter ("s u i c i d e", "e.n.d.i.n.g i.t", "c-u-t-t-i-n-g") is read
  // as the word. Spaced runs need four letters, so "i a m" or "plan a b" are left alone.
  if (SPELT_HINT.test(s)) s = s.replace(SPELT_SPACED, (m) => m.replace(/ +/g, '')).replace(SPELT_JOINED, (m) => m.replace(/[.\-_]/g, ''));
  const beforeShorthand = s;
  if (!foreign && s.includes('od')) s = s.replace(OD_SHORTHAND, (m) => {
    const bare = m.replace(/[.'-]/g, '');
    if (bare === 'od') return ' overdose ';
    if (bare === 'odd' || bare === 'oded') return m.includes("'") || m.includes('-') || bare === 'oded' ? ' overdosed ' : m;
    if (bare === 'oding') return ' overdosing ';
    if (bare === 'ods') return ' overdoses ';
    return m;
  });
  if (!foreign && s.includes('odd on')) s = s.replace(ODD_ON, 'overdosed on ');
  const readShorthand = s !== beforeShorthand;
  if (s.includes("'")) s = expandContractions(s);
  s = s.replace(/&/g, ' and ').replace(/\+/g, ' and ');
  s = s.replace(SENTENCE_BREAK, ' . ');
  s = s.replace(/'/g, '');
  s = s.replace(/[^a-z0-9@$_. ]+/g, ' ');
  lastSpaced = { text, foreign, tables, usedTables, readShorthand, spaced: s };
  return s;
}

/** The canonical, space-separated form of `text` that lexicon patterns are matched against. */
export function normalise(text: string, tables: NormaliseTables, options: NormaliseOptions = {}): string {
  return normaliseToWords(text, tables, options).join(' ');
}

export interface NormaliseOptions {
  /**
   * The message is in another language: read its words as written. No spelling correction, no
   * overdose shorthand ("od" is Polish for "since"), no one- or two-letter text-speak ("w" is
   * Polish for "in"): only the words themselves and misspelt risk keywords, so English risk words
   * in it are still found.
   */
  foreign?: boolean;
}

/**
 * The same as `normalise`, as its words ([a-z0-9]+ or "."): callers that look words up get the
 * memoised token strings themselves, whose hashes V8 has already worked out.
 */
export function normaliseToWords(text: string, tables: NormaliseTables, options: NormaliseOptions = {}): string[] {
  const foreign = options.foreign === true;
  newWordCorrectionsLeft = NEW_WORD_CORRECTIONS_PER_MESSAGE;
  const s = spacedText(text, tables, foreign);

  // Only these characters survive to here other than [a-z0-9. ]; without them no token needs cleaning.
  const mayLeaveSymbols = /[@$_]/.test(s);
  const raw = s.split(' ');
  // Another language's tables with no risk words to correct towards and no shorthands (Welsh,
  // Polish): every word stays as written, so the lookups below are skipped.
  const asWritten = foreign && tables.fuzzyTargets.length === 0 && tables.tokens.size === 0;
  const out: string[] = [];
  let splitsLeft = SPLITS_PER_MESSAGE;
  for (let i = 0; i < raw.length; i++) {
    let tok = raw[i];
    if (tok === '') continue;
    if (tok === '.') {
      if (out.length > 0 && out[out.length - 1] !== '.') out.push('.');
      continue;
    }
    if (tok.includes('_')) {
      tok = unmask(tok, tables);
    }
    if (asWritten) {
      out.push(tok);
      continue;
    }
    if (foreign) {
      // Only the handful of risk words ("sucide" -> "suicide") are corrected: no other language
      // has a word that close to them, while general correction would rewrite its everyday words.
      const fixed = tables.vocabulary.has(tok) || !/^[a-z]+$/.test(tok) ? tok : (fuzzyCorrect(tok, tables) ?? tok);
      const mapped = fixed.length > 2 ? tables.tokens.get(fixed) : undefined;
      if (mapped === undefined) out.push(fixed);
      else if (mapped !== '') for (const part of mapped.split(' ')) out.push(part);
      continue;
    }
    const special = tok.length === 1 ? SPECIAL_TEXT_SPEAK_NUMBERS.get(tok) : undefined;
    if (special !== undefined) {
      const next = nextWord(raw, i);
      // "in year 2 I ...", "aged 4 when ...": after a word that takes a number, it is the number.
      const before = previousWord(raw, i);
      out.push(next !== undefined && /^[a-z]+$/.test(next) && !tables.quantityNouns.has(next) && (before === undefined || !NUMBER_BEFORE.has(before)) ? special : tok);
      continue;
    }
    // "HR" at work is the department ("an HR adviser"); "hr" is an hour after a number, or after
    // "an" when time follows ("an hr ago", "half an hr later").
    if (tok === 'hr') {
      const prev = previousWord(raw, i) ?? '.';
      const next = nextWord(raw, i) ?? '.';
      out.push(/^[0-9]+$/.test(prev) || (HOUR_BEFORE.has(prev) && HOUR_AFTER.has(next)) ? 'hour' : 'hr');
      continue;
    }
    if (tok === 'ill') {
      const prev = out.length > 0 ? out[out.length - 1] : '.';
      if (!ILL_ADJECTIVE_BEFORE.has(prev)) {
        out.push('i', 'will');
        continue;
      }
    }
    const fixed = fixToken(tok, tables);
    // Words typed with no breaks ("iwanttodie", a spaced-out run joined above) are split back,
    // when the token is no word and no misspelling of one ("samaritins" is Samaritans).
    if (fixed === tok && tok.length >= 9 && splitsLeft > 0 && !tables.knownWords.has(tok) && !tables.tokens.has(tok)) {
      splitsLeft -= 1;
      const words = segmentWords(tok, tables.knownWords);
      if (words !== undefined) {
        for (const word of words) out.push(tables.tokens.get(word) ?? word);
        continue;
      }
    }
    tok = fixed;
    // "kill my self" -> "kill myself", but "my self esteem" and "self harm" stay as they are.
    if ((tok === 'self' || tok === 'selves') && out.length > 0 && REFLEXIVE[out[out.length - 1]] !== undefined) {
      const next = nextWord(raw, i);
      if (next === undefined || !SELF_COMPOUNDS.has(next)) {
        out[out.length - 1] = REFLEXIVE[out[out.length - 1]] as string;
        continue;
      }
    }
    const mapped = tables.tokens.get(tok);
    if (mapped !== undefined) {
      if (mapped !== '') for (const part of mapped.split(' ')) out.push(part);
      continue;
    }
    out.push(tok);
  }
  while (out.length > 0 && out[out.length - 1] === '.') out.pop();
  // Tokens are [a-z0-9]+ or "." and nothing else: the word prefilter (prefilter.ts) relies on it.
  if (!mayLeaveSymbols || !out.some((tok) => LEFTOVER.test(tok))) return out;
  const cleaned = out.join(' ').replace(/[^a-z0-9. ]+/g, ' ').replace(/ {2,}/g, ' ').trim();
  return cleaned === '' ? [] : cleaned.split(' ');
}

// "s*icide", "k*ll": try each vowel for the hidden letter, then a fuzzy match, then drop it.
function unmask(tok: string, tables: NormaliseTables): string {
  for (const v of 'aeiouy') {
    const guess = tok.replace(/_/g, v);
    if (tables.vocabulary.has(guess) || tables.tokens.has(guess)) return guess;
  }
  for (const v of 'iu') {
    const guess = fuzzyCorrect(tok.replace(/_/g, v), tables);
    if (guess !== undefined) return guess;
  }
  return tok.replace(/_/g, '');
}

function previousWord(tokens: string[], i: number): string | undefined {
  for (let j = i - 1; j >= 0; j--) if (tokens[j] !== '') return tokens[j];
  return undefined;
}

function nextWord(tokens: string[], i: number): string | undefined {
  for (let j = i + 1; j < tokens.length; j++) if (tokens[j] !== '') return tokens[j];
  return undefined;
}
