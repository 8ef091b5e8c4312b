/**
 * Worker-thread entry: trains the local recogniser's models away from the main thread, so the
 * server keeps answering (health says "starting") while it learns, and posts the models back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { trainModels } from './localRecognizer';
import type { LabelledUtterance } from './utterances';

void trainModels(workerData as LabelledUtterance[]).then((models) => parentPort?.postMessage(models));
