import { Dialog, type DialogTurnResult } from 'botbuilder-dialogs';
import type { IntentName } from '../../src/language/recognizer';
import { isTopicIntent, TOPIC_INTENTS } from '../../src/content/actions';
import { notedPlace } from '../../src/content/answerReplies';
import { t } from '../../src/content/i18n';
import { asksAfterAnswer, asksForResult, asksToEmail, asksToRephrase, asksToKeepSummary, classifyCheckControl, classifyControl, isAcknowledgement, isCallTimeQuestion, isFitQuestion, isPause, isQuestion, isWhyAsk } from '../../src/language/controlWords';
import { readAnswer, type ReadAnswer } from '../guidedPrompt';
import { HELP_DIALOG, helpText, type HelpMode, type HelpOptions } from '../helpDialog';
import { declinesCallBack, HUMAN_CONTACT_DIALOG, HumanContactDialog } from '../humanContactDialog';
import { keepProfileFrom } from '../keptProfile';
import { workPlace } from '../../src/language/contextFacts';
import { fitSoFar, isCheckPaused, keepAnswerInCheck, openQuestionOf, SUITABILITY_CHECK_DIALOG } from '../suitabilityCheckDialog';
import { withButtons } from '../replies';
import { ASIDE_KEY } from '../turnState';
import { answerQuestion, answerTopic, route as routeTo } from './answerRoutes';
import { nothingToDo } from './nothingOpen';
import { keepCheck, resetMisunderstandings, type MainTurn, type Route } from './turn';

/** Intents that leave a dialog in progress for another topic: every topic, the check, a person, goodbye. */
const SWITCH_INTENTS = new Set<IntentName>([...TOPIC_INTENTS, 'SuitabilityCheck', 'HumanContact', 'Goodbye']);

/**
 * A side question inside a question is a question or a request: a word or two ("uk", "my mum")
 * that the recogniser files under a topic is an attempt at an answer, asked again instead.
 */
function looksLikeRequest(text: string, intent: IntentName): boolean {
  return intent === 'HumanContact' || intent === 'Goodbye' || text.includes('?') || text.trim().split(/\s+/).length >= 3;
}

/**
 * A dialog is waiting for an answer. In order: a button of the question (or Skip) is always an
 * answer; stop stops; the check's other control words (start again, go back, change an answer,
 * skip, "what was the question?", carry on) go to the question; a bot-wide button interrupts;
 * words the question can use are an answer; then help (and a CrisisSupport guess, which gets the
 * help reply with how to get help now) and side questions, which are answered while the check
 * waits underneath and asks its question again. Anything else goes to the question, which asks
 * again once and then moves on (undefined: the open dialog reads the message). Risk never waits
 * for any of this: the safety interrupt has already run.
 */
