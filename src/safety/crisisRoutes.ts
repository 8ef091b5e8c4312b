import { z } from 'zod';
import { loadLocaleData } from '../content/localeResolver';
import type { AgeGroup, Nation } from '../profile';
import type { RiskCategory, RiskSeverity } from './types';

/**
 * Which crisis lines to show a person, in order, from the one data file per locale
 * (locales/<lang>/crisis-routes.json). Pure lookups over data read once: numbers are never written
 * in code or copy, so a re-check touches one file.
 */

export type RouteKind = 'phone' | 'sms' | 'web' | 'email';

export interface CrisisRoute {
  id: string;
  kind: RouteKind;
  /** what a person dials, texts or opens, as they should read it ("116 123") */
  value: string;
  /** tappable form: tel:, sms:, mailto: or https: */
  uri: string;
  /** the word to text, for sms routes ("SHOUT") */
  body?: string;
  /** i18n keys for the copy in strings/safety.json */
  nameKey: string;
  descriptionKey: string;
  actionKey: string;
}

export interface RouteQuery {
  category: RiskCategory;
  severity: RiskSeverity;
  nation?: Nation;
  ageGroup?: AgeGroup;
}

const DEFAULT_ROUTES_LOCALE = 'en-GB';
const UNKNOWN = 'unknown';

const routeSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+$/),
    kind: z.enum(['phone', 'sms', 'web', 'email']),
    value: z.string().min(1),
    uri: z.string().regex(/^(tel:|sms:|mailto:|https:\/\/)/),
    body: z.string().min(1).optional(),
    confidence: z.enum(['certain', 'high', 'medium']),
    /** what to re-check before a release; required for a medium-confidence route, so none is added unnoticed */
    check: z.string().min(1).optional(),
    source: z.string().min(1),
  })
  .refine((route) => route.confidence !== 'medium' || route.check !== undefined, { message: 'a medium-confidence route needs a "check" note' });

const tipSchema = z.object({ id: z.string().regex(/^[a-z0-9_]+$/), confidence: z.enum(['certain', 'high']), source: z.string().min(1) });

/** The reply kinds (see safetyReply.ts) and what each shows: a few routes now, the rest behind "More places to get help". */
export const REPLY_KINDS = [
  'self',
  'self_abuse',
  'self_older_abuse',
  'self_danger',
  'medical',
  'someone',
  'someone_abuse',
  'child',
  'child_abuse',
  'older_adult',
  'harming',
  'harming_child',
] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];

const replySetSchema = z.object({ main: z.array(z.string()).min(1), more: z.array(z.string()), tips: z.array(z.string()), theirs: z.array(z.string()).optional() });
const repliesSchema = z.object(Object.fromEntries(REPLY_KINDS.map((kind) => [kind, replySetSchema])) as Record<ReplyKind, typeof replySetSchema>);

const idLists = z.record(z.array(z.string()));

const fileSchema = z.object({
  locale: z.string(),
  lastChecked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  sources: z.array(z.string()).min(1),
  routes: z.array(routeSchema).min(1),
  order: z.object({
    first: z.array(z.string()).min(1),
    byNation: idLists,
    everyone: z.array(z.string()),
    byCategory: z.record(idLists),
    byAge: idLists,
    /** the one line to talk to now for an age group (Childline under 18, Samaritans otherwise): replies' '$ageLine' */
    ageLine: idLists,
    nationExtras: idLists,
    last: z.array(z.string()),
  }),
  notes: z.object({ byCategory: z.record(idLists) }),
  excluded: z.array(z.object({ name: z.string(), confidence: z.string(), reason: z.string() })),
  tips: z.array(tipSchema),
  replies: repliesSchema,
});

export type CrisisRoutesFile = z.infer<typeof fileSchema>;

export interface CrisisRouteTable {
  lastChecked: string;
  routes: ReadonlyMap<string, CrisisRoute>;
  order: CrisisRoutesFile['order'];
  notes: CrisisRoutesFile['notes'];
  tips: ReadonlySet<string>;
  replies: CrisisRoutesFile['replies'];
}

/** Placeholders a reply set may use in place of a route id (see the file's replies.$comment). */
const PLACEHOLDERS = ['$nation', '$category', '$age', '$ageLine', '$extras'] as const;

