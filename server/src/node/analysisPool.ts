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
    const cuts: [number, number][] = [];
    for (let i = 0; i < req.items.length;) {
      let j = i;
      let chars = 0;
      while (j < req.items.length && j - i < BATCH_ARTICLES && (j === i || chars + req.items[j].text.length <= BATCH_CHARS)) chars += req.items[j++].text.length;
      cuts.push([i, j]);
      i = j;
    }
    if (!cuts.length || this.closed) return !cuts.length;
    if (!req.current()) return false;
    if (!this.workers.length) this.workers = startWorkers(this.threads);
    const workers = this.workers;
    for (const w of workers) w.ref();
    try {
      if (this.held !== req.snapshot) await this.handOver(req.snapshot);
      return await new Promise<boolean>((resolve, reject) => {
        let next = 0;
        let out = 0;
        let complete = true;
        const ids = new Map<number, [number, number]>();
        // Analyses are handed on in item order (null: skipped), as this thread would have made
        // them: the cross-article index the caller adds them to lists articles in that order.
        const answered = new InOrder<ArticleAnalysis | null>();
        const handOn = (): void => answered.drain((a, i) => {
          if (a) done(i, a);
        });
        const cleanup: (() => void)[] = [];
        const finish = (e?: unknown): void => {
          for (const c of cleanup) c();
          if (e !== undefined) reject(e);
          else resolve(complete && !this.closed);
        };
        const send = (w: Worker): void => {
          while (next < cuts.length && !this.closed && !req.current()) {
            for (let i = cuts[next][0]; i < cuts[next][1]; i++) answered.put(i, null);
            next++;
            complete = false;
          }
          handOn();
          if (next >= cuts.length || this.closed) {
            if (!out) finish();
            return;
          }
          const [a, b] = cuts[next++];
          const batch = ++this.batches;
          ids.set(batch, [a, b]);
          out++;
          w.postMessage({ kind: 'texts', batch, settings: req.settings, items: req.items.slice(a, b) } satisfies TextsRequest);
        };
        for (const w of workers) {
          const onMessage = (m: TextsResult | WorkerNames): void => {
            if (m.kind !== 'texts' || !ids.has(m.batch)) return;
            const [a] = ids.get(m.batch)!;
            ids.delete(m.batch);
            out--;
            m.analyses.forEach((an, k) => {
              if (m.sameText[k]) an.article.text = req.items[a + k].text;
              answered.put(a + k, an);
            });
            handOn();
            send(w);
          };
          const onError = (e: unknown): void => finish(e ?? new Error('a worker thread failed'));
          const onExit = (code: number): void => (this.closed ? finish() : finish(new Error(`a worker thread stopped (exit code ${code})`)));
          w.on('message', onMessage);
          w.on('error', onError);
          w.on('exit', onExit);
          cleanup.push(() => {
            w.off('message', onMessage);
            w.off('error', onError);
            w.off('exit', onExit);
          });
          if (hasFailedEarly(w)) return finish(earlyError(w));
        }
        // Two batches out per worker, so none waits for this thread between batches.
        for (const w of workers) {
          send(w);
          send(w);
        }
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
