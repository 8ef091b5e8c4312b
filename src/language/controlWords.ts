import { z } from 'zod';
import { loadLocaleData } from '../content/localeResolver';
import { QUESTIONS, type QuestionId } from '../content/suitability';
import { resolveLocale } from '../content/i18n';
import { isWholeEraseRequest } from './eraseWords';

/**
 * Words that steer the conversation rather than answer it: stop, start again, carry on, go back,
 * change an answer, skip, "what was the question?", and a clear goodbye. Pure; the phrases live in
 * locales/<lang>/control-words.json. A phrase counts only as the whole message (after lead-in and
 * tail words such as "ok can we ... please"), so "I can't stop crying" is never "stop" and "since
 * June" is never "start again".
 */

export const CONTROL_KINDS = ['stop', 'restart', 'resume', 'back', 'change', 'skip', 'repeat'] as const;
export type ControlKind = (typeof CONTROL_KINDS)[number];

export interface Control {
  kind: ControlKind;
  /** For change (and a "go back to ..." that names one): which question of the check. */
  target?: QuestionId;
  /** For a change inside the check that gives the new answer ("change it to a few months"): the words after "to". */
  value?: string;
}

const phraseList = z.array(z.string().min(1));
const fileSchema = z.object({
  leadIn: phraseList,
  tail: phraseList,
  kinds: z.object(Object.fromEntries(CONTROL_KINDS.map((kind) => [kind, phraseList])) as Record<ControlKind, typeof phraseList>),
  targets: z.object(Object.fromEntries(QUESTIONS.map((question) => [question, phraseList])) as Record<QuestionId, typeof phraseList>),
  changeCues: phraseList,
  goodbye: phraseList,
  keepProfile: z.object({ keep: phraseList, forget: phraseList }),
  callTimes: z.object({ morning: phraseList, afternoon: phraseList, any: phraseList }),
  acknowledgements: phraseList,
  pause: phraseList,
  /** "..., do the rest later": a message that ends by putting the check off is a pause too. */
  pauseEndings: phraseList,
  /** A word after a pause phrase that makes it an answer: "I need a break from my partner". */
  notPauseAfter: phraseList,
  questionStarts: phraseList,
  nextStep: phraseList,
  fitAsks: phraseList,
  fitSubjects: phraseList,
  checkRequest: phraseList,
  /** Words in a question about when the clinic calls or is open ("what times do you ring"). */
  callTimeAsks: phraseList,
  /** The whole message asks why a question of the check is asked ("why do you need to know that?"). */
  whyAsks: phraseList,
  /** Skip phrases that ask a question when they end in a question mark ("and private?"). */
  skipNotAsked: phraseList,
  /** During a call-back request: the person no longer wants the call ("actually dont call me"). */
  changedMind: phraseList,
  /** Right after an answer about privacy: delete what was just talked about ("delete it then"). */
  eraseThat: phraseList,
  /** Held anywhere in a message: asking to reach the clinic by email ("can i just email instead"). */
  emailAsks: phraseList,
  /** Held anywhere: asking to be sent something ("can i get my summary by email"), not to write to the clinic. */
  emailNotAsks: phraseList,
  /** Asking to keep the check's summary: an action and an object anywhere in the message, or a phrase. */
  keepSummary: z.object({ actions: phraseList, objects: phraseList, phrases: phraseList, unless: phraseList, emailWords: phraseList }),
  /** Held in a request to keep the summary: it speaks of a check done before ("i did your check earlier"). */
  earlierCheck: phraseList,
  /** Saying yes to something just offered ("ok lets do it", "go on then"), as the whole message. */
  goAhead: phraseList,
  /** Inside the check: phrases that steer it wherever they stand in a short message, and what undoes them before. */
  withinCheck: z.object({ restart: phraseList, back: phraseList, change: phraseList, repeat: phraseList, reasons: phraseList, notBefore: phraseList }),
  /** Held in a short message while a question of the check is open: asking for it in other words ("i dont get that question"). */
  rephrase: phraseList,
  /** Held in a short message during the check: asking for its result now ("so whats the verdict"). */
  resultAsks: phraseList,
  /** A whole message voice typing hears for another ("know" for "no"), read as that in the check. */
  soundsLike: z.record(z.string().min(1), z.string().min(1)),
});

export type CallTimeWord = 'morning' | 'afternoon' | 'any';

export type KeepChoice = 'keep' | 'forget';

