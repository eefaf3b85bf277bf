/**
 * The language server's indexing pool (`AnalysisPool`, lsp/service.ts) on worker threads: the
 * same workers and registry hand-over as the CLI's `--jobs` (node/workers.ts, cli/jobsWorker.ts,
 * cli/sharedRegistry.ts), fed texts the server has already read instead of file names.
 *
 * The workers start at the first `analyze`. A registry is handed over when a batch for it is the
 * next to go out and the workers hold another (the first time, after a registry edit, for
 * another folder): the entities are encoded into shared memory, the first worker writes the name
 * tables while this thread writes its trie, then every worker gets both. Requests run one after
 * the other; before each batch goes out the caller's `current()` is asked, and a batch whose
 * registry or settings are no longer the folder's is skipped, not analyzed. Results for a batch
 * already out are still delivered: the caller checks what each was computed from (Folder.commitPooled).
 * Idle workers do not keep the process alive; `close` ends them.
 */

import { Worker } from 'node:worker_threads';
import { ArticleAnalysis } from '../core/analyze';
import { CoreSettings, RegistrySnapshot } from '../core/types';
import type { TextsRequest, TextsResult, WorkerNames, WorkerRegistry, WorkerTables } from './workerMessages';
import { EncodedRegistry, encodeRegistrySteps } from '../cli/sharedRegistry';
import type { AnalysisPool, PoolItem } from '../lsp/service';
import { InOrder, availableCores, earlyError, hasFailedEarly, messageFrom, startWorkers, stopWorkers } from './workers';

/** Articles per batch, and the most text a batch carries (a message is copied both ways). */
const BATCH_ARTICLES = 8;
const BATCH_CHARS = 512 * 1024;
/** The longest this thread works on a registry hand-over before it lets other events in (ms). */
const SLICE_MS = 8;

/**
 * The default number of indexing threads: the cores but one (that one answers the editor), from
 * three cores. On two, none: one worker must first decode the snapshot and build its own index
 * and tables (about 5 s of CPU at 100,000 entities), so on the quiet 2-core machine the workspace
 * was indexed in 12.0 s against 7.7 s on the server's thread (`npm run bench -- indexing`).
 */
export function defaultIndexThreads(cores = availableCores()): number {
  return cores >= 3 ? cores - 1 : 0;
}

interface Pending {
  items: PoolItem[];
  settings: CoreSettings;
  snapshot: RegistrySnapshot;
  current: () => boolean;
}

export class WorkerAnalysisPool implements AnalysisPool {
  private workers: Worker[] = [];
  /** The registry snapshot the workers hold. */
  private held: RegistrySnapshot | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private batches = 0;

  constructor(readonly threads: number) {}

  analyze(snapshot: RegistrySnapshot, settings: CoreSettings, items: PoolItem[], done: (i: number, a: ArticleAnalysis) => void, current: () => boolean): Promise<boolean> {
    const run = this.queue.then(() => this.run({ items, settings, snapshot, current }, done));
    this.queue = run.catch(() => undefined);
    return run;
  }

  close(): void {
    this.closed = true;
    stopWorkers(this.workers);
    this.workers = [];
    this.held = undefined;
  }

  /** Splits the request into batches and runs them, at most two out per worker; resolves true when none was skipped. */
  private async run(req: Pending, done: (i: number, a: ArticleAnalysis) => void): Promise<boolean> {
    const cuts = cutBatches(req.items);
    if (!cuts.length || this.closed) return !cuts.length;
    if (!req.current()) return false;
    if (!this.workers.length) this.workers = startWorkers(this.threads);
    const workers = this.workers;
    for (const w of workers) w.ref();
    try {
      if (this.held !== req.snapshot) await this.handOver(req.snapshot);
      return await new Promise<boolean>((resolve, reject) => {
        const run = new PoolRun(req, cuts, done, () => this.closed, () => ++this.batches, (e) => {
          if (e !== undefined) reject(e);
          else resolve(run.complete && !this.closed);
        });
        run.start(workers);
      });
    } catch (e) {
      // A failed worker leaves the pool unusable: the caller analyzes on its own thread.
      this.close();
      throw e;
    } finally {
      for (const w of workers) w.unref();
    }
  }

