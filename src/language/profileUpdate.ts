import type { AgeGroup, Nation } from '../profile';
import { entityText, extractAge, extractNation, normaliseForEntities } from './entities';
import { placeIsOnlyWork } from './contextFacts';

/**
 * What a message says about where the person lives or how old they are ("I've moved to Bristol",
 * "I'm 18 now", "im in belfast"), and whether it says nothing else, so the bot can note it and
 * say so rather than treat it as a question. Pure.
 */
export interface ProfileUpdate {
  nation?: Nation;
  place?: string;
  ageGroup?: AgeGroup;
  /** Over 18 with no band given ("I'm an adult"): an under-18 age group no longer holds. */
  adult?: boolean;
  onlyContext: boolean;
}

/**
 * Words that carry no request of their own around a place or an age, correcting one included
 * ("oops i meant 74, typo", "sorry wrong age, im 40"): a correction is only context, never a question.
 */
const FILLER = new Set(
  (
    'i im am me my we were our in at from near live living lives based is are its it the a an and so ok okay oh hi hello hey now just actually ' +
    'postcode post code area town city moved move have ive to years year yrs yr old aged age turned turning sorry well yes yeah no not ' +
    'anymore any more but here these days since last week month recently currently sure btw by way also nearly almost only fyi adult grown up ' +
    'oops meant mean typo typed mistake mistyped wrong correction'
  ).split(' '),
);

export function readProfileUpdate(text: string): ProfileUpdate | undefined {
  const entity = entityText(text);
  // "what if i work in wales half the year": where they work, not where they live.
  const named = extractNation(entity);
  const place = named && placeIsOnlyWork(text, named.nation) ? undefined : named;
  const age = extractAge(entity);
  if (!place && !age) return undefined;
  const placeWords = new Set(normaliseForEntities([place?.place ?? '', place?.nation.replace('_', ' ') ?? ''].join(' ')).split(' '));
  const rest = new Set(entity.words.filter((word) => !FILLER.has(word) && !placeWords.has(word) && !/^\d+$/.test(word)));
  // Words the extractors read (nation adjectives, "sixteen", "welsh") are not left over either:
  // each distinct word is tried once, so a long message costs its vocabulary, not its length.
  // The words are normalised already, and read as they are (the whole message stays the one read).
  const asRead = (...words: string[]) => ({ text: words.join(' '), normalised: words.join(' '), words });
  const leftover = [...rest].filter((word) => !extractNation(asRead(word)) && !extractAge(asRead('im', word)));
  return {
    ...(place ? { nation: place.nation, ...(place.place ? { place: place.place } : {}) } : {}),
    ...(age?.ageGroup ? { ageGroup: age.ageGroup } : {}),
    ...(age && !age.under18 && !age.ageGroup ? { adult: true } : {}),
    onlyContext: leftover.length === 0,
  };
}
