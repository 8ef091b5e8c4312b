import { z } from 'zod';
import { loadLocaleData } from '../content/localeResolver';
import { nationsNamed } from '../language/entities';
import type { Nation } from '../profile';
import { crisisRouteTable } from './crisisRoutes';
import { hasAnyPhrase, indexOfPhrase } from '../language/phraseMatch';

/**
 * "whats the respect number again", "can i have the samaritans number": a request for a crisis
 * route's details, by name. Inside a crisis reply also by what the route is ("maybe the text one",
 * "which one is for kids", "how do i email them"), by pointing at the reply's own lines ("whats
 * the number again", "who do i even ring about that"), or, when the reply is about someone else, by
 * asking for a line that person could use themselves ("is there someone he could ring himself").
 * Anywhere, where a group of people can get help ("where would a pupil go for help"). Pure over data
 * read once (locales/<lang>/route-requests.json), so the dialogs can give that route, during a
 * crisis reply or after it, instead of a generic reply.
 */

const phrases = z.array(z.string().min(1)).min(1);
const fileSchema = z.object({
  names: z.record(phrases),
  asking: phrases,
  described: z.record(phrases),
  pointing: phrases,
  again: phrases,
  fillers: phrases,
  themselves: z.object({ them: phrases, reach: phrases }),
  forWhom: z.object({ ask: phrases, help: phrases, who: z.record(phrases), not: phrases }),
  ahead: z.object({ ask: phrases, worse: phrases, openLate: phrases, notAbout: phrases, routes: phrases }),
  negators: phrases,
  nationLine: z.object({ lines: phrases, someday: phrases, notAbout: phrases, routes: phrases }),
});

interface RequestTable {
  names: Array<{ id: string; words: string[] }>;
  asking: string[][];
  described: Array<{ id: string; words: string[] }>;
  pointing: string[][];
  again: string[][];
  fillers: ReadonlySet<string>;
  themselves: { them: string[][]; reach: string[][] };
  forWhom: { ask: string[][]; help: string[][]; who: Array<{ id: string; words: string[] }>; not: string[][] };
  ahead: { ask: string[][]; worse: string[][]; openLate: string[][]; notAbout: string[][]; routes: string[] };
  negators: ReadonlySet<string>;
  nationLine: { lines: string[][]; someday: string[][]; notAbout: string[][]; routes: string[] };
}

