import type { CheckFacts } from './checkReading';
import { t } from './i18n';

/**
 * What the check took from a message that answered its questions early ("im 67 and recently
 * widowed"), said back in the person's terms so a wrong reading can be corrected. Pure.
 */
export function sayBackFacts(locale: string, facts: CheckFacts): string[] {
  const items: string[] = [];
  for (const concern of facts.concern ?? []) items.push(t(locale, `suitability:sayBack.concern.${concern}`));
  if (facts.relationships) items.push(t(locale, `suitability:sayBack.relationships.${facts.relationships}`));
  if (facts.duration) items.push(t(locale, `suitability:sayBack.duration.${facts.duration}`));
  if (facts.age) items.push(t(locale, `suitability:sayBack.age.${facts.age}`));
  if (facts.nation) items.push(t(locale, 'suitability:sayBack.nation', { nation: t(locale, `suitability:questions.nation.choices.${facts.nation}`) }));
  return items;
}

/** "a, b and c". */
export function joinList(locale: string, items: readonly string[]): string {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${t(locale, 'suitability:copy.and')} ${items[items.length - 1]}`;
}

/**
 * Outside England the way in to NHS therapy is the GP, for everyone: said as soon as the person
 * names such a nation during the check, so the one fact that changes their route is not held back
 * to the end. England's route depends on age (self-referral is for adults), so it waits for the summary.
 */
export function nationRouteHint(locale: string, facts: CheckFacts): string | undefined {
  return facts.nation && facts.nation !== 'england' ? t(locale, 'suitability:nationGpFirst') : undefined;
}

/** A line said back, with the nation's route hint after it when there is one. */
export function withNationHint(locale: string, line: string, facts: CheckFacts): string {
  const hint = nationRouteHint(locale, facts);
  return hint ? `${line} ${hint}` : line;
}
