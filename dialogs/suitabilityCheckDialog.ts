import type { EmergencySupportResult } from './emergencySupportDialog';
import { MessageFactory, type Activity, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  DialogReason,
  DialogTurnStatus,
  type DialogContext,
  type DialogInstance,
  type DialogTurnResult,
} from 'botbuilder-dialogs';
import type { ActionId } from '../src/content/actions';
import { suitabilitySummaryCard } from '../src/content/cards';
import { readFacts, type CheckFacts } from '../src/content/checkReading';
import { joinList, sayBackFacts, withNationHint } from '../src/content/checkSayBack';
import { suitabilityLexicon } from '../src/content/lexicon';
import { t } from '../src/content/i18n';
import { savedSummaryText, summaryKeepCard, SUMMARY_MARKER, type SavedSummary } from '../src/content/savedSummary';
import { assessSuitability, isChoice, isImplied, QUESTIONS, type FocusArea, type QuestionId, type SuitabilityAnswers, type SuitabilityResult } from '../src/content/suitability';
import { urgentNumbers } from '../src/content/urgentNumbers';
import { classifyControl } from '../src/language/controlWords';
import type { UserProfile } from '../src/profile';
import { GuidedPrompt, GUIDED_PROMPT, readAnswer, type GuidedPromptOptions, type GuidedPromptResult, type ReadAnswer } from './guidedPrompt';
import { cardMessage, withActions, withButtons } from './replies';
import { ASIDE_KEY } from './turnState';
import type { Clock } from '../src/clock';

export const SUITABILITY_CHECK_DIALOG = 'suitabilityCheck';

const ADULT_NEXT: readonly ActionId[] = ['AccessNhs', 'AccessPrivate', 'WhatToExpect'];
const YOUNG_NEXT: readonly ActionId[] = ['HumanContact', 'AboutIpt', 'Menu'];
/** After the next step was given twice: other things to do. */
const OTHER_NEXT: readonly ActionId[] = ['WhatToExpect', 'AccessPrivate', 'HumanContact'];

/** Where the check has got to: kept in the check's own instance state, so it survives side questions and can be resumed after "stop". */
export interface CheckProgress {
  answers: SuitabilityAnswers;
  /** Questions answered or skipped, in the order they were settled ("go back" undoes the last). */
  settled: QuestionId[];
  /** The person said they are over 18 without a band: the age question is answered. */
  adult?: boolean;
  /** A safety dialog opened during the check: the summary says support comes first. */
  safetyFirst?: boolean;
  /** The under-18 routes were given in this check (once: at the moment the age became known). */
  youngRoutesGiven?: boolean;
}

export interface SuitabilityCheckOptions {
  /** Carry on from here (after "stop" and "carry on"), instead of starting afresh. */
  progress?: CheckProgress;
  /** Start at this question (a "change my age" after the check ended). */
  ask?: QuestionId;
  /** The crisis hand-off was given earlier in this conversation: the summary says support comes first. */
  safetyFirst?: boolean;
  /** The under-18 routes were already given in this conversation. */
  youngRoutesGiven?: boolean;
  /** The summary again, after an answer was given or changed once it had ended ("about 8 months", "66"). */
  updated?: boolean;
}

/** The check's instance state: the component's inner stack lives beside it. */
interface CheckState {
  progress: CheckProgress;
  /** Waiting for the person to choose to carry on, after a safety dialog ended. */
  paused?: boolean;
  /** How many times the "carry on when you're ready" offer was made, to vary its words. */
  offers?: number;
  /** The question the check's prompt is waiting on, for MainDialog to read answers against. */
  asking?: QuestionId;
  /** The last "noted" line used the first wording, so the next one uses the other. */
  noted?: boolean;
  /** The answers "start again" cleared, until the next answer: "no, carry on from where I was" puts them back. */
  undo?: CheckProgress;
}

/** The check's progress, for MainDialog to keep when the person stops (public instance state). */
export function checkProgressOf(instance: DialogInstance | undefined): CheckProgress | undefined {
  return instance?.id === SUITABILITY_CHECK_DIALOG ? (instance.state as Partial<CheckState>).progress : undefined;
}

