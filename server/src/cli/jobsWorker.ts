/**
 * A worker thread of `--jobs` (see jobs.ts): rebuilds the registry snapshot from the compact one
 * it is given, builds its entity index once, then analyzes the batches of articles it is sent.
 */

import { parentPort, workerData } from 'node:worker_threads';
import { AnalysisContext } from '../core/analyze';
import { BatchRequest, BatchResult, WorkerStart, decodeRegistry } from './jobs';
import { processArticle, runContext } from './pipeline';
import { folderListings } from './project';

const start = workerData as WorkerStart;
const ctx: AnalysisContext = runContext(decodeRegistry(Buffer.from(start.registry).toString('utf8')), start.settings);
const exists = folderListings();

parentPort!.on('message', (req: BatchRequest) => {
  const res: BatchResult = { batch: req.batch, outcomes: req.files.map((f) => processArticle(f, ctx, exists, start.keep)) };
  parentPort!.postMessage(res);
});
