/**
 * Risk detection: the first thing run on every message, before any recogniser. Pure and
 * synchronous; no network, no model. The lexicon for each supported locale is compiled once when
 * this module loads, so a broken lexicon fails start-up instead of a user's message.
 *
 * Steps: normalise the text -> blank out figures of speech and bereavement talk (masks) -> run every
 * rule -> drop matches that are negated ("I'm not suicidal") -> pick the most urgent. Only when no
 * rule fired at all, the statistical backstop (riskBackstop.ts, trained here at load from the
 * locale's risk-training.jsonl on the same prepared text) may still return a "possible" concern.
 */
import { normalise, normaliseToWords } from './normalise';
import { discoverLexiconLocales, loadLexicon, wordBounded, type CompiledLexicon, type CompiledRule } from './lexicon';
import { readLocaleBackstopExamples, trainRiskBackstop, type RiskBackstop } from './riskBackstop';
import type { RiskAssessment, RiskSeverity } from './types';

export type { RiskAssessment, RiskCategory, RiskSeverity } from './types';

const FALLBACK_LOCALE = 'en-GB';
// Pastes longer than this are cut (first 15,000 and last 5,000 characters kept) so one message
// cannot cost more than a few milliseconds; chat messages are far shorter (Teams caps ~28 KB).
const MAX_CHARS = 20000;
const NEGATION_LOOKBACK = 80;

const lexicons = new Map<string, CompiledLexicon>();
for (const locale of discoverLexiconLocales()) lexicons.set(locale.toLowerCase(), loadLexicon(locale));
if (!lexicons.has(FALLBACK_LOCALE.toLowerCase())) {
  throw new Error(`detectRisk: the ${FALLBACK_LOCALE} risk lexicon is missing; refusing to start without risk detection`);
}

/** What rules and backstop see: the normalised text with masked spans turned into sentence breaks. */
interface Prepared {
  text: string;
  words: readonly string[];
  /** a figure of speech or bereavement talk was set aside */
  masked: boolean;
}

const NOTHING: Prepared = { text: '', words: [], masked: false };

function prepare(lex: CompiledLexicon, text: string): Prepared {
  const words = normaliseToWords(clip(text), lex.tables);
  if (words.length === 0) return NOTHING;
  const normalised = words.join(' ');
  const masks = lex.maskFilter.candidates(words);
  if (masks.length === 0) return { text: normalised, words, masked: false };
  // A masked span becomes a sentence break, so no phrase gap can bridge across it.
  const masked = normalised.replace(maskExpression(lex, masks), '.');
  return masked === normalised ? { text: normalised, words, masked: false } : { text: masked, words: masked.split(' '), masked: true };
}

// One alternation of just the masks a text's words allow, cached by which masks they are. Masks
// no word allows cannot match, so this replaces exactly what the alternation of all masks would;
// and one expression of every mask is too big for V8 to compile to machine code (over 20 KB).
const MASK_CACHE_MAX = 2000;
const maskExpressions = new Map<CompiledLexicon, Map<string, RegExp>>();

function maskExpression(lex: CompiledLexicon, masks: readonly number[]): RegExp {
  let cache = maskExpressions.get(lex);
  if (cache === undefined) {
    cache = new Map();
    maskExpressions.set(lex, cache);
  }
  const key = masks.join(',');
  let re = cache.get(key);
  if (re === undefined) {
    if (cache.size >= MASK_CACHE_MAX) cache.clear();
    re = new RegExp(wordBounded(masks.map((i) => lex.maskSources[i]).join('|')), 'g');
    cache.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}

// One backstop a lexicon that has a training file, trained once here (1-2 s), so the first
// user's message does not pay for it and a broken training file fails start-up.
const backstops = new Map<CompiledLexicon, RiskBackstop>();
for (const lex of lexicons.values()) {
  const examples = readLocaleBackstopExamples(lex.locale);
  if (examples.length > 0) backstops.set(lex, trainRiskBackstop(examples.map((e) => ({ ...e, text: prepare(lex, e.text).text }))));
}

export const SUPPORTED_RISK_LOCALES: readonly string[] = Object.freeze([...lexicons.values()].map((l) => l.locale));

/** Exact locale, then any lexicon for the same language, then en-GB. Never "no lexicon". */
function lexiconFor(locale: string | undefined): CompiledLexicon {
  const fallback = lexicons.get(FALLBACK_LOCALE.toLowerCase()) as CompiledLexicon;
  if (locale === undefined || locale === '') return fallback;
  const wanted = locale.toLowerCase().replace('_', '-');
  const exact = lexicons.get(wanted);
  if (exact) return exact;
  const language = wanted.split('-')[0];
  if (language === FALLBACK_LOCALE.split('-')[0].toLowerCase()) return fallback;
  for (const [key, lex] of lexicons) if (key.split('-')[0] === language) return lex;
  return fallback;
}

/** Normalised and masked, exactly as the rules and the backstop see it: for training and tuning scripts. */
export function prepareForRisk(text: string, locale?: string): string {
  return prepare(lexiconFor(locale), text).text;
}

/** The normalised form a lexicon sees, exported for tests and lexicon review. */
export function normaliseForRisk(text: string, locale?: string): string {
  return normalise(clip(text), lexiconFor(locale).tables);
}

function clip(text: string): string {
  if (text.length <= MAX_CHARS) return text;
  return `${text.slice(0, MAX_CHARS - 5000)}\n${text.slice(-5000)}`;
}

function isNegated(lex: CompiledLexicon, text: string, matchStart: number): boolean {
  const before = text.slice(Math.max(0, matchStart - NEGATION_LOOKBACK), matchStart).trimEnd();
  const clauseStart = before.lastIndexOf(' . ');
  const clause = clauseStart >= 0 ? before.slice(clauseStart + 3) : before;
  if (!lex.negatedPrefix.test(clause)) return false;
  for (const c of lex.negationCancellers) if (clause.includes(c)) return false;
  return true;
}

interface Hit {
  rule: CompiledRule;
  negated: boolean;
  severity: RiskSeverity;
}

/** Whether a pattern matches outside a negation, only inside one, or not at all. */
function runPattern(lex: CompiledLexicon, re: RegExp, text: string): 'live' | 'negated' | undefined {
  let negatedSeen = false;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    if (!isNegated(lex, text, m.index)) {
      re.lastIndex = 0;
      return 'live';
    }
    negatedSeen = true;
  }
  re.lastIndex = 0;
  return negatedSeen ? 'negated' : undefined;
}

