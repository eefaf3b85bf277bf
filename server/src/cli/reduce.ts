/**
 * `attache reduce SHARD.jsonl...`: the reduce step of a sharded run. The shards are outputs of
 * `attache analyze --jsonl --emit-claims` over consecutive parts of one input; the result is
 * byte for byte what one `attache analyze --jsonl` over the whole input writes: the same lines, in
 * shard order then line order, with the cross-article findings added and the claims removed.
 *
 * Three passes over the shard files, so memory holds claims of the corpus, never its lines:
 * 1. count, for each paragraph fingerprint, the articles that have it (fingerprintCount.ts);
 * 2. feed every article's claims into the core's `WorkspaceIndex` in input order (the order a
 *    single run adds them, which decides the articles its findings name), keeping only the
 *    paragraphs found in enough articles to be boilerplate (a paragraph in fewer articles has a
 *    ring of its own in the index that never gives a finding, so leaving it out changes nothing)
 *    and skipping articles left with no claims;
 * 3. copy each line, adding that article's workspace findings to its diagnostics. A line whose
 *    article has none is copied with its claims cut off, without being parsed again.
 *
 * Articles are keyed by id. An id already used by an earlier line of the corpus is reported as an
 * error line (`"duplicate id: line N has it too"`, N counted over the concatenated input), since
 * its findings could not name it unambiguously.
 */

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { RegistrySnapshot } from '../core/types';
import { BOILERPLATE_MIN_OTHERS, WorkspaceIndex } from '../core/workspace';
import { Claims, summaryOfClaims } from './claims';
import { FingerprintCount } from './fingerprintCount';
import { InvalidUtf8, readLines } from './lines';
import type { LineWriter } from './jsonl';
import { Progress } from './progress';
import { jsonFinding } from './report';

export interface ReduceOptions {
  err: (s: string) => void;
  /** The shard names to print in messages (as given on the command line). */
  names: string[];
  /** Do not report error lines on standard error (the map step of this process did). */
  quietErrors?: boolean;
  progress?: Progress | null;
}

const CLAIMS = ',"claims":';

/** A shard line that is not the output of `analyze --jsonl --emit-claims`. */
class ShardError extends Error {}

/** Each line of one file, with its number from 1. */
async function* linesOf(file: string): AsyncGenerator<[number, string]> {
  let n = 0;
  for await (const line of readLines(fs.createReadStream(file, { highWaterMark: 1 << 20 }))) {
    ++n;
    // attache writes UTF-8; anything else is not map output (pass 2 stops on it with the place).
    yield [n, line instanceof InvalidUtf8 ? '\uFFFD' : line];
  }
}

/** The id at the start of a map output line (`{"id":…,`), read without parsing the whole line. */
function idOf(line: string): string | number | null {
  const m = /^\{"id":("(?:[^"\\]|\\.)*"|-?[0-9][0-9.eE+-]*|null),/.exec(line);
  if (!m) throw new ShardError('not a line of analyze --jsonl --emit-claims output (it must begin with {"id":…)');
  return JSON.parse(m[1]) as string | number | null;
}

interface Pass1 {
  index: WorkspaceIndex;
  /** Global line numbers (from 1) of lines whose id repeats an earlier one → that earlier line. */
  duplicates: Map<number, number>;
  /** Error lines of the shards (reported, and counted for the exit status). */
  errorLines: number;
}

/** The number of articles a paragraph must be in for `boilerplate` to report it. */
const BOILERPLATE_ARTICLES = BOILERPLATE_MIN_OTHERS + 1;

/** Pass 1: how many articles have each paragraph fingerprint (lines that are not map output are left to pass 2 to report). */
async function countParagraphs(files: readonly string[]): Promise<FingerprintCount> {
  const count = new FingerprintCount(BOILERPLATE_ARTICLES);
  for (const file of files) {
    for await (const [, line] of linesOf(file)) {
      const at = line.lastIndexOf(CLAIMS);
      if (at < 0) continue;
      let p: unknown;
      try {
        p = (JSON.parse(line.slice(at + CLAIMS.length, -1)) as Partial<Claims>).p;
      } catch {
        continue;
      }
      if (Array.isArray(p)) for (const x of p) if (Array.isArray(x) && typeof x[0] === 'string') count.add(x[0]);
    }
  }
  return count;
}

/** The claims of a line with the paragraphs in too few articles of the corpus left out. */
function frequentOnly(claims: Partial<Claims>, count: FingerprintCount): Partial<Claims> {
  if (!Array.isArray(claims.p)) return claims;
  return { ...claims, p: claims.p.filter((x) => !Array.isArray(x) || typeof x[0] !== 'string' || count.get(x[0]) >= BOILERPLATE_ARTICLES) };
}

