/**
 * `attache import wikidata [--out FILE] [--lang L[,L…]] [--merge] [--registry GLOB]... INPUT...`:
 * reads Wikidata entity JSON, dumps (plain or .gz) and SPARQL results (node/wikidataInput.ts),
 * maps them to registry entries (core/wikidata) and writes block-style YAML to standard output or
 * to FILE, or with `--merge` updates the registry files in place by exact text edits.
 *
 * Exit status: 0 ok (drift reports included), 2 bad usage, unreadable input, or a file that could
 * not be written. Nothing is written when an input cannot be read.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadRegistry } from '../core/registry';
import { LineIndex } from '../core/lines';
import { MapResult, WikidataCollector, mapEntities, mergeIntoRegistry, registryMatch, registryYaml } from '../core/wikidata';
import { FetchOptions, fetchWithReferences, qidFromInput } from '../node/wikidataFetch';
import { readTextFile, writeFileAtomic } from '../node/files';
import { readWikidataInput } from '../node/wikidataInput';
import { UsageError, eachArgument } from './args';
import { loadProject } from './project';

export const IMPORT_USAGE = `Usage:
  attache import wikidata [--out FILE] [--lang en[,fr,…]] [--merge] [--registry GLOB]... INPUT...

INPUT is Wikidata entity JSON (wbgetentities, Special:EntityData/Qxx.json), a JSON dump with one
entity per line (plain, gzip or bzip2, streamed), or
SPARQL results JSON from the query in docs/wikidata.md; - reads standard input. A QID (Q567) or a
Wikidata URL is fetched from the Wikidata API with the items it references (the only network use).

Without --merge the registry YAML goes to standard output, or to --out FILE (a new file).
With --merge, entities already in the registry (found by their wikidata id) are updated in place
without overwriting what is written there; differences are reported as wikidata-drift and recorded in the entry's provenance; new
entities are appended to --out FILE, else to the registry's registry.yaml or first file.
The import date recorded is today (UTC), or SOURCE_DATE_EPOCH when set.
`;

interface ImportArgs {
  inputs: string[];
  out?: string;
  langs: string[];
  merge: boolean;
  registry: string[];
}

function parseImportArgs(argv: string[]): ImportArgs {
  const a: ImportArgs = { inputs: [], langs: [], merge: false, registry: [] };
  if (argv[0] !== 'wikidata') throw new UsageError(argv[0] ? `unknown import source '${argv[0]}' (only wikidata)` : 'import needs a source: wikidata');
  eachArgument(argv, 1, (name, arg, value) => {
    if (name === '--out') a.out = value();
    else if (name === '--lang') a.langs.push(...value().split(',').map((l) => l.trim()).filter(Boolean));
    else if (name === '--merge') a.merge = true;
    else if (name === '--registry') a.registry.push(value());
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else a.inputs.push(arg);
  });
  if (!a.inputs.length) throw new UsageError('import wikidata needs at least one INPUT');
  if (a.inputs.filter((x) => x === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  for (const l of a.langs) if (!/^[a-z]{2,3}(?:-[a-z0-9]+)*$/i.test(l)) throw new UsageError(`--lang takes language codes such as en or pt-br, not '${l}'`);
  if (!a.langs.length) a.langs.push('en');
  return a;
}

/** Today as YYYY-MM-DD in UTC, or the day of SOURCE_DATE_EPOCH (reproducible builds' convention). */
export function importDate(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const ms = epoch && /^\d+$/.test(epoch) ? Number(epoch) * 1000 : Date.now();
  return new Date(ms).toISOString().slice(0, 10);
}

export interface ImportIo {
  cwd: string;
  out: (s: string) => void;
  err: (s: string) => void;
  stdin?: NodeJS.ReadableStream;
  date?: string;
  /** The Wikidata API address (tests point it at a local server). */
  api?: string;
  /** Timeouts and retries of the API requests (tests shorten them). */
  fetch?: Pick<FetchOptions, 'timeoutMs' | 'retries' | 'maxWaitMs' | 'sleep'>;
}

