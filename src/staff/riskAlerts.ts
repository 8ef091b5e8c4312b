import type { Logger } from 'pino';
import { conversationKey } from './review';

/** What an alert says: category, severity, time and where to look. Never the person's words or ids beyond the link. */
export interface RiskAlert {
  category: string;
  severity: string;
  at: string;
  link: string;
}

export interface AlertStatus {
  enabled: boolean;
  sent: number;
  failed: number;
  pending: number;
  lastFailureAt?: string;
  lastError?: string;
}

export interface RiskAlerterOptions {
  webhookUrl: string;
  /** The public base URL of /staff, for the link in the alert. */
  staffBaseUrl: string;
  logger: Logger;
  attempts?: number;
  retryMs?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The alert body: a plain text line any incoming webhook shows (Teams Workflows, Slack) plus the fields. */
export function alertBody(alert: RiskAlert): Record<string, string> {
  return {
    text: `Risk flagged in the IPT guide: ${alert.category}, ${alert.severity}, at ${alert.at}. Review: ${alert.link}`,
    ...alert,
  };
}

/**
 * Posts a minimal alert to a configured webhook when a risk event is recorded. Never waits in the
 * turn (the person's reply comes first), retries with backoff, and keeps counts of what failed so
 * /staff can show it. Messages and personal details are never part of an alert.
 */
export class RiskAlerter {
  private sent = 0;
  private failed = 0;
  private pending = 0;
  private lastFailureAt?: Date;
  private lastError?: string;

  constructor(private readonly options: RiskAlerterOptions) {}

  notify(risk: { category: string; severity: string }, channelId: string, conversationId: string, at = new Date()): void {
    const link = `${this.options.staffBaseUrl.replace(/\/$/, '')}/staff#${conversationKey(channelId, conversationId)}`;
    const alert: RiskAlert = { category: risk.category, severity: risk.severity, at: at.toISOString(), link };
    this.pending += 1;
    void this.deliver(alert).finally(() => {
      this.pending -= 1;
    });
  }

  status(): AlertStatus {
    return {
      enabled: true,
      sent: this.sent,
      failed: this.failed,
      pending: this.pending,
      ...(this.lastFailureAt ? { lastFailureAt: this.lastFailureAt.toISOString(), lastError: this.lastError } : {}),
    };
  }

  private async deliver(alert: RiskAlert): Promise<void> {
    const attempts = this.options.attempts ?? 4;
    const doFetch = this.options.fetch ?? fetch;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      try {
        const res = await doFetch(this.options.webhookUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(alertBody(alert)),
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
        });
        if (res.ok) {
          this.sent += 1;
          return;
        }
        this.lastError = `HTTP ${res.status}`;
      } catch (error) {
        this.lastError = error instanceof Error ? error.name : typeof error;
      }
      if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, (this.options.retryMs ?? 1_000) * 2 ** (attempt - 1)).unref());
    }
    this.failed += 1;
    this.lastFailureAt = new Date();
    this.options.logger.error({ event: 'risk_alert_failed', error: this.lastError, attempts }, 'risk alert could not be delivered');
  }
}