interface ControlWords {
  leadIn: string[];
  tail: string[];
  phrases: Map<string, ControlKind>;
  /** Phrases long enough to forgive one slip of the keyboard, by length, for the fuzzy pass. */
  fuzzy: Array<[string, ControlKind]>;
  targets: Array<[string, QuestionId]>;
  changeCues: string[];
  goodbye: Set<string>;
  keep: Map<string, KeepChoice>;
  callTimes: Array<[string, CallTimeWord]>;
  acknowledgements: Set<string>;
  /** Longest first, so "hang on a sec" is read past its whole pause phrase. */
  pause: string[];
  pauseEndings: string[];
  notPauseAfter: Set<string>;
  questionStarts: Set<string>;
  nextStep: Set<string>;
  fitAsks: string[];
  fitSubjects: Set<string>;
  checkRequest: Set<string>;
  callTimeAsks: string[];
  whyAsks: Set<string>;
  /** Why-phrases of three words or more, which may be followed by a few words ("why do you need to know my age"). */
  whyAskLeads: string[];
  skipNotAsked: Set<string>;
  changedMind: Set<string>;
  eraseThat: Set<string>;
  emailAsks: string[];
  emailNotAsks: string[];
  keepSummary: { actions: string[]; objects: string[]; phrases: string[]; unless: string[]; emailWords: string[] };
  earlierCheck: string[];
  goAhead: Set<string>;
  withinCheck: { requests: Array<[string, WithinKind]>; reasons: string[]; notBefore: string[] };
  rephrase: string[];
  resultAsks: string[];
  soundsLike: Map<string, string>;
}

/** The kinds a phrase inside a longer message can ask of the check, first tier first. */
const WITHIN_KINDS = ['restart', 'back', 'change', 'repeat'] as const;
type WithinKind = (typeof WITHIN_KINDS)[number];

