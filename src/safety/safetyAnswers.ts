import { z } from 'zod';
import { loadLocaleData } from '../content/localeResolver';
import { wordList } from '../content/wordList';
import { hasAnyPhrase, indexOfPhrase } from '../language/phraseMatch';

/**
 * Reads a person's free-text answer to the safety questions ("Are you safe right now?" and the
 * check-in question), conservatively. Pure matching over phrase classes in
 * locales/<lang>/safety-answers.json.
 *
 * Overlapping phrases resolve to the longest ("not safe" over "safe"); mixed answers resolve to the
 * most cautious label, so "yes... no" counts as not safe. Only words that say safety are 'safe'. A
 * bare yes-word or acknowledgement counts only when it is the whole answer, and the dialog decides
 * what it means from the conversation ("ok" after "no" is never safety). Text the reader cannot
 * read is unknown, never stripped down to a letter that happens to match.
 */

/** What the record and the dialogs act on. 'helpComing': 999 has been called, help is on its way or there. */
export type SafeNowAnswer = 'safe' | 'helpComing' | 'notSafe' | 'unsure' | 'unknown';
export type CheckInAnswer = 'yes' | 'no' | 'unsure' | 'unknown';

/** A finer reading of an answer to "are you safe?": 'yes' is a bare yes-word, 'ack' a bare acknowledgement. */
export type SafeNowLabel = SafeNowAnswer | 'yes' | 'ack';

export interface SafeNowReading {
  label: SafeNowLabel;
  /** they do not want to, or cannot, call or talk to anyone ("I can't talk on the phone", "no one would care") */
  reluctant: boolean;
  /** letters outside English, or mostly words that are not English: the label is then always 'unknown' */
  unreadable: boolean;
  /** reluctance aimed at 999, the police or the helplines themselves ("I don't want to ring 999 or any helpline") */
  aimedAtServices?: boolean;
  /** reluctance that names the helplines themselves ("I won't ring Samaritans or any of them"): not offered them by phone again */
  aimedAtHelplines?: boolean;
  /** holding back from helping someone else ("I don't want to get them in trouble", "what if I'm wrong") */
  hesitant?: boolean;
  /** names someone they trust ("theres my sister i guess", "i could text my mate") */
  trusted?: boolean;
  /** whose safety a reassuring answer speaks of, when it says ("I'm safe": self; "she's safe now": other) */
  about?: 'self' | 'other';
  /** reassurance with a "but" and words no phrase explains ("I'm OK, but the thoughts won't go"): read as unsure */
  contrast?: boolean;
  /** a bare "I'm fine" or "I'm OK" and nothing else: after a "no" or "not sure" the dialog takes it as an acknowledgement */
  weak?: boolean;
}

export type SafetyRequest = 'moreRoutes' | 'plan' | 'back';

const DEFAULT_LOCALE = 'en-GB';
const SAFE_NOW_LABELS: readonly SafeNowLabel[] = ['safe', 'helpComing', 'notSafe', 'unsure', 'yes', 'ack'];
const CHECK_IN_LABELS: readonly CheckInAnswer[] = ['yes', 'no', 'unsure'];
/** Labels that count only as the whole answer (safeNow's bare yes-words and acknowledgements). */
const SAFE_NOW_BARE: ReadonlySet<string> = new Set(['yes', 'ack']);
const REQUESTS: readonly SafetyRequest[] = ['moreRoutes', 'plan', 'back'];

/** A phrase, or a class of phrases: every `first` followed by every `then`. */
const phraseSchema = z.union([z.string().min(1), z.object({ first: z.array(z.string().min(1)).min(1), then: z.array(z.string().min(1)).min(1) })]);
const phraseListSchema = z.array(phraseSchema);

const questionSchema = z
  .object({
    precedence: z.array(z.string()).min(1),
    negators: z.array(z.string()).optional(),
    openingNo: z.array(z.string()).optional(),
    whereabouts: z.array(z.string()).optional(),
    fillers: z.array(z.string()).optional(),
    contrast: z.array(z.string()).optional(),
    subjects: z.object({ self: z.array(z.string()), other: z.array(z.string()) }).optional(),
  })
  .catchall(z.unknown());

