import { Dialog, type DialogTurnResult } from 'botbuilder-dialogs';
import { t } from '../../src/content/i18n';
import { urgentNumbers } from '../../src/content/urgentNumbers';
import { notedPlace } from '../../src/content/answerReplies';
import { asksAfterAnswer, asksToEmail, asksToKeepSummary, keepSummaryAsk, hasChangeCue, isAcknowledgement, isGoAhead, isFitQuestion, isNextStepRequest, isQuestion, type Control } from '../../src/language/controlWords';
import { HELP_DIALOG, type HelpOptions, type NothingKind } from '../helpDialog';
import { suitabilityLexicon } from '../../src/content/lexicon';
import { interpretAnswer } from '../../src/content/suitability';
import { noteProfileUpdate } from '../keptProfile';
import { fitAfterCheckReply, fitOutsideCheck, keepSummaryReply, nextStepHowReply, SUITABILITY_CHECK_DIALOG, withFacts, type SuitabilityCheckOptions } from '../suitabilityCheckDialog';
import { checkAnswersGiven, lateDurationAnswer } from '../../src/content/checkReading';
import { withActions, withButtons } from '../replies';
import { answerAgainForContext, answerTopic, areasIn, beginCheck, checkAgainWith, lastAnswerAreas, route as routeTo } from './answerRoutes';
import { quietAfterCheckIn } from './safetyFirst';
import { resetMisunderstandings, type MainTurn, type Route } from './turn';

/** Answers to this many of the check's questions in one message, unasked, start the check with them. */
const LISTED_ANSWERS = 3;

/**
 * A message with no dialog open. Context first ("I'm 18 now", "sorry i meant cardiff"), then what
 * only makes sense after the check (its next step, carry on, change an answer), then the message is
 * routed as a question or a request.
 */
