/**
 * Who is at risk, when, and in what frame, read from the normalised text around the words that
 * raised the risk. Pure apart from reading its phrases once at load; works on the normaliser's
 * output (lower-case ASCII words, " . " between sentences, contractions expanded).
 *
 * - who: 'self' unless the risk is about someone else (a friend, partner, parent, pupil) - and for
 *   harm_to_others, who may be hurt. A child or an older person is named from the nearest word
 *   that says so ("my son", "a 15 year old", "my nan", "a care home resident").
 * - when: 'past' only when the message says the risk is past and over ("years ago", "well ever
 *   since") and nothing says it is back or happening now.
 * - frame: 'professional' when the words come as work or study (a student nurse, a dissertation,
 *   an HR policy, a lesson plan) and the risk words are not about the writer.
 */
import { loadRiskContext } from './riskContextData';
import type { RiskCategory, RiskFrame, RiskWhen, RiskWho } from './types';

export interface RiskContext {
  who: RiskWho;
  when: RiskWhen;
  frame: RiskFrame;
}

// The phrases, and why each is there, are data: locales/en-GB/risk-context.json (read and checked
// once at load, src/safety/riskContextData.ts). Flags are how this file uses them ('g' to set aside).
const PHRASES = loadRiskContext();

const THIRD_PARTY = PHRASES.regex('THIRD_PARTY');
const FIRST_PERSON = PHRASES.regex('FIRST_PERSON');
const OBJECT_SELF = PHRASES.regex('OBJECT_SELF');
const FIRST_SUBJECT = PHRASES.regex('FIRST_SUBJECT');
const TOLD_ME = PHRASES.regex('TOLD_ME', 'g');
const CHILD = PHRASES.regex('CHILD');
const OLDER = PHRASES.regex('OLDER');
const PAST_OVER = PHRASES.regex('PAST_OVER', 'g');
const PAST_ONLY = PHRASES.regex('PAST_ONLY', 'g');
const DATED_PAST = PHRASES.regex('DATED_PAST');
const RECOVERED = PHRASES.regex('RECOVERED', 'g');
const DATED_PAST_ALL = new RegExp(DATED_PAST.source, 'g');
const NOW = PHRASES.regex('NOW');
const DAYS_AGO = PHRASES.regex('DAYS_AGO');
const MEDICAL_CLEARED = PHRASES.regex('MEDICAL_CLEARED');
const SELF_INFLICTED = PHRASES.regex('SELF_INFLICTED');
const TURNS_BACK = PHRASES.regex('TURNS_BACK');
const REFERS_TO_RISK = PHRASES.regex('REFERS_TO_RISK');
const REFERS_BACK = PHRASES.regex('REFERS_BACK');
const SOON = PHRASES.regex('SOON');
const PLANS = PHRASES.regex('PLANS', 'g');
const PREVENTING = PHRASES.regex('PREVENTING', 'g');
const GOALS_AGAIN = PHRASES.regex('GOALS_AGAIN', 'g');
const RECURRING = PHRASES.regex('RECURRING');
const PRESENT_WANT = PHRASES.regex('PRESENT_WANT');
const PRESENT_RISK_VERB = PHRASES.regex('PRESENT_RISK_VERB');
const ROLE = PHRASES.regex('ROLE');
const ABOUT_OTHERS = PHRASES.regex('ABOUT_OTHERS', 'g');
const OWN_PEOPLE = PHRASES.regex('OWN_PEOPLE');
const OWN_TIME = PHRASES.regex('OWN_TIME');
const FIRST_SELF = PHRASES.regex('FIRST_SELF');
const DISCLOSED = PHRASES.regex('DISCLOSED');
const HYPOTHETICAL = PHRASES.regex('HYPOTHETICAL');
const HAPPENED_NOW = PHRASES.regex('HAPPENED_NOW');
const QUOTED_FIRST = PHRASES.regex('QUOTED_FIRST', 'g');
const REPORTED = PHRASES.regex('REPORTED');
const LESSON_TODAY = PHRASES.regex('LESSON_TODAY', 'g');
const TRAINING_HELD = PHRASES.regex('TRAINING_HELD');
const ROLE_ALL = new RegExp(ROLE.source, 'g');
const PARTICULAR_PERSON = PHRASES.regex('PARTICULAR_PERSON');
const GENERAL_QUESTION = PHRASES.regex('GENERAL_QUESTION');