async function readClaims(files: readonly string[], names: readonly string[], registry: RegistrySnapshot, opts: ReduceOptions): Promise<Pass1> {
  const count = await countParagraphs(files);
  const index = new WorkspaceIndex(registry);
  const firstLine = new Map<string, number>();
  const duplicates = new Map<number, number>();
  let errorLines = 0;
  let global = 0;
  for (let s = 0; s < files.length; s++) {
    for await (const [n, line] of linesOf(files[s])) {
      global++;
      // With several shards, the place in the whole input too (shards are often temporary files).
      const where = files.length > 1 ? `${names[s]}:${n} (line ${global} of the input)` : `${names[s]}:${n}`;
      try {
        const id = idOf(line);
        const at = line.lastIndexOf(CLAIMS);
        if (at < 0) {
          const o = JSON.parse(line) as { error?: unknown };
          if (typeof o.error !== 'string') throw new ShardError('has no claims: make shards with analyze --jsonl --emit-claims');
          errorLines++;
          if (!opts.quietErrors) opts.err(`attache: ${where}: ${id === null ? '' : `id ${JSON.stringify(id)}: `}${o.error}\n`);
          continue;
        }
        const key = String(id);
        const first = firstLine.get(key);
        if (first !== undefined) {
          duplicates.set(global, first);
          errorLines++;
          opts.err(`attache: ${where}: duplicate id ${JSON.stringify(id)} (line ${first} of the input has it too)\n`);
          continue;
        }
        firstLine.set(key, global);
        const summary = summaryOfClaims(frequentOnly(JSON.parse(line.slice(at + CLAIMS.length, -1)) as Partial<Claims>, count));
        // An article with no claim left can have no workspace finding, nor give one to another.
        if (summary.paragraphs.size || summary.events.size) index.updateSummary(key, summary);
      } catch (e) {
        throw new ShardError(`${where}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
  return { index, duplicates, errorLines };
}

const byPlace = (a: Record<string, unknown>, b: Record<string, unknown>): number =>
  (a.start as number) - (b.start as number) || (a.end as number) - (b.end as number) || String(a.code).localeCompare(String(b.code));

async function writeLines(files: readonly string[], pass: Pass1, out: LineWriter, opts: ReduceOptions): Promise<void> {
  const same = (p: string): string => p;
  let global = 0;
  for (const file of files) {
    for await (const [, line] of linesOf(file)) {
      global++;
      const dup = pass.duplicates.get(global);
      const at = line.lastIndexOf(CLAIMS);
      if (dup !== undefined) {
        await out.line(JSON.stringify({ id: idOf(line), error: `duplicate id: line ${dup} has it too` }));
      } else if (at < 0) {
        await out.line(line);
      } else {
        const found = pass.index.findingsFor(String(idOf(line)));
        if (!found.length) await out.line(`${line.slice(0, at)}}`);
        else {
          const o = JSON.parse(line) as Record<string, unknown>;
          // Stable sort: at one place, the article's own findings first, as a single run orders them.
          const diagnostics = [...(o.diagnostics as Record<string, unknown>[]), ...found.map((f) => jsonFinding(f, '', same))].sort(byPlace);
          await out.line(JSON.stringify({ id: o.id, publicationDate: o.publicationDate, entities: o.entities, dates: o.dates, diagnostics }));
        }
      }
      opts.progress?.tick(line.length + 1);
    }
  }
  await out.flush();
  opts.progress?.done();
}

/** Reduces `files` (absolute paths, in input order) to `out`. Returns the exit status (see jsonl.ts). */
export async function reduceShards(given: readonly string[], registry: RegistrySnapshot, out: LineWriter, opts: ReduceOptions): Promise<number> {
  let copies: string | undefined;
  try {
    const files = [...given];
    for (let s = 0; s < files.length; s++) {
      let st: fs.Stats;
      try {
        fs.accessSync(files[s], fs.constants.R_OK);
        st = fs.statSync(files[s]);
      } catch {
        opts.err(`attache: ${opts.names[s]}: cannot read this shard\n`);
        return 2;
      }
      if (st.isDirectory()) {
        opts.err(`attache: ${opts.names[s]}: is a folder, not a shard (name its .jsonl files)\n`);
        return 2;
      }
      // The passes read each shard three times; a pipe (`/dev/stdin`, `<(…)`) can be read once,
      // so it is copied to a temporary file first (else passes 2 and 3 would see nothing).
      if (!st.isFile()) {
        copies ??= fs.mkdtempSync(path.join(os.tmpdir(), 'attache-reduce-'));
        const copy = path.join(copies, `${s}.jsonl`);
        await pipeline(fs.createReadStream(files[s]), fs.createWriteStream(copy));
        files[s] = copy;
      }
    }
    return await reduceFiles(files, registry, out, opts);
  } finally {
    if (copies) fs.rmSync(copies, { recursive: true, force: true });
  }
}

async function reduceFiles(files: readonly string[], registry: RegistrySnapshot, out: LineWriter, opts: ReduceOptions): Promise<number> {
  let pass: Pass1;
  try {
    pass = await readClaims(files, opts.names, registry, opts);
  } catch (e) {
    if (!(e instanceof ShardError)) throw e;
    opts.err(`attache: ${e.message}; nothing was written\n`);
    return 2;
  }
  await writeLines(files, pass, out, opts);
  return pass.errorLines ? 1 : 0;
}