/** A message as every control-word list is kept: lower case, letters and digits, single spaces. */
export function normaliseControl(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Characters of a message read first by normaliseWithin: far more than any command's words take. */
const WITHIN_PREFIX_CHARS = 512;

/**
 * `normaliseControl(text)`, or undefined when that has more than `limit` words, found from the
 * first characters when they already hold more: a 100 KB paste is never a command, and each test
 * below was normalising all of it. Exact: every word of a prefix but the last is a whole word of
 * the text (apostrophes only join letters, and nothing else joins or removes a break), and the last
 * is part of one, so a prefix's word count is never more than the text's.
 */
function normaliseWithin(text: string, limit: number): string | undefined {
  if (text.length > WITHIN_PREFIX_CHARS && !atMostWords(normaliseControl(text.slice(0, WITHIN_PREFIX_CHARS)), limit)) return undefined;
  const normalised = normaliseControl(text);
  return atMostWords(normalised, limit) ? normalised : undefined;
}

export function parseControlWords(json: unknown): ControlWords {
  const data = fileSchema.parse(json);
  const phrases = new Map<string, ControlKind>();
  for (const kind of CONTROL_KINDS) {
    for (const phrase of data.kinds[kind]) {
      const key = normaliseControl(phrase);
      const seen = phrases.get(key);
      if (seen && seen !== kind) throw new Error(`control-words: "${phrase}" is both ${seen} and ${kind}`);
      phrases.set(key, kind);
    }
  }
  const byLength = (a: string, b: string) => b.length - a.length;
  return {
    leadIn: data.leadIn.map(normaliseControl).sort(byLength),
    tail: data.tail.map(normaliseControl).sort(byLength),
    phrases,
    fuzzy: [...phrases].filter(([phrase]) => phrase.length >= 5),
    targets: QUESTIONS.flatMap((question) => data.targets[question].map((phrase): [string, QuestionId] => [normaliseControl(phrase), question])).sort(
      (a, b) => byLength(a[0], b[0]),
    ),
    changeCues: data.changeCues.map(normaliseControl),
    goodbye: new Set(data.goodbye.map(normaliseControl)),
    keep: new Map([
      ...data.keepProfile.keep.map((phrase): [string, KeepChoice] => [normaliseControl(phrase), 'keep']),
      ...data.keepProfile.forget.map((phrase): [string, KeepChoice] => [normaliseControl(phrase), 'forget']),
    ]),
    acknowledgements: new Set(data.acknowledgements.map(normaliseControl).filter(Boolean)),
    pause: data.pause.map(normaliseControl).sort(byLength),
    pauseEndings: data.pauseEndings.map(normaliseControl),
    notPauseAfter: new Set(data.notPauseAfter.map(normaliseControl)),
    questionStarts: new Set(data.questionStarts.map(normaliseControl)),
    nextStep: new Set(data.nextStep.map(normaliseControl)),
    fitAsks: data.fitAsks.map(normaliseControl),
    fitSubjects: new Set(data.fitSubjects.map(normaliseControl)),
    checkRequest: new Set(data.checkRequest.map(normaliseControl)),
    callTimeAsks: data.callTimeAsks.map(normaliseControl),
    whyAsks: new Set(data.whyAsks.map(normaliseControl)),
    skipNotAsked: new Set(data.skipNotAsked.map(normaliseControl)),
    changedMind: new Set(data.changedMind.map(normaliseControl)),
    eraseThat: new Set(data.eraseThat.map(normaliseControl)),
    emailAsks: data.emailAsks.map(normaliseControl),
    emailNotAsks: data.emailNotAsks.map(normaliseControl),
    keepSummary: {
      actions: data.keepSummary.actions.map(normaliseControl),
      objects: data.keepSummary.objects.map(normaliseControl),
      phrases: data.keepSummary.phrases.map(normaliseControl),
      unless: data.keepSummary.unless.map(normaliseControl),
      emailWords: data.keepSummary.emailWords.map(normaliseControl),
    },
    earlierCheck: data.earlierCheck.map(normaliseControl),
    goAhead: new Set(data.goAhead.map(normaliseControl)),
    withinCheck: {
      requests: WITHIN_KINDS.flatMap((kind) => data.withinCheck[kind].map((phrase): [string, WithinKind] => [normaliseControl(phrase), kind])),
      reasons: data.withinCheck.reasons.map(normaliseControl),
      notBefore: data.withinCheck.notBefore.map(normaliseControl),
    },
    rephrase: data.rephrase.map(normaliseControl),
    resultAsks: data.resultAsks.map(normaliseControl),
    soundsLike: new Map(Object.entries(data.soundsLike).map(([heard, meant]): [string, string] => [normaliseControl(heard), meant])),
    whyAskLeads: data.whyAsks.map(normaliseControl).filter((phrase) => phrase.split(' ').length >= 3),
    callTimes: (['morning', 'afternoon', 'any'] as const).flatMap((time) => data.callTimes[time].map((phrase): [string, CallTimeWord] => [normaliseControl(phrase), time])),
  };
}

/** The words of the locale whose copy serves `locale` (the resolver's rule: en-GB's when it has none). */
function controlWords(locale: string): ControlWords {
  return loadLocaleData(resolveLocale(locale), 'control-words.json', parseControlWords);
}

/** One insertion, deletion, substitution or swap of neighbours between a and b. */
function withinOneSlip(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (i === a.length && i === b.length) return true;
  return (
    sameTail(a, i + 1, b, i + 1) ||
    sameTail(a, i + 1, b, i) ||
    sameTail(a, i, b, i + 1) ||
    (a[i] === b[i + 1] && a[i + 1] === b[i] && sameTail(a, i + 2, b, i + 2))
  );
}

/** Two neighbouring letters swapped, and nothing else. */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && sameTail(a, i + 2, b, i + 2);
}

/** a.slice(x) === b.slice(y), without making the slices (this runs for every phrase on every message). */
function sameTail(a: string, x: number, b: string, y: number): boolean {
  const from = Math.min(x, a.length);
  const other = Math.min(y, b.length);
  if (a.length - from !== b.length - other) return false;
  for (let k = 0; from + k < a.length; k += 1) if (a.charCodeAt(from + k) !== b.charCodeAt(other + k)) return false;
  return true;
}

/**
 * Whether a normalised phrase stands as whole words in a message padded with a space each side.
 * Every phrase list is kept unpadded and searched through this one function, so no list is padded twice.
 */
function hasPhrase(padded: string, phrase: string): boolean {
  return padded.includes(` ${phrase} `);
}

// Both compare in place: building "word " for every lead-in word was most of a command test's cost.
function stripStart(text: string, words: readonly string[]): string | undefined {
  for (const word of words) if (text.charCodeAt(word.length) === SPACE && text.startsWith(word)) return text.slice(word.length + 1);
  return undefined;
}

function stripEnd(text: string, words: readonly string[]): string | undefined {
  for (const word of words) if (text.charCodeAt(text.length - word.length - 1) === SPACE && text.endsWith(word)) return text.slice(0, -word.length - 1);
  return undefined;
}

