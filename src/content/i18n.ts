import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import i18next, { type i18n, type TOptions } from 'i18next';
import { LOCALES_DIR } from '../projectRoot';

/**
 * Every user-facing string comes from locales/<lang>/strings/<namespace>.json through this module.
 * Files are read once, synchronously, at first use: copy is small, and a turn must never wait on I/O
 * to find its words.
 */

export const DEFAULT_LOCALE = 'en-GB';

type Resources = Record<string, Record<string, Record<string, unknown>>>;

function readResources(localesDir: string): Resources {
  const resources: Resources = {};
  for (const locale of readdirSync(localesDir)) {
    const stringsDir = join(localesDir, locale, 'strings');
    if (!existsSync(stringsDir)) continue;
    resources[locale] = {};
    for (const file of readdirSync(stringsDir).filter((name) => name.endsWith('.json'))) {
      resources[locale][basename(file, '.json')] = JSON.parse(readFileSync(join(stringsDir, file), 'utf8'));
    }
  }
  return resources;
}

let instance: i18n | undefined;
let locales: string[] = [];

function getInstance(): i18n {
  if (!instance) {
    const resources = readResources(LOCALES_DIR);
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

/**
 * Maps whatever a channel sends ('en-US', 'EN', 'cy-GB', '', undefined) to a locale we have copy
 * for: the exact locale, else one sharing its language, else the default.
 */
export function resolveLocale(requested: string | undefined | null): string {
  const available = supportedLocales();
  if (!requested) return DEFAULT_LOCALE;
  const wanted = requested.trim().replace('_', '-').toLowerCase();
  const exact = available.find((locale) => locale.toLowerCase() === wanted);
  if (exact) return exact;
  const language = wanted.split('-')[0];
  return available.find((locale) => locale.toLowerCase().split('-')[0] === language) ?? DEFAULT_LOCALE;
}

/** Translates `namespace:key` for a locale. A missing key throws: silent gaps in copy are bugs. */
export function t(locale: string, key: string, options?: TOptions): string {
  const i18 = getInstance();
  const lng = resolveLocale(locale);
  if (!i18.exists(key, { ...options, lng })) {
    throw new Error(`Missing copy: ${key} (${lng})`);
  }
  const translate = i18.t as (key: string, options: TOptions) => unknown;
  return String(translate(key, { ...options, lng }));
}

/** Returns structured copy (arrays, objects) stored under a key, e.g. lists of bullet points. */
export function tObject<T>(locale: string, key: string): T {
  const i18 = getInstance();
  const lng = resolveLocale(locale);
  if (!i18.exists(key, { lng })) throw new Error(`Missing copy: ${key} (${lng})`);
  const translate = i18.t as (key: string, options: TOptions) => unknown;
  return translate(key, { lng, returnObjects: true }) as T;
}