function disclosedToThem(plain: string): boolean {
  if (HAPPENED_NOW.test(plain.replace(LESSON_TODAY, ' '))) return true;
  const m = DISCLOSED.exec(plain);
  if (m === null) return false;
  const { start } = sentenceAround(plain, m.index);
  return !HYPOTHETICAL.test(plain.slice(start, m.index));
}

/** A particular person at risk now, told from work, not in a hypothetical ("if a pupil ..."). */
function particularPersonNow(sentence: string): boolean {
  const m = PARTICULAR_PERSON.exec(sentence);
  if (m === null) return false;
  const before = sentence.slice(0, m.index);
  return !HYPOTHETICAL.test(before) && !REPORTED.test(before) && !GENERAL_QUESTION.test(before);
}

/**
 * Words without which PAST_OVER or ROLE cannot match: the large alternations run only on
 * texts that hold one (they cost more than the rest of the detector when run on every hit).
 */
const PAST_WORDS: ReadonlySet<string> = new Set(PHRASES.words('PAST_WORDS'));
const PROFESSIONAL_WORDS: ReadonlySet<string> = new Set(PHRASES.words('PROFESSIONAL_WORDS'));

function mayMatch(text: string, words: ReadonlySet<string>): boolean {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf(' ', start);
    if (end < 0) end = text.length;
    if (words.has(text.slice(start, end))) return true;
    start = end + 1;
  }
  return false;
}

function sentenceAround(text: string, at: number): { start: number; end: number } {
  const before = text.lastIndexOf(' . ', at);
  const after = text.indexOf(' . ', at);
  return { start: before < 0 ? 0 : before + 3, end: after < 0 ? text.length : after };
}

/** A child or older adult named nearest the risk words, else an adult. */
function kindOfPerson(text: string, at: number): RiskWho {
  const window = text.slice(Math.max(0, at - 160), at + 160);
  const child = CHILD.exec(window);
  const older = OLDER.exec(window);
  if (child && older) return Math.abs(child.index - 160) <= Math.abs(older.index - 160) ? 'child' : 'older_adult';
  if (child) return 'child';
  if (older) return 'older_adult';
  return 'adult';
}

function whoFor(category: RiskCategory, text: string, at: number, span: string, aboutOther: boolean): RiskWho {
  // For harm to others, who may be hurt; otherwise someone the writer is worried about.
  if (category === 'harm_to_others' || aboutOther) return kindOfPerson(text, at);
  if (FIRST_PERSON.test(span)) return 'self';
  const { start, end } = sentenceAround(text, at);
  const inSpan = THIRD_PARTY.exec(span);
  if (inSpan !== null) {
    // "wrote a note for my partner": someone named after the verb is not its subject; the writer
    // is, when "I" is the nearest subject before the words.
    const third = lastIndexOfPattern(text.slice(start, at), THIRD_PARTY);
    const first = lastIndexOfPattern(text.slice(start, at), FIRST_SUBJECT);
    return inSpan.index > 0 && category !== 'abuse' && category !== 'danger' && first > third ? 'self' : kindOfPerson(text, at);
  }
  const sentence = text.slice(start, end);
  if (category === 'abuse' || category === 'danger') {
    // "he hits me" is the writer's; "the dad next door laying into the kids" is someone else's;
    // "a pupil told me her dad hits her": the writer is only who was told.
    if (OBJECT_SELF.test(sentence.replace(TOLD_ME, ' '))) return 'self';
    if (THIRD_PARTY.test(sentence) && (CHILD.test(sentence) || !FIRST_PERSON.test(sentence))) return kindOfPerson(text, at);
    return 'self';
  }
  // Who the clause before the risk words is about: the nearest subject wins.
  const clause = text.slice(start, at);
  const third = lastIndexOfPattern(clause, THIRD_PARTY);
  // "my mate texted me ... goodbye": the writer as the object does not make the risk theirs.
  const first = lastIndexOfPattern(clause, FIRST_SUBJECT);
  if (third > first) return kindOfPerson(text, at);
  return 'self';
}

const GLOBAL = new Map<RegExp, RegExp>();

function lastIndexOfPattern(text: string, re: RegExp): number {
  let global = GLOBAL.get(re);
  if (global === undefined) {
    global = new RegExp(re.source, 'g');
    GLOBAL.set(re, global);
  }
  global.lastIndex = 0;
  let last = -1;
  for (let m = global.exec(text); m !== null; m = global.exec(text)) {
    last = m.index;
    if (m[0].length === 0) global.lastIndex++;
  }
  return last;
}

