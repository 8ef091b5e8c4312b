import type { UserProfile } from '../src/profile';

/**
 * Keys for values shared through TurnContext.turnState within one turn, so the risk check and
 * intent recognition each run exactly once however many dialogs look at the turn.
 */
export const RISK_ASSESSMENT_KEY = Symbol.for('ipt-guide.riskAssessment');
export const RECOGNITION_KEY = Symbol.for('ipt-guide.recognition');

/**
 * Set by the safety dialogs when they answered a risk turn. The gate checks it after the turn: a
 * risk turn that ended without a safety response gets the routes from the gate itself.
 */
export const SAFETY_RESPONSE_KEY = Symbol.for('ipt-guide.safetyResponse');

export type SafetyResponse = 'emergency' | 'checkIn' | 'note';

/**
 * Set by the safety gate when a message is written in a language other than English: the ISO 639-1
 * code it identified (e.g. 'pl', 'cy'). Dialogs must not read such a message as an English answer
 * ("tak" is not "yes, I'm safe").
 */
export const MESSAGE_LANGUAGE_KEY = Symbol.for('ipt-guide.messageLanguage');

/**
 * Set by MainDialog when it answers a side question while the suitability check waits underneath:
 * the check then asks its question again straight away, instead of waiting to be asked to carry on.
 */
export const ASIDE_KEY = Symbol.for('ipt-guide.aside');

/**
 * Set by MainDialog when a message during a safety reply says where the person lives or how old
 * they are ("im in england if that helps"): the profile after it, and whether the message said
 * nothing else. An open crisis reply then tailors its routes again.
 */
export const PROFILE_NOTED_KEY = Symbol.for('ipt-guide.profileNoted');

export interface ProfileNoted {
  profile: UserProfile;
  onlyContext: boolean;
}

/** Set by IptBot when its message handler ran this turn (the safety gate may answer a turn alone). */
export const MESSAGE_HANDLED_KEY = Symbol.for('ipt-guide.messageHandled');

/**
 * Set by the Teams handler when it answered a privacy question about the suitability check: MainDialog
 * then only offers the check (or asks the check's open question again), as the answer is given.
 */
export const PRIVACY_ANSWERED_KEY = Symbol.for('ipt-guide.privacyAnswered');
