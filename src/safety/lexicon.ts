/**
 * Loads a locale's risk lexicon (locales/<locale>/risk-lexicon.json) and compiles it once into
 * regular expressions and lookup tables. Kept apart from the matcher so the data file can be
 * validated (and its errors reported with the rule id) at start-up rather than on a user's message.
 */
import { z } from 'zod';
import { localeFilePath, readOwnLocaleText } from '../content/localeResolver';
import { parseWordList } from '../content/wordList';
import { LOCALES_DIR } from '../projectRoot';
import type { NormaliseTables } from './normalise';
import { WordPrefilter } from './prefilter';
import { staysInSentence } from './sentenceScan';
import { LeadingAssertionRegExp, splitLeadingAssertions } from './leadingAssertions';
import { RISK_CATEGORIES, RISK_SEVERITIES, type RiskCategory, type RiskSeverity } from './types';

export { RISK_CATEGORIES } from './types';

const categorySchema = z.enum(RISK_CATEGORIES);
const patternList = z.array(z.string().min(1)).min(1);

const lexiconSchema = z.object({
  locale: z.string(),
  version: z.number(),
  about: z.array(z.string()),
  priority: z.array(categorySchema).length(RISK_CATEGORIES.length),
  escalators: z.object({ note: z.string(), categories: z.array(categorySchema), patterns: patternList, unless: z.array(z.string().min(1)).default([]) }),
  negation: z.object({ note: z.string(), negators: patternList, fillers: patternList, cancellers: z.array(z.string()).default([]), cancelledAfter: z.array(z.string().min(1)).default([]) }),
  tokens: z.record(z.string(), z.string().regex(/^[a-z0-9 ]*$/, 'token replacements are lower-case words')),
  symbols: z.object({ note: z.string(), map: z.record(z.string().min(1), z.string().regex(/^[a-z ]+$/)) }).default({ note: '', map: {} }),
  fuzzyTargets: z.array(z.object({ word: z.string().regex(/^[a-z]+$/), maxEdits: z.number().int().min(1).max(2) })),
  protectedWords: z.array(z.string()),
  quantityNouns: z.array(z.string()),
  macros: z.record(z.string(), z.string()),
  masks: z.array(z.object({ id: z.string(), note: z.string(), patterns: patternList })),
  /**
   * Past and over in a language whose context words riskContext.ts does not read (English only):
   * a message matching one of `past` and one of `well`, and none of `unless`, is past and over.
   */
  pastOver: z.object({ note: z.string(), past: patternList, well: patternList, unless: patternList }).optional(),
  /**
   * Read every message with this lexicon, whatever language the identifier names (or when it cannot
   * tell): for languages whose risk phrases are never English words (Welsh, Polish). Short Welsh is
   * often taken for Polish or for nothing at all.
   */
  readEveryMessage: z.boolean().optional(),
  /**
   * Words of chat alone ("no i mean now", "sorry i said no"): a message made only of these gets no
   * guess from the backstop, whose model has no content words to weigh in it. The rules still read it.
   */
  chatWords: z.object({ note: z.string(), words: z.array(z.string().regex(/^[a-z]+$/)).min(1) }).optional(),
  rules: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z_]+\.[a-z_]+$/),
        category: categorySchema,
        severity: z.enum(RISK_SEVERITIES),
        note: z.string().min(1),
        patterns: patternList,
        /** the rule is written about someone else (a child's disclosure, a relative threatened) */
        aboutOther: z.boolean().optional(),
        /** the rule hears a request for a line or a number, which a question about the lines only names */
        asksForRoutes: z.boolean().optional(),
      }),
    )
    .min(1),
});

export type LexiconFile = z.infer<typeof lexiconSchema>;

export interface CompiledPattern {
  regex: RegExp;
  /** position in CompiledLexicon.patterns (and in ruleFilter) */
  index: number;
  rule: CompiledRule;
  /** every match stays in one sentence, so a long text may be read sentence by sentence (sentenceScan.ts) */
  local: boolean;
}

export interface CompiledRule {
  id: string;
  category: RiskCategory;
  severity: RiskSeverity;
  aboutOther: boolean;
  asksForRoutes: boolean;
}