export async function importCommand(argv: string[], io: ImportIo): Promise<number> {
  let args: ImportArgs;
  try {
    args = parseImportArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`attache: ${e.message}\n\n${IMPORT_USAGE}`);
      return 2;
    }
    throw e;
  }
  const date = io.date ?? importDate();
  const collector = new WikidataCollector(args.langs);
  if (!(await collect(args, io, collector))) return 2;
  const header = [`Imported from Wikidata by \`attache import wikidata\` on ${date} (labels: ${args.langs.join(', ')}).`];
  if (args.merge) return merge(args, io, collector, date, header);

  const result = mapEntities(collector.entities(), { langs: args.langs, imported: date });
  const yaml = registryYaml(result.entries, header);
  if (!args.out) {
    io.out(yaml);
    io.err(`attache: ${summary(result)}\n`);
    return 0;
  }
  return writeNew(args.out, io, yaml, result);
}

/**
 * Reads every input into the collector: files (or `-`), and QIDs or Wikidata URLs that are not
 * files here, fetched from the API. False (reported) when one cannot be read or fetched.
 */
async function collect(args: ImportArgs, io: ImportIo, collector: WikidataCollector): Promise<boolean> {
  const fetchIds: string[] = [];
  for (const input of args.inputs) {
    const qid = qidFromInput(input);
    if (qid && !fs.existsSync(path.resolve(io.cwd, input))) {
      fetchIds.push(qid);
      continue;
    }
    try {
      const s = await readWikidataInput(input === '-' ? '-' : path.resolve(io.cwd, input), collector, (m) => io.err(`attache: ${m}\n`), io.stdin);
      io.err(`attache: ${input}: ${s.kind}, ${s.entities} entit${s.entities === 1 ? 'y' : 'ies'} read\n`);
    } catch (e) {
      io.err(`attache: ${e instanceof Error ? e.message : String(e)}\nattache: nothing was written\n`);
      return false;
    }
  }
  if (fetchIds.length) {
    try {
      await fetchWithReferences(fetchIds, collector, args.langs, (m) => io.err(`attache: ${m}\n`), { api: io.api, ...io.fetch });
    } catch (e) {
      io.err(`attache: ${e instanceof Error ? e.message : String(e)}\nattache: nothing was written\n`);
      return false;
    }
  }
  return true;
}

/** `--out` without `--merge`: a new file, never one that exists. */
function writeNew(out: string, io: ImportIo, yaml: string, result: MapResult): number {
  const file = path.resolve(io.cwd, out);
  if (fs.existsSync(file)) {
    io.err(`attache: ${out}: already exists; add --merge to update it, or choose another --out\nattache: nothing was written\n`);
    return 2;
  }
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, yaml);
  } catch (e) {
    io.err(`attache: ${out}: cannot write (${e instanceof Error ? e.message : String(e)})\n`);
    return 2;
  }
  io.err(`attache: wrote ${out}: ${summary(result)}\n`);
  return 0;
}

function summary(r: MapResult): string {
  const c = r.counts;
  const parts = ([['person', 'persons'], ['office', 'offices'], ['country', 'countries'], ['organization', 'organizations'], ['place', 'places']] as const)
    .filter(([k]) => c[k]).map(([k, plural]) => `${c[k]} ${c[k] === 1 ? k : plural}`);
  return `${parts.join(', ') || 'no entities'}${c.stubs ? ` (${c.stubs} stub${c.stubs === 1 ? '' : 's'} for entities referenced but not in the input)` : ''}`;
}

