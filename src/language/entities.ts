import { z } from 'zod';
import { DEFAULT_LOCALE, loadLocaleData } from '../content/localeResolver';
import { NATIONS, type AgeGroup, type Nation } from '../profile';

/**
 * Facts a person states in passing, read from free text: where in the UK they are, how old they
 * are, and how long something has been going on. Pure and offline (the gazetteer is read once), so
 * the suitability check, the answers and the profile all read a message the same way.
 *
 *   extractNation("im in belfast")        -> { nation: 'northern_ireland', place: 'Belfast' }
 *   extractAge("I'm 18 now")              -> { age: 18, ageGroup: '18_to_34', under18: false }
 *   extractDuration("since June", now)    -> { months: 6, bucket: 'months' }
 *
 * Each returns undefined when the text does not state the thing: a guess is worse than asking.
 */

// ---------------------------------------------------------------------------------------------
// Shared text handling

/** Lower case, no accents or apostrophes, digits split from letters ("15yo" -> "15 yo"), single spaces. */
export function normaliseForEntities(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/%/g, ' percent ')
    .replace(/['’‘`]/g, '')
    .replace(/(\d)([a-z])/g, '$1 $2')
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    // "St Ives" and "Saint Ives" are one place: GeoNames spells it both ways.
    .replace(/\bsaint\b/g, 'st');
}

/** A message as every entity reader sees it: normalised and split once. */
export interface EntityText {
  readonly text: string;
  readonly normalised: string;
  readonly words: readonly string[];
}

let lastRead: EntityText | undefined;

/**
 * The message read once for all the readers. A turn reads the same message several times (the
 * check's answer, the profile, the side answer), each with up to three extractors: the last one
 * read is kept, so a long message is normalised once per turn, not once per reader.
 */
export function entityText(input: string | EntityText): EntityText {
  if (typeof input !== 'string') return input;
  if (lastRead?.text !== input) {
    const normalised = normaliseForEntities(input);
    lastRead = { text: input, normalised, words: normalised.split(' ').filter(Boolean) };
  }
  return lastRead;
}

const SMALL_NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, couple: 2, few: 3, several: 4,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** A number at words[i] ("16", "sixteen", "forty four", "a couple of"): its value and how many words it used. */
function numberAt(words: readonly string[], i: number): { value: number; length: number } | undefined {
  const word = words[i];
  if (word === undefined) return undefined;
  if (/^\d{1,3}$/.test(word)) return { value: Number(word), length: 1 };
  if (word in TENS) {
    const unit = words[i + 1];
    // "twenty 7": a written tens and a typed unit.
    const small = unit !== undefined ? (/^[1-9]$/.test(unit) ? Number(unit) : SMALL_NUMBERS[unit]) : undefined;
    if (small !== undefined && small < 10 && unit !== 'a' && unit !== 'an' && unit !== 'couple' && unit !== 'few' && unit !== 'several') {
      return { value: TENS[word] + small, length: 2 };
    }
    return { value: TENS[word], length: 1 };
  }
  if (word in SMALL_NUMBERS) {
    // "a couple of", "a few": the article belongs to the number.
    if ((word === 'a' || word === 'an') && (words[i + 1] === 'couple' || words[i + 1] === 'few')) {
      return { value: SMALL_NUMBERS[words[i + 1]], length: words[i + 2] === 'of' ? 3 : 2 };
    }
    if (word === 'couple' && words[i + 1] === 'of') return { value: 2, length: 2 };
    return { value: SMALL_NUMBERS[word], length: 1 };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Nation and place

export interface NationMatch {
  nation: Nation;
  /** The town, city, region or postcode district named, as the gazetteer spells it. */
  place?: string;
}

const nationList = z.record(z.enum(NATIONS), z.array(z.string().min(1)));
const gazetteerSchema = z.object({
  nationWords: nationList,
  cueOnlyNationWords: nationList,
  aliases: z.record(z.string().min(1)),
  regions: nationList,
  needsCue: z.array(z.string().min(1)),
  commonWords: z.array(z.string().min(1)),
  postcodeAreas: nationList,
  postcodeDistricts: nationList,
  places: z.record(z.enum(NATIONS), z.object({ major: z.array(z.string()), minor: z.array(z.string()) })),
});

interface PlaceEntry {
  nation: Nation;
  /** Undefined for a nation word ("Welsh"): the nation is the whole answer. */
  place?: string;
  /** 0: recognised anywhere; 1: after a cue word or as the whole answer; 2: only after "live in", "moved to" and the like. */
  cue: 0 | 1 | 2;
}

interface Gazetteer {
  names: Map<string, PlaceEntry>;
  longestName: number;
  /** Every name's first words (one word, two, ... the whole name): a message's words are looked up only while they may still start one. */
  namePrefixes: Set<string>;
  areas: Map<string, Nation>;
  districts: Map<string, Nation>;
}

let gazetteer: Gazetteer | undefined;

function minorEntry(places: z.infer<typeof gazetteerSchema>['places'], name: string): PlaceEntry | undefined {
  const nation = NATIONS.find((candidate) => places[candidate]?.minor.includes(name));
  return nation ? { nation, place: name, cue: 1 } : undefined;
}

export function parseGazetteer(json: unknown): Gazetteer {
  const data = gazetteerSchema.parse(json);
  const needsCue = new Set(data.needsCue.map(normaliseForEntities));
  // Month names are places too (March, Cambridgeshire), but "in March" is nearly always the month.
  const common = new Set([...data.commonWords, ...Object.keys(MONTHS)].map(normaliseForEntities));
  const names = new Map<string, PlaceEntry>();
  const add = (name: string, entry: PlaceEntry): void => {
    const key = normaliseForEntities(name);
    const cue = common.has(key) ? 2 : needsCue.has(key) ? Math.max(entry.cue, 1) : entry.cue;
    // First writer wins: nation words, then regions, then major places, then minor ones.
    if (key && !names.has(key)) names.set(key, { ...entry, cue: cue as PlaceEntry['cue'] });
  };
  for (const nation of NATIONS) for (const word of data.nationWords[nation] ?? []) add(word, { nation, cue: 0 });
  for (const nation of NATIONS) for (const word of data.cueOnlyNationWords[nation] ?? []) add(word, { nation, cue: 1 });
  for (const nation of NATIONS) for (const region of data.regions[nation] ?? []) add(region, { nation, place: region.replace(/^the /, ''), cue: 0 });
  for (const nation of NATIONS) for (const place of data.places[nation]?.major ?? []) add(place, { nation, place, cue: 0 });
  // Aliases before minor places: "Newcastle" is Newcastle upon Tyne before the small Newcastle in County Down.
  for (const [alias, target] of Object.entries(data.aliases)) {
    const key = normaliseForEntities(target);
    const entry = names.get(key) ?? minorEntry(data.places, target);
    if (!entry) throw new Error(`Gazetteer alias ${alias} names an unknown place ${target}`);
    add(alias, entry);
  }
  for (const nation of NATIONS) for (const place of data.places[nation]?.minor ?? []) add(place, { nation, place, cue: 1 });
  const areas = new Map<string, Nation>();
  const districts = new Map<string, Nation>();
  for (const nation of NATIONS) {
    for (const area of data.postcodeAreas[nation] ?? []) areas.set(area, nation);
    for (const district of data.postcodeDistricts[nation] ?? []) districts.set(district, nation);
  }
  const longestName = Math.max(...[...names.keys()].map((key) => key.split(' ').length));
  const namePrefixes = new Set<string>();
  for (const key of names.keys()) {
    const parts = key.split(' ');
    for (let n = 1; n <= parts.length; n += 1) namePrefixes.add(parts.slice(0, n).join(' '));
  }
  return { names, longestName, namePrefixes, areas, districts };
}

function loadGazetteer(): Gazetteer {
  gazetteer ??= loadLocaleData(DEFAULT_LOCALE, 'gazetteer.json', parseGazetteer);
  return gazetteer;
}

/** Words just before a place that say the person is there now, strongest first. */
const CURRENT_CUES = [
  'live in', 'living in', 'lives in', 'live near', 'living near', 'moved to', 'moving to', 'move to', 'moved up to',
  'moved down to', 'based in', 'im in', 'i am in', 'im near', 'now in', 'im now in', 'stay in', 'staying in',
  'reside in', 'residing in', 'located in', 'live just outside', 'im based in', 'my home is in', 'home is',
  'relocated to', 'am in', 'were in', 'we are in', 'we live in', 'currently in',
  // Studying somewhere is living there for now ("im a student at aber").
  'student at', 'student in', 'studying at', 'studying in', 'study at', 'study in', 'uni in', 'university in', 'college in',
].map((cue) => cue.split(' '));
const ISLAND_CUES = ['live on', 'living on', 'im on', 'i am on', 'were on', 'we are on'].map((cue) => cue.split(' '));
const PLACE_CUES = ['in', 'near', 'around', 'outside', 'nr', 'from'];
/** Words just before a place that say the person is not (or no longer) there. */
const PAST_CUES = [
  'not in', 'not from', 'no longer in', 'used to live in', 'moved from', 'moved away from', 'left', 'grew up in',
  'born in', 'moved out of', 'away from', 'not living in', 'dont live in', 'do not live in', 'originally from', 'not',
  // A comparison names somewhere else ("can i not just refer myself like in england").
  'like in', 'as in', 'than in', 'unlike', 'unlike in', 'compared to', 'compared with', 'same as in', 'like they do in',
].map((cue) => cue.split(' '));
/** People a place can belong to instead of the writer ("like my cousin in bristol did"). */
const OTHER_PEOPLE = new Set(
  (
    'cousin cousins sister sis brother bro mum mam mom mother dad father parents friend friends mate mates pal bestie son daughter ' +
    'kids aunt auntie aunty uncle nan nana gran granny grandma grandad grandpa partner wife husband boyfriend girlfriend niece nephew ' +
    'colleague colleagues neighbour neighbours family relatives in-laws'
  ).split(' '),
);
/** "my", and "ma" as Scots and some English speakers write it ("like ma cousin did doon in england"). */
const POSSESSIVES = new Set(['my', 'ma']);
/** Words between the person and the place that put the writer there too ("my mum and i live in"). */
const WRITER_TOO = new Set(['i', 'im', 'me', 'we', 'us', 'and', 'our']);

/**
 * "like my cousin in bristol", "my sister lives in leeds": the place is that person's, not the
 * writer's. "me and my mum live in hull", "with my dad in hull" are the writer's too.
 */
function someoneElsesPlace(words: readonly string[], at: number): boolean {
  for (let k = Math.max(0, at - 5); k < at - 1; k += 1) {
    // One word may come between ("my best mate").
    const person = OTHER_PEOPLE.has(words[k + 1]) ? k + 1 : OTHER_PEOPLE.has(words[k + 2]) && k + 2 < at ? k + 2 : -1;
    if (!POSSESSIVES.has(words[k]) || person < 0) continue;
    // "me and my mum", "i live with my dad in": the writer is there too.
    if (k > 0 && (words[k - 1] === 'and' || words[k - 1] === 'with')) continue;
    if (words.slice(person + 1, at).some((word) => WRITER_TOO.has(word))) continue;
    return true;
  }
  return false;
}

/** A place then one of these is where the person is writing from ("newry here", "leeds way"). */
const HERE_AFTER = new Set(['here', 'way', 'based']);
/** Words a whole answer may carry around a place and still be just the place ("belfast mate"). */
const FILLER = new Set([
  'im', 'i', 'am', 'in', 'near', 'the', 'uk', 'live', 'living', 'based', 'from', 'now', 'currently', 'its', 'it', 'is',
  'mate', 'lol', 'ok', 'okay', 'yeah', 'yes', 'ya', 'yep', 'thanks', 'ta', 'cheers', 'area', 'city', 'town', 'just',
  'outside', 'up', 'down', 'over', 'here', 'there', 'nr', 'of', 'at', 'we', 'are', 'moved', 'to', 'my', 'postcode',
  'post', 'code', 'sorry', 'oh', 'um', 'erm', 'hi', 'hello',
]);

function endsWith(words: readonly string[], end: number, cue: readonly string[]): boolean {
  if (end < cue.length) return false;
  return cue.every((word, k) => words[end - cue.length + k] === word);
}

interface Candidate extends NationMatch {
  score: number;
  at: number;
}

function placeCandidates(words: readonly string[], g: Gazetteer, expected: boolean): Candidate[] {
  const found: Candidate[] = [];
  // Words that are not filler, counted up to each index: "only filler around the place" is two
  // lookups, not a copy of the message per place named (a long message naming many places stays linear).
  const notFillerBefore = [0];
  for (const word of words) notFillerBefore.push(notFillerBefore[notFillerBefore.length - 1] + (FILLER.has(word) ? 0 : 1));
  const total = notFillerBefore[words.length];
  /** Where the last place name ended: "Bangor in North Wales" says which Bangor. */
  let lastEnd = -1;
  let i = 0;
  while (i < words.length) {
    // The longest name starting here. Every shorter part of a name is a prefix of it, so words are
    // read on only while they may start one: most words start none, and each was looked up as
    // every length of name (a 100 KB paste cost tens of milliseconds, twice a turn).
    let longest = 0;
    let longestEntry: PlaceEntry | undefined;
    let key = '';
    for (let n = 1; n <= Math.min(g.longestName, words.length - i); n += 1) {
      key = n === 1 ? words[i] : `${key} ${words[i + n - 1]}`;
      if (!g.namePrefixes.has(key)) break;
      const named = g.names.get(key);
      if (named !== undefined) {
        longest = n;
        longestEntry = named;
      }
    }
    if (longestEntry !== undefined) {
      const n = longest;
      const entry = longestEntry;
      const wholeAnswer = total - (notFillerBefore[i + n] - notFillerBefore[i]) === 0;
      const previous = i > 0 ? words[i - 1] : undefined;
      let score: number;
      if (PAST_CUES.some((cue) => endsWith(words, i, cue)) || someoneElsesPlace(words, i)) score = -1;
      // "<town> in <region or nation>": the second names where the first is, and wins over it.
      else if (previous === 'in' && lastEnd === i - 1 && found.length > 0) score = 5;
      else if (CURRENT_CUES.some((cue) => endsWith(words, i, cue))) score = 4;
      // Islands are lived "on" ("we live on skye"; "on lewis." opening a message). "On" is a loose
      // cue ("im on reading week"), so never for everyday words.
      else if (entry.cue < 2 && (ISLAND_CUES.some((cue) => endsWith(words, i, cue)) || (i === 1 && previous === 'on'))) score = 3;
      else if ((i === 0 || FILLER.has(words[i - 1])) && HERE_AFTER.has(words[i + n] ?? '')) score = 4;
      else if (wholeAnswer && (expected || entry.cue < 2)) score = 3;
      else if (entry.cue === 2) score = -1;
      else if (previous === 'from') score = 1;
      else if (previous !== undefined && PLACE_CUES.includes(previous)) score = 3;
      else score = entry.cue === 0 ? 2 : -1;
      if (score > 0) found.push({ nation: entry.nation, ...(entry.place ? { place: entry.place } : {}), score, at: i });
      lastEnd = i + n;
    }
    i += Math.max(longest, 1);
  }
  return found;
}

/**
 * A UK postcode or its first half ("BT7 1NN", "cf10", "my postcode is SY23"). A full postcode counts
 * anywhere; a first half as the whole answer, next to the word postcode, typed in capitals with a
 * two-letter area ("its CF10 im in"), or after "in" or "near" ("im in ab10 how do i get ipt"),
 * since "m8" on its own is also text-speak.
 */
function postcodeCandidates(text: string, at: number, g: Gazetteer): Candidate[] {
  const found: Candidate[] = [];
  const upper = text.toUpperCase();
  const mentionsPostcode = /\bPOST ?CODE\b/.test(upper);
  for (const match of text.matchAll(/\b([A-Z]{1,2})(\d{1,2})([A-Z])?(?:\s*(\d[A-Z]{2}))?\b/gi)) {
    const [typed, typedArea, number, , inward] = match;
    const area = typedArea.toUpperCase();
    const district = `${area}${number}`;
    const nation = g.districts.get(district) ?? g.areas.get(area);
    if (!nation) continue;
    const before = text.slice(0, match.index).toUpperCase().match(/([A-Z]+)\W*$/)?.[1];
    const cued = before !== undefined && DISTRICT_CUES.has(before);
    const inCapitals = area.length === 2 && typedArea === area;
    const rest = upper.replace(typed.toUpperCase(), ' ').replace(/[^A-Z ]/g, ' ').trim().replace(/\s+/g, ' ');
    const onlyCode = /^(?:(?:IM |I AM |WE ARE )?(?:IN|NEAR|AROUND))?$/.test(rest);
    if (!inward && !mentionsPostcode && !onlyCode && !cued && !inCapitals) continue;
    found.push({ nation, place: district, score: inward ? 4 : 3, at });
  }
  return found;
}

/** Words just before a postcode's first half that make it a place ("in ab10", "near CF10"). */
const DISTRICT_CUES = new Set(['IN', 'NEAR', 'AROUND', 'NR']);

/**
 * A place typed as a fragment of its own ("farm. powys. on my own"): set apart by punctuation, a
 * name that needs a cue counts as a whole answer does (never an everyday word such as "Reading").
 * Short messages only, so the cost stays bounded.
 */
function fragmentPlace(text: string, g: Gazetteer): Candidate | undefined {
  if (text.length > 300 || !/[.,;!?\n]/.test(text)) return undefined;
  for (const fragment of text.split(/[.,;!?\n]+/)) {
    const key = normaliseForEntities(fragment).split(' ').filter((word) => word !== '' && !FILLER.has(word)).join(' ');
    const entry = key ? g.names.get(key) : undefined;
    if (entry && entry.cue < 2) return { nation: entry.nation, ...(entry.place ? { place: entry.place } : {}), score: 3, at: 0 };
  }
  return undefined;
}

/**
 * The nations a message names by nation word ("scottish", "wales", "ni"), in the order named, with
 * no cue: "is there a scottish number or is it all english ones" names Scotland, then England. For
 * a question about a nation, not a statement of where the writer is (extractNation reads that).
 */
export function nationsNamed(input: string | EntityText): Nation[] {
  const { words } = entityText(input);
  const g = loadGazetteer();
  const named: Nation[] = [];
  for (let i = 0; i < words.length; i += 1) {
    for (let n = Math.min(3, words.length - i); n >= 1; n -= 1) {
      const entry = g.names.get(words.slice(i, i + n).join(' '));
      if (entry && entry.place === undefined) {
        named.push(entry.nation);
        i += n - 1;
        break;
      }
    }
  }
  return named;
}

export interface ExtractNationOptions {
  /** The text answers "where in the UK are you?", so a place alone is an answer even if it is an everyday word ("Reading"). */
  expected?: boolean;
}

/** Where the person says they are: the best-cued mention wins, the later one on a tie. */
export function extractNation(input: string | EntityText, options: ExtractNationOptions = {}): NationMatch | undefined {
  const { text, words } = entityText(input);
  if (words.length === 0) return undefined;
  const g = loadGazetteer();
  const candidates = [...placeCandidates(words, g, options.expected === true), ...postcodeCandidates(text, words.length, g)];
  let best: Candidate | undefined;
  for (const candidate of candidates) {
    if (!best || candidate.score > best.score || (candidate.score === best.score && candidate.at >= best.at)) best = candidate;
  }
  best ??= fragmentPlace(text, g);
  if (!best) return undefined;
  return best.place ? { nation: best.nation, place: best.place } : { nation: best.nation };
}

// ---------------------------------------------------------------------------------------------
// Age

export interface AgeMatch {
  /** Years, when a number was given. */
  age?: number;
  /** The profile's age band, when the text pins it down ("over 18" does not). */
  ageGroup?: AgeGroup;
  under18: boolean;
}

export function ageGroupOf(age: number): AgeGroup {
  if (age < 18) return 'under_18';
  return age < 35 ? '18_to_34' : '35_plus';
}

function fromAge(age: number): AgeMatch {
  return { age, ageGroup: ageGroupOf(age), under18: age < 18 };
}

const UNDER_18_PHRASES = [
  'under 18', 'under eighteen', 'not 18', 'not eighteen', 'not 18 yet', 'not an adult', 'im a minor', 'a minor',
  'im a teenager', 'teenager', 'a teen', 'im a teen', 'in my teens', 'sixth form', 'secondary school', 'high school',
  'at school', 'still at school', 'year 7', 'year 8', 'year 9', 'year 10', 'year 11', 'year 12', 'year 13', 'gcse', 'gcses',
  'a level', 'a levels', 'under 16', 'under sixteen', 'im a kid', 'im a child', 'u18', 'u 18',
].map((phrase) => ` ${phrase} `);
/** A clause that says when something began ("since year 9 started"): it dates a start, not the writer's age now. */
const SINCE_CLAUSE = / (?:ever )?since .*$/;
/**
 * School said of the past ("when i was at school", "i used to cut at school, 10 years ago"): where
 * the writer was then, not their age now. A school day of this week ("i was at school today") is now.
 */
const SCHOOL_THEN = / (?:when i (?:was|were)|i (?:was|were)|used to|back)(?: [a-z0-9]+){0,5}? (?:at|in) (?:school|secondary school|high school|sixth form|year \d+)(?! (?:today|yesterday|this|earlier|now))(?= )/g;
/** Words that put a school year or "teenager" on someone other than the writer. */
const ABOUT_OTHERS = [
  'teacher', 'teach', 'teaching', 'lesson', 'lessons', 'pupil', 'pupils', 'my class', 'my son', 'my daughter', 'my child', 'my kid',
  'my kids', 'my students', 'his', 'her', 'their', 'he', 'she', 'they', 'hes', 'shes', 'theyre', 'my sons', 'my daughters',
].map((phrase) => ` ${phrase} `);
const ADULT_PHRASES = ['over 18', 'over eighteen', 'im an adult', 'an adult', 'grown up', 'a grown up', '18 plus', '18 or over', 'older than 18'].map(
  (phrase) => ` ${phrase} `,
);
const BAND_PHRASES: Array<[string, AgeGroup]> = [
  ['in my twenties', '18_to_34'], ['twenties', '18_to_34'], ['20s', '18_to_34'], ['early thirties', '18_to_34'],
  ['early 30s', '18_to_34'], ['mid thirties', '35_plus'], ['late thirties', '35_plus'], ['late 30s', '35_plus'],
  ['forties', '35_plus'], ['40s', '35_plus'], ['fifties', '35_plus'], ['50s', '35_plus'], ['sixties', '35_plus'],
  ['60s', '35_plus'], ['mid 40s', '35_plus'], ['mid forties', '35_plus'], ['seventies', '35_plus'], ['70s', '35_plus'], ['eighties', '35_plus'], ['80s', '35_plus'],
  ['over 35', '35_plus'], ['retired', '35_plus'], ['pensioner', '35_plus'], ['oap', '35_plus'], ['uni student', '18_to_34'],
  ['at uni', '18_to_34'], ['at university', '18_to_34'],
];
/** The band phrases as they appear in normalised text, worked out once rather than on every message. */
const BAND_NEEDLES = BAND_PHRASES.map(([phrase, group]): [string, AgeGroup] => [` ${normaliseForEntities(phrase)} `, group]);
/** Words after a number that make it something other than an age ("6 months", "2 kids"). */
const NOT_AGE_AFTER = new Set([
  'month', 'months', 'mth', 'mths', 'week', 'weeks', 'wk', 'wks', 'day', 'days', 'hour', 'hours', 'hrs', 'min', 'mins',
  'minutes', 'percent', 'kg', 'kids', 'children', 'times', 'quid', 'pounds', 'p', 'pm', 'am', 'oclock', 'st', 'nd', 'rd',
  'th', 'sessions', 'people', 'pills', 'tablets', 'mg', 'miles', 'k', 'foot', 'ft', 'feet', 'cm', 'stone', 'percent', 'of', 'out',
]);
const AGE_BEFORE = [
  ['im'], ['i', 'am'], ['aged'], ['age'], ['ages'], ['turned'], ['turn'], ['just', 'turned'], ['im', 'only'], ['only'], ['iam'], ['am'],
  // "wait no im actually 17", "im really 16": a correction said with a word between.
  ['im', 'actually'], ['am', 'actually'], ['im', 'really'], ['am', 'really'],
];
/** Words typed straight onto a number that still make it an age ("im17"); any other letters make it a code ("bt7", "cf10"). */
const GLUED_AGE_CUES = new Set(['im', 'am', 'iam', 'age', 'aged']);
const AGE_AFTER = [['years', 'old'], ['year', 'old'], ['yrs', 'old'], ['yr', 'old'], ['yo'], ['y', 'o'], ['now'], ['yrs'], ['years'], ['yr', 'old'], ['next', 'month']];
const NEARLY = new Set(['nearly', 'almost', 'nearlyy', 'soon', 'nearli']);
/** Words that may stand around an age given as the whole answer ("44 lol", "im 15"). */
const AGE_FILLER = new Set(['im', 'i', 'am', 'its', 'lol', 'now', 'yeah', 'ya', 'yes', 'x', 'xx', 'thanks', 'ta', 'mate', 'um', 'erm', 'ok', 'okay', 'just', 'only', 'age', 'aged', 'me', 'oh', 'well', 'haha', 'hi', 'hello', 'hey', 'hiya']);
/** Words that may follow an age that opens a message ("22 in brighton", "15 and ..."). */
const AGE_OPENING_NEXT = new Set(['in', 'from', 'living', 'live', 'and', 'n', 'male', 'female', 'f', 'm', 'nb']);
/** Whether the few words from `from` to the end name a place ("cornwall", "west yorkshire", "wales"). */
function onlyPlaceFrom(words: readonly string[], from: number): boolean {
  const rest = words.slice(from);
  return rest.length > 0 && rest.length <= 3 && extractNation(rest.join(' ')) !== undefined;
}

/** Whether a place starts at `from` and the message goes on ("34, bristol, been low since..."). */
function placeStartsAt(words: readonly string[], from: number): boolean {
  return [1, 2].some((n) => from + n < words.length && onlyPlaceFrom(words.slice(0, from + n), from));
}

/** Whether the message typed letters and a number as one token ("near BT7 now"), which the normaliser split. */
function gluedToLetters(input: string | EntityText, letters: string, digits: string): boolean {
  if (!/^[a-z]{1,2}$/.test(letters) || !/^\d+$/.test(digits)) return false;
  const text = typeof input === 'string' ? input : input.text;
  return new RegExp(`(?:^|[^a-z0-9])${letters}${digits}(?![0-9])`, 'i').test(text);
}

/** Words numberAt reads as a count that never state an age on their own. */
const VAGUE_COUNTS = new Set(['a', 'an', 'couple', 'few', 'several']);

/**
 * A number that stands alone between commas in a message of several parts ("right, here goes: 44,
 * since march, leeds, no meds"): someone answering the check's questions in one go, and a bare
 * number among such answers is their age. Only one: "5, 6, 7" is a list of something else.
 */
const LISTED_TIME = /\b(since|for (about |around )?\w+ (weeks?|months?|years?)|ages)\b/i;

function listedAge(text: string): number | undefined {
  const parts = text.split(/[,;:\n]+/).map((part) => part.trim().replace(/[.!?]+$/, '')).filter(Boolean);
  if (parts.length < 3) return undefined;
  const numbers = parts.filter((part) => /^\d{2,3}$/.test(part));
  if (numbers.length !== 1) return undefined;
  // Another part must answer another question (a place, or how long), so "sessions: 16, weekly, online" is no age.
  const others = parts.filter((part) => part !== numbers[0]);
  if (!others.some((part) => LISTED_TIME.test(part) || extractNation(part) !== undefined)) return undefined;
  const value = Number(numbers[0]);
  return value >= 10 && value <= 110 ? value : undefined;
}

/**
 * The person's age or age band. A number counts when something says it is an age ("I'm 15",
 * "aged 44", "16 years old", "turned 18") or when it is the whole answer ("44"); "6 months" and
 * "2 kids" never do. "nearly 18" is still under 18; "I'll be 18 in May" is too.
 */
export function extractAge(input: string | EntityText): AgeMatch | undefined {
  const { normalised, words } = entityText(input);
  const padded = ` ${normalised} `;
  // "I'll be 18 in May", "I turn 18 next month": not 18 yet.
  const soon = / (?:ill be|i will be|will be|i turn|turning|turn) (\d{1,2}|eighteen|sixteen|seventeen) (?:in|next|soon|this|on)\b/.exec(padded);
  if (soon) {
    const value = numberAt([soon[1]], 0)?.value;
    if (value !== undefined && value > 5) return fromAge(value - 1);
  }
  const over = / (?:over|older than|above) (\d{2}) /.exec(padded);
  if (over && Number(over[1]) >= 18) return Number(over[1]) >= 35 ? { ageGroup: '35_plus', under18: false } : { under18: false };

  // Words that are not filler, counted up to each index, so "nothing else around the number" is
  // two lookups, not a scan: a long message full of digits stays linear.
  const notFillerBefore = [0];
  for (const word of words) notFillerBefore.push(notFillerBefore[notFillerBefore.length - 1] + (AGE_FILLER.has(word) ? 0 : 1));
  const notFillerIn = (from: number, to: number) => notFillerBefore[to] - notFillerBefore[from];
  for (let i = 0; i < words.length; i += 1) {
    if (VAGUE_COUNTS.has(words[i])) continue;
    const number = numberAt(words, i);
    if (!number || number.value < 5 || number.value > 110) continue;
    const { value, length } = number;
    if (i > 0 && !GLUED_AGE_CUES.has(words[i - 1]) && gluedToLetters(input, words[i - 1], words[i])) continue;
    const next = words[i + length];
    if (next !== undefined && NOT_AGE_AFTER.has(next)) continue;
    const cuedBefore = AGE_BEFORE.some((cue) => endsWith(words, i, cue));
    // "15 years" alone is a duration; "15 years old" and "im 15 years" are ages.
    if ((next === 'years' || next === 'yrs' || next === 'year') && words[i + length + 1] !== 'old' && !cuedBefore) continue;
    const cuedAfter = AGE_AFTER.some((cue) => cue.every((word, k) => words[i + length + k] === word));
    const fillerBefore = notFillerIn(0, i) === 0;
    const alone = fillerBefore && notFillerIn(i + length, words.length) === 0;
    // "22, in brighton", "15 and i feel low": a number that opens the message, then a place or more about the person.
    // "31, cornwall", "19 leeds": a number that opens the message and the rest is only a place,
    // or a place then more ("hi. 34, bristol, been low a year").
    const opening = fillerBefore && value >= 10 && next !== undefined && (AGE_OPENING_NEXT.has(next) || onlyPlaceFrom(words, i + length) || placeStartsAt(words, i + length));
    if (i > 0 && NEARLY.has(words[i - 1])) return fromAge(Math.max(value - 1, 5));
    if (cuedBefore || cuedAfter || alone || opening) return fromAge(value);
  }
  // "34, bristol, low since the spring": answers given as a list, one of them a number on its own.
  const listed = listedAge(typeof input === 'string' ? input : input.text);
  if (listed !== undefined) return fromAge(listed);
  // "a lesson for year 11", "my son is in year 9": school years said about someone else are not the writer's age.
  const aboutOthers = ABOUT_OTHERS.some((cue) => padded.includes(cue));
  // "since year 9 started", "ever since secondary school", "when i was at school": when something
  // began or where the writer was then, not where they are now.
  const present = padded.replace(SINCE_CLAUSE, ' ').replace(SCHOOL_THEN, ' ');
  if (!aboutOthers && UNDER_18_PHRASES.some((phrase) => present.includes(phrase))) return { ageGroup: 'under_18', under18: true };
  for (const [needle, group] of BAND_NEEDLES) {
    if (padded.includes(needle)) return { ageGroup: group, under18: false };
  }
  if (ADULT_PHRASES.some((phrase) => padded.includes(phrase))) return { under18: false };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Duration

export const DURATION_BUCKETS = ['weeks', 'months', 'years'] as const;
export type DurationBucket = (typeof DURATION_BUCKETS)[number];

export interface DurationMatch {
  /** About how many months, when the text gives a time ("since June", "6 weeks"). */
  months?: number;
  /** The suitability check's band, when the text pins it down. */
  bucket?: DurationBucket;
  /** The event the time is counted from, when it is not a date ("my mum died", "the baby"). */
  since?: string;
}

export function durationBucket(months: number): DurationBucket {
  if (months < 2) return 'weeks';
  return months < 12 ? 'months' : 'years';
}

const MONTHS: Record<string, number> = {
  january: 0, jan: 0, february: 1, feb: 1, march: 2, mar: 2, april: 3, apr: 3, may: 4, june: 5, jun: 5, july: 6, jul: 6,
  august: 7, aug: 7, september: 8, sept: 8, sep: 8, october: 9, oct: 9, november: 10, nov: 10, december: 11, dec: 11,
};
/** Named times of year: the month they start in. */
const SEASONS: Record<string, number> = {
  christmas: 11, xmas: 11, crimbo: 11, 'new year': 0, easter: 3, spring: 2, summer: 5, autumn: 8, fall: 8, winter: 11,
  'half term': 9,
};
const UNIT_MONTHS: Record<string, number> = {
  day: 1 / 30, days: 1 / 30, week: 0.25, weeks: 0.25, wk: 0.25, wks: 0.25, w: 0.25, fortnight: 0.5, fortnights: 0.5,
  month: 1, months: 1, mth: 1, mths: 1, mnth: 1, mnths: 1, mo: 1, mos: 1, monthes: 1, moths: 1, munth: 1, munths: 1, mounths: 1, monts: 1, year: 12, years: 12,
  yr: 12, yrs: 12, y: 12, yeras: 12, yaers: 12, yeats: 12, decade: 120, decades: 120,
};
const VAGUE: Array<[string, DurationBucket]> = [
  ['ages', 'years'], ['for ages', 'years'], ['forever', 'years'], ['for ever', 'years'], ['for years', 'years'],
  ['years', 'years'], ['yrs', 'years'], ['as long as i can remember', 'years'], ['as long as i remember', 'years'],
  ['always', 'years'], ['my whole life', 'years'], ['all my life', 'years'], ['my entire life', 'years'],
  ['long time', 'years'], ['donkeys years', 'years'], ['since i was a kid', 'years'], ['since i was a child', 'years'],
  ['since i was little', 'years'], ['since i was young', 'years'], ['since childhood', 'years'], ['since school', 'years'],
  ['since i was a teenager', 'years'], ['since i was', 'years'], ['since my teens', 'years'], ['since lockdown', 'years'], ['since covid', 'years'],
  ['since the pandemic', 'years'], ['since forever', 'years'], ['decades', 'years'], ['a good few years', 'years'],
  ['months', 'months'], ['for months', 'months'], ['a while', 'months'], ['quite a while', 'months'], ['a good while', 'months'],
  ['since the summer', 'months'], ['half a year', 'months'], ['since last year', 'months'],
  ['since the start of the year', 'months'], ['since the new year', 'months'], ['since new year', 'months'],
  ['weeks', 'weeks'], ['for weeks', 'weeks'], ['recently', 'weeks'], ['just recently', 'weeks'], ['not long', 'weeks'],
  ['just started', 'weeks'], ['a little while', 'weeks'], ['few days', 'weeks'], ['this week', 'weeks'], ['last week', 'weeks'],
  ['since last week', 'weeks'], ['since monday', 'weeks'], ['since tuesday', 'weeks'], ['since wednesday', 'weeks'],
  ['since thursday', 'weeks'], ['since friday', 'weeks'], ['since the weekend', 'weeks'], ['since yesterday', 'weeks'],
  ['a fortnight', 'weeks'], ['last month', 'weeks'], ['since last month', 'weeks'], ['past month', 'weeks'],
  ['this month', 'weeks'], ['this year', 'months'],
];
const YEAR_AND_A_HALF = / (a|one) (year|yr) and a half /;
const HALF_A_YEAR = / (half a|6 months|six months) /;
/** A sentence that ends by counting from a time it named earlier ("... and felt low ever since", "since then"). */
const CLOSING_SINCE = / (?:ever )?since(?: then)? $/;
/** Events people count from; the words after "since" are kept as the event. */
const SINCE_EVENT = / (?:ever )?since (.{3,60})$/;

/**
 * Named days, not spans: Christmas is the 25th, so "since Christmas" typed on 7 December means last
 * year's (nearly a year), not this month.
 */
const NAMED_DAYS: Record<string, { month: number; day: number }> = {
  christmas: { month: 11, day: 25 }, xmas: { month: 11, day: 25 }, crimbo: { month: 11, day: 25 }, 'new year': { month: 0, day: 1 },
};

const DAY_MS = 24 * 60 * 60 * 1000;
const MONTH_DAYS = 365.25 / 12;

/** Months from a named month (this year, or last year if it has not come round yet) to now. */
function monthsSince(month: number, now: Date, year?: number): number {
  const nowMonth = now.getFullYear() * 12 + now.getMonth();
  let then = (year ?? now.getFullYear()) * 12 + month;
  if (year === undefined && then > nowMonth) then -= 12;
  return Math.max(nowMonth - then, 0) + 0.5;
}

/** Months from a named day (this year's, or last year's if it is still to come) to now. */
function monthsSinceDay(named: { month: number; day: number }, now: Date, year?: number): number {
  const at = (y: number): number => Date.UTC(y, named.month, named.day);
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  let then = at(year ?? now.getFullYear());
  if (year === undefined && then > today) then = at(now.getFullYear() - 1);
  return Math.max(today - then, 0) / DAY_MS / MONTH_DAYS;
}

/** Words that only hedge a short answer ("year maybe", "month or so"): with a unit, it is one of that unit. */
const UNIT_HEDGES = new Set([
  'maybe', 'mayb', 'about', 'around', 'roughly', 'approx', 'prob', 'probs', 'probably', 'ish', 'or', 'so', 'like', 'i', 'think',
  'guess', 'bout', 'abt', 'nearly', 'almost', 'over', 'just', 'the', 'past', 'more', 'less', 'than', 'at', 'least', 'for', 'a',
  'an', 'well', 'hmm', 'um', 'erm', 'tbh', 'dunno', 'idk', 'its', 'been', 'reckon', 'say', 'summat', 'something',
]);

/** Plurals ("months") are vague spans, read below. */
const SINGLE_UNITS = new Set(['year', 'yr', 'month', 'mth', 'mnth', 'week', 'wk', 'fortnight']);

/**
 * "year maybe", "month or so", "yr probably": a short answer that is a time unit and hedges only,
 * read as one of that unit. Longer messages ("this year has been hard") are not answers of this kind.
 */
function bareUnit(words: readonly string[]): string | undefined {
  if (words.length > 4) return undefined;
  const units = words.filter((word) => SINGLE_UNITS.has(word));
  if (units.length !== 1) return undefined;
  return words.every((word) => word === units[0] || UNIT_HEDGES.has(word)) ? units[0] : undefined;
}

function withBucket(months: number): DurationMatch {
  return { months: Math.round(months * 10) / 10, bucket: durationBucket(months) };
}

/**
 * How long something has gone on: a count ("about 6 months", "2 yrs", "a couple of weeks"), a date
 * ("since June", "since Christmas", "since 2019"), a vague span ("ages", "for months",
 * "recently") or an event ("since my mum died", kept in `since` with no bucket: we cannot tell).
 */
export function extractDuration(input: string | EntityText, now: Date): DurationMatch | undefined {
  const { normalised, words } = entityText(input);
  const padded = ` ${normalised} `;
  if (YEAR_AND_A_HALF.test(padded)) return withBucket(18);

  // A count and a unit: "6 months", "a couple of weeks", "about two yrs". "15 years old" is an age.
  for (let i = 0; i < words.length; i += 1) {
    const number = numberAt(words, i);
    const unitAt = number ? i + number.length : i;
    const unit = words[unitAt];
    if (unit === undefined || !(unit in UNIT_MONTHS)) continue;
    if (words[unitAt + 1] === 'old') continue;
    if (!number && unit !== 'fortnight' && unit !== 'decade') continue;
    if (unit === 'y' || unit === 'w') {
      if (!number || !/^\d/.test(words[i])) continue;
    }
    const count = number?.value ?? 1;
    // "since 2 years" / "2 years ago": the same span.
    return withBucket(count * UNIT_MONTHS[unit]);
  }
  if (HALF_A_YEAR.test(padded)) return withBucket(6);
  const bare = bareUnit(words);
  if (bare !== undefined) return withBucket(UNIT_MONTHS[bare]);

  // A date: "since June", "since last summer", "since March 2023", "since 2019", "since Christmas".
  // "since June", "from March", "it started in May": a date counts only with a word that says the
  // time runs from it ("my nan died in March" says when she died, not how long they have felt low).
  const since = padded.match(/ (?:since|from|started in|start of|beginning of|began in|started around|started) (last |the start of |the |about |around |early |late |mid )?([a-z]+(?: year| term)?)(?: (\d{4}))? /);
  if (since) {
    const [, prefix, word, yearText] = since;
    // "since xmas last year": the year before this one.
    const lastYear = !yearText && padded.includes(` ${word} last year `);
    const year = yearText ? Number(yearText) : lastYear ? now.getFullYear() - 1 : undefined;
    // "may" is a month only after "since" ("in may" is often "I may").
    const month = word === 'may' && !padded.includes(' since ') ? undefined : (MONTHS[word] ?? SEASONS[word]);
    if (month !== undefined) {
      const named = NAMED_DAYS[word];
      const months = named ? monthsSinceDay(named, now, year) : monthsSince(month, now, year);
      // "since last Christmas" in December is a year ago, not this month.
      return withBucket(prefix === 'last ' && months < 1 ? months + 12 : months);
    }
  }
  // "lost my job in Jan and haven't felt right since": the date comes first, "since" closes the sentence.
  if (CLOSING_SINCE.test(padded)) {
    for (const [, word, yearText] of padded.matchAll(/ (?:in|around|last|at) (?:early |late |mid |the )?([a-z]+)(?: (\d{4}))?(?= )/g)) {
      const month = word === 'may' ? undefined : (MONTHS[word] ?? SEASONS[word]);
      if (month === undefined) continue;
      const year = yearText ? Number(yearText) : undefined;
      const named = NAMED_DAYS[word];
      return withBucket(named ? monthsSinceDay(named, now, year) : monthsSince(month, now, year));
    }
  }
  const sinceYear = padded.match(/ (?:since|from|started in|began in) (?:early |late |mid )?((?:19|20)\d{2}) /);
  if (sinceYear) {
    const year = Number(sinceYear[1]);
    if (year <= now.getFullYear()) return withBucket((now.getFullYear() - year) * 12 + now.getMonth() + 0.5);
  }
  const withoutAges = padded.replace(/ \S+ (?:years?|yrs?|y) old /g, ' ');
  for (const [phrase, bucket] of VAGUE) {
    if (withoutAges.includes(` ${phrase} `)) return { bucket };
  }
  const event = padded.trimEnd().match(SINCE_EVENT);
  if (event) return { since: event[1].trim() };
  return undefined;
}

/**
 * The same as extractNation with a display name always set (the place, or the nation's own name):
 * the shape the answers branch's stand-in used, so its callers need no change.
 */
export function extractPlace(text: string): { name: string; nation: Nation } | undefined {
  const match = extractNation(text);
  return match ? { name: match.place ?? NATION_NAMES[match.nation], nation: match.nation } : undefined;
}

const NATION_NAMES: Record<Nation, string> = {
  england: 'England',
  wales: 'Wales',
  scotland: 'Scotland',
  northern_ireland: 'Northern Ireland',
};
