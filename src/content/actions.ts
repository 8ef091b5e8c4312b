import { resolveLocale, t } from './i18n';
import { FOCUS_AREAS, type FocusArea } from './suitability';

/**
 * The buttons the bot offers (suggested actions). Each has an id; its label is copy in
 * strings/actions.json. A button sends its label back as text, so a label typed or clicked is
 * mapped straight back to its id: buttons route the same way whatever the recogniser thinks.
 */

export const TOPIC_INTENTS = ['AboutIpt', 'WhoItHelps', 'WhatToExpect', 'FocusAreas', 'Evidence', 'AccessNhs', 'AccessPrivate'] as const;
export type TopicIntent = (typeof TOPIC_INTENTS)[number];

export type AreaAction = `area:${FocusArea}`;
export type ActionId = TopicIntent | 'SuitabilityCheck' | 'HumanContact' | 'Help' | 'Menu' | AreaAction;

export const AREA_ACTIONS: readonly AreaAction[] = FOCUS_AREAS.map((area) => `area:${area}` as const);

export const ACTION_IDS: readonly ActionId[] = [
  ...TOPIC_INTENTS,
  'SuitabilityCheck',
  'HumanContact',
  'Help',
  'Menu',
  ...AREA_ACTIONS,
];

/** The main topics, offered after help, greetings and misunderstandings. */
export const MAIN_MENU: readonly ActionId[] = ['AboutIpt', 'SuitabilityCheck', 'WhatToExpect', 'AccessNhs'];
/** The welcome also offers the private route, so both ways to get IPT are visible from the start. */
export const WELCOME_MENU: readonly ActionId[] = [...MAIN_MENU, 'AccessPrivate'];

export function isTopicIntent(value: string): value is TopicIntent {
  return (TOPIC_INTENTS as readonly string[]).includes(value);
}

export function areaOf(action: ActionId): FocusArea | undefined {
  return action.startsWith('area:') ? (action.slice('area:'.length) as FocusArea) : undefined;
}

export function actionLabel(locale: string, id: ActionId): string {
  const area = areaOf(id);
  return t(locale, area ? `actions:area.${area}` : `actions:${id}`);
}

/** Case, spacing and end punctuation do not matter: "what is ipt" is the "What is IPT?" button. */
export function normaliseLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[?.!]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Resolved locale -> normalised label -> action, the first action in ACTION_IDS order winning a
 * shared label. Labels are fixed copy, so this is built once per locale instead of normalising
 * every label on every message. Bounded: resolveLocale only returns locales we have copy for.
 */
const actionsByLabel = new Map<string, Map<string, ActionId>>();

function labelIndex(locale: string): Map<string, ActionId> {
  const lng = resolveLocale(locale);
  let index = actionsByLabel.get(lng);
  if (!index) {
    index = new Map();
    for (const id of ACTION_IDS) {
      const label = normaliseLabel(actionLabel(lng, id));
      if (!index.has(label)) index.set(label, id);
    }
    actionsByLabel.set(lng, index);
  }
  return index;
}

export function matchAction(locale: string, text: string): ActionId | undefined {
  const wanted = normaliseLabel(text);
  if (!wanted) return undefined;
  return labelIndex(locale).get(wanted);
}

/** Buttons that stand for an intent (everything but the focus-area buttons and Menu). */
export type IntentAction = Exclude<ActionId, AreaAction | 'Menu'>;

export function isIntentAction(action: ActionId): action is IntentAction {
  return action !== 'Menu' && !action.startsWith('area:');
}