async function merge(args: ImportArgs, io: ImportIo, collector: WikidataCollector, date: string, header: string[]): Promise<number> {
  const project = loadProject({ cwd: io.cwd, paths: [], registryGlobs: args.registry });
  for (const e of project.errors) io.err(`attache: ${e}\n`);
  if (project.errors.length) {
    io.err('attache: nothing was written\n');
    return 2;
  }
  const files: { path: string; text: string }[] = [];
  for (const f of project.registryFiles) {
    const r = readTextFile(f);
    if (r.ok) files.push({ path: f, text: r.text });
  }
  const target = mergeTarget(args.out, io, files);
  if (!target) return 2;
  const snapshot = loadRegistry(files);
  const match = registryMatch(snapshot.entities.values(), (id, label, form, type) =>
    io.err(`attache: '${id}' has no wikidata id; taken to be the same as Wikidata's '${label}' (same ${type} name '${form}')\n`));
  const result = mapEntities(collector.entities(), { langs: args.langs, imported: date, ...match });
  const merged = mergeIntoRegistry(files, result.entries, target, header);
  for (const p of merged.problems) io.err(`attache: ${p}\n`);
  const textOf = new Map(files.map((f) => [f.path, f.text]));
  for (const d of merged.drifts) {
    const [line, col] = position(textOf.get(d.path) ?? '', d.offset);
    io.err(`${display(io.cwd, d.path)}:${line}:${col}: information wikidata-drift: ${d.id}: ${d.message}\n`);
  }
  // The merged files must still read as a registry: a merge that would break one writes nothing.
  const after = loadRegistry(files.map((f) => ({ path: f.path, text: merged.texts.get(f.path) ?? f.text })).concat(files.some((f) => f.path === target.path) ? [] : [{ path: target.path, text: merged.texts.get(target.path) ?? target.text }]));
  const broken = [...merged.texts.keys()].filter((p) => after.files.get(p)?.findings.some((f) => f.code === 'registry-syntax'));
  if (broken.length) {
    io.err(`attache: the merge would leave ${broken.map((p) => display(io.cwd, p)).join(', ')} unreadable; nothing was written (please report this)\n`);
    return 2;
  }
  if (!writeMerged(io, merged.texts, (file) => textOf.get(file) ?? (file === target.path ? target.text : ''))) return 2;
  io.err(`attache: merged: ${merged.updated.length} updated, ${merged.added.length} added${merged.added.length ? ` to ${display(io.cwd, target.path)}` : ''}, ${merged.drifts.length} difference${merged.drifts.length === 1 ? '' : 's'} kept as written\n`);
  return 0;
}

/**
 * The registry file that receives new entities: `--out` (read if it exists; pushed onto `files`
 * when it is not a registry file already), else `registry.yaml` or the first registry file.
 * Undefined (reported) when `--out` exists but cannot be read.
 */
function mergeTarget(out: string | undefined, io: ImportIo, files: { path: string; text: string }[]): { path: string; text: string } | undefined {
  if (!out) return files.find((f) => path.basename(f.path) === 'registry.yaml') ?? files[0] ?? { path: path.resolve(io.cwd, 'registry.yaml'), text: '' };
  const file = path.resolve(io.cwd, out);
  const known = files.find((f) => f.path === file);
  if (known) return known;
  if (!fs.existsSync(file)) return { path: file, text: '' };
  const r = readTextFile(file);
  if (!r.ok) {
    io.err(`attache: ${r.error}\nattache: nothing was written\n`);
    return undefined;
  }
  const target = { path: file, text: r.text };
  files.push(target);
  return target;
}

/** Writes the merged texts, each only if its file on disk is still the text the merge read. False (reported) at the first that is not, or cannot be written. */
function writeMerged(io: ImportIo, texts: Map<string, string>, before: (file: string) => string): boolean {
  for (const [file, text] of texts) {
    const now = fs.existsSync(file) ? readTextFile(file) : { ok: true as const, text: '' };
    if (!now.ok || now.text !== before(file)) {
      io.err(`attache: ${display(io.cwd, file)}: changed on disk while importing; not written (run the import again)\n`);
      return false;
    }
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      writeFileAtomic(file, text);
    } catch (e) {
      io.err(`attache: ${display(io.cwd, file)}: cannot write (${e instanceof Error ? e.message : String(e)})\n`);
      return false;
    }
  }
  return true;
}

function display(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel.split(path.sep).join('/') : file;
}

function position(text: string, offset: number): [number, number] {
  const { line, character } = new LineIndex(text).position(offset);
  return [line + 1, character + 1];
}
