/**
 * Who is at risk, when, and in what frame, read from the normalised text around the words that
 * raised the risk. Pure; works on the normaliser's output (lower-case ASCII words, " . " between
 * sentences, contractions expanded).
 *
 * - who: 'self' unless the risk is about someone else (a friend, partner, parent, pupil) - and for
 *   harm_to_others, who may be hurt. A child or an older person is named from the nearest word
 *   that says so ("my son", "a 15 year old", "my nan", "a care home resident").
 * - when: 'past' only when the message says the risk is past and over ("years ago", "well ever
 *   since") and nothing says it is back or happening now.
 * - frame: 'professional' when the words come as work or study (a student nurse, a dissertation,
 *   an HR policy, a lesson plan) and the risk words are not about the writer.
 */
import type { RiskCategory, RiskFrame, RiskWhen, RiskWho } from './types';

export interface RiskContext {
  who: RiskWho;
  when: RiskWhen;
  frame: RiskFrame;
}

const RELATION =
  '(?:flatmate|housemate|roommate|friend|mate|best friend|bestie|sister|brother|sibling|mum|mother|mam|dad|father|son|daughter|child|kid|partner|husband|wife|boyfriend|girlfriend|fiance|neighbour|colleague|coworker|co worker|workmate|boss|manager|employee|student|pupil|client|patient|resident|grandad|grandpa|grandfather|grandma|granny|grandmother|nan|nana|gran|uncle|aunt|auntie|cousin|niece|nephew|stepdad|stepmum|stepson|stepdaughter|teenager|teen|flat mate|team member|member of staff|staff member|caller|service user|lodger|carer|in law|father in law|mother in law|ex)';
const THIRD_PARTY = new RegExp(`(?:^| )(?:(?:my|our|a|her|his|their|the|this) (?:[a-z]+ )?${RELATION}s?|she|he|they|someone i (?:know|love|care for|work with|live with)|somebody i know|herself|himself|themselves|themself)(?= |$)`);
const FIRST_PERSON = /(?:^| )(?:i|me|myself|im|ive|my life|i am|mine)(?= |$)/;
const OBJECT_SELF = /(?:^| )(?:me|myself)(?= |$)/;

const CHILD = /(?:^| )(?:son|sons|daughter|daughters|child|children|kid|kids|baby|babies|toddler|toddlers|newborn|pupil|pupils|schoolboy|schoolgirl|teenager|teenagers|teen|teens|boy|girl|stepson|stepdaughter|grandson|granddaughter|niece|nephew|little one|year (?:[1-9]|1[0-3]) (?:student|pupil|class)|(?:[1-9]|1[0-7]) (?:year old|yr old|yo))s?(?= |$)/;
const OLDER = /(?:^| )(?:grandad|grandpa|grandfather|grandma|granny|grandmother|nan|nana|gran|elderly|pensioner|care home|nursing home|resident|(?:[7-9][0-9]|1[0-1][0-9]) (?:year old|yr old|yo)|in (?:his|her|their) (?:seventies|eighties|nineties|70s|80s|90s)|older (?:man|woman|person|relative|parent|neighbour|lady|gentleman)|i care for (?:my|her|him|them)|(?:her|his|their) carer)s?(?= |$)/;

