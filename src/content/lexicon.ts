import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { resolveLocale } from './i18n';
import { resolveLocaleFile } from './localeResolver';
import type { SuitabilityLexicon } from './suitability';

/** Loads locales/<lang>/suitability-lexicon.json once per locale, falling back to en-GB. */

const choiceWords = z.record(z.array(z.string().min(1)).min(1));
const fileSchema = z.object({
  locale: z.string(),
  concern: choiceWords,
  relationships: choiceWords,
  duration: choiceWords,
  age: choiceWords,
  nation: choiceWords,
  people: z.array(z.string().min(1)).optional(),
});

const cache = new Map<string, SuitabilityLexicon>();

export function parseSuitabilityLexicon(json: unknown): SuitabilityLexicon {
  const { concern, relationships, duration, age, nation, people } = fileSchema.parse(json);
  return { concern, relationships, duration, age, nation, ...(people ? { people } : {}) };
}

/**
 * Resolved locale -> lexicon. Files are read once, like the copy, so whether a locale has its own
 * lexicon is settled once too: a typed answer used to cost a file-system check every time.
 */
const byLocale = new Map<string, SuitabilityLexicon>();

export function suitabilityLexicon(locale: string): SuitabilityLexicon {
  const resolved = resolveLocale(locale);
  const known = byLocale.get(resolved);
  if (known) return known;
  const { locale: wanted, path } = resolveLocaleFile(resolved, 'suitability-lexicon.json');
  let lexicon = cache.get(wanted);
  if (!lexicon) {
    lexicon = parseSuitabilityLexicon(JSON.parse(readFileSync(path, 'utf8')));
    cache.set(wanted, lexicon);
  }
  // Bounded: resolveLocale only returns locales we have copy for.
  byLocale.set(resolved, lexicon);
  return lexicon;
}