export interface CompiledLexicon {
  locale: string;
  tables: NormaliseTables & { fuzzyMaxEdits: ReadonlyMap<string, number>; protectedWords: ReadonlySet<string> };
  /** mask expressions, in file order; joined into one alternation for the masks a text may match */
  maskSources: readonly string[];
  /** which masks a text's words allow */
  maskFilter: WordPrefilter;
  /** per mask, whether its matches stay in one sentence (sentenceScan.ts) */
  maskLocal: readonly boolean[];
  /** per mask, its own expression (flag g): a long text is masked one mask at a time */
  maskRegexes: readonly RegExp[];
  /** lower index = more urgent */
  priority: ReadonlyMap<RiskCategory, number>;
  escalator: RegExp;
  /** past-and-over markers ("years ago", "I left him", "I'm safe now"): no escalation when one matches; null = none */
  deescalator: RegExp | null;
  escalatedCategories: ReadonlySet<RiskCategory>;
  /** see lexiconSchema.readEveryMessage */
  readEveryMessage: boolean;
  /** see lexiconSchema.chatWords; empty = every message may be guessed at */
  chatWords: ReadonlySet<string>;
  /** see lexiconSchema.pastOver; absent for English, whose context is read by riskContext.ts */
  pastOver?: { past: RegExp; well: RegExp; unless: RegExp };
  /** matches when a prefix of text ends in a negator followed only by filler words */
  negatedPrefix: RegExp;
  /** phrases that undo a negation in the same clause ("I'd be lying if I said I haven't") */
  negationCancellers: readonly string[];
  /** right after the words, undoes their negation: "I won't be a burden for much longer" */
  negationCancelledAfter: RegExp;
  /** which rule patterns a text's words allow (see prefilter.ts) */
  ruleFilter: WordPrefilter;
  /** every rule's patterns, in rule order (a rule's patterns are next to each other) */
  patterns: readonly CompiledPattern[];
}

const GAPS: Readonly<Record<string, string>> = {
  '{g}': '(?: [a-z0-9]+){0,3}',
  '{g2}': '(?: [a-z0-9]+){0,2}',
  '{g5}': '(?: [a-z0-9]+){0,5}',
  '{g8}': '(?: [a-z0-9]+){0,8}',
};

function expand(pattern: string, macros: Readonly<Record<string, string>>, where: string): string {
  let out = pattern;
  for (const [gap, src] of Object.entries(GAPS)) out = out.split(gap).join(src);
  out = out.replace(/\{([A-Z_]+)\}/g, (_m, name: string) => {
    const macro = macros[name];
    if (macro === undefined) throw new Error(`risk lexicon: unknown macro {${name}} in ${where}`);
    return macro;
  });
  return out;
}

export function wordBounded(source: string): string {
  return `(?<![a-z0-9])(?:${source})(?![a-z0-9])`;
}