/** The routes a crisis reply has offered so far: its own lines ('main', 999 first) and those behind "More places to get help". */
export interface OfferedRoutes {
  main: readonly string[];
  more: readonly string[];
  /** in a reply about someone else, the lines that person could use themselves */
  theirs?: readonly string[];
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['\u2018\u2019`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** A request for a route's details is short: no more words than this. */
const MAX_REQUEST_WORDS = 14;
/** Characters read first by requestWords: far more than a request's words take. */
const REQUEST_PREFIX_CHARS = 512;

/**
 * `words(text)`, or undefined when they are more than MAX_REQUEST_WORDS, found from the first
 * characters when those already hold more: a 100 KB paste was cut into words twice a turn to learn
 * it asks for no route. Exact: every word of a prefix but its last is a word of the text (only
 * apostrophes join letters, and a character cut in half can only join the last), so a prefix never
 * has more words than the text.
 */
function requestWords(text: string): string[] | undefined {
  if (text.length > REQUEST_PREFIX_CHARS && words(text.slice(0, REQUEST_PREFIX_CHARS)).length > MAX_REQUEST_WORDS) return undefined;
  const tokens = words(text);
  return tokens.length > MAX_REQUEST_WORDS ? undefined : tokens;
}

function tableFor(locale: string): RequestTable {
  return loadLocaleData(locale, 'route-requests.json', buildTable);
}

/** A locale's table from its file, whose routes must be that locale's crisis routes. */
function buildTable(json: unknown, wanted: string): RequestTable {
  const file = fileSchema.parse(json);
  const routes = crisisRouteTable(wanted).routes;
  const byRoute = (entries: Record<string, string[]>) =>
    Object.entries(entries).flatMap(([id, list]) => {
      if (id !== '$nation' && !routes.has(id)) throw new Error(`route-requests: unknown route ${id}`);
      return list.map((phrase) => ({ id, words: words(phrase) }));
    });
  const names = byRoute(file.names);
  // Longer names first: "samaritans email" before "samaritans".
  names.sort((a, b) => b.words.length - a.words.length);
  return {
    names,
    asking: file.asking.map(words),
    described: byRoute(file.described),
    pointing: file.pointing.map(words),
    again: file.again.map(words),
    fillers: new Set(file.fillers.flatMap(words)),
    themselves: { them: file.themselves.them.map(words), reach: file.themselves.reach.map(words) },
    forWhom: { ask: file.forWhom.ask.map(words), help: file.forWhom.help.map(words), who: byRoute(file.forWhom.who), not: file.forWhom.not.map(words) },
    ahead: { ask: file.ahead.ask.map(words), worse: file.ahead.worse.map(words), openLate: file.ahead.openLate.map(words), notAbout: file.ahead.notAbout.map(words), routes: file.ahead.routes },
    negators: new Set(file.negators.flatMap(words)),
    nationLine: {
      lines: file.nationLine.lines.map(words),
      someday: file.nationLine.someday.map(words),
      // Words about a service or a visit, its own and those the other readers rule out.
      notAbout: [...file.nationLine.notAbout, ...file.forWhom.not, ...file.ahead.notAbout].map(words),
      routes: file.nationLine.routes,
    },
  };
}


/**
 * The route ids a message asks for, in the order named, or undefined when it is not a request for
 * a route's details. '$nation' becomes the person's own urgent NHS line (every nation's when unknown).
 * With `offered` (inside a crisis reply) a route may also be described or pointed at.
 */
export function readRouteRequest(text: string, locale: string, nation?: Nation, offered?: OfferedRoutes): string[] | undefined {
  const table = tableFor(locale);
  const tokens = requestWords(text);
  if (tokens === undefined || tokens.length === 0) return undefined;
  const named = hasAnyPhrase(tokens, table.asking) ? namedRoutes(tokens, table, locale, nation) : undefined;
  if (named || !offered || tokens.some((token) => table.negators.has(token))) return named;
  // "who do i even ring": words that sit inside a pointing phrase without changing it.
  const plain = tokens.filter((token) => !table.fillers.has(token));
  return theirRoutes(plain, table, offered) ?? describedRoutes(tokens, table, offered) ?? pointedRoutes(plain, table, offered);
}

/**
 * "where would a pupil go for help", "is there someone teenagers can talk to": the lines for those
 * people, when the question is about help (not about therapy: that is a question about IPT), in or
 * out of a crisis reply. Undefined for anything else.
 */
export function readForWhomRequest(text: string, locale: string): string[] | undefined {
  const table = tableFor(locale);
  const tokens = requestWords(text);
  if (tokens === undefined || tokens.length === 0 || tokens.some((token) => table.negators.has(token))) return undefined;
  const { ask, help, who, not } = table.forWhom;
  if (!hasAnyPhrase(tokens, ask) || !hasAnyPhrase(tokens, help) || hasAnyPhrase(tokens, not)) return undefined;
  const ids = [...new Set(who.filter((entry) => indexOfPhrase(tokens, entry.words) >= 0).map((entry) => entry.id))];
  return ids.length > 0 ? ids : undefined;
}

/**
 * "what if it gets bad again tonight", "who do i ring if the thoughts come back", "is anything open
 * at 2am": the lines that are there any time ('$nation' as the person's own urgent NHS line), in or out of a crisis reply: a
 * person who said they are safe asks where help is for later. Undefined for anything else.
 */
export function readAheadRequest(text: string, locale: string, nation?: Nation): string[] | undefined {
  const table = tableFor(locale);
  const tokens = requestWords(text);
  if (tokens === undefined || tokens.length === 0 || tokens.some((token) => table.negators.has(token))) return undefined;
  const { ask, worse, openLate, notAbout, routes } = table.ahead;
  // "what if the depression comes back after ipt", "is the surgery open now": about therapy or a
  // place, which get their own answers, not the lines.
  if (hasAnyPhrase(tokens, table.forWhom.not) || hasAnyPhrase(tokens, notAbout)) return undefined;
  if (!(hasAnyPhrase(tokens, ask) && hasAnyPhrase(tokens, worse)) && !hasAnyPhrase(tokens, openLate)) return undefined;
  const byNation = crisisRouteTable(locale).order.byNation;
  return [...new Set(routes.flatMap((id) => (id === '$nation' ? (byNation[nation ?? 'unknown'] ?? []) : [id])))];
}

/** What a request for a nation's lines asks for: the nation when it names one, and the routes. */
export interface NationLineRequest {
  /** The nation asked about ("is there a scottish number"); undefined when none is named. */
  nation?: Nation;
  ids: string[];
}

/**
 * "is there a scottish number or is it all english ones", "any helpline for wales": that nation's
 * own lines (its urgent NHS line and its extras: Breathing Space in Scotland), the first nation
 * named. "not in crisis, but whats the number if i ever was": the lines that are there any time for
 * the person's own nation, read in the clause that asks (the rest may say "not", which is no "no"
 * to the lines). Never about a service ("number for talking therapies in wales"). Pure.
 */
export function readNationLineRequest(text: string, locale: string, nation?: Nation): NationLineRequest | undefined {
  const table = tableFor(locale);
  const { lines, someday, notAbout, routes } = table.nationLine;
  const order = crisisRouteTable(locale).order;
  const idsFor = (list: readonly string[], who: Nation | undefined) => [
    ...new Set(
      list.flatMap((id) => (id === '$nation' ? (order.byNation[who ?? 'unknown'] ?? []) : id === '$extras' ? (who ? (order.nationExtras[who] ?? []) : []) : [id])),
    ),
  ];
  const tokens = requestWords(text);
  const aboutLines = (part: readonly string[]) => hasAnyPhrase(part, lines) && !hasAnyPhrase(part, notAbout);
  if (tokens !== undefined && aboutLines(tokens)) {
    const asked = nationsNamed(text)[0];
    if (asked) return { nation: asked, ids: idsFor(routes, asked) };
  }
  if (text.length > REQUEST_PREFIX_CHARS) return undefined;
  for (const clause of text.split(/[.,;!?]+|\bbut\b/i)) {
    const part = words(clause);
    if (part.length === 0 || part.length > MAX_REQUEST_WORDS || !aboutLines(part) || !hasAnyPhrase(part, someday)) continue;
    return { ids: idsFor([...table.ahead.routes, '$extras'], nation) };
  }
  return undefined;
}

/** "is there someone he could ring himself": the lines the person at risk could use themselves, when the reply has them. */
function theirRoutes(tokens: readonly string[], table: RequestTable, offered: OfferedRoutes): string[] | undefined {
  const theirs = offered.theirs ?? [];
  if (theirs.length === 0 || !hasAnyPhrase(tokens, table.themselves.them) || !hasAnyPhrase(tokens, table.themselves.reach)) return undefined;
  return [...theirs];
}

function namedRoutes(tokens: readonly string[], table: RequestTable, locale: string, nation?: Nation): string[] | undefined {
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

/**
 * "maybe the text one", "which one is for kids": the routes a description fits, those this reply
 * offered first (a description may fit several: Childline and the NSPCC are both "for kids").
 */
function describedRoutes(tokens: readonly string[], table: RequestTable, offered: OfferedRoutes): string[] | undefined {
  if (!hasAnyPhrase(tokens, table.pointing)) return undefined;
  const fits = [...new Set(table.described.filter((entry) => indexOfPhrase(tokens, entry.words) >= 0).map((entry) => entry.id))];
  if (fits.length === 0) return undefined;
  const shown = new Set([...offered.main, ...offered.more]);
  const inReply = fits.filter((id) => shown.has(id));
  return inReply.length > 0 ? inReply : fits;
}

/** "whats the number again": the reply's own lines after 999 (or 999 alone, when that is all it gave). */
function pointedRoutes(tokens: readonly string[], table: RequestTable, offered: OfferedRoutes): string[] | undefined {
  if (!hasAnyPhrase(tokens, table.again)) return undefined;
  const lines = offered.main.filter((id) => id !== 'emergency');
  const ids = lines.length > 0 ? lines : offered.main;
  return ids.length > 0 ? [...ids] : undefined;
}
