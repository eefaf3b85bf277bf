/**
 * Reading Wikidata input files for `attache import wikidata`: entity JSON (`{"entities": …}`),
 * SPARQL results JSON, and the line-per-entity JSON dump, plain, gzip- or bzip2-compressed
 * (detected by content, not by name), from a file or standard input (`-`).
 *
 * A dump is streamed line by line and never held in memory: a line is parsed only when it
 * mentions one of the properties or classes the mapping reads (`dumpLineMayMatter`), and the
 * collector keeps a compact copy of what it needs. gzip is decompressed by `node:zlib`, bzip2 by
 * `bunzip2.ts` (Node has no bzip2 decompressor), both as the bytes arrive.
 */

import * as fs from 'node:fs';
import * as readline from 'node:readline';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { Bzip2CutOff, bunzip2 } from './bunzip2';
import { WikidataCollector, dumpLineMayMatter, entitiesFromSparql, isSparqlResults } from '../core/wikidata';

/** Largest whole-JSON input (entity JSON, SPARQL results); a dump has no limit. */
export const MAX_JSON_BYTES = 512 * 1024 * 1024;
/** Bad lines reported one by one before the rest are only counted. */
const MAX_LINE_REPORTS = 5;

export interface InputSummary {
  kind: 'entity JSON' | 'SPARQL results' | 'dump' | 'JSON list' | 'unknown';
  /** Entities read (before the collector's relevance filter, for dumps: lines parsed). */
  entities: number;
  lines: number;
}

/**
 * Reads one input into the collector. Problems that spoil the whole input (missing file, bzip2,
 * not JSON) are thrown as Error with a message naming the input; problems on single dump lines
 * are passed to `warn` and reading goes on.
 */
export async function readWikidataInput(input: string, collector: WikidataCollector, warn: (message: string) => void, stdin: NodeJS.ReadableStream = process.stdin): Promise<InputSummary> {
  const name = input === '-' ? 'standard input' : input;
  const { bytes, compression } = await decompressed(openInput(input, name, stdin), name);
  const summary: InputSummary = { kind: 'unknown', entities: 0, lines: 0 };
  let whole: string[] | null;
  try {
    whole = await readLines(bytes, name, collector, warn, summary);
  } catch (e) {
    throw readError(e, name, compression, summary.lines);
  }
  if (summary.kind === 'dump') return summary;
  if (!whole) throw new Error(`${name}: empty input`);
  let doc: unknown;
  try {
    doc = JSON.parse(whole.join('\n'));
  } catch (e) {
    throw new Error(`${name}: not valid JSON (${(e as Error).message})`);
  }
  return readDocument(name, doc, collector, warn, summary);
}

function openInput(input: string, name: string, stdin: NodeJS.ReadableStream): NodeJS.ReadableStream {
  if (input === '-') return stdin;
  let st: fs.Stats;
  try {
    st = fs.statSync(input);
  } catch {
    throw new Error(`${name}: no such file`);
  }
  if (!st.isFile()) throw new Error(`${name}: not a regular file`);
  return fs.createReadStream(input);
}

