/**
 * `attache analyze --jsonl --jobs N`: the map step of jsonl.ts on this thread and up to N − 1
 * worker threads, with the output of `--jobs 1`, byte for byte, and memory still bounded.
 *
 * This thread reads the lines, parses and checks them (a bad line is reported here, in input
 * order, as with one thread), and gathers the good ones in batches of some 64 K characters. A
 * worker (jobsWorker.ts) gets a batch whenever it has fewer than two in hand; a batch no worker can
 * take now is analyzed here, so on 2 cores both threads analyze. Each answer is kept by its line
 * number, and the lines are written in input order as soon as they and all before them are in.
 *
 * Bounded memory: the lines between the next one to write and the last one read (their texts, or
 * their output once analyzed) are a window of at most `windowLines` lines and about `windowChars`
 * characters (plus one line, however long). When the window is full, standard input is not read
 * (back-pressure on the writer of the input), and the window drains only as fast as standard output
 * takes the lines (`LineWriter` waits for it to drain).
 *
 * Workers join when the input turns out big enough (`threads(bytesSoFar)`), also in the middle of a
 * run: standard input from a pipe has no size known up front. The registry goes to the workers as
 * for `check --jobs` (jobs.ts: the entity rows, trie and tables in shared memory, read in place;
 * this thread writes the tables from its own index, which it builds anyway).
 */

import { Worker } from 'node:worker_threads';
import { EntityIndex } from '../core/entities';
import { CoreSettings, RegistrySnapshot } from '../core/types';
import { KEEP_ALL } from './pipeline';
import { encodeRegistry } from './sharedRegistry';
import { InOrder, startWorkers, stopWorkers } from '../node/workers';
import type { LinesRequest, LinesResult, WorkerRegistry, WorkerTables } from '../node/workerMessages';
import type { LineWriter } from './jsonl';
import type { InvalidUtf8 } from './lines';
import { shareTables } from './sharedRegistry';

/** A good input line, as it is sent to a worker. */
export interface GoodLine {
  id: string | number;
  text: string;
  date?: string;
}

/** A line read: good (to analyze) or already answered (its error line, reported by `read`). */
export type ReadLine = { ok: true; input: GoodLine } | { ok: false; out: string };

export interface ThreadedMap {
  lines: AsyncIterable<string | InvalidUtf8>;
  /** Parses line `n` (1-based); reports it on standard error if bad. */
  read: (line: string | InvalidUtf8, n: number) => ReadLine;
  /** A good line analyzed on this thread: its output line. */
  here: (input: GoodLine) => string;
  out: LineWriter;
  registry: RegistrySnapshot;
  /** This thread's entity index (its trie is shared with the workers). */
  index: EntityIndex;
  settings: CoreSettings;
  cwd: string;
  /** Threads wanted once `bytes` of input are read (this one included); never fewer as bytes grow. */
  threads: (bytes: number) => number;
  /** Workers already started (before the registry was read), used first. */
  started?: Worker[];
  /** Lines per batch at most (default 64; a batch also ends at some 64 K characters). */
  batchLines?: number;
  windowLines?: number;
  windowChars?: number;
  /** Tests: this thread analyzes nothing once workers have joined (so they surely do some). */
  workersOnly?: boolean;
}

const BATCH_CHARS = 1 << 16;
const BATCH_LINES = 64;

interface Batch {
  /** Line number (0-based) of each input. */
  seqs: number[];
  inputs: GoodLine[];
  chars: number;
}

interface Slot {
  worker: Worker;
  busy: number;
}

/**
 * Runs the map step. Stops every worker it started or was given before it returns or throws.
 */
export async function mapInThreads(o: ThreadedMap): Promise<void> {
  const run = new ThreadedRun(o);
  try {
    await run.loop();
  } finally {
    await run.stop();
  }
}

const emptyBatch = (): Batch => ({ seqs: [], inputs: [], chars: 0 });

/** One run of the map step: the window of lines, the batches and the workers' slots. */
class ThreadedRun {
  private readonly windowLines: number;
  private readonly windowChars: number;
  private readonly batchLines: number;
  private readonly lines: AsyncIterator<string | InvalidUtf8>;
  private readonly slots: Slot[] = [];
  /** Workers given by the caller and not used yet. */
  private readonly spare: Worker[];
  private readonly results = new InOrder<string>();
  /** Batches at a worker, by batch id. */
  private readonly sent = new Map<number, Batch>();
  /** Batches made and not yet taken. */
  private readonly ready: Batch[] = [];
  private batch = emptyBatch();
  /** Lines read (the next line's 0-based number). */
  private nextIn = 0;
  /** Characters held in the window: texts not analyzed, outputs not written. */
  private held = 0;
  private bytes = 0;
  private batches = 0;
  private eof = false;
  private stopping = false;
  private failure: unknown;
  /** Resolves the wait for a worker's answer. */
  private wake: (() => void) | undefined;
  /** The registry as every worker gets it (made when the first joins). */
  private shared: { registry: WorkerRegistry; tables: WorkerTables } | undefined;

  constructor(private readonly o: ThreadedMap) {
    this.windowLines = o.windowLines ?? 1024;
    this.windowChars = o.windowChars ?? 1 << 23;
    this.batchLines = o.batchLines ?? BATCH_LINES;
    this.spare = [...(o.started ?? [])];
    this.lines = o.lines[Symbol.asyncIterator]();
  }

