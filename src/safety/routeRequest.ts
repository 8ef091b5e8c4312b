import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { resolveLocaleFile } from '../content/localeResolver';
import type { Nation } from '../profile';
import { crisisRouteTable } from './crisisRoutes';

/**
 * "whats the respect number again", "can i have the samaritans number": a request for a crisis
 * route's details, by name. Pure over data read once (locales/<lang>/route-requests.json), so the
 * dialogs can give that route, during a crisis reply or after it, instead of a generic reply.
 */

const fileSchema = z.object({
  names: z.record(z.array(z.string().min(1)).min(1)),
  asking: z.array(z.string().min(1)).min(1),
});

interface RequestTable {
  names: Array<{ id: string; words: string[] }>;
  asking: string[][];
}

const tables = new Map<string, RequestTable>();

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['\u2018\u2019`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function tableFor(locale: string): RequestTable {
  const { locale: wanted, path } = resolveLocaleFile(locale, 'route-requests.json');
  let table = tables.get(wanted);
  if (!table) {
    const file = fileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    const routes = crisisRouteTable(wanted).routes;
    const names = Object.entries(file.names).flatMap(([id, phrases]) => {
      if (id !== '$nation' && !routes.has(id)) throw new Error(`route-requests: unknown route ${id}`);
      return phrases.map((phrase) => ({ id, words: words(phrase) }));
    });
    // Longer names first: "samaritans email" before "samaritans".
    names.sort((a, b) => b.words.length - a.words.length);
    table = { names, asking: file.asking.map(words) };
    tables.set(wanted, table);
  }
  return table;
}

function indexOfPhrase(tokens: readonly string[], phrase: readonly string[]): number {
  // Plain loops: this runs for every phrase on every message, and a callback per position was garbage.
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    let j = 0;
    while (j < phrase.length && tokens[i + j] === phrase[j]) j++;
    if (j === phrase.length) return i;
  }
  return -1;
}

/**
 * The route ids a message asks for, in the order named, or undefined when it is not a request for
 * a route's details. '$nation' becomes the person's own urgent NHS line (every nation's when unknown).
 */
export function readRouteRequest(text: string, locale: string, nation?: Nation): string[] | undefined {
  const table = tableFor(locale);
  const tokens = words(text);
  if (tokens.length === 0 || tokens.length > 14) return undefined;
  if (!table.asking.some((phrase) => indexOfPhrase(tokens, phrase) >= 0)) return undefined;
  const found: Array<{ id: string; at: number }> = [];
  const used = new Set<number>();
  for (const name of table.names) {
    const at = indexOfPhrase(tokens, name.words);
    if (at < 0 || used.has(at)) continue;
    for (let k = 0; k < name.words.length; k++) used.add(at + k);
    found.push({ id: name.id, at });
  }
  if (found.length === 0) return undefined;
  const byNation = crisisRouteTable(locale).order.byNation;
  const ids = found
    .sort((a, b) => a.at - b.at)
    .flatMap(({ id }) => (id === '$nation' ? (byNation[nation ?? 'unknown'] ?? []) : [id]));
  return [...new Set(ids)];
}
