/**
 * A worker thread of `--jobs` (see jobs.ts): rebuilds the registry snapshot from the serialized
 * one it is given, builds its entity index once, then analyzes the batches of articles it is sent.
 */

import * as v8 from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { AnalysisContext } from '../core/analyze';
import { DateScanner } from '../core/dates';
import { buildEntityIndex } from '../core/entities';
import { RegistrySnapshot } from '../core/types';
import { BatchRequest, BatchResult, RegistryPayload, WorkerStart } from './jobs';
import { processArticle } from './pipeline';

const start = workerData as WorkerStart;
const payload = v8.deserialize(new Uint8Array(start.registry)) as RegistryPayload;
const registry: RegistrySnapshot = { version: payload.version, entities: new Map(payload.entities), files: new Map() };
const ctx: AnalysisContext = { registry, entityIndex: buildEntityIndex(registry), settings: start.settings, dateScanner: new DateScanner() };

parentPort!.on('message', (req: BatchRequest) => {
  const res: BatchResult = { batch: req.batch, outcomes: req.files.map((f) => processArticle(f, ctx)) };
  parentPort!.postMessage(res);
});