export async function whenNothingIsOpen(turn: MainTurn, route: Route, control: Control | undefined): Promise<DialogTurnResult> {
  const { dc, locale, text } = turn;
  const button = route.kind === 'action';
  const noted = await noteProfileUpdate(dc.context, turn.deps);
  await youngRoutesOnce(turn);
  const quiet = await quietAfterCheckIn(turn, !button && noted === undefined);
  if (quiet) return quiet;
  if (noted?.onlyContext) return answerAgainForContext(turn, noted);
  // "sorry i meant im moving to cardiff next month", "change that to scotland, im in inverness":
  // a correction in more words, not a question. Said back, then the same as a place on its own.
  if (noted?.nation && !button && hasChangeCue(locale, text) && !isQuestion(locale, text)) {
    await dc.context.sendActivity(withButtons(notedPlace(locale, noted.nation, noted.place), []));
    return answerAgainForContext(turn, noted);
  }
  const lastCheck = turn.state.lastCheck;
  // "about 8 months" once the check has ended: its answer to how long, given late or changed.
  const lateDuration = lastCheck?.finished && !button && !noted && !isQuestion(locale, text) ? lateDurationAnswer(text, suitabilityLexicon(locale), turn.deps.clock()) : undefined;
  if (lastCheck && lateDuration) {
    turn.state.lastQuestion = undefined;
    return checkAgainWith(turn, withFacts(lastCheck.progress, { duration: lateDuration }));
  }
  // "so what do I do next?" after the check: how to take its next step (the summary just said
  // what it is); asked again at once, other things to do, so no reply is the one before it.
  const checkOffered = turn.state.checkOffered === true;
  // The offer outlives a question asked on the way ("can you delete it after?"), not anything else.
  if (button || !isQuestion(locale, text)) turn.state.checkOffered = undefined;
  const askedNext = turn.state.nextStepAsked === true;
  turn.state.nextStepAsked = undefined;
  if (lastCheck?.finished && isNextStepRequest(locale, text)) {
    resetMisunderstandings(turn);
    turn.state.nextStepAsked = !askedNext;
    await dc.context.sendActivity(nextStepHowReply(locale, lastCheck.progress, askedNext));
    return Dialog.EndOfTurn;
  }
  // "yeah go on" right after the check was offered: the check.
  if (checkOffered && !button && (control?.kind === 'resume' || bareYesNo(locale, text) === 'yes' || isGoAhead(locale, text))) return beginCheck(turn);
  // "can i get my summary by email", "how do i print this": how to keep it, never by email.
  if (!button && asksToKeepSummary(locale, text) && !asksToEmail(locale, text)) {
    resetMisunderstandings(turn);
    await dc.context.sendActivity(keepSummaryReply(locale, dc.context.activity.channelId, lastCheck?.finished === true, keepSummaryAsk(locale, text)));
    return Dialog.EndOfTurn;
  }
  // "skip that too" with nothing open: no question to skip, and what to do instead. ("not sure"
  // after an answer reads as a skip too, but is just a message.)
  if (control?.kind === 'skip' && bareReading(locale, text) !== 'unsure') return nothingToDo(turn, 'skip');
  if (control && control.kind !== 'skip') return controlWithNothingOpen(turn, control);
  // "im 58, lost my wife in the summer, could this therapy help me": about them (an age or a place),
  // something IPT works on, and whether it fits. The check answers that, using what they said.
  const aboutThem = noted !== undefined && (noted.ageGroup !== undefined || noted.adult === true || noted.nation !== undefined);
  if (aboutThem && !button && isFitQuestion(locale, text) && areasIn(locale, text).length > 0) {
    resetMisunderstandings(turn);
    return beginCheck(turn);
  }
  // "so is it a yes or no then?" straight after the summary: its view and next step again, not the check again.
  if (lastCheck?.finished && !button && turn.state.lastQuestion === undefined && (isFitQuestion(locale, text) || isYesOrNoAsk(locale, text))) {
    resetMisunderstandings(turn);
    await dc.context.sendActivity(fitAfterCheckReply(locale, lastCheck.progress));
    return Dialog.EndOfTurn;
  }
  // "29, sheffield, down since my breakup in june": most of the check's answers in one message, asked
  // for nothing else ("..., how do i get this?" asks something, and is answered). The check keeps
  // them, says what it took, and asks only what is left.
  if (!button && !isQuestion(locale, text) && !asksAfterAnswer(locale, text) && checkAnswersGiven(text, suitabilityLexicon(locale), turn.deps.clock()) >= LISTED_ANSWERS) {
    resetMisunderstandings(turn);
    return beginCheck(turn);
  }
  // "would talking to someone even help" right after "my dad died...": how IPT works with that;
  // after "lonely since I moved", which of its focus areas that sounds like, and the check.
  const areas = isFitQuestion(locale, text) ? lastAnswerAreas(turn) : [];
  if (areas.length > 0) {
    turn.state.lastQuestion = undefined;
    resetMisunderstandings(turn);
    if (areas.length === 1) return answerTopic(turn, 'FocusAreas', areas[0]);
    await dc.context.sendActivity(withActions(locale, fitOutsideCheck(locale, areas), ['SuitabilityCheck', ...areas.map((area) => `area:${area}` as const)]));
    turn.state.checkOffered = true;
    return Dialog.EndOfTurn;
  }
  if (!button && isAcknowledgement(locale, text)) return nothingToDo(turn, 'acknowledged');
  // A bare yes or no has no question to answer: what the person can do next, never "didn't catch that".
  const yesNo = button ? undefined : bareYesNo(locale, text);
  if (yesNo) return nothingToDo(turn, yesNo);
  return routeTo(turn, route);
}

/**
 * A control word with nothing open. "carry on" picks up a stopped check; "change my age" reopens
 * a finished one at that question; "start again" starts the check again once one has been run.
 * Otherwise the reply says what the person can do instead, in words that differ each time.
 */
