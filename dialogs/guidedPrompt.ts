import type { Activity, TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { actionLabel, normaliseLabel } from '../src/content/actions';
import { resolveLocale, t } from '../src/content/i18n';
import { suitabilityLexicon } from '../src/content/lexicon';
import { CHOICES, interpretAnswer, type QuestionId } from '../src/content/suitability';
import { readCheckAnswer, type CheckFacts } from '../src/content/checkReading';
import { correctCheckSpelling } from '../src/content/checkSpelling';
import { asksForResult, asksToRephrase, classifyCheckControl, isAcknowledgement, isPause, isQuestion, isWhyAsk, meantBySound, saysOfThemselves, type Control, type ControlKind } from '../src/language/controlWords';
import { withButtons } from './replies';
import type { Clock } from '../src/clock';

export const GUIDED_PROMPT = 'guidedPrompt';

/** Failed answers before a question is skipped: no prompt loops. */
export const MAX_ATTEMPTS = 2;

export interface GuidedPromptOptions {
  question: QuestionId;
  /** A line before the question ("Okay, let's start again."). */
  lead?: string;
  /** Wait for the answer without asking: the caller has just said something else (which answer to change). */
  quiet?: boolean;
  /** Answers already tried for this question that could not be used (it is being asked again). */
  attempts?: number;
  /** The check has just started again: "carry on" and "go back" go to it, to put the old answers back. */
  undoable?: boolean;
}

/**
 * How a question ended: an answer, answers to other questions only (the check keeps them and asks
 * this one again), a skip (gaveUp after two answers we could not use), or a control word for the check.
 */
export type GuidedPromptResult = { question: QuestionId; facts: CheckFacts } & (
  | { kind: 'answer'; values: string[]; typed?: boolean }
  | { kind: 'facts'; attempts: number }
  | { kind: 'skip'; gaveUp: boolean }
  | { kind: 'control'; control: Control }
  | { kind: 'result' }
);

interface PromptState {
  question: QuestionId;
  attempts: number;
  /** Answers to other questions given while this one was open ("I'm 15" while asked about feelings). */
  facts: CheckFacts;
  /** The last line sent after a message we could not use, so the next one differs. */
  lastNudge?: string;
  /** "carry on" and "go back" are the check's to read: they may take a restart back. */
  undoable?: boolean;
}

/** How an answer reads: a button (exact choice value), Skip, words we could map, or facts for other questions only. */
export type ReadAnswer = { kind: 'choice' | 'typed'; values: string[]; facts: CheckFacts } | { kind: 'skip' } | { kind: 'facts'; facts: CheckFacts; since?: string } | undefined;

export function choiceLabels(locale: string, question: QuestionId): Array<{ id: string; label: string }> {
  return CHOICES[question].map((id) => ({ id, label: t(locale, `suitability:questions.${question}.choices.${id}`) }));
}

interface AnswerLabels {
  skip: string;
  /** Normalised label -> choice id, the first choice winning a shared label. */
  choices: Map<string, string>;
}

/**
 * A question's button labels, normalised, per resolved locale. Labels are fixed copy, and MainDialog
 * reads every message sent while a question is open, so they are normalised once. Bounded by the
 * number of questions times the number of locales.
 */
const answerLabels = new Map<string, AnswerLabels>();

function labelsOf(locale: string, question: QuestionId): AnswerLabels {
  const lng = resolveLocale(locale);
  const key = `${lng}\u0000${question}`;
  let labels = answerLabels.get(key);
  if (!labels) {
    const choices = new Map<string, string>();
    for (const choice of choiceLabels(lng, question)) {
      const label = normaliseLabel(choice.label);
      if (!choices.has(label)) choices.set(label, choice.id);
    }
    labels = { skip: normaliseLabel(t(lng, 'suitability:skip')), choices };
    answerLabels.set(key, labels);
  }
  return labels;
}

export function readAnswer(locale: string, question: QuestionId, typed: string, now: Date): ReadAnswer {
  // "know" typed by voice for "no": read as meant.
  const text = meantBySound(locale, typed);
  const wanted = normaliseLabel(text);
  if (!wanted) return undefined;
  const labels = labelsOf(locale, question);
  if (wanted === labels.skip) return { kind: 'skip' };
  const exact = labels.choices.get(wanted);
  if (exact !== undefined) return { kind: 'choice', values: [exact], facts: {} };
  const lexicon = suitabilityLexicon(locale);
  // "englnad", "realy lonley": read again with its typing slips put right, only if it could not be read as typed.
  let reading = readCheckAnswer(question, text, lexicon, now);
  if (!reading) {
    const corrected = correctCheckSpelling(locale, text);
    if (corrected !== undefined) reading = readCheckAnswer(question, corrected, lexicon, now);
  }
  if (!reading) return undefined;
  return reading.kind === 'answer' ? { kind: 'typed', values: reading.values, facts: reading.facts } : reading;
}

/** Words at most in a reply read as a plain yes or no ("nope, not like that"). */
const YES_NO_WORDS = 6;

/** A short yes or no ("ya", "nah", "no nothing like that") to a question that does not ask for one. */
function isYesOrNo(locale: string, question: QuestionId, typed: string): boolean {
  const text = meantBySound(locale, typed);
  if (question === 'relationships' || text.trim().split(/\s+/).length > YES_NO_WORDS) return false;
  const lexicon = suitabilityLexicon(locale);
  const reading = interpretAnswer('relationships', text, lexicon)[0] ?? interpretAnswer('relationships', correctCheckSpelling(locale, text) ?? '', lexicon)[0];
  return reading === 'yes' || reading === 'no';
}

/** Control words a question handles itself; stop is MainDialog's, in any dialog. */
const PROMPT_CONTROLS = new Set<ControlKind>(['restart', 'back', 'change', 'skip', 'repeat', 'resume']);

/**
 * One question of the suitability check: buttons plus free text, always skippable. It keeps facts
 * for other questions said on the way, understands the check's control words (start again, go
 * back, change an answer, skip, "what was the question?"), and after two answers it cannot use it
 * says so and moves on instead of asking again. Interruptions (help, stop, crisis, a side
 * question) are MainDialog's job: it looks at the turn before this prompt does, using the open
 * question the check exposes (`openQuestionOf`) and `readAnswer`.
 */
export class GuidedPrompt extends Dialog<GuidedPromptOptions> {
  constructor(
    private readonly clock: Clock,
    id: string = GUIDED_PROMPT,
  ) {
    super(id);
  }

  override async beginDialog(dc: DialogContext, options?: GuidedPromptOptions): Promise<DialogTurnResult> {
    if (!options) throw new Error('GuidedPrompt needs a question');
    const state: PromptState = { question: options.question, attempts: options.attempts ?? 0, facts: {}, ...(options.undoable ? { undoable: true } : {}) };
    dc.activeDialog!.state = state;
    const locale = dc.context.activity.locale ?? '';
    if (!options.quiet) await dc.context.sendActivity(this.question(locale, options.question, options.lead));
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== 'message') return Dialog.EndOfTurn;
    const state = dc.activeDialog!.state as PromptState;
    const locale = dc.context.activity.locale ?? '';
    const text = dc.context.activity.text ?? '';
    const answer = readAnswer(locale, state.question, text, this.clock());
    if (answer?.kind === 'skip') return dc.endDialog(this.result(state, { kind: 'skip', gaveUp: false }));
    if (answer?.kind === 'choice') return dc.endDialog(this.result(state, { kind: 'answer', values: answer.values }));

    // A request with its reason around it ("no wait, start again, i misread that") steers the check too.
    const control = classifyCheckControl(locale, text, answer?.kind === 'typed');
    // A typed answer wins over "skip" ("not sure" answers "are people part of it?") and over a
    // change that names no question ("no, it's my mum" is an answer, not a correction).
    const answerWins = answer?.kind === 'typed' && (control?.kind === 'skip' || (control?.kind === 'change' && control.target === undefined));
    if (control && PROMPT_CONTROLS.has(control.kind) && !answerWins) {
      if (state.undoable && (control.kind === 'resume' || control.kind === 'back')) return dc.endDialog(this.result(state, { kind: 'control', control }));
      if (control.kind === 'repeat' || control.kind === 'resume') return this.askAgain(dc, state, control.kind === 'resume' ? 'suitability:resume' : 'suitability:repeat');
      if (control.kind === 'skip') return dc.endDialog(this.result(state, { kind: 'skip', gaveUp: false }));
      return dc.endDialog(this.result(state, { kind: 'control', control }));
    }
    if (answer?.kind === 'typed') {
      Object.assign(state.facts, answer.facts);
      return dc.endDialog(this.result(state, { kind: 'answer', values: answer.values, typed: true }));
    }
    if (answer?.kind === 'facts') {
      Object.assign(state.facts, answer.facts);
      // A time given as an event: about how long ago, asked once here. Facts for other questions go to the check.
      if (answer.since !== undefined) return this.askAgain(dc, state, 'suitability:durationSince');
      return dc.endDialog(this.result(state, { kind: 'facts', attempts: state.attempts }));
    }

    // "ok", "thanks" after a side answer: not a failed answer, just the question again.
    if (isAcknowledgement(locale, text)) return this.askAgain(dc, state, 'suitability:resume');
    // "hang on, someone's at the door": the question waits, with a way back when they are ready.
    if (isPause(locale, text)) {
      const key = state.lastNudge === 'suitability:pause' ? 'suitability:pauseAgain' : 'suitability:pause';
      state.lastNudge = key;
      await dc.context.sendActivity(withButtons(t(locale, key), [t(locale, 'suitability:carryOnButton')]));
      return Dialog.EndOfTurn;
    }

    // "why do you need to know that?": the reason for this question, then the question (not a failed answer).
    if (isWhyAsk(locale, text)) {
      const again = state.lastNudge === 'suitability:why';
      state.lastNudge = again ? undefined : 'suitability:why';
      await dc.context.sendActivity(this.question(locale, state.question, t(locale, again ? 'suitability:whyAgain' : `suitability:why.${state.question}`)));
      return Dialog.EndOfTurn;
    }
    // "i dont get that question": the same question in plainer words, not a failed answer.
    if (asksToRephrase(locale, text)) {
      const again = state.lastNudge === 'suitability:rephrase';
      state.lastNudge = again ? undefined : 'suitability:rephrase';
      await dc.context.sendActivity(this.question(locale, state.question, t(locale, again ? 'suitability:rephraseAgain' : 'suitability:rephrase'), 'plain'));
      return Dialog.EndOfTurn;
    }
    // "so whats the verdict": the summary now, from what is known so far.
    if (asksForResult(locale, text)) return dc.endDialog(this.result(state, { kind: 'result' }));
    // A question nothing could answer (MainDialog tried the knowledge base) is not a failed answer:
    // say so honestly and ask again, without counting it towards skipping the question.
    if (isQuestion(locale, text)) return this.askAgain(dc, state, 'suitability:noAnswerHere');

    // "yeh i see a cpn": something clear about themselves, just not an answer to this question.
    // Heard, and what the question needs said plainly, rather than "I didn't catch that".
    if (saysOfThemselves(locale, text) && state.lastNudge !== 'suitability:heard') {
      state.lastNudge = 'suitability:heard';
      await dc.context.sendActivity(this.question(locale, state.question, t(locale, 'suitability:heard'), 'plain'));
      return Dialog.EndOfTurn;
    }
    state.attempts += 1;
    if (state.attempts >= MAX_ATTEMPTS) {
      await dc.context.sendActivity(withButtons(t(locale, 'suitability:giveUp'), []));
      return dc.endDialog(this.result(state, { kind: 'skip', gaveUp: true }));
    }
    // "ya" to "how old are you?": a clear reply, just not one this question can use. Say what it needs,
    // rather than that it was not understood.
    return this.askAgain(dc, state, isYesOrNo(locale, state.question, text) ? 'suitability:notYesNo' : 'suitability:reprompt');
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = instance.state as PromptState;
    await context.sendActivity(this.question(context.activity.locale ?? '', state.question));
  }

  /** The question again after a line of its own; the line differs from the last one sent. */
  private async askAgain(dc: DialogContext, state: PromptState, key: string): Promise<DialogTurnResult> {
    const locale = dc.context.activity.locale ?? '';
    const lead = key === state.lastNudge ? `${key}Again` : key;
    state.lastNudge = lead === key ? key : undefined;
    await dc.context.sendActivity(this.question(locale, state.question, t(locale, lead)));
    return Dialog.EndOfTurn;
  }

  /** The question with its buttons; a lead line goes first, in the same message. */
  private question(locale: string, question: QuestionId, lead?: string, wording: 'text' | 'plain' = 'text'): Partial<Activity> {
    const labels = [...choiceLabels(locale, question).map((choice) => choice.label), t(locale, 'suitability:skip'), actionLabel(locale, 'Menu')];
    const text = t(locale, `suitability:questions.${question}.${wording}`);
    return withButtons(lead ? `${lead}\n\n${text}` : text, labels);
  }

  private result(state: PromptState, outcome: DistributiveOmit<GuidedPromptResult, 'question' | 'facts'>): GuidedPromptResult {
    return { question: state.question, facts: state.facts, ...outcome };
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
