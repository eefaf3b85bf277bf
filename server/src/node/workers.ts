/**
 * Worker threads that analyze articles with the main thread's registry, shared by the CLI's
 * `--jobs` (cli/jobs.ts) and the language server's workspace indexing (node/analysisPool.ts):
 * starting and stopping them. Each is handed a registry snapshot: the entities as one compact
 * snapshot in shared memory (`encodeRegistry`), the entity index's trie and the per-registry
 * tables written once (by the main thread for the CLI, by the first worker for the language
 * server), all read in place (cli/sharedRegistry.ts).
 * The worker script is cli/jobsWorker.ts.
 */

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

/** The cores this process may use. */
export function availableCores(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length || 1);
}

/**
 * The worker script: beside the running bundle (`server/out/jobsWorker.js`, for the CLI and the
 * server alike), or in the compiled tree's `cli/` beside this module's folder.
 */
export function workerScript(): string {
  const beside = path.join(__dirname, 'jobsWorker.js');
  return fs.existsSync(beside) ? beside : path.join(__dirname, '..', 'cli', 'jobsWorker.js');
}

/** Errors of started workers before their user listens to them. */
const earlyErrors = new WeakMap<Worker, unknown>();

/** The error a worker met before anyone listened (undefined: none). */
export function earlyError(w: Worker): unknown {
  return earlyErrors.get(w);
}

export function hasFailedEarly(w: Worker): boolean {
  return earlyErrors.has(w);
}

/**
 * `n` worker threads. Until given work (and `ref`ed) they do not keep the process alive;
 * `stopWorkers` ends them.
 */
export function startWorkers(n: number): Worker[] {
  const out: Worker[] = [];
  for (let i = 0; i < n; i++) {
    const w = new Worker(workerScript());
    w.unref();
    w.on('error', (e) => earlyErrors.set(w, e ?? new Error('a worker thread failed')));
    out.push(w);
  }
  return out;
}

export function stopWorkers(workers: readonly Worker[]): void {
  for (const w of workers) void w.terminate();
}

/** The first message of kind `kind` from `worker`; rejected when the worker fails or stops first. */
export function messageFrom<T extends { kind: string }>(worker: Worker, kind: T['kind']): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: T): void => {
      if (m.kind !== kind) return;
      done();
      resolve(m);
    };
    const onError = (e: unknown): void => {
      done();
      reject(e ?? new Error('a worker thread failed'));
    };
    const onExit = (code: number): void => onError(new Error(`a worker thread stopped (exit code ${code})`));
    const done = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    if (earlyErrors.has(worker)) onError(earlyErrors.get(worker));
  });
}

/**
 * Results that come back from the threads out of order, handed on in order: result `i` is `put`
 * when it arrives, and `drain` (or `shift`, for a caller that awaits between results) hands on
 * every result from the next one due up to the first still missing. A result handed on is no
 * longer held. All three users hand results on in input order so that their output is the one a
 * single thread makes: `--jobs` (cli/jobs.ts), `analyze --jsonl --jobs` (cli/jsonlJobs.ts) and the
 * server's indexing pool (node/analysisPool.ts).
 */
export class InOrder<T> {
  private readonly waiting = new Map<number, T>();
  private due = 0;

  /** The position of the next result to hand on (every one before it was). */
  get next(): number {
    return this.due;
  }

  put(i: number, result: T): void {
    this.waiting.set(i, result);
  }

  /** The next result, if it is in (then it is handed on); undefined if it is not. */
  shift(): T | undefined {
    if (!this.waiting.has(this.due)) return undefined;
    const result = this.waiting.get(this.due) as T;
    this.waiting.delete(this.due++);
    return result;
  }

  /**
   * Hands each result now in order to `emit`, with its position. A result counts as handed on
   * before `emit` is called: when `emit` throws, the next `drain` starts after it.
   */
  drain(emit: (result: T, i: number) => void): void {
    while (this.waiting.has(this.due)) {
      const i = this.due;
      emit(this.shift() as T, i);
    }
  }
}
