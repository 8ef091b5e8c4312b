import { z } from 'zod';
import { readOwnLocaleText } from '../content/localeResolver';

/**
 * Words people use for the same thing ("fee", "price", "charge"), from locales/<lang>/synonyms.json:
 * each word maps to its group's first word, so the question matcher's keyword index sees one word.
 */
const fileSchema = z.object({ groups: z.array(z.array(z.string().min(1)).min(2)) }).passthrough();

export function parseSynonyms(json: unknown): Map<string, string> {
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) throw new Error(`synonyms.json: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`);
  const map = new Map<string, string>();
  for (const [head, ...rest] of parsed.data.groups) for (const word of rest) map.set(word.toLowerCase(), head.toLowerCase());
  return map;
}

export function loadSynonyms(locale = 'en-GB'): Map<string, string> {
  // A new map each call, as before: the matcher may keep what it is given.
  const text = readOwnLocaleText(locale, 'synonyms.json');
  return text === undefined ? new Map() : parseSynonyms(JSON.parse(text));
}
