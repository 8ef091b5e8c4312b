/**
 * Risk that builds over turns. Some things people say are not a risk on their own ("I'm such a
 * burden", "what's the point", "I gave my guitar away", "I haven't slept since...") but several of
 * them across one conversation are warning signs together. This module finds those lower-level
 * signals in a normalised message and adds them up across turns; when enough different ones have
 * been seen, it returns a check-in-level assessment (possible: true) even though no single message
 * raised one.
 *
 * Pure. The state is the list of signal ids seen (never text); the caller keeps it in conversation
 * state through an accessor injected at the composition root.
 */
import type { RiskAssessment } from './types';

export interface RiskSignalState {
  /** signal ids seen since the last check-in, in the order first seen */
  seen: string[];
}

const SIGNALS: ReadonlyArray<{ id: string; pattern: RegExp }> = [
  { id: 'burden', pattern: /(?:^| )(?:i am|i feel like|feel like|i am just|being|such) (?:a |such a |just a |nothing but a )?(?:burden|drain|waste of space)(?= |$)/ },
  { id: 'no_point', pattern: /(?:^| )(?:what is the point|no point|not any point|is there any point|whats the point|pointless)(?= |$)/ },
  { id: 'giving_away', pattern: /(?:^| )(?:gave|giving|given|give) (?:away )?(?:all )?(?:my|away my|away all my) (?:things|stuff|clothes|books|games|plants|guitar|dog|cat|records|jewellery|belongings|bike|console)(?= |$)/ },
  { id: 'not_sleeping', pattern: /(?:^| )(?:not|have not|can not|could not|barely|hardly) (?:been )?(?:sleep|sleeping|slept)(?: properly| at all| much| well)?(?: since| for| in)(?= |$)/ },
  { id: 'hopeless', pattern: /(?:^| )(?:hopeless|no future|nothing will (?:ever )?(?:get better|change|improve)|it will never get better|never going to get better|nothing to look forward to)(?= |$)/ },
  { id: 'withdrawing', pattern: /(?:^| )(?:stopped|stop|not) (?:seeing|talking to|answering|replying to) (?:anyone|everyone|my friends|friends|people|my family)(?= |$)/ },
  { id: 'trapped', pattern: /(?:^| )(?:i feel|feeling|i am|i am so) trapped(?= |$)/ },
];

/** Different signals in one conversation that together get the check-in. */
export const SIGNALS_FOR_CHECK_IN = 3;

/** The signal ids in one normalised message. */
export function signalsIn(normalised: string): string[] {
  return SIGNALS.filter((s) => s.pattern.test(normalised)).map((s) => s.id);
}

/**
 * Adds a message's signals to the conversation's. When the conversation has shown enough
 * different signals, returns the check-in assessment and starts counting again (so the check-in
 * is not repeated every turn).
 */
export function accumulateSignals(state: RiskSignalState, found: readonly string[]): { state: RiskSignalState; assessment: RiskAssessment | null } {
  const seen = [...state.seen];
  for (const id of found) if (!seen.includes(id)) seen.push(id);
  if (seen.length < SIGNALS_FOR_CHECK_IN) return { state: { seen }, assessment: null };
  return {
    state: { seen: [] },
    assessment: {
      category: 'suicide',
      severity: 'concern',
      matched: seen.map((id) => `signals:${id}`),
      negated: false,
      possible: true,
      who: 'self',
      when: 'current',
      frame: 'personal',
    },
  };
}
