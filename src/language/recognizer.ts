/**
 * The contract every intent recogniser meets, local or Azure CLU. Free of botbuilder types so the
 * language layer can move host without change.
 */
export const INTENTS = [
  'AboutIpt',
  'WhoItHelps',
  'SuitabilityCheck',
  'WhatToExpect',
  'FocusAreas',
  'AccessNhs',
  'AccessPrivate',
  'Evidence',
  'CrisisSupport',
  'Greeting',
  'Help',
  'Cancel',
  'Goodbye',
  'HumanContact',
  'None',
] as const;

export type IntentName = (typeof INTENTS)[number];

/** Intents a knowledge-base question may name as its destination (`routesTo`): the dialogs that answer it better. */
export const ROUTE_INTENTS = ['HumanContact', 'SuitabilityCheck', 'Help', 'CrisisSupport'] as const satisfies readonly IntentName[];

export interface IntentScore {
  intent: IntentName;
  score: number;
}

export interface RecognitionResult {
  intent: IntentName;
  score: number;
  /** Other candidates, best first, excluding the top intent. */
  alternatives: IntentScore[];
  /** Which recogniser produced this result ('clu-fallback' = CLU failed, local answered). */
  recognizer: 'local' | 'clu' | 'clu-fallback';
}

export interface Recognizer {
  recognize(text: string, locale: string): Promise<RecognitionResult>;
}

/**
 * How much of a message the recognisers read. CLU predicts on at most 1,000 characters; the local
 * recogniser reads the same, so a 99,000-character message costs what a 1,000-character one does.
 * What someone wants is said near the start; the safety gate reads every character.
 */
export const MAX_RECOGNITION_CHARS = 1_000;

/** Pure: the message cut to MAX_RECOGNITION_CHARS, at the last space when there is one. */
export function recognitionText(text: string): string {
  if (text.length <= MAX_RECOGNITION_CHARS) return text;
  let head = text.slice(0, MAX_RECOGNITION_CHARS);
  const lastSpace = head.search(/\s\S*$/);
  if (lastSpace > MAX_RECOGNITION_CHARS / 2) head = head.slice(0, lastSpace);
  // Never end on half of a surrogate pair (an emoji cut in two).
  return /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
}

export function isIntentName(value: string): value is IntentName {
  return (INTENTS as readonly string[]).includes(value);
}
