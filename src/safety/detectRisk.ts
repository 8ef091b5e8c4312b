/**
 * Risk detection: the first thing run on every message, before any recogniser. Pure and
 * synchronous once built; no network. `createRiskDetector()` compiles every locale's lexicon and
 * trains the statistical backstop (several seconds; its weights are then cached on disk, keyed by
 * the data: src/ml/weightsCache.ts), so the composition root builds one at start-up (a broken
 * lexicon fails start-up, not a user's message) and injects it; nothing trains at import.
 *
 * Steps for one message: undo hidden characters and look-alike letters -> normalise -> cut long
 * texts into windows of whole sentences (every word is read, at bounded cost) -> blank out figures
 * of speech and bereavement talk (masks) -> run every rule -> drop matches that are negated ("I'm
 * not suicidal") -> pick the most urgent. If nothing fired and the message speaks of someone else,
 * the same again on its words read in the first person ("burning herself" -> "burning myself"),
 * marked as about someone else. Only when no rule fired at all, the backstop (riskBackstop.ts)
 * may still return a "possible" concern. Then who, when and frame are read around the match
 * (riskContext.ts): past-and-over and professional talk are a concern, never immediate.
 *
 * A message in another language (its ISO 639-1 code passed in, or identified here) is read by that
 * language's own risk words where they exist (a word lexicon for cy, pl, es, pt, ro; a phrase list
 * for ar, ur, bn, gu, pa: riskPhrases.ts), and by the English lexicon without spelling correction
 * or English shorthands, so "od" (Polish "since") is never "overdose".
 */
import { pickLocale, localesWith, DEFAULT_LOCALE } from '../content/localeResolver';
import { LOCALES_DIR } from '../projectRoot';
import { languageMarkers } from '../content/languageNotice';
import { createLanguageIdentifier } from '../language/identifyLanguage';
import { isConversationCommand } from '../language/controlWords';
import { normalise, normaliseToWords, type NormaliseOptions } from './normalise';
import { loadLexicon, type CompiledLexicon, type CompiledPattern, type CompiledRule } from './lexicon';
import { WordPrefilter } from './prefilter';
import { readLocaleBackstopExamples, trainRiskBackstopCached, type BackstopVerdict, type RiskBackstop } from './riskBackstop';
import { firstPersonWords, mentionsSomeoneElse, shiftToFirstPerson } from './pronounShift';
import { pastAndOverThroughout, readRiskContext } from './riskContext';
import { guideQuestionSpans, insideSpans } from './guideQuestion';
import { asksAboutSupportLines } from './lineQuestion';
import { signalsIn } from './riskSignals';
import { loadRiskPhrases } from './riskPhrases';
import { dropInvisible, hasInvisible } from './unicodeFold';
import { replaceAlternation, scanSentences, sentenceCandidates, sentenceRanges, type SentenceCandidates, type SentenceRange } from './sentenceScan';
import type { RiskAssessment, RiskCategory, RiskSeverity } from './types';

export type { RiskAssessment, RiskCategory, RiskSeverity } from './types';

export interface RiskDetector {
  /** Locales with a lexicon of their own. */
  readonly locales: readonly string[];
  /**
   * Assess one message. Null only when neither the lexicon nor the backstop fired. Negated-only
   * signals return negated: true; backstop-only ones possible: true. `language`: the ISO 639-1 code
   * of the message's language if the caller has identified it ('en' for English); identified here
   * when left out.
   */
  detect(text: string, locale?: string, language?: string): RiskAssessment | null;
  /** The lexicon alone, without the backstop: for the evaluation's side-by-side figures. */
  detectLexiconOnly(text: string, locale?: string, language?: string): RiskAssessment | null;
  /** Normalised and masked, exactly as rules and backstop see it: for training and tuning scripts. */
  prepare(text: string, locale?: string): string;
  /** The normalised form a lexicon sees: for tests and lexicon review. */
  normalise(text: string, locale?: string): string;
  /**
   * The ISO 639-1 code of a message that is clearly not English; undefined for English, or when
   * too short or mixed to tell (see src/language/identifyLanguage.ts).
   */
  identifyLanguage(text: string): string | undefined;
  /** Lower-level warning signs in an English message, as ids (see riskSignals.ts). */
  signalsIn(text: string): string[];
}

const NEGATION_LOOKBACK = 80;
/** Risks found by reading someone else's words in the first person (see pronounShift.ts). */
const SHIFTABLE: ReadonlySet<RiskCategory> = new Set<RiskCategory>(['suicide', 'self_harm', 'medical']);
/**
 * Long texts are read in windows of whole sentences of about this many words, each window on its
 * own: patterns never cross a sentence break, so nothing is lost, and a rule runs only on windows
 * holding its words. A 100 KB paste costs a few milliseconds, however long, and every word is read.
 */
