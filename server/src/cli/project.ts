/**
 * Loading what the CLI works on: the article files named on the command line (or found in the
 * folders named there) and the registry files that go with them, read from disk, analyzed with
 * the core, and joined in the workspace index for the cross-article checks.
 *
 * Registry discovery without `--registry` follows the extension: a registry belongs to a folder
 * (`registry.yaml` or `registry/**\/*.yaml` inside it). For each PATH the CLI walks up from it
 * (from the file's folder for a file) to the first folder that has one, and also looks in the
 * current folder. With `--registry GLOB`, exactly the files matching the globs (relative to the
 * current folder, or absolute paths) are used.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { AnalysisContext, ArticleAnalysis, analyzeArticle } from '../core/analyze';
import { DateScanner } from '../core/dates';
import { CheckScratch } from '../core/checks/scratch';
import { sidecarPath } from '../core/annotations';
import { buildEntityIndex } from '../core/entities';
import { RegistryStore } from '../core/registry';
import { IGNORE_FILE, IgnoreList, parseIgnoreFile } from '../core/ignore';
import { CoreSettings, EntityType, Finding, RegistrySnapshot } from '../core/types';
import { DEFAULT_ARTICLE_GLOBS, DEFAULT_REGISTRY_GLOBS, findFiles, globMatcher, readTextFile } from '../node/files';

export interface LoadedArticle {
  /** Absolute path. */
  file: string;
  text: string;
  /** The file began with a UTF-8 BOM (kept when --fix writes it back). */
  bom?: boolean;
  analysis: ArticleAnalysis;
  /** The annotation sidecar beside the article (`X.annotations.yaml`), when there is one. */
  sidecar?: { file: string; text: string };
}

export interface Project {
  cwd: string;
  registryFiles: string[];
  registry: RegistrySnapshot;
  articles: LoadedArticle[];
  /** Files that could not be read or found, with a message naming them. */
  errors: string[];
  settings: CoreSettings;
  /** The `attache.ignore.yaml` files in use (their names are in `settings.ignore`). */
  ignoreFiles: IgnoreFileReport[];
}

/** An ignore file read for a run, with its problems (offsets in `text`). */
export interface IgnoreFileReport {
  /** Absolute path. */
  file: string;
  text: string;
  findings: Finding[];
}

export interface LoadOptions {
  cwd: string;
  paths: string[];
  registryGlobs: string[];
  settings?: CoreSettings;
  /** `--ignore FILE`: these ignore files instead of the `attache.ignore.yaml` found beside the PATHs. */
  ignoreFiles?: string[];
  /** Called once the article files are known, with their number (for a progress line). */
  onArticles?: (total: number) => void;
  /** Called after each article is analyzed, with the length of its text. */
  onArticle?: (chars: number) => void;
}

/** What a run works on before any article is analyzed: the article files, the registry, the errors so far. */
export interface ProjectInputs {
  cwd: string;
  registryFiles: string[];
  registry: RegistrySnapshot;
  /** Absolute paths, in the order they are reported. */
  articleFiles: string[];
  errors: string[];
  settings: CoreSettings;
  ignoreFiles: IgnoreFileReport[];
}

export function loadProject(opts: LoadOptions): Project {
  const inputs = loadInputs(opts);
  const { registry, settings, errors } = inputs;
  opts.onArticles?.(inputs.articleFiles.length);
  const ctx = { registry, entityIndex: buildEntityIndex(registry), settings, dateScanner: new DateScanner(), checkScratch: new CheckScratch() };
  const articles: LoadedArticle[] = [];
  for (const f of inputs.articleFiles) {
    const a = loadArticle(f, ctx, errors);
    if (a) articles.push(a);
    opts.onArticle?.(a?.text.length ?? 0);
  }
  return { cwd: opts.cwd, registryFiles: inputs.registryFiles, registry, articles, errors, settings, ignoreFiles: inputs.ignoreFiles };
}

/**
 * Reads and analyzes one article and its sidecar; an unreadable file adds its message to `errors`
 * and gives undefined (an unreadable sidecar is reported and the article analyzed without it).
 */
export function loadArticle(f: string, ctx: AnalysisContext, errors: string[], exists: Listing = fs.existsSync): LoadedArticle | undefined {
  const r = readArticle(f, errors, exists);
  return r && loaded(r, analyzeArticle(f, r.text, ctx, r.sidecar?.text));
}