/** The question the check is waiting on, if the check is this instance (its own state, not its prompt's). */
export function openQuestionOf(instance: DialogInstance | undefined): QuestionId | undefined {
  return instance?.id === SUITABILITY_CHECK_DIALOG ? (instance.state as Partial<CheckState>).asking : undefined;
}

/**
 * A side question that also answers ("how do i get it, im in sheffield"): its answer to the open
 * question and its facts for others are kept before it is answered, and the check goes on from there.
 */
export function keepAnswerInCheck(instance: DialogInstance | undefined, answer: Exclude<NonNullable<ReadAnswer>, { kind: 'skip' }>): void {
  const progress = checkProgressOf(instance);
  const asking = openQuestionOf(instance);
  if (!progress || !asking) return;
  recordFacts(progress, answer.facts);
  // A focus area named in a question ("what does ipt do for grief?") is what they ask about, not
  // their answer; an age, a place or a time is said about themselves.
  if (answer.kind === 'facts' || asking === 'concern' || asking === 'relationships') return;
  recordValue(progress, asking, answer.values);
  settle(progress, asking);
}

/** A finished check's answers with the place and age the person has since given ("I'm in Scotland now"). */
export function withProfile(progress: CheckProgress, profile: UserProfile): CheckProgress {
  return withFacts(progress, { ...(profile.nation ? { nation: profile.nation } : {}), ...(profile.ageGroup ? { age: profile.ageGroup } : {}) });
}

/** A finished check's answers with an answer given after its summary ("about 8 months"). */
export function withFacts(progress: CheckProgress, facts: CheckFacts): CheckProgress {
  const next: CheckProgress = { ...progress, answers: { ...progress.answers }, settled: [...progress.settled] };
  recordFacts(next, facts);
  return next;
}

/** Whether two sets of the check's answers would give the same summary. */
export function sameAnswers(a: CheckProgress, b: CheckProgress): boolean {
  const key = (progress: CheckProgress): string => JSON.stringify([progress.answers.concern ?? [], progress.answers.relationships, progress.answers.duration, progress.answers.age, progress.answers.nation, progress.adult === true]);
  return key(a) === key(b);
}

/** A safety dialog is opening over the check: its summary will say that support comes first. */
export function markSafetyFirst(instance: DialogInstance | undefined): void {
  const progress = checkProgressOf(instance);
  if (progress) progress.safetyFirst = true;
}

/**
 * A safety dialog on top has stepped aside without the person choosing to go back: the check waits
 * for them to choose to carry on instead of asking its question again.
 */
export function pauseCheck(instance: DialogInstance | undefined): void {
  if (instance?.id === SUITABILITY_CHECK_DIALOG) (instance.state as Partial<CheckState>).paused = true;
}

/** Whether the check is waiting for the person to choose to carry on (after a safety dialog). */
export function isCheckPaused(instance: DialogInstance | undefined): boolean {
  return instance?.id === SUITABILITY_CHECK_DIALOG && (instance.state as Partial<CheckState>).paused === true;
}

function recordValue(progress: CheckProgress, question: QuestionId, values: string[]): void {
  const { answers } = progress;
  switch (question) {
    case 'concern': {
      const concern = values.filter((value) => isChoice('concern', value));
      if (concern.length > 0) answers.concern = concern;
      return;
    }
    case 'relationships':
      if (isChoice('relationships', values[0])) answers.relationships = values[0];
      return;
    case 'duration':
      if (isChoice('duration', values[0])) answers.duration = values[0];
      return;
    case 'age':
      if (values[0] === 'adult') {
        delete answers.age;
        progress.adult = true;
      } else if (isChoice('age', values[0])) {
        answers.age = values[0];
        progress.adult = false;
      }
      return;
    case 'nation':
      if (isChoice('nation', values[0])) answers.nation = values[0];
      return;
  }
}

/** The questions the next step hangs on (under-18 routes, and the GP outside England): asked again, never left. */
const ROUTE_QUESTIONS: ReadonlySet<QuestionId> = new Set(['age', 'nation']);

