import type { RiskAssessment, RiskCategory, RiskSeverity } from './types';

/**
 * What the conversation keeps about risk for staff review: categories, severities and rule ids with
 * a time, never the person's words. Bounded so a long conversation cannot grow state without limit.
 */
export interface SafetyEvent {
  category: RiskCategory;
  severity: RiskSeverity;
  negated: boolean;
  rules: string[];
  /** what the bot did: the full hand-off, the gentle check-in question, or a short note (past and over, work or study) */
  response: 'emergency' | 'checkIn' | 'note';
  /** ISO 8601 */
  at: string;
}

export interface SafetyRecord {
  events: SafetyEvent[];
  /** the person's last answer to "Are you safe right now?", if any */
  lastSafeAnswer?: 'safe' | 'helpComing' | 'notSafe' | 'unsure' | 'unknown';
}

export const MAX_SAFETY_EVENTS = 50;

export function appendSafetyEvent(
  record: SafetyRecord | undefined,
  assessment: RiskAssessment,
  response: SafetyEvent['response'],
  now: Date,
): SafetyRecord {
  const event: SafetyEvent = {
    category: assessment.category,
    severity: assessment.severity,
    negated: assessment.negated,
    rules: assessment.matched.slice(0, 20),
    response,
    at: now.toISOString(),
  };
  const events = [...(record?.events ?? []), event].slice(-MAX_SAFETY_EVENTS);
  return { ...record, events };
}
