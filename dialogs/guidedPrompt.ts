import type { Activity, TurnContext } from 'botbuilder';
import { ComponentDialog, Dialog, DialogContainer, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { actionLabel, normaliseLabel } from '../src/content/actions';
import { resolveLocale, t } from '../src/content/i18n';
import { suitabilityLexicon } from '../src/content/lexicon';
import { CHOICES, interpretAnswer, type QuestionId } from '../src/content/suitability';
import { withButtons } from './replies';

export const GUIDED_PROMPT = 'guidedPrompt';

/** Failed answers before a question is skipped: no prompt loops. */
export const MAX_ATTEMPTS = 2;

export interface GuidedPromptOptions {
  question: QuestionId;
}

export interface GuidedPromptResult {
  question: QuestionId;
  /** Choice ids; several only for the 'concern' question. */
  values: string[];
  skipped: boolean;
  /** True when the question was skipped after two answers we could not use. */
  gaveUp: boolean;
}

interface PromptState {
  question: QuestionId;
  attempts: number;
}

/** How an answer reads: a button (exact choice value), Skip, or words we could map to a choice. */
export type ReadAnswer = { kind: 'choice' | 'typed'; values: string[] } | { kind: 'skip' } | undefined;

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

export function readAnswer(locale: string, question: QuestionId, text: string): ReadAnswer {
  const wanted = normaliseLabel(text);
  if (!wanted) return undefined;
  const labels = labelsOf(locale, question);
  if (wanted === labels.skip) return { kind: 'skip' };
  const exact = labels.choices.get(wanted);
  if (exact !== undefined) return { kind: 'choice', values: [exact] };
  const typed = interpretAnswer(question, text, suitabilityLexicon(locale));
  return typed.length > 0 ? { kind: 'typed', values: typed } : undefined;
}

/**
 * One question of the suitability check: buttons plus free text, always skippable. After two
 * answers it cannot use, it says so, offers the menu and moves on instead of asking again.
 * Interruptions (help, stop, crisis, a new topic) are MainDialog's job: it looks at the turn before
 * this prompt does, using `activeQuestion` and `readAnswer`.
 */
export class GuidedPrompt extends Dialog<GuidedPromptOptions> {
  constructor(id: string = GUIDED_PROMPT) {
    super(id);
  }

  override async beginDialog(dc: DialogContext, options?: GuidedPromptOptions): Promise<DialogTurnResult> {
    if (!options) throw new Error('GuidedPrompt needs a question');
    const state: PromptState = { question: options.question, attempts: 0 };
    dc.activeDialog!.state = state;
    await dc.context.sendActivity(this.question(dc.context.activity.locale ?? '', options.question));
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== 'message') return Dialog.EndOfTurn;
    const state = dc.activeDialog!.state as PromptState;
    const locale = dc.context.activity.locale ?? '';
    const answer = readAnswer(locale, state.question, dc.context.activity.text ?? '');
    if (answer?.kind === 'skip') return dc.endDialog(this.result(state.question, [], false));
    if (answer) return dc.endDialog(this.result(state.question, answer.values, false));

    state.attempts += 1;
    if (state.attempts >= MAX_ATTEMPTS) {
      await dc.context.sendActivity(withButtons(t(locale, 'suitability:giveUp'), []));
      return dc.endDialog(this.result(state.question, [], true));
    }
    await dc.context.sendActivity(withButtons(t(locale, 'suitability:reprompt'), []));
    await dc.context.sendActivity(this.question(locale, state.question));
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = instance.state as PromptState;
    await context.sendActivity(this.question(context.activity.locale ?? '', state.question));
  }

  private question(locale: string, question: QuestionId): Partial<Activity> {
    const labels = [...choiceLabels(locale, question).map((choice) => choice.label), t(locale, 'suitability:skip'), actionLabel(locale, 'Menu')];
    return withButtons(t(locale, `suitability:questions.${question}.text`), labels);
  }

  private result(question: QuestionId, values: string[], gaveUp: boolean): GuidedPromptResult {
    return { question, values, skipped: values.length === 0, gaveUp };
  }
}

/** Where ComponentDialog keeps its inner dialog stack in its instance state (componentDialog.js). */
const COMPONENT_STACK = 'dialogs';

/**
 * The question a GuidedPrompt is waiting on, anywhere down the active dialog stack. MainDialog asks
 * this on every message while a dialog is open. Going down through `dc.child` builds a
 * DialogContext (and a botbuilder DialogStateManager) per level just to look, so component dialogs
 * are followed through their saved stacks instead, finding dialogs as their child contexts would
 * (the component's own set first, then its parents'). Any other kind of container is asked for its
 * child contexts, as before.
 */
export function activeQuestion(dc: DialogContext): QuestionId | undefined {
  let stack = dc.stack;
  let find = (id: string): Dialog | undefined => dc.findDialog(id);
  for (;;) {
    const instance = stack[stack.length - 1];
    if (!instance) return undefined;
    const dialog = find(instance.id);
    if (dialog instanceof GuidedPrompt) return (instance.state as PromptState).question;
    if (!(dialog instanceof DialogContainer)) return undefined;
    if (!(dialog instanceof ComponentDialog)) return activeQuestionViaChildContexts(dc);
    const inner = (instance.state as Record<string, { dialogStack?: DialogInstance[] } | undefined>)[COMPONENT_STACK];
    if (!inner?.dialogStack) return undefined;
    const outer = find;
    find = (id) => dialog.findDialog(id) ?? outer(id);
    stack = inner.dialogStack;
  }
}

function activeQuestionViaChildContexts(dc: DialogContext): QuestionId | undefined {
  let current: DialogContext | undefined = dc;
  while (current) {
    const instance = current.activeDialog;
    if (instance && current.findDialog(instance.id) instanceof GuidedPrompt) return (instance.state as PromptState).question;
    current = current.child;
  }
  return undefined;
}
