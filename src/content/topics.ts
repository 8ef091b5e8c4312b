import type { AgeGroup, Nation } from '../profile';
import type { ActionId, TopicIntent } from './actions';
import { AREA_ACTIONS } from './actions';
import type { FocusArea } from './suitability';

/**
 * What each topic answer offers next. The copy is in strings/topics.json; the sources and review
 * dates in content-sources.json. Every list has 2 to 4 entries, so people always have a next step
 * without a wall of buttons.
 */
export const TOPIC_NEXT: Record<TopicIntent, readonly ActionId[]> = {
  AboutIpt: ['WhatToExpect', 'FocusAreas', 'WhoItHelps', 'SuitabilityCheck'],
  WhoItHelps: ['SuitabilityCheck', 'Evidence', 'AccessNhs'],
  WhatToExpect: ['FocusAreas', 'SuitabilityCheck', 'AccessNhs'],
  FocusAreas: AREA_ACTIONS,
  Evidence: ['WhoItHelps', 'SuitabilityCheck', 'AccessNhs'],
  AccessNhs: ['AccessPrivate', 'SuitabilityCheck', 'HumanContact'],
  AccessPrivate: ['AccessNhs', 'WhatToExpect', 'HumanContact'],
};

/** After one focus area: the others are a tap away through the overview. */
export const AREA_NEXT: readonly ActionId[] = ['FocusAreas', 'SuitabilityCheck', 'AccessNhs'];

export interface TopicRequest {
  topic: TopicIntent;
  /** For FocusAreas: explain one area on its own. */
  area?: FocusArea;
  /** For AccessNhs: the nation the person told us, if any. */
  nation?: Nation;
  /** For AccessNhs: under 18s are pointed to their GP, CAMHS and Childline first. */
  ageGroup?: AgeGroup;
  /** The nation is not where the person lives (someone else's, or where they work): its way in, never "you said you live in". */
  elsewhere?: boolean;
}
