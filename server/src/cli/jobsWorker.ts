/**
 * A worker thread of `--jobs` (see jobs.ts): rebuilds the registry snapshot from the serialized
 * one it is given, builds its entity index once, then analyzes the batches of articles it is sent.
 */

import * as v8 from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { AnalysisContext } from '../core/analyze';
import { RegistrySnapshot } from '../core/types';
import { BatchRequest, BatchResult, RegistryPayload, WorkerStart } from './jobs';
import { processArticle, runContext } from './pipeline';
import { folderListings } from './project';

const start = workerData as WorkerStart;
const payload = v8.deserialize(new Uint8Array(start.registry)) as RegistryPayload;
const registry: RegistrySnapshot = { version: payload.version, entities: new Map(payload.entities), files: new Map() };
const ctx: AnalysisContext = runContext(registry, start.settings);
const exists = folderListings();

parentPort!.on('message', (req: BatchRequest) => {
  const res: BatchResult = { batch: req.batch, outcomes: req.files.map((f) => processArticle(f, ctx, exists, start.keep)) };
  parentPort!.postMessage(res);
});
