/**
 * Reads a message about someone else as if it were in the first person, so the lexicon (written
 * in the first person: "burning myself", "took all my tablets", "he hits me") also finds risk to a
 * flatmate, a parent or a child: "my flatmate has been burning herself" -> "my flatmate has been
 * burning myself". A match found only this way is about someone else (who !== 'self').
 *
 * Works on the normaliser's words. Pure.
 */

const REFLEXIVE = new Set(['herself', 'himself', 'themselves', 'themself', 'yourself']);
const SUBJECT = new Set(['she', 'he', 'they']);
const POSSESSIVE = new Set(['his', 'their']);
// "his"/"her"/"their" become "my" only before what a person can harm themselves with or lose:
// "burden on their time" must not become "burden on my time".
const OWN_THINGS = new Set([
  'life', 'lives', 'own', 'tablets', 'pills', 'meds', 'medication', 'medicine', 'medicines', 'insulin', 'prescription', 'painkillers',
  'heart', 'sleeping', 'wrist', 'wrists', 'arm', 'arms', 'leg', 'legs', 'thigh', 'thighs', 'skin', 'body', 'stomach', 'hair', 'things',
  'stuff', 'belongings', 'plants', 'affairs', 'will', 'note', 'goodbyes', 'car', 'rope', 'blade', 'blades', 'razor', 'knife', 'room',
]);
// After these, a reflexive or "own life" is a death already happened ("killed himself last year"): grief, not risk.
const PAST_SELF_HARM_VERBS = new Set(['killed', 'hanged', 'hung', 'shot', 'drowned', 'gassed', 'poisoned', 'took', 'ended']);
const OBJECT = new Set(['him', 'them']);
// After these, "her" is the person ("he hits her again"), not her thing ("her tablets").
const AFTER_OBJECT = new Set(['.', 'and', 'again', 'when', 'if', 'so', 'but', 'every', 'all', 'with', 'in', 'on', 'at', 'to', 'too', 'up', 'down', 'about', 'because', 'until', 'or', 'now', 'then', 'around', 'badly', 'hard', 'sometimes', 'often', 'that', 'into', 'off', 'out', 'by', 'from', 'for', 'while']);
// "when she died" is grief, never "when i died".
const DEATH = new Set(['died', 'dies', 'passed', 'passes', 'was', 'were', 'had']);
// ... unless it is a wish: "she wishes she was dead" is "i wish i was dead".
const WISH = new Set(['wish', 'wishes', 'wished', 'wishing']);
const BE: Readonly<Record<string, string>> = { is: 'am', are: 'am', was: 'was', were: 'was', has: 'have', does: 'do', doesnt: 'do not', isnt: 'am not', hasnt: 'have not' };

function ownThing(next: string | undefined, previous: string | undefined): boolean {
  if (next === undefined || !OWN_THINGS.has(next)) return false;
  // "took his own life" already happened.
  return !(next === 'own' && previous !== undefined && PAST_SELF_HARM_VERBS.has(previous));
}

/** True when the words mention someone else in a way the shift would change. */
export function mentionsSomeoneElse(words: readonly string[]): boolean {
  for (const w of words) if (REFLEXIVE.has(w) || SUBJECT.has(w) || POSSESSIVE.has(w) || OBJECT.has(w) || w === 'her') return true;
  return false;
}

/** `vocabulary`: lexicon words, so "keeps" -> "keep" only when "keep" is a word the lexicon uses. */
export function shiftToFirstPerson(words: readonly string[], vocabulary: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const next = words[i + 1];
    const previous = words[i - 1];
    if (REFLEXIVE.has(w)) out.push(previous !== undefined && PAST_SELF_HARM_VERBS.has(previous) ? w : 'myself');
    else if (SUBJECT.has(w) && (next === undefined || !DEATH.has(next) || WISH.has(previous ?? ''))) {
      out.push('i');
      // The verb after the subject: "she is" -> "i am", "he keeps" -> "i keep".
      if (next !== undefined) {
        const be = BE[next];
        if (be !== undefined) {
          out.push(...be.split(' '));
          i++;
        } else if (next.length > 3 && next.endsWith('ies') && vocabulary.has(`${next.slice(0, -3)}y`)) {
          out.push(`${next.slice(0, -3)}y`);
          i++;
        } else if (next.length > 2 && next.endsWith('s') && vocabulary.has(next.slice(0, -1))) {
          out.push(next.slice(0, -1));
          i++;
        } else if (next.length > 4 && next.endsWith('shes') && vocabulary.has(next.slice(0, -2))) {
          // "wishes" -> "wish", "pushes" -> "push"
          out.push(next.slice(0, -2));
          i++;
        }
      }
    } else if (POSSESSIVE.has(w)) out.push(ownThing(next, previous) ? 'my' : w);
    else if (OBJECT.has(w)) out.push('me');
    else if (w === 'her') out.push(next === undefined || AFTER_OBJECT.has(next) ? 'me' : ownThing(next, previous) ? 'my' : w);
    else out.push(w);
  }
  return out;
}

/**
 * Every word `shiftToFirstPerson` may write that is not among `words` (whatever their order): a
 * superset, so a test on these words and the originals together never misses what the shift reads.
 */
export function firstPersonWords(words: readonly string[], vocabulary: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const w of words) {
    if (REFLEXIVE.has(w)) out.add('myself');
    if (SUBJECT.has(w)) out.add('i');
    if (POSSESSIVE.has(w) || w === 'her') out.add('my');
    if (OBJECT.has(w) || w === 'her') out.add('me');
    const be = BE[w];
    if (be !== undefined) for (const part of be.split(' ')) out.add(part);
    if (w.length > 3 && w.endsWith('ies') && vocabulary.has(`${w.slice(0, -3)}y`)) out.add(`${w.slice(0, -3)}y`);
    if (w.length > 2 && w.endsWith('s') && vocabulary.has(w.slice(0, -1))) out.add(w.slice(0, -1));
    if (w.length > 4 && w.endsWith('shes') && vocabulary.has(w.slice(0, -2))) out.add(w.slice(0, -2));
  }
  return [...out];
}
