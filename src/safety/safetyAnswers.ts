import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { resolveLocaleFile } from '../content/localeResolver';

/**
 * Reads a person's free-text answer to the two safety questions ("Are you safe right now?" and the
 * check-in question). Pure matching over phrase lists in locales/<lang>/safety-answers.json.
 *
 * Overlapping phrases resolve to the longest ("not safe" over "safe", "not in danger" over
 * "in danger"); mixed answers resolve to the most cautious label, so "yes... no" counts as not safe.
 */

export type SafeNowAnswer = 'safe' | 'notSafe' | 'unsure' | 'unknown';
export type CheckInAnswer = 'yes' | 'no' | 'unsure' | 'unknown';

const DEFAULT_LOCALE = 'en-GB';
const SAFE_NOW_LABELS: readonly SafeNowAnswer[] = ['safe', 'notSafe', 'unsure'];
const CHECK_IN_LABELS: readonly CheckInAnswer[] = ['yes', 'no', 'unsure'];

const questionSchema = z
  .object({ precedence: z.array(z.string()).min(1), negators: z.array(z.string()).optional() })
  .catchall(z.unknown());

const fileSchema = z.object({ safeNow: questionSchema, checkIn: questionSchema });

interface PhraseTable {
  precedence: readonly string[];
  /** label -> phrases as token arrays */
  phrases: ReadonlyMap<string, readonly string[][]>;
  /** words that turn a reassuring answer into a worrying one when no phrase explains them */
  negators: ReadonlySet<string>;
}

interface AnswerTables {
  safeNow: PhraseTable;
  checkIn: PhraseTable;
}

const CONTRACTIONS: ReadonlyArray<[RegExp, string]> = [
  [/\bcan'?t\b/g, 'can not'],
  [/\bwon'?t\b/g, 'will not'],
  [/\bim\b/g, 'i am'],
  [/n't\b/g, ' not'],
  [/\bi'm\b/g, 'i am'],
  [/'s\b/g, ' is'],
  [/'re\b/g, ' are'],
  [/'ve\b/g, ' have'],
  [/'ll\b/g, ' will'],
  [/'d\b/g, ' would'],
];

/** Lower case, contractions expanded, letters and digits only, single spaces. */
export function answerTokens(text: string): string[] {
  let s = text.toLowerCase().replace(/[\u2018\u2019`\u00b4]/g, "'");
  for (const [pattern, replacement] of CONTRACTIONS) s = s.replace(pattern, replacement);
  s = s.replace(/\bisnt\b/g, 'is not').replace(/\bdont\b/g, 'do not').replace(/\bnt\b/g, 'not');
  return s
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(' ')
    .filter((token) => token !== '');
}

function buildTable(raw: z.infer<typeof questionSchema>, labels: readonly string[]): PhraseTable {
  if (raw.precedence.length !== labels.length || !labels.every((label) => raw.precedence.includes(label))) {
    throw new Error(`safety-answers: precedence must list exactly ${labels.join(', ')}`);
  }
  const phrases = new Map<string, string[][]>();
  for (const label of raw.precedence) {
    const list = z.array(z.string().min(1)).parse(raw[label]);
    phrases.set(label, list.map((phrase) => answerTokens(phrase)));
  }
  return { precedence: raw.precedence, phrases, negators: new Set(raw.negators ?? []) };
}

export function parseSafetyAnswers(json: unknown): AnswerTables {
  const file = fileSchema.parse(json);
  return {
    safeNow: buildTable(file.safeNow, SAFE_NOW_LABELS),
    checkIn: buildTable(file.checkIn, CHECK_IN_LABELS),
  };
}

const cache = new Map<string, AnswerTables>();

function tablesFor(locale: string): AnswerTables {
  const { locale: wanted, path } = resolveLocaleFile(locale, 'safety-answers.json');
  let tables = cache.get(wanted);
  if (!tables) {
    tables = parseSafetyAnswers(JSON.parse(readFileSync(path, 'utf8')));
    cache.set(wanted, tables);
  }
  return tables;
}

interface Match {
  label: string;
  start: number;
  end: number;
}

function findMatches(tokens: readonly string[], table: PhraseTable): Match[] {
  const matches: Match[] = [];
  for (const [label, phrases] of table.phrases) {
    for (const phrase of phrases) {
      for (let i = 0; i + phrase.length <= tokens.length; i++) {
        let ok = true;
        for (let j = 0; j < phrase.length; j++) {
          if (tokens[i + j] !== phrase[j]) {
            ok = false;
            break;
          }
        }
        if (ok) matches.push({ label, start: i, end: i + phrase.length });
      }
    }
  }
  // A match inside a longer match of another phrase is not a separate answer.
  return matches.filter(
    (m) => !matches.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start),
  );
}

/** The label for `text`, or 'unknown'. */
export function classifyAnswer(text: string, table: PhraseTable): string {
  const tokens = answerTokens(text);
  const matches = findMatches(tokens, table);
  const found = new Set(matches.map((m) => m.label));
  for (const label of table.precedence) if (found.has(label)) return label;
  return 'unknown';
}

/** True when a negator sits outside every matched phrase ("I do not feel safe"). */
function hasLooseNegator(text: string, table: PhraseTable): boolean {
  if (table.negators.size === 0) return false;
  const tokens = answerTokens(text);
  const matches = findMatches(tokens, table);
  return tokens.some((token, i) => table.negators.has(token) && !matches.some((m) => m.start <= i && i < m.end));
}

/** Reads an answer to "Are you safe right now?". */
export function safeNowAnswer(text: string, locale: string = DEFAULT_LOCALE): SafeNowAnswer {
  const table = tablesFor(locale).safeNow;
  const label = classifyAnswer(text, table) as SafeNowAnswer;
  // Reassurance with an unexplained "not" in it is not reassurance: ask again, cautiously.
  if (label === 'safe' && hasLooseNegator(text, table)) return 'notSafe';
  return label;
}

/** Reads an answer to the gentle check-in question ("...Is that happening for you?"). */
export function checkInAnswer(text: string, locale: string = DEFAULT_LOCALE): CheckInAnswer {
  return classifyAnswer(text, tablesFor(locale).checkIn) as CheckInAnswer;
}