/**
 * A message of more words than this has no cores: the longest phrase any list holds is nine words,
 * and reaching one through thirty lead-in and tail words ("ok ok ok ... thanks x x x") is not how
 * anyone steers a chat. Without the bound a long paste of such words cost seconds, as each shorter
 * form was built and looked up (quadratic in its length); the risk detector asks on every message.
 */
const MAX_COMMAND_WORDS = 40;

/** Whether a normalised text (single spaces) has at most `limit` words, reading no further than that. */
function atMostWords(text: string, limit: number): boolean {
  let spaces = 0;
  for (let at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1)) if (++spaces >= limit) return false;
  return true;
}

const SPACE = 32;

/**
 * One message as the tests below read it, each form made when first needed: the risk detector's
 * isConversationCommand asks six of them about one message, and they shared the work through
 * module-level caches of the last message before.
 */
class ControlText {
  private shortForm: string | undefined | null = null;
  private coreForms: readonly string[] | undefined;

  constructor(
    readonly text: string,
    readonly words: ControlWords,
  ) {}

  /** normaliseControl(text) if it has at most MAX_COMMAND_WORDS words (no command has more), else undefined. */
  get short(): string | undefined {
    if (this.shortForm === null) this.shortForm = normaliseWithin(this.text, MAX_COMMAND_WORDS);
    return this.shortForm;
  }

  /** The short form's cores (none for a longer message). */
  get cores(): readonly string[] {
    this.coreForms ??= this.short ? cores(this.short, this.words) : [];
    return this.coreForms;
  }

  /** The short form if it has at most `limit` words (limit <= MAX_COMMAND_WORDS). */
  within(limit: number): string | undefined {
    const short = this.short;
    return short !== undefined && atMostWords(short, limit) ? short : undefined;
  }
}

/** The message and the shorter forms left after lead-in and tail words are set aside, longest first. */
function cores(text: string, words: ControlWords): string[] {
  if (!atMostWords(text, MAX_COMMAND_WORDS)) return [];
  const out: string[] = [];
  let current: string | undefined = text;
  while (current) {
    let inner: string | undefined = current;
    while (inner) {
      out.push(inner);
      inner = stripEnd(inner, words.tail);
    }
    current = stripStart(current, words.leadIn);
  }
  return out;
}

function targetIn(text: string, words: ControlWords): QuestionId | undefined {
  const padded = ` ${text} `;
  return words.targets.find(([phrase]) => hasPhrase(padded, phrase))?.[1];
}

/**
 * What a message asks of the conversation, if it is a control word. "change my age" and "I put
 * the wrong age" name the question to change; "change my answer" does not (the check then asks
 * which one).
 */
export function classifyControl(locale: string, text: string): Control | undefined {
  return controlIn(new ControlText(text, controlWords(locale)));
}

function controlIn(message: ControlText): Control | undefined {
  if (!message.within(12)) return undefined;
  const { words, cores: candidates } = message;
  const asked = message.text.trim().endsWith('?');
  for (const core of candidates) {
    const kind = words.phrases.get(core);
    if (kind === 'skip' && asked && words.skipNotAsked.has(core)) return undefined;
    if (kind) return kind === 'change' || kind === 'back' ? withTarget(kind, core, words) : { kind };
  }
  // A change that names its question: "can I change my age", "wrong age", "go back to where I live".
  for (const core of candidates) {
    const padded = ` ${core} `;
    if (core.split(' ').length > 12 || !words.changeCues.some((cue) => hasPhrase(padded, cue))) continue;
    const target = targetIn(core, words);
    if (target) return { kind: 'change', target };
  }
  for (const core of candidates) {
    if (core.length < 4) continue;
    // A four-letter word forgives only two letters swapped ("skpi", "bcak"): one changed letter is too often another word.
    const near = core.length === 4 ? [...words.phrases].find(([phrase]) => isSwap(core, phrase)) : words.fuzzy.find(([phrase]) => withinOneSlip(core, phrase));
    if (near) return { kind: near[1] };
  }
  return undefined;
}

/** Longest message a phrase inside it can steer the check from: past this it is a story, not a request. */
const WITHIN_CHECK_WORDS = 16;
/** Longest message that saying an answer was wrong ("i misread it") makes a change on its own. */
const REASON_WORDS = 10;

