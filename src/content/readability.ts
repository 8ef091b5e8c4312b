/**
 * Flesch-Kincaid grade level, for checking that copy stays at a reading age of about 9 to 11.
 *
 *   grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59
 *
 * Syllables are estimated with the usual vowel-group rules, which is what most readability tools do.
 * Two choices are ours, made so that copy is not scored as harder than it reads aloud:
 * - short capitalised abbreviations (IPT, NHS, GP, CBT) are read letter by letter, one syllable a
 *   letter ("W" is three);
 * - a number is read digit by digit (999 -> three syllables), which errs on the hard side.
 * URLs, e-mail addresses and phone numbers (digit groups with six or more digits in all) are data,
 * not prose; they are dropped before scoring.
 */

export interface ReadabilityScore {
  words: number;
  sentences: number;
  syllables: number;
  grade: number;
}

const URL_PATTERN = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+/gi;
const PHONE_PATTERN = /\b\d{2,5}(?: \d{2,5}){1,3}\b|\b\d{6,}\b/g;

function dropData(text: string): string {
  return text.replace(URL_PATTERN, ' ').replace(PHONE_PATTERN, (match) => (match.replace(/\D/g, '').length >= 6 ? ' ' : match));
}

/** Splits on sentence ends, colons that open a list, line breaks and bullet markers. */
export function splitSentences(text: string): string[] {
  return dropData(text)
    .split(/(?<=[.!?])\s+|[.!?]+$|\n+|\s[-•]\s|:\s+(?=[A-Z])/)
    .map((sentence) => sentence.replace(/^[-•*]\s+/, '').trim())
    .filter((sentence) => /[A-Za-z0-9]/.test(sentence));
}

export function words(text: string): string[] {
  return (
    dropData(text)
      .match(/[A-Za-z0-9][A-Za-z0-9'’&]*(?:-[A-Za-z0-9]+)*/g) ?? []
  ).map((word) => word.replace(/['’]s$/i, '').replace(/['’]/g, ''));
}

function letterSyllables(word: string): number {
  return [...word].reduce((sum, letter) => sum + (letter.toUpperCase() === 'W' ? 3 : 1), 0);
}

export function syllables(word: string): number {
  if (/^\d+$/.test(word)) return word.length;
  if (/^[A-Z&]{2,5}$/.test(word)) return letterSyllables(word.replace('&', ''));
  // Hyphenated words are scored part by part ("self-refer" = self + refer).
  if (word.includes('-')) return word.split('-').reduce((sum, part) => sum + (part ? syllables(part) : 0), 0);
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length === 0) return 0;
  if (w.length <= 3) return 1;
  // Silent endings: "-es", "-ed" (but not "-ted"/"-ded"), and a final "e" (but not "-le").
  w = w.replace(/(?:[^laeiouy]es|[^laeiouy]e)$/, (ending) => ending[0]);
  w = w.replace(/([^td])ed$/, '$1');
  w = w.replace(/^y/, '');
  const groups = w.match(/[aeiouy]+/g);
  return Math.max(1, groups ? groups.length : 1);
}

export function readability(text: string): ReadabilityScore {
  const sentenceList = splitSentences(text);
  const wordList = words(text);
  const sentenceCount = Math.max(1, sentenceList.length);
  const syllableCount = wordList.reduce((sum, word) => sum + syllables(word), 0);
  if (wordList.length === 0) return { words: 0, sentences: 0, syllables: 0, grade: 0 };
  const grade = 0.39 * (wordList.length / sentenceCount) + 11.8 * (syllableCount / wordList.length) - 15.59;
  return { words: wordList.length, sentences: sentenceCount, syllables: syllableCount, grade };
}

export function fleschKincaidGrade(text: string): number {
  return readability(text).grade;
}