// Said as past and over. Spans matched here are set aside before looking for signs of "now".
const PAST_OVER = new RegExp(
  [
    '(?:years|months|decades|a long time|ages|a lifetime) ago',
    'when i was (?:a child|a kid|little|young|younger|a teenager|a teen|at school|at uni|at university|in my (?:teens|twenties|20s)|[0-9]+)',
    'as a (?:child|kid|teenager|teen)',
    'in my (?:teens|twenties|thirties|youth|20s|30s)',
    'back in (?:[0-9]{4}|the day|school|my)',
    '(?:in|during) (?:19|20)[0-9]{2}',
    '(?:been|am|have been|i am|felt|feel) (?:well|fine|ok|okay|safe|better|much better|recovered|stable|good|clean|free of it)(?: [a-z]+){0,2} (?:ever )?since',
    'ever since',
    '(?:have not|not|never) (?:self harmed|harmed myself|hurt myself|cut|cut myself|done it|felt like that|felt that way|tried again|relapsed|had those thoughts)(?: [a-z]+){0,3} (?:since|for|in) ',
    '(?:i am|i feel|we are|i have been) (?:safe|fine|ok|okay|well|better|much better|recovered) now',
    'used to',
    'in the past',
    'that was (?:a long time ago|years ago|then|in the past)',
    'it is (?:all )?(?:behind me|in the past|over)(?: now)?',
    '(?:a long|some) time ago',
    '(?:i left|i got out|i escaped|got away from|no longer with)(?: [a-z]+){0,3}',
  ].join('|'),
  'g',
);
const NOW = /(?:^| )(?:again|recently|lately|these days|this week|this month|last night|last week|yesterday|today|tonight|now|right now|at the moment|currently|started|starting|coming back|come back|came back|returned|relapse|relapsed|relapsing|still|keep|keeps|every day|every night)(?= |$)/;
const PRESENT_RISK_VERB = /(?:^| )(?:i am|i want|i wanna|i wish|i feel|i keep|i need|i will|going to|gonna|i can not|want to|i have been|i think about|i plan)(?= |$)/;

const PROFESSIONAL = new RegExp(
  [
    '(?:i am|im|i work as|working as|training to be|as) (?:a |an )?(?:[a-z]+ ){0,2}(?:nurse|nurses|doctor|gp|paramedic|teacher|teaching assistant|ta|counsellor|therapist|psychologist|psychiatrist|social worker|volunteer|manager|line manager|hr manager|hr adviser|hr advisor|support worker|youth worker|lecturer|researcher|first aider|mental health first aider|pharmacist|midwife|health visitor|police officer|chaplain|safeguarding lead|dsl|student)(?= |$)',
    'samaritans volunteer',
    '(?:for|in) (?:my|our|a|the) (?:dissertation|essay|assignment|coursework|thesis|module|placement|course|exam|research|lesson|lessons|class|lecture|seminar|training|assembly|policy|presentation|project|report|uni work|university work)',
    '(?:dissertation|essay|assignment|coursework|thesis|research project|literature review)(?: [a-z]+){0,2} (?:on|about|into|covering)',
    '(?:lesson|lesson plan|lessons|assembly|training session|workshop|policy|procedure|guidance|toolkit|leaflet|poster|module) (?:on|about|for|covering)',
    '(?:drafting|writing|updating|reviewing|planning|preparing|designing|putting together) (?:a|an|our|the|my)(?: [a-z]+){0,2} (?:policy|lesson|lessons|essay|dissertation|training|guidance|procedure|assembly|presentation|session|workshop|leaflet|handbook)',
    '(?:our|the|my) (?:hr|staff|wellbeing|workplace|company|school|safeguarding) (?:policy|policies|team|training|procedure|guidance)',
    'how (?:do|should|can|would) (?:i|we|staff|managers|teachers|nurses|volunteers) (?:respond|support|handle|talk|speak|ask|help|deal)(?: [a-z]+){0,4} (?:a|an|my|our|the) (?:student|pupil|employee|colleague|client|patient|caller|staff member|member of staff|team member|service user|young person)',
  ].join('|'),
);

/**
 * Words without which PAST_OVER or PROFESSIONAL cannot match: the large alternations run only on
 * texts that hold one (they cost more than the rest of the detector when run on every hit).
 */