/** A read article with its analysis (fields in the order `loadArticle` has always given them). */
export function loaded(r: ReadArticle, analysis: ArticleAnalysis): LoadedArticle {
  return { file: r.file, text: r.text, ...(r.bom ? { bom: true } : {}), analysis, ...(r.sidecar ? { sidecar: r.sidecar } : {}) };
}

/** A read article (`readArticle`): a `LoadedArticle` before its analysis. */
export type ReadArticle = Omit<LoadedArticle, 'analysis'>;

/** `loadArticle` without the analysis: the article's text and its sidecar's, errors as there. */
export function readArticle(f: string, errors: string[], exists: Listing = fs.existsSync): ReadArticle | undefined {
  const r = readTextFile(f, exists.regular?.(f));
  if (!r.ok) {
    errors.push(r.error);
    return undefined;
  }
  const sidecarFile = sidecarPath(f);
  const s = exists(sidecarFile) ? readTextFile(sidecarFile, exists.regular?.(sidecarFile)) : undefined;
  if (s && !s.ok) errors.push(s.error);
  const sidecar = s?.ok ? { file: sidecarFile, text: s.text } : undefined;
  return { file: f, text: r.text, ...(r.bom ? { bom: true } : {}), ...(sidecar ? { sidecar } : {}) };
}

/**
 * Whether a file exists; `regular`, when given, answers whether a folder listing showed it as a
 * regular file (then it is read without a stat first: `readTextFile`).
 */
export type Listing = ((file: string) => boolean) & { regular?: (file: string) => boolean };

/**
 * `fs.existsSync` for files of a few folders, from one listing per folder (a corpus folder of
 * thousands of articles is listed once instead of asked once per article). For one run only:
 * the listing is not refreshed. A folder that cannot be listed is asked file by file.
 */
export function folderListings(): Listing {
  /** Folder → its entries' names → whether the entry is a regular file; null: not listable. */
  const listings = new Map<string, Map<string, boolean> | null>();
  const namesIn = (dir: string): Map<string, boolean> | null => {
    let names = listings.get(dir);
    if (names === undefined) {
      try {
        names = new Map(fs.readdirSync(dir, { withFileTypes: true }).map((e) => [e.name, e.isFile()]));
      } catch {
        names = null;
      }
      listings.set(dir, names);
    }
    return names;
  };
  const exists: Listing = (file) => {
    const names = namesIn(path.dirname(file));
    return names ? names.has(path.basename(file)) && fs.existsSync(file) : fs.existsSync(file);
  };
  exists.regular = (file) => namesIn(path.dirname(file))?.get(path.basename(file)) === true;
  return exists;
}

/** Finds the articles and the registry files, and reads the registry; no article is read yet. */
export function loadInputs(opts: LoadOptions): ProjectInputs {
  const errors: string[] = [];
  const articleFiles: string[] = [];
  const seen = new Set<string>();
  const registryFiles = registryFilesFor(opts, errors);
  const registrySet = new Set(registryFiles);

  for (const p of opts.paths) {
    const abs = path.resolve(opts.cwd, p);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      errors.push(`${p}: no such file or folder`);
      continue;
    }
    const found = st.isDirectory() ? findFiles(abs, DEFAULT_ARTICLE_GLOBS, errors) : [abs];
    for (const f of found) {
      // A registry file named inside an article folder is not an article.
      if (!seen.has(f) && !(st.isDirectory() && registrySet.has(f))) {
        seen.add(f);
        articleFiles.push(f);
      }
    }
  }

  const ignore = readIgnoreFiles(opts.ignoreFiles ? opts.ignoreFiles.map((f) => path.resolve(opts.cwd, f)) : discoverIgnoreFiles(opts.cwd, opts.paths), errors);
  const settings: CoreSettings = ignore.list.names.size ? { ...opts.settings, ignore: ignore.list } : { ...opts.settings };
  return { cwd: opts.cwd, registryFiles, registry: readRegistry(registryFiles, errors), articleFiles, errors, settings, ignoreFiles: ignore.files };
}

/**
 * The `attache.ignore.yaml` of a run without `--ignore`: for the current folder and each PATH, the
 * nearest one walking up (stopping at a folder with `.git`, the root of a repository).
 */
export function discoverIgnoreFiles(cwd: string, paths: readonly string[]): string[] {
  const found = new Set<string>();
  const starts = [cwd];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    try {
      starts.push(fs.statSync(abs).isDirectory() ? abs : path.dirname(abs));
    } catch {
      // Reported with the articles.
    }
  }
  for (const start of starts) {
    for (let d = start; ; d = path.dirname(d)) {
      const f = path.join(d, IGNORE_FILE);
      if (fs.existsSync(f)) {
        found.add(f);
        break;
      }
      if (path.dirname(d) === d || fs.existsSync(path.join(d, '.git'))) break;
    }
  }
  return [...found].sort();
}

