/**
 * The readings of a message the sentence-encoder experiment scores (scripts/semantic-risk-experiment.ts):
 * the whole (the encoder keeps its last 400 characters) and each sentence of three words or more
 * (line breaks count as spaces; a sentence ends at . ! ? or …). Pure; no imports, so it can be
 * copied into an older tree with scripts/dump-risk-verdicts.ts.
 */
export function readingsOf(text: string): string[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  const sentences = clean
    .split(/(?<=[.!?…]) /)
    .map((s) => s.trim())
    .filter((s) => s.split(' ').length >= 3);
  return [...new Set([clean, ...sentences])];
}
