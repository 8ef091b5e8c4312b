import type { AgeGroup, Nation } from '../profile';
import { routesFor } from '../safety/crisisRoutes';
import { crisisRouteTable } from '../safety/crisisRoutes';
import { t } from './i18n';
import { linkList } from './linkList';

/**
 * Fills the placeholders content may use, at answer time: {{routes}} (the urgent lines for the
 * person's nation and age), {{link:<id>}} (from links.json), {{clinicName}}, {{retentionDays}},
 * {{organisationName}}. Anything else is left out of the copy by the knowledge-base schema.
 */

export interface PlaceholderValues {
  clinicName: string;
  retentionDays: number;
  organisationName: string;
  nation?: Nation;
  ageGroup?: AgeGroup;
}

/** The urgent lines as one short phrase: "call 999, call Lifeline on 0808 808 8000, call Samaritans on 116 123 or text SHOUT to 85258". */
export function routesInline(locale: string, nation?: Nation, ageGroup?: AgeGroup): string {
  const table = crisisRouteTable(locale);
  const routes = routesFor({ category: 'danger', severity: 'concern', nation, ageGroup }, table).filter(
    (route) => route.kind === 'phone' || route.kind === 'sms',
  );
  // The nation's line, Samaritans and Shout, plus Childline for under-18s: enough to act on, short enough to read.
  const wanted = routes.filter((route) => route.id !== 'papyrus' && route.id !== 'breathing_space').slice(0, ageGroup === 'under_18' ? 6 : 5);
  const phrases = wanted.map((route) => {
    const action = t(locale, route.actionKey, { value: route.value, body: route.body ?? '' });
    const spoken = action.includes(route.value) ? action : `${action} (${route.value})`;
    return spoken.charAt(0).toLowerCase() + spoken.slice(1);
  });
  if (phrases.length <= 1) return phrases.join('');
  return `${phrases.slice(0, -1).join(', ')} or ${phrases[phrases.length - 1]}`;
}

const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;

export function fillPlaceholders(locale: string, text: string, values: PlaceholderValues): string {
  const links = linkList(locale);
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    if (name === 'routes') return routesInline(locale, values.nation, values.ageGroup);
    if (name === 'clinicName') return values.clinicName;
    if (name === 'retentionDays') return String(values.retentionDays);
    if (name === 'organisationName') return values.organisationName;
    if (name.startsWith('link:')) return links.get(name.slice('link:'.length))?.url ?? whole;
    return whole;
  });
  // An empty organisation name can leave a doubled space behind.
  return filled.replace(/ {2,}/g, ' ').replace(/ ([.,])/g, '$1');
}
