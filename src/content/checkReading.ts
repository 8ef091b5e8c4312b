import type { AgeGroup, Nation } from '../profile';
import { entityText, extractAge, extractDuration, extractNation } from '../language/entities';
import { interpretAnswer, isFocusArea, mentionsPerson, type Concern, type Duration, type QuestionId, type RelationshipsAnswer, type SuitabilityLexicon } from './suitability';

/**
 * Reads a typed message during the "is IPT right for me?" check: the answer to the question being
 * asked, and anything else it states that another question asks about ("im 15 and in Cardiff"),
 * so that answer is kept and its question skipped. Pure.
 */

/** What a message says for the check's questions; 'adult' is an age over 18 with no band ("over 18"). */
export interface CheckFacts {
  concern?: Concern[];
  relationships?: RelationshipsAnswer;
  duration?: Duration;
  age?: AgeGroup | 'adult';
  nation?: Nation;
  /** The place named, for saying back what was understood. */
  place?: string;
  /**
   * A start given as an event, not a length ("since my mum moved into a home", "since year 9
   * started"): said before the duration question is asked, it answers it (without a band).
   */
  onset?: true;
}

export type CheckReading =
  /** Choice ids for the question asked (several only for 'concern'), and facts for others. */
  | { kind: 'answer'; values: string[]; facts: CheckFacts }
  /** Nothing for this question, but something for others; `since` when a time was given as an event. */
  | { kind: 'facts'; facts: CheckFacts; since?: string }
  | undefined;

function isEmpty(facts: CheckFacts): boolean {
  return Object.keys(facts).length === 0;
}

/** The facts a message states for every question, read with the question being asked in mind. */
export function readFacts(question: QuestionId, text: string, lexicon: SuitabilityLexicon, now: Date): CheckFacts {
  const facts: CheckFacts = {};
  const entity = entityText(text);
  const age = extractAge(entity);
  if (age) facts.age = age.ageGroup ?? (age.under18 ? 'under_18' : 'adult');
  const place = extractNation(entity, { expected: question === 'nation' });
  if (place) {
    facts.nation = place.nation;
    if (place.place) facts.place = place.place;
  }
  const duration = extractDuration(entity, now);
  if (duration?.bucket) facts.duration = duration.bucket;
  else if (duration?.since !== undefined) facts.onset = true;
  // Focus areas said in passing are kept only where people talk about what happened.
  if (question === 'concern' || question === 'relationships' || question === 'duration') {
    const areas = interpretAnswer('concern', text, lexicon).filter(isFocusArea);
    if (areas.length > 0) facts.concern = areas;
  }
  return facts;
}

function answerFromFacts(question: QuestionId, facts: CheckFacts): string[] {
  switch (question) {
    case 'age':
      return facts.age ? [facts.age] : [];
    case 'nation':
      return facts.nation ? [facts.nation] : [];
    case 'duration':
      return facts.duration ? [facts.duration] : [];
    default:
      return [];
  }
}

/** "can I talk to my mum about it?", "talk to someone": a request or a question, not an answer. */
function isRequest(text: string): boolean {
  return text.includes('?') || /^\s*(can|could|would|will|how|what|where|who|why|when|is|are|do|does|should|talk|speak|tell|give|show)\b/i.test(text);
}

export function readCheckAnswer(question: QuestionId, text: string, lexicon: SuitabilityLexicon, now: Date): CheckReading {
  const facts = readFacts(question, text, lexicon, now);
  let values = answerFromFacts(question, facts);
  if (values.length === 0) values = interpretAnswer(question, text, lexicon);
  // "it's my boyfriend": no focus area named, but a person is, so people are part of it.
  if (question === 'concern' && values.length === 0 && !isRequest(text) && mentionsPerson(text, lexicon)) {
    values = ['other'];
    facts.relationships = 'yes';
  }
  // The answer to this question is not also a fact for others.
  const others: CheckFacts = { ...facts };
  if (question === 'age') delete others.age;
  if (question === 'nation') delete others.nation;
  if (question === 'duration') {
    delete others.duration;
    delete others.onset;
  }
  if (question === 'concern') delete others.concern;
  if (values.length > 0) return { kind: 'answer', values, facts: others };
  // "life change i guess" while asked about age or place: nothing for this question, but a late
  // answer about what happened (read only now: in a place or an age, such words are incidental).
  if (isEmpty(others) && (question === 'age' || question === 'nation')) {
    const areas = interpretAnswer('concern', text, lexicon).filter(isFocusArea);
    if (areas.length > 0) others.concern = areas;
  }
  const since = question === 'duration' ? extractDuration(text, now)?.since : undefined;
  if (since !== undefined || !isEmpty(others)) return { kind: 'facts', facts: others, ...(since !== undefined ? { since } : {}) };
  return undefined;
}

/**
 * A message that is only an answer to how long ("about 8 months", "year maybe"), with nothing else
 * in it: after the check has ended, it can only be that answer, given late or changed. Pure.
 */
export function lateDurationAnswer(text: string, lexicon: SuitabilityLexicon, now: Date): Duration | undefined {
  if (text.includes('?') || text.trim().split(/\s+/).length > 6) return undefined;
  const reading = readCheckAnswer('duration', text, lexicon, now);
  if (reading?.kind !== 'answer' || !isEmpty(reading.facts)) return undefined;
  const [value] = reading.values;
  return value === 'weeks' || value === 'months' || value === 'years' ? value : undefined;
}

/** How many of the check's questions a message answers at once (age, place, how long or since when, what is wrong). */
export function checkAnswersGiven(text: string, lexicon: SuitabilityLexicon, now: Date): number {
  const facts = readFacts('concern', text, lexicon, now);
  return [facts.age, facts.nation, facts.duration ?? facts.onset, facts.concern].filter((fact) => fact !== undefined).length;
}
