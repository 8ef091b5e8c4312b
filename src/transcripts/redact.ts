import { isCardNumber, isNhsNumber } from './checksums';

/**
 * Redaction before anything is stored: pure functions over strings and JSON values, no I/O.
 *
 * What goes: UK phone numbers (mobile, landline, +44/0044), email addresses, full postcodes (any
 * in the UK shape, real or made-up), NHS numbers (mod 11), payment card numbers (Luhn), any other run of
 * nine or more digits (account and reference numbers), full dates and birth dates, and names a person
 * gives ("my name is ...", "call me ...", "I'm Jane").
 * What stays: the numbers and addresses the service itself gives out (crisis lines, the clinic's own
 * contact details, every freephone 0800/0808 and 116 number), ages, years, times, and ranges such as
 * "12-16 sessions".
 */

export interface RedactionOptions {
  /** Numbers the service gives out itself (any spacing): kept wherever they appear. */
  keepNumbers?: readonly string[];
  /** Email addresses the service gives out itself (any case): kept. */
  keepEmails?: readonly string[];
}

export const REDACTED = {
  email: '[email]',
  phone: '[phone]',
  nhs: '[NHS number]',
  card: '[card number]',
  number: '[number]',
  postcode: '[postcode]',
  date: '[date]',
  name: '[name]',
} as const;

export interface Redactor {
  text(value: string): string;
  /**
   * Every string inside a JSON-like value, at any depth (cards, submitted values). With `byKey`
   * (what a person submitted), a field whose name says what it holds ("name", "email", "dob") is
   * removed whatever its value looks like.
   */
  deep<T>(value: T, options?: { byKey?: boolean }): T;
}

export const REDACTED_FIELD = '[redacted]';

/** Field names of personal details in submitted forms: firstName, last_name, email, phone, postcode, dob, nhsNumber... */
const PERSONAL_FIELD = /(^|[^a-z])(first|last|full|sur|given|family|user|nick)?_?name$|e-?mail|phone|mobile|^tel|address|post_?code|zip|dob|birth|nhs/i;

/** The most of any one string that is redacted and kept. */
export const MAX_INPUT = 8_000;

