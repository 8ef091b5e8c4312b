/**
 * Turn-state keys the safety dialogs and the safety gate share. The gate checks SAFETY_RESPONSE_KEY
 * after the turn: a risk turn that ended without a safety response gets the routes from the gate.
 */
export const SAFETY_RESPONSE_KEY = Symbol.for('ipt-guide.safetyResponse');
/** Set when an emergency dialog was replaced or cancelled this turn, so the next one says "still here". */
export const EMERGENCY_REPEAT_KEY = Symbol.for('ipt-guide.emergencyRepeat');

export type SafetyResponse = 'emergency' | 'checkIn';
