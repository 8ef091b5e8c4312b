import { t } from '../content/i18n';
import { crisisRouteTable, routeNotesFor, routesFor, type CrisisRoute, type RouteQuery } from './crisisRoutes';

/**
 * Plain-text renderings of the crisis routes. Plain on purpose: the error path and channels without
 * cards must still show every number, readable and in order, with nothing that can fail to render.
 */

/** One line for one route, e.g. "- Samaritans: call 116 123. Free from any phone, any time." */
export function routeLine(locale: string, route: CrisisRoute): string {
  return t(locale, `safety:routeLine.${route.kind}`, {
    name: t(locale, route.nameKey),
    value: route.value,
    body: route.body ?? '',
    description: t(locale, route.descriptionKey),
  });
}

/** The bullet list of routes plus any notes for the person's nation, 999 first. */
export function routesListText(locale: string, query: RouteQuery): string {
  const table = crisisRouteTable(locale);
  const lines = routesFor(query, table).map((route) => `- ${routeLine(locale, route)}`);
  const notes = routeNotesFor(query, table).map((key) => t(locale, key));
  return [...lines, ...notes].join('\n');
}

/**
 * The whole crisis message as one plain text: what to do if life is at risk now, that the bot is
 * not an emergency service, and every route.
 */
export function crisisRoutesText(locale: string, query: RouteQuery): string {
  return [t(locale, 'safety:plain.lead'), routesListText(locale, query)].join('\n\n');
}
