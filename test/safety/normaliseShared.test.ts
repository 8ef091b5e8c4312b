import { normaliseToWords, type NormaliseTables } from '../../src/safety/normalise';

/**
 * The normaliser keeps the last message's spaced text for the next reading of it
 * (src/safety/normalise.ts): only where the other tables would give the same text.
 */

function tables(words: string[], symbols: Array<[string, string]> = []): NormaliseTables {
  return {
    tokens: new Map(),
    symbols: new Map(symbols),
    fuzzyTargets: [],
    fuzzyMaxEdits: new Map(),
    protectedWords: new Set(),
    vocabulary: new Set(words),
    knownWords: new Set(words),
    quantityNouns: new Set(),
  };
}

/** The words as a fresh normaliser gives them: another text is read first, so nothing is kept. */
function fresh(text: string, t: NormaliseTables): string {
  normaliseToWords('something else entirely', t, { foreign: true });
  return normaliseToWords(text, t, { foreign: true }).join(' ');
}

describe('a message read with several tables', () => {
  const withHim = tables(['him']);
  const without = tables(['her']);
  const withSymbol = tables([], [['\u{1f198}', 'sos']]);

  it('gives each tables their own reading of look-alike "!" words', () => {
    const text = 'tell h!m now';
    expect(fresh(text, withHim)).toBe('tell him now');
    expect(fresh(text, without)).toBe('tell h . m now');
    normaliseToWords(text, withHim, { foreign: true });
    expect(normaliseToWords(text, without, { foreign: true }).join(' ')).toBe('tell h . m now');
    normaliseToWords(text, without, { foreign: true });
    expect(normaliseToWords(text, withHim, { foreign: true }).join(' ')).toBe('tell him now');
  });

  it('gives each tables their own emoji words', () => {
    const text = 'help \u{1f198} please';
    normaliseToWords(text, withSymbol, { foreign: true });
    expect(normaliseToWords(text, without, { foreign: true }).join(' ')).toBe(fresh(text, without));
    normaliseToWords(text, without, { foreign: true });
    expect(normaliseToWords(text, withSymbol, { foreign: true }).join(' ')).toBe('help sos please');
  });

  it('shares the reading between tables that change nothing in it', () => {
    const text = "I can't sleep. It's 3am & I'm tired";
    normaliseToWords(text, withHim, { foreign: true });
    expect(normaliseToWords(text, without, { foreign: true }).join(' ')).toBe(fresh(text, without));
  });

  it('never shares a reading in another language with an English one', () => {
    const text = 'mieszkam tu od lat';
    normaliseToWords(text, without, { foreign: true });
    expect(normaliseToWords(text, without)).toContain('overdose');
    expect(normaliseToWords(text, without, { foreign: true })).not.toContain('overdose');
  });

  it('gives another language its own reading after an English one that read the overdose shorthand', () => {
    const text = 'mieszkam tu od lat';
    normaliseToWords(text, without);
    expect(normaliseToWords(text, without, { foreign: true })).not.toContain('overdose');
  });

  it('shares an English reading, with emoji words that are not in it, where the shorthand changed nothing', () => {
    const text = 'Good food, an odd mood & no \u00e9clairs';
    normaliseToWords(text, withSymbol);
    expect(normaliseToWords(text, without, { foreign: true }).join(' ')).toBe(fresh(text, without));
    normaliseToWords(`${text} \u{1f198}`, withSymbol);
    expect(normaliseToWords(`${text} \u{1f198}`, without, { foreign: true }).join(' ')).toBe(fresh(`${text} \u{1f198}`, without));
  });
});