/** Checks the file's shape and that every id it orders exists; a broken routes file must stop start-up, not a crisis turn. */
export function parseCrisisRoutes(json: unknown): CrisisRouteTable {
  const file = fileSchema.parse(json);
  const routes = new Map<string, CrisisRoute>();
  for (const route of file.routes) {
    if (routes.has(route.id)) throw new Error(`crisis-routes: duplicate route id ${route.id}`);
    if (route.kind === 'sms' && !route.body) throw new Error(`crisis-routes: sms route ${route.id} needs a body`);
    // The number a person reads and the number a tap dials must never differ.
    const digits = route.value.replace(/\s/g, '');
    const uriMatches =
      (route.kind === 'phone' && route.uri === `tel:${digits}`) ||
      (route.kind === 'sms' && route.uri.startsWith(`sms:${digits}?`)) ||
      (route.kind === 'email' && route.uri === `mailto:${route.value}`) ||
      (route.kind === 'web' && route.uri === route.value);
    if (!uriMatches) throw new Error(`crisis-routes: ${route.id} uri ${route.uri} does not match its value ${route.value}`);
    routes.set(route.id, {
      id: route.id,
      kind: route.kind,
      value: route.value,
      uri: route.uri,
      ...(route.body ? { body: route.body } : {}),
      nameKey: `safety:routes.${route.id}.name`,
      descriptionKey: `safety:routes.${route.id}.description`,
      actionKey: `safety:routes.${route.id}.action`,
    });
  }
  const { order } = file;
  const referenced = [
    ...order.first,
    ...Object.values(order.byNation).flat(),
    ...order.everyone,
    ...Object.values(order.byCategory).flatMap((byNation) => Object.values(byNation).flat()),
    ...Object.values(order.byAge).flat(),
    ...Object.values(order.ageLine).flat(),
    ...Object.values(order.nationExtras).flat(),
    ...order.last,
  ];
  for (const id of referenced) {
    if (!routes.has(id)) throw new Error(`crisis-routes: order names unknown route ${id}`);
  }
  if (order.first[0] !== 'emergency') throw new Error('crisis-routes: 999 must come first');
  if (!order.byNation[UNKNOWN] || !order.byAge[UNKNOWN] || !order.ageLine[UNKNOWN]) throw new Error('crisis-routes: byNation, byAge and ageLine need an "unknown" entry');
  const tips = new Set(file.tips.map((tip) => tip.id));
  for (const kind of REPLY_KINDS) {
    const set = file.replies[kind];
    if (set.main[0] !== 'emergency') throw new Error(`crisis-routes: replies.${kind} must start with 999`);
    for (const id of [...set.main, ...set.more, ...(set.theirs ?? [])]) {
      if (!routes.has(id) && !(PLACEHOLDERS as readonly string[]).includes(id)) throw new Error(`crisis-routes: replies.${kind} names unknown route ${id}`);
    }
    for (const id of set.tips) if (!tips.has(id)) throw new Error(`crisis-routes: replies.${kind} names unknown tip ${id}`);
  }
  return { lastChecked: file.lastChecked, routes, order, notes: file.notes, tips, replies: file.replies };
}

/** The route table for a locale (read once), falling back to en-GB where a locale has no file of its own. */
export function crisisRouteTable(locale: string = DEFAULT_ROUTES_LOCALE): CrisisRouteTable {
  return loadLocaleData(locale, 'crisis-routes.json', parseCrisisRoutes);
}

function pick(lists: Record<string, string[]> | undefined, key: string | undefined): string[] {
  if (!lists) return [];
  return lists[key ?? UNKNOWN] ?? [];
}

/**
 * The routes for a person, best first: 999 / A&E always first, then the nation's urgent line,
 * Samaritans and Shout, then what the category and age group need. Unknown nation or age gives the
 * lines for every nation and age, because leaving someone out is worse than a longer list.
 */
export function routesFor(query: RouteQuery, table: CrisisRouteTable = crisisRouteTable()): CrisisRoute[] {
  const { order } = table;
  const ids = [
    ...order.first,
    ...pick(order.byNation, query.nation),
    ...order.everyone,
    ...pick(order.byCategory[query.category], query.nation),
    ...pick(order.byAge, query.ageGroup),
    ...(query.nation ? (order.nationExtras[query.nation] ?? []) : []),
    ...order.last,
  ];
  const seen = new Set<string>();
  const out: CrisisRoute[] = [];
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    const route = table.routes.get(id);
    if (route) out.push(route);
  }
  return out;
}

/** i18n keys of extra sentences for a person's nation (e.g. where the abuse helpline does not cover them). */
export function routeNotesFor(query: RouteQuery, table: CrisisRouteTable = crisisRouteTable()): string[] {
  return pick(table.notes.byCategory[query.category], query.nation);
}

export interface RouteSetQuery {
  kind: ReplyKind;
  category: RiskCategory;
  nation?: Nation;
  ageGroup?: AgeGroup;
}

/** What one reply shows: a few routes in its message, the rest one tap away, short tips, and notes for the nation. */
export interface RouteSet {
  main: CrisisRoute[];
  more: CrisisRoute[];
  /** i18n keys (strings/safety.json tips.<id>) */
  tipKeys: string[];
  /** i18n keys of notes for the nation (e.g. where the abuse helpline does not cover it) */
  noteKeys: string[];
  /** in a reply about someone else, the lines the person at risk could use themselves (Childline for a child) */
  theirs: CrisisRoute[];
}

/**
 * The routes for one reply, tailored to the person's nation and age: 999 first, a few in the
 * message, the rest behind "More places to get help", never the same route twice. Unknown nation or
 * age uses the 'unknown' lists (more lines, not fewer).
 */
export function routeSet(query: RouteSetQuery, table: CrisisRouteTable = crisisRouteTable()): RouteSet {
  const { order } = table;
  const expand = (id: string): string[] => {
    switch (id) {
      case '$nation':
        return pick(order.byNation, query.nation);
      case '$category':
        return pick(order.byCategory[query.category], query.nation);
      case '$age':
        return pick(order.byAge, query.ageGroup);
      case '$ageLine':
        return pick(order.ageLine, query.ageGroup);
      case '$extras':
        return query.nation ? (order.nationExtras[query.nation] ?? []) : [];
      default:
        return [id];
    }
  };
  const resolve = (ids: readonly string[], seen = new Set<string>()): CrisisRoute[] => {
    const out: CrisisRoute[] = [];
    for (const id of ids.flatMap(expand)) {
      const route = table.routes.get(id);
      if (!route || seen.has(id)) continue;
      seen.add(id);
      out.push(route);
    }
    return out;
  };
  const set = table.replies[query.kind];
  // One set across the message and "More places to get help": never the same route twice.
  const shown = new Set<string>();
  const main = resolve(set.main, shown);
  const more = resolve(set.more, shown);
  // A note speaks to the person about their own lines: only where the reply lists the category's line itself.
  const noteKeys = set.main.includes('$category') ? pick(table.notes.byCategory[query.category], query.nation) : [];
  return { main, more, tipKeys: set.tips.map((id) => `safety:tips.${id}`), noteKeys, theirs: resolve(set.theirs ?? []) };
}
