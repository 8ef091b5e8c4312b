import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { trainModels, type TrainedModels } from './localRecognizer';
import type { LabelledUtterance } from './utterances';

/**
 * Trains the local models in a worker thread: about a second of CPU that would otherwise stall
 * every request (health included) at start-up. Run from TypeScript sources (the tests) there is no
 * compiled worker script, so it trains here, after letting pending I/O go first.
 */
export async function trainModelsOffThread(examples: readonly LabelledUtterance[]): Promise<TrainedModels> {
  const script = join(__dirname, 'trainingWorker.js');
  if (!existsSync(script)) {
    await new Promise((resolve) => setImmediate(resolve));
    return trainModels(examples);
  }
  return new Promise<TrainedModels>((resolve, reject) => {
    const worker = new Worker(script, { workerData: examples });
    worker.once('message', (models: TrainedModels) => resolve(models));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`training worker exited with code ${code}`)));
  });
}