/**
 * Control words inside the check, where a request often comes with its reason around it ("no
 * wait start again i read that wrong", "change my answer to no, i misread it"). The whole-message
 * reading comes first; then a request phrase anywhere in a short message, unless a word before it
 * turns it into something that happened ("i had to start again after the move"). When the message
 * also reads as an answer to the open question (`answered`), only a request that opens it counts, so "my divorce, and
 * starting again on my own" stays an answer. Saying an answer was wrong is a change when nothing
 * else is asked. Not used by the risk detector (isConversationCommand keeps the whole-message
 * reading), so no longer message is ever kept from the backstop this way.
 */
export function classifyCheckControl(locale: string, text: string, answered = false): Control | undefined {
  const message = new ControlText(text, controlWords(locale));
  const whole = controlIn(message);
  const normalised = message.within(WITHIN_CHECK_WORDS);
  if (whole) return whole.kind === 'change' && normalised ? withValue(whole, normalised, 0) : whole;
  if (!normalised) return undefined;
  const { words } = message;
  const padded = ` ${normalised} `;
  const opens = (phrase: string) => message.cores.some((core) => core === phrase || core.startsWith(`${phrase} `));
  let found: { kind: WithinKind; at: number; phrase: string } | undefined;
  for (const kind of WITHIN_KINDS) {
    for (const [phrase, phraseKind] of words.withinCheck.requests) {
      if (phraseKind !== kind) continue;
      const at = requestAt(padded, phrase, words.withinCheck.notBefore);
      if (at < 0) continue;
      if (answered && !opens(phrase)) continue;
      if (!found || at < found.at) found = { kind, at, phrase };
    }
    if (found) break;
  }
  if (found) {
    if (found.kind !== 'change' && found.kind !== 'back') return { kind: found.kind };
    const target = targetIn(normalised.slice(found.at), words);
    const control: Control = target ? { kind: 'change', target } : { kind: found.kind };
    return control.kind === 'change' ? withValue(control, normalised, found.at + found.phrase.length) : control;
  }
  if (answered || !atMostWords(normalised, REASON_WORDS)) return undefined;
  if (words.withinCheck.reasons.some((phrase) => requestAt(padded, phrase, words.withinCheck.notBefore) >= 0)) {
    const target = targetIn(normalised, words);
    return target ? { kind: 'change', target } : { kind: 'change' };
  }
  return undefined;
}

/** "change my answer to no, i misread it", "change how long to a few weeks": the new answer is the words after "to". */
function withValue(control: Control, normalised: string, from: number): Control {
  const to = ` ${normalised} `.indexOf(' to ', from);
  const value = to >= 0 ? normalised.slice(to + 3).trim() : '';
  return value ? { ...control, value } : control;
}

/** Where a phrase stands in a padded message (-1 if nowhere, or only after a word that undoes it). */
function requestAt(padded: string, phrase: string, notBefore: readonly string[]): number {
  let at = padded.indexOf(` ${phrase} `);
  while (at >= 0) {
    const before = padded.slice(0, at + 1).trim().split(' ').slice(-3).join(' ');
    const undone = notBefore.some((word) => ` ${before} `.includes(` ${word} `));
    if (!undone) return at;
    at = padded.indexOf(` ${phrase} `, at + 1);
  }
  return -1;
}

function withTarget(kind: 'change' | 'back', core: string, words: ControlWords): Control {
  const target = targetIn(core, words);
  return target ? { kind: 'change', target } : { kind };
}

/** A message that is a goodbye and nothing else ("thanks bye", "gotta go"): never "ya" or "ok". */
export function isGoodbye(locale: string, text: string): boolean {
  const { words, cores: candidates } = new ControlText(text, controlWords(locale));
  return candidates.some((core) => words.goodbye.has(core) || (core.length >= 6 && [...words.goodbye].some((phrase) => phrase.length >= 6 && withinOneSlip(core, phrase))));
}

/** "remember me" / "forget me": whether the person wants their area and age group kept for next time. */
export function classifyKeep(locale: string, text: string): KeepChoice | undefined {
  const { words, cores: candidates } = new ControlText(text, controlWords(locale));
  for (const core of candidates) {
    const choice = words.keep.get(core);
    if (choice) return choice;
  }
  return undefined;
}

/** "mornings", "after lunch", "whenever": a good time for a call back, if the message names one. */
export function classifyCallTime(locale: string, text: string): CallTimeWord | undefined {
  const padded = ` ${normaliseControl(text)} `;
  return controlWords(locale).callTimes.find(([phrase]) => hasPhrase(padded, phrase))?.[1];
}