/** "I'll use what you've told me: your loss and that you are 35 or over." and, outside England, the GP. */
function usingWhatYouSaid(locale: string, facts: CheckFacts): string {
  const items = sayBackFacts(locale, facts);
  const lead = items.length > 0 ? t(locale, 'suitability:usingWhatYouSaidList', { list: joinList(locale, items) }) : t(locale, 'suitability:usingWhatYouSaid');
  return withNationHint(locale, lead, facts);
}

/** No answers yet; what the conversation already showed (a crisis, under-18 routes given) carries over. */
function freshProgress(carried: Pick<CheckProgress, 'safetyFirst' | 'youngRoutesGiven'>): CheckProgress {
  return {
    answers: {},
    settled: [],
    ...(carried.safetyFirst ? { safetyFirst: true } : {}),
    ...(carried.youngRoutesGiven ? { youngRoutesGiven: true } : {}),
  };
}

function settle(progress: CheckProgress, question: QuestionId): void {
  progress.settled = [...progress.settled.filter((id) => id !== question), question];
}

function unsettle(progress: CheckProgress, question: QuestionId): void {
  progress.settled = progress.settled.filter((id) => id !== question);
  const { answers } = progress;
  if (question === 'age') progress.adult = undefined;
  delete answers[question];
}

/** Facts said in passing are answers too: kept (a later one corrects an earlier one) and their questions skipped. */
function recordFacts(progress: CheckProgress, facts: CheckFacts): void {
  if (facts.concern) {
    const known = (progress.answers.concern ?? []).filter((concern) => concern !== 'other');
    progress.answers.concern = [...new Set([...known, ...facts.concern])];
    settle(progress, 'concern');
  }
  if (facts.relationships) {
    recordValue(progress, 'relationships', [facts.relationships]);
    settle(progress, 'relationships');
  }
  if (facts.duration) {
    recordValue(progress, 'duration', [facts.duration]);
    settle(progress, 'duration');
  } else if (facts.onset && !progress.settled.includes('duration')) {
    // When it started is known ("since my mum moved into a home"): asking how long reads as not listening.
    settle(progress, 'duration');
  }
  if (facts.age) {
    recordValue(progress, 'age', [facts.age]);
    settle(progress, 'age');
  }
  if (facts.nation) {
    recordValue(progress, 'nation', [facts.nation]);
    settle(progress, 'nation');
  }
}

/**
 * "is that the sort of thing IPT is for?" during the check: what the answers so far point to, without
 * promising anything, and that the check will show a next step. Undefined when no check is open.
 */
export function fitSoFar(locale: string, instance: DialogInstance | undefined): string | undefined {
  const progress = checkProgressOf(instance);
  if (!progress) return undefined;
  const areas = assessSuitability(progress.answers).areas.map((area) => t(locale, `topics:FocusAreas.areas.${area}.name`).toLowerCase());
  if (areas.length === 0) return t(locale, 'suitability:fitSoFar.none');
  return t(locale, 'suitability:fitSoFar.areas', { areas: areas.join(` ${t(locale, 'suitability:copy.and')} `), count: areas.length });
}

/** "would this help?" after an answer about several focus areas, outside the check: that they may fit, and the check. */
export function fitOutsideCheck(locale: string, areas: readonly FocusArea[]): string {
  const names = areas.map((area) => t(locale, `topics:FocusAreas.areas.${area}.name`).toLowerCase());
  return t(locale, 'suitability:fitOutside', { areas: joinList(locale, names), count: names.length });
}

/** How the person asked to keep their summary: to be sent it by email, or speaking of a check done in an earlier chat. */
export interface KeepAsk {
  emailed: boolean;
  earlier: boolean;
}

/**
 * "can i get my summary by email", "can i keep that result somewhere": how to keep it where the
 * person is (the web page's Copy, Save and Print; the card to copy from in Teams), never by email
 * (said first only when they asked for it). With no check in this conversation: that the check
 * gives one, or, when they speak of one done before, that this chat does not have it.
 */
