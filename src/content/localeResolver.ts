/**
 * One rule for every locale data file (copy, crisis routes, lexicons, safety answers, utterances,
 * language notices): the exact locale, else a locale of the same language, else en-GB. Channels
 * send 'en-US', 'EN', 'cy_GB', '' or nothing; data lives in locales/<locale>/<file>.
 *
 * Which locales have a file is read once per file name (the folder is fixed at start-up), so a turn
 * never waits on the file system to find its data.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES_DIR } from '../projectRoot';

export const DEFAULT_LOCALE = 'en-GB';

/** Pure: the best of `available` for `requested` (exact, then same language, then the fallback). */
export function pickLocale(requested: string | undefined | null, available: readonly string[], fallback: string = DEFAULT_LOCALE): string {
  if (!requested) return fallback;
  const wanted = requested.trim().replace('_', '-').toLowerCase();
  const language = wanted.split('-')[0];
  return (
    available.find((locale) => locale.toLowerCase() === wanted) ??
    available.find((locale) => locale.toLowerCase().split('-')[0] === language) ??
    fallback
  );
}

const listings = new Map<string, readonly string[]>();

/** Locales (folder names) that have `fileName` (a file or a folder such as 'strings'), sorted. */
export function localesWith(fileName: string, localesDir: string = LOCALES_DIR): readonly string[] {
  const key = `${localesDir}\u0000${fileName}`;
  let found = listings.get(key);
  if (found === undefined) {
    found = existsSync(localesDir)
      ? readdirSync(localesDir, { withFileTypes: true })
          .filter((d) => d.isDirectory() && existsSync(join(localesDir, d.name, fileName)))
          .map((d) => d.name)
          .sort()
      : [];
    listings.set(key, found);
  }
  return found;
}

const resolvedFiles = new Map<string, Readonly<{ locale: string; path: string }>>();
/** Past this many (file, requested locale) pairs the memory starts again: a locale is whatever a channel sends. */
const MAX_RESOLVED_FILES = 1_000;

/**
 * The locale whose `fileName` serves `requested`, by the rule above; en-GB when no locale of that
 * language has the file. Throws only if en-GB itself lacks it (a broken install, found at start-up).
 */
export function resolveLocaleFile(requested: string | undefined | null, fileName: string, localesDir: string = LOCALES_DIR): { locale: string; path: string } {
  // Asked several times a turn with the same answer: remembered (channels send a handful of locales).
  const key = `${localesDir}\u0000${fileName}\u0000${requested ?? ''}`;
  const known = resolvedFiles.get(key);
  if (known) return known;
  const available = localesWith(fileName, localesDir);
  const locale = pickLocale(requested, available, DEFAULT_LOCALE);
  if (!available.includes(locale)) throw new Error(`locales/${DEFAULT_LOCALE}/${fileName} is missing`);
  const found = Object.freeze({ locale, path: join(localesDir, locale, fileName) });
  if (resolvedFiles.size >= MAX_RESOLVED_FILES) resolvedFiles.clear();
  resolvedFiles.set(key, found);
  return found;
}

const loadedData = new Map<string, unknown>();

/**
 * A locale's JSON data file, resolved by the rule above, parsed once per file (not per locale a
 * channel sends, which is unbounded): `parse` validates it and builds what the caller keeps.
 */
export function loadLocaleData<T>(requested: string | undefined | null, fileName: string, parse: (json: unknown) => T): T {
  const { path } = resolveLocaleFile(requested, fileName);
  if (!loadedData.has(path)) loadedData.set(path, parse(JSON.parse(readFileSync(path, 'utf8'))));
  return loadedData.get(path) as T;
}
