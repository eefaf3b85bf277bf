/**
 * The `attache` command (spec §5): `analyze`, `check`, `export`, `suggest` and `timeline`. Parses arguments, loads the
 * project from disk, prints one of the report formats and sets the exit status:
 * 0 ok, 1 (check) an error-severity diagnostic, 2 bad usage or unreadable input.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits } from '../core/edits';
import { CoreSettings, NumericOrder, TextEdit } from '../core/types';
import { readTextFile, writeFileAtomic } from '../node/files';
import { UsageError, eachArgument, numericOrderArg } from './args';
import { exportBrat, exportJsonl, exportJsonlFiles, exportW3c, writeExport } from './export';
import { Project, ProjectInputs, folderListings, loadInputs, loadProject } from './project';
import { analyzeJson, analyzeText, checkJson, displayPath, fileReports, reportedArticle, textReport } from './report';
import { ByteSink, writeJson } from './jsonWrite';
import { sarifLog } from './sarif';
import { IMPORT_USAGE, importCommand } from './importWikidata';
import { JSONL_USAGE, isJsonlCommand, jsonlCommand } from './jsonl';
import { Progress, ProgressStream } from './progress';
import { TIMELINE_FORMATS, checkToday, runTimeline } from './timeline';
import { ARTICLE_BATCH, Keep, RunCollector, processArticles, runContext } from './pipeline';
import { paragraphDigest } from './claims';
import { summarize } from '../core/workspace';
import { analyzeInWorkers, articleBytes, defaultJobs, mayUseWorkers } from './jobs';
import { startWorkers, stopWorkers, workerScript } from '../node/workers';
import { runSuggest } from './suggest';
import { SpillError, SpillFile } from './spill';
import { crossArticleFile } from './crossArticle';

const VERSION = '0.1.0';

const USAGE = `Usage:
  attache analyze [--registry GLOB]... [--json] [--jobs N] [--numeric-order auto|mdy|dmy] PATH...
  attache check [--registry GLOB]... [--format text|json|sarif] [--fix] [--jobs N] [--numeric-order auto|mdy|dmy] PATH...
  attache export --format jsonl|brat|w3c [--registry GLOB]... [--out DIR] [--force] [--numeric-order auto|mdy|dmy] PATH...
  attache suggest [--registry GLOB]... [--format text|json] [--min-count N] [--min-confidence X] PATH...
  attache import wikidata [--out FILE] [--lang en[,fr,…]] [--merge] INPUT...   (see import --help)
${JSONL_USAGE}
  attache timeline --format timelinejs|svg [--registry GLOB]... [--out FILE] [--force]
                   [--today YYYY-MM-DD] [--entity ID] PATH...
  attache --help | --version

PATH is an article file (any extension) or a folder (articles found by the attache.articles
default globs: **/*.article, **/articles/**/*.txt, **/articles/**/*.md).
Without --registry, registry files (registry.yaml, registry/**/*.yaml) are found in the current
folder and in the nearest folder above each PATH that has them.

--numeric-order (the setting attache.dates.numericOrder) reads dates like 03/04/2025: mdy month
first, dmy day first, auto (default) as the article's unambiguous ones (13/02/2025) show, else
month first, marked uncertain.

suggest lists the unknown names of the articles, most frequent first, with their guessed type,
example sentences (path:line:col) and the offices mentioned next to them (the date of the
sentence as a start hint for the role); --min-count N leaves out names mentioned fewer times.

--min-confidence X (0 to 1, the setting attache.unknownNames.minConfidence, default 0.5) reports
an unknown name only when the guess that it is a name is at least that sure (analyze, check,
export, suggest).

Names listed in attache.ignore.yaml (found in the current folder or the nearest folder above each
PATH; --ignore FILE names others) are never unknown names.

--jobs N analyzes the articles on N threads, this one and N − 1 worker threads (default: the
cores available, fewer for a small run: about 12 MB of articles plus 110 bytes per registry
entity for each thread beyond the first, and only cores other processes leave idle by the load
average); the output is the same whatever N. --fix runs on one thread.

export never overwrites an input file, and overwrites an existing file only with --force.