/** "sorry i meant cardiff", "change that to scotland": the message corrects something said before. */
export function hasChangeCue(locale: string, text: string): boolean {
  const padded = ` ${normaliseControl(text)} `;
  return controlWords(locale).changeCues.some((cue) => hasPhrase(padded, cue));
}

/** "what times do you ring", "when will they call?": a question about when the clinic calls or is open. */
export function isCallTimeQuestion(locale: string, text: string): boolean {
  if (!isQuestion(locale, text)) return false;
  const padded = ` ${normaliseControl(text)} `;
  return controlWords(locale).callTimeAsks.some((phrase) => hasPhrase(padded, phrase));
}

/** "ok", "thanks", "cool": an acknowledgement and nothing else (never a goodbye, never "yes"). */
export function isAcknowledgement(locale: string, text: string): boolean {
  return acknowledgementIn(new ControlText(text, controlWords(locale)));
}

function acknowledgementIn(message: ControlText): boolean {
  // A longer message may still be acknowledgements only ("thanks thanks thanks ..."): read it all.
  const normalised = message.short ?? normaliseControl(message.text);
  if (!normalised) return /^\s*(👍|🙂|😊|👌)\s*$/u.test(message.text);
  const { words } = message;
  return words.acknowledgements.has(normalised) || message.cores.some((core) => words.acknowledgements.has(core)) || onlyAcknowledgements(normalised, words);
}

/** Words that may sit around acknowledgements ("thanks thats really helpful", "ok cool thank you x"). */
const AROUND_ACKNOWLEDGEMENTS = new Set(['really', 'very', 'so', 'super', 'and', 'x', 'xx', 'lol', 'mate', 'thats', 'that', 'is', 'was', 'its', 'much', 'a', 'lot']);

/** The message is acknowledgements one after another, and nothing else. */
function onlyAcknowledgements(normalised: string, words: ControlWords): boolean {
  const tokens = normalised.split(' ').filter((token) => !AROUND_ACKNOWLEDGEMENTS.has(token));
  // covered[i]: the first i words can be read as acknowledgement phrases one after another.
  const covered: boolean[] = [true];
  for (let i = 0; i < tokens.length; i += 1) {
    if (!covered[i]) continue;
    for (let j = i + 1; j <= Math.min(tokens.length, i + 4); j += 1) if (words.acknowledgements.has(tokens.slice(i, j).join(' '))) covered[j] = true;
  }
  return tokens.length > 0 && covered[tokens.length] === true;
}

/**
 * "hang on", "brb, someone's at the door", "give me a minute": the person needs a moment, so the
 * question waits instead of counting a failed answer. A message that goes on with a question ("hold
 * on, what does it cost?") is that question, not a pause.
 */
export function isPause(locale: string, text: string): boolean {
  if (text.includes('?')) return false;
  const words = controlWords(locale);
  const normalised = new ControlText(text, words).within(12);
  if (!normalised) return false;
  if (words.pauseEndings.some((ending) => normalised === ending || normalised.endsWith(` ${ending}`))) return true;
  const phrase = words.pause.find((pause) => normalised === pause || normalised.startsWith(`${pause} `));
  if (phrase === undefined) return false;
  const rest = normalised.slice(phrase.length).trim();
  const next = rest.split(' ')[0];
  return !words.questionStarts.has(next) && !words.notPauseAfter.has(next);
}

/**
 * A message that asks something: a question mark, or a question word first once lead-in words are
 * set aside ("who sees my answers", "ok how do i get it, im in sheffield", "wait is this private").
 */
export function isQuestion(locale: string, text: string): boolean {
  if (text.includes('?')) return true;
  const words = controlWords(locale);
  let current: string | undefined = normaliseControl(text);
  while (current) {
    if (words.questionStarts.has(current.split(' ')[0])) return true;
    current = stripStart(current, words.leadIn);
  }
  return false;
}

/** "im 58, lost my wife, is this something that could help": a later clause opens as a question. */
function hasQuestionClause(locale: string, text: string): boolean {
  const words = controlWords(locale);
  return text
    .split(/[,.;:!]+/)
    .slice(1)
    .some((clause) => words.questionStarts.has(normaliseControl(clause).split(' ')[0]));
}