export function keepSummaryReply(locale: string, channelId: string | undefined, hasSummary: boolean, ask: KeepAsk = { emailed: true, earlier: false }): Partial<Activity> {
  if (!hasSummary) return withActions(locale, t(locale, ask.earlier ? 'suitability:keepSummary.notHere' : 'suitability:keepSummary.notYet'), ['SuitabilityCheck']);
  const teams = channelId === 'msteams';
  const key = `suitability:keepSummary.${teams ? 'teams' : 'web'}${ask.emailed ? '' : 'Keep'}`;
  return withButtons(t(locale, key, { title: t(locale, 'suitability:keepTitle') }), []);
}

/** "what do I do next?" after the check: its next step again, in words, with the same buttons. */
export function nextStepReply(locale: string, progress: CheckProgress): Partial<Activity> {
  const result = assessSuitability(progress.answers, { safetyFirst: progress.safetyFirst === true });
  const lines = [t(locale, 'suitability:nextAgain'), t(locale, `suitability:summary.next.${result.nextStep}`, urgentNumbers(locale))];
  if (result.showPrivate) lines.push(t(locale, 'suitability:summary.privateAlso'));
  return withActions(locale, lines.join('\n\n'), nextActions(result));
}

/**
 * "so would it suit me or not?" right after the summary: its honest view and next step again in
 * words, rather than the check all over again.
 */
export function fitAfterCheckReply(locale: string, progress: CheckProgress): Partial<Activity> {
  const result = assessSuitability(progress.answers, { safetyFirst: progress.safetyFirst === true });
  const numbers = urgentNumbers(locale);
  const lines = [t(locale, `suitability:summary.view.${result.view}`, numbers), t(locale, `suitability:summary.next.${result.nextStep}`, numbers)];
  return withActions(locale, lines.join('\n\n'), nextActions(result));
}

/**
 * "so what now?" right after the summary, which has just given the next step: how to take it, in
 * a few plain steps. Asked again straight away, other things to do rather than the same words.
 */
export function nextStepHowReply(locale: string, progress: CheckProgress, again: boolean): Partial<Activity> {
  const result = assessSuitability(progress.answers, { safetyFirst: progress.safetyFirst === true });
  if (again) return withActions(locale, t(locale, 'suitability:nextHowAgain'), result.nextStep === 'young_person' ? YOUNG_NEXT : OTHER_NEXT);
  return withActions(locale, t(locale, `suitability:nextHow.${result.nextStep}`, urgentNumbers(locale)), nextActions(result));
}

function nextActions(result: SuitabilityResult): readonly ActionId[] {
  return result.nextStep === 'young_person' ? YOUNG_NEXT : ADULT_NEXT;
}

/** The note a person can paste into a self-referral form, in their own voice. */
export function copyableNote(locale: string, answers: SuitabilityAnswers): string {
  const lines: string[] = [];
  if (answers.concern && answers.concern.length > 0) {
    const parts = answers.concern.map((concern) => t(locale, `suitability:copy.area.${concern}`));
    lines.push(t(locale, 'suitability:copy.areas', { list: joinList(locale, parts) }));
  }
  if (answers.relationships) lines.push(t(locale, `suitability:copy.relationships.${answers.relationships}`));
  if (answers.duration) lines.push(t(locale, `suitability:copy.duration.${answers.duration}`));
  lines.push(t(locale, 'suitability:copy.ending'));
  return lines.join(' ');
}

/** The message this turn is "carry on", "back to the questions": the person's own choice to go on with the check. */
function asksToCarryOn(context: TurnContext): boolean {
  const { activity } = context;
  return activity.type === 'message' && classifyControl(activity.locale ?? '', activity.text ?? '')?.kind === 'resume';
}

/** "Thanks. I've noted the clash with someone. IPT has a focus area for this: role disputes." Undefined for "something else". */
function concernHeard(locale: string, concerns: readonly string[]): string | undefined {
  const areas = concerns.filter((concern) => concern !== 'other');
  if (areas.length === 0) return undefined;
  const said = joinList(locale, areas.map((area) => t(locale, `suitability:sayBack.concern.${area}`)));
  const names = joinList(locale, areas.map((area) => t(locale, `topics:FocusAreas.areas.${area}.name`).toLowerCase()));
  return t(locale, 'suitability:concernHeard', { said, names, count: areas.length });
}