const fileSchema = z.object({
  readable: z.object({ short: z.array(z.string()) }),
  safeNow: questionSchema,
  reluctance: z.object({ phrases: phraseListSchema, services: phraseListSchema, helplines: phraseListSchema }),
  hesitation: z.object({ phrases: phraseListSchema }),
  neutral: z.object({ phrases: phraseListSchema }),
  trusted: z.object({ phrases: phraseListSchema }),
  requests: z.object({ moreRoutes: phraseListSchema, plan: phraseListSchema, back: phraseListSchema }),
  offer: z.object({ yes: phraseListSchema, no: phraseListSchema }),
  clarify: z.object({ phrases: phraseListSchema }),
  checkIn: questionSchema,
});

interface PhraseTable {
  precedence: readonly string[];
  /** label -> phrases as token arrays */
  phrases: ReadonlyMap<string, readonly string[][]>;
  /** words that turn a reassuring answer into a worrying one when no phrase explains them */
  negators: ReadonlySet<string>;
  /** words that are a whole no on their own ("no", "nah"), as token lists */
  openingNo: string[][];
  /** where someone else is, and with whom ("at her dad's", "with his girlfriend"): makes "no, she's safe" a clear answer */
  whereabouts: string[][];
  /** words that may sit beside a bare yes-word or acknowledgement ("um, ok") */
  fillers: ReadonlySet<string>;
  /** labels that count only when they (with fillers) are the whole answer */
  bare: ReadonlySet<string>;
  /** words that turn reassurance into doubt when words no phrase explains follow them ("but") */
  contrast: readonly string[][];
  /** subject words, for whose safety a reassuring answer speaks of */
  subjects: { self: ReadonlySet<string>; other: ReadonlySet<string> };
}

interface AnswerTables {
  safeNow: PhraseTable;
  checkIn: PhraseTable;
  reluctance: readonly string[][];
  /** what reluctance may be aimed at: 999, the police, the helplines */
  services: readonly string[][];
  /** the helplines themselves ('samaritans', 'any helpline'): a refusal naming them is not offered them again */
  helplines: readonly string[][];
  hesitation: readonly string[][];
  /** a safety word used about something else ("could ipt help her", "is ipt safe"): no answer */
  neutral: readonly string[][];
  trusted: readonly string[][];
  requests: ReadonlyMap<SafetyRequest, readonly string[][]>;
  /** whole answers that take or decline an offer */
  offer: { yes: ReadonlySet<string>; no: ReadonlySet<string> };
  /** whole answers that ask what the question meant ("wat", "what do you mean") */
  clarify: ReadonlySet<string>;
  /** whole answers that reassure only weakly ("i am fine"): safeNow's 'weak' */
  weak: ReadonlySet<string>;
  /** every word the phrases use, plus short English words: what counts as readable besides words.txt */
  vocabulary: ReadonlySet<string>;
}

