/**
 * Context read from a message beyond places and ages (which entities.ts and profileUpdate.ts read).
 * "I've moved" with no new place: the nation we had is out of date, so the bot asks where the
 * person lives now. "can he refer himself": the question is about someone else. Pure.
 */
import { extractNation } from './entities';
import type { Nation } from '../profile';

const MOVED = /\b(i'?ve|i have|we'?ve|just|recently)\s+moved\b|\bmoved (house|away|out)\b|\bi (don'?t|do not) live (there|in \w+) any ?more\b|\bnot in \w+ any ?more\b|\bwrong (country|nation|place)\b/i;

export function movedWithoutPlace(text: string): boolean {
  return MOVED.test(text) && extractNation(text) === undefined;
}

/** He or she, as the subject of the question: after "my son is 15", "can he refer himself" is about him. */
const THIRD_PERSON = /\b(he|she|him|her|his|hes|he'?s|shes|she'?s|himself|herself)\b/i;

export function asksAboutSomeoneElse(text: string): boolean {
  return THIRD_PERSON.test(text);
}

/**
 * "she's asked me to", "he wants to give it a go", "I'm asking on her behalf": the person being
 * helped wants the help, so the answer is how they can get it themselves.
 */
const THEY_ASKED =
  /\b(?:s?he|they|shes|hes|she'?s|he'?s|they'?ve|they'?re)\s+(?:has\s+|have\s+|did\s+|just\s+|actually\s+)?(?:asked|asking|begged)\s+(?:me|us)\b|\bon (?:her|his|their) behalf\b|\b(?:s?he|they)\s+(?:(?:really|does|do)\s+)?(?:wants?|would like|is keen|are keen|is up for|are up for)\s+(?:to\s+)?(?:help|get help|try|give it a go|therapy|ipt|it|this)\b/i;

export function saysTheyWantHelp(text: string): boolean {
  return THEY_ASKED.test(text);
}

/** "and for me also", "what about me", "me too": the same question again, now for the writer. */
const FOR_WRITER_TOO = /^(?:and|but|what about|how about|and what about)\s+(?:for\s+)?(?:me|myself)\b|\b(?:me|myself)\s+(?:too|also|as well)\b/i;

export function asksForWriterToo(text: string): boolean {
  return FOR_WRITER_TOO.test(text.trim());
}

/** Someone close named before a place that is theirs ("my cousin in liverpool", "my mates down in cardiff"). */
const OTHERS_PLACE = /\b(?:my|ma) (?:\w+ )?(?:cousin|sister|sis|brother|bro|mum|mam|mom|dad|friend|mate|pal|aunt|auntie|aunty|uncle|nan|gran|granny|partner|colleague|neighbour|son|daughter|niece|nephew)s? (.*)$/i;

/**
 * "my cousin in liverpool just filled a form in online": the nation of the place someone else is
 * in, to set against the writer's own (the person's own place is read by extractNation as usual).
 */
export function othersNation(text: string): Nation | undefined {
  const rest = OTHERS_PLACE.exec(text)?.[1];
  return rest === undefined ? undefined : extractNation(rest)?.nation;
}

/** "i work in wales half the year", "im based in cardiff for work": the words after a place of work or study. */
const WORK_PLACE = /\b(?:i|we)(?:'?m|\s+am|'?re|\s+are)?\s+(?:also\s+|sometimes\s+|mostly\s+|usually\s+)?(?:work|working|stationed|posted|based for work)\b(.*)$/i;
/** "i live in a different area to where i work": a place of work set apart from home, without naming it. */
const WORK_ELSEWHERE =
  /\bwhere i work\b|\bwhere my (?:job|work|office|workplace) is\b|\b(?:different|another|other) (?:area|place|town|city|county|nation|country|part of the country) (?:to|from|than) (?:where )?(?:i|my) (?:work|live|job)\b|\bwork (?:in|out of) (?:a )?(?:different|another) (?:area|place|town|city|county|nation|country)\b/i;
/** The writer says where they live in the same message ("i live in leeds but work in wales"). */
const SAYS_HOME = /\b(?:i|we)(?:'?m|\s+am)?\s+(?:live|living|lives)\b|\bmy home is\b/i;

/**
 * "what if i work in wales half the year", "i live in a different area to where i work": a place
 * the writer works or studies in, which is not where their NHS route comes from (that follows the
 * GP surgery they are registered with). The nation of the place of work when one is named; an
 * empty object when the place of work is only said to differ; undefined when the message says
 * neither. Pure.
 */
export function workPlace(text: string): { nation?: Nation } | undefined {
  const rest = WORK_PLACE.exec(text)?.[1];
  const nation = rest === undefined ? undefined : extractNation(rest)?.nation;
  if (nation) return { nation };
  return WORK_ELSEWHERE.test(text) ? {} : undefined;
}

/** The place a message names is only where the writer works, not where they live: not theirs to keep as home. */
export function placeIsOnlyWork(text: string, nation: Nation): boolean {
  return workPlace(text)?.nation === nation && !SAYS_HOME.test(text);
}
