/**
 * Minimal entity extraction (place -> nation, age) until the conversation branch's fuller
 * src/language/entities.ts (with its shipped gazetteer) is merged; that version replaces this file.
 * Pure.
 */
import type { Nation } from '../profile';

export interface Place {
  name: string;
  nation: Nation;
}

const NATION_WORDS: ReadonlyArray<[RegExp, Nation, string]> = [
  [/\bnorthern ireland\b|\bn\.? ?ireland\b|\bulster\b/, 'northern_ireland', 'Northern Ireland'],
  [/\bscotland\b|\bscottish\b/, 'scotland', 'Scotland'],
  [/\bwales\b|\bwelsh\b|\bcymru\b/, 'wales', 'Wales'],
  [/\bengland\b|\benglish\b/, 'england', 'England'],
];

const TOWNS: Readonly<Record<string, Nation>> = {
  glasgow: 'scotland', edinburgh: 'scotland', aberdeen: 'scotland', dundee: 'scotland', inverness: 'scotland', stirling: 'scotland', paisley: 'scotland',
  cardiff: 'wales', swansea: 'wales', newport: 'wales', wrexham: 'wales', bangor: 'wales', aberystwyth: 'wales',
  belfast: 'northern_ireland', derry: 'northern_ireland', londonderry: 'northern_ireland', lisburn: 'northern_ireland', newry: 'northern_ireland',
  london: 'england', manchester: 'england', birmingham: 'england', leeds: 'england', liverpool: 'england', bristol: 'england', sheffield: 'england',
  newcastle: 'england', nottingham: 'england', leicester: 'england', brighton: 'england', york: 'england', norwich: 'england', plymouth: 'england',
};

const POSTCODE_AREAS: ReadonlyArray<[RegExp, Nation]> = [
  [/^BT$/, 'northern_ireland'],
  [/^(AB|DD|DG|EH|FK|G|HS|IV|KA|KW|KY|ML|PA|PH|TD|ZE)$/, 'scotland'],
  [/^(CF|LD|LL|NP|SA)$/, 'wales'],
];

const POSTCODE = /\b([A-Z]{1,2})[0-9][A-Z0-9]?(?:\s*[0-9][A-Z]{2})?\b/i;

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function extractPlace(text: string): Place | undefined {
  const lower = text.toLowerCase();
  for (const [pattern, nation, name] of NATION_WORDS) if (pattern.test(lower)) return { name, nation };
  for (const word of lower.split(/[^a-z]+/)) {
    const nation = TOWNS[word];
    if (nation) return { name: titleCase(word), nation };
  }
  const postcode = POSTCODE.exec(text);
  // Only a full postcode or an outward code typed in capitals, so "g2" in a sentence is not a place by accident.
  if (postcode && (/\s*[0-9][A-Z]{2}$/i.test(postcode[0]) || postcode[0] === postcode[0].toUpperCase())) {
    const area = postcode[1].toUpperCase();
    const nation = POSTCODE_AREAS.find(([pattern]) => pattern.test(area))?.[1] ?? 'england';
    return { name: postcode[0].toUpperCase(), nation };
  }
  return undefined;
}

const AGE = /\b(?:i'?m|i am|im|aged?|age is)\s+(?:only\s+|just\s+)?(\d{1,2})\b(?!\s*(?:weeks?|months?|days?|minutes?|hours?|mins?|sessions?|times?|%|st|nd|rd|th))|\b(\d{1,2})\s*(?:years? old|yrs? old|yo)\b/i;

export function extractAge(text: string): number | undefined {
  const match = AGE.exec(text);
  if (!match) return undefined;
  const age = Number(match[1] ?? match[2]);
  return age >= 5 && age <= 99 ? age : undefined;
}