analyze --jsonl reads {"id", "text", "date"?} lines on standard input and writes one result line
per input line, in order. With --emit-claims it is the map step of a sharded run: reduce merges
the shards' outputs (in input order) into what one analyze --jsonl gives.
analyze --jsonl --jobs N analyzes the lines on N threads, the output the same (default: the
same rule, from the input's size so far).
A progress line is shown on standard error when it is a terminal; --quiet turns it off.

timeline draws the offices and events the articles mention: holders' tenures from the registry
(open-ended ones up to --today, default today in UTC), event dates, each dated mention at the
date its sentence refers to, and role-conflict / event-date-conflict findings flagged with their
message. --format timelinejs writes TimelineJS JSON, --format svg a standalone SVG image;
--entity ID keeps one person's (office's, event's) timeline. Standard output without --out.

Exit status: 0 ok; 1 (check) when a diagnostic has severity error; 2 bad usage, unreadable input
or a file that could not be written.
`;

interface Args {
  command: string;
  paths: string[];
  registry: string[];
  json: boolean;
  format: string;
  fix: boolean;
  force: boolean;
  out?: string;
  quiet: boolean;
  today?: string;
  entity?: string;
  numericOrder: NumericOrder;
  /** Threads for the articles; undefined: `defaultJobs()` (the cores available, as many as the articles keep busy, only idle ones). */
  jobs?: number;
  /** suggest: leave out names mentioned fewer times. */
  minCount: number;
  /** `attache.unknownNames.minConfidence`. */
  minConfidence?: number;
  /** `--ignore FILE`: ignore files instead of the discovered `attache.ignore.yaml`. */
  ignore?: string[];
}

function parseArgs(argv: string[]): Args {
  const a: Args = { command: '', paths: [], registry: [], json: false, format: 'text', fix: false, force: false, quiet: false, numericOrder: 'auto', minCount: 1 };
  eachArgument(argv, 0, (name, arg, value) => {
    if (name === '--registry') a.registry.push(value());
    else if (name === '--json') a.json = true;
    else if (name === '--format') a.format = value();
    else if (name === '--fix') a.fix = true;
    else if (name === '--force') a.force = true;
    else if (name === '--out') a.out = value();
    else if (name === '--quiet' || name === '-q') a.quiet = true;
    else if (name === '--today') a.today = checkToday(value());
    else if (name === '--entity') a.entity = value();
    else if (name === '--numeric-order') a.numericOrder = numericOrderArg(value());
    else if (name === '--min-count') {
      const v = value();
      if (!/^[1-9][0-9]{0,8}$/.test(v)) throw new UsageError(`--min-count needs a whole number of mentions from 1, not '${v}'`);
      a.minCount = Number(v);
    } else if (name === '--min-confidence') {
      const v = value();
      if (!/^(?:0(?:\.\d+)?|1(?:\.0+)?|\.\d+)$/.test(v)) throw new UsageError(`--min-confidence needs a number from 0 to 1, not '${v}'`);
      a.minConfidence = Number(v);
    } else if (name === '--ignore') (a.ignore ??= []).push(value());
    else if (name === '--jobs') {
      const v = value();
      if (!/^[1-9][0-9]{0,3}$/.test(v)) throw new UsageError(`--jobs needs a whole number of threads from 1 to 9999, not '${v}'`);
      a.jobs = Number(v);
    }
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else if (!a.command) a.command = arg;
    else a.paths.push(arg);
  });
  return a;
}

/**
 * Where a command's output goes. With `bytes`, the JSON reports are handed there as UTF-8 chunks
 * (`writeJson`), the parts a temporary file holds copied without being decoded and encoded again.
 */
type Out = ((s: string) => void) & { bytes?: ByteSink };

/** Standard output, as strings or as bytes. */
const stdout: Out = Object.assign((s: string) => void process.stdout.write(s), { bytes: (b: Uint8Array) => void process.stdout.write(b) });

/**
 * The bytes of a JSON report for `out`: its own `bytes`, else decoded into text for it (the
 * same document; the tests' `out` take strings). `end` passes on what a last chunk left pending.
 */
function byteSink(out: Out): { sink: ByteSink; end: () => void } {
  if (out.bytes) return { sink: out.bytes, end: () => undefined };
  const d = new TextDecoder();
  return {
    sink: (b) => {
      const s = d.decode(b, { stream: true });
      if (s) out(s);
    },
    end: () => {
      const s = d.decode();
      if (s) out(s);
    },
  };
}

/** `writeJson` of a report to `out`, as bytes (`byteSink`), with its final line break. */
function writeReport(doc: unknown, out: Out): void {
  const { sink, end } = byteSink(out);
  writeJson(doc, out, '', sink);
  end();
  out('\n');
}

/**
 * The CLI in this process (the API the tests call): synchronous, so the articles are analyzed on
 * this thread whatever `--jobs` says; the output is the same. `runCli` honours `--jobs`.
 * `progress` is where the progress line goes (shown only if it is a terminal).
 */
export function main(argv: string[], cwd = process.cwd(), out: Out = stdout, err: Out = (s) => process.stderr.write(s), progress?: ProgressStream): number {
  const args = parseCommand(argv, out, err);
  if (typeof args === 'number') return args;
  if (args.command === 'export' || args.command === 'timeline' || args.fix) return withProject(args, cwd, out, err, progress);
  const inputs = loadInputs(inputOptions(args, cwd));
  const bar = Progress.on(progress, args.quiet, { articles: inputs.articleFiles.length });
  if (args.command === 'suggest') return runSuggest(inputs, suggestArgs(args), out, err, bar);
  return withRunFiles(args, inputs.articleFiles.length, err, ({ spill, cross }) => {
    const run = analyzeHere(inputs, keepFor(args, inputs.cwd), bar, spill, cross);
    bar?.done();
    return report(args, inputs, run, out, err);
  });
}

/** The CLI as the `attache` command runs it: `check` and `analyze` use `--jobs` worker threads. */
export async function runCli(argv: string[], cwd = process.cwd(), out: Out = stdout, err: Out = (s) => process.stderr.write(s), progress?: ProgressStream): Promise<number> {
  const args = parseCommand(argv, out, err);
  if (typeof args === 'number') return args;
  if (args.command === 'export' || args.command === 'timeline' || args.fix) return withProject(args, cwd, out, err, progress);
  // Without the worker script (a partial install), the articles are analyzed here: same output.
  const wanted = args.command === 'suggest' || !fs.existsSync(workerScript()) ? 1 : args.jobs ?? (mayUseWorkers(args.paths, cwd) ? defaultJobs(Infinity, 0) : 1);
  // The worker threads start now, so that their start overlaps reading the registry (those the
  // run turns out not to need are stopped).
  const started = wanted > 1 ? startWorkers(wanted - 1) : [];
  let inputs: ProjectInputs;
  try {
    inputs = loadInputs(inputOptions(args, cwd));
  } catch (e) {
    stopWorkers(started);
    throw e;
  }
  if (args.command === 'suggest') return runSuggest(inputs, suggestArgs(args), out, err, Progress.on(progress, args.quiet, { articles: inputs.articleFiles.length }));
  const jobs = Math.min(wanted, args.jobs === undefined && wanted > 1 ? defaultJobs(articleBytes(inputs.articleFiles), inputs.registry.entities.size) : wanted, inputs.articleFiles.length);
  const bar = Progress.on(progress, args.quiet, { articles: inputs.articleFiles.length });
  return withRunFiles(args, inputs.articleFiles.length, err, async ({ spill, cross }) => {
    try {
      let run: RunCollector;
      if (jobs <= 1) {
        stopWorkers(started);
        run = analyzeHere(inputs, keepFor(args, inputs.cwd), bar, spill, cross);
      } else {
        const collector = collectorFor(inputs, spill, cross);
        await analyzeInWorkers(inputs, jobs, keepFor(args, inputs.cwd), (o) => {
          collector.add(o);
          bar?.tick(o.chars);
        }, started);
        run = collector;
      }
      bar?.done();
      return report(args, inputs, run, out, err);
    } catch (e) {
      stopWorkers(started);
      throw e;
    }
  });
}

interface RunFiles {
  spill?: SpillFile;
  cross?: SpillFile;
}

/**
 * Runs `run` with the run's temporary files (each article's output for `analyze --json`, the
 * cross-article records of a big run), closed (and so gone) however it ends. A temporary file
 * that could not be written gives the message and exit status 2 (`spillFailed`). One place for
 * `main` and `runCli`, synchronous or not.
 */
function withRunFiles(args: Args, articles: number, err: Out, run: (f: RunFiles) => number): number;
function withRunFiles(args: Args, articles: number, err: Out, run: (f: RunFiles) => Promise<number>): Promise<number>;
function withRunFiles(args: Args, articles: number, err: Out, run: (f: RunFiles) => number | Promise<number>): number | Promise<number> {
  const files: RunFiles = { spill: spillFor(args), cross: crossArticleFile(articles) };
  const close = (): void => {
    files.spill?.close();
    files.cross?.close();
  };
  let result: number | Promise<number>;
  try {
    result = run(files);
  } catch (e) {
    close();
    return spillFailed(e, err);
  }
  if (typeof result === 'number') {
    close();
    return result;
  }
  return result.catch((e: unknown) => spillFailed(e, err)).finally(close);
}

/**
 * `analyze --json` keeps each article's mentions and findings in a temporary file until the
 * document is written (#14 item 5). If none can be made, they stay in memory: the same output.
 */
function spillFor(args: Args): SpillFile | undefined {
  if (args.command !== 'analyze' || !args.json) return undefined;
  try {
    return new SpillFile();
  } catch {
    return undefined;
  }
}

/** A temporary file that could not be written (a full disk): said, exit status 2. Anything else is thrown again. */
function spillFailed(e: unknown, err: Out): number {
  if (!(e instanceof SpillError)) throw e;
  err(`attache: ${e.message}\n`);
  return 2;
}

function settingsOf(args: Args): CoreSettings {
  return { numericOrder: args.numericOrder, ...(args.minConfidence !== undefined ? { unknownMinConfidence: args.minConfidence } : {}) };
}

/** `suggest --json` is `--format json`, as for analyze. */
function suggestArgs(args: Args): Args {
  return args.json ? { ...args, format: 'json' } : args;
}

/** What `loadInputs` and `loadProject` need from the arguments. */
function inputOptions(args: Args, cwd: string): { cwd: string; paths: string[]; registryGlobs: string[]; settings: CoreSettings; ignoreFiles?: string[] } {
  return { cwd, paths: args.paths, registryGlobs: args.registry, settings: settingsOf(args), ...(args.ignore ? { ignoreFiles: args.ignore } : {}) };
}

/** Reads the arguments; a number is the exit status of a run that ends here (help, version, bad usage). */
function parseCommand(argv: string[], out: Out, err: Out): Args | number {
  try {
    if (argv.includes('--help') || argv.includes('-h')) {
      out(USAGE);
      return 0;
    }
    if (argv.includes('--version')) {
      out(`attache ${VERSION}\n`);
      return 0;
    }
    const args = parseArgs(argv);
    if (!['analyze', 'check', 'export', 'suggest', 'timeline'].includes(args.command)) throw new UsageError(args.command ? `unknown command '${args.command}'` : 'missing command');
    if (!args.paths.length) throw new UsageError(`${args.command} needs at least one PATH`);
    if (args.command === 'timeline') {
      if (!TIMELINE_FORMATS.includes(args.format)) throw new UsageError(`timeline needs --format timelinejs or svg${args.format === 'text' ? '' : `, not '${args.format}'`}`);
    } else if (args.today || args.entity) throw new UsageError(`${args.today ? '--today' : '--entity'} only goes with timeline`);
    else if (args.command === 'export') {
      if (!['jsonl', 'brat', 'w3c'].includes(args.format)) throw new UsageError(`export needs --format jsonl, brat or w3c${args.format === 'text' ? '' : `, not '${args.format}'`}`);
      if (args.format === 'brat' && !args.out) throw new UsageError('export --format brat needs --out DIR');
    } else if (args.command === 'suggest') {
      if (!['text', 'json'].includes(args.format)) throw new UsageError(`suggest --format must be text or json, not '${args.format}'`);
    } else if (!['text', 'json', 'sarif'].includes(args.format)) throw new UsageError(`--format must be text, json or sarif, not '${args.format}'`);
    if (args.out && args.command !== 'export' && args.command !== 'timeline') throw new UsageError('--out only goes with export and timeline');
    if (args.fix && args.command !== 'check') throw new UsageError('--fix only goes with check');
    if (args.force && args.command !== 'export' && args.command !== 'timeline') throw new UsageError('--force only goes with export and timeline');
    if (args.jobs !== undefined && args.command !== 'check' && args.command !== 'analyze') throw new UsageError('--jobs only goes with check and analyze');
    if (args.minCount !== 1 && args.command !== 'suggest') throw new UsageError('--min-count only goes with suggest');
    return args;
  } catch (e) {
    if (e instanceof UsageError) {
      err(`attache: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

/** What the report of `check` or `analyze` in this format reads of each article besides its findings. */
function keepFor(args: Args, cwd: string): Keep {
  const analyze = args.command === 'analyze';
  const json = analyze ? args.json : args.format === 'json';
  return { text: analyze ? !args.json : args.format !== 'json', mentions: analyze, ...(json ? { json: cwd } : {}) };
}

/** Every article analyzed on this thread, in input order. */
function analyzeHere(inputs: ProjectInputs, keep: Keep, bar: Progress | null, spill?: SpillFile, cross?: SpillFile): RunCollector {
  const ctx = runContext(inputs.registry, inputs.settings);
  const exists = folderListings();
  const run = collectorFor(inputs, spill, cross);
  const files = inputs.articleFiles;
  for (let i = 0; i < files.length; i += ARTICLE_BATCH) {
    for (const o of processArticles(files.slice(i, i + ARTICLE_BATCH), ctx, exists, keep)) {
      run.add(o);
      bar?.tick(o.chars);
    }
  }
  return run;
}

/** The run's collector; with `cross`, its cross-article checks are made on disk (cli/crossArticle.ts). */
function collectorFor(inputs: ProjectInputs, spill?: SpillFile, cross?: SpillFile): RunCollector {
  return new RunCollector(inputs.registry, [...inputs.errors], spill, cross && { file: cross, articles: inputs.articleFiles.length });
}

/** `export`, `timeline` and `check --fix`, which need the full analyses: loaded on this thread. */
function withProject(args: Args, cwd: string, out: Out, err: Out, progress?: ProgressStream): number {
  const settings = settingsOf(args);
  let bar: Progress | null = null;
  let project = loadProject({
    ...inputOptions(args, cwd), settings,
    onArticles: (total) => (bar = Progress.on(progress, args.quiet, { articles: total })),
    onArticle: (chars) => bar?.tick(chars),
  });
  (bar as Progress | null)?.done();
  for (const e of project.errors) err(`attache: ${e}\n`);
  let writeFailed = false;
  if (args.fix) {
    const r = applySafeFixes(project, err);
    writeFailed = r.failed;
    if (r.changed) project = loadProject({ ...inputOptions(args, cwd), settings });
  }
  if (args.command === 'export') return runExport(project, args, out, err);
  if (args.command === 'timeline') return runTimeline(project, args, out, err);
  // The errors were printed above; `report` prints none again.
  const run = new RunCollector(project.registry, []);
  for (const a of project.articles) run.add({ article: { report: reportedArticle(a.file, a.text, a.analysis, a), summary: summarize(a.analysis, paragraphDigest) }, errors: [], chars: a.text.length });
  const code = report(args, { ...project, articleFiles: [], errors: [] }, run, out, err);
  return project.errors.length || writeFailed ? 2 : code;
}

/** Prints the read errors and the report of `check` or `analyze`; returns the exit status. */
function report(args: Args, inputs: ProjectInputs, run: RunCollector, out: Out, err: Out): number {
  run.flush();
  const { errors, articles } = run;
  for (const e of errors) err(`attache: ${e}\n`);
  const input = { cwd: inputs.cwd, registry: inputs.registry, articles, ignoreFiles: inputs.ignoreFiles };
  const reports = fileReports(input, run.workspaceFindings(inputs.settings));
  if (args.command === 'analyze') {
    if (!args.json) out(analyzeText(input, reports));
    else {
      // In pieces: the document of a large article is never one string (issue #14, item 5).
      writeReport(analyzeJson(input, reports), out);
    }
    return errors.length ? 2 : 0;
  }
  if (args.format === 'json') {
    writeReport(checkJson(input, reports), out);
  } else if (args.format === 'sarif') out(JSON.stringify(sarifLog(inputs.cwd, reports, VERSION), null, 2) + '\n');
  else out(textReport(input, reports));
  if (errors.length) return 2;
  return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

function runExport(project: Project, args: Args, out: (s: string) => void, err: (s: string) => void): number {
  if (!args.out) {
    if (args.format === 'jsonl') out(exportJsonl(project));
    // W3C without --out: the collections on standard output, one JSON document (an array).
    else out(JSON.stringify(exportW3c(project).map(([, doc]) => doc), null, 2) + '\n');
    return project.errors.length ? 2 : 0;
  }
  const files: [string, string][] =
    args.format === 'brat' ? exportBrat(project)
    : args.format === 'jsonl' ? exportJsonlFiles(project)
    : exportW3c(project).map(([name, doc]) => [name, JSON.stringify(doc, null, 2) + '\n']);
  const dir = path.resolve(project.cwd, args.out);
  const refused = refusedOutputs(project, dir, files, args.force);
  if (refused.length) {
    for (const m of refused) err(`attache: ${m}\n`);
    err('attache: nothing was written\n');
    return 2;
  }
  try {
    const written = writeExport(dir, files);
    err(`attache: wrote ${written.length} file${written.length === 1 ? '' : 's'} to ${args.out}\n`);
  } catch (e) {
    err(`attache: ${args.out}: cannot write (${String(e)})\n`);
    return 2;
  }
  return project.errors.length ? 2 : 0;
}

/**
 * Output files that must not be written: an input of this run (an article, its sidecar, a registry
 * file) whatever `--force` says, and an existing file unless `--force`. Checked for every file
 * before any is written, so a refused export leaves the folder as it was.
 */
function refusedOutputs(project: Project, dir: string, files: [string, string][], force: boolean): string[] {
  const real = (p: string): string => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const inputs = new Set<string>();
  for (const a of project.articles) {
    inputs.add(real(a.file));
    if (a.sidecar) inputs.add(real(a.sidecar.file));
  }
  for (const f of project.registryFiles) inputs.add(real(f));
  const out: string[] = [];
  for (const [name] of files) {
    const p = path.join(dir, name);
    if (inputs.has(real(p))) out.push(`${p}: is an input of this export; refusing to overwrite it (choose another --out)`);
    else if (!force && fs.existsSync(p)) out.push(`${p}: already exists; add --force to overwrite it`);
  }
  return out;
}

/**
 * Applies the fixes marked safe (e.g. deleting duplicated runs) to each article. The file is read
 * again just before writing: if it changed since it was analyzed (the user saved meanwhile), it is
 * skipped and reported, so a user's edit is never overwritten. Writes keep the BOM, the mode and
 * symbolic links (see writeFileAtomic).
 */
export function applySafeFixes(project: Project, err: (s: string) => void): { changed: boolean; failed: boolean } {
  let changed = false;
  let failed = false;
  for (const a of project.articles) {
    const edits: TextEdit[] = [];
    for (const f of a.analysis.findings) for (const fix of f.fixes ?? []) if (fix.safe) edits.push(...fix.edits.filter((e) => !e.path || e.path === a.file));
    if (!edits.length) continue;
    const r = applyEdits(a.text, edits);
    if (r.text === a.text) continue;
    const name = displayPath(project.cwd, a.file);
    const now = readTextFile(a.file);
    if (!now.ok || now.text !== a.text) {
      err(`attache: ${name}: changed on disk since it was read; not fixed (run check --fix again)\n`);
      failed = true;
      continue;
    }
    try {
      writeFileAtomic(a.file, r.text, { bom: a.bom });
      changed = true;
      err(`attache: fixed ${name} (${r.applied.length} edit${r.applied.length === 1 ? '' : 's'})\n`);
    } catch (e) {
      failed = true;
      err(`attache: ${name}: could not write the fix (${e instanceof Error ? e.message : String(e)}); the file is unchanged\n`);
    }
  }
  return { changed, failed };
}

/** The size of standard input when it is a regular file (`< corpus.jsonl`), for the progress line's ETA. */
function stdinFileSize(): number | undefined {
  try {
    const st = fs.fstatSync(0);
    return st.isFile() ? st.size : undefined;
  } catch {
    return undefined;
  }
}

/** Runs the CLI on this process's arguments and sets its exit status; never throws. */
export function run(): void {
  // A reader that stops early (`attache analyze --json . | head`) ends the run quietly, as for any
  // Unix filter, whatever the command (Node ignores SIGPIPE: the write fails with EPIPE instead).
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
  // `import`, `analyze --jsonl` and `reduce` stream their inputs: they are the asynchronous commands.
  if (process.argv[2] === 'import') {
    const argv = process.argv.slice(3);
    if (argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(IMPORT_USAGE);
      return;
    }
    importCommand(argv, { cwd: process.cwd(), out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }).then(
      (code) => (process.exitCode = code),
      (e) => {
        process.stderr.write(`attache: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
        process.exitCode = 2;
      },
    );
    return;
  }
  if (isJsonlCommand(process.argv.slice(2))) {
    const io = { cwd: process.cwd(), stdin: process.stdin, stdout: process.stdout, err: (s: string) => void process.stderr.write(s), progress: process.stderr, inputBytes: stdinFileSize() };
    jsonlCommand(process.argv.slice(2), io, USAGE).then(
      (code) => (process.exitCode = code),
      (e) => {
        process.stderr.write(`attache: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
        process.exitCode = 2;
      },
    );
    return;
  }
  runCli(process.argv.slice(2), process.cwd(), undefined, undefined, process.stderr).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`attache: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}

if (require.main === module) run();
