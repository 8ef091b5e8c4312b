/** The risk categories, declared once: every schema, table and type derives from this list. */
export const RISK_CATEGORIES = ['suicide', 'self_harm', 'medical', 'harm_to_others', 'abuse', 'danger'] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];
export const RISK_SEVERITIES = ['immediate', 'concern'] as const;
export type RiskSeverity = (typeof RISK_SEVERITIES)[number];

/**
 * Who is at risk. 'self' is the person writing. For `harm_to_others` the writer is the one who may
 * cause harm and `who` names who may be hurt (an adult, a child, an older person); for every other
 * category a value other than 'self' means the writer is worried about someone else (a friend,
 * parent, manager or colleague) and needs routes for helping that person.
 */
export const RISK_WHO = ['self', 'adult', 'child', 'older_adult'] as const;
export type RiskWho = (typeof RISK_WHO)[number];

/** Now or recent, or stated as past and over ("years ago, I've been well since"). */
export type RiskWhen = 'current' | 'past';

/**
 * The frame the words come in: the person's own life, or work and study about the subject (a
 * student nurse, a Samaritans volunteer, a teacher planning a lesson, an HR policy, a dissertation).
 */
export type RiskFrame = 'personal' | 'professional';

export interface RiskAssessment {
  category: RiskCategory;
  severity: RiskSeverity;
  /** ids of the lexicon rules that fired — never the user's text; `model:<category>` when only the backstop fired */
  matched: string[];
  /** true when the only signal was negated ("I'm not suicidal, just sad"): the bot asks a gentle check-in question instead of the full hand-off */
  negated: boolean;
  /** true when only the statistical backstop fired */
  possible?: boolean;
  /**
   * true when a lower-level sign comes with the person saying they are safe now ("I'm safe, I just
   * feel like a burden"): a gentle check-in, not the full hand-off
   */
  saidSafe?: boolean;
  /** who is at risk; absent means 'self' */
  who?: RiskWho;
  /** absent means 'current' */
  when?: RiskWhen;
  /** absent means 'personal' */
  frame?: RiskFrame;
}
