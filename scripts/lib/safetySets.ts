/**
 * Where the safety evaluation sets live and how their JSON-lines files are read: one reader for
 * eval:safety, the fresh batches (freshBatches.ts) and the scripts built on them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/projectRoot';
import type { LabelledBenign, LabelledNegated, LabelledRisk } from './riskEvaluation';

export const EVAL_DIR = join(PROJECT_ROOT, 'test', 'safety', 'eval');
export const FRESH_DIR = join(PROJECT_ROOT, 'test', 'safety', 'fresh');

export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line, i) => {
      try {
        return JSON.parse(line) as T;
      } catch {
        throw new Error(`${path}:${i + 1}: not valid JSON`);
      }
    });
}

export function loadEvalSets(dir: string = EVAL_DIR): { risk: LabelledRisk[]; benign: LabelledBenign[]; negated: LabelledNegated[] } {
  return {
    risk: readJsonl<LabelledRisk>(join(dir, 'risk.jsonl')),
    benign: readJsonl<LabelledBenign>(join(dir, 'benign.jsonl')),
    negated: readJsonl<LabelledNegated>(join(dir, 'negated.jsonl')),
  };
}
