/**
 * Long pastes of real messages for the detectRisk benchmark and the long-paste soundness test: the
 * fresh batches' lines, written blind, so neither is tuned to text the lexicon's authors chose.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/projectRoot';
import type { RiskAssessment } from '../../src/safety/types';

const FRESH = join(PROJECT_ROOT, 'test', 'safety', 'fresh');

/** The text of every line of a JSON-lines file of messages. */
export function messageLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { text: string }).text);
}

/** Every fresh batch's lines from files ending in `suffix` ('-benign.jsonl', '-risk.jsonl'), in file order. */
export function freshLines(suffix: string): string[] {
  return readdirSync(FRESH)
    .filter((file) => file.endsWith(suffix))
    .sort()
    .flatMap((file) => messageLines(join(FRESH, file)));
}

/** Messages pasted one a line, as a chat log or an email thread reads. */
export const pasteOf = (messages: readonly string[]): string => messages.join('\n');

/**
 * The fresh batches' benign lines (Welsh and Polish among them) joined by spaces to about `size`
 * characters: the benchmark's "100 KB of different messages" since the third pass. Some risk rules
 * fire across the joins, so the detector stops before its no-risk work (the other-person reading
 * and the statistical backstop).
 */
export function variedPaste(size: number): string {
  const texts = freshLines('-benign.jsonl');
  let paste = '';
  for (let i = 0; paste.length < size; i += 1) paste += `${texts[i % texts.length]} `;
  return paste.slice(0, size);
}

/**
 * At most `size` characters of different English everyday messages, one a line, that get nothing
 * as a whole: groups of eight messages that get nothing alone, leaving out any group that gets
 * something beside the others (found by halving). The worst case for cost: every window and every
 * sentence also goes through the no-risk work. Returned as its messages, to place others among them.
 */
export function everydayMessages(size: number, detect: (text: string) => RiskAssessment | null, isEnglish: (text: string) => boolean): string[] {
  const everyday = freshLines('-benign.jsonl').filter((text) => isEnglish(text) && detect(text) === null);
  const groups: string[] = [];
  for (let i = 0; i < everyday.length; i += 8) groups.push(pasteOf(everyday.slice(i, i + 8)));
  let body = groups.filter((group) => detect(group) === null);
  while (body.length > 0 && pasteOf(body).length > size) body.pop();
  for (let tries = 0; tries < 10 && detect(pasteOf(body)) !== null; tries += 1) {
    let lo = 0;
    let hi = body.length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (detect(pasteOf(body.slice(0, mid))) !== null) hi = mid;
      else lo = mid;
    }
    body = [...body.slice(0, lo), ...body.slice(lo + 1)];
  }
  return body;
}
