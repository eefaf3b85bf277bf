/**
 * `--jobs N`: the articles of `check` and `analyze` analyzed on N threads: this one and N − 1
 * worker threads.
 *
 * The worker threads are started first thing (`startWorkers`), so that their own start (node,
 * the bundle) overlaps reading the registry here. The registry is read and checked once, here, and
 * its entity index built once, here: each worker gets the entities as one compact snapshot
 * (`encodeRegistry`: a JSON text of one array per entity, in a SharedArrayBuffer every worker
 * reads), sent as soon as the registry is read. This thread then builds the entity index and the
 * per-registry tables, as a single-threaded run does, and writes them out (`shareTables`: the
 * trie, name forms, office holders, office and event forms, demonyms); every worker gets them as
 * flat typed arrays, which it reads in place (core/entities/flatTrie.ts, core/flatTable.ts), so no
 * worker parses YAML, builds a trie or a table, or decodes more of the snapshot than the entities
 * its articles name (a few hundred of 100,000). (A worker used to build the name tables from the
 * snapshot while this thread built the index: decoding every entity cost it about as much CPU
 * time as this thread's whole index, for tables this thread builds anyway.)
 * Articles go out in small batches as threads become free; this thread takes a batch too whenever
 * it is idle, so on 2 cores both analyze. Every thread runs the same `processArticles` as a
 * single-threaded run; the outcomes are put back in input order and the cross-article findings
 * computed over the whole corpus here, so the output is byte-identical to `--jobs 1`.
 */

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AnalysisContext } from '../core/analyze';
import { encodeRegistry, shareTables } from './sharedRegistry';
import { buildEntityIndex } from '../core/entities';
import { ArticleOutcome, Keep, processArticles, runContext } from './pipeline';
import { ProjectInputs, folderListings } from './project';
import { InOrder, availableCores, earlyError, hasFailedEarly, startWorkers, stopWorkers } from '../node/workers';
import type { BatchRequest, BatchResult, WorkerRegistry, WorkerTables } from '../node/workerMessages';

/** Articles this thread analyzes between two looks at the workers' answers. */
const MAIN_GROUP = 8;

/**
 * Articles per batch: small enough to balance the threads (at least 4 batches a thread), big
 * enough that messages cost little (up to 16 articles).
 */
export function batchSize(articles: number, jobs: number): number {
  return Math.max(1, Math.min(16, Math.ceil(articles / (4 * jobs))));
}

/**
 * Article bytes that make one more thread worth its cost. Measured on an idle 2-core machine
 * (3 December 2026, `check --format json`, 100,000 generated entities; docs/corpus.md): a worker
 * costs the main thread the snapshot and the shared tables (0.73 s at 100,000 entities, ~7 µs an
 * entity) and costs about 0.9 s more of warm-up (its own isolate compiles the whole pipeline
 * again); once warm, two threads get through articles about 1.4 times as fast as one, not twice (one
 * thread already keeps V8's compiler and collector busy on the other core: 1.35 cores of CPU),
 * which saves about 0.066 s per MB (0.22 s/MB on one thread). `--jobs 2` ran at 0.8× the speed of
 * `--jobs 1` on 5 MB, 0.96× on 20 MB and 1.1× on 40 MB. So a second thread gains once the articles
 * are about 12 MB plus 110 bytes per entity (23 MB at 100,000 entities).
 */
const BYTES_PER_THREAD = 12_000_000;
const BYTES_PER_THREAD_PER_ENTITY = 110;

/**
 * The default `--jobs` of `check`, `analyze` and `analyze --jsonl`, one rule for all three: the
 * cores available, but no more threads than the articles keep busy (`articleBytes` of articles,
 * a registry of `entities`: a small run stays on this thread), and no more than the cores other
 * processes leave idle (`idleThreads`: on a loaded machine a second thread costs more CPU time
 * than it saves). `Infinity` bytes and 0 entities: the most a run may use, for workers started
 * before the articles are listed and the registry read.
 */