/** Reads and merges ignore files; an unreadable one is reported in `errors`. */
export function readIgnoreFiles(files: readonly string[], errors: string[]): { list: IgnoreList; files: IgnoreFileReport[] } {
  const names = new Map<string, Set<EntityType> | null>();
  const reports: IgnoreFileReport[] = [];
  for (const file of files) {
    const r = readTextFile(file);
    if (!r.ok) {
      errors.push(r.error);
      continue;
    }
    const parsed = parseIgnoreFile(r.text);
    reports.push({ file, text: r.text, findings: parsed.findings });
    for (const [k, types] of parsed.list.names) {
      const prev = names.get(k);
      names.set(k, prev === null || types === null ? null : new Set([...(prev ?? []), ...types]));
    }
  }
  return { list: { names }, files: reports };
}

/** The registry files of a run: those matching `--registry`, else the ones found beside the PATHs (see above). */
export function registryFilesFor(opts: Pick<LoadOptions, 'cwd' | 'paths' | 'registryGlobs'>, errors: string[]): string[] {
  return opts.registryGlobs.length ? registryFromGlobs(opts.cwd, opts.registryGlobs, errors) : discoverRegistry(opts.cwd, opts.paths);
}

/** One registry snapshot from the union of `files`; a file that cannot be read is reported in `errors`. */
export function readRegistry(files: readonly string[], errors: string[]): RegistrySnapshot {
  const store = new RegistryStore();
  for (const f of files) {
    const r = readTextFile(f);
    if (r.ok) store.setFile(f, r.text);
    else errors.push(r.error);
  }
  return store.snapshot();
}

function registryFromGlobs(cwd: string, globs: string[], errors: string[]): string[] {
  const out = new Set<string>();
  const patterns: string[] = [];
  for (const g of globs) {
    const abs = path.resolve(cwd, g);
    if (fs.existsSync(abs) && fs.statSync(abs).isFile()) out.add(abs);
    else if (GLOB_CHAR.test(g)) patterns.push(g);
    else errors.push(`${g}: registry file not found`);
  }
  // Each glob on its own, so a typo in one (matching nothing) is reported, not silently empty.
  for (const g of patterns) {
    const { base, pattern } = splitGlob(cwd, g);
    const found = fs.existsSync(base) ? findFiles(base, [pattern], errors) : [];
    if (!found.length) errors.push(`--registry ${g}: matches no file (relative to ${cwd})`);
    for (const f of found) out.add(f);
  }
  return [...out].sort();
}

const GLOB_CHAR = /[*?[{]/;

/**
 * A glob's folder part without wildcards, and the rest as a pattern relative to it, so that
 * `../shared/registry/*.yaml` and `/data/registry/*.yaml` are walked from their own folder (the
 * walk below the working folder would never reach them).
 */
export function splitGlob(cwd: string, glob: string): { base: string; pattern: string } {
  const parts = path.resolve(cwd, glob).split(path.sep);
  const first = parts.findIndex((p) => GLOB_CHAR.test(p));
  return { base: parts.slice(0, first).join(path.sep) || path.sep, pattern: parts.slice(first).join('/') };
}

function discoverRegistry(cwd: string, paths: string[]): string[] {
  const roots = new Set<string>();
  const consider = (dir: string): void => {
    for (let d = dir; ; d = path.dirname(d)) {
      if (hasRegistry(d)) {
        roots.add(d);
        return;
      }
      if (path.dirname(d) === d || fs.existsSync(path.join(d, '.git'))) return;
    }
  };
  consider(cwd);
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    let dir = abs;
    try {
      if (!fs.statSync(abs).isDirectory()) dir = path.dirname(abs);
    } catch {
      continue;
    }
    consider(dir);
  }
  const out = new Set<string>();
  for (const r of roots) for (const f of findFiles(r, DEFAULT_REGISTRY_GLOBS)) out.add(f);
  return [...out].sort();
}

const isRegistryPath = globMatcher(DEFAULT_REGISTRY_GLOBS);

function hasRegistry(dir: string): boolean {
  if (fs.existsSync(path.join(dir, 'registry.yaml'))) return true;
  const sub = path.join(dir, 'registry');
  if (!fs.existsSync(sub)) return false;
  return findFiles(dir, ['registry/**/*.yaml']).some((f) => isRegistryPath(path.relative(dir, f)));
}
