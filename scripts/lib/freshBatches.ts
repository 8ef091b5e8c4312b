/**
 * The writer batches in test/safety/fresh, read by batch: each was written by a different helper,
 * so a batch (or a run of neighbouring batches, often written to the same brief) is the unit a
 * model must generalise across. Used by the grouped cross-validation and by the script that turns
 * the batches into backstop training lines.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EVAL_DIR, FRESH_DIR, readJsonl } from './safetySets';
import type { LabelledRisk } from './riskEvaluation';
import type { BackstopExample } from '../../src/safety/riskBackstop';

export interface FreshBatch {
  name: string;
  risk: LabelledRisk[];
  benign: { text: string }[];
  /** risk that is past and over, said as such: the right answer is no safety dialog */
  past: { text: string; category: string }[];
}

/** Batch names in the order they were written: a..z, then aa, ab, ... */
export function freshBatchNames(dir: string = FRESH_DIR): string[] {
  const names = new Set<string>();
  for (const file of readdirSync(dir)) {
    const m = /^([a-z]+)-risk\.jsonl$/.exec(file);
    if (m !== null) names.add(m[1]);
  }
  return [...names].sort((a, b) => a.length - b.length || a.localeCompare(b));
}

export function readFreshBatches(dir: string = FRESH_DIR): FreshBatch[] {
  const optional = <T>(path: string): T[] => (existsSync(path) ? readJsonl<T>(path) : []);
  return freshBatchNames(dir).map((name) => ({
    name,
    risk: readJsonl(join(dir, `${name}-risk.jsonl`)),
    benign: optional(join(dir, `${name}-benign.jsonl`)),
    past: optional(join(dir, `${name}-past.jsonl`)),
  }));
}

/** Pure: neighbouring batches in groups of `size` (the last may be smaller). */
export function groupBatches<T>(batches: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < batches.length; i += size) out.push(batches.slice(i, i + size));
  return out;
}

/**
 * Pure: a batch's lines as backstop training lines. Risk lines keep their category; benign lines
 * are "none", and so are past-and-over lines (when `past`): the right answer to them is no safety
 * dialog, and the model should learn that "used to" and "years ago" change what the words mean.
 */
export function freshTrainingExamples(batches: readonly FreshBatch[], { past }: { past: boolean }): BackstopExample[] {
  return batches.flatMap((b) => [
    ...b.risk.map((r) => ({ text: r.text, label: r.category as BackstopExample['label'] })),
    ...b.benign.map((r) => ({ text: r.text, label: 'none' as const })),
    ...(past ? b.past.map((r) => ({ text: r.text, label: 'none' as const })) : []),
  ]);
}

/** How texts are compared for sameness: case, curly apostrophes and outer spaces aside. */
export const sameTextKey = (text: string): string => text.toLowerCase().replace(/[’']/g, "'").trim();

/** Every text in a folder's .jsonl files, as sameTextKey gives them. */
export function textsInFolder(dir: string): Set<string> {
  const out = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) for (const line of readJsonl<{ text: string }>(join(dir, file))) out.add(sameTextKey(line.text));
  return out;
}

/**
 * The batches as the backstop's training file holds them: each line with the batch it came from.
 * A line also in the team's evaluation sets (test/safety/eval: "i want to die", "what is ipt") is
 * left out, so that set stays a measure of lines the model never learnt.
 */
export function batchTrainingLines(batches: readonly FreshBatch[] = readFreshBatches(), exclude: ReadonlySet<string> = textsInFolder(EVAL_DIR)): (BackstopExample & { batch: string })[] {
  return batches.flatMap((b) =>
    freshTrainingExamples([b], { past: true })
      .filter((e) => !exclude.has(sameTextKey(e.text)))
      .map((e) => ({ ...e, batch: b.name })),
  );
}
