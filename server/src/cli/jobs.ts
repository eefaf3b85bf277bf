/**
 * `--jobs N`: the articles of `check` and `analyze` analyzed on N threads: this one and N − 1
 * worker threads.
 *
 * The registry is read and checked once, here; each worker gets the entities as one compact
 * snapshot (`encodeRegistry`: a JSON text of one array per entity, in a SharedArrayBuffer every
 * worker reads: at 100,000 entities, 0.55 s to write and 1.3 s to read back, where a
 * `v8.serialize` of the objects took 1.3 s and 1.8–2.3 s, CPU at the same load) and builds its own entity index from it, so no worker
 * parses YAML. Articles go out in small batches as threads become free; this thread takes a batch
 * too whenever it is idle, so on 2 cores both analyze. Every thread runs the same
 * `processArticle` as a single-threaded run; the outcomes are put back in input order and the
 * cross-article findings computed over the whole corpus here, so the output is byte-identical to
 * `--jobs 1`.
 */

import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AnalysisContext } from '../core/analyze';
import { Entity, RegistrySnapshot, Role } from '../core/types';
import { ArticleOutcome, Keep, processArticle } from './pipeline';
import { ProjectInputs, folderListings } from './project';

/** What a worker starts with (`workerData`). */
export interface WorkerStart {
  /** `encodeRegistry` of the run's registry, in UTF-8, shared by every worker (not copied to each). */
  registry: SharedArrayBuffer;
  settings: ProjectInputs['settings'];
  keep: Keep;
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

/**
 * Articles per batch: small enough to balance the threads (at least 4 batches a thread), big
 * enough that messages cost little (up to 16 articles).
 */
export function batchSize(articles: number, jobs: number): number {
  return Math.max(1, Math.min(16, Math.ceil(articles / (4 * jobs))));
}

/**
 * The default `--jobs`: one thread fewer than the cores this process may use (this thread
 * analyzes too, and also merges and writes). Each worker still builds its own entity index, so on
 * 2 cores with a 100,000-entity registry `--jobs 2` was 0.82× of `--jobs 1` on a quiet machine
 * (`npm run bench -- e2e`): a 2-core machine runs on this thread alone.
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
 * The entities of a snapshot as the workers receive them: what article analysis reads of each
 * entity, one JSON array per entity with the fields in a fixed order (no keys repeated 100,000
 * times, no object per entity to read back), registry file paths as numbers. Left out: where
 * the id and the references are written (`source.idRange`, `source.references`), which only
 * registry navigation reads; a worker never serves that.
 */
export function encodeRegistry(registry: RegistrySnapshot): string {
  const paths = new Map<string, number>();
  const rows: unknown[] = [];
  for (const e of registry.entities.values()) {
    let p = paths.get(e.source.path);
    if (p === undefined) paths.set(e.source.path, (p = paths.size));
    rows.push([
      e.id, e.type, e.name, e.aliases, e.demonyms, e.familyName ?? null, e.givenName ?? null, e.nameOrder ?? null,
      e.country ?? null, e.description ?? null, e.wikidata ?? null, rolesRow(e.roles), e.of ?? null, e.singleHolder ?? null,
      e.date ?? null, e.participants, p, e.source.range[0], e.source.range[1],
    ]);
  }
  return JSON.stringify({ version: registry.version, paths: [...paths.keys()], rows });
}

const NONE = Object.freeze([]) as unknown as never[];

/** Roles as one flat list, 7 values a role; an absent value is 0 (`end: null` stays null: it still holds). */
function rolesRow(roles: readonly Role[]): unknown[] {
  const out: unknown[] = [];
  for (const r of roles) out.push(r.office ?? 0, r.title ?? 0, r.of ?? 0, r.start ?? 0, r.end === undefined ? 0 : r.end, r.range[0], r.range[1]);
  return out;
}

function rolesOf(row: unknown[]): Role[] {
  if (!row.length) return NONE;
  const v = <T>(x: unknown): T | undefined => (x === 0 ? undefined : (x as T));
  const out: Role[] = [];
  for (let i = 0; i < row.length; i += 7) {
    out.push({ office: v(row[i]), title: v(row[i + 1]), of: v(row[i + 2]), start: v(row[i + 3]), end: v(row[i + 4]), range: [row[i + 5] as number, row[i + 6] as number] });
  }
  return out;
}

/** The snapshot `encodeRegistry` describes (no registry files: their findings are reported by the main thread). */
export function decodeRegistry(text: string): RegistrySnapshot {
  const { version, paths, rows } = JSON.parse(text) as { version: number; paths: string[]; rows: unknown[][] };
  const entities = new Map<string, Entity>();
  const opt = <T>(x: unknown): T | undefined => (x === null ? undefined : (x as T));
  const list = <T>(x: unknown): T[] => ((x as T[]).length ? (x as T[]) : NONE);
  for (const r of rows) {
    const e: Entity = {
      id: r[0] as string, type: r[1] as Entity['type'], name: r[2] as string, aliases: list(r[3]), demonyms: list(r[4]),
      familyName: opt(r[5]), givenName: opt(r[6]), nameOrder: opt(r[7]), country: opt(r[8]), description: opt(r[9]),
      wikidata: opt(r[10]), roles: rolesOf(r[11] as unknown[]), of: opt(r[12]), singleHolder: opt(r[13]), date: opt(r[14]),
      participants: list(r[15]),
      source: { path: paths[r[16] as number], range: [r[17] as number, r[18] as number], idRange: [r[17] as number, r[17] as number], references: NONE },
    };
    entities.set(e.id, e);
  }
  return { version, entities, files: new Map() };
}

/**
 * Analyzes `inputs.articleFiles` on this thread (`ctx()` builds its context, called once the
 * workers are started, so their start overlaps it) and `jobs − 1` worker threads; `consume`
 * receives each article's outcome in input order as soon as it and all before it are in, so this
 * thread merges (the workspace index) while the workers go on.
 */
export async function analyzeInWorkers(inputs: ProjectInputs, jobs: number, keep: Keep, ctx: () => AnalysisContext, consume: (o: ArticleOutcome) => void): Promise<void> {
  const files = inputs.articleFiles;
  const bytes = Buffer.from(encodeRegistry(inputs.registry), 'utf8');
  const shared = new SharedArrayBuffer(bytes.length);
  bytes.copy(Buffer.from(shared));
  const start: WorkerStart = { registry: shared, settings: inputs.settings, keep };
  const outcomes: (ArticleOutcome | undefined)[] = new Array(files.length);
  let consumed = 0;
  const size = batchSize(files.length, jobs);
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += size) batches.push(files.slice(i, i + size));
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  let failure: unknown;
  let finish: () => void = () => {};
  let fail: (e: unknown) => void = () => {};
  const finished = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  // A worker may fail while this thread is still analyzing (nobody awaits `finished` yet): the
  // failure is returned below, not reported as an unhandled rejection meanwhile.
  finished.catch(() => undefined);
  const stop = (): void => {
    for (const w of workers) void w.terminate();
  };
  const failWith = (e: unknown): void => {
    if (failure !== undefined) return;
    failure = e ?? new Error('a worker thread failed');
    stop();
    fail(failure);
  };
  /** A batch is in: hand on every outcome now in order. */
  const deliver = (batch: number, outs: ArticleOutcome[]): void => {
    const at = batch * size;
    outs.forEach((o, k) => (outcomes[at + k] = o));
    done++;
    try {
      for (let o = outcomes[consumed]; o; o = outcomes[consumed]) {
        outcomes[consumed++] = undefined;
        consume(o);
      }
    } catch (e) {
      failWith(e);
      return;
    }
    if (done === batches.length) {
      stop();
      finish();
    }
  };
  const send = (w: Worker): void => {
    if (next < batches.length && failure === undefined) {
      const req: BatchRequest = { batch: next, files: batches[next] };
      next++;
      w.postMessage(req);
    }
  };
  for (let j = 1; j < jobs; j++) {
    const w = new Worker(workerScript(), { workerData: start });
    workers.push(w);
    let first = true;
    w.on('message', (m: BatchResult) => {
      if (failure !== undefined) return;
      send(w);
      // Ready now: from here on two batches in flight, so it never waits for this thread (busy
      // with a batch of its own) between batches.
      if (first) send(w);
      first = false;
      deliver(m.batch, m.outcomes);
    });
    w.on('error', failWith);
    w.on('exit', (code) => {
      if (code !== 0 && done < batches.length) failWith(new Error(`a worker thread stopped (exit code ${code})`));
    });
    // One batch to start with (every worker analyzes some: the tests cover this path whatever
    // the timing); more as it answers. This thread takes the others meanwhile.
    send(w);
  }
  // This thread's share: a batch whenever one is left, letting the workers' answers in between.
  const here = ctx();
  const exists = folderListings();
  while (next < batches.length && failure === undefined) {
    const b = next++;
    deliver(b, batches[b].map((f) => processArticle(f, here, exists, keep)));
    await new Promise<void>((r) => setImmediate(r));
  }
  if (!batches.length) finish();
  return finished;
}
