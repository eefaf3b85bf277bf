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
  const windowLines = o.windowLines ?? 1024;
  const windowChars = o.windowChars ?? 1 << 23;
  const batchLines = o.batchLines ?? BATCH_LINES;
  const slots: Slot[] = [];
  let stopping = false;
  const spare = [...(o.started ?? [])];
  const results = new InOrder<string>();
  const sent = new Map<number, Batch>();
  const ready: Batch[] = [];
  let nextIn = 0;
  let held = 0;
  let bytes = 0;
  let batches = 0;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const poke = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const fail = (e: unknown): void => {
    if (failure === undefined) failure = e ?? new Error('a worker thread failed');
    poke();
  };
  const store = (seq: number, line: string): void => {
    results.put(seq, line);
    held += line.length;
  };
  const deliver = (b: Batch, lines: readonly string[]): void => {
    held -= b.chars;
    b.seqs.forEach((s, k) => store(s, lines[k]));
  };
  const dispatch = (): void => {
    for (const s of slots) {
      while (s.busy < 2 && ready.length && failure === undefined) {
        const b = ready.shift()!;
        const id = batches++;
        sent.set(id, b);
        s.busy++;
        s.worker.postMessage({ kind: 'lines', batch: id, cwd: o.cwd, inputs: b.inputs } satisfies LinesRequest);
      }
    }
  };

  // Workers: the registry shared once (when the first joins), each later one given the same.
  let shared: { registry: WorkerRegistry; tables: WorkerTables } | undefined;
  const join = (count: number): void => {
    const fresh = spare.splice(0, count);
    if (fresh.length < count) fresh.push(...startWorkers(count - fresh.length));
    for (const worker of fresh) {
      const slot: Slot = { worker, busy: 0 };
      slots.push(slot);
      worker.ref();
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (!stopping) fail(new Error(`a worker thread stopped (exit code ${code})`));
      });
      worker.on('message', (m: LinesResult) => {
        if (m.kind !== 'lines' || failure !== undefined) return;
        const b = sent.get(m.batch)!;
        sent.delete(m.batch);
        slot.busy--;
        deliver(b, m.lines);
        dispatch();
        poke();
      });
      // This thread writes the tables from its own index (it builds them anyway, and writing
      // them costs less than a worker decoding every entity to build them again).
      shared ??= {
        registry: { kind: 'registry', registry: encodeRegistry(o.registry), settings: o.settings, keep: KEEP_ALL, writeTables: false },
        tables: { kind: 'tables', tables: shareTables({ registry: o.registry, entityIndex: o.index }) },
      };
      worker.postMessage(shared.registry);
      worker.postMessage(shared.tables);
    }
  };
  let batch: Batch = { seqs: [], inputs: [], chars: 0 };
  const close = (): void => {
    if (!batch.seqs.length) return;
    ready.push(batch);
    batch = { seqs: [], inputs: [], chars: 0 };
  };
  const room = (): boolean => nextIn - results.next < windowLines && held < windowChars;
  const lines = o.lines[Symbol.asyncIterator]();
  let eof = false;
  try {
    for (;;) {
      if (failure !== undefined) throw failure;
      // Read until a batch is made (or the window is full, or the input ends).
      while (!eof && room() && !ready.length) {
        const r = await lines.next();
        if (r.done) {
          eof = true;
          break;
        }
        const line = r.value;
        bytes += typeof line === 'string' ? line.length + 1 : line.byte + 1;
        const seq = nextIn++;
        const got = o.read(line, seq + 1);
        if (got.ok) {
          batch.seqs.push(seq);
          batch.inputs.push(got.input);
          batch.chars += got.input.text.length;
          held += got.input.text.length;
          if (batch.chars >= BATCH_CHARS || batch.seqs.length >= batchLines) close();
        } else store(seq, got.out);
      }
      if (eof || !room()) close();
      const want = Math.max(0, o.threads(bytes) - 1 - slots.length);
      if (want && !eof) join(want);
      dispatch();
      // A batch no worker takes now is analyzed here.
      const mine = o.workersOnly && slots.length ? undefined : ready.shift();
      if (mine) deliver(mine, mine.inputs.map(o.here));
      for (let line = results.shift(); line !== undefined; line = results.shift()) {
        held -= line.length;
        await o.out.line(line);
      }
      if (failure !== undefined) throw failure;
      if (eof && results.next === nextIn) break;
      if (!mine && (eof || !room() || ready.length)) {
        // Nothing to do here until a worker answers.
        if (sent.size) await new Promise<void>((r) => (wake = r));
      } else if (mine) {
        // Let the workers' answers in between two batches of this thread.
        await new Promise<void>((r) => setImmediate(r));
      }
    }
  } finally {
    stopping = true;
    stopWorkers([...slots.map((s) => s.worker), ...spare]);
    // Stopped early (a worker failed, output closed): standard input is let go.
    if (!eof) await lines.return?.(undefined);
  }
}