/** Starts only where a local part can start (the look-behind), so a long run without '@' is read once, not once per character. */
const EMAIL = /(?<![A-Za-z0-9._%+'-])[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
/** Day, month and year in any common order and spelling. A full date is treated as a birth date. */
const FULL_DATE = new RegExp(
  [
    `\\b\\d{1,2}[/.\\-]\\d{1,2}[/.\\-](?:\\d{4}|\\d{2})\\b`,
    `\\b(?:19|20)\\d{2}[/.\\-]\\d{1,2}[/.\\-]\\d{1,2}\\b`,
    `\\b${DAY}(?:\\s+of)?\\s+(?:${MONTHS})\\.?,?\\s+(?:\\d{4}|'?\\d{2})\\b`,
    `\\b(?:${MONTHS})\\.?\\s+${DAY},?\\s+(?:\\d{4}|'?\\d{2})\\b`,
  ].join('|'),
  'gi',
);
/** Day and month without a year count only after words about birth. */
const BIRTH_DATE = new RegExp(
  `(\\b(?:born|birthday|b'?day|dob|d\\.o\\.b\\.?|date of birth)\\b[^.!?\\n]{0,24}?)((?:${DAY}(?:\\s+of)?\\s+(?:${MONTHS})\\b\\.?)|(?:(?:${MONTHS})\\.?\\s+${DAY}\\b)|(?:\\b\\d{1,2}[/.\\-]\\d{1,2}\\b))`,
  'gi',
);

/**
 * A run of digits with single separators (space, no-break space, dot, dash) or a bracketed group: "07700 900123",
 * "+44 (0)20 7946 0000", "943-476-5919". Not inside a word, so postcodes and "LS6" are left alone.
 */
const NUMBER_RUN = /(?<![\w@/.\-])(?:\+|\b00)?(?:\(\d+\)|\d)(?:[ \u00a0\u2007\u202f.\-\u2010-\u2015]?(?:\(\d+\)|\d))*(?![\w@])/g;

/** Outward code, optional space, inward code (the shape of every UK postcode). */
const POSTCODE = /\b[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\b/g;

/** Strong cues: whatever follows is a name, in any case. */
const NAME_CUE_STRONG = /\b(?:my name is|my name's|my names|name's|name is|i'm called|im called|i am called|i'm named|i am named|my name)\s+|\bname\s*[:=]\s*/gi;
/** Weak cues: only a capitalised word that follows is taken as a name ("call me Sam", not "call me back"). */
const NAME_CUE_WEAK = /(?:^|[.!?,]\s*|\b)(i'm|i’m|im|i am|it's|it’s|this is|call me|they call me)\s+/gi;

/** Words that end a name after a cue ("my name is Sam and I ..."), and capitalised words after "I'm" that are not names. */
const NOT_NAME = new Set(
  `a an the and but or so if as at by for from in into of on to with without about i i'm im i’m i've ive i'd id me my mine we us
  you your he she they them his her their it its it's this that these those is am are was were be been being not no yes
  just really very so too also still only here there now then today tonight tomorrow back later soon again please asap
  because cos coz since when where who what why how
  which while feeling feel and okay ok fine good well sorry sad scared happy tired worried anxious lonely struggling
  english british welsh scottish irish muslim christian jewish hindu sikh catholic black white asian autistic deaf disabled
  gay lesbian bi trans nhs ipt gp mum dad mom mother father parent carer student nurse doctor teacher`
    .split(/\s+/)
    .filter(Boolean),
);

const NAME_TOKEN = /^[\p{L}][\p{L}'’-]*$/u;
const WORD_AT = /^([\p{L}][\p{L}'’-]*)/u;

function digitsOf(run: string): string {
  return run.replace(/\D/g, '');
}

/** +44 and 0044 become 0, and a "(0)" after them is dropped: the number as dialled in the UK. */
function ukNational(run: string): string {
  const compact = run.replace(/[\s.\-\u2010-\u2015]/g, '');
  const international = /^(?:\+|00)44(?:\(0\))?/.exec(compact);
  if (international) return `0${digitsOf(compact.slice(international[0].length))}`;
  return digitsOf(compact);
}

function classifyNumber(run: string, keep: ReadonlySet<string>): string | undefined {
  const digits = digitsOf(run);
  const national = ukNational(run);
  if (keep.has(national) || keep.has(digits)) return undefined;
  // Freephone and the 116 helplines belong to organisations, never to a person.
  if (/^08(?:00|08)\d{6,7}$/.test(national) || /^116\d{3}$/.test(national)) return undefined;
  const international = /^(?:\+|00)/.test(run.trim());
  if (international && digits.length >= 9) return REDACTED.phone;
  if (isCardNumber(digits)) return REDACTED.card;
  if (isNhsNumber(digits)) return REDACTED.nhs;
  if (/^0\d{9,10}$/.test(national)) return REDACTED.phone;
  if (digits.length >= 9) return REDACTED.number;
  return undefined;
}

function redactNumbers(text: string, keep: ReadonlySet<string>): string {
  return text.replace(NUMBER_RUN, (run) => classifyNumber(run, keep) ?? run);
}

/**
 * Every UK-shaped postcode goes, real or not: a validator (the `postcode` package's format check)
 * would let through a person's mistyped or made-up one ("AB1 2CD"), and the shape is rare in other text.
 */
function redactPostcodes(text: string): string {
  return text.replace(POSTCODE, REDACTED.postcode);
}

/** Up to three name words after a cue, stopping at punctuation, digits or a common word. */
function nameSpan(rest: string, capitalisedOnly: boolean): number {
  let consumed = 0;
  let words = 0;
  let cursor = rest;
  while (words < 3) {
    const match = WORD_AT.exec(cursor);
    if (!match) break;
    const word = match[1];
    if (!NAME_TOKEN.test(word) || NOT_NAME.has(word.toLowerCase())) break;
    const capitalised = word[0] !== word[0].toLowerCase();
    if ((capitalisedOnly || words > 0) && !capitalised) break;
    words += 1;
    consumed += word.length;
    cursor = cursor.slice(word.length);
    const gap = /^ +(?=[\p{L}])/u.exec(cursor);
    if (!gap) break;
    // Only count the gap if another name word follows; otherwise stop before it.
    const next = WORD_AT.exec(cursor.slice(gap[0].length));
    if (!next || NOT_NAME.has(next[1].toLowerCase()) || next[1][0] === next[1][0].toLowerCase()) break;
    consumed += gap[0].length;
    cursor = cursor.slice(gap[0].length);
  }
  return words > 0 ? consumed : 0;
}

function redactNamesAfter(text: string, cue: RegExp, capitalisedOnly: boolean): string {
  let out = '';
  let last = 0;
  cue.lastIndex = 0;
  for (let match = cue.exec(text); match; match = cue.exec(text)) {
    const start = match.index + match[0].length;
    if (start < last) continue;
    const length = nameSpan(text.slice(start), capitalisedOnly);
    if (length > 0) {
      out += text.slice(last, start) + REDACTED.name;
      last = start + length;
      cue.lastIndex = last;
    }
  }
  return out + text.slice(last);
}

/** A message typed in capitals or with every word capitalised says nothing about names. */
function capitalisationIsMeaningful(text: string): boolean {
  // "I" and the first word of a sentence are capitalised anyway.
  const words = (text.match(/(?:^|[.!?]\s*)?[\p{L}'’]+/gu) ?? []).filter((word) => /^[\p{L}]/u.test(word) && word !== 'I' && !/^I['’]/.test(word));
  if (words.length < 3) return true;
  const capitalised = words.filter((word) => word[0] !== word[0].toLowerCase()).length;
  return capitalised / words.length < 0.6;
}

function redactNames(text: string): string {
  const strong = redactNamesAfter(text, NAME_CUE_STRONG, false);
  return capitalisationIsMeaningful(text) ? redactNamesAfter(strong, NAME_CUE_WEAK, true) : strong;
}

function redactDates(text: string): string {
  return text
    .replace(FULL_DATE, REDACTED.date)
    .replace(BIRTH_DATE, (_match, cue: string) => `${cue}${REDACTED.date}`);
}

export function createRedactor(options: RedactionOptions = {}): Redactor {
  const keepNumbers = new Set<string>();
  for (const value of options.keepNumbers ?? []) {
    keepNumbers.add(digitsOf(value));
    keepNumbers.add(ukNational(value));
  }
  const keepEmails = new Set((options.keepEmails ?? []).map((email) => email.trim().toLowerCase()));

  const text = (value: string): string => {
    if (value === '') return value;
    // Longer strings are cut first (a transcript keeps less anyway): the patterns stay fast on any input.
    let out = value.slice(0, MAX_INPUT).replace(EMAIL, (email) => (keepEmails.has(email.toLowerCase()) ? email : REDACTED.email));
    out = redactDates(out);
    out = redactNumbers(out, keepNumbers);
    out = redactPostcodes(out);
    return redactNames(out);
  };

  return redactorOver(text);
}

function redactorOver(text: (value: string) => string): Redactor {
  const deep = <T>(value: T, options: { byKey?: boolean } = {}): T => deepMap(value, text, 0, options.byKey === true) as T;
  return { text, deep };
}

/** Strings longer than this are redacted afresh each time: the bot's own replies are shorter. */
const MAX_CACHED_LENGTH = 2_000;

/**
 * The same redaction, remembering the last `size` results. For the bot's own replies, which repeat
 * (answers, buttons, cards) and would otherwise be redacted again on every turn; never for what a
 * person writes, which is not kept in memory beyond its turn.
 */
export function rememberingRedactor(redactor: Redactor, size = 1_000): Redactor {
  const known = new Map<string, string>();
  return redactorOver((value) => {
    if (value.length > MAX_CACHED_LENGTH) return redactor.text(value);
    let out = known.get(value);
    if (out === undefined) {
      out = redactor.text(value);
      if (known.size >= size) known.delete(known.keys().next().value as string);
      known.set(value, out);
    }
    return out;
  });
}

const MAX_DEPTH = 12;

/** Redacts every string value in plain JSON data; drops anything deeper than MAX_DEPTH. */
function deepMap(value: unknown, map: (text: string) => string, depth: number, byKey: boolean): unknown {
  if (typeof value === 'string') return map(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return undefined;
  if (Array.isArray(value)) return value.map((item) => deepMap(item, map, depth + 1, byKey));
  if (value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (byKey && PERSONAL_FIELD.test(key) && (typeof item === 'string' || typeof item === 'number')) {
      out[key] = REDACTED_FIELD;
      continue;
    }
    const mapped = deepMap(item, map, depth + 1, byKey);
    if (mapped !== undefined) out[key] = mapped;
  }
  return out;
}
