import { crisisRouteTable } from '../safety/crisisRoutes';
import type { RedactionOptions } from './redact';

/**
 * The numbers and addresses the service itself gives out: every crisis route of the locale (one
 * source of truth, the routes file) and the clinic's own contact details. Redaction keeps them.
 */
export function serviceContacts(locale: string, clinic: { phone?: string; email?: string }): Required<RedactionOptions> {
  const routes = [...crisisRouteTable(locale).routes.values()];
  return {
    keepNumbers: [...routes.filter((route) => route.kind === 'phone' || route.kind === 'sms').map((route) => route.value), ...(clinic.phone ? [clinic.phone] : [])],
    keepEmails: [...routes.filter((route) => route.kind === 'email').map((route) => route.value), ...(clinic.email ? [clinic.email] : [])],
  };
}
