import { join } from 'node:path';
import { detectRisk, detectRiskLexiconOnly, sharedRiskDetector } from '../../src/safety/detectRisk';
import { safetyMode } from '../../src/safety/safetyReply';
import { everydayMessages, freshLines, messageLines, pasteOf } from '../../scripts/lib/pastes';

/**
 * A long paste is read at bounded cost (rules only in the sentences holding their words, see
 * src/safety/sentenceScan.ts), never by reading less: a risk message that gets a safety dialog
 * alone is still found, as the same kind of risk, when it sits at a random place in 100 KB of
 * different everyday messages. (How urgent it reads may change with the messages beside it: a
 * neighbour's "now" can make it more urgent, and a neighbour's "we used to ..." can read it as
 * past, a known gap in reading context that is not this test's subject.)
 * The risk lines are the team's evaluation set and every fresh batch (a fixed sample of each, so
 * the test stays a few seconds long); `npm run bench` times the same paste.
 */

const english = (text: string): boolean => sharedRiskDetector().identifyLanguage(text) === undefined;

const dialog = (text: string, detect = detectRisk): boolean => {
  const found = detect(text);
  return found !== null && ['handoff', 'checkIn'].includes(safetyMode(found));
};

let seed = 11;
const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

describe('100 KB of different everyday messages hides no risk a message alone shows', () => {
  const body = everydayMessages(100_000, detectRisk, english);

  it('the body is about 100 KB and gets nothing', () => {
    expect(pasteOf(body).length).toBeGreaterThan(90_000);
    expect(detectRisk(pasteOf(body))).toBeNull();
  });

  // Every 20th English line of the evaluation set and of the fresh batches that the lexicon alone
  // gives a dialog (what only the statistical backstop finds is read in a paste at a surer bar: see
  // longPasteSoundness.test.ts). A message in another language inside an English paste is read as
  // English: a known gap, not this test's subject.
  const risks = [...messageLines(join(__dirname, 'eval', 'risk.jsonl')), ...freshLines('-risk.jsonl')]
    .filter((_, i) => i % 20 === 0)
    .filter((text) => english(text) && dialog(text, detectRiskLexiconOnly));

  it('has risk lines from every set', () => {
    expect(risks.length).toBeGreaterThan(150);
  });

  it('every one is still found, as the same kind of risk, at a random place in the body', () => {
    const missed = risks.filter((risk) => {
      const at = Math.floor(random() * (body.length + 1));
      const found = detectRisk(pasteOf([...body.slice(0, at), risk, ...body.slice(at)]));
      return found === null || found.negated || found.category !== detectRisk(risk)?.category;
    });
    expect(missed).toEqual([]);
  }, 120_000);
});
