import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_LOCALE } from './i18n';
import { loadOwnLocaleData } from './localeResolver';

/**
 * The one list of outside addresses content may link to (locales/<lang>/links.json), each with the
 * date it was checked and where it came from. Answers write `{{link:<id>}}`; a test checks every
 * address in the copy comes from here, and none points at iptuk.org (IPT UK is www.iptuk.net).
 */

const linkSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id'),
    url: z.string().url('must be a full URL').refine((url) => url.startsWith('https://'), 'must start with https://'),
    checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
    source: z.string().min(1),
    title: z.string().optional(),
  })
  .passthrough();

const fileSchema = z.object({ links: z.array(linkSchema) }).passthrough();

export type LinkEntry = z.infer<typeof linkSchema>;

export class LinkListError extends Error {
  constructor(message: string) {
    super(`links.json: ${message}`);
    this.name = 'LinkListError';
  }
}

/** Pure: id -> link, failing on a bad entry or a repeated id. */
export function parseLinkList(json: unknown): ReadonlyMap<string, LinkEntry> {
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LinkListError(`${issue.path.join('.')} ${issue.message}`);
  }
  const links = new Map<string, LinkEntry>();
  parsed.data.links.forEach((link, i) => {
    if (links.has(link.id)) throw new LinkListError(`links.${i}.id "${link.id}" is used twice`);
    if (/(^|\.)iptuk\.org$/i.test(new URL(link.url).hostname)) throw new LinkListError(`links.${i}.url: IPT UK is www.iptuk.net, not iptuk.org`);
    links.set(link.id, link);
  });
  return links;
}

export function loadLinkListFrom(file: string): ReadonlyMap<string, LinkEntry> {
  if (!existsSync(file)) return new Map();
  return parseLinkList(JSON.parse(readFileSync(file, 'utf8')));
}

const NO_LINKS: ReadonlyMap<string, LinkEntry> = new Map();

/** The locale's own list (no fallback: an address is checked for the copy it serves), read once. */
export function linkList(locale = DEFAULT_LOCALE): ReadonlyMap<string, LinkEntry> {
  return loadOwnLocaleData(locale, 'links.json', parseLinkList) ?? NO_LINKS;
}
