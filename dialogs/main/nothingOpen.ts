import { Dialog, type DialogTurnResult } from 'botbuilder-dialogs';
import { t } from '../../src/content/i18n';
import { notedPlace } from '../../src/content/answerReplies';
import { hasChangeCue, isAcknowledgement, isFitQuestion, isNextStepRequest, isQuestion, type Control } from '../../src/language/controlWords';
import { HELP_DIALOG, type HelpOptions } from '../helpDialog';
import { noteProfileUpdate } from '../keptProfile';
import { nextStepReply, SUITABILITY_CHECK_DIALOG, type SuitabilityCheckOptions } from '../suitabilityCheckDialog';
import { withButtons } from '../replies';
import { answerTopic, beginCheck, lastAnswerArea, route as routeTo } from './answerRoutes';
import { answerAgainForContext, youngRoutesOnce } from './contextUpdates';
import { resetMisunderstandings, type MainTurn, type Route } from './turn';

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
  if (noted?.onlyContext) return answerAgainForContext(turn, noted);
  // "sorry i meant im moving to cardiff next month", "change that to scotland, im in inverness":
  // a correction in more words, not a question. Said back, then the same as a place on its own.
  if (noted?.nation && !button && hasChangeCue(locale, text) && !isQuestion(locale, text)) {
    await dc.context.sendActivity(withButtons(notedPlace(locale, noted.nation, noted.place), []));
    return answerAgainForContext(turn, noted);
  }
  // "so what do I do next?" right after the check: its next step again.
  const lastCheck = turn.state.lastCheck;
  if (lastCheck?.finished && isNextStepRequest(locale, text)) {
    resetMisunderstandings(turn);
    await dc.context.sendActivity(nextStepReply(locale, lastCheck.progress));
    return Dialog.EndOfTurn;
  }
  // "skip" or "what?" with nothing open is just a message ("not sure" after an answer).
  if (control && control.kind !== 'skip' && control.kind !== 'repeat') return controlWithNothingOpen(turn, control);
  // "would talking to someone even help" right after "my dad died...": how IPT works with that.
  const area = isFitQuestion(locale, text) ? lastAnswerArea(turn) : undefined;
  if (area) {
    turn.state.lastQuestion = undefined;
    resetMisunderstandings(turn);
    return answerTopic(turn, 'FocusAreas', area);
  }
  if (!button && isAcknowledgement(locale, text)) return nothingToDo(turn, 'acknowledged');
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
  return nothingToDo(turn, control.kind === 'restart' ? 'restart' : 'other');
}

/** Nothing to act on: what the person can do instead, in words that differ from the last time. */
export async function nothingToDo(turn: MainTurn, kind: NonNullable<HelpOptions['kind']>): Promise<DialogTurnResult> {
  const { state } = turn;
  const variant = state.nothingRunning ?? 0;
  state.nothingRunning = variant + 1;
  resetMisunderstandings(turn);
  return turn.dc.beginDialog(HELP_DIALOG, { mode: 'nothingToCancel', variant, kind } satisfies HelpOptions);
}
