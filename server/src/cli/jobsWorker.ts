/**
 * A worker thread of `--jobs` (see jobs.ts): started before the main thread has read the
 * registry, it is sent the registry snapshot (set up while the main thread builds its index and
 * tables; in the language server's pool the first worker also writes the tables from it for
 * everyone), then the main thread's entity index and per-registry tables in shared memory
 * (sharedRegistry.ts), then the batches of articles to analyze. The language server's indexing
 * pool (node/analysisPool.ts) uses the same worker, sending texts instead of file names.
 */

import { parentPort } from 'node:worker_threads';
import { AnalysisContext, analyzeArticle } from '../core/analyze';
import { RegistrySnapshot } from '../core/types';
import type { BatchRequest, BatchResult, LinesRequest, LinesResult, TextsRequest, TextsResult, WorkerNames, WorkerRegistry, WorkerTables } from '../node/workerMessages';
import { SharedEntities, decodeRegistry, entityNumbers, rowsDecoded, shareTrie, sharedIndex, writeNameTables } from './sharedRegistry';
import { buildEntityIndex } from '../core/entities';
import { ARTICLE_BATCH, ArticleOutcome, processArticles, runContext } from './pipeline';
import { folderListings } from './project';
import { mapLines } from './jsonl';

let start: WorkerRegistry | undefined;
let registry: RegistrySnapshot | undefined;
let ctx: AnalysisContext | undefined;
const exists = folderListings();

parentPort!.on('message', (m: WorkerRegistry | WorkerTables | BatchRequest | LinesRequest | TextsRequest) => {
  if (m.kind === 'registry') {
    start = m;
    registry = decodeRegistry(m.registry);
    if (m.writeTables) {
      // From a snapshot of its own, dropped once written: building the tables decodes every entity.
      const all = decodeRegistry(m.registry);
      const entities = all.entities as SharedEntities;
      const index = m.writeTrie ? buildEntityIndex(all) : undefined;
      const number = (id: string): number => entities.numberOf(id);
      const names: WorkerNames = { kind: 'names', tables: writeNameTables(index ?? { registry: all }, number), ...(index ? { trie: shareTrie(index, entityNumbers(all)) } : {}) };
      parentPort!.postMessage(names);
    }
  } else if (m.kind === 'tables') {
    // The main thread's entity index and tables, read where they lie (not built again).
    ctx = runContext(registry!, start!.settings, sharedIndex(registry!, m.tables));
  } else if (m.kind === 'lines') {
    // `analyze --jsonl --jobs` (jsonlJobs.ts): lines parsed by the main thread, answered with their output lines.
    const res: LinesResult = { kind: 'lines', batch: m.batch, lines: mapLines(m.inputs, ctx!, m.cwd) };
    parentPort!.postMessage(res);
  } else if (m.kind === 'texts') {
    // The language server's indexing (node/analysisPool.ts): texts it has read, analyzed as its
    // own thread would (`Folder.analysis`), with the folder's settings of the moment.
    const here: AnalysisContext = { ...ctx!, settings: m.settings };
    const analyses = m.items.map((it) => analyzeArticle(it.uri, it.text, here, it.sidecar));
    const sameText = analyses.map((a, k) => a.article.text === m.items[k].text);
    analyses.forEach((a, k) => sameText[k] && (a.article.text = ''));
    const res: TextsResult = { kind: 'texts', batch: m.batch, analyses, sameText };
    parentPort!.postMessage(res);
  } else {
    const outcomes: ArticleOutcome[] = [];
    for (let i = 0; i < m.files.length; i += ARTICLE_BATCH) outcomes.push(...processArticles(m.files.slice(i, i + ARTICLE_BATCH), ctx!, exists, start!.keep));
    const res: BatchResult = { kind: 'batch', batch: m.batch, outcomes, rowsDecoded: rowsDecoded() };
    parentPort!.postMessage(res);
  }
});