/**
 * "i live birmingham. i must pay?": an answer, then a question in a sentence of its own. A later
 * sentence counts when it opens as a question or ends in "?" with three words or more, so
 * "dunno. few months?" stays an unsure answer.
 */
export function asksAfterAnswer(locale: string, text: string): boolean {
  const sentences = text.match(/[^.!?]+[.!?]*/g) ?? [];
  return sentences.slice(1).some((sentence) => {
    const words = normaliseControl(sentence).split(' ').filter(Boolean);
    if (words.length === 0) return false;
    if (controlWords(locale).questionStarts.has(words[0]) && words.length >= 2) return true;
    return sentence.includes('?') && words.length >= 3;
  });
}

function isWhole(locale: string, text: string, list: (words: ControlWords) => Set<string>): boolean {
  return wholeIn(new ControlText(text, controlWords(locale)), list);
}

function wholeIn(message: ControlText, list: (words: ControlWords) => Set<string>): boolean {
  const phrases = list(message.words);
  return message.cores.some((core) => phrases.has(core));
}

/** "ok lets do it", "go on then": yes to what was just offered, as the whole message. */
export function isGoAhead(locale: string, text: string): boolean {
  return isWhole(locale, text, (words) => words.goAhead);
}

/** "actually dont call me", "ive changed my mind": a call-back no longer wanted, as the whole message. */
export function isChangedMind(locale: string, text: string): boolean {
  return isWhole(locale, text, (words) => words.changedMind);
}

/** "delete it then", "ok wipe that": after an answer about what is kept, a request to delete it. */
export function isEraseThat(locale: string, text: string): boolean {
  return isWhole(locale, text, (words) => words.eraseThat);
}

/**
 * "can i just email instead", "whats their email": reaching the clinic by email, not a call. Asking
 * to be emailed something ("can i get my summary by email") is not: nothing is ever emailed.
 */
export function asksToEmail(locale: string, text: string): boolean {
  const padded = ` ${normaliseControl(text)} `;
  const words = controlWords(locale);
  return words.emailAsks.some((phrase) => hasPhrase(padded, phrase)) && !words.emailNotAsks.some((phrase) => hasPhrase(padded, phrase));
}

/**
 * "can i get my summary by email", "how do i print this", "can i keep a copy": keeping the check's
 * summary. Read a sentence at a time, so a request after some context ("i did your check earlier,
 * it said ipt might suit me. can i print that for my gp") counts, and a long story does not.
 */
export function asksToKeepSummary(locale: string, text: string): boolean {
  const words = controlWords(locale);
  const sentences = text.length > WITHIN_PREFIX_CHARS ? [] : (text.match(/[^.!?]+[.!?]*/g) ?? []);
  return sentences.some((sentence) => keepSummaryIn(new ControlText(sentence, words).within(15), words));
}

function keepSummaryIn(normalised: string | undefined, words: ControlWords): boolean {
  if (normalised === undefined) return false;
  const padded = ` ${normalised} `;
  const { actions, objects, phrases, unless } = words.keepSummary;
  const has = (phrase: string) => hasPhrase(padded, phrase);
  return (phrases.some(has) || (actions.some(has) && objects.some(has))) && !unless.some(has);
}

/** How a request to keep the summary is put: to be sent it (by email), and whether it speaks of a check done before. */
export function keepSummaryAsk(locale: string, text: string): { emailed: boolean; earlier: boolean } {
  const words = controlWords(locale);
  const padded = ` ${normaliseControl(text.slice(0, WITHIN_PREFIX_CHARS))} `;
  const has = (phrase: string) => hasPhrase(padded, phrase);
  return { emailed: words.keepSummary.emailWords.some(has), earlier: words.earlierCheck.some(has) };
}

/** Words at most in a message that asks for the question in other words, or for the result: more is a story of its own. */
const SHORT_ASK_WORDS = 10;

/** "i dont get that question", "what does that mean": the open question, put another way. */
export function asksToRephrase(locale: string, text: string): boolean {
  return heldInShort(locale, text, (words) => words.rephrase);
}

/** "so whats the verdict", "just tell me if it suits me": the check's result now, from what is known. */
export function asksForResult(locale: string, text: string): boolean {
  return heldInShort(locale, text, (words) => words.resultAsks);
}

function heldInShort(locale: string, text: string, list: (words: ControlWords) => string[]): boolean {
  const words = controlWords(locale);
  const normalised = new ControlText(text, words).within(SHORT_ASK_WORDS);
  if (normalised === undefined) return false;
  const padded = ` ${normalised} `;
  return list(words).some((phrase) => hasPhrase(padded, phrase));
}

