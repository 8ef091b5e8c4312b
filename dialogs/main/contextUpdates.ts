import { Dialog, type DialogTurnResult } from 'botbuilder-dialogs';
import { t } from '../../src/content/i18n';
import { urgentNumbers } from '../../src/content/urgentNumbers';
import type { ProfileUpdate } from '../../src/language/profileUpdate';
import { SUITABILITY_CHECK_DIALOG, withProfile, type SuitabilityCheckOptions } from '../suitabilityCheckDialog';
import { withButtons } from '../replies';
import { answerQuestion, answerTopic } from './answerRoutes';
import { resetMisunderstandings, type MainTurn } from './turn';

/**
 * "what about in Wales?", "I'm 18 now": noteProfileUpdate has said what it noted; the last
 * question (or the check's summary) is answered again for the new context, so the follow-up gets
 * its answer.
 */
export async function answerAgainForContext(turn: MainTurn, update: ProfileUpdate): Promise<DialogTurnResult> {
  const { state, dc } = turn;
  const last = state.lastQuestion;
  resetMisunderstandings(turn);
  // Right after the check: its summary and next step again, for the new place or age.
  if (!last && state.lastCheck?.finished) {
    const progress = withProfile(state.lastCheck.progress, await turn.deps.profile.get(dc.context, {}));
    state.lastCheck = undefined;
    return dc.beginDialog(SUITABILITY_CHECK_DIALOG, { progress } satisfies SuitabilityCheckOptions);
  }
  // A place with nothing asked yet ("newry"), or after an answer that is the same everywhere ("how
  // long are the waits?"): that nation's NHS route, the thing a place changes.
  const variants = (last && turn.deps.answers?.answerer.kb.questions.get(last)?.variants) || [];
  if (update.nation && !variants.some((variant) => variant.when.nation)) return answerTopic(turn, 'AccessNhs');
  if (!turn.deps.answers || !last) return Dialog.EndOfTurn;
  return answerQuestion(turn, { kind: 'answer', questionId: last, score: 1 }, []);
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
