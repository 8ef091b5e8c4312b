import { crisisRouteTable } from '../safety/crisisRoutes';
import { resolveLocale } from './i18n';

/**
 * The few urgent numbers general copy mentions (welcome, goodbye, contact), taken from the safety
 * helper's one routes file so a number is never written twice.
 */
// A type alias (not an interface) so it can be passed straight to t() as interpolation values.
export type UrgentNumbers = {
  emergency: string;
  nhs111: string;
  samaritans: string;
  childline: string;
  lifeline: string;
};

function valueOf(locale: string, id: string): string {
  const route = crisisRouteTable(resolveLocale(locale)).routes.get(id);
  if (!route) throw new Error(`crisis-routes.json has no route "${id}"`);
  return route.value;
}

export function urgentNumbers(locale: string): UrgentNumbers {
  return {
    emergency: valueOf(locale, 'emergency'),
    nhs111: valueOf(locale, 'nhs111_any'),
    samaritans: valueOf(locale, 'samaritans'),
    childline: valueOf(locale, 'childline'),
    lifeline: valueOf(locale, 'lifeline_ni'),
  };
}
