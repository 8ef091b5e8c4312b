/**
 * Risk phrases for languages in scripts the word lexicon cannot read (Arabic, Urdu, Bengali,
 * Gujarati, Panjabi): locales/<lang>/risk-phrases.json, each phrase looked for as written. Marks
 * (vowel signs, Arabic short vowels) and letter variants are set aside on both sides, so spelling
 * with or without them matches. A negating word elsewhere in the message makes a match negated
 * (the gentle check-in): coarse, and safer than a hand-off for "I don't want to die".
 */
import { z } from 'zod';
import { loadOwnLocaleData, localesWith } from '../content/localeResolver';
import { LOCALES_DIR } from '../projectRoot';
import { RISK_CATEGORIES, RISK_SEVERITIES, type RiskAssessment } from './types';

const FILE = 'risk-phrases.json';

const fileSchema = z.object({
  locale: z.string().regex(/^[a-z]{2}$/),
  review: z.string(),
  about: z.string(),
  negators: z.array(z.string().min(1)),
  rules: z.array(
    z.object({
      id: z.string().regex(/^[a-z_]+\.[a-z_]+$/),
      category: z.enum(RISK_CATEGORIES),
      severity: z.enum(RISK_SEVERITIES),
      phrases: z.array(z.string().min(1)).min(1),
    }),
  ),
});

export type PhraseMatcher = (text: string) => RiskAssessment | null;

/** NFC, marks dropped, Arabic letter variants folded, one space between words. */
function fold(text: string): string {
  return ` ${text
    .normalize('NFC')
    .replace(/\p{M}/gu, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ё/g, 'е')
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim()
    .toLowerCase()} `;
}

export function compilePhrases(json: unknown, source: string): PhraseMatcher {
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${source} is invalid: ${parsed.error.message}`);
  const negators = parsed.data.negators.map((n) => ` ${fold(n).trim()} `);
  const rules = parsed.data.rules.map((rule) => ({ ...rule, folded: rule.phrases.map((p) => fold(p).trim()) }));
  return (text: string): RiskAssessment | null => {
    const folded = fold(text);
    const hits = rules.filter((rule) => rule.folded.some((phrase) => folded.includes(phrase)));
    if (hits.length === 0) return null;
    const best = hits.find((h) => h.severity === 'immediate') ?? hits[0];
    // A negator inside a matched phrase ("не хочу жить": I don't want to live) is part of the risk.
    let rest = folded;
    for (const rule of hits) for (const phrase of rule.folded) rest = rest.split(phrase).join(' ');
    const negated = negators.some((n) => rest.includes(n));
    return {
      category: best.category,
      severity: negated ? 'concern' : best.severity,
      matched: hits.map((h) => `${parsed.data.locale}.${h.id}`),
      negated,
      who: 'self',
      when: 'current',
      frame: 'personal',
    };
  };
}

const compileLocalePhrases = (json: unknown, locale: string): PhraseMatcher => compilePhrases(json, `locales/${locale}/${FILE}`);

/** ISO 639-1 code -> matcher, for every locale with a phrase file. */
export function loadRiskPhrases(localesDir: string = LOCALES_DIR): Map<string, PhraseMatcher> {
  const out = new Map<string, PhraseMatcher>();
  for (const locale of localesWith(FILE, localesDir)) {
    out.set(locale.split('-')[0], loadOwnLocaleData(locale, FILE, compileLocalePhrases, localesDir) as PhraseMatcher);
  }
  return out;
}