export function defaultJobs(articleBytes: number, entities: number, cores = availableCores(), idle = idleThreads(cores)): number {
  const busy = 1 + Math.floor(articleBytes / (BYTES_PER_THREAD + BYTES_PER_THREAD_PER_ENTITY * entities));
  return Math.max(1, Math.min(cores, busy, idle));
}

/**
 * Threads worth running now on a shared machine: the cores that other processes leave idle, by
 * the 1-minute load average (the share this process itself has put there by now, one thread for
 * `uptime` seconds, taken out), rounded, at least 1. On the 2-core machine shared by several jobs
 * (load 9–10), a second thread made `analyze --jsonl` slower and cost 40–55% more CPU time; on
 * an idle one that CPU time, split over two cores, is still a shorter run (docs/corpus.md).
 * Where there is no load average (Windows: 0), every core counts as idle.
 */
export function idleThreads(cores = availableCores(), load = os.loadavg()[0], uptime = process.uptime()): number {
  const own = 1 - Math.exp(-uptime / 60);
  return Math.max(1, Math.min(cores, Math.round(cores - Math.max(0, load - own))));
}

/**
 * Whether a run with the default `--jobs` over `paths` may use worker threads (then they are
 * started before the registry is read): not when every PATH is a file and together they are
 * too small for a second thread even with an empty registry.
 */
export function mayUseWorkers(paths: readonly string[], cwd: string): boolean {
  let bytes = 0;
  for (const p of paths) {
    try {
      const st = fs.statSync(path.resolve(cwd, p));
      if (!st.isFile()) return true;
      bytes += st.size;
    } catch {
      // reported when the inputs are read
    }
  }
  return bytes >= BYTES_PER_THREAD;
}

/** The size of the article files together (a file that cannot be read counts 0: its error comes later). */
export function articleBytes(files: readonly string[]): number {
  let bytes = 0;
  for (const f of files) {
    try {
      bytes += fs.statSync(f).size;
    } catch {
      // reported when the article is read
    }
  }
  return bytes;
}

/**
 * Analyzes `inputs.articleFiles` on this thread and `jobs − 1` worker threads (those of `started`
 * first, more started if needed, the others stopped); `consume` receives each article's outcome
 * in input order as soon as it and all before it are in, so this thread merges (the workspace
 * index) while the workers go on.
 */
export async function analyzeInWorkers(inputs: ProjectInputs, jobs: number, keep: Keep, consume: (o: ArticleOutcome) => void, started: readonly Worker[] = []): Promise<void> {
  stopWorkers(started.slice(jobs - 1));
  const workers = started.slice(0, jobs - 1);
  if (workers.length < jobs - 1) workers.push(...startWorkers(jobs - 1 - workers.length));
  let here: AnalysisContext;
  try {
    // The snapshot first: each worker sets it up while this thread builds the index and tables.
    const encoded = encodeRegistry(inputs.registry);
    for (const w of workers) w.postMessage({ kind: 'registry', registry: encoded, settings: inputs.settings, keep, writeTables: false } satisfies WorkerRegistry);
    here = runContext(inputs.registry, inputs.settings, buildEntityIndex(inputs.registry));
    const tables: WorkerTables = { kind: 'tables', tables: shareTables(here) };
    for (const w of workers) w.postMessage(tables);
  } catch (e) {
    stopWorkers(workers);
    throw e;
  }
  return new BatchRun(inputs.articleFiles, jobs, keep, consume, workers, here).run();
}

/** One run of `analyzeInWorkers` once the workers have the registry: the batches and their outcomes. */
class BatchRun {
  private readonly outcomes = new InOrder<ArticleOutcome>();
  private readonly size: number;
  private readonly batches: string[][] = [];
  /** The next batch to hand out. */
  private next = 0;
  /** Batches whose outcomes are in. */
  private done = 0;
  private failure: unknown;
  private finish: () => void = () => {};
  private fail: (e: unknown) => void = () => {};
  private readonly finished: Promise<void>;

