import i18next, { type i18n, type TOptions } from 'i18next';
import { DEFAULT_LOCALE, localesWith, pickLocale, readOwnLocaleFolder } from './localeResolver';

/**
 * Every user-facing string comes from locales/<lang>/strings/<namespace>.json through this module.
 * Files are read once, synchronously, at first use: copy is small, and a turn must never wait on I/O
 * to find its words.
 */

export { DEFAULT_LOCALE } from './localeResolver';

type Resources = Record<string, Record<string, Record<string, unknown>>>;

/** Every locale with a strings folder: namespace (file name) -> its copy. */
function readResources(): Resources {
  const resources: Resources = {};
  for (const locale of localesWith('strings')) {
    resources[locale] = Object.fromEntries(readOwnLocaleFolder(locale, 'strings').map(({ name, text }) => [name, JSON.parse(text) as Record<string, unknown>]));
  }
  return resources;
}

let instance: i18n | undefined;
let locales: string[] = [];

function getInstance(): i18n {
  if (!instance) {
    const resources = readResources();
    locales = Object.keys(resources);
    const created = i18next.createInstance();
    void created.init({
      resources,
      lng: DEFAULT_LOCALE,
      fallbackLng: DEFAULT_LOCALE,
      supportedLngs: locales,
      ns: Object.keys(resources[DEFAULT_LOCALE] ?? {}),
      defaultNS: 'common',
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
      returnEmptyString: false,
      showSupportNotice: false,
    });
    instance = created;
  }
  return instance;
}

export function supportedLocales(): readonly string[] {
  getInstance();
  return locales;
}

const resolved = new Map<string, string>();
const MAX_RESOLVED = 256;

/**
 * Maps whatever a channel sends ('en-US', 'EN', 'cy-GB', '', undefined) to a locale we have copy
 * for: the exact locale, else one sharing its language, else the default. Called for every string,
 * so answers are cached (bounded: locales come from the outside world).
 */
export function resolveLocale(requested: string | undefined | null): string {
  if (!requested) return DEFAULT_LOCALE;
  const cached = resolved.get(requested);
  if (cached) return cached;
  const result = pickLocale(requested, supportedLocales(), DEFAULT_LOCALE);
  if (resolved.size >= MAX_RESOLVED) resolved.clear();
  resolved.set(requested, result);
  return result;
}

// Returned by i18next only when a key is missing: one lookup instead of exists() then t().
const MISSING = '\u0000missing-copy';

function lookup(locale: string, key: string, options: TOptions): unknown {
  const lng = resolveLocale(locale);
  const translate = getInstance().t as (key: string, options: TOptions) => unknown;
  const value = translate(key, { ...options, lng, defaultValue: MISSING });
  if (value === MISSING) throw new Error(`Missing copy: ${key} (${lng})`);
  return value;
}

// Copy is fixed at start-up, so a string without interpolation values can be looked up once.
// Bounded by the number of keys times the number of locales.
const plainStrings = new Map<string, string>();

/** Translates `namespace:key` for a locale. A missing key throws: silent gaps in copy are bugs. */
export function t(locale: string, key: string, options?: TOptions): string {
  if (options) return String(lookup(locale, key, options));
  const lng = resolveLocale(locale);
  const cacheKey = `${lng}\u0000${key}`;
  let value = plainStrings.get(cacheKey);
  if (value === undefined) {
    value = String(lookup(lng, key, {}));
    plainStrings.set(cacheKey, value);
  }
  return value;
}

// Structured copy is fixed at start-up too, and i18next rebuilds it key by key on every call (the
// biggest cost of drawing a card). Bounded by the number of keys times the number of locales.
const objects = new Map<string, unknown>();

/** Returns structured copy (arrays, objects) stored under a key, e.g. lists of bullet points. */
export function tObject<T>(locale: string, key: string): T {
  const lng = resolveLocale(locale);
  const cacheKey = `${lng}\u0000${key}`;
  let value = objects.get(cacheKey);
  if (value === undefined) {
    value = lookup(lng, key, { returnObjects: true });
    objects.set(cacheKey, value);
  }
  // A copy each time, as i18next gave: callers may keep or change what they get (cards carry it).
  return structuredClone(value) as T;
}
