/**
 * A worker thread of `--jobs` (see jobs.ts): reads the main thread's registry snapshot, entity
 * index and per-registry tables from shared memory (sharedRegistry.ts), then analyzes the
 * batches of articles it is sent.
 */

import { parentPort, workerData } from 'node:worker_threads';
import { AnalysisContext } from '../core/analyze';
import { BatchRequest, BatchResult, WorkerStart } from './jobs';
import { decodeRegistry, sharedIndex } from './sharedRegistry';
import { processArticle, runContext } from './pipeline';
import { folderListings } from './project';

const start = workerData as WorkerStart;
const registry = decodeRegistry(start.registry);
// The main thread's entity index and tables, read where they lie (not built again).
const ctx: AnalysisContext = runContext(registry, start.settings, sharedIndex(registry, start.tables));
const exists = folderListings();

parentPort!.on('message', (req: BatchRequest) => {
  const res: BatchResult = { batch: req.batch, outcomes: req.files.map((f) => processArticle(f, ctx, exists, start.keep)) };
  parentPort!.postMessage(res);
});