/** The input's bytes, decompressed when its first bytes say gzip or bzip2. */
async function decompressed(source: NodeJS.ReadableStream, name: string): Promise<{ bytes: NodeJS.ReadableStream; compression?: 'gzip' | 'bzip2' }> {
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  let first: Buffer;
  try {
    const r = await chunks.next();
    first = r.done ? Buffer.alloc(0) : Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value);
  } catch (e) {
    throw new Error(`${name}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  async function* all(): AsyncGenerator<Buffer> {
    yield first;
    for (let r = await chunks.next(); !r.done; r = await chunks.next()) yield Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value);
  }
  const bytes: NodeJS.ReadableStream = Readable.from(all());
  if (first.length >= 2 && first[0] === 0x1f && first[1] === 0x8b) {
    const gunzip = createGunzip();
    bytes.on('error', (e) => gunzip.destroy(e));
    return { bytes: bytes.pipe(gunzip), compression: 'gzip' };
  }
  if (first.length >= 4 && first.toString('latin1', 0, 3) === 'BZh' && first[3] >= 0x31 && first[3] <= 0x39) {
    // bzip2 (`BZh1`…`BZh9`): decompressed block by block (900 kB at most) as the bytes arrive.
    return { bytes: Readable.from(bunzip2(bytes as AsyncIterable<Buffer>)), compression: 'bzip2' };
  }
  return { bytes };
}

/**
 * Reads the lines: a dump (`[` first) goes to the collector line by line; anything else is
 * gathered whole (returned, to be parsed as one JSON document). Counts lines in `summary`.
 */
async function readLines(bytes: NodeJS.ReadableStream, name: string, collector: WikidataCollector, warn: (message: string) => void, summary: InputSummary): Promise<string[] | null> {
  const lines = readline.createInterface({ input: bytes, crlfDelay: Infinity });
  let whole: string[] | null = null;
  let wholeBytes = 0;
  let badLines = 0;
  for await (const raw of lines) {
    summary.lines++;
    const line = summary.lines === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (whole) {
      wholeBytes += line.length + 1;
      if (wholeBytes > MAX_JSON_BYTES) throw new Error(`${name}: a JSON document larger than ${MAX_JSON_BYTES / 1024 / 1024} MB; use the line-per-entity dump format for big inputs`);
      whole.push(line);
      continue;
    }
    const t = line.trim();
    if (summary.kind === 'unknown') {
      if (!t) continue;
      if (t === '[') {
        summary.kind = 'dump';
        continue;
      }
      whole = [line];
      wholeBytes = line.length;
      continue;
    }
    // Dump: one entity per line, a comma after each but the last, `]` on the last line.
    if (!t || t === ']') continue;
    if (!dumpLineMayMatter(t)) continue;
    const json = t.endsWith(',') ? t.slice(0, -1) : t;
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch (e) {
      if (++badLines <= MAX_LINE_REPORTS) warn(`${name}:${summary.lines}: not a JSON entity (${(e as Error).message}); line skipped`);
      continue;
    }
    summary.entities++;
    if (!collector.add(value, true) && ++badLines <= MAX_LINE_REPORTS) warn(`${name}:${summary.lines}: not a Wikidata item (no Q id); line skipped`);
  }
  if (badLines > MAX_LINE_REPORTS) warn(`${name}: ${badLines - MAX_LINE_REPORTS} more bad lines skipped`);
  return whole;
}

/** A failure while reading lines, as a message naming the input and how far it got. */
function readError(e: unknown, name: string, compression: 'gzip' | 'bzip2' | undefined, lines: number): Error {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') return new Error(`${name}: the gzip data is damaged or cut off after line ${lines} (${(e as Error).message})`);
  if (compression === 'bzip2' && !(e instanceof Error && e.message.startsWith(name))) {
    const where = lines ? `after line ${lines}` : 'before the first line';
    return new Error(e instanceof Bzip2CutOff ? `${name}: the bzip2 data is cut off ${where}` : `${name}: the bzip2 data is damaged ${where} (${e instanceof Error ? e.message : String(e)})`);
  }
  if (e instanceof Error && e.message.startsWith(name)) return e;
  return new Error(`${name}: cannot read after line ${lines} (${e instanceof Error ? e.message : String(e)})`);
}

function readDocument(name: string, doc: unknown, collector: WikidataCollector, warn: (m: string) => void, summary: InputSummary): InputSummary {
  if (isSparqlResults(doc)) {
    summary.kind = 'SPARQL results';
    const missing = ['person', 'position'].filter((v) => !doc.head.vars.includes(v));
    if (missing.length) throw new Error(`${name}: SPARQL results without the variable${missing.length > 1 ? 's' : ''} ${missing.map((v) => `?${v}`).join(', ')}; use the query in docs/wikidata.md`);
    const { entities, skippedRows } = entitiesFromSparql(doc);
    if (skippedRows.length) warn(`${name}: ${skippedRows.length} result row${skippedRows.length > 1 ? 's' : ''} without a person or position item skipped (first: row ${skippedRows[0]})`);
    for (const e of entities) collector.add(e);
    summary.entities = entities.length;
    return summary;
  }
  const entities = doc && typeof doc === 'object' && !Array.isArray(doc) ? (doc as { entities?: unknown }).entities : undefined;
  if (entities && typeof entities === 'object' && !Array.isArray(entities)) {
    summary.kind = 'entity JSON';
    for (const [key, value] of Object.entries(entities as Record<string, unknown>)) {
      if (value && typeof value === 'object' && 'missing' in value) warn(`${name}: ${key} does not exist on Wikidata (marked missing); skipped`);
      else if (collector.add(value)) summary.entities++;
      else warn(`${name}: entities.${key} is not a Wikidata item (no Q id); skipped`);
    }
    return summary;
  }
  if (Array.isArray(doc)) {
    summary.kind = 'JSON list';
    doc.forEach((value, i) => {
      if (collector.add(value)) summary.entities++;
      else warn(`${name}: item ${i + 1} of the list is not a Wikidata item (no Q id); skipped`);
    });
    return summary;
  }
  throw new Error(`${name}: JSON that is neither Wikidata entities ({"entities": …}), a dump, nor SPARQL results`);
}

