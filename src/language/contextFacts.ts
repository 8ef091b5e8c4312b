/**
 * What a message says about the person's context: where they live (nation, from a nation, town,
 * city or postcode) and how old they are, plus whether it corrects something said before ("I've
 * moved", "I'm 18 now"). Pure. The extraction itself is src/language/entities.ts (shared with the
 * suitability check); this module only turns it into the facts the answers use.
 */
import type { AgeGroup, Nation } from '../profile';
import { extractAge, extractPlace } from './entities';

export interface ContextFacts {
  nation?: Nation;
  /** The place as the person named it, for "You said you're in Glasgow (Scotland)". */
  place?: string;
  ageGroup?: AgeGroup;
  age?: number;
  /** "I've moved", "I don't live there any more": the nation we had is out of date. */
  moved: boolean;
  /** True when the message says nothing beyond the place or age ("im in belfast", "what about wales?"). */
  onlyContext: boolean;
}

/** Words that carry no question of their own around a place or an age. */
const FILLER = new Set(
  ("i i'm im am me my we we're our in at from near live living lives based is are it's its the a an and so ok okay oh hi hello hey now just actually what about how " +
    "postcode post code area town city moved move have i've ive to years year yrs old aged age turned turning sorry well yes yeah no nope not there any more anymore but here"
  ).split(' '),
);

function leftOver(text: string, remove: readonly string[]): boolean {
  let rest = text.toLowerCase();
  for (const part of remove) rest = rest.split(part.toLowerCase()).join(' ');
  return rest
    .replace(/[^a-z' ]+/g, ' ')
    .split(/\s+/)
    .some((word) => word.length > 0 && !FILLER.has(word));
}

const MOVED = /\b(i'?ve|i have|we'?ve|just|recently)\s+moved\b|\bmoved (house|away|out)\b|\bi (don'?t|do not) live (there|in \w+) any ?more\b|\bnot in \w+ any ?more\b|\bwrong (country|nation|place)\b/i;

const NATION_NAMES: Readonly<Record<Nation, string>> = {
  england: 'england',
  wales: 'wales',
  scotland: 'scotland',
  northern_ireland: 'northern ireland',
};

export function ageGroupOf(age: number): AgeGroup {
  if (age < 18) return 'under_18';
  if (age < 35) return '18_to_34';
  return '35_plus';
}

export function readContextFacts(text: string): ContextFacts {
  const place = extractPlace(text);
  const age = extractAge(text);
  const named = [place?.name, place ? NATION_NAMES[place.nation] : undefined, age === undefined ? undefined : String(age)].filter(
    (part): part is string => Boolean(part),
  );
  return {
    ...(place ? { nation: place.nation, place: place.name } : {}),
    ...(age !== undefined ? { age, ageGroup: ageGroupOf(age) } : {}),
    moved: MOVED.test(text),
    onlyContext: (place !== undefined || age !== undefined) && !leftOver(text, named),
  };
}
