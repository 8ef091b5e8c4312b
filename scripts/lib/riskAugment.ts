/**
 * Training-time variants of the backstop's examples, for the ways a new writer's message differs
 * from the lines the model learnt from: vowels dropped in text-speak ("rlly cnt cope"), a message
 * run on with no full stops, and one sentence that matters inside a paragraph about something else.
 * Pure and deterministic (a fixed generator), on raw texts before the lexicon's normaliser.
 *
 * Benign lines get the same variants as risk lines: otherwise the model would learn that
 * text-speak or a long message is itself a sign of risk.
 */
import type { BackstopExample } from '../../src/safety/riskBackstop';

export type AugmentKind = 'vowels' | 'runon' | 'buried';

export interface AugmentOptions {
  /** which variants to make; one variant an example, kinds taken in turn */
  kinds: readonly AugmentKind[];
  /** every how-many-th example gets a variant (2: half of them) */
  every: number;
  seed?: number;
}

const PAST_TALK = /\b(?:ago|since|used to|when i was|back in|years)\b/i;

export const DEFAULT_AUGMENT: Readonly<AugmentOptions> = { kinds: ['vowels', 'runon', 'buried'], every: 2, seed: 11 };

/** "really" -> "rlly": vowels after the first letter go from longer words, as in quick texting. */
export function dropVowels(text: string, pick: () => number): string {
  return text.replace(/[A-Za-z]{5,}/g, (word) => (pick() < 0.5 ? word[0] + word.slice(1).replace(/[aeiouAEIOU]/g, '') : word));
}

/** Lower case, no punctuation, sentences joined by "and" or "like": voice-to-text or a rushed text. */
export function runOn(text: string, pick: () => number): string {
  const joiners = [' and ', ' like ', ' so ', ' '];
  return text
    .toLowerCase()
    .split(/[.!?;:]+\s*/)
    .filter((s) => s.trim() !== '')
    .map((s) => s.replace(/[,'"()]/g, '').trim())
    .join(joiners[Math.floor(pick() * joiners.length)]);
}

export function augmentExamples(examples: readonly BackstopExample[], options: Readonly<AugmentOptions> = DEFAULT_AUGMENT): BackstopExample[] {
  let seed = options.seed ?? 11;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  // Everyday sentences to bury a line among: the benign examples of a few words or more.
  // Not past-and-over lines: risk buried among them would teach that "years ago" is risk now.
  const everyday = examples
    .filter((e) => e.label === 'none' && e.text.split(' ').length >= 6 && !PAST_TALK.test(e.text))
    .map((e) => e.text.replace(/[.!?\s]+$/, ''));
  const out: BackstopExample[] = [];
  let turn = 0;
  examples.forEach((e, i) => {
    if (i % options.every !== 0 || options.kinds.length === 0) return;
    const kind = options.kinds[turn % options.kinds.length];
    turn += 1;
    if (kind === 'vowels') out.push({ ...e, text: dropVowels(e.text, random) });
    else if (kind === 'runon') out.push({ ...e, text: runOn(e.text, random) });
    else if (everyday.length > 0) {
      const before = everyday[Math.floor(random() * everyday.length)];
      const after = everyday[Math.floor(random() * everyday.length)];
      out.push({ ...e, text: `${before}. ${e.text} ${after}.` });
    }
  });
  return [...examples, ...out];
}
