/**
 * The messages between the main thread and the worker threads of node/workers.ts (the script is
 * cli/jobsWorker.ts), declared once for their three users. Every run first hands the workers a
 * registry (`WorkerRegistry`, then `WorkerTables`; the first worker may answer `WorkerNames`), then
 * work in numbered batches, each answered with the same `batch` number: files to analyze for
 * `check`/`analyze --jobs` (`BatchRequest`, cli/jobs.ts), parsed input lines for
 * `analyze --jsonl --jobs` (`LinesRequest`, cli/jsonlJobs.ts), texts the language server has read
 * for its indexing pool (`TextsRequest`, node/analysisPool.ts).
 */

import type { ArticleAnalysis } from '../core/analyze';
import type { CoreSettings } from '../core/types';
import type { ArticleOutcome, Keep } from '../cli/pipeline';
import type { GoodLine } from '../cli/jsonlJobs';
import type { EncodedRegistry, NameTables, SharedTables } from '../cli/sharedRegistry';
import type { PoolItem } from '../lsp/service';

/**
 * What a worker is sent first: the registry snapshot, `encodeRegistry`'s, in memory shared by
 * every worker (not copied to each). `check`/`analyze --jobs` and `analyze --jsonl --jobs` build
 * the index and tables on the main thread, as one thread would (`writeTables: false`). The
 * language server's pool, whose main thread answers the editor meanwhile, has its first worker
 * (`writeTables`) write the per-registry tables from the snapshot and send them back
 * (`WorkerNames`): that decodes every entity, once, off the main thread.
 */
export interface WorkerRegistry {
  kind: 'registry';
  registry: EncodedRegistry;
  settings: CoreSettings;
  keep: Keep;
  writeTables: boolean;
  /**
   * With `writeTables`: also build the entity index from the snapshot and write its trie
   * (`WorkerNames.trie`), so that the main thread does not (the language server's pool, whose
   * main thread answers the editor meanwhile).
   */
  writeTrie?: boolean;
}

export interface WorkerNames {
  kind: 'names';
  tables: NameTables;
  trie?: Pick<SharedTables, 'trie' | 'rootStarts'>;
}

/** Then: the entity index's trie and the per-registry tables, which every worker reads in place. */
export interface WorkerTables {
  kind: 'tables';
  tables: SharedTables;
}

/** A batch of files to analyze, and the answer for it. */
export interface BatchRequest {
  kind: 'batch';
  batch: number;
  files: string[];
}
export interface BatchResult {
  kind: 'batch';
  batch: number;
  outcomes: ArticleOutcome[];
  /**
   * Entities this worker has decoded from the snapshot so far (`rowsDecoded`):
   * those its articles named, when the tables come from the main thread (a test holds it to that).
   */
  rowsDecoded: number;
}

/** A batch of good lines for a worker (jobsWorker.ts answers with their map output lines). */
export interface LinesRequest {
  kind: 'lines';
  batch: number;
  /** Where registry paths are shown from (`displayPath`). */
  cwd: string;
  inputs: GoodLine[];
}
export interface LinesResult {
  kind: 'lines';
  batch: number;
  lines: string[];
}

/** A batch of texts for a worker, analyzed with the registry it was last handed. */
export interface TextsRequest {
  kind: 'texts';
  batch: number;
  settings: CoreSettings;
  items: PoolItem[];
}

/**
 * The analyses of a batch. An analysis's `article.text` is sent back empty when it is the text
 * that was sent (`sameText`): this thread has that string already.
 */
export interface TextsResult {
  kind: 'texts';
  batch: number;
  analyses: ArticleAnalysis[];
  sameText: boolean[];
}