  async loop(): Promise<void> {
    const o = this.o;
    for (;;) {
      if (this.failure !== undefined) throw this.failure;
      await this.readBatch();
      if (this.eof || !this.room()) this.close();
      const want = Math.max(0, o.threads(this.bytes) - 1 - this.slots.length);
      if (want && !this.eof) this.join(want);
      this.dispatch();
      // A batch no worker takes now is analyzed here.
      const mine = o.workersOnly && this.slots.length ? undefined : this.ready.shift();
      if (mine) this.deliver(mine, mine.inputs.map(o.here));
      for (let line = this.results.shift(); line !== undefined; line = this.results.shift()) {
        this.held -= line.length;
        await o.out.line(line);
      }
      if (this.failure !== undefined) throw this.failure;
      if (this.eof && this.results.next === this.nextIn) break;
      if (!mine && (this.eof || !this.room() || this.ready.length)) {
        // Nothing to do here until a worker answers.
        if (this.sent.size) await new Promise<void>((r) => (this.wake = r));
      } else if (mine) {
        // Let the workers' answers in between two batches of this thread.
        await new Promise<void>((r) => setImmediate(r));
      }
    }
  }

  /** Stops every worker; stopped early (a worker failed, output closed), lets standard input go. */
  async stop(): Promise<void> {
    this.stopping = true;
    stopWorkers([...this.slots.map((s) => s.worker), ...this.spare]);
    if (!this.eof) await this.lines.return?.(undefined);
  }

  /** Reads until a batch is made (or the window is full, or the input ends). */
  private async readBatch(): Promise<void> {
    while (!this.eof && this.room() && !this.ready.length) {
      const r = await this.lines.next();
      if (r.done) {
        this.eof = true;
        return;
      }
      const line = r.value;
      this.bytes += typeof line === 'string' ? line.length + 1 : line.byte + 1;
      const seq = this.nextIn++;
      const got = this.o.read(line, seq + 1);
      if (!got.ok) {
        this.store(seq, got.out);
        continue;
      }
      const b = this.batch;
      b.seqs.push(seq);
      b.inputs.push(got.input);
      b.chars += got.input.text.length;
      this.held += got.input.text.length;
      if (b.chars >= BATCH_CHARS || b.seqs.length >= this.batchLines) this.close();
    }
  }

  private room(): boolean {
    return this.nextIn - this.results.next < this.windowLines && this.held < this.windowChars;
  }

  /** The batch being made is ready to be taken. */
  private close(): void {
    if (!this.batch.seqs.length) return;
    this.ready.push(this.batch);
    this.batch = emptyBatch();
  }

  private poke(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  private fail(e: unknown): void {
    if (this.failure === undefined) this.failure = e ?? new Error('a worker thread failed');
    this.poke();
  }

  private store(seq: number, line: string): void {
    this.results.put(seq, line);
    this.held += line.length;
  }

  private deliver(b: Batch, lines: readonly string[]): void {
    this.held -= b.chars;
    b.seqs.forEach((s, k) => this.store(s, lines[k]));
  }

  /** Gives each worker ready batches until it has two in hand. */
  private dispatch(): void {
    for (const s of this.slots) {
      while (s.busy < 2 && this.ready.length && this.failure === undefined) {
        const b = this.ready.shift()!;
        const id = this.batches++;
        this.sent.set(id, b);
        s.busy++;
        s.worker.postMessage({ kind: 'lines', batch: id, cwd: this.o.cwd, inputs: b.inputs } satisfies LinesRequest);
      }
    }
  }

  /** `count` more workers: the given ones first, then new ones; each is handed the registry. */
  private join(count: number): void {
    const fresh = this.spare.splice(0, count);
    if (fresh.length < count) fresh.push(...startWorkers(count - fresh.length));
    for (const worker of fresh) {
      const slot: Slot = { worker, busy: 0 };
      this.slots.push(slot);
      worker.ref();
      worker.on('error', (e) => this.fail(e));
      worker.on('exit', (code) => {
        if (!this.stopping) this.fail(new Error(`a worker thread stopped (exit code ${code})`));
      });
      worker.on('message', (m: LinesResult) => this.answered(slot, m));
      const shared = this.sharedRegistry();
      worker.postMessage(shared.registry);
      worker.postMessage(shared.tables);
    }
  }

  private answered(slot: Slot, m: LinesResult): void {
    if (m.kind !== 'lines' || this.failure !== undefined) return;
    const b = this.sent.get(m.batch)!;
    this.sent.delete(m.batch);
    slot.busy--;
    this.deliver(b, m.lines);
    this.dispatch();
    this.poke();
  }

  /**
   * The registry for the workers, shared once. This thread writes the tables from its own index
   * (it builds them anyway, and writing them costs less than a worker decoding every entity to
   * build them again).
   */
  private sharedRegistry(): { registry: WorkerRegistry; tables: WorkerTables } {
    const o = this.o;
    return (this.shared ??= {
      registry: { kind: 'registry', registry: encodeRegistry(o.registry), settings: o.settings, keep: KEEP_ALL, writeTables: false },
      tables: { kind: 'tables', tables: shareTables({ registry: o.registry, entityIndex: o.index }) },
    });
  }
}
