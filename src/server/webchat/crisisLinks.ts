import { t } from '../../content/i18n';
import { routesFor, type CrisisRoute } from '../../safety/crisisRoutes';

/**
 * The crisis routes as the web page shows them: numbers come from locales/<lang>/crisis-routes.json
 * through the safety module (one source for every channel), the words from strings/safety.json.
 */
export interface PageRoute {
  id: string;
  kind: CrisisRoute['kind'];
  name: string;
  description: string;
  action: string;
  uri: string;
}

function toPageRoute(locale: string, route: CrisisRoute): PageRoute {
  const values = { value: route.value, body: route.body ?? '' };
  return {
    id: route.id,
    kind: route.kind,
    name: t(locale, route.nameKey, values),
    description: t(locale, route.descriptionKey, values),
    action: t(locale, route.actionKey, values),
    uri: route.uri,
  };
}

/**
 * The page does not know the visitor's nation or age, so it lists the routes for "unknown", which
 * covers every nation and age group (a longer list beats leaving someone out).
 */
export function helpRoutes(locale: string): PageRoute[] {
  return routesFor({ category: 'suicide', severity: 'immediate' }).map((route) => toPageRoute(locale, route));
}

/**
 * The few routes pinned in the crisis banner. The safety data orders routes most urgent first (999,
 * the nation's urgent line, then Samaritans and Shout), so the first phone and text lines are the
 * ones to keep in view; the full list stays on the page.
 */
export function bannerRoutes(locale: string, max = 5): PageRoute[] {
  return helpRoutes(locale)
    .filter((route) => route.kind === 'phone' || route.kind === 'sms')
    .slice(0, max);
}