const PAST_WORDS = new Set([
  'ago', 'was', 'since', 'used', 'past', 'behind', 'over', 'now', 'back', 'during', 'left', 'out', 'escaped', 'away', 'longer',
  'child', 'kid', 'teenager', 'teen', 'teens', 'twenties', 'thirties', 'youth', '20s', '30s',
  'harmed', 'hurt', 'cut', 'done', 'felt', 'tried', 'relapsed', 'thoughts',
]);
const YEAR = / (?:19|20)[0-9]{2}(?: |$)/;
const PROFESSIONAL_WORDS = new Set([
  'nurse', 'nurses', 'doctor', 'gp', 'paramedic', 'teacher', 'assistant', 'ta', 'counsellor', 'therapist', 'psychologist', 'psychiatrist', 'worker',
  'volunteer', 'manager', 'adviser', 'advisor', 'lecturer', 'researcher', 'aider', 'pharmacist', 'midwife', 'visitor', 'officer', 'chaplain',
  'lead', 'dsl', 'student', 'samaritans', 'dissertation', 'essay', 'assignment', 'coursework', 'thesis', 'module', 'placement', 'course', 'exam',
  'research', 'lesson', 'lessons', 'class', 'lecture', 'seminar', 'training', 'assembly', 'policy', 'presentation', 'project', 'report', 'uni',
  'university', 'literature', 'workshop', 'procedure', 'guidance', 'toolkit', 'leaflet', 'poster', 'handbook', 'policies', 'hr', 'staff',
  'wellbeing', 'workplace', 'safeguarding', 'company', 'school', 'pupil', 'employee', 'colleague', 'client', 'patient', 'caller', 'user', 'person',
]);

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
  if (category === 'harm_to_others') return kindOfPerson(text, at);
  if (aboutOther) return kindOfPerson(text, at);
  if (FIRST_PERSON.test(span)) return 'self';
  if (THIRD_PARTY.test(span)) return kindOfPerson(text, at);
  const { start, end } = sentenceAround(text, at);
  const sentence = text.slice(start, end);
  if (category === 'abuse' || category === 'danger') {
    if (OBJECT_SELF.test(sentence)) return 'self';
    return THIRD_PARTY.test(sentence) && CHILD.test(sentence) ? 'child' : THIRD_PARTY.test(sentence) && !FIRST_PERSON.test(sentence) ? kindOfPerson(text, at) : 'self';
  }
  // Who the clause before the risk words is about: the nearest subject wins.
  const clause = text.slice(start, at);
  const third = lastIndexOfPattern(clause, THIRD_PARTY);
  const first = lastIndexOfPattern(clause, FIRST_PERSON);
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

function whenFor(text: string, at: number): RiskWhen {
  if (!mayMatch(text, PAST_WORDS) && !YEAR.test(text)) return 'current';
  const { start, end } = sentenceAround(text, at);
  const sentence = text.slice(start, end);
  PAST_OVER.lastIndex = 0;
  const pastHere = PAST_OVER.test(sentence);
  PAST_OVER.lastIndex = 0;
  // The neighbouring sentences ("I took an overdose at 19. I have been well ever since.")
  const around = text.slice(Math.max(0, text.lastIndexOf(' . ', start - 4) + 1), text.indexOf(' . ', end + 3) < 0 ? text.length : text.indexOf(' . ', end + 3));
  const pastNear = PAST_OVER.test(around);
  PAST_OVER.lastIndex = 0;
  if (!pastHere && !pastNear) return 'current';
  const rest = text.replace(PAST_OVER, ' ');
  PAST_OVER.lastIndex = 0;
  if (NOW.test(rest)) return 'current';
  if (!pastHere && PRESENT_RISK_VERB.test(sentence.replace(PAST_OVER, ' '))) return 'current';
  PAST_OVER.lastIndex = 0;
  return 'past';
}

/**
 * `at` and `span`: where the risk words matched in `text` (normalised, figures of speech masked),
 * and what they were. `aboutOther`: the match is about someone else (read in the first person, see
 * pronounShift.ts, or a rule written about someone else). `plain`: the text before masking.
 */
export function readRiskContext(category: RiskCategory, text: string, at: number, span: string, aboutOther: boolean, plain: string = text): RiskContext {
  const who = whoFor(category, text, at, span, aboutOther);
  const when = whenFor(text, at);
  const speaksOfSelfNow = who === 'self' && FIRST_PERSON.test(span) && category !== 'harm_to_others';
  const frame: RiskFrame = !speaksOfSelfNow && mayMatch(plain, PROFESSIONAL_WORDS) && PROFESSIONAL.test(plain) ? 'professional' : 'personal';
  return { who, when, frame };
}
