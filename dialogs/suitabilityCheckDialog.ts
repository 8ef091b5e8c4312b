import { MessageFactory, type Activity, type StatePropertyAccessor } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { ActionId } from '../src/content/actions';
import { suitabilitySummaryCard } from '../src/content/cards';
import { t } from '../src/content/i18n';
import {
  assessSuitability,
  isChoice,
  QUESTIONS,
  type QuestionId,
  type SuitabilityAnswers,
  type SuitabilityResult,
} from '../src/content/suitability';
import { urgentNumbers } from '../src/content/urgentNumbers';
import type { UserProfile } from '../src/profile';
import { GuidedPrompt, GUIDED_PROMPT, type GuidedPromptOptions, type GuidedPromptResult } from './guidedPrompt';
import { cardMessage, withActions } from './replies';

export const SUITABILITY_CHECK_DIALOG = 'suitabilityCheck';
const WATERFALL = 'suitabilityCheck.steps';

const ADULT_NEXT: readonly ActionId[] = ['AccessNhs', 'AccessPrivate', 'WhatToExpect'];
const YOUNG_NEXT: readonly ActionId[] = ['HumanContact', 'AboutIpt', 'Menu'];

/** Stored in the waterfall's state between turns. */
interface CheckState {
  answers: SuitabilityAnswers;
}

function record(answers: SuitabilityAnswers, result: GuidedPromptResult): void {
  const { question, values } = result;
  if (values.length === 0) return;
  switch (question) {
    case 'concern':
      answers.concern = values.filter((value) => isChoice('concern', value));
      return;
    case 'relationships':
      if (isChoice('relationships', values[0])) answers.relationships = values[0];
      return;
    case 'duration':
      if (isChoice('duration', values[0])) answers.duration = values[0];
      return;
    case 'age':
      if (isChoice('age', values[0])) answers.age = values[0];
      return;
    case 'nation':
      if (isChoice('nation', values[0])) answers.nation = values[0];
      return;
  }
}

/** The note a person can paste into a self-referral form, in their own voice. */
export function copyableNote(locale: string, answers: SuitabilityAnswers): string {
  const lines: string[] = [];
  if (answers.concern && answers.concern.length > 0) {
    const parts = answers.concern.map((concern) => t(locale, `suitability:copy.area.${concern}`));
    const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} ${t(locale, 'suitability:copy.and')} ${parts[parts.length - 1]}` : parts[0];
    lines.push(t(locale, 'suitability:copy.areas', { list }));
  }
  if (answers.relationships) lines.push(t(locale, `suitability:copy.relationships.${answers.relationships}`));
  if (answers.duration) lines.push(t(locale, `suitability:copy.duration.${answers.duration}`));
  lines.push(t(locale, 'suitability:copy.ending'));
  return lines.join(' ');
}

/**
 * "Is IPT right for me?": five short questions (buttons or free text, each skippable), then a
 * summary card (focus areas that may fit, an honest view, the next step) and a note to copy. Age
 * group and nation are saved to the profile so the emergency dialog can pick the right routes.
 * Risk messages never reach this dialog: MainDialog's safety interrupt runs first on every turn.
 */
export class SuitabilityCheckDialog extends ComponentDialog {
  constructor(private readonly profile: StatePropertyAccessor<UserProfile>) {
    super(SUITABILITY_CHECK_DIALOG);
    this.addDialog(new GuidedPrompt(GUIDED_PROMPT));
    this.addDialog(
      new WaterfallDialog(WATERFALL, [
        this.introStep.bind(this),
        ...QUESTIONS.slice(1).map((question) => this.askStep(question)),
        this.recordStep.bind(this),
        this.summaryStep.bind(this),
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  private async introStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    (step.values as CheckState).answers = {};
    await step.context.sendActivity(MessageFactory.text(t(step.context.activity.locale ?? '', 'suitability:intro')));
    return step.beginDialog(GUIDED_PROMPT, { question: QUESTIONS[0] } satisfies GuidedPromptOptions);
  }

  /** Records the previous answer, then asks the next question. */
  private askStep(question: QuestionId) {
    return async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
      await this.recordAnswer(step);
      return step.beginDialog(GUIDED_PROMPT, { question } satisfies GuidedPromptOptions);
    };
  }

  private async recordStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.recordAnswer(step);
    return step.next();
  }

  private async recordAnswer(step: WaterfallStepContext): Promise<void> {
    const answers = (step.values as CheckState).answers;
    const result = step.result as GuidedPromptResult | undefined;
    if (!result) return;
    record(answers, result);
    if ((result.question === 'age' && answers.age) || (result.question === 'nation' && answers.nation)) {
      const profile = await this.profile.get(step.context, {});
      await this.profile.set(step.context, {
        ...profile,
        ...(answers.age ? { ageGroup: answers.age } : {}),
        ...(answers.nation ? { nation: answers.nation } : {}),
      });
    }
  }

  private async summaryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = step.context.activity.locale ?? '';
    const answers = (step.values as CheckState).answers;
    const result: SuitabilityResult = assessSuitability(answers);
    const next = result.nextStep === 'young_person' ? YOUNG_NEXT : ADULT_NEXT;
    const replies: Partial<Activity>[] = [
      cardMessage(suitabilitySummaryCard(locale, result, urgentNumbers(locale))),
      MessageFactory.text(t(locale, 'suitability:copy.intro')),
      withActions(locale, copyableNote(locale, answers), next),
    ];
    await step.context.sendActivities(replies);
    return step.endDialog(result);
  }
}