  constructor(
    files: readonly string[],
    jobs: number,
    private readonly keep: Keep,
    private readonly consume: (o: ArticleOutcome) => void,
    private readonly workers: readonly Worker[],
    private readonly here: AnalysisContext,
  ) {
    this.size = batchSize(files.length, jobs);
    for (let i = 0; i < files.length; i += this.size) this.batches.push(files.slice(i, i + this.size));
    this.finished = new Promise<void>((resolve, reject) => {
      this.finish = resolve;
      this.fail = reject;
    });
    // A worker may fail while this thread is still analyzing (nobody awaits `finished` yet): the
    // failure is returned by `run`, not reported as an unhandled rejection meanwhile.
    this.finished.catch(() => undefined);
  }

  async run(): Promise<void> {
    for (const w of this.workers) this.attach(w);
    await this.analyzeHere();
    if (!this.batches.length) this.finish();
    return this.finished;
  }

  /**
   * This thread's share: a batch whenever one is left, letting the workers' answers in after
   * every article, so that a worker gets its next batch as soon as it answers, not once this
   * thread's batch is done (a worker waiting on this thread is a core idle).
   */
  private async analyzeHere(): Promise<void> {
    const exists = folderListings();
    while (this.next < this.batches.length && this.failure === undefined) {
      const b = this.next++;
      const outs: ArticleOutcome[] = [];
      const files = this.batches[b];
      // A few articles at a time (`processArticles`: phase by phase, cheaper), a pause between:
      // a worker's answer waits a couple of milliseconds at most.
      for (let i = 0; i < files.length; i += MAIN_GROUP) {
        outs.push(...processArticles(files.slice(i, i + MAIN_GROUP), this.here, exists, this.keep));
        await new Promise<void>((r) => setImmediate(r));
      }
      this.deliver(b, outs);
    }
  }

  private attach(w: Worker): void {
    w.ref();
    if (hasFailedEarly(w)) this.failWith(earlyError(w));
    let first = true;
    w.on('message', (m: BatchResult) => {
      if (this.failure !== undefined || m.kind !== 'batch') return;
      this.send(w);
      // Ready now: from here on two batches in flight, so it never waits for this thread (busy
      // with a batch of its own) between batches.
      if (first) this.send(w);
      first = false;
      this.deliver(m.batch, m.outcomes);
    });
    w.on('error', (e) => this.failWith(e));
    w.on('exit', (code) => {
      if (code !== 0 && this.done < this.batches.length) this.failWith(new Error(`a worker thread stopped (exit code ${code})`));
    });
    // One batch to start with (every worker analyzes some: the tests cover this path whatever
    // the timing); more as it answers. This thread takes the others meanwhile.
    this.send(w);
  }

  private send(w: Worker): void {
    if (this.next < this.batches.length && this.failure === undefined) {
      const req: BatchRequest = { kind: 'batch', batch: this.next, files: this.batches[this.next] };
      this.next++;
      w.postMessage(req);
    }
  }

  /** A batch is in: hand on every outcome now in order. */
  private deliver(batch: number, outs: ArticleOutcome[]): void {
    const at = batch * this.size;
    outs.forEach((o, k) => this.outcomes.put(at + k, o));
    this.done++;
    try {
      this.outcomes.drain((o) => this.consume(o));
    } catch (e) {
      this.failWith(e);
      return;
    }
    if (this.done === this.batches.length) {
      this.stop();
      this.finish();
    }
  }

  private stop(): void {
    for (const w of this.workers) void w.terminate();
  }

  private failWith(e: unknown): void {
    if (this.failure !== undefined) return;
    this.failure = e ?? new Error('a worker thread failed');
    this.stop();
    this.fail(this.failure);
  }
}
