/**
 * A small BM25 keyword index over the knowledge base: one document per question (its question,
 * phrasings and answer). With only a handful of phrasings per question, the rare words a person
 * types ("interpreter", "insurance", "bsl") are the strongest clue to which question they mean,
 * and the answer's own words cover phrasings nobody wrote down. Pure, deterministic.
 */

const K1 = 1.2;
const B = 0.75;

export interface KeywordIndex {
  /** Scores in `labels` order (0 where no word is shared), written into a buffer the index owns. */
  scores(words: readonly string[]): Float64Array;
  /**
   * How much of the message the index knows: the idf-weighted share of its words that occur in any
   * document (a word never seen counts as the rarest). "what is the weather like" shares only
   * "like" with the knowledge base, so its keyword match deserves little trust.
   */
  coverage(words: readonly string[]): number;
}

export function buildKeywordIndex(documents: ReadonlyArray<ReadonlyMap<string, number>>): KeywordIndex {
  const count = documents.length;
  const lengths = documents.map((doc) => [...doc.values()].reduce((a, b) => a + b, 0));
  const average = lengths.reduce((a, b) => a + b, 0) / Math.max(count, 1) || 1;
  const postings = new Map<string, { doc: number; tf: number }[]>();
  documents.forEach((doc, i) => {
    for (const [word, tf] of doc) {
      let list = postings.get(word);
      if (!list) postings.set(word, (list = []));
      list.push({ doc: i, tf });
    }
  });
  const out = new Float64Array(count);
  const unseenIdf = Math.log(1 + (count + 0.5) / 0.5);
  return {
    coverage(words) {
      let known = 0;
      let all = 0;
      for (const word of new Set(words)) {
        const list = postings.get(word);
        const idf = list ? Math.log(1 + (count - list.length + 0.5) / (list.length + 0.5)) : unseenIdf;
        all += idf;
        if (list) known += idf;
      }
      return all > 0 ? known / all : 0;
    },
    scores(words) {
      out.fill(0);
      for (const word of new Set(words)) {
        const list = postings.get(word);
        if (!list) continue;
        const idf = Math.log(1 + (count - list.length + 0.5) / (list.length + 0.5));
        for (const { doc, tf } of list) {
          out[doc] += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lengths[doc]) / average));
        }
      }
      return out;
    },
  };
}