/** A rule's first non-negated match among the candidates, else a negated one, else nothing. */
function ruleHits(lex: CompiledLexicon, { text, words }: Prepared): Hit[] {
  const candidates = lex.ruleFilter.candidates(words);
  const hits: Hit[] = [];
  let i = 0;
  while (i < candidates.length) {
    const rule = lex.patterns[candidates[i]].rule;
    let found: 'live' | 'negated' | undefined;
    for (; i < candidates.length && lex.patterns[candidates[i]].rule === rule; i += 1) {
      if (found === 'live') continue;
      found = runPattern(lex, lex.patterns[candidates[i]].regex, text) ?? found;
    }
    if (found === 'live') hits.push({ rule, negated: false, severity: rule.severity });
    else if (found === 'negated') hits.push({ rule, negated: true, severity: 'concern' });
  }
  return hits;
}

function moreUrgent(lex: CompiledLexicon, a: Hit, b: Hit): boolean {
  if (a.severity !== b.severity) return a.severity === 'immediate';
  return (lex.priority.get(a.rule.category) ?? 99) < (lex.priority.get(b.rule.category) ?? 99);
}

/**
 * Assess one message. Returns null only when neither the lexicon nor the backstop fired. A message
 * whose only signals are negated still returns an assessment (negated: true, severity concern) so
 * the bot can ask a gentle check-in question instead of passing silently; so does one only the
 * backstop flagged (possible: true).
 */
export function detectRisk(text: string, locale?: string): RiskAssessment | null {
  if (typeof text !== 'string' || text.trim() === '') return null;
  const lex = lexiconFor(locale);
  const prepared = prepare(lex, text);
  if (prepared.text === '') return null;
  return lexiconAssessment(lex, prepared) ?? backstopAssessment(lex, prepared);
}

/** The lexicon alone, without the backstop: for the evaluation's side-by-side figures. */
export function detectRiskLexiconOnly(text: string, locale?: string): RiskAssessment | null {
  if (typeof text !== 'string' || text.trim() === '') return null;
  const lex = lexiconFor(locale);
  const prepared = prepare(lex, text);
  return prepared.text === '' ? null : lexiconAssessment(lex, prepared);
}

/**
 * Once a figure of speech is set aside, a few words may be all that is left ("my legs are killing
 * me" -> "my legs ."): too little for the model to judge, and it read such scraps as self-harm. The
 * lexicon still runs on them; only the backstop waits for a residue of this many words.
 */
const BACKSTOP_MIN_WORDS_AFTER_MASKING = 4;

function backstopAssessment(lex: CompiledLexicon, prepared: Prepared): RiskAssessment | null {
  if (prepared.masked && prepared.words.filter((w) => w !== '.').length < BACKSTOP_MIN_WORDS_AFTER_MASKING) return null;
  const verdict = backstops.get(lex)?.assess(prepared.text) ?? null;
  if (verdict === null) return null;
  return { category: verdict.category, severity: 'concern', matched: [`model:${verdict.category}`], negated: false, possible: true };
}

function lexiconAssessment(lex: CompiledLexicon, prepared: Prepared): RiskAssessment | null {
  const hits = ruleHits(lex, prepared);
  const masked = prepared.text;
  if (hits.length === 0) return null;

  const live = hits.filter((h) => !h.negated);
  if (live.length === 0) {
    let best = hits[0];
    for (const h of hits) if (moreUrgent(lex, h, best)) best = h;
    return { category: best.rule.category, severity: 'concern', matched: hits.map((h) => h.rule.id), negated: true };
  }

  if (lex.escalator.test(masked) && !(lex.deescalator?.test(masked) ?? false)) {
    for (const h of live) if (lex.escalatedCategories.has(h.rule.category)) h.severity = 'immediate';
  }
  let best = live[0];
  for (const h of live) if (moreUrgent(lex, h, best)) best = h;
  return { category: best.rule.category, severity: best.severity, matched: live.map((h) => h.rule.id), negated: false };
}
