export type RiskCategory = 'suicide' | 'self_harm' | 'medical' | 'harm_to_others' | 'abuse' | 'danger';
export type RiskSeverity = 'immediate' | 'concern';

export interface RiskAssessment {
  category: RiskCategory;
  severity: RiskSeverity;
  /** ids of the lexicon rules that fired — never the user's text; `model:<category>` when only the backstop fired */
  matched: string[];
  /** true when the only signal was negated ("I'm not suicidal, just sad"): the bot asks a gentle check-in question instead of the full hand-off */
  negated: boolean;
  /** true when only the statistical backstop fired */
  possible?: boolean;
}