/** Words that say a message is about the writer ("i see a cpn", "my mum does"). */
const FIRST_PERSON = /\b(i|im|ive|id|ill|me|my|mine|myself)\b/;

/**
 * "yeh i see a cpn", "my partner knows already": a statement of three words or more about the
 * writer that asks nothing. Clear in itself, so never met with "I didn't catch that".
 */
export function saysOfThemselves(locale: string, text: string): boolean {
  const normalised = normaliseWithin(text, MAX_COMMAND_WORDS);
  if (normalised === undefined || normalised.split(' ').length < 3) return false;
  return FIRST_PERSON.test(normalised) && !isQuestion(locale, text);
}

/** "know" for "no": what voice typing meant by the whole message, or the message as it was. */
export function meantBySound(locale: string, text: string): string {
  return controlWords(locale).soundsLike.get(normaliseControl(text)) ?? text;
}

/** "so what do I do next?", "now what": asking for the next step, as the whole message. */
export function isNextStepRequest(locale: string, text: string): boolean {
  return isWhole(locale, text, (words) => words.nextStep);
}

/** "quiz pls", "can we do the check": the whole message asks for the check, as its button does. */
export function isCheckRequest(locale: string, text: string): boolean {
  return checkRequestIn(new ControlText(text, controlWords(locale)));
}

function checkRequestIn(message: ControlText): boolean {
  if (wholeIn(message, (words) => words.checkRequest)) return true;
  // "ipt chek", "the quizz": one slip forgiven in a request of eight letters or more.
  const { words } = message;
  return message.cores.some((core) => core.length >= 8 && [...words.checkRequest].some((phrase) => phrase.length >= 8 && withinOneSlip(core, phrase)));
}

/**
 * "why do you need to know that?", "whats that got to do with it": why the open question is asked.
 * The whole message, or a longer why-phrase followed by a few words ("why do u need to know my age tho").
 */
export function isWhyAsk(locale: string, text: string): boolean {
  return whyAskIn(new ControlText(text, controlWords(locale)));
}

function whyAskIn(message: ControlText): boolean {
  if (wholeIn(message, (words) => words.whyAsks)) return true;
  const { words } = message;
  // The cheap test first: the detector asks this of every message the lexicon finds nothing in.
  return message.cores.some((core) =>
    words.whyAskLeads.some((phrase) => core.startsWith(phrase) && core[phrase.length] === ' ' && core.split(' ').length - phrase.split(' ').length <= 3),
  );
}

/**
 * "is that the sort of thing IPT is for?", "can it help with that": whether IPT fits what was said.
 * It must name IPT or what was said ("can you help me?" asks for help, not about fit).
 */
export function isFitQuestion(locale: string, text: string): boolean {
  if (!isQuestion(locale, text) && !hasQuestionClause(locale, text)) return false;
  const normalised = normaliseControl(text);
  const padded = ` ${normalised} `;
  const words = controlWords(locale);
  return normalised.split(' ').some((word) => words.fitSubjects.has(word)) && words.fitAsks.some((phrase) => hasPhrase(padded, phrase));
}

/**
 * A whole message that steers the conversation ("ok carry on", "why do you need that?", "thanks")
 * and says nothing else. The risk detector's statistical backstop does not guess at these: a few
 * words of chat carry too little text for a character model, which read "ok carry on" and "why
 * would you need that" as risk. The lexicon still reads every one of them. Asking to delete the
 * conversation ("delete everything ive said") steers it too. "stop" and goodbyes are
 * not in this set: "I don't want to do this anymore" may be about more than the check, so the
 * backstop still judges them.
 */
export function isConversationCommand(locale: string, text: string): boolean {
  // Longer than any command (see MAX_COMMAND_WORDS): the backstop reads it, and a 100 KB paste is
  // not run through every test below.
  const message = new ControlText(text, controlWords(locale));
  if (message.short === undefined) return false;
  const control = controlIn(message);
  if (control !== undefined) return control.kind !== 'stop';
  return (
    acknowledgementIn(message) ||
    whyAskIn(message) ||
    wholeIn(message, (words) => words.nextStep) ||
    checkRequestIn(message) ||
    wholeIn(message, (words) => words.eraseThat) ||
    isWholeEraseRequest(locale, text)
  );
}