export async function interruptActiveDialog(turn: MainTurn, route: Route): Promise<DialogTurnResult | undefined> {
  const { dc, locale, text } = turn;
  const question = openQuestionOf(dc.activeDialog);
  const answer = question ? readAnswer(locale, question, text, turn.deps.clock()) : undefined;
  if (answer && answer.kind !== 'typed' && answer.kind !== 'facts') return undefined;
  // "no thanks" to the call-back offer, "actually dont call me" later: the call-back steps say what happens now.
  if (dc.activeDialog?.id === HUMAN_CONTACT_DIALOG && declinesCallBack(locale, text)) return undefined;
  // In the check, a request with its reason around it is read as the prompt will read it.
  const control = route.kind === 'action' ? undefined : question ? classifyCheckControl(locale, text, answer?.kind === 'typed') : classifyControl(locale, text);
  if (control?.kind === 'stop') return cancelAndShow(turn, 'cancelled');
  if (control && question) return undefined;
  // "hang on, someone's at the door": the question waits (the prompt says so), never a side topic;
  // "why do you need to know that?" is about the question, which says why and asks again.
  if (question && (isPause(locale, text) || isWhyAsk(locale, text))) return undefined;
  // "i dont get that question", "so whats the verdict": about the check itself, which puts its
  // question another way or gives its result, never a side topic.
  if (question && !answer && (asksToRephrase(locale, text) || asksForResult(locale, text))) return undefined;
  if (control?.kind === 'repeat') {
    await dc.repromptDialog();
    return Dialog.EndOfTurn;
  }
  // "can i just email them instead", at the call-back offer or in the check: the email, over the check.
  if (route.kind === 'intent' && route.intent === 'HumanContact' && asksToEmail(locale, text)) return switchTopic(turn, route);

  if (route.kind === 'action') {
    if (route.action === 'Menu') return cancelAndShow(turn, 'cancelled');
    if (route.action === 'Help') return helpThenResume(turn);
    // A topic's label typed as the answer ("grief" to "what is troubling you?") is the answer.
    if (answer?.kind !== 'typed') return switchTopic(turn, route);
  }
  // "whats ipt do for grief specifically", "ok how do i get it, im in sheffield": an answer or a
  // fact, but the message opens as a question or goes on to one ("im in leeds. do i pay?"). The
  // question is answered first (the answer and the facts are kept), and the check goes on.
  // ("dunno, few months?" is an answer.)
  const questionFirst =
    answer !== undefined &&
    text.trim().split(/\s+/).length >= 3 &&
    (isQuestion(locale, text.replace(/\?/g, '')) || asksAfterAnswer(locale, text));
  if (answer && !questionFirst) return undefined;
  if (!answer) {
    if (route.kind === 'action') return undefined;
    if (route.intent === 'Cancel') return cancelAndShow(turn, 'cancelled');
    // "is that the sort of thing IPT is for?" in the check: what the answers so far point to, then the question.
    const fit = isFitQuestion(locale, text) ? fitSoFar(locale, dc.activeDialog) : undefined;
    if (fit) {
      await dc.context.sendActivity(withButtons(fit, []));
      await dc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    // "can i print this for my gp?" before the check's end: a summary to keep comes at the end, then the question.
    if (dc.activeDialog?.id === SUITABILITY_CHECK_DIALOG && asksToKeepSummary(locale, text) && !asksToEmail(locale, text)) {
      await dc.context.sendActivity(withButtons(t(locale, 'suitability:keepSummary.notYet'), []));
      await dc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    const callBack = dc.activeDialog?.id === HUMAN_CONTACT_DIALOG;
    // "what times do you ring?" while asked for a number: when they call, then the same step again.
    if (callBack && isCallTimeQuestion(locale, text)) {
      const dialog = turn.findDialog(HUMAN_CONTACT_DIALOG);
      if (dialog instanceof HumanContactDialog) await dc.context.sendActivity(withButtons(dialog.callTimesReply(locale), []));
      await dc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    if (route.intent === 'Help' || route.intent === 'CrisisSupport') return helpThenResume(turn);
    // The call-back flow is short and each step gives up after two tries: its answers ("No, I'll
    // contact them", a phone number) go to it, whatever the recogniser makes of them; a question
    // is answered aside, and the step asks again.
    if (callBack && !isQuestion(locale, text)) return undefined;
    if (!callBack && SWITCH_INTENTS.has(route.intent) && looksLikeRequest(text, route.intent)) return switchTopic(turn, route);
  }
  const asking = question !== undefined || dc.activeDialog?.id === HUMAN_CONTACT_DIALOG;
  // "what if i work in wales half the year" while asked for something else: answered on top, then the question again.
  if (asking && !answer && isQuestion(locale, text) && workPlace(text) !== undefined) return aside(turn, route);
  const side = asking ? await sideAnswer(turn, answer) : undefined;
  if (side) return side;
  if (answer) return undefined;
  // While the check waits for the person to choose to carry on, other messages are answered as usual.
  if (isCheckPaused(dc.activeDialog)) {
    if (!isAcknowledgement(locale, text)) return aside(turn, route);
    dc.context.turnState.set(ASIDE_KEY, true);
    return nothingToDo(turn, 'acknowledged');
  }
  return undefined;
}

/**
 * The check stays open under a side question: the answer is given on top of it (the answering
 * hook is route()), and the check asks its question again when that answer ends. Leaving the
 * check is for a goodbye; asking for the check again just asks the open question again.
 */
async function switchTopic(turn: MainTurn, route: Route): Promise<DialogTurnResult> {
  const { dc } = turn;
  if (dc.activeDialog?.id === SUITABILITY_CHECK_DIALOG) {
    const wanted = route.kind === 'action' ? route.action : route.intent;
    if (wanted === 'SuitabilityCheck') {
      await dc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    if (wanted !== 'Goodbye') return aside(turn, route);
    keepCheck(turn);
    await dc.cancelAllDialogs();
    await dc.context.sendActivity(withButtons(t(turn.locale, 'common:leftCheck'), []));
    return routeTo(turn, route);
  }
  await dc.cancelAllDialogs();
  return routeTo(turn, route);
}

/**
 * A question during the check or the call-back steps, whatever intent it was filed under ("who
 * sees my answers?", "ok how do i get it, im in sheffield"): answered on top when the knowledge
 * base has an answer (or a topic), and the dialog below then asks its question again, or the
 * check's next one if the message answered it. Without one, the open question reads the message.
 */
async function sideAnswer(turn: MainTurn, answer: ReadAnswer): Promise<DialogTurnResult | undefined> {
  const { dc, locale, text } = turn;
  const { context } = dc;
  if (!turn.deps.answers || !(isQuestion(locale, text) || asksAfterAnswer(locale, text))) return undefined;
  const plan = await turn.deps.answers.answerer.plan(text, locale, await turn.recognize(), turn.state.lastQuestion);
  const topic = plan.kind === 'intent' && isTopicIntent(plan.intent) ? plan.intent : undefined;
  if (plan.kind !== 'answer' && plan.kind !== 'topic' && !topic) return undefined;
  // What the message also says is kept first, so the answer fits it ("im in sheffield") and the
  // check does not ask for it again; the place is said back, so it can be corrected.
  let lead: string[] = [];
  if (answer && answer.kind !== 'skip') {
    keepAnswerInCheck(dc.activeDialog, answer);
    const kept = await keepProfileFrom(context, turn.deps);
    if (kept?.update.nation) lead = [notedPlace(locale, kept.update.nation, kept.update.place)];
  }
  context.turnState.set(ASIDE_KEY, true);
  resetMisunderstandings(turn);
  if (plan.kind === 'answer' || plan.kind === 'topic') return answerQuestion(turn, plan, lead);
  if (lead.length > 0) await context.sendActivities(lead.map((line) => withButtons(line, [])));
  return topic ? answerTopic(turn, topic) : undefined;
}

/** Answered on top of the check, which asks its question again when the answer ends. */
async function aside(turn: MainTurn, route: Route): Promise<DialogTurnResult> {
  turn.dc.context.turnState.set(ASIDE_KEY, true);
  return routeTo(turn, route);
}

/** Stop (or the menu button): the check's answers are kept for "carry on", then what to do next. */
async function cancelAndShow(turn: MainTurn, mode: HelpMode): Promise<DialogTurnResult> {
  keepCheck(turn);
  await turn.dc.cancelAllDialogs();
  resetMisunderstandings(turn);
  return turn.dc.beginDialog(HELP_DIALOG, { mode } satisfies HelpOptions);
}

/** Help in the middle of a question: explain, then ask the same question again. */
async function helpThenResume(turn: MainTurn): Promise<DialogTurnResult> {
  const { dc, locale } = turn;
  await dc.context.sendActivities([
    withButtons(helpText(locale, turn.text), []),
    withButtons(t(locale, 'common:helpHint'), []),
    withButtons(t(locale, 'common:helpResume'), []),
  ]);
  await dc.repromptDialog();
  return Dialog.EndOfTurn;
}
