import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { safetyPlanCard, type SafetyPlanSection } from '../src/content/cards';
import { t } from '../src/content/i18n';
import { crisisRouteTable, routeSet, type CrisisRoute } from '../src/safety/crisisRoutes';
import { routeLine } from '../src/safety/crisisRoutesText';
import type { UserProfile } from '../src/profile';
import { chosen, localeOf, questionActivity, recordSafetyEvent, routeValues, turnRisk, type SafetyChoice, type SafetyDialogDeps } from './safetyDialogShared';

export const SAFETY_PLAN_DIALOG = 'safetyPlan';

/** Marks the activity that carries the finished plan, so a host page can offer to save or print it. */
export const SAFETY_PLAN_CHANNEL_DATA = { iptGuide: { kind: 'safetyPlan' } } as const;
export const SAFETY_PLAN_ATTACHMENT_NAME = 'safety-plan';

/** The steps of a simple safety plan, in order. Never a step about means: only making things safer. */
export const PLAN_STEPS = ['warningSigns', 'helps', 'people', 'professionals', 'saferHome'] as const;
export type PlanStep = (typeof PLAN_STEPS)[number];

/** Long enough for a few lines of the person's own words, short enough that state stays small. */
const MAX_ANSWER_CHARS = 400;

export interface SafetyPlanOptions {
  profile: UserProfile;
}

export interface SafetyPlanResult {
  completed: boolean;
}

type PlanChoice = 'skip' | 'stop';

interface PlanState {
  profile: UserProfile;
  step: number;
  answers: Partial<Record<PlanStep, string>>;
  /** steps whose answer carried risk words: kept out of the written plan */
  leftOut: PlanStep[];
}

/**
 * "Stay with me": a simple safety plan, one short question at a time, every answer optional. The
 * safety gate checks every answer first, as every message: an urgent one puts the emergency dialog
 * on top (MainDialog), and any answer with risk words is kept out of the written plan so the plan
 * never holds method detail. At the end the plan comes as one plain-text message to copy, with a
 * card of the same plan, marked for the host page to offer saving or printing.
 */
export class SafetyPlanDialog extends Dialog<SafetyPlanOptions> {
  constructor(private readonly deps: SafetyDialogDeps = {}) {
    super(SAFETY_PLAN_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: SafetyPlanOptions): Promise<DialogTurnResult> {
    const state: PlanState = { profile: options?.profile ?? {}, step: 0, answers: {}, leftOut: [] };
    dc.activeDialog!.state = state;
    await dc.context.sendActivity(MessageFactory.text(t(localeOf(dc.context), 'safety:plan.intro')));
    await this.ask(dc.context, state);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { context } = dc;
    if (context.activity.type !== 'message') return Dialog.EndOfTurn;
    const state = dc.activeDialog!.state as PlanState;
    const locale = localeOf(context);
    const step = PLAN_STEPS[state.step];
    const text = (context.activity.text ?? '').trim();
    const choice = chosen(text, planChoices(locale));
    if (choice === 'stop') {
      await context.sendActivity(MessageFactory.text(t(locale, 'safety:plan.stopped')));
      return dc.endDialog({ completed: false } satisfies SafetyPlanResult);
    }

    const risk = turnRisk(context);
    if (risk) {
      // Risk words stay out of a plan meant to be looked at again; 999 is one line away.
      await recordSafetyEvent(this.deps, context, risk, 'note');
      state.leftOut.push(step);
      await context.sendActivity(MessageFactory.text(t(locale, 'safety:plan.leftOut', routeValues(locale))));
    } else if (choice !== 'skip' && text !== '') {
      state.answers[step] = text.slice(0, MAX_ANSWER_CHARS);
    }

    state.step += 1;
    if (state.step < PLAN_STEPS.length) {
      await this.ask(context, state);
      return Dialog.EndOfTurn;
    }
    await context.sendActivity(planActivity(locale, state));
    return dc.endDialog({ completed: true } satisfies SafetyPlanResult);
  }

  /** Back from the emergency dialog (an urgent answer put it on top): the same question again. */
  override async resumeDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await this.ask(dc.context, dc.activeDialog!.state as PlanState);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.ask(context, instance.state as PlanState);
  }

  private async ask(context: TurnContext, state: PlanState): Promise<void> {
    const locale = localeOf(context);
    await context.sendActivity(questionActivity(context, t(locale, `safety:plan.questions.${PLAN_STEPS[state.step]}`), planChoices(locale)));
  }
}

function planChoices(locale: string): SafetyChoice<PlanChoice>[] {
  return [
    { id: 'skip', title: t(locale, 'safety:plan.choices.skip') },
    { id: 'stop', title: t(locale, 'safety:plan.choices.stop') },
  ];
}

/**
 * The lines the plan ends with: 999 first, the routes that fit the person's nation and age, and the
 * lines for everyone (a plan is kept for later: Samaritans stays in it even where the crisis message
 * gave a young person Childline in its place).
 */
function planRoutes(locale: string, profile: UserProfile): CrisisRoute[] {
  const table = crisisRouteTable(locale);
  const set = routeSet({ kind: 'self', category: 'suicide', nation: profile.nation, ageGroup: profile.ageGroup }, table);
  return [...set.main, ...set.more.filter((route) => table.order.everyone.includes(route.id))];
}

function planSections(locale: string, state: PlanState): SafetyPlanSection[] {
  const sections: SafetyPlanSection[] = [];
  for (const step of PLAN_STEPS) {
    const answer = state.answers[step];
    const lines = answer ? [answer] : state.leftOut.includes(step) ? [t(locale, 'safety:plan.leftOutMarker')] : [];
    if (lines.length > 0) sections.push({ heading: t(locale, `safety:plan.headings.${step}`), lines });
  }
  return sections;
}

/** The plan as plain text (to copy) with the same plan as a card; skipped steps are left out. */
export function planActivity(locale: string, state: Pick<PlanState, 'profile' | 'answers' | 'leftOut'>): Partial<Activity> {
  const sections = planSections(locale, { ...state, step: PLAN_STEPS.length });
  const routes = planRoutes(locale, state.profile);
  const help = [
    t(locale, 'safety:plan.emergencyLine', routeValues(locale)),
    ...routes.filter((route) => route.id !== 'emergency').map((route) => routeLine(locale, route)),
  ];
  const body = [...sections, { heading: t(locale, 'safety:plan.headings.lines'), lines: help }]
    .map((section) => `${section.heading}\n${section.lines.map((line) => `- ${line}`).join('\n')}`)
    .join('\n\n');
  const text = `${t(locale, 'safety:plan.done')}\n\n${t(locale, 'safety:plan.title')}\n\n${body}`;
  const card = { ...CardFactory.adaptiveCard(safetyPlanCard(locale, sections, routes, text)), name: SAFETY_PLAN_ATTACHMENT_NAME };
  return { ...MessageFactory.text(text), attachments: [card], channelData: SAFETY_PLAN_CHANNEL_DATA };
}
