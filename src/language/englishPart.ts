/**
 * A message that mixes Welsh (or another language whose marker words we hold) with a clear English
 * question: the English words are what the knowledge base can match, so the other language's words
 * are set aside before matching. The safety gate has already read the whole message, and a message
 * mostly in the other language has already had the language notice, so this only helps the English
 * question be heard. Pure.
 */

/** Fewer English words than this left over: not a clear English question, so the text is kept whole. */
const MIN_ENGLISH_WORDS = 3;

const WORD = /[\p{L}']+/gu;

function bare(token: string): string {
  return (token.toLowerCase().match(WORD) ?? []).join('').replace(/^'+|'+$/g, '');
}

/**
 * Once a marker word of another language that is not an English word is there ("am", "dad" and
 * "ar" do not count), the message without its words that are not English: the marker lists are
 * short, so the rest of the other language's words go by not being English. A misspelt English word
 * goes too, a price paid only in mixed messages. Unchanged when no marker word is there, or when
 * too little English would be left to match.
 */
export function englishPart(text: string, markers: ReadonlyMap<string, ReadonlySet<string>>, englishWords: ReadonlySet<string>): string {
  const tokens = text.split(/\s+/).filter((t) => t !== '');
  const isEnglish = (word: string): boolean => word === '' || englishWords.has(word.replace(/'/g, ''));
  const markerSets = [...markers.values()];
  const marked = tokens.some((t) => {
    const word = bare(t);
    return !isEnglish(word) && markerSets.some((set) => set.has(word));
  });
  if (!marked) return text;
  const kept = tokens.filter((t) => isEnglish(bare(t)));
  if (kept.length === tokens.length || kept.length < MIN_ENGLISH_WORDS) return text;
  return kept.join(' ');
}
