import type { AdaptiveCard, CardElement } from './cards';
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
    }
  });
}

export function savedSummaryText(locale: string, card: AdaptiveCard, note: string): string {
  const links = (card.actions ?? []).map((action) => `${action.title}: ${action.url}`);
  return [
    ...lines(card.body),
    '',
    t(locale, 'suitability:copy.intro'),
    note,
    ...(links.length > 0 ? ['', ...links] : []),
  ].join('\n');
}
