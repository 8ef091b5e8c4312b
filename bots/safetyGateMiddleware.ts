import { ActivityTypes, type Activity, type Middleware, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { detectRisk } from '../src/safety/detectRisk';
import type { RiskAssessment } from '../src/safety/types';
import { crisisRoutesText } from '../src/safety/crisisRoutesText';
import { t } from '../src/content/i18n';
import { RISK_ASSESSMENT_KEY, SAFETY_RESPONSE_KEY } from '../dialogs/turnState';

export type RiskDetector = (text: string, locale?: string) => RiskAssessment | null;

/** What the gate assumes when the detector itself fails: the person gets the routes, never silence. */
export const DETECTOR_FAILED: Readonly<RiskAssessment> = Object.freeze({
  category: 'danger',
  severity: 'concern',
  matched: ['gate:detector_error'],
  negated: false,
});

const MAX_SCANNED_CHARS = 20_000;
const MAX_VALUE_DEPTH = 4;

/** Every string a person typed into a card or messageBack value, bounded so a huge payload cannot stall the turn. */
function collectStrings(value: unknown, out: string[], depth: number, budget: { chars: number }): void {
  if (budget.chars <= 0 || depth > MAX_VALUE_DEPTH || value === null || value === undefined) return;
  if (typeof value === 'string') {
    const piece = value.slice(0, budget.chars);
    if (piece.trim() !== '') out.push(piece);
    budget.chars -= piece.length;
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) collectStrings(item, out, depth + 1, budget);
    return;
  }
  if (typeof value === 'object') {
    for (const item of Object.values(value as Record<string, unknown>)) collectStrings(item, out, depth + 1, budget);
  }
}

/**
 * The words a person sent this turn: message text plus any text carried in `value` (Adaptive Card
 * submits, messageBack, Teams card actions). Undefined when the activity carries nothing typed.
 */
export function textToScreen(activity: Partial<Activity>): string | undefined {
  const isMessage = activity.type === ActivityTypes.Message;
  const isCardAction = activity.type === ActivityTypes.Invoke && activity.name === 'adaptiveCard/action';
  if (!isMessage && !isCardAction) return undefined;
  const pieces: string[] = [];
  const budget = { chars: MAX_SCANNED_CHARS };
  collectStrings(activity.text, pieces, 0, budget);
  collectStrings(activity.value, pieces, 0, budget);
  // A sentence break between pieces stops a phrase pattern reaching from one field into the next.
  return pieces.length > 0 ? pieces.join(' . ') : undefined;
}

/**
 * The first thing in every turn: screens what the person sent for risk, before any recogniser or
 * dialog, and leaves the assessment in turn state for the dialogs. If the turn after a risk message
 * fails, or ends without a safety response, the person still gets the crisis routes from here, as
 * plain text that needs no dialog, card or state.
 */
export class SafetyGateMiddleware implements Middleware {
  constructor(
    private readonly logger: Logger,
    private readonly detect: RiskDetector = detectRisk,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const assessment = this.screen(context);
    try {
      await next();
    } catch (error) {
      if (assessment) await this.sendRoutes(context, assessment, 'downstream_error');
      throw error;
    }
    if (assessment && context.turnState.get(SAFETY_RESPONSE_KEY) === undefined) {
      await this.sendRoutes(context, assessment, 'no_safety_response');
    }
  }

  private screen(context: TurnContext): RiskAssessment | null {
    let text: string | undefined;
    let assessment: RiskAssessment | null;
    try {
      text = textToScreen(context.activity);
      if (text === undefined) return null;
      assessment = this.detect(text, context.activity.locale ?? undefined);
    } catch (error) {
      this.logger.error(
        { event: 'risk_detector_failed', error: error instanceof Error ? error.name : typeof error, conversationId: context.activity?.conversation?.id },
        'risk detector threw: treating the message as a risk',
      );
      assessment = { ...DETECTOR_FAILED, matched: [...DETECTOR_FAILED.matched] };
    }
    if (assessment) {
      context.turnState.set(RISK_ASSESSMENT_KEY, assessment);
      this.logger.warn(
        {
          event: 'risk_detected',
          category: assessment.category,
          severity: assessment.severity,
          negated: assessment.negated,
          rules: assessment.matched,
          conversationId: context.activity?.conversation?.id,
          channelId: context.activity?.channelId,
        },
        'risk detected',
      );
    }
    return assessment;
  }

  /** Last line of defence: plain text, unknown nation (every nation's lines), and it never throws. */
  private async sendRoutes(context: TurnContext, assessment: RiskAssessment, reason: string): Promise<void> {
    this.logger.warn(
      { event: 'safety_gate_fallback', reason, category: assessment.category, severity: assessment.severity, conversationId: context.activity?.conversation?.id },
      'safety gate sent the crisis routes itself',
    );
    try {
      const locale = context.activity?.locale ?? '';
      const text = `${t(locale, 'safety:gate.fallbackLead')} ${crisisRoutesText(locale, { category: assessment.category, severity: assessment.severity })}`;
      await context.sendActivity({ type: ActivityTypes.Message, text });
    } catch (sendError) {
      this.logger.error(
        { event: 'safety_gate_fallback_failed', error: sendError instanceof Error ? sendError.name : typeof sendError },
        'could not send the crisis routes',
      );
    }
  }
}
