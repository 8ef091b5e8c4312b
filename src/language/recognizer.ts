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

export function isIntentName(value: string): value is IntentName {
  return (INTENTS as readonly string[]).includes(value);
}
