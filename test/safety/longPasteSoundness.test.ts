import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectRisk, detectRiskLexiconOnly } from '../../src/safety/detectRisk';
import { safetyMode } from '../../src/safety/safetyReply';

/**
 * The detector bounds the cost of a long paste (each window and each distinct sentence read once),
 * never by reading less: a risk message from the held-out batches that the lexicon gives a safety dialog alone
 * still gets one at the start, in the middle or at the end of a 100 KB paste of ordinary messages
 * from the same batches, repeated.
 */

const FRESH = join(__dirname, 'fresh');
const lines = (file: string): string[] =>
  readFileSync(join(FRESH, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { text: string }).text);

const dialog = (text: string): boolean => {
  const found = detectRisk(text);
  return found !== null && ['handoff', 'checkIn'].includes(safetyMode(found));
};

describe('a 100 KB paste reads every risk a message alone would', () => {
  // Ordinary messages that get nothing alone, as the paste's body.
  const ordinary = [...lines('n-benign.jsonl'), ...lines('s-benign.jsonl')].filter((text) => detectRisk(text) === null).slice(0, 40);
  let body = '';
  while (body.length < 100_000) body += `${ordinary.join(' ')} `;
  const half = body.slice(0, body.lastIndexOf('. ', 50_000) + 2);

  it('the body alone gets nothing', () => {
    expect(detectRisk(body)).toBeNull();
  });

  // Every 8th risk line of two batches (different writers), kept if the lexicon alone gives it a
  // dialog. (What only the statistical backstop finds is read in a paste sentence by sentence, at a
  // surer bar than a message alone: a known trade-off, see detectRisk.ts.)
  const risks = [...lines('ad-risk.jsonl'), ...lines('x-risk.jsonl')]
    .filter((_, i) => i % 8 === 0)
    .filter((text) => {
      const found = detectRiskLexiconOnly(text);
      return found !== null && ['handoff', 'checkIn'].includes(safetyMode(found));
    });

  it('has enough risk lines to mean something', () => {
    expect(risks.length).toBeGreaterThan(20);
  });

  it.each([
    ['at the start', (risk: string) => `${risk} ${half}`],
    ['in the middle', (risk: string) => `${half}${risk} ${half}`],
    ['at the end', (risk: string) => `${half}${risk}`],
  ])('%s', (_where, place) => {
    const missed = risks.filter((risk) => !dialog(place(risk)));
    expect(missed).toEqual([]);
  });
});