/** The place or age an answer to another question also gave, when it is new to the check (undefined if none). */
function newRouteFacts(result: GuidedPromptResult, before: { nation?: string; age?: string }): CheckFacts | undefined {
  const { facts, question } = result;
  const said: CheckFacts = {
    ...(question !== 'nation' && facts.nation && facts.nation !== before.nation ? { nation: facts.nation } : {}),
    ...(question !== 'age' && facts.age && facts.age !== before.age ? { age: facts.age } : {}),
  };
  return said.nation || said.age ? said : undefined;
}

/**
 * "Is IPT right for me?": five short questions (buttons or free text, each skippable), then a
 * summary card (focus areas that may fit, an honest view, the next step) and a note to copy, save
 * or print. It bends: an answer given early is kept and its question skipped, "go back", "change
 * my age" and "start again" work at any point, a side question is answered by MainDialog while the
 * check waits on the stack, and after a safety dialog the check waits until the person chooses to
 * carry on. Age group and nation go to this conversation's profile. Risk messages never reach this
 * dialog: MainDialog's safety interrupt runs first on every turn.
 */
export class SuitabilityCheckDialog extends ComponentDialog {
  constructor(
    private readonly profile: StatePropertyAccessor<UserProfile>,
    private readonly clock: Clock,
  ) {
    super(SUITABILITY_CHECK_DIALOG);
    this.addDialog(new GuidedPrompt(clock, GUIDED_PROMPT));
    this.initialDialogId = GUIDED_PROMPT;
  }

  protected override async onBeginDialog(innerDc: DialogContext, options?: SuitabilityCheckOptions): Promise<DialogTurnResult> {
    const locale = innerDc.context.activity.locale ?? '';
    const progress: CheckProgress = options?.progress ?? freshProgress(options ?? {});
    const state = this.state(innerDc);
    state.progress = progress;
    let lead: string | undefined;
    if (!options?.progress) {
      // What this conversation already knows (typed earlier) is kept: the check does not ask again.
      const known = await this.profile.get(innerDc.context);
      recordFacts(progress, { ...(known?.ageGroup ? { age: known.ageGroup } : {}), ...(known?.nation ? { nation: known.nation } : {}) });
      // So is what the message that asked for the check says ("check if ipt is for me, im 52, in
      // swansea, lost my job in jan"): its questions are skipped, and the person is told why.
      const { activity } = innerDc.context;
      const said = activity.type === 'message' ? readFacts('concern', activity.text ?? '', suitabilityLexicon(locale), this.clock()) : {};
      delete said.place;
      recordFacts(progress, said);
      if (Object.keys(said).length > 0) lead = usingWhatYouSaid(locale, said);
      await innerDc.context.sendActivity(MessageFactory.text(t(locale, 'suitability:intro')));
    }
    if (options?.ask) unsettle(progress, options.ask);
    if (options?.ask) lead = t(locale, 'suitability:changing');
    else if (options?.updated) lead = t(locale, 'suitability:updated');
    else if (options?.progress) lead = t(locale, 'suitability:resumed');
    return this.askNext(innerDc, lead, options?.ask);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const state = this.state(innerDc);
    if (state.paused) {
      state.paused = false;
      state.offers = 0;
    }
    const result = await innerDc.continueDialog();
    if (result.status !== DialogTurnStatus.complete) return result;
    return this.afterQuestion(innerDc, result.result as GuidedPromptResult);
  }

