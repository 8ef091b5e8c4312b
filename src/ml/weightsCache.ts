/**
 * A disk cache for trained n-gram weights. Training the risk backstop on the team's lines and the
 * writer batches (about 16,000 texts) takes several seconds, and every test file and every start
 * would pay it again for the same data. Weights are stored under a key made from everything
 * training depends on (the texts as the model sees them, their labels, the options), so any change
 * to the data, the lexicon's preparation or the options trains afresh. Best effort: a cache that
 * cannot be read or written is skipped and training runs as before; nothing else depends on it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NgramWeights } from './ngramClassifier';
import { PROJECT_ROOT } from '../projectRoot';

/**
 * Beside the installed packages, where build tools keep their caches: owned by whoever installed
 * the service, so another user on the machine cannot plant weights that would quietly change what
 * the safety model flags (a shared temporary folder would let them). Reinstalling empties it.
 */
export const DEFAULT_CACHE_DIR = join(PROJECT_ROOT, 'node_modules', '.cache', 'ipt-guide-models');

/** Pure: the cache key of one training run. */
export function weightsKey(examples: readonly { text: string; label: string }[], options: unknown): string {
  const hash = createHash('sha256').update(JSON.stringify(options)).update('\n');
  for (const e of examples) hash.update(e.label).update('\t').update(e.text).update('\n');
  return hash.digest('hex').slice(0, 24);
}

interface Header<L extends string> {
  labels: L[];
  bias: number[];
  /** vocabulary keys in id order */
  keys: string[];
}

export function readCachedWeights<L extends string>(dir: string, key: string): NgramWeights<L> | undefined {
  const headerPath = join(dir, `${key}.json`);
  const weightsPath = join(dir, `${key}.f64`);
  try {
    if (!existsSync(headerPath) || !existsSync(weightsPath)) return undefined;
    const header = JSON.parse(readFileSync(headerPath, 'utf8')) as Header<L>;
    const raw = readFileSync(weightsPath);
    const weights = new Float64Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
    if (weights.length !== header.keys.length * header.labels.length) return undefined;
    return { labels: header.labels, bias: Float64Array.from(header.bias), vocabulary: new Map(header.keys.map((k, i) => [k, i])), weights };
  } catch {
    return undefined;
  }
}

/** Writes both files under temporary names, then renames: a reader never sees half a model. */
export function writeCachedWeights<L extends string>(dir: string, key: string, trained: NgramWeights<L>): void {
  try {
    mkdirSync(dir, { recursive: true });
    const keys: string[] = new Array<string>(trained.vocabulary.size);
    for (const [k, i] of trained.vocabulary) keys[i] = k;
    const header: Header<L> = { labels: trained.labels, bias: Array.from(trained.bias), keys };
    const suffix = `.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(join(dir, `${key}.f64${suffix}`), Buffer.from(trained.weights.buffer, trained.weights.byteOffset, trained.weights.byteLength));
    writeFileSync(join(dir, `${key}.json${suffix}`), JSON.stringify(header));
    // The weights first: the header's presence is what a reader checks for last.
    renameSync(join(dir, `${key}.f64${suffix}`), join(dir, `${key}.f64`));
    renameSync(join(dir, `${key}.json${suffix}`), join(dir, `${key}.json`));
  } catch {
    // Best effort (a read-only disk, a full one): the next start trains again.
  }
}
