import type { AgeGroup, Nation } from '../profile';
import { routesFor } from '../safety/crisisRoutes';
import { crisisRouteTable } from '../safety/crisisRoutes';
import { t } from './i18n';
import { linkList } from './linkList';

/**
 * Fills the placeholders content may use, at answer time: {{routes}} (the urgent lines for the
 * person's nation and age), {{link:<id>}} (from links.json), {{clinicName}}, {{clinicContact}}
 * (how to reach the clinic, from the deployment's settings), {{retentionDays}},
 * {{organisationName}}. Anything else is left out of the copy by the knowledge-base schema.
 */

/** The clinic's own ways in (CLINIC_PHONE, CLINIC_EMAIL, CLINIC_URL); any may be unset. */
export interface ClinicWays {
  phone?: string;
  email?: string;
  url?: string;
}

export interface PlaceholderValues {
  clinicName: string;
  /** Unset or empty: {{clinicContact}} says honestly that the guide has no contact details. */
  clinicContact?: ClinicWays;
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

/**
 * "You can reach the clinic: call 020 7946 0000 or email ..." from whatever the deployment gave;
 * with nothing configured it says so and points to the appointment letter, never to a crisis line
 * (a question about parking or a new phone number is not an emergency).
 */
export function clinicContactLine(locale: string, clinicName: string, ways: ClinicWays = {}): string {
  const parts: string[] = [];
  if (ways.phone) parts.push(t(locale, 'answers:clinicContact.phone', { phone: ways.phone }));
  if (ways.email) parts.push(t(locale, 'answers:clinicContact.email', { email: ways.email }));
  if (ways.url) parts.push(t(locale, 'answers:clinicContact.url', { url: ways.url }));
  if (parts.length === 0) return t(locale, 'answers:clinicContact.none', { clinic: clinicName });
  const joined = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} ${t(locale, 'answers:clinicContact.or')} ${parts[parts.length - 1]}`;
  return t(locale, 'answers:clinicContact.some', { clinic: clinicName, ways: joined });
}

const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;

export function fillPlaceholders(locale: string, text: string, values: PlaceholderValues): string {
  const links = linkList(locale);
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    if (name === 'routes') return routesInline(locale, values.nation, values.ageGroup);
    if (name === 'clinicName') return values.clinicName;
    if (name === 'clinicContact') return clinicContactLine(locale, values.clinicName, values.clinicContact);
    if (name === 'retentionDays') return String(values.retentionDays);
    if (name === 'organisationName') return values.organisationName;
    if (name.startsWith('link:')) return links.get(name.slice('link:'.length))?.url ?? whole;
    return whole;
  });
  // An empty organisation name can leave a doubled space behind.
  return filled.replace(/ {2,}/g, ' ').replace(/ ([.,])/g, '$1');
}
