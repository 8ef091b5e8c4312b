/**
 * A parent or carer asking for a young person: "my daughter is 15, can she refer herself?", "is ipt
 * ok for my 14 year old", "my son's 13, where do we start". The answer that fits is the under-18 one,
 * though the person asking is an adult, so this is context for that one answer and never the
 * profile's age (the entity readers rightly leave other people's ages alone). The words are data
 * (locales/<lang>/asked-for.json); text is read as the entity readers read it. Pure.
 */
import { z } from 'zod';
import { loadOwnLocaleData } from '../content/localeResolver';
import { normaliseForEntities } from './entities';
import { hasAnyPhrase, phraseAt } from './phraseMatch';

const phrases = z.array(z.string().min(1)).min(1);
const fileSchema = z
  .object({ youngPeople: phrases, possessives: phrases, pronouns: phrases, ageBefore: phrases, ageAfter: phrases, ownWay: phrases.optional(), reachOut: phrases.optional() })
  .passthrough();

interface AskedForWords {
  youngPeople: Set<string>;
  possessives: Set<string>;
  pronouns: Set<string>;
  ageBefore: string[][];
  ageAfter: string[][];
  /** "herself", "without me": support the young person would reach on their own. */
  ownWay: string[][];
  /** "ring", "anyone", "talk to": asking for someone or something to turn to. */
  reachOut: string[][];
}

/** Under this age the under-18 answer fits; from this age a number after "my son is" is a child's age. */
const ADULT_AGE = 18;
const YOUNGEST = 5;

export function parseAskedFor(json: unknown): AskedForWords {
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) throw new Error(`asked-for.json: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`);
  const words = (list: string[]) => list.map((p) => normaliseForEntities(p).split(' '));
  return {
    youngPeople: new Set(parsed.data.youngPeople.map(normaliseForEntities)),
    possessives: new Set(parsed.data.possessives.map(normaliseForEntities)),
    pronouns: new Set(parsed.data.pronouns.map(normaliseForEntities)),
    ageBefore: words(parsed.data.ageBefore),
    ageAfter: words(parsed.data.ageAfter),
    ownWay: words(parsed.data.ownWay ?? []),
    reachOut: words(parsed.data.reachOut ?? []),
  };
}

const cache = new Map<string, AskedForWords | undefined>();

function wordsFor(locale: string): AskedForWords | undefined {
  if (!cache.has(locale)) {
    cache.set(locale, loadOwnLocaleData(locale, 'asked-for.json', parseAskedFor));
  }
  return cache.get(locale);
}

/**
 * True when the message gives a young person's age on their behalf: a child word ("my son") or, once
 * one is named, a pronoun ("she's 15"), then an age cue and a number under 18; or "my 14 year old".
 */
export function asksForYoungPerson(text: string, locale = 'en-GB', words: AskedForWords | undefined = wordsFor(locale)): boolean {
  if (!words) return false;
  const tokens = normaliseForEntities(text).split(' ');
  const namesOne = tokens.some((w) => words.youngPeople.has(w));
  return tokens.some((token, i) => {
    if (!/^\d{1,2}$/.test(token)) return false;
    const age = Number(token);
    if (age < YOUNGEST || age >= ADULT_AGE) return false;
    // "my 14 year old", "a 15 yo": the age names the young person itself.
    if (words.ageAfter.some((after) => phraseAt(tokens, i + 1, after)) && (words.possessives.has(tokens[i - 1] ?? '') || namesOne)) return true;
    // "my daughter is 15", "my sons 13", "she's only 16" (once a young person is named).
    const cued = words.ageBefore.some((before) => {
      const start = i - before.length;
      if (start < 1 || !phraseAt(tokens, start, before)) return false;
      const who = tokens[start - 1];
      return words.youngPeople.has(who) || (namesOne && words.pronouns.has(who));
    });
    // ... or with no cue at all: "my lad 16", "she's 12".
    const previous = tokens[i - 1] ?? '';
    return cued || words.youngPeople.has(previous) || (namesOne && words.pronouns.has(previous));
  });
}

/**
 * "is there anyone she could ring herself?", "anything he can use without me": a parent asking what
 * support the young person can reach on their own (Childline is theirs to call). Read only once a
 * young person is being asked about.
 */
export function asksForTheirOwnSupport(text: string, locale = 'en-GB', words: AskedForWords | undefined = wordsFor(locale)): boolean {
  if (!words) return false;
  const tokens = normaliseForEntities(text).split(' ');
  return hasAnyPhrase(tokens, words.ownWay) && hasAnyPhrase(tokens, words.reachOut);
}