const WINDOW_WORDS = 400;
/** A "sentence" longer than a window (a paste with no full stops) is cut with this much overlap. */
const WINDOW_OVERLAP = 24;

/** What rules and backstop see: the normalised text with masked spans turned into sentence breaks. */
interface Prepared {
  text: string;
  words: readonly string[];
  /** a figure of speech or bereavement talk was set aside */
  masked: boolean;
  /** the words before masking (the frame of a message may sit in a masked span: "as a Samaritans volunteer") */
  plain: string;
}

interface Reading {
  words: readonly string[];
  windows: readonly Prepared[];
}

interface Hit {
  rule: CompiledRule;
  negated: boolean;
  severity: RiskSeverity;
  /** where the first live (else negated) match starts in the prepared text, and its words */
  at: number;
  span: string;
}

/** Rules to run and the word filter over their patterns (a filter index is an index of `patterns`). */
interface RuleSet {
  filter: WordPrefilter;
  patterns: readonly CompiledPattern[];
}

interface Found {
  hits: Hit[];
  prepared: Prepared;
  aboutOther: boolean;
}

/** Splits normalised words into windows of whole sentences (see WINDOW_WORDS). */
function windows(words: readonly string[]): (readonly string[])[] {
  if (words.length <= WINDOW_WORDS) return [words];
  const out: string[][] = [];
  let current: string[] = [];
  let sentence: string[] = [];
  const flushSentence = (): void => {
    if (current.length + sentence.length > WINDOW_WORDS && current.length > 0) {
      out.push(current);
      current = [];
    }
    if (sentence.length > WINDOW_WORDS) {
      for (let i = 0; i < sentence.length; i += WINDOW_WORDS - WINDOW_OVERLAP) out.push(sentence.slice(i, i + WINDOW_WORDS));
    } else current.push(...sentence, '.');
    sentence = [];
  };
  for (const w of words) {
    if (w === '.') flushSentence();
    else sentence.push(w);
  }
  flushSentence();
  if (current.length > 0) out.push(current);
  return out.map((win) => (win[win.length - 1] === '.' ? win.slice(0, -1) : win)).filter((win) => win.length > 0);
}

/** The sentences of normalised words ('.' separates them). */
function sentencesOf(words: readonly string[]): string[][] {
  const out: string[][] = [[]];
  for (const w of words) {
    if (w === '.') out.push([]);
    else out[out.length - 1].push(w);
  }
  return out.filter((sentence) => sentence.length > 0);
}

function moreUrgentSeverity(a: RiskSeverity, b: RiskSeverity): boolean {
  return a === 'immediate' && b !== 'immediate';
}

export interface RiskDetectorOptions {
  localesDir?: string;
  /**
   * A whole message the conversation reads as one of its own commands ("ok carry on"): the
   * backstop does not guess at it, as a few words of chat are too little text for its model.
   * The lexicon still reads it.
   */
  isConversationCommand?: (locale: string, text: string) => boolean;
  /**
   * Builds a locale's backstop in place of the one trained from its data files (given the
   * lexicon's own preparation, as the backstop must read texts the way it will see them); undefined
   * leaves that locale without one. For scripts that score models trained on part of the data.
   */
  backstopFor?: (locale: string, prepare: (text: string) => string) => RiskBackstop | undefined;
}