  /**
   * Something ran on top of the check and ended. A side question answered this turn (MainDialog
   * marks it) or the person's own choice to go back after a safety dialog brings the question
   * straight back; anything else (a call-back request over several turns, a safety dialog left
   * another way) leaves the check waiting until the person chooses to carry on.
   */
  override async resumeDialog(dc: DialogContext, _reason: DialogReason, result?: unknown): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as CheckState;
    const locale = dc.context.activity.locale ?? '';
    // The safety dialog said so, or the message that closed it asks to carry on ("right back to the questions").
    const choseToGoBack = (result as Partial<EmergencySupportResult> | undefined)?.resume === true || asksToCarryOn(dc.context);
    if ((dc.context.turnState.get(ASIDE_KEY) === true || choseToGoBack) && !state.paused) {
      // The side question also answered the open question: the next one (or the summary) follows.
      if (state.asking && state.progress.settled.includes(state.asking)) {
        const inner = this.createChildContext(dc);
        if (inner) {
          await inner.cancelAllDialogs();
          await this.saveProfile(dc.context, state.progress);
          const next = await this.askNext(inner, t(locale, 'suitability:backToCheck'));
          return next.status === DialogTurnStatus.complete ? dc.endDialog(next.result) : Dialog.EndOfTurn;
        }
      }
      await dc.context.sendActivity(withButtons(t(locale, 'suitability:backToCheck'), []));
      await this.repromptDialog(dc.context, dc.activeDialog!);
      return Dialog.EndOfTurn;
    }
    state.paused = true;
    state.offers = (state.offers ?? 0) + 1;
    const key = state.offers % 2 === 1 ? 'suitability:pausedOffer' : 'suitability:pausedOfferAgain';
    await dc.context.sendActivity(withButtons(t(locale, key), [t(locale, 'suitability:carryOnButton'), t(locale, 'suitability:stopButton')]));
    return Dialog.EndOfTurn;
  }

  private state(innerDc: DialogContext): CheckState {
    const state = innerDc.parent?.activeDialog?.state;
    if (!state) throw new Error('SuitabilityCheckDialog state is missing');
    return state as CheckState;
  }

  private async afterQuestion(innerDc: DialogContext, result: GuidedPromptResult): Promise<DialogTurnResult> {
    const locale = innerDc.context.activity.locale ?? '';
    const state = this.state(innerDc);
    const { progress } = state;
    // A restart can be taken back only straight away: whatever else comes next keeps the fresh start.
    const undo = state.undo;
    state.undo = undefined;
    if (undo && result.kind === 'control' && (result.control.kind === 'resume' || result.control.kind === 'back')) {
      state.progress = undo;
      return this.askNext(innerDc, t(locale, 'suitability:restartUndone'));
    }
    const before = { nation: progress.answers.nation, age: progress.answers.age };
    recordFacts(progress, result.facts);
    if (result.kind === 'answer') {
      recordValue(progress, result.question, result.values);
      settle(progress, result.question);
      // What is troubling them, typed in their own words: said back with IPT's name for it, so a wrong reading can be put right.
      const heard = result.typed && result.question === 'concern' ? concernHeard(locale, progress.answers.concern ?? []) : undefined;
      // "ive moved to bristol" to the first question: the move answers it, and the new place (or an
      // age said with it) is said back, as a place said on its own is, so it can be corrected.
      const said = newRouteFacts(result, before);
      if (said) {
        await this.saveProfile(innerDc.context, progress);
        const summaryNext = !QUESTIONS.some((id) => !progress.settled.includes(id) && !isImplied(id, progress.answers));
        return this.askNext(innerDc, this.notedLead(innerDc, said, summaryNext));
      }
      if (heard) {
        await this.saveProfile(innerDc.context, progress);
        return this.askNext(innerDc, heard);
      }
    } else if (result.kind === 'facts') {
      // Answers to other questions: kept now (an under-18 hears their routes at once), and this question asked again.
      await this.saveProfile(innerDc.context, progress);
      // "31, cornwall" to the last question left unanswered: everything else is known, and the next
      // step does not hang on this one, so it is left as if skipped and the summary follows (any
      // answer can still be changed). Age and nation decide the route, so they are asked again.
      const onlyThisLeft = QUESTIONS.every((id) => id === result.question || progress.settled.includes(id) || isImplied(id, progress.answers));
      if (onlyThisLeft && !ROUTE_QUESTIONS.has(result.question)) {
        settle(progress, result.question);
        return this.askNext(innerDc, this.notedLead(innerDc, result.facts, true));
      }
      return this.askNext(innerDc, this.notedLead(innerDc, result.facts), result.question, result.attempts);
    } else if (result.kind === 'skip') {
      settle(progress, result.question);
    } else if (result.kind === 'result') {
      // "so whats the verdict": the summary from what is known; any answer can still be changed after.
      for (const question of QUESTIONS) if (!progress.settled.includes(question)) settle(progress, question);
      return this.askNext(innerDc, t(locale, 'suitability:resultNow'));
    } else {
      const { control } = result;
      switch (control.kind) {
        case 'restart':
          // The answers go; a crisis earlier still comes first, and under-18 routes given are not repeated.
          state.progress = freshProgress(progress);
          if (progress.settled.length > 0) state.undo = progress;
          return this.askNext(innerDc, t(locale, 'suitability:restarted'));
        case 'back': {
          const previous = progress.settled[progress.settled.length - 1];
          if (!previous) return this.askNext(innerDc, t(locale, 'suitability:nothingBefore'), result.question);
          unsettle(progress, previous);
          return this.askNext(innerDc, t(locale, 'suitability:goingBack'), previous);
        }
        case 'change':
          if (control.value !== undefined && this.changeTo(innerDc, control.target, control.value)) {
            await this.saveProfile(innerDc.context, progress);
            return this.askNext(innerDc, t(locale, 'suitability:changedTo'));
          }
          if (control.target) {
            unsettle(progress, control.target);
            return this.askNext(innerDc, t(locale, 'suitability:changing'), control.target);
          }
          return this.askWhichToChange(innerDc, result.question);
        default:
          break;
      }
    }
    await this.saveProfile(innerDc.context, progress);
    return this.askNext(innerDc);
  }

  /**
   * What was noted from a message that answered other questions, said back so it can be corrected
   * (a place with the one thing it changes now: outside England, the GP), in one of two wordings so
   * the same line never comes twice in a row.
   */
  private notedLead(innerDc: DialogContext, facts: CheckFacts, summaryNext = false): string {
    const locale = innerDc.context.activity.locale ?? '';
    const items = sayBackFacts(locale, facts);
    // The summary follows at once and says the route itself.
    if (summaryNext) return items.length > 0 ? t(locale, 'suitability:notedForSummary', { list: joinList(locale, items) }) : t(locale, 'suitability:notedAgain');
    const state = this.state(innerDc);
    const again = state.noted === true;
    state.noted = !again;
    const line =
      items.length > 0
        ? t(locale, again ? 'suitability:notedListAgain' : 'suitability:notedList', { list: joinList(locale, items) })
        : t(locale, again ? 'suitability:notedAgain' : 'suitability:noted');
    return withNationHint(locale, line, facts);
  }

  /**
   * "change my answer to no", "change how long to a few months": the new answer, for the question
   * named or else the latest answered one it reads as an answer to, is kept at once. False when
   * it does not, and the usual change follows (which answer, or that question again).
   */
  private changeTo(innerDc: DialogContext, target: QuestionId | undefined, value: string): boolean {
    const { progress } = this.state(innerDc);
    // Latest first: "change it to not really" after a focus area and a yes fits the yes.
    // An answer the first one implied ("arguing with my sister": people are part of it) can be changed too.
    const implied = QUESTIONS.filter((id) => !progress.settled.includes(id) && isImplied(id, progress.answers));
    const candidates = target ? [target] : [...[...progress.settled].reverse(), ...implied];
    for (const question of candidates) {
      const reading = readAnswer(innerDc.context.activity.locale ?? '', question, value, this.clock());
      if (reading?.kind !== 'typed' && reading?.kind !== 'choice') continue;
      recordValue(progress, question, reading.values);
      settle(progress, question);
      return true;
    }
    return false;
  }

  /** "change my answer" with no question named: buttons that each say which, then the open question stays open. */
  private async askWhichToChange(innerDc: DialogContext, current: QuestionId): Promise<DialogTurnResult> {
    const locale = innerDc.context.activity.locale ?? '';
    const { progress } = this.state(innerDc);
    if (progress.settled.length === 0) return this.askNext(innerDc, t(locale, 'suitability:nothingToChange'), current);
    const labels = progress.settled.map((question) => t(locale, `suitability:changeButton.${question}`));
    await innerDc.context.sendActivity(withButtons(t(locale, 'suitability:whichToChange'), [...labels, t(locale, 'suitability:restartButton')]));
    return this.ask(innerDc, { question: current, quiet: true });
  }

  /**
   * Asks the given question, or the first one not yet settled; with none left, the summary. Under-18s
   * hear their routes (GP, CAMHS, Childline) as soon as their age is known, not only in the summary,
   * in case they leave before it.
   */
  private async askNext(innerDc: DialogContext, lead?: string, ask?: QuestionId, attempts?: number): Promise<DialogTurnResult> {
    const { progress } = this.state(innerDc);
    const question = ask ?? QUESTIONS.find((id) => !progress.settled.includes(id) && !isImplied(id, progress.answers));
    if (!question) return this.summary(innerDc, progress, lead);
    const locale = innerDc.context.activity.locale ?? '';
    const lines = lead ? [lead] : [];
    if (progress.answers.age === 'under_18' && !progress.youngRoutesGiven) {
      progress.youngRoutesGiven = true;
      lines.push(t(locale, 'suitability:youngRoutes', urgentNumbers(locale)));
    }
    const undoable = this.state(innerDc).undo !== undefined;
    return this.ask(innerDc, { question, ...(lines.length > 0 ? { lead: lines.join('\n\n') } : {}), ...(attempts ? { attempts } : {}), ...(undoable ? { undoable } : {}) });
  }

  /** Every question goes through here, so the check's own state always names the open one. */
  private async ask(innerDc: DialogContext, options: GuidedPromptOptions): Promise<DialogTurnResult> {
    this.state(innerDc).asking = options.question;
    return innerDc.beginDialog(GUIDED_PROMPT, options);
  }

  /** Nation and age group go to this conversation's profile (kept beyond it only if the person agrees). */
  private async saveProfile(context: TurnContext, progress: CheckProgress): Promise<void> {
    const { age, nation } = progress.answers;
    if (!age && !nation && !progress.adult) return;
    const profile = (await this.profile.get(context)) ?? {};
    const next: UserProfile = { ...profile, ...(nation ? { nation } : {}) };
    if (age) next.ageGroup = age;
    else if (progress.adult && profile.ageGroup === 'under_18') delete next.ageGroup;
    await this.profile.set(context, next);
  }

  private async summary(innerDc: DialogContext, progress: CheckProgress, lead?: string): Promise<DialogTurnResult> {
    const locale = innerDc.context.activity.locale ?? '';
    await this.saveProfile(innerDc.context, progress);
    const result: SuitabilityResult = assessSuitability(progress.answers, { safetyFirst: progress.safetyFirst === true });
    // The summary's next step for under-18s holds their routes.
    if (result.nextStep === 'young_person') progress.youngRoutesGiven = true;
    const next = nextActions(result);
    const note = copyableNote(locale, progress.answers);
    // Self-referral forms are England's NHS Talking Therapies: elsewhere, and for under-18s, the note is for the GP.
    const selfReferral = result.nextStep === 'self_refer' || result.nextStep === 'self_refer_or_gp';
    const intro = t(locale, selfReferral ? 'suitability:copy.intro' : 'suitability:copy.introGp');
    const card = suitabilitySummaryCard(locale, result, urgentNumbers(locale));
    const summary: Partial<Activity> = cardMessage(card);
    const saved: SavedSummary = { title: t(locale, 'suitability:summary.title'), text: savedSummaryText(card, intro, note) };
    // Teams: a card to copy from. Web Chat: the page's Copy, Save and Print controls read the marker.
    const teams = innerDc.context.activity.channelId === 'msteams';
    const noteMessage = withActions(locale, note, next, teams ? summaryKeepCard(locale, saved) : undefined);
    if (!teams) noteMessage.channelData = { [SUMMARY_MARKER]: saved };
    const replies: Partial<Activity>[] = lead ? [MessageFactory.text(lead), summary] : [summary];
    if (progress.answers.age || progress.answers.nation) replies.push(MessageFactory.text(t(locale, 'suitability:keepTip')));
    replies.push(MessageFactory.text(intro), noteMessage);
    await innerDc.context.sendActivities(replies);
    return { status: DialogTurnStatus.complete, result: { ...result, progress } };
  }
}
