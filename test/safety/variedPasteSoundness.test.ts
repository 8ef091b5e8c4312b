import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectRisk, detectRiskLexiconOnly, sharedRiskDetector } from '../../src/safety/detectRisk';
import { safetyMode } from '../../src/safety/safetyReply';

/**
 * A long paste is read at bounded cost (rules only in the sentences holding their words, see
 * src/safety/sentenceScan.ts), never by reading less: a risk message that gets a safety dialog
 * alone is still found, as the same kind of risk, when it sits at a random place in 100 KB of
 * different everyday messages. (How urgent it reads may change with the messages beside it: a
 * neighbour's "now" can make it more urgent, and a neighbour's "we used to ..." can read it as
 * past, a known gap in reading context that is not this test's subject.)
 * The risk lines are the team's evaluation set and every fresh batch (a fixed sample of each, so
 * the test stays a few seconds long); `npm run bench` times the same kind of paste.
 */

const SAFETY = __dirname;
const lines = (path: string): string[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { text: string }).text);
const fresh = (suffix: string): string[] =>
  readdirSync(join(SAFETY, 'fresh'))
    .filter((file) => file.endsWith(suffix))
    .sort()
    .flatMap((file) => lines(join(SAFETY, 'fresh', file)));

const dialog = (text: string, detect = detectRisk): boolean => {
  const found = detect(text);
  return found !== null && ['handoff', 'checkIn'].includes(safetyMode(found));
};

/** Messages pasted one a line, as a long paste of a chat or an email thread reads. */
const paste = (messages: readonly string[]): string => messages.join('\n');
const english = (text: string): boolean => sharedRiskDetector().identifyLanguage(text) === undefined;

let seed = 11;
const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

/**
 * 100 KB of different English everyday messages that gets nothing as a whole: groups of eight
 * messages that get nothing alone, leaving out any group that gets something beside the others.
 */
function benignBody(): string[] {
  const everyday = fresh('-benign.jsonl').filter((text) => english(text) && detectRisk(text) === null);
  const groups: string[] = [];
  for (let i = 0; i < everyday.length; i += 8) groups.push(paste(everyday.slice(i, i + 8)));
  let body = groups.filter((group) => detectRisk(group) === null);
  const size = (parts: string[]): number => paste(parts).length;
  while (size(body) > 100_000) body.pop();
  // A group may still add up to something with its neighbours: find it by halving, and leave it out.
  for (let tries = 0; tries < 10 && detectRisk(paste(body)) !== null; tries += 1) {
    let lo = 0;
    let hi = body.length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (detectRisk(paste(body.slice(0, mid))) !== null) hi = mid;
      else lo = mid;
    }
    body = [...body.slice(0, lo), ...body.slice(lo + 1)];
  }
  return body;
}

describe('100 KB of different everyday messages hides no risk a message alone shows', () => {
  const body = benignBody();

  it('the body is about 100 KB and gets nothing', () => {
    expect(paste(body).length).toBeGreaterThan(90_000);
    expect(detectRisk(paste(body))).toBeNull();
  });

  // Every 20th English line of the evaluation set and of the fresh batches that the lexicon alone
  // gives a dialog (what only the statistical backstop finds is read in a paste at a surer bar: see
  // longPasteSoundness.test.ts). A message in another language inside an English paste is read as
  // English: a known gap, not this test's subject.
  const risks = [...lines(join(SAFETY, 'eval', 'risk.jsonl')), ...fresh('-risk.jsonl')]
    .filter((_, i) => i % 20 === 0)
    .filter((text) => english(text) && dialog(text, detectRiskLexiconOnly));

  it('has risk lines from every set', () => {
    expect(risks.length).toBeGreaterThan(150);
  });

  it('every one is still found, as the same kind of risk, at a random place in the body', () => {
    const missed = risks.filter((risk) => {
      const at = Math.floor(random() * (body.length + 1));
      const found = detectRisk(paste([...body.slice(0, at), risk, ...body.slice(at)]));
      return found === null || found.negated || found.category !== detectRisk(risk)?.category;
    });
    expect(missed).toEqual([]);
  }, 120_000);
});