function compile(source: string, where: string, flags: string): RegExp {
  try {
    // Rules and masks (flag g) that open with lookarounds check them only where the rest matches (leadingAssertions.ts).
    return flags.includes('g') && splitLeadingAssertions(source) !== null ? new LeadingAssertionRegExp(source, flags) : new RegExp(source, flags);
  } catch (err) {
    throw new Error(`risk lexicon: bad pattern in ${where}: ${(err as Error).message}`);
  }
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `knownWords`: words spelled as meant, which the normaliser never corrects (see NormaliseTables).
 * The lexicon's own words are always among them.
 */
export function compileLexicon(file: unknown, source: string, knownWords: Iterable<string> = []): CompiledLexicon {
  const parsed = lexiconSchema.safeParse(file);
  if (!parsed.success) throw new Error(`risk lexicon ${source} is invalid: ${parsed.error.message}`);
  const lex = parsed.data;
  if (new Set(lex.priority).size !== RISK_CATEGORIES.length) throw new Error(`risk lexicon ${source}: priority must list every category once`);
  const seen = new Set<string>();
  const patterns: CompiledPattern[] = [];
  const patternSources: string[] = [];
  for (const rule of lex.rules) {
    if (seen.has(rule.id)) throw new Error(`risk lexicon ${source}: duplicate rule id ${rule.id}`);
    seen.add(rule.id);
    const compiled: CompiledRule = { id: rule.id, category: rule.category, severity: rule.severity, aboutOther: rule.aboutOther === true, asksForRoutes: rule.asksForRoutes === true };
    rule.patterns.forEach((p, i) => {
      const src = expand(p, lex.macros, `${rule.id}[${i}]`);
      const regex = compile(wordBounded(src), `${rule.id}[${i}]`, 'g');
      patterns.push({ regex, index: patterns.length, rule: compiled, local: staysInSentence(wordBounded(src)) });
      patternSources.push(src);
    });
  }
  const maskRegexes: RegExp[] = [];
  const maskSources = lex.masks.flatMap((mask) =>
    mask.patterns.map((p, i) => {
      const src = expand(p, lex.macros, `${mask.id}[${i}]`);
      maskRegexes.push(compile(wordBounded(src), `${mask.id}[${i}]`, 'g'));
      return src;
    }),
  );

  // Every word the lexicon mentions: lets the normaliser shrink "pleeease" only to real words.
  const vocabulary = new Set<string>();
  const addWords = (text: string): void => {
    for (const w of text.match(/[a-z]{2,}/g) ?? []) vocabulary.add(w);
  };
  for (const rule of lex.rules) rule.patterns.forEach(addWords);
  for (const mask of lex.masks) mask.patterns.forEach(addWords);
  Object.values(lex.macros).forEach(addWords);
  Object.values(lex.tokens).forEach(addWords);
  Object.values(lex.symbols.map).forEach(addWords);
  lex.escalators.patterns.forEach(addWords);
  lex.escalators.unless.forEach(addWords);
  for (const t of lex.fuzzyTargets) vocabulary.add(t.word);
  for (const w of lex.protectedWords) vocabulary.add(w);

  const fillers = [...lex.negation.fillers].sort((a, b) => b.length - a.length).map(escapeRegex).join('|');
  const negators = [...lex.negation.negators].sort((a, b) => b.length - a.length).map(escapeRegex).join('|');

  return {
    locale: lex.locale,
    tables: {
      tokens: new Map(Object.entries(lex.tokens)),
      symbols: new Map(Object.entries(lex.symbols.map)),
      fuzzyTargets: lex.fuzzyTargets.map((t) => t.word),
      fuzzyMaxEdits: new Map(lex.fuzzyTargets.map((t) => [t.word, t.maxEdits])),
      protectedWords: new Set(lex.protectedWords),
      vocabulary,
      knownWords: new Set([...vocabulary, ...knownWords]),
      quantityNouns: new Set(lex.quantityNouns),
    },
    maskSources,
    maskFilter: new WordPrefilter(maskSources),
    maskLocal: maskSources.map((src) => staysInSentence(wordBounded(src))),
    maskRegexes,
    priority: new Map(lex.priority.map((c, i) => [c, i])),
    escalator: compile(wordBounded(lex.escalators.patterns.map((p) => expand(p, lex.macros, 'escalators')).join('|')), 'escalators', ''),
    deescalator:
      lex.escalators.unless.length === 0
        ? null
        : compile(wordBounded(lex.escalators.unless.map((p) => expand(p, lex.macros, 'escalators.unless')).join('|')), 'escalators.unless', ''),
    escalatedCategories: new Set(lex.escalators.categories),
    readEveryMessage: lex.readEveryMessage === true,
    chatWords: new Set(lex.chatWords?.words ?? []),
    pastOver:
      lex.pastOver === undefined
        ? undefined
        : {
            past: compile(wordBounded(lex.pastOver.past.map((p) => expand(p, lex.macros, 'pastOver.past')).join('|')), 'pastOver.past', ''),
            well: compile(wordBounded(lex.pastOver.well.map((p) => expand(p, lex.macros, 'pastOver.well')).join('|')), 'pastOver.well', ''),
            unless: compile(wordBounded(lex.pastOver.unless.map((p) => expand(p, lex.macros, 'pastOver.unless')).join('|')), 'pastOver.unless', ''),
          },
    negatedPrefix: compile(`(?:^| )(?:${negators})(?: (?:${fillers}))*$`, 'negation', ''),
    negationCancellers: lex.negation.cancellers,
    negationCancelledAfter: compile(`^(?: [a-z]+){0,4} (?:${lex.negation.cancelledAfter.join('|') || '(?!)'})(?= |$)`, 'negation.cancelledAfter', ''),
    ruleFilter: new WordPrefilter(patternSources),
    patterns,
  };
}

// V8 first runs a regular expression in its bytecode interpreter and compiles it to machine code
// later; for some of the large alternations here, short chat messages never triggered that and
// matching stayed ~10x slower (measured: 480 us vs 30 us a message). V8 compiles at once when the
// subject is at least 1,000 characters, so every expression is run once on a long dummy text at
// load. The dummy text contains no risk words, so nothing is matched.
const WARM_UP_TEXT = 'thanks for explaining that . '.repeat(40);

function warmUp(regex: RegExp): void {
  regex.lastIndex = 0;
  regex.exec(WARM_UP_TEXT);
  regex.lastIndex = 0;
}

export function warmUpLexicon(lex: CompiledLexicon): void {
  for (const p of lex.patterns) warmUp(p.regex);
  for (const regex of lex.maskRegexes) warmUp(regex);
  warmUp(lex.escalator);
  if (lex.deescalator) warmUp(lex.deescalator);
  warmUp(lex.negatedPrefix);
}

/**
 * Words spelled as meant, which the normaliser's spelling correction leaves alone: the locale's
 * word list (words.txt, one a line, # for comments) and every word of its own chat corpora (intent
 * utterances and risk training lines), which adds slang and names as people type them.
 */
export function readLocaleWords(locale: string, localesDir: string = LOCALES_DIR): Set<string> {
  // The locale's own list only: another language's words must not count as spelled as meant here.
  const words = parseWordList(readOwnLocaleText(locale, 'words.txt', localesDir) ?? '');
  for (const file of ['utterances.json', 'risk-training.jsonl']) {
    for (const w of readOwnLocaleText(locale, file, localesDir)?.toLowerCase().match(/[a-z]+/g) ?? []) words.add(w);
  }
  return words;
}

export function loadLexicon(locale: string, localesDir: string = LOCALES_DIR): CompiledLexicon {
  // Compiled anew for each detector (not kept): tests build detectors over folders of their own.
  const path = localeFilePath(locale, 'risk-lexicon.json', localesDir);
  const text = readOwnLocaleText(locale, 'risk-lexicon.json', localesDir);
  if (text === undefined) throw new Error(`${path} is missing`);
  const json: unknown = JSON.parse(text);
  const lex = compileLexicon(json, path, readLocaleWords(locale, localesDir));
  warmUpLexicon(lex);
  return lex;
}
