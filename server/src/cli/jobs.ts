/**
 * `--jobs N`: the articles of `check` and `analyze` analyzed on N worker threads.
 *
 * The registry is read and checked once, here; each worker gets it as one serialized snapshot
 * (`v8.serialize` of its entities, in a SharedArrayBuffer every worker reads) and builds its own
 * entity index from it, so no worker parses YAML. Articles go out in small batches as workers
 * become free; each worker runs the same `processArticle` as a single-threaded run and sends back
 * each article's report and workspace summary. The main thread puts them back in input order and
 * computes the cross-article findings over the whole corpus, so the output is byte-identical to
 * `--jobs 1`.
 */

import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import { Entity } from '../core/types';
import { ArticleOutcome, Keep } from './pipeline';
import { ProjectInputs } from './project';

/** What a worker starts with (`workerData`). */
export interface WorkerStart {
  /** `v8.serialize` of a `RegistryPayload`. */
  registry: SharedArrayBuffer;
  settings: ProjectInputs['settings'];
  keep: Keep;
}

export interface RegistryPayload {
  version: number;
  entities: [string, Entity][];
}

/** A batch of files to analyze, and the answer for it. */
export interface BatchRequest {
  batch: number;
  files: string[];
}
export interface BatchResult {
  batch: number;
  outcomes: ArticleOutcome[];
}

/** Articles per message: small enough to balance the workers, big enough that messages cost little. */
const BATCH = 16;

/**
 * The default `--jobs`: one core fewer than this process may use, and at least one. The main
 * thread has its own serial work (it receives every article's report, feeds the workspace index
 * and writes the output): on 2 cores, two workers beside it ran at 0.5× one thread (measured on a
 * quiet machine, `npm run bench -- e2e`), so 2 cores analyze on this thread alone.
 */
export function defaultJobs(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length || 1;
  return Math.max(1, cores - 1);
}

/** The worker script: beside this module, in the bundle (`server/out/`) as in the compiled tree. */
export function workerScript(): string {
  return path.join(__dirname, 'jobsWorker.js');
}

/**
 * Analyzes `inputs.articleFiles` on `jobs` worker threads; `consume` receives each article's
 * outcome in input order as soon as it and all before it have arrived, so the main thread merges
 * (the workspace index) while the workers go on.
 */
export function analyzeInWorkers(inputs: ProjectInputs, jobs: number, keep: Keep, consume: (o: ArticleOutcome) => void): Promise<void> {
  const files = inputs.articleFiles;
  const payload: RegistryPayload = { version: inputs.registry.version, entities: [...inputs.registry.entities] };
  const bytes = v8.serialize(payload);
  const shared = new SharedArrayBuffer(bytes.length);
  new Uint8Array(shared).set(bytes);
  const start: WorkerStart = { registry: shared, settings: inputs.settings, keep };
  const outcomes: (ArticleOutcome | undefined)[] = new Array(files.length);
  let consumed = 0;
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH));
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let next = 0;
    let done = 0;
    let failed = false;
    const stop = (): void => {
      for (const w of workers) void w.terminate();
    };
    const send = (w: Worker): void => {
      if (next < batches.length) {
        const req: BatchRequest = { batch: next, files: batches[next] };
        next++;
        w.postMessage(req);
      }
    };
    for (let j = 0; j < jobs; j++) {
      const w = new Worker(workerScript(), { workerData: start });
      workers.push(w);
      w.on('message', (m: BatchResult) => {
        const at = m.batch * BATCH;
        m.outcomes.forEach((o, k) => (outcomes[at + k] = o));
        done++;
        if (done < batches.length) send(w);
        try {
          for (let o = outcomes[consumed]; o; o = outcomes[consumed]) {
            outcomes[consumed++] = undefined;
            consume(o);
          }
        } catch (e) {
          failed = true;
          stop();
          reject(e);
          return;
        }
        if (done === batches.length) {
          stop();
          resolve();
        }
      });
      w.on('error', (e) => {
        if (failed) return;
        failed = true;
        stop();
        reject(e);
      });
      w.on('exit', (code) => {
        if (code !== 0 && !failed && done < batches.length) {
          failed = true;
          stop();
          reject(new Error(`a worker thread stopped (exit code ${code})`));
        }
      });
      // Two batches in flight per worker, so it never waits for the main thread between batches.
      send(w);
      send(w);
    }
  });
}