/** The text without what says past, well now, or ordinary plans: what is left may speak of now. */
function setAside(text: string): string {
  return text.replace(RECOVERED, ' ').replace(PAST_OVER, ' ').replace(PAST_ONLY, ' ').replace(DATED_PAST_ALL, ' ').replace(PLANS, ' ').replace(GOALS_AGAIN, ' ').replace(PREVENTING, ' ');
}

/**
 * A model's guess has no words to read around, and the sentence it finds riskiest may be any
 * ("can I do IPT for feeling lonely"): the message as a whole is past and over when it says the
 * risk is past, says how things are now, and nothing anywhere speaks of now or of wanting.
 */
export function pastAndOverThroughout(text: string): boolean {
  if (!(testOnce(PAST_OVER, text) || DATED_PAST.test(text)) || !testOnce(RECOVERED, text) || DAYS_AGO.test(text)) return false;
  const rest = setAside(text);
  return !NOW.test(rest) && !RECURRING.test(rest) && !PRESENT_WANT.test(rest);
}

function whenFor(category: RiskCategory, text: string, at: number, located: boolean): RiskWhen {
  // A body that was checked and cleared ("we rushed him to A&E and they said he was fine") is over,
  // however recent, unless the message turns back to now ("but now he is being sick"). Never an
  // overdose or a wound someone gave themselves: last night's attempt is not over when A&E lets them go.
  if (category === 'medical' && MEDICAL_CLEARED.test(text) && !TURNS_BACK.test(text) && !SELF_INFLICTED.test(text)) return 'past';
  if (!mayMatch(text, PAST_WORDS) && !DATED_PAST.test(text)) return 'current';
  if (!located && pastAndOverThroughout(text)) return 'past';
  const { start, end } = sentenceAround(text, at);
  const sentence = text.slice(start, end);
  const next = text.indexOf(' . ', end + 3);
  const previous = start > 3 ? text.lastIndexOf(' . ', start - 4) : -1;
  // The neighbouring sentences count too ("I took an overdose at 19. I have been well ever since.")
  const around = text.slice(previous < 0 ? 0 : previous + 3, next < 0 ? text.length : next);
  // Past and over: said so near the risk, or a dated past with the message saying all is well now.
  const datedAndWell = DATED_PAST.test(around) && testOnce(RECOVERED, text);
  const pastHere = testOnce(PAST_OVER, sentence) || (datedAndWell && DATED_PAST.test(sentence));
  if (!pastHere && !testOnce(PAST_OVER, around) && !datedAndWell) return 'current';
  // Signs of now count in the sentence that holds the risk, and in a sentence either side that speaks
  // of it ("Tonight I feel the same"): "my manager keeps changing the rota" says nothing about it.
  const neighbours = [text.slice(previous < 0 ? 0 : previous + 3, Math.max(0, start - 3)), end >= text.length ? '' : text.slice(end + 3, next < 0 ? text.length : next)];
  // Past and over said in the risk's own sentence ("I stopped at 17 and it hasn't been an issue in
  // six years"): a neighbour about a new feeling ("I've started to feel really lonely") is not the
  // risk come back; only one that speaks of the risk itself is.
  const refersBack = pastHere && testOnce(PAST_OVER, sentence) ? REFERS_TO_RISK : REFERS_BACK;
  // A neighbour refers back by its own words, not by a recovery phrase ("it has never happened again").
  const near = setAside([sentence, ...neighbours.filter((n) => n !== '' && refersBack.test(setAside(n)))].join(' . '));
  if (NOW.test(near) || (category !== 'medical' && DAYS_AGO.test(near)) || SOON.test(setAside(sentence)) || RECURRING.test(setAside(text))) return 'current';
  // Present-tense verbs speak of the risk only in the sentence that holds its words; the sentence a
  // model's guess is read at (no words matched) may be any sentence ("I'm a dad of three now").
  if (!located) return 'past';
  if (!pastHere && PRESENT_RISK_VERB.test(sentence.replace(PAST_OVER, ' ').replace(RECOVERED, ' '))) return 'current';
  // A date and "I'm 25" do not make "... and I want to die" in the same sentence past.
  if (!testOnce(PAST_OVER, around) && PRESENT_WANT.test(sentence.replace(RECOVERED, ' '))) return 'current';
  return 'past';
}