export function createRiskDetector(options: RiskDetectorOptions = {}): RiskDetector {
  const localesDir = options.localesDir ?? LOCALES_DIR;
  const lexicons = new Map<string, CompiledLexicon>();
  for (const locale of localesWith('risk-lexicon.json', localesDir)) lexicons.set(locale, loadLexicon(locale, localesDir));
  const english: CompiledLexicon = (() => {
    const lex = lexicons.get(DEFAULT_LOCALE);
    if (lex === undefined) throw new Error(`detectRisk: the ${DEFAULT_LOCALE} risk lexicon is missing; refusing to start without risk detection`);
    return lex;
  })();
  const localeNames = [...lexicons.keys()];
  // A channel's locale says nothing about the language of one message: English text is read by an
  // English lexicon (the locale's own variant if there is one), other languages by their own.
  const englishNames = localeNames.filter((name) => name.toLowerCase().split('-')[0] === 'en');
  const otherLexicons = [...lexicons.values()].filter((lex) => !englishNames.includes(lex.locale));

  /**
   * Masks a long text: the same as replacing the masks' alternation, with each mask read on its
   * own, only in the sentences holding its words when it stays in a sentence (sentenceScan.ts).
   */
  function maskLongText(lex: CompiledLexicon, text: string, ranges: readonly SentenceRange[], { candidates: masks, sentencesOf }: SentenceCandidates): string {
    const alternatives = masks.map((i) => ({ re: lex.maskRegexes[i], sentences: sentencesOf(i) }));
    return replaceAlternation(text, ranges, alternatives, '.');
  }

  /**
   * Masks a short text: the same again, each mask over the whole text. An alternation of the masks
   * its words allow was compiled for each new set of masks, which cost more than the masking
   * (a long paste's backstop masks each of its sentences, nearly each a new set).
   */
  function maskShortText(lex: CompiledLexicon, text: string, masks: readonly number[]): string {
    return replaceAlternation(text, [], masks.map((i) => ({ re: lex.maskRegexes[i], sentences: null })), '.');
  }

  function prepareWords(lex: CompiledLexicon, words: readonly string[]): Prepared {
    if (words.length === 0) return { text: '', words: [], masked: false, plain: '' };
    const normalised = words.join(' ');
    const ranges = sentenceRanges(normalised, words);
    const bySentence = ranges === null ? null : sentenceCandidates(lex.maskFilter, words, ranges, (index) => lex.maskLocal[index]);
    const masks = bySentence?.candidates ?? lex.maskFilter.candidates(words);
    if (masks.length === 0) return { text: normalised, words, masked: false, plain: normalised };
    // A masked span becomes a sentence break, so no phrase gap can bridge across it.
    const masked = ranges === null || bySentence === null ? maskShortText(lex, normalised, masks) : maskLongText(lex, normalised, ranges, bySentence);
    return masked === normalised
      ? { text: normalised, words, masked: false, plain: normalised }
      : { text: masked, words: masked.split(' '), masked: true, plain: normalised };
  }

  function prepare(lex: CompiledLexicon, text: string, options: NormaliseOptions = {}): Prepared {
    return prepareWords(lex, normaliseToWords(text, lex.tables, options));
  }

  // One backstop per lexicon that has a training file, trained once here.
  const backstops = new Map<CompiledLexicon, RiskBackstop>();
  for (const lex of lexicons.values()) {
    if (options.backstopFor !== undefined) {
      const given = options.backstopFor(lex.locale, (text) => prepare(lex, text).text);
      if (given !== undefined) backstops.set(lex, given);
      continue;
    }
    const examples = readLocaleBackstopExamples(lex.locale, localesDir);
    if (examples.length > 0) backstops.set(lex, trainRiskBackstopCached(examples.map((e) => ({ ...e, text: prepare(lex, e.text).text }))));
  }

  // Per lexicon, which rules words allow: all of them, and those the first-person reading runs.
  const gates = new Map<CompiledLexicon, { all: RuleGate; shiftable: RuleGate }>();
  for (const lex of lexicons.values()) {
    gates.set(lex, {
      all: ruleGate(lex.patterns.map((p) => p.regex.source)),
      shiftable: ruleGate(lex.patterns.filter((p) => SHIFTABLE.has(p.rule.category)).map((p) => p.regex.source)),
    });
  }
  const gatesOf = (lex: CompiledLexicon): { all: RuleGate; shiftable: RuleGate } => gates.get(lex) as { all: RuleGate; shiftable: RuleGate };

  // The rules the first-person reading runs, with a word filter of their own: that reading of a
  // long paste walked every rule's words in each window only to drop most of what it found.
  const allRules = (lex: CompiledLexicon): RuleSet => ({ filter: lex.ruleFilter, patterns: lex.patterns });
  const shiftable = new Map<CompiledLexicon, RuleSet>();
  for (const lex of lexicons.values()) {
    const patterns = lex.patterns.filter((p) => SHIFTABLE.has(p.rule.category));
    shiftable.set(lex, { filter: new WordPrefilter(patterns.map((p) => p.regex.source)), patterns });
  }
  const shiftableRules = (lex: CompiledLexicon): RuleSet => shiftable.get(lex) as RuleSet;

  const phrases = loadRiskPhrases(localesDir);
  const identify = createLanguageIdentifier({ englishWords: english.tables.knownWords, markers: languageMarkers(localesDir) });

  function lexiconFor(locale: string | undefined): CompiledLexicon {
    return lexicons.get(pickLocale(locale, englishNames, DEFAULT_LOCALE)) ?? english;
  }

  function isNegated(lex: CompiledLexicon, text: string, matchStart: number, matchEnd: number = matchStart): boolean {
    if (lex.negationCancelledAfter.test(text.slice(matchEnd, matchEnd + NEGATION_LOOKBACK))) return false;
    const before = text.slice(Math.max(0, matchStart - NEGATION_LOOKBACK), matchStart).trimEnd();
    const clauseStart = before.lastIndexOf(' . ');
    const clause = clauseStart >= 0 ? before.slice(clauseStart + 3) : before;
    if (!lex.negatedPrefix.test(clause)) return false;
    for (const c of lex.negationCancellers) if (clause.includes(c)) return false;
    return true;
  }

  /** A pattern's first match outside a negation, else its first negated match, else null. */
  function runPattern(lex: CompiledLexicon, re: RegExp, text: string): { live: boolean; at: number; span: string } | null {
    let negated: { live: boolean; at: number; span: string } | null = null;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++;
      if (!isNegated(lex, text, m.index, m.index + m[0].length)) {
        re.lastIndex = 0;
        return { live: true, at: m.index, span: m[0] };
      }
      negated ??= { live: false, at: m.index, span: m[0] };
    }
    re.lastIndex = 0;
    return negated;
  }

  /** As runPattern, reading only the sentences listed (see sentenceScan.ts). */
  function runPatternInSentences(lex: CompiledLexicon, re: RegExp, text: string, ranges: readonly SentenceRange[], sentences: readonly number[]): { live: boolean; at: number; span: string } | null {
    let first: { live: boolean; at: number; span: string } | null = null;
    scanSentences(re, text, ranges, sentences, ({ at, match }) => {
      const live = !isNegated(lex, text, at, at + match.length);
      if (live || first === null) first = { live, at, span: match };
      return live;
    });
    return first;
  }

  /** `rules`: the lexicon's rules to run (all of them unless given), in the lexicon's order. */
  function ruleHits(lex: CompiledLexicon, { text, words }: Prepared, rules: RuleSet = allRules(lex)): Hit[] {
    // A long text: a rule that stays in a sentence reads only the sentences holding its words.
    const { filter, patterns } = rules;
    const ranges = sentenceRanges(text, words);
    const bySentence = ranges === null ? null : sentenceCandidates(filter, words, ranges, (index) => patterns[index].local);
    const candidates = bySentence?.candidates ?? filter.candidates(words);
    const sentencesOf = bySentence?.sentencesOf ?? null;
    const hits: Hit[] = [];
    let i = 0;
    while (i < candidates.length) {
      const rule = patterns[candidates[i]].rule;
      let found: { live: boolean; at: number; span: string } | null = null;
      for (; i < candidates.length && patterns[candidates[i]].rule === rule; i += 1) {
        if (found?.live) continue;
        const pattern = patterns[candidates[i]];
        const sentences = sentencesOf?.(candidates[i]) ?? null;
        const result = ranges === null || sentences === null ? runPattern(lex, pattern.regex, text) : runPatternInSentences(lex, pattern.regex, text, ranges, sentences);
        if (result !== null && (found === null || result.live)) found = result;
      }
      if (found !== null) hits.push({ rule, negated: !found.live, severity: found.live ? rule.severity : 'concern', at: found.at, span: found.span });
    }
    if (hits.some((h) => !h.negated) && lex.escalator.test(text) && !(lex.deescalator?.test(text) ?? false)) {
      for (const h of hits) if (!h.negated && lex.escalatedCategories.has(h.rule.category)) h.severity = 'immediate';
    }
    return hits;
  }

  function moreUrgent(lex: CompiledLexicon, a: Hit, b: Hit): boolean {
    if (a.negated !== b.negated) return !a.negated;
    if (a.severity !== b.severity) return moreUrgentSeverity(a.severity, b.severity);
    return (lex.priority.get(a.rule.category) ?? 99) < (lex.priority.get(b.rule.category) ?? 99);
  }

  /** A text's normalised words and its windows, masked: read once, for the rules and then the backstop. */
  function readText(lex: CompiledLexicon, text: string, options: NormaliseOptions): Reading {
    return readWords(lex, normaliseToWords(text, lex.tables, options));
  }

  function readWords(lex: CompiledLexicon, words: readonly string[]): Reading {
    return { words, windows: windows(words).map((part) => prepareWords(lex, part)) };
  }

  /**
   * Whether any rule of the lexicon may match these words, read as they are or in the first person.
   * A rule needs its words (prefilter.ts); a window, masked or not, holds only the text's words and
   * sentence breaks, and its first-person reading only those and firstPersonWords. So when this is
   * false the lexicon finds nothing in the text, and its windows need not be cut or masked: every
   * English message was masked and read by the Welsh and Polish lexicons too, for nothing.
   */
  function mayFire(lex: CompiledLexicon, words: readonly string[]): boolean {
    // Each word once: a long paste says the same few thousand words over and over.
    const distinct = [...new Set(words)];
    return mayMatch(gatesOf(lex).all, [...distinct, '.', ...firstPersonWords(distinct, lex.tables.vocabulary)]);
  }

  /** Every window's hits; then, if none, the windows that speak of someone else, read in the first person. */
  function lexiconFinds(lex: CompiledLexicon, { windows: parts }: Reading): Found[] {
    const found: Found[] = [];
    for (const prepared of parts) {
      const hits = ruleHits(lex, prepared);
      if (hits.length > 0) found.push({ hits, prepared, aboutOther: false });
    }
    if (found.some((f) => f.hits.some((h) => !h.negated))) return found;
    // Figures of speech and bereavement talk are set aside before the shift ("my dad killed
    // himself" must not become "killed myself"); only risk a person can carry for themselves counts.
    for (const masked of parts) {
      if (!mentionsSomeoneElse(masked.words)) continue;
      const shifted = shiftToFirstPerson(masked.words, lex.tables.vocabulary);
      // No rule of risk a person can carry may match these words (masking only removes words), so
      // there is nothing to mask and read: most windows of a long paste about other people.
      if (!mayMatch(gatesOf(lex).shiftable, [...shifted, '.'])) continue;
      // The writer's own words (for the frame) are the ones before the shift.
      const prepared = { ...prepareWords(lex, shifted), plain: masked.plain };
      // Only risk a person can carry counts here: other rules are not run. (Escalation needs a live
      // hit, and only a live shiftable hit is kept, so leaving the others out changes nothing.)
      const hits = ruleHits(lex, prepared, shiftableRules(lex)).filter((h) => !h.negated);
      if (hits.length > 0) found.push({ hits, prepared, aboutOther: true });
    }
    return found;
  }

  /** Every live match of a live hit's rule, in each window: stops when `visit` returns true. */
  function someLiveMatch(lex: CompiledLexicon, found: readonly Found[], visit: (f: Found, rule: CompiledRule, at: number, span: string, hit: Hit) => boolean): boolean {
    for (const f of found) {
      const { text } = f.prepared;
      for (const h of f.hits) {
        if (h.negated) continue;
        for (const { rule, regex } of lex.patterns) {
          if (rule !== h.rule) continue;
          regex.lastIndex = 0;
          for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
            if (m[0].length === 0) regex.lastIndex++;
            if (isNegated(lex, text, m.index, m.index + m[0].length)) continue;
            if (visit(f, rule, m.index, m[0], h)) {
              regex.lastIndex = 0;
              return true;
            }
          }
          regex.lastIndex = 0;
        }
      }
    }
    return false;
  }

  /** Whether any live match of a live rule, other than `chosen`, reads as current. Only run for a past reading. */
  function currentElsewhere(lex: CompiledLexicon, found: readonly Found[], chosen: Hit): boolean {
    return someLiveMatch(lex, found, (f, rule, at, span, h) => {
      if (h === chosen && at === chosen.at) return false;
      return readRiskContext(rule.category, f.prepared.text, at, span, f.aboutOther || rule.aboutOther, f.prepared.plain).when === 'current';
    });
  }

  /**
   * Every live match is asked about, not said of oneself: it sits inside the "if someone says ..." of
   * a question about the guide itself (guideQuestion.ts), or names a line in a message that only asks
   * what the support lines are (lineQuestion.ts). A body in danger is never only a question about the
   * guide (999 now).
   */
  function onlyAskedAbout(lex: CompiledLexicon, found: readonly Found[]): boolean {
    const asked = new Map(found.map((f) => [f, { spans: guideQuestionSpans(f.prepared.text), aboutLines: asksAboutSupportLines(f.prepared.text) }]));
    if (![...asked.values()].some(({ spans, aboutLines }) => spans.length > 0 || aboutLines)) return false;
    return !someLiveMatch(lex, found, (f, rule, at) => {
      const { spans, aboutLines } = asked.get(f) ?? { spans: [], aboutLines: false };
      const inGuideQuestion = rule.category !== 'medical' && insideSpans(spans, at);
      return !inGuideQuestion && !(aboutLines && rule.asksForRoutes);
    });
  }

  function assessmentOf(lex: CompiledLexicon, found: readonly Found[]): RiskAssessment | null {
    let best: { hit: Hit; from: Found } | null = null;
    for (const f of found) for (const hit of f.hits) if (best === null || moreUrgent(lex, hit, best.hit)) best = { hit, from: f };
    if (best === null) return null;
    const { hit, from } = best;
    const context = readRiskContext(hit.rule.category, from.prepared.text, hit.at, hit.span, from.aboutOther || hit.rule.aboutOther, from.prepared.plain);
    // Past and over is said of one passage: risk words elsewhere that read as now ("... and last
    // night I cut again") make the message current.
    if (context.when === 'past' && currentElsewhere(lex, found, hit)) context.when = 'current';
    // Another language's own words for "years ago ... I'm well now" (riskContext.ts reads English only).
    const over = lex.pastOver;
    if (over !== undefined && over.past.test(from.prepared.plain) && over.well.test(from.prepared.plain) && !over.unless.test(from.prepared.plain)) context.when = 'past';
    if (context.frame === 'personal' && !hit.negated && onlyAskedAbout(lex, found)) context.frame = 'professional';
    const live = found.flatMap((f) => f.hits.filter((h) => !h.negated));
    const matched = [...new Set((live.length > 0 ? live : found.flatMap((f) => f.hits)).map((h) => h.rule.id))];
    // Past and over, or work and study talk: a concern to acknowledge, never the full hand-off.
    const calm = context.when === 'past' || context.frame === 'professional';
    return {
      category: hit.rule.category,
      severity: hit.negated || calm ? 'concern' : hit.severity,
      matched,
      negated: hit.negated,
      ...context,
    };
  }

  /**
   * Once a figure of speech is set aside, a few words may be all that is left ("my legs are
   * killing me" -> "my legs .", "i could kill for a pizza rn" -> "i could . right now"): too little
   * for the model to judge. Only the backstop waits for a residue of this many words.
   */
  const BACKSTOP_MIN_WORDS_AFTER_MASKING = 5;
  /** A sentence alone gives the model fewer words to weigh, so it must be surer than for a message. */
  const SENTENCE_PROBABILITY = 0.8;
  function sentenceVerdict(backstop: RiskBackstop, prepared: string): BackstopVerdict | null {
    const verdict = backstop.score(prepared);
    return verdict.riskProbability >= SENTENCE_PROBABILITY ? verdict : null;
  }
  /** Where, in a prepared text, the sentence starts that the model gives the highest risk. */
  function riskiestSentenceAt(backstop: RiskBackstop, text: string): number {
    let best = { at: 0, p: -1 };
    for (let start = 0; start < text.length; ) {
      const end = text.indexOf(' . ', start);
      const stop = end < 0 ? text.length : end;
      const p = backstop.score(text.slice(start, stop)).riskProbability;
      if (p > best.p) best = { at: start, p };
      start = stop + 3;
    }
    return best.at;
  }
  /** The sentence starting at `at` holds part of a question about how the guide handles risk. */
  function inGuideQuestion(text: string, at: number): boolean {
    const stop = text.indexOf(' . ', at);
    const end = stop < 0 ? text.length : stop;
    return guideQuestionSpans(text).some(([from, to]) => from < end && to > at);
  }
  /**
   * A reply made only of words of chat ("no i mean now") has nothing in it for the model to weigh:
   * its letters alone (the model reads character n-grams) would make the guess. Risk said in such
   * words is the rules' to hear; a follow-up to a risk already heard is the conversation's.
   */
  function onlyChatWords(lex: CompiledLexicon, words: readonly string[]): boolean {
    if (lex.chatWords.size === 0) return false;
    const said = words.filter((w) => w !== '.');
    return said.length > 0 && said.every((w) => lex.chatWords.has(w));
  }
  /** A sentence read alone by the model needs enough words to judge ("Wait." is not one). */
  const BACKSTOP_MIN_SENTENCE_WORDS = 5;

  /**
   * The model reads each window whole, as it was trained (on whole messages), then each sentence of
   * a longer message alone: one sentence of risk inside a paragraph about work or IPT is otherwise
   * outvoted by the words around it, and a role named in another sentence ("I'm a store manager")
   * would make the whole message read as work talk.
   */
  function backstopAssessment(lex: CompiledLexicon, { words, windows: parts }: Reading): RiskAssessment | null {
    const backstop = backstops.get(lex);
    if (backstop === undefined) return null;
    if (onlyChatWords(lex, words)) return null;
    const judge = (prepared: Prepared, whole: boolean): RiskAssessment | null => {
      if (prepared.text === '') return null;
      if (prepared.masked && prepared.words.filter((w) => w !== '.').length < BACKSTOP_MIN_WORDS_AFTER_MASKING) return null;
      const verdict = whole ? backstop.assess(prepared.text) : sentenceVerdict(backstop, prepared.text);
      if (verdict === null) return null;
      // Who and when are read around the sentence the model finds riskiest, as for a rule's match.
      const at = whole ? riskiestSentenceAt(backstop, prepared.text) : 0;
      const context = readRiskContext(verdict.category, prepared.text, at, '', false, prepared.plain);
      // A model's guess about past or professional talk, or about a question on how the guide handles
      // risk ("if i tell you something bad will you tell my parents"), is not worth a question.
      if (context.when === 'past' || context.frame === 'professional' || inGuideQuestion(prepared.text, at)) return null;
      return { category: verdict.category, severity: 'concern', matched: [`model:${verdict.category}`], negated: false, possible: true, ...context };
    };
    for (const prepared of parts) {
      const found = judge(prepared, true);
      if (found !== null) return found;
    }
    const sentences = sentencesOf(words);
    if (sentences.length < 2) return null;
    // A sentence judged alone loses the message around it: "I don't do it now" said after "I used to
    // hurt myself at school" is not a new worry when the whole message is past and over.
    if (parts.length === 1 && pastAndOverThroughout(parts[0].text)) return null;
    // A sentence said twice is judged once: a long paste may repeat the same lines many times.
    const judged = new Set<string>();
    for (const sentence of sentences) {
      if (sentence.length < BACKSTOP_MIN_SENTENCE_WORDS) continue;
      const key = sentence.join(' ');
      if (judged.has(key)) continue;
      judged.add(key);
      const found = judge(prepareWords(lex, sentence), false);
      if (found !== null) return found;
    }
    return null;
  }

  /** The readings of a message: as sent, and, if it hides characters, with them removed and as spaces. */
  function readings(text: string): string[] {
    if (!hasInvisible(text)) return [text];
    return [dropInvisible(text, ''), dropInvisible(text, ' ')];
  }

  function assess(text: string, locale: string | undefined, language: string | undefined, withBackstop: boolean): RiskAssessment | null {
    if (typeof text !== 'string' || text.trim() === '') return null;
    const foreign = language !== undefined && language !== '' && language.toLowerCase() !== 'en';
    const passes: Array<{ lex: CompiledLexicon; options: NormaliseOptions }> = [];
    const ownLexicon = (code: string | undefined): CompiledLexicon | undefined => {
      const own = code ? lexicons.get(pickLocale(code, localeNames, '')) : undefined;
      return own !== undefined && !englishNames.includes(own.locale) ? own : undefined;
    };
    if (foreign) {
      const own = ownLexicon(language);
      if (own !== undefined) passes.push({ lex: own, options: {} });
      passes.push({ lex: english, options: { foreign: true } });
    } else {
      passes.push({ lex: lexiconFor(locale), options: {} });
      // A message too short to identify ("pomocy") from someone whose channel is set to a language
      // with risk phrases of its own is read by those too.
      const hinted = ownLexicon(locale);
      if (hinted !== undefined) passes.push({ lex: hinted, options: {} });
    }
    // A message in another language is read by every other language's own words too, whatever the
    // identifier named: short Welsh is often taken for Polish. Every message, even one read as
    // English, by the lexicons marked readEveryMessage (a short message may be too short to name).
    // Not the others: some of their words are English ones.
    for (const lex of otherLexicons) {
      if ((foreign || lex.readEveryMessage) && !passes.some((p) => p.lex === lex)) passes.push({ lex, options: { foreign: true } });
    }

    let best: RiskAssessment | null = foreign ? (phrases.get(language.toLowerCase().split('-')[0])?.(dropInvisible(text)) ?? null) : null;
    const texts = readings(text);
    const backstopLexicon = lexiconFor(locale);
    // The backstop reads the message as sent, as the first English pass did: that reading is kept.
    let backstopReading: Reading | undefined;
    for (const [r, reading] of texts.entries()) {
      for (const { lex, options } of passes) {
        // Nothing ranks above a live immediate finding (ranksAbove), so the other readings could not
        // change the result: a 100 KB paste with risk was read three more times for nothing.
        if (best !== null && !best.negated && best.severity === 'immediate') break;
        const forBackstop = r === 0 && lex === backstopLexicon && options.foreign !== true;
        const words = normaliseToWords(reading, lex.tables, options);
        // Only for a long text: a chat message's one window is read about as fast as it is gated.
        if (!forBackstop && words.length > WINDOW_WORDS && !mayFire(lex, words)) continue;
        const read = readWords(lex, words);
        if (forBackstop) backstopReading = read;
        const found = assessmentOf(lex, lexiconFinds(lex, read));
        if (found !== null && (best === null || ranksAbove(found, best))) best = found;
      }
    }
    // The English pass reads another language's message without that language's words for "years
    // ago ... I'm well now": the message's own lexicon says so for every finding, not only its own.
    if (best !== null && foreign && !best.negated && best.when !== 'past' && saysPastOver(ownLexicon(language), text)) best = { ...best, when: 'past', severity: 'concern' };
    // "I'm not in any danger, I just need someone to talk to": a danger word said only to deny it
    // is the person telling us they are safe, not a veiled risk; nothing to check in about.
    if (best !== null && best.negated && best.category === 'danger') return null;
    if (best !== null && saysSafeWithConcern(best, () => normalise(dropInvisible(text), english.tables))) return { ...best, saidSafe: true };
    if (best !== null || !withBackstop || foreign) return best;
    if (options.isConversationCommand?.(locale ?? DEFAULT_LOCALE, text) === true) return null;
    return backstopAssessment(backstopLexicon, backstopReading ?? readText(backstopLexicon, texts[0], {}));
  }

  return {
    locales: Object.freeze(localeNames.slice()),
    identifyLanguage: identify,
    signalsIn: (text) => signalsIn(normalise(dropInvisible(text), english.tables)),
    detect: (text, locale, language) => assess(text, locale, language ?? identify(text), true),
    detectLexiconOnly: (text, locale, language) => assess(text, locale, language ?? identify(text), false),
    prepare: (text, locale) => prepare(lexiconFor(locale), text).text,
    normalise: (text, locale) => normalise(text, lexiconFor(locale).tables),
  };
}

