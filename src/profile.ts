/** What the bot may remember about a person between turns, all optional and all coarse. */
export const NATIONS = ['england', 'wales', 'scotland', 'northern_ireland'] as const;
export type Nation = (typeof NATIONS)[number];

export const AGE_GROUPS = ['under_18', '18_to_34', '35_plus'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export interface UserProfile {
  nation?: Nation;
  ageGroup?: AgeGroup;
}
