/**
 * Keys for values computed once per turn and shared through TurnContext.turnState, so the risk
 * check and intent recognition each run exactly once however many dialogs look at the turn.
 */
export const RISK_ASSESSMENT_KEY = Symbol.for('ipt-guide.riskAssessment');
export const RECOGNITION_KEY = Symbol.for('ipt-guide.recognition');
