import { z } from 'zod';
import { resolveLocale } from './i18n';
import { loadLocaleData } from './localeResolver';
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

export function parseSuitabilityLexicon(json: unknown): SuitabilityLexicon {
  const { concern, relationships, duration, age, nation, people } = fileSchema.parse(json);
  return { concern, relationships, duration, age, nation, ...(people ? { people } : {}) };
}

/** The lexicon for the locale whose copy serves `locale`, read once like the copy. */
export function suitabilityLexicon(locale: string): SuitabilityLexicon {
  return loadLocaleData(resolveLocale(locale), 'suitability-lexicon.json', parseSuitabilityLexicon);
}