const CONTRACTIONS: ReadonlyArray<[RegExp, string]> = [
  [/\bcan'?t\b/g, 'can not'],
  [/\bcannot\b/g, 'can not'],
  [/\bwon'?t\b/g, 'will not'],
  [/\bim\b/g, 'i am'],
  [/\blet's\b/g, 'let us'],
  [/n't\b/g, ' not'],
  [/\bi'm\b/g, 'i am'],
  [/'s\b/g, ' is'],
  [/'re\b/g, ' are'],
  [/'ve\b/g, ' have'],
  [/'ll\b/g, ' will'],
  [/'d\b/g, ' would'],
  // Typed without the apostrophe: "ive rung 999", "theyre sending someone", "ill ring them" ("ill"
  // only before a verb of calling: "I'm ill" stays ill).
  [/\bive\b/g, 'i have'],
  [/\btheyre\b/g, 'they are'],
  [/\btheyd\b/g, 'they would'],
  [/\btheyll\b/g, 'they will'],
  [/\bshes\b/g, 'she is'],
  [/\bhes\b/g, 'he is'],
  [/\bill (?=(?:call|ring|phone|text|try)\b)/g, 'i will '],
];

/**
 * Letters of any script, so "chcę" stays one (unreadable) word instead of losing its "ę"; and the
 * end of a sentence, so no phrase reads across it ("I'm safe right now. I'm in the library" is no
 * "right now I am").
 */
const WORD = /[\p{L}\p{M}\p{N}']+|[.!?;\n]+/gu;
const ENGLISH_WORD = /^[a-z0-9']+$/;
/** The token that stands for the end of a sentence: no phrase holds it, and it counts as a filler. */
const BOUNDARY = '.';
const isBoundary = (token: string) => token === BOUNDARY;

/** Lower case, contractions expanded, words of any script, and sentence ends (never first, last or twice). */
export function answerTokens(text: string): string[] {
  let s = text.normalize('NFC').toLowerCase().replace(/[\u2018\u2019`\u00b4]/g, "'");
  for (const [pattern, replacement] of CONTRACTIONS) s = s.replace(pattern, replacement);
  s = s.replace(/\bisnt\b/g, 'is not').replace(/\bdont\b/g, 'do not').replace(/\bwont\b/g, 'will not').replace(/\bcant\b/g, 'can not');
  s = s.replace(/\bnt\b/g, 'not').replace(/\bthats\b/g, 'that is').replace(/\bu\b/g, 'you');
  const tokens: string[] = [];
  for (const raw of s.match(WORD) ?? []) {
    const token = /^[.!?;\n]/.test(raw) ? BOUNDARY : raw.replace(/'/g, '');
    if (token === '' || (isBoundary(token) && (tokens.length === 0 || isBoundary(tokens[tokens.length - 1])))) continue;
    tokens.push(token);
  }
  if (tokens.length > 0 && isBoundary(tokens[tokens.length - 1])) tokens.pop();
  return tokens;
}

/** The words alone, without sentence ends. */
const wordsOnly = (tokens: readonly string[]) => tokens.filter((token) => !isBoundary(token));

function expandPhrases(list: z.infer<typeof phraseListSchema>): string[][] {
  const out: string[][] = [];
  for (const phrase of list) {
    if (typeof phrase === 'string') out.push(answerTokens(phrase));
    else for (const first of phrase.first) for (const then of phrase.then) out.push(answerTokens(`${first} ${then}`));
  }
  return out.filter((tokens) => tokens.length > 0);
}

function buildTable(raw: z.infer<typeof questionSchema>, labels: readonly string[], bare: ReadonlySet<string> = new Set()): PhraseTable {
  if (raw.precedence.length !== labels.length || !labels.every((label) => raw.precedence.includes(label))) {
    throw new Error(`safety-answers: precedence must list exactly ${labels.join(', ')}`);
  }
  const phrases = new Map<string, string[][]>();
  for (const label of raw.precedence) phrases.set(label, expandPhrases(phraseListSchema.parse(raw[label])));
  return {
    precedence: raw.precedence,
    phrases,
    negators: new Set((raw.negators ?? []).flatMap(answerTokens)),
    // Longest first: "no no im fine" opens with "no no", not "no".
    openingNo: (raw.openingNo ?? []).map(answerTokens).filter((tokens) => tokens.length > 0).sort((a, b) => b.length - a.length),
    whereabouts: (raw.whereabouts ?? []).map(answerTokens).filter((tokens) => tokens.length > 0),
    fillers: new Set((raw.fillers ?? []).flatMap(answerTokens)),
    bare,
    contrast: (raw.contrast ?? []).map(answerTokens).filter((tokens) => tokens.length > 0),
    subjects: { self: new Set(raw.subjects?.self.flatMap(answerTokens) ?? []), other: new Set(raw.subjects?.other.flatMap(answerTokens) ?? []) },
  };
}

export function parseSafetyAnswers(json: unknown): AnswerTables {
  const file = fileSchema.parse(json);
  const safeNow = buildTable(file.safeNow, SAFE_NOW_LABELS, SAFE_NOW_BARE);
  const checkIn = buildTable(file.checkIn, CHECK_IN_LABELS);
  const reluctance = expandPhrases(file.reluctance.phrases);
  const services = expandPhrases(file.reluctance.services);
  const helplines = expandPhrases(file.reluctance.helplines);
  const hesitation = expandPhrases(file.hesitation.phrases);
  const neutral = expandPhrases(file.neutral.phrases);
  const trusted = expandPhrases(file.trusted.phrases);
  const requests = new Map<SafetyRequest, string[][]>(REQUESTS.map((request) => [request, expandPhrases(file.requests[request])]));
  const whole = (list: z.infer<typeof phraseListSchema>) => new Set(expandPhrases(list).map((tokens) => tokens.join(' ')));
  const offer = { yes: whole(file.offer.yes), no: whole(file.offer.no) };
  const clarify = whole(file.clarify.phrases);
  const weak = whole(phraseListSchema.parse(file.safeNow.weak ?? []));
  const vocabulary = new Set<string>(file.readable.short);
  const addWords = (lists: Iterable<readonly string[][]>) => {
    for (const list of lists) for (const phrase of list) for (const token of phrase) vocabulary.add(token);
  };
  addWords(safeNow.phrases.values());
  addWords(checkIn.phrases.values());
  addWords([reluctance, services, hesitation, neutral, trusted]);
  addWords(requests.values());
  for (const word of [...safeNow.fillers, ...safeNow.negators, ...safeNow.contrast.flat()]) vocabulary.add(word);
  return { safeNow, checkIn, reluctance, services, helplines, hesitation, neutral, trusted, requests, offer, clarify, weak, vocabulary };
}

function tablesFor(locale: string): AnswerTables {
  return loadLocaleData(locale, 'safety-answers.json', parseSafetyAnswers);
}


/**
 * True when the reader cannot tell what the answer says: any word in letters outside English
 * ("chcę", "dw i'n"), or fewer than half its words English. A name or a typo beside English words
 * is fine ("I'm OK, I'm at Gosia's").
 */
export function isUnreadable(tokens: readonly string[], locale: string = DEFAULT_LOCALE): boolean {
  const all = wordsOnly(tokens);
  if (all.some((token) => !ENGLISH_WORD.test(token))) return true;
  const words = all.filter((token) => !/^\d+$/.test(token));
  if (words.length === 0) return false;
  const { vocabulary } = tablesFor(locale);
  const english = wordList(locale);
  const readable = words.filter((token) => vocabulary.has(token) || english.has(token)).length;
  return readable * 2 < words.length;
}

interface Match {
  label: string;
  start: number;
  end: number;
}

function matchesOf(tokens: readonly string[], label: string, phrases: readonly string[][], out: Match[]): void {
  for (const phrase of phrases) {
    for (let i = indexOfPhrase(tokens, phrase); i >= 0; i = indexOfPhrase(tokens, phrase, i + 1)) out.push({ label, start: i, end: i + phrase.length });
  }
}

const length = (m: Match) => m.end - m.start;
const overlaps = (a: Match, b: Match) => a.start < b.end && b.start < a.end;

function findMatches(tokens: readonly string[], table: PhraseTable, aside: readonly Match[]): Match[] {
  const found: Match[] = [];
  for (const [label, phrases] of table.phrases) matchesOf(tokens, label, phrases, found);
  // Words within a phrase about getting help are no answer: "I'm not calling 999" is neither "I'm
  // not" nor "calling 999".
  const matches = found.filter((m) => !aside.some((a) => overlaps(a, m)));
  // Where phrases overlap, the longer one is what was said: "not going to do anything" is not "I am not".
  const kept = matches.filter((m) => !matches.some((o) => o !== m && overlaps(o, m) && length(o) > length(m)));
  // A bare yes-word or acknowledgement counts only as the whole answer (with fillers): "I am" is a
  // yes, "I am at the station" is not.
  if (table.bare.size === 0) return kept;
  const covered = (i: number) => table.fillers.has(tokens[i]) || isBoundary(tokens[i]) || kept.some((m) => m.start <= i && i < m.end);
  const whole = tokens.every((_token, i) => covered(i));
  return whole ? kept : kept.filter((m) => !table.bare.has(m.label));
}

function classify(tokens: readonly string[], table: PhraseTable, aside: readonly Match[] = []): { label: string; matches: Match[] } {
  const matches = findMatches(tokens, table, aside);
  const found = new Set(matches.map((m) => m.label));
  for (const label of table.precedence) if (found.has(label)) return { label, matches };
  return { label: 'unknown', matches };
}

/** True when a negator sits outside every matched phrase ("I do not feel safe"). */
function hasLooseNegator(tokens: readonly string[], matches: readonly Match[], table: PhraseTable): boolean {
  return tokens.some((token, i) => table.negators.has(token) && !matches.some((m) => m.start <= i && i < m.end));
}


/** Reads an answer to "Are you safe right now?" (or "are they safe?", "is everyone safe?"). */
export function readSafeNow(text: string, locale: string = DEFAULT_LOCALE): SafeNowReading {
  const tokens = answerTokens(text);
  if (isUnreadable(tokens, locale)) return { label: 'unknown', reluctant: false, unreadable: true };
  const tables = tablesFor(locale);
  // A "no" opening an answer that goes on to say safety: "no, I'm not going to do anything" agrees
  // with a denial and is safe; "no im safe" says both, so it is neither (the question is asked again,
  // 999 kept first). Read before the rest, where that "no" would be a loose negator (not safe).
  const no = tables.safeNow.openingNo.find((words) => words.length < tokens.length && words.every((word, i) => tokens[i] === word));
  if (no) {
    const said = tokens.slice(no.length);
    const rest = readTokens(said, tables);
    if (rest.label === 'safe') {
      const denial = said.some((token) => tables.safeNow.negators.has(token));
      // "no, she's safe, she's at her dad's": about someone else, with where they are now, the
      // "no" waves the worry away; it is a clear answer, not a contradiction.
      const placed = rest.about === 'other' && hasAnyPhrase(said, tables.safeNow.whereabouts);
      return denial || placed ? rest : { ...rest, label: 'ack' };
    }
  }
  return readTokens(tokens, tables);
}

function readTokens(tokens: readonly string[], tables: AnswerTables): SafeNowReading {
  const aside: Match[] = [];
  matchesOf(tokens, 'reluctant', tables.reluctance, aside);
  const reluctant = aside.length > 0;
  matchesOf(tokens, 'hesitant', tables.hesitation, aside);
  const extra = {
    aimedAtServices: reluctant && hasAnyPhrase(tokens, tables.services),
    aimedAtHelplines: reluctant && hasAnyPhrase(tokens, tables.helplines), hesitant: aside.some((m) => m.label === 'hesitant'), trusted: hasAnyPhrase(tokens, tables.trusted) };
  // "could ipt help her": "help" here asks about therapy; it says nothing about anyone's safety.
  matchesOf(tokens, 'neutral', tables.neutral, aside);
  const { label, matches } = classify(tokens, tables.safeNow, aside);
  const explained = [...matches, ...aside];
  // Reassurance with an unexplained "not" in it is not reassurance.
  if ((label === 'safe' || label === 'helpComing' || label === 'yes' || label === 'ack') && hasLooseNegator(tokens, explained, tables.safeNow)) {
    return { label: 'notSafe', reluctant, unreadable: false, ...extra };
  }
  // "I'm OK, I'm just tired of it all but": reassurance taken back by what follows a "but".
  if ((label === 'safe' || label === 'yes') && hasLooseContrast(tokens, explained, tables.safeNow)) {
    return { label: 'unsure', reluctant, unreadable: false, ...extra, contrast: true };
  }
  const about = label === 'safe' || label === 'yes' ? subjectOf(tokens, matches, label, tables.safeNow) : undefined;
  const weak = label === 'safe' && isWhole(tokens, tables.weak, tables.safeNow.fillers);
  return { label: label as SafeNowLabel, reluctant, unreadable: false, ...extra, ...(about ? { about } : {}), ...(weak ? { weak } : {}) };
}

/** True when the answer, fillers aside, is one of these whole answers. */
function isWhole(tokens: readonly string[], answers: ReadonlySet<string>, fillers: ReadonlySet<string>): boolean {
  const words = wordsOnly(tokens);
  return answers.has(words.join(' ')) || answers.has(words.filter((token) => !fillers.has(token)).join(' '));
}

/**
 * True when a contrast word ("but", "though") is followed by a word that no matched phrase or
 * filler explains: "safe but thanks" stays safe, "safe but I still have the thoughts" does not.
 */
function hasLooseContrast(tokens: readonly string[], matches: readonly Match[], table: PhraseTable): boolean {
  const found: Match[] = [];
  matchesOf(tokens, 'contrast', table.contrast, found);
  return found.some((c) => {
    if (matches.some((m) => m.start >= c.end)) return !coveredAfter(tokens, c.end, matches, table);
    // What follows read as an answer of its own ("but thanks", "but I'm OK now").
    const rest = tokens.slice(c.end);
    return !coveredAfter(rest, 0, findMatches(rest, table, []), table);
  });
}

/** True when every word from `from` on is a filler or inside a matched phrase. */
function coveredAfter(tokens: readonly string[], from: number, matches: readonly Match[], table: PhraseTable): boolean {
  return tokens.slice(from).every((token, k) => table.fillers.has(token) || isBoundary(token) || matches.some((m) => m.start <= from + k && from + k < m.end));
}

/**
 * Whose safety the first reassuring phrase speaks of: a subject word in it, else the nearest before
 * it ("i am with my mum, i am safe": self; "yes she is": other). Undefined when none says.
 */
function subjectOf(tokens: readonly string[], matches: readonly Match[], label: string, table: PhraseTable): 'self' | 'other' | undefined {
  const first = matches.filter((m) => m.label === label).sort((a, b) => a.start - b.start)[0];
  if (!first) return undefined;
  // The phrase's own words first ("yes she is"), then back towards the start of the answer.
  const order = [...tokens.slice(first.start, first.end).map((_t, k) => first.start + k), ...Array.from({ length: first.start }, (_v, k) => first.start - 1 - k)];
  for (const i of order) {
    if (table.subjects.self.has(tokens[i])) return 'self';
    if (table.subjects.other.has(tokens[i])) return 'other';
  }
  return undefined;
}

/**
 * What the person asked of the safety dialog in their own words, if anything ("other numbers?",
 * "go back"). Nothing when the words carry a negator: "I don't have a plan" asks for nothing.
 */
export function safetyRequest(text: string, locale: string = DEFAULT_LOCALE): SafetyRequest | undefined {
  const tokens = answerTokens(text);
  if (tokens.some((token) => tablesFor(locale).safeNow.negators.has(token))) return undefined;
  for (const [request, phrases] of tablesFor(locale).requests) if (hasAnyPhrase(tokens, phrases)) return request;
  return undefined;
}

/**
 * A whole answer to an offer ("Would you like to make a safety plan? Or we can go back"): 'yes'
 * takes it, 'no' declines it. Fillers aside ("um, yes please"); anything longer is not an answer.
 */
export function offerAnswer(text: string, locale: string = DEFAULT_LOCALE): 'yes' | 'no' | undefined {
  const { offer, safeNow } = tablesFor(locale);
  const tokens = answerTokens(text);
  if (isWhole(tokens, offer.yes, safeNow.fillers)) return 'yes';
  if (isWhole(tokens, offer.no, safeNow.fillers)) return 'no';
  return undefined;
}

/** True when the whole answer asks what the question meant ("wat?", "huh", "what do you mean"): no answer yet. */
export function asksWhatWasMeant(text: string, locale: string = DEFAULT_LOCALE): boolean {
  const { clarify, safeNow } = tablesFor(locale);
  return isWhole(answerTokens(text), clarify, safeNow.fillers);
}

/** Reads an answer to the gentle check-in question ("...Is that happening for you?"). */
export function checkInAnswer(text: string, locale: string = DEFAULT_LOCALE): CheckInAnswer {
  const tokens = answerTokens(text);
  if (isUnreadable(tokens, locale)) return 'unknown';
  const tables = tablesFor(locale);
  const label = classify(tokens, tables.checkIn).label as CheckInAnswer;
  // "No, I wouldn't say I'm safe", "I don't think I'm safe": words of safety with a "not" that no
  // phrase explains say danger, whatever "no" or "I am" sits beside them. As a yes: the hand-off.
  return label !== 'yes' && negatesSafety(tokens, tables, locale) ? 'yes' : label;
}

/** True when the words claim safety ("I am safe") and a loose "not" or "no" takes it back. */
function negatesSafety(tokens: readonly string[], tables: AnswerTables, locale: string): boolean {
  const claims = findMatches(tokens, tables.safeNow, []).some((m) => m.label === 'safe');
  // Read as an answer to "are you safe?": "no, I'm safe" opens with a no and says safety; it stays a no.
  return claims && readSafeNow(tokens.join(' '), locale).label === 'notSafe';
}
