/**
 * Phrases found among a message's tokens, as whole words in order. Every reader that keeps its
 * words as data (answers to "are you safe?", requests for a line, where someone is, an age given
 * for someone else) matches this one way. A phrase token '#' stands for any number ("# weeks
 * pregnant"); tokenisers never produce '#' themselves. Pure. Plain loops: these run for every
 * phrase on every message, and a callback per position was garbage.
 */

export const ANY_NUMBER = '#';

/** Whether `phrase` starts at `at`. */
export function phraseAt(tokens: readonly string[], at: number, phrase: readonly string[]): boolean {
  if (at < 0 || at + phrase.length > tokens.length) return false;
  for (let j = 0; j < phrase.length; j++) {
    const token = tokens[at + j];
    if (phrase[j] === ANY_NUMBER ? !/^\d+$/.test(token) : token !== phrase[j]) return false;
  }
  return true;
}

/** Where `phrase` first starts at or after `from`, or -1. */
export function indexOfPhrase(tokens: readonly string[], phrase: readonly string[], from = 0): number {
  if (phrase.length === 0) return -1;
  for (let i = Math.max(0, from); i + phrase.length <= tokens.length; i++) if (phraseAt(tokens, i, phrase)) return i;
  return -1;
}

/** Whether any of `phrases` is said. */
export function hasAnyPhrase(tokens: readonly string[], phrases: readonly (readonly string[])[]): boolean {
  return phrases.some((phrase) => indexOfPhrase(tokens, phrase) >= 0);
}
