/**
 * `attache analyze --jsonl`: a corpus as JSON Lines on standard input, one result line per input
 * line on standard output, in input order, with memory bounded by one article (plus, without
 * `--emit-claims`, the cross-article claims of the corpus, a few dozen bytes per paragraph).
 *
 * Input lines are `{"id": "…", "text": "…", "date"?: "YYYY-MM-DD"}`. Output lines have the
 * per-file shape of `analyze --json`: `{"id", "publicationDate", "entities", "dates",
 * "diagnostics"}` (the `path` of related information is the other article's id). A bad input line
 * (not UTF-8, not JSON, not an object, no id, no string text, a date that is not YYYY-MM-DD) is reported on
 * standard error with its line number and also gives an output line `{"id": ID-or-null,
 * "error": "…"}` in its place, so output line N always answers input line N; the exit status is
 * then 1, once every line is done.
 *
 * Two ways to run it, one result:
 * - `--emit-claims` is the map step of a sharded run: each line is written as soon as its article
 *   is analyzed, with the article's own diagnostics and its `claims` (see claims.ts), but without
 *   the cross-article findings (`boilerplate`, the cross-article part of `event-date-conflict`),
 *   which need the whole corpus. `attache reduce` adds them (reduce.ts).
 * - Without it, a single process does both steps: the map output goes to a temporary file, then
 *   the reduce reads it back. So a single run and map + reduce over any sharding give the same
 *   bytes, by construction, and the findings equal those of `analyze --json` over the same texts.
 */

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { AnalysisContext, ArticleAnalysis, analyzeArticles } from '../core/analyze';
import { CheckScratch } from '../core/checks/scratch';
import { parseIsoDate } from '../core/calendar';
import { buildEntityIndex } from '../core/entities';
import { RegistrySnapshot } from '../core/types';
import { UsageError, eachArgument, numericOrderArg } from './args';
import { NumericOrder } from '../core/types';
import { claimsOf } from './claims';
import { ARTICLE_BATCH } from './pipeline';
import { InvalidUtf8, readLineGroups, readLines } from './lines';
import { defaultJobs } from './jobs';
import { availableCores, startWorkers, stopWorkers, workerScript } from '../node/workers';
import { GoodLine, ReadLine, ThreadedMap, mapInThreads } from './jsonlJobs';
import { Progress, ProgressStream } from './progress';
import { readRegistry, registryFilesFor } from './project';
import { reduceShards } from './reduce';
import { displayPath, jsonDates, jsonEntities, jsonFinding } from './report';

export interface StreamIo {
  cwd: string;
  stdin: Readable;
  stdout: Writable;
  err: (s: string) => void;
  /** Where the progress line goes (standard error); shown only if it is a terminal. */
  progress?: ProgressStream;
  /** Size of standard input when it is a regular file (for the ETA), else undefined. */
  inputBytes?: number;
  /** Tests: smaller batches and window of `--jobs` (jsonlJobs.ts), workers only. */
  tuning?: Pick<ThreadedMap, 'batchLines' | 'windowLines' | 'windowChars' | 'workersOnly'>;
}

export const JSONL_USAGE = `  attache analyze --jsonl [--registry GLOB]... [--emit-claims] [--jobs N] [--numeric-order auto|mdy|dmy] [--quiet] < IN.jsonl > OUT.jsonl
  attache reduce [--registry GLOB]... [--quiet] SHARD.jsonl... > OUT.jsonl`;

/** Buffered writing to a stream that waits when the stream asks it to (bounded memory). */
export class LineWriter {
  private buf = '';

  constructor(private readonly out: Writable) {}

  async line(s: string): Promise<void> {
    this.buf += s + '\n';
    if (this.buf.length >= 1 << 16) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.buf) return;
    const s = this.buf;
    this.buf = '';
    if (!this.out.write(s)) await new Promise<void>((resolve, reject) => {
      const onDrain = (): void => { this.out.off('error', onError); resolve(); };
      const onError = (e: Error): void => { this.out.off('drain', onDrain); reject(e); };
      this.out.once('drain', onDrain);
      this.out.once('error', onError);
    });
  }
}