function testOnce(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const found = re.test(text);
  re.lastIndex = 0;
  return found;
}

// Where a clause about someone else may start: "I refer clients who self-harm".
const CLAUSE_BREAKS = PHRASES.words('CLAUSE_BREAKS');
const CONTINUING_BREAKS: ReadonlySet<string> = new Set(PHRASES.words('CONTINUING_BREAKS'));
const CONTINUING_WORD = PHRASES.regex('CONTINUING_WORD');

/** The clause that holds the risk words: from the last break before them to their end. */
function clauseOf(text: string, at: number, span: string): string {
  let start = 0;
  for (const brk of CLAUSE_BREAKS) {
    let i = text.lastIndexOf(brk, at);
    // "i think about letting the van drift and being done with it all": an "and" before a word in
    // -ing goes on with the same subject, so it starts no clause.
    while (CONTINUING_BREAKS.has(brk) && i >= 0 && CONTINUING_WORD.test(text.slice(i + brk.length))) i = i > 0 ? text.lastIndexOf(brk, i - 1) : -1;
    if (i >= 0 && i + brk.length <= at && i + brk.length > start) start = i + brk.length;
  }
  return text.slice(start, at + span.length);
}

/**
 * Work or study talk: a professional role or task is named, and the clause with the risk words
 * (once the role and questions about helping someone are set aside) does not speak of the writer.
 */
function frameFor(plain: string, clause: string, sentence: string, aboutOther: boolean): RiskFrame {
  if (!mayMatch(plain, PROFESSIONAL_WORDS) || !ROLE.test(plain)) return 'personal';
  // Someone in the writer's own life ("my neighbour's kids", "my partner") is not work, whatever job they name.
  if (disclosedToThem(plain) || OWN_PEOPLE.test(sentence)) return 'personal';
  if (particularPersonNow(sentence)) return 'personal';
  // Someone else's risk in a work setting (a pupil, a caller): the writer's own words do not change it.
  if (aboutOther) return 'professional';
  // Risk words with a time of their own and nobody else named ("self-harm every night this week,
  // nobody at work knows") are the writer's own, said without "I".
  // A training or class that had a time of its own ("we had safeguarding training this week") is not that.
  if (OWN_TIME.test(sentence) && !THIRD_PARTY.test(sentence) && !TRAINING_HELD.test(sentence)) return 'personal';
  const rest = clause.replace(ABOUT_OTHERS, ' ').replace(ROLE_ALL, ' ');
  return FIRST_SELF.test(rest) ? 'personal' : 'professional';
}

/**
 * True when a message names a work or study role or task ("im a student nurse", "for my essay"),
 * with no real disclosure told as it happened: the frame a later question in the conversation may
 * carry (src/safety/workFrame.ts). `plain`: lower-case words separated by single spaces.
 */
export function namesWorkFrame(plain: string): boolean {
  return mayMatch(plain, PROFESSIONAL_WORDS) && ROLE.test(plain) && !disclosedToThem(plain);
}

/**
 * `at` and `span`: where the risk words matched in `text` (normalised, figures of speech masked),
 * and what they were. `aboutOther`: the match is about someone else (read in the first person, see
 * pronounShift.ts, or a rule written about someone else). `plain`: the text before masking.
 */
export function readRiskContext(category: RiskCategory, text: string, at: number, span: string, aboutOther: boolean, plain: string = text): RiskContext {
  const who = whoFor(category, text, at, span, aboutOther);
  const when = whenFor(category, text, at, span !== '');
  const { start, end } = sentenceAround(text, at);
  const sentence = text.slice(start, end);
  // Without a match (the backstop), the whole message is what the writer says.
  let frame = frameFor(plain, span === '' ? text : clauseOf(text, at, span), sentence, aboutOther);
  if (frame === 'professional' && span !== '') {
    // A body in danger in front of a professional is an emergency, and a professional who is
    // being hurt ("the man I care for has started grabbing me") speaks for themselves.
    // A caller "who says they have taken an overdose", or "if someone collapses", stays work talk.
    // Words quoted from others ("kids keep saying 'I'm gonna kill myself'") are theirs, not the writer's.
    if ((category === 'medical' && !REPORTED.test(sentence)) || OBJECT_SELF.test(sentence.replace(TOLD_ME, ' ').replace(QUOTED_FIRST, ' '))) frame = 'personal';
  }
  return { who, when, frame };
}