/** Which of a list of rule patterns a text's words allow (prefilter.ts), and the word starts of those it always runs. */
export interface RuleGate {
  filter: WordPrefilter;
  /** per pattern the filter always runs, the start of the first word of its every match, if known */
  prefixes: ReadonlyMap<number, string>;
}

export function ruleGate(sources: readonly string[]): RuleGate {
  const filter = new WordPrefilter(sources);
  const prefixes = new Map<number, string>();
  for (const index of filter.candidates([])) {
    const prefix = wordPrefixOf(sources[index]);
    if (prefix !== undefined) prefixes.set(index, prefix);
  }
  return { filter, prefixes };
}

/**
 * Whether any of the gate's patterns may match a text made of these words (in any order, each as
 * often as wanted): false only when none can.
 */
export function mayMatch(gate: RuleGate, words: readonly string[]): boolean {
  for (const index of gate.filter.candidates(words)) {
    // A pattern the prefilter always runs may be the start of a word ("samobojstw[a-z]*"): it needs
    // a word starting so. Any other it always runs might match anything.
    const prefix = gate.prefixes.get(index);
    if (prefix === undefined || words.some((word) => word.startsWith(prefix))) return true;
  }
  return false;
}

/**
 * How the first word of every match starts, for an expression that matches only whole words made of
 * letters, one or more words ending in "[a-z]*" with optional spaces between them (as lexicon.ts
 * compiles "samobojstw[a-z]*" and "hunan ?niweid[a-z]*"); undefined for any other expression.
 */