/** An input line read, or why it cannot be: `id` is echoed in the error line when it was readable. */
export type InputLine = { ok: true; id: string | number; text: string; date?: string } | { ok: false; id: string | number | null; error: string };

export function parseInputLine(line: string): InputLine {
  if (!line.trim()) return { ok: false, id: null, error: 'empty line (every line must be a JSON object with "id" and "text")' };
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch (e) {
    return { ok: false, id: null, error: `invalid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { ok: false, id: null, error: 'not a JSON object (expected {"id": …, "text": …})' };
  const o = v as Record<string, unknown>;
  const id = typeof o.id === 'string' || (typeof o.id === 'number' && Number.isFinite(o.id)) ? o.id : null;
  if (id === null) return { ok: false, id: null, error: o.id === undefined ? 'missing "id"' : '"id" must be a string or a number' };
  if (typeof o.text !== 'string') return { ok: false, id, error: o.text === undefined ? 'missing "text"' : '"text" must be a string' };
  if (o.date === undefined || o.date === null) return { ok: true, id, text: o.text };
  if (typeof o.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(o.date) || !parseIsoDate(o.date)) {
    return { ok: false, id, error: `"date" must be a date written YYYY-MM-DD, not ${JSON.stringify(o.date)}` };
  }
  return { ok: true, id, text: o.text, date: o.date };
}

/** The map output line of one good input line: the analysis with the article's own diagnostics, and its claims. */
export function mapLine(input: { id: string | number; text: string; date?: string }, ctx: AnalysisContext, cwd: string): string {
  return mapLines([input], ctx, cwd)[0];
}

/** `mapLine` of each input, analyzed together (`analyzeArticles`: phase by phase, cheaper). */
export function mapLines(inputs: readonly { id: string | number; text: string; date?: string }[], ctx: AnalysisContext, cwd: string): string[] {
  const analyses = analyzeArticles(inputs.map((x) => ({ path: String(x.id), text: x.text, ...(x.date ? { publicationDate: x.date } : {}) })), ctx);
  return inputs.map((input, k) => outputLine(input.id, analyses[k], cwd));
}

function outputLine(id: string | number, a: ArticleAnalysis, cwd: string): string {
  const key = String(id);
  // Related places are this article (named by its id) or registry files (named as analyze --json names them).
  const show = (p: string): string => (p === key ? p : displayPath(cwd, p));
  const line = JSON.stringify({
    id,
    publicationDate: a.article.publicationDate,
    entities: jsonEntities(a),
    dates: jsonDates(a),
    diagnostics: a.findings.map((f) => jsonFinding(f, cwd, show)),
    claims: claimsOf(a),
  });
  return line;
}

/** A good line as a worker is sent it (no `date` key when there is none, as `mapLine` reads it). */
function goodLine(input: { id: string | number; text: string; date?: string }): GoodLine {
  return input.date === undefined ? { id: input.id, text: input.text } : { id: input.id, text: input.text, date: input.date };
}

export function errorLine(id: string | number | null, error: string): string {
  return JSON.stringify({ id, error });
}

interface JsonlArgs {
  command: 'analyze' | 'reduce';
  registry: string[];
  emitClaims: boolean;
  quiet: boolean;
  shards: string[];
  numericOrder: NumericOrder;
  /** Threads (`--jobs N`); undefined: as many as the input keeps busy (`jsonlThreads`). */
  jobs?: number;
}

function parseJsonlArgs(argv: readonly string[]): JsonlArgs {
  const a: JsonlArgs = { command: argv[0] === 'reduce' ? 'reduce' : 'analyze', registry: [], emitClaims: false, quiet: false, shards: [], numericOrder: 'auto' };
  eachArgument(argv, 1, (name, arg, value) => {
    if (name === '--registry') a.registry.push(value());
    else if (name === '--jsonl' && a.command === 'analyze') return;
    else if (name === '--emit-claims' && a.command === 'analyze') a.emitClaims = true;
    else if (name === '--quiet' || name === '-q') a.quiet = true;
    else if (name === '--numeric-order' && a.command === 'analyze') a.numericOrder = numericOrderArg(value());
    else if (name === '--jobs' && a.command === 'analyze') {
      const v = value();
      if (!/^[1-9][0-9]{0,3}$/.test(v)) throw new UsageError(`--jobs needs a whole number of threads from 1 to 9999, not '${v}'`);
      a.jobs = Number(v);
    }
    else if (arg.startsWith('-')) throw new UsageError(`${arg} does not go with ${a.command === 'reduce' ? 'reduce' : 'analyze --jsonl'}`);
    else if (a.command === 'reduce') a.shards.push(arg);
    else throw new UsageError(`analyze --jsonl reads standard input and takes no PATH ('${arg}')`);
  });
  if (a.command === 'reduce' && !a.shards.length) throw new UsageError('reduce needs at least one SHARD.jsonl (made with analyze --jsonl --emit-claims)');
  return a;
}

/** True when these arguments are for `jsonlCommand` (asynchronous) rather than `main`. */
export function isJsonlCommand(argv: readonly string[]): boolean {
  return argv[0] === 'reduce' || (argv[0] === 'analyze' && argv.includes('--jsonl'));
}

/**
 * `attache analyze --jsonl …` and `attache reduce …`. Exit status: 0 ok, 1 some input line was
 * bad (each reported), 2 bad usage, an unreadable registry or shard.
 */
export async function jsonlCommand(argv: readonly string[], io: StreamIo, usage: string): Promise<number> {
  let args: JsonlArgs;
  try {
    args = parseJsonlArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`attache: ${e.message}\n\n${usage}`);
    return 2;
  }
  const errors: string[] = [];
  const plan = args.command === 'analyze' ? threadPlan(args, io) : { max: 1, early: false };
  // Worker threads the run will surely want start now, so that their start overlaps reading the registry.
  const started = plan.early ? startWorkers(plan.max - 1) : [];
  try {
    const registry = readRegistry(registryFilesFor({ cwd: io.cwd, paths: [], registryGlobs: args.registry }, errors), errors);
    for (const e of errors) io.err(`attache: ${e}\n`);
    const status = args.command === 'reduce'
      ? await reduceShards(args.shards.map((s) => path.resolve(io.cwd, s)), registry, new LineWriter(io.stdout), { err: io.err, names: args.shards, progress: Progress.on(io.progress, args.quiet) })
      : await analyzeJsonl(registry, args, io, { max: plan.max, started });
    return errors.length ? 2 : status;
  } finally {
    stopWorkers(started);
  }
}

/** Threads a run may use, at most, and whether to start the workers before the registry is read. */
interface Threads {
  max: number;
  started: Worker[];
}

/**
 * `--jobs N`: up to N threads. Without it: `defaultJobs`, the rule of `check` and `analyze` (the
 * cores available and idle, as many as the input keeps busy), judged from the size of standard
 * input when it is a file, else from what has been read so far (workers join once it is enough).
 * Workers start early when `--jobs` asks for them or standard input is a file big enough for two
 * threads whatever the registry, on idle cores.
 */
function threadPlan(args: JsonlArgs, io: StreamIo): { max: number; early: boolean } {
  if (args.jobs === 1 || !fs.existsSync(workerScript())) return { max: 1, early: false };
  const max = args.jobs ?? availableCores();
  if (max <= 1) return { max: 1, early: false };
  if (args.jobs !== undefined) return { max, early: true };
  const early = Math.min(max, defaultJobs(io.inputBytes ?? 0, 0));
  return { max, early: early > 1 };
}

/** Threads for `bytes` of input read (or `inputBytes` in all) without `--jobs`. */
function defaultThreads(max: number, inputBytes: number | undefined, entities: number): (bytes: number) => number {
  return (bytes) => Math.min(max, defaultJobs(inputBytes ?? bytes, entities));
}

async function analyzeJsonl(registry: RegistrySnapshot, args: JsonlArgs, io: StreamIo, threads: Threads): Promise<number> {
  const { emitClaims, numericOrder } = args;
  const progress = Progress.on(io.progress, args.quiet, io.inputBytes !== undefined ? { bytes: io.inputBytes } : {});
  if (emitClaims) {
    const out = new LineWriter(io.stdout);
    const bad = await mapStream(registry, io, out, progress, numericOrder, threads, args.jobs);
    await out.flush();
    progress?.done();
    return bad ? 1 : 0;
  }
  // One process, both steps: map into a temporary file, reduce from it.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attache-jsonl-'));
  const cleanup = (): void => fs.rmSync(dir, { recursive: true, force: true });
  process.once('exit', cleanup);
  try {
    const file = path.join(dir, 'map.jsonl');
    const stream = fs.createWriteStream(file);
    const mapOut = new LineWriter(stream);
    const bad = await mapStream(registry, io, mapOut, progress, numericOrder, threads, args.jobs);
    await mapOut.flush();
    await new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
    progress?.done();
    const out = new LineWriter(io.stdout);
    // The map step reported the bad lines already (with their input line numbers).
    const status = await reduceShards([file], registry, out, { err: io.err, names: ['stdin'], quietErrors: true });
    return bad || status ? 1 : 0;
  } finally {
    cleanup();
    process.off('exit', cleanup);
  }
}

/** The map step over standard input; returns how many lines were bad. */
async function mapStream(registry: RegistrySnapshot, io: StreamIo, out: LineWriter, progress: Progress | null, numericOrder: NumericOrder, threads: Threads, jobs: number | undefined): Promise<number> {
  const ctx: AnalysisContext = { registry, entityIndex: buildEntityIndex(registry), settings: { numericOrder }, checkScratch: new CheckScratch() };
  let n = 0;
  let bad = 0;
  if (threads.max > 1) {
    // Parsed and checked here, in input order (bad lines reported as below); analyzed here and on workers.
    const read = (line: string | InvalidUtf8, at: number): ReadLine => {
      const input: InputLine = line instanceof InvalidUtf8 ? { ok: false, id: null, error: `not valid UTF-8 (byte ${line.byte + 1} of the line)` } : parseInputLine(line);
      progress?.tick(line instanceof InvalidUtf8 ? line.byte : line.length + 1);
      if (input.ok) return { ok: true, input: goodLine(input) };
      bad++;
      io.err(`attache: stdin:${at}: ${input.error}\n`);
      return { ok: false, out: errorLine(input.id, input.error) };
    };
    const entities = registry.entities.size;
    await mapInThreads({
      lines: readLines(io.stdin), read, here: (input) => mapLine(input, ctx, io.cwd), out,
      registry, index: ctx.entityIndex, settings: ctx.settings!, cwd: io.cwd, started: threads.started,
      threads: jobs !== undefined ? () => jobs : defaultThreads(threads.max, io.inputBytes, entities),
      ...io.tuning,
    });
    return bad;
  }
  // The lines each chunk of input brings are analyzed together (`mapLines`), then written in order.
  for await (const group of readLineGroups(io.stdin, ARTICLE_BATCH)) {
    const inputs: InputLine[] = group.map((line) => (line instanceof InvalidUtf8 ? { ok: false, id: null, error: `not valid UTF-8 (byte ${line.byte + 1} of the line)` } : parseInputLine(line)));
    const mapped = mapLines(inputs.filter((x): x is Extract<InputLine, { ok: true }> => x.ok), ctx, io.cwd);
    let k = 0;
    for (let i = 0; i < group.length; i++) {
      const input = inputs[i];
      const line = group[i];
      n++;
      if (input.ok) await out.line(mapped[k++]);
      else {
        bad++;
        io.err(`attache: stdin:${n}: ${input.error}\n`);
        await out.line(errorLine(input.id, input.error));
      }
      progress?.tick(line instanceof InvalidUtf8 ? line.byte : line.length + 1);
    }
  }
  return bad;
}
