import { ADAPTIVE_CARD_SCHEMA, ADAPTIVE_CARD_VERSION, type AdaptiveCard, type CardElement } from './cards';
import { t } from './i18n';

/**
 * The check's summary as plain text a person can keep: copied, saved as a .txt file or printed
 * from Web Chat (public/app.js finds it under SUMMARY_MARKER in the activity's channelData), and
 * shown in Teams as a card to copy from. Built from the same card the person saw, so the two never
 * differ. Pure. Nothing is ever sent by email: the person keeps it themselves.
 */
export const SUMMARY_MARKER = 'iptGuideSummary';

export interface SavedSummary {
  title: string;
  text: string;
}

function lines(elements: readonly CardElement[]): string[] {
  return elements.flatMap((element) => {
    switch (element.type) {
      case 'TextBlock':
        return [element.text];
      case 'FactSet':
        return element.facts.map((fact) => `${fact.title}: ${fact.value}`);
      case 'Container':
        return lines(element.items);
      default:
        // Buttons (an ActionSet) are for tapping, not for keeping.
        return [];
    }
  });
}

/** `intro` is the line the chat put before the note (a self-referral form only where one exists). */
export function savedSummaryText(card: AdaptiveCard, intro: string, note: string): string {
  const links = (card.actions ?? []).map((action) => `${action.title}: ${action.url}`);
  return [
    ...lines(card.body),
    '',
    intro,
    note,
    ...(links.length > 0 ? ['', ...links] : []),
  ].join('\n');
}

/**
 * Teams has no Save or Print for a chat message, so the summary comes as a card whose text can be
 * selected and copied in one go (and the message saved with Teams' own "Save this message").
 */
export function summaryKeepCard(locale: string, summary: SavedSummary): AdaptiveCard {
  const title = t(locale, 'suitability:keepTitle');
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    fallbackText: `${title}\n\n${summary.text}`,
    body: [
      { type: 'TextBlock', text: title, wrap: true, weight: 'Bolder', size: 'Medium', style: 'heading' },
      ...summary.text
        .split('\n\n')
        .map((part): CardElement => ({ type: 'TextBlock', text: part, wrap: true, spacing: 'Small' })),
      { type: 'TextBlock', text: t(locale, 'suitability:keepHint'), wrap: true, isSubtle: true, spacing: 'Medium' },
    ],
  };
}
