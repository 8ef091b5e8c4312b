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
  const found = Object.freeze({ locale, path: localeFilePath(locale, fileName, localesDir) });
  if (resolvedFiles.size >= MAX_RESOLVED_FILES) resolvedFiles.clear();
  resolvedFiles.set(key, found);
  return found;
}

/**
 * Where a locale's own `fileName` is (or would be: scripts write training files there), with no
 * fallback. The one place that knows the layout locales/<locale>/<file>.
 */
export function localeFilePath(locale: string, fileName: string, localesDir: string = LOCALES_DIR): string {
  return join(localesDir, locale, fileName);
}

/**
 * A locale's own `fileName`, with no fallback, or undefined when it has none: for data that only
 * counts for its own language (risk words, training lines, links). From the listing above, so a
 * turn asking again costs no file-system check.
 */
export function ownLocaleFile(locale: string, fileName: string, localesDir: string = LOCALES_DIR): string | undefined {
  return localesWith(fileName, localesDir).includes(locale) ? localeFilePath(locale, fileName, localesDir) : undefined;
}

/** The text of a locale's own `fileName` (no fallback, not kept), or undefined when it has none. */
export function readOwnLocaleText(locale: string, fileName: string, localesDir: string = LOCALES_DIR): string | undefined {
  const path = ownLocaleFile(locale, fileName, localesDir);
  return path === undefined ? undefined : readFileSync(path, 'utf8');
}

/** The `.json` files of a locale's own folder (such as 'strings'), in name order: each name without '.json', and its text. */
export function readOwnLocaleFolder(locale: string, folder: string, localesDir: string = LOCALES_DIR): { name: string; text: string }[] {
  const dir = ownLocaleFile(locale, folder, localesDir);
  if (dir === undefined) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: file.slice(0, -'.json'.length), text: readFileSync(join(dir, file), 'utf8') }));
}

/**
 * Parsed files, by parse function then path: once per file (not per locale a channel sends, which
 * is unbounded), and two modules may read one file their own way. Weak: a parse function made per
 * call is never kept (and never saves a read), so callers pass one defined once.
 */
const loadedData = new WeakMap<object, Map<string, unknown>>();

function loadOnce<T>(path: string, locale: string, read: (text: string) => unknown, parse: (data: never, locale: string) => T): T {
  let byPath = loadedData.get(parse);
  if (byPath === undefined) loadedData.set(parse, (byPath = new Map()));
  if (!byPath.has(path)) byPath.set(path, parse(read(readFileSync(path, 'utf8')) as never, locale));
  return byPath.get(path) as T;
}

/**
 * A locale's JSON data file, resolved by the rule above, parsed once per file: `parse` validates
 * it and builds what the caller keeps (given the locale whose file it is).
 */
export function loadLocaleData<T>(requested: string | undefined | null, fileName: string, parse: (json: unknown, locale: string) => T, localesDir: string = LOCALES_DIR): T {
  const { locale, path } = resolveLocaleFile(requested, fileName, localesDir);
  return loadOnce(path, locale, JSON.parse, parse);
}

/** As loadLocaleData, for a text file (a word list, JSON lines): `parse` gets its text. */
export function loadLocaleText<T>(requested: string | undefined | null, fileName: string, parse: (text: string, locale: string) => T, localesDir: string = LOCALES_DIR): T {
  const { locale, path } = resolveLocaleFile(requested, fileName, localesDir);
  return loadOnce(path, locale, (text) => text, parse);
}

/** As loadLocaleData for a locale's own file only (no fallback): undefined when it has none. */
export function loadOwnLocaleData<T>(locale: string, fileName: string, parse: (json: unknown, locale: string) => T, localesDir: string = LOCALES_DIR): T | undefined {
  const path = ownLocaleFile(locale, fileName, localesDir);
  return path === undefined ? undefined : loadOnce(path, locale, JSON.parse, parse);
}