async function controlWithNothingOpen(turn: MainTurn, control: Control): Promise<DialogTurnResult> {
  const { state, dc, locale } = turn;
  const last = state.lastCheck;
  resetMisunderstandings(turn);
  if (last && control.kind === 'resume' && !last.finished) {
    state.lastCheck = undefined;
    return dc.beginDialog(SUITABILITY_CHECK_DIALOG, { progress: last.progress } satisfies SuitabilityCheckOptions);
  }
  const changing = control.kind === 'change' || control.kind === 'back';
  if (last && changing && control.target) {
    state.lastCheck = undefined;
    return dc.beginDialog(SUITABILITY_CHECK_DIALOG, { progress: last.progress, ask: control.target } satisfies SuitabilityCheckOptions);
  }
  if (last && changing && last.progress.settled.length > 0) {
    const labels = last.progress.settled.map((question) => t(locale, `suitability:changeButton.${question}`));
    await dc.context.sendActivity(withButtons(t(locale, 'suitability:whichToChange'), labels));
    return Dialog.EndOfTurn;
  }
  if (last && control.kind === 'restart') {
    state.lastCheck = undefined;
    return beginCheck(turn);
  }
  // "what was the question?" with the check stopped: no question is open, and the check can go on.
  if (last && !last.finished && control.kind === 'repeat') {
    await dc.context.sendActivity(withButtons(t(locale, 'suitability:noQuestionCheckStopped'), [t(locale, 'suitability:carryOnButton'), t(locale, 'suitability:restartButton')]));
    return Dialog.EndOfTurn;
  }
  return nothingToDo(turn, nothingKindOf(control));
}

/** Which "nothing to do" line a control word gets: "go back" and "change my answer" have nothing to go back to. */
function nothingKindOf(control: Control): NothingKind {
  if (control.kind === 'restart' || control.kind === 'repeat' || control.kind === 'resume') return control.kind;
  return control.kind === 'back' || control.kind === 'change' ? 'back' : 'other';
}

/** "so is it a yes or no", "yes or no then?": asking for the verdict in so many words. */
function isYesOrNoAsk(locale: string, text: string): boolean {
  return isQuestion(locale, text) && /\byes or no\b/i.test(text);
}

/** "ya", "nah" as the whole message: a yes or no, with no question of ours open to take it. */
function bareYesNo(locale: string, text: string): 'yes' | 'no' | undefined {
  const reading = bareReading(locale, text);
  return reading === 'yes' || reading === 'no' ? reading : undefined;
}

/** A short message read as the check's yes, no or unsure ("not sure", "dunno"). */
function bareReading(locale: string, text: string): string | undefined {
  if (text.trim().split(/\s+/).length > 3) return undefined;
  return interpretAnswer('relationships', text, suitabilityLexicon(locale))[0];
}

/** Nothing to act on: what the person can do instead, in words that differ from the last time. */
export async function nothingToDo(turn: MainTurn, kind: NothingKind): Promise<DialogTurnResult> {
  const { state } = turn;
  const variant = state.nothingRunning ?? 0;
  const again = state.lastNothingKind === kind;
  state.nothingRunning = variant + 1;
  state.lastNothingKind = kind;
  resetMisunderstandings(turn);
  return turn.dc.beginDialog(HELP_DIALOG, { mode: 'nothingToCancel', variant, kind, again } satisfies HelpOptions);
}

/**
 * Under-18s always get their routes: the first time this conversation knows the person is under
 * 18 (an age in any message), GP or a trusted adult and Childline's number, once. The check does
 * the same inside itself and says so when it ends.
 */
export async function youngRoutesOnce(turn: MainTurn): Promise<void> {
  const { state, dc, locale } = turn;
  if (state.youngRoutesGiven) return;
  if ((await turn.deps.profile.get(dc.context, {})).ageGroup !== 'under_18') return;
  state.youngRoutesGiven = true;
  await dc.context.sendActivity(withButtons(t(locale, 'suitability:youngRoutes', urgentNumbers(locale)), []));
}