  /**
   * Hands the workers the registry `snapshot`: encoded here in slices of a few milliseconds (this
   * thread answers the editor meanwhile), then the first worker builds the entity index from it
   * and writes the trie and name tables, which every worker then reads in place. This thread's
   * own index is not written out: at 100,000 entities that would block it for about half a second.
   */
  private async handOver(snapshot: RegistrySnapshot): Promise<void> {
    const steps = encodeRegistrySteps(snapshot);
    let encoded: EncodedRegistry;
    for (let t0 = Date.now(); ;) {
      const r = steps.next();
      if (r.done) {
        encoded = r.value;
        break;
      }
      if (Date.now() - t0 >= SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        t0 = Date.now();
      }
    }
    this.workers.forEach((w, i) => w.postMessage({ kind: 'registry', registry: encoded, settings: {}, keep: { text: true, mentions: true }, writeTables: i === 0, writeTrie: true } satisfies WorkerRegistry));
    const names = await messageFrom<WorkerNames>(this.workers[0], 'names');
    const tables: WorkerTables = { kind: 'tables', tables: { ...names.trie!, ...names.tables } };
    for (const w of this.workers) w.postMessage(tables);
    this.held = snapshot;
  }
}

/** The items cut in batches of at most BATCH_ARTICLES and (but for one long text) BATCH_CHARS: [start, end) each. */
function cutBatches(items: readonly PoolItem[]): [number, number][] {
  const cuts: [number, number][] = [];
  for (let i = 0; i < items.length;) {
    let j = i;
    let chars = 0;
    while (j < items.length && j - i < BATCH_ARTICLES && (j === i || chars + items[j].text.length <= BATCH_CHARS)) chars += items[j++].text.length;
    cuts.push([i, j]);
    i = j;
  }
  return cuts;
}

/** One request's batches going out to the workers and their analyses coming back. */
class PoolRun {
  private next = 0;
  /** Batches out. */
  private out = 0;
  /** False once a batch was skipped (its registry or settings no longer the folder's). */
  complete = true;
  /** The item range of each batch out, by batch id. */
  private readonly ids = new Map<number, [number, number]>();
  /**
   * Analyses are handed on in item order (null: skipped), as this thread would have made them:
   * the cross-article index the caller adds them to lists articles in that order.
   */
  private readonly answered = new InOrder<ArticleAnalysis | null>();
  private readonly cleanup: (() => void)[] = [];

  constructor(
    private readonly req: Pending,
    private readonly cuts: readonly [number, number][],
    private readonly done: (i: number, a: ArticleAnalysis) => void,
    private readonly closed: () => boolean,
    private readonly batchId: () => number,
    private readonly settle: (e?: unknown) => void,
  ) {}

  start(workers: readonly Worker[]): void {
    for (const w of workers) {
      this.listen(w);
      if (hasFailedEarly(w)) return this.finish(earlyError(w));
    }
    // Two batches out per worker, so none waits for this thread between batches.
    for (const w of workers) {
      this.send(w);
      this.send(w);
    }
  }

  private listen(w: Worker): void {
    const onMessage = (m: TextsResult | WorkerNames): void => this.received(w, m);
    const onError = (e: unknown): void => this.finish(e ?? new Error('a worker thread failed'));
    const onExit = (code: number): void => (this.closed() ? this.finish() : this.finish(new Error(`a worker thread stopped (exit code ${code})`)));
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
    this.cleanup.push(() => {
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
    });
  }

  private received(w: Worker, m: TextsResult | WorkerNames): void {
    if (m.kind !== 'texts' || !this.ids.has(m.batch)) return;
    const [a] = this.ids.get(m.batch)!;
    this.ids.delete(m.batch);
    this.out--;
    m.analyses.forEach((an, k) => {
      if (m.sameText[k]) an.article.text = this.req.items[a + k].text;
      this.answered.put(a + k, an);
    });
    this.handOn();
    this.send(w);
  }

  private handOn(): void {
    this.answered.drain((a, i) => {
      if (a) this.done(i, a);
    });
  }

  private finish(e?: unknown): void {
    for (const c of this.cleanup) c();
    this.settle(e);
  }

  /** The next batch still current to `w`; the ones no longer current are skipped on the way. */
  private send(w: Worker): void {
    const { req, cuts } = this;
    while (this.next < cuts.length && !this.closed() && !req.current()) {
      for (let i = cuts[this.next][0]; i < cuts[this.next][1]; i++) this.answered.put(i, null);
      this.next++;
      this.complete = false;
    }
    this.handOn();
    if (this.next >= cuts.length || this.closed()) {
      if (!this.out) this.finish();
      return;
    }
    const [a, b] = cuts[this.next++];
    const batch = this.batchId();
    this.ids.set(batch, [a, b]);
    this.out++;
    w.postMessage({ kind: 'texts', batch, settings: req.settings, items: req.items.slice(a, b) } satisfies TextsRequest);
  }
}
