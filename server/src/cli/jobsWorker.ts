/**
 * A worker thread of `--jobs` (see jobs.ts): started before the main thread has read the
 * registry, it is sent the registry snapshot (set up while the main thread builds its index),
 * then the main thread's entity index and per-registry tables in shared memory
 * (sharedRegistry.ts), then the batches of articles to analyze.
 */

import { parentPort } from 'node:worker_threads';
import { AnalysisContext } from '../core/analyze';
import { RegistrySnapshot } from '../core/types';
import { BatchRequest, BatchResult, WorkerRegistry, WorkerTables } from './jobs';
import { decodeRegistry, sharedIndex } from './sharedRegistry';
import { processArticle, runContext } from './pipeline';
import { folderListings } from './project';

let start: WorkerRegistry | undefined;
let registry: RegistrySnapshot | undefined;
let ctx: AnalysisContext | undefined;
const exists = folderListings();

parentPort!.on('message', (m: WorkerRegistry | WorkerTables | BatchRequest) => {
  if (m.kind === 'registry') {
    start = m;
    registry = decodeRegistry(m.registry);
  } else if (m.kind === 'tables') {
    // The main thread's entity index and tables, read where they lie (not built again).
    ctx = runContext(registry!, start!.settings, sharedIndex(registry!, m.tables));
  } else {
    const res: BatchResult = { batch: m.batch, outcomes: m.files.map((f) => processArticle(f, ctx!, exists, start!.keep)) };
    parentPort!.postMessage(res);
  }
});
