/**
 * The English phrases riskContext.ts reads (who is at risk, when, in what frame), kept in
 * locales/en-GB/risk-context.json so that adding a phrase is one data edit. Read once through the
 * locale resolver and checked at load: a pattern that does not compile, or names a fragment that
 * does not exist, stops start-up with one line naming the file and the key.
 *
 * - fragments: shared pieces ("{AGE_WORD}", "{RELATION}") put into patterns before they compile.
 * - patterns: one pattern, or alternatives joined with "|" (each optionally put inside `wrap`,
 *   where "{alternative}" stands for it).
 * - words: plain word lists.
 */
import { z } from 'zod';
import { DEFAULT_LOCALE, loadLocaleData } from '../content/localeResolver';
import { LOCALES_DIR } from '../projectRoot';

export const RISK_CONTEXT_FILE = 'risk-context.json';

const why = z.string().min(1).optional();
const single = z.object({ why, pattern: z.string().min(1) }).strict();
const list = z
  .object({
    why,
    alternatives: z.array(single).min(1),
    wrap: z.object({ why, pattern: z.string().includes('{alternative}') }).strict().optional(),
  })
  .strict();
const fileSchema = z
  .object({
    $comment: z.string().optional(),
    fragments: z.record(z.string().regex(/^[A-Z][A-Z_]*$/), single),
    patterns: z.record(z.string().regex(/^[A-Z][A-Z_]*$/), z.union([single, list])),
    words: z.record(z.string().regex(/^[A-Z][A-Z_]*$/), z.array(z.string().min(1)).min(1)),
  })
  .strict();

export interface RiskContextPhrases {
  /** The pattern `key`, compiled with `flags`; throws (naming the file and key) if there is none. */
  regex(key: string, flags?: string): RegExp;
  /** The word list `key`; throws if there is none. */
  words(key: string): readonly string[];
}

const FRAGMENT = /\{([A-Z][A-Z_]*)\}/g;

function bad(file: string, key: string, message: string): Error {
  // V8 repeats the whole pattern in its message; the key says where it is, so one short line is enough.
  return new Error(`${file}: ${key}: ${message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, 'invalid regular expression: ')}`);
}

function checked(source: string, file: string, key: string): string {
  try {
    new RegExp(source);
  } catch (err) {
    throw bad(file, key, (err as Error).message);
  }
  return source;
}

/** Pure: validates the file's JSON and builds each pattern's source (fragments put in, alternatives joined). */
export function parseRiskContext(json: unknown, file: string): RiskContextPhrases {
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw bad(file, issue.path.join('.') || '(file)', issue.message);
  }
  const { fragments, patterns, words } = parsed.data;
  const expand = (pattern: string, key: string): string =>
    pattern.replace(FRAGMENT, (_m, name: string) => {
      const fragment = fragments[name];
      if (fragment === undefined) throw bad(file, key, `unknown fragment {${name}}`);
      return fragment.pattern;
    });
  for (const [name, fragment] of Object.entries(fragments)) checked(expand(fragment.pattern, `fragments.${name}`), file, `fragments.${name}`);
  const sources = new Map<string, string>();
  for (const [key, entry] of Object.entries(patterns)) {
    const where = `patterns.${key}`;
    if ('pattern' in entry) {
      sources.set(key, checked(expand(entry.pattern, where), file, where));
      continue;
    }
    // Each alternative alone first, so a mistake is named by its place in the list.
    const wrap = expand(entry.wrap?.pattern ?? '{alternative}', `${where}.wrap`);
    const alternatives = entry.alternatives.map((alt, i) => {
      const source = checked(expand(alt.pattern, `${where}[${i}]`), file, `${where}[${i}]`);
      return wrap.split('{alternative}').join(source);
    });
    sources.set(key, checked(alternatives.join('|'), file, where));
  }
  return {
    regex(key, flags = '') {
      const source = sources.get(key);
      if (source === undefined) throw new Error(`${file}: patterns.${key} is missing`);
      return new RegExp(source, flags);
    },
    words(key) {
      const found = words[key];
      if (found === undefined) throw new Error(`${file}: words.${key} is missing`);
      return found;
    },
  };
}

const parseFile = (json: unknown, locale: string): RiskContextPhrases => parseRiskContext(json, `locales/${locale}/${RISK_CONTEXT_FILE}`);

/** The phrases riskContext.ts reads: English only, so always en-GB's file (read and checked once). */
export function loadRiskContext(localesDir: string = LOCALES_DIR): RiskContextPhrases {
  return loadLocaleData(DEFAULT_LOCALE, RISK_CONTEXT_FILE, parseFile, localesDir);
}