export function wordPrefixOf(source: string): string | undefined {
  return /^\(\?<!\[a-z0-9\]\)\(\?:([a-z]+)(?: \?[a-z]+)*\[a-z\]\*\)\(\?!\[a-z0-9\]\)$/.exec(source)?.[1];
}

/** A lexicon's own past-and-over words (lexicon.ts pastOver) hold for the message. */
function saysPastOver(lex: CompiledLexicon | undefined, text: string): boolean {
  const over = lex?.pastOver;
  if (lex === undefined || over === undefined) return false;
  const plain = normaliseToWords(dropInvisible(text), lex.tables, {}).join(' ');
  return over.past.test(plain) && over.well.test(plain) && !over.unless.test(plain);
}

/** "I'm safe", "not in any danger": said plainly, not "safe for now" or "safe I think". */
const SAYS_SAFE = /(?:^| )(?:(?:i am|i feel|i am feeling)(?: completely| totally| perfectly)? safe|(?:i am )?not in (?:any )?danger)(?! for now| at the moment| for the moment| just about| ish| i think| i guess| i hope| tonight but| today but)(?= |$)/;
const CHECK_IN_WHEN_SAFE: ReadonlySet<string> = new Set(['suicide', 'self_harm']);

/**
 * A lower-level sign about the person's own feelings ("I just feel like a burden lately") said
 * beside a plain statement that they are safe now: the gentle check-in, not the full hand-off.
 * Never for an immediate risk, someone else, or a harm that is not about feelings.
 */
