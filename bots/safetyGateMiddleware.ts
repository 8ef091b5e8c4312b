import { ActivityTypes, type Activity, type Middleware, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { accumulateSignals, type RiskSignalState } from '../src/safety/riskSignals';
import type { Logger } from 'pino';
import { detectRisk, sharedRiskDetector } from '../src/safety/detectRisk';
import type { RiskAssessment } from '../src/safety/types';
import { crisisRoutesText } from '../src/safety/crisisRoutesText';
import { t } from '../src/content/i18n';
import { languageNotice } from '../src/content/languageNotice';
import { MESSAGE_LANGUAGE_KEY, RISK_ASSESSMENT_KEY, SAFETY_RESPONSE_KEY } from '../dialogs/turnState';

/** `language`: the ISO 639-1 code of a message the gate identified as not English, or 'en'. */
export type RiskDetector = (text: string, locale?: string, language?: string) => RiskAssessment | null;
export type LanguageIdentifier = (text: string) => string | undefined;

/** Risk that builds over turns: how to find a message's signals, and where a conversation keeps them. */
export interface RiskSignalTracking {
  signalsIn(text: string): string[];
  state: StatePropertyAccessor<RiskSignalState>;
}

/** What the gate assumes when the detector itself fails: the person gets the routes, never silence. */
export const DETECTOR_FAILED: Readonly<RiskAssessment> = Object.freeze({
  category: 'danger',
  severity: 'concern',
  matched: ['gate:detector_error'],
  negated: false,
});

/**
 * How much the gate reads in one turn: far more than any channel sends (the body limit is 256 KB),
 * so every word of a real message is read; the detector's cost grows only linearly with it.
 */
const MAX_SCANNED_CHARS = 300_000;
/** Values and arrays visited in a card payload at most, however deep: a hostile payload cannot stall the turn. */
const MAX_VALUE_NODES = 5_000;

/**
 * Every string a person typed into a card or messageBack value, at any depth. Walked with an
 * explicit stack (no recursion, so no stack overflow), bounded in characters and nodes.
 */
function collectStrings(root: unknown, out: string[], budget: { chars: number }): void {
  const stack: unknown[] = [root];
  let nodes = 0;
  while (stack.length > 0 && budget.chars > 0 && nodes < MAX_VALUE_NODES) {
    const value = stack.pop();
    nodes += 1;
    if (value === null || value === undefined) continue;
    if (typeof value === 'string') {
      const piece = value.slice(0, budget.chars);
      if (piece.trim() !== '') out.push(piece);
      budget.chars -= piece.length;
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
    } else if (typeof value === 'object') {
      const items = Object.values(value as Record<string, unknown>);
      for (let i = items.length - 1; i >= 0; i--) stack.push(items[i]);
    }
  }
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** The words of an HTML fragment (Teams repeats each message as a text/html attachment). */
export function htmlToText(html: string): string {
  return html
    .replace(/<(?:br|\/p|\/div|\/li|\/h[1-6])\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#?[a-z0-9]+);/gi, (m, name: string) => {
      const lower = name.toLowerCase();
      if (ENTITIES[lower] !== undefined) return ENTITIES[lower];
      const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : lower.startsWith('#') ? parseInt(lower.slice(1), 10) : NaN;
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    });
}

function htmlAttachments(activity: Partial<Activity>): string[] {
  const out: string[] = [];
  for (const attachment of activity.attachments ?? []) {
    if (attachment?.contentType === 'text/html' && typeof attachment.content === 'string') out.push(htmlToText(attachment.content));
  }
  return out;
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
  collectStrings(activity.text, pieces, budget);
  collectStrings(activity.value, pieces, budget);
  // The HTML copy usually repeats the text: read it only when it says something else.
  for (const html of htmlAttachments(activity)) if (!pieces.some((piece) => piece.trim() === html.trim())) collectStrings(html, pieces, budget);
  // A sentence break between pieces stops a phrase pattern reaching from one field into the next.
  return pieces.length > 0 ? pieces.join(' . ') : undefined;
}

/**
 * The first thing in every turn: screens what the person sent for risk, before any recogniser or
 * dialog, and leaves the assessment in turn state for the dialogs. If the turn after a risk message
 * fails, or ends without a safety response, the person still gets the crisis routes from here, as
 * plain text that needs no dialog, card or state.
 *
 * A message in another language gets a short notice in that language (English only here; 999,
 * 111, Samaritans) and its code in turn state (MESSAGE_LANGUAGE_KEY). Without risk the notice
 * answers the turn (no English "Sorry, I didn't understand"); with risk the emergency flow follows.
 *
 * Logs: what was detected (categories, rule ids) is health data, so the warn line carries no
 * conversation id; the id goes on a debug line an operator can turn on with LOG_LEVEL=debug.
 */
export class SafetyGateMiddleware implements Middleware {
  constructor(
    private readonly logger: Logger,
    private readonly detect: RiskDetector = detectRisk,
    private readonly identifyLanguage: LanguageIdentifier = (text) => sharedRiskDetector().identifyLanguage(text),
    private readonly signals?: RiskSignalTracking,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const screened = this.screen(context);
    const { language } = screened;
    const assessment = screened.assessment ?? (language === undefined ? await this.signalsOverTurns(context, screened.text) : null);
    // Messages only: a card action (invoke) still needs the bot's own invoke response.
    if (language !== undefined && context.activity.type === ActivityTypes.Message) {
      const answered = await this.sendLanguageNotice(context, language);
      if (answered && !assessment) return;
    }
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

  /** Adds this message's lower-level signals to the conversation's; a check-in when they add up. */
  private async signalsOverTurns(context: TurnContext, text: string | undefined): Promise<RiskAssessment | null> {
    if (this.signals === undefined || text === undefined) return null;
    try {
      const found = this.signals.signalsIn(text);
      if (found.length === 0) return null;
      const before = await this.signals.state.get(context, { seen: [] });
      const { state, assessment } = accumulateSignals(before, found);
      await this.signals.state.set(context, state);
      if (assessment) {
        context.turnState.set(RISK_ASSESSMENT_KEY, assessment);
        this.logger.warn({ event: 'risk_detected', category: assessment.category, severity: assessment.severity, possible: true, rules: assessment.matched }, 'risk built over turns');
      }
      return assessment;
    } catch (error) {
      this.logger.error({ event: 'risk_signals_failed', error: error instanceof Error ? error.name : typeof error }, 'could not add up risk signals');
      return null;
    }
  }

  private screen(context: TurnContext): { assessment: RiskAssessment | null; language?: string; text?: string } {
    let text: string | undefined;
    let assessment: RiskAssessment | null;
    let language: string | undefined;
    try {
      text = textToScreen(context.activity);
      if (text === undefined) return { assessment: null };
      language = this.identifyLanguage(text);
      if (language !== undefined) context.turnState.set(MESSAGE_LANGUAGE_KEY, language);
      assessment = this.detect(text, context.activity.locale ?? undefined, language ?? 'en');
    } catch (error) {
      this.logger.error({ event: 'risk_detector_failed', error: error instanceof Error ? error.name : typeof error }, 'risk detector threw: treating the message as a risk');
      assessment = { ...DETECTOR_FAILED, matched: [...DETECTOR_FAILED.matched] };
    }
    if (assessment) {
      context.turnState.set(RISK_ASSESSMENT_KEY, assessment);
      const detail = {
        event: 'risk_detected',
        category: assessment.category,
        severity: assessment.severity,
        negated: assessment.negated,
        who: assessment.who,
        when: assessment.when,
        frame: assessment.frame,
        rules: assessment.matched,
        channelId: context.activity?.channelId,
      };
      this.logger.warn(detail, 'risk detected');
      this.logger.debug({ ...detail, conversationId: context.activity?.conversation?.id }, 'risk detected (with conversation id)');
    }
    return { assessment, language, text };
  }

  /** True when the notice was sent. Never throws: a failed notice must not stop the risk check. */
  private async sendLanguageNotice(context: TurnContext, language: string): Promise<boolean> {
    try {
      await context.sendActivity({ type: ActivityTypes.Message, text: languageNotice(language), locale: language });
      this.logger.info({ event: 'language_notice', language }, 'message not in English: notice sent');
      return true;
    } catch (error) {
      this.logger.error({ event: 'language_notice_failed', error: error instanceof Error ? error.name : typeof error }, 'could not send the language notice');
      return false;
    }
  }

  /** Last line of defence: plain text, unknown nation (every nation's lines), and it never throws. */
  private async sendRoutes(context: TurnContext, assessment: RiskAssessment, reason: string): Promise<void> {
    this.logger.warn({ event: 'safety_gate_fallback', reason, category: assessment.category, severity: assessment.severity }, 'safety gate sent the crisis routes itself');
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