function saysSafeWithConcern(found: RiskAssessment, normalised: () => string): boolean {
  // The text is normalised only when the rest holds: a 100 KB paste costs a whole normalisation.
  return found.severity === 'concern' && !found.negated && (found.who ?? 'self') === 'self' && (found.when ?? 'current') === 'current' && CHECK_IN_WHEN_SAFE.has(found.category) && SAYS_SAFE.test(normalised());
}

function ranksAbove(a: RiskAssessment, b: RiskAssessment): boolean {
  if (a.negated !== b.negated) return !a.negated;
  return moreUrgentSeverity(a.severity, b.severity);
}

let shared: RiskDetector | undefined;

/**
 * One detector per process, built on first use: for tests and scripts. The bot gets its detector
 * from the composition root (src/app.ts), which builds it once at start-up.
 */
export function sharedRiskDetector(): RiskDetector {
  shared ??= createRiskDetector({ isConversationCommand });
  return shared;
}

/** The shared detector's detect (see RiskDetector.detect). */
export function detectRisk(text: string, locale?: string, language?: string): RiskAssessment | null {
  return sharedRiskDetector().detect(text, locale, language);
}

export function detectRiskLexiconOnly(text: string, locale?: string, language?: string): RiskAssessment | null {
  return sharedRiskDetector().detectLexiconOnly(text, locale, language);
}

export function prepareForRisk(text: string, locale?: string): string {
  return sharedRiskDetector().prepare(text, locale);
}

export function normaliseForRisk(text: string, locale?: string): string {
  return sharedRiskDetector().normalise(text, locale);
}
