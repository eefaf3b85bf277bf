/**
 * The language service: the state the editor features work on, with no connection in sight.
 *
 * It holds the workspace folders (`Folder`, folder.ts: per folder a registry snapshot with its
 * entity index, every article the folder has, open in the editor or only on disk, with its
 * analysis cached by (text, sidecar, snapshot), and the core's cross-article index), the open
 * documents, and turns editor events (open, change, close, a change on disk) into folder updates;
 * `classify` says what a file is. File access goes through a `Host` (the node adapter in
 * production, an in-memory one in tests), so the service itself never touches the disk and the
 * connection lives only in `server.ts`.
 *
 * Invariants: an analysis is only ever returned for the text it was computed from and the current
 * snapshot; a registry file whose new text does not parse keeps its last good entities (the core's
 * `RegistryStore` does that); nothing here writes files.
 */

import { ArticleAnalysis } from '../core/analyze';
import { articleOfSidecar, isSidecarPath, sidecarPath } from '../core/annotations';
import { upperBound } from '../core/search';
import type { TextDiff } from '../core/splice';
import { CoreSettings, DateMention, Entity, EntityMention, RegistrySnapshot } from '../core/types';
import { rememberLines } from './convert';
import type { LineLookup } from './document';
import { ArticleRecord, Cancellation, CancelledError, FileKind, Folder, LARGE_ARTICLE } from './folder';
import { AttacheSettings } from './settings';

/** How many files `loadFolder` and `loadArticles` read at the same time. */
const READ_AHEAD = 16;

// The folder's types, for the feature modules that import them from here.
export { ArticleRecord, Cancellation, CancelledError, FileKind, Folder, LARGE_ARTICLE, MentionStats } from './folder';

/**
 * File access and URI handling the service needs; `node/host.ts` implements it on the real disk.
 * There is no synchronous read: the server never blocks its event loop on a file.
 */
export interface Host {
  /** URIs of files under the folder `folderUri` matching `globs` (relative to the folder). */
  findFiles(folderUri: string, globs: readonly string[]): string[];
  /**
   * The text of a file (without BOM), or an error message naming it, read without blocking the
   * event loop and answered within a time limit even when the file system hangs (then as an
   * error). Regular files only: a FIFO or a device is refused, not opened.
   */
  readFileAsync(uri: string): Promise<HostRead>;
  /** `uri`'s path relative to the folder, with `/` separators, or undefined when outside it. */
  relativePath(folderUri: string, uri: string): string | undefined;
  /** A matcher for globs (relative paths with `/`). */
  matcher(globs: readonly string[]): (relPath: string) => boolean;
  /** The URI of `relPath` inside the folder. */
  join(folderUri: string, relPath: string): string;
  log(message: string): void;
}

/**
 * Threads that analyze articles away from the one that answers the editor (`node/analysisPool.ts`
 * on worker threads). The service gives it the articles known from disk whose analysis is stale
 * (`indexWithPool`); open documents are always analyzed on the server's own thread.
 */
export interface AnalysisPool {
  /** How many threads analyze. */
  readonly threads: number;
  /**
   * Analyzes `items` with the registry `snapshot` and `settings`, calling
   * `done(i, analysis)` for item i as the analyses come back, in item order; the analysis is the one
   * `analyzeArticle(uri, text, …, sidecar)` computes on this thread. `current()` is asked before
   * each batch goes out: when false the batch is skipped. Resolves true when no batch was skipped
   * (and the pool was not closed meanwhile); rejects when a thread failed.
   */
  analyze(snapshot: RegistrySnapshot, settings: CoreSettings, items: PoolItem[], done: (i: number, analysis: ArticleAnalysis) => void, current: () => boolean): Promise<boolean>;
  /** Ends the threads; analyses under way are dropped. */
  close(): void;
}

/** An article for the pool: its text and its annotation sidecar's, as the folder has them. */
export interface PoolItem {
  uri: string;
  text: string;
  sidecar: string | undefined;
}

/** A read through the `Host`: the text, or an error message naming the file. */
export type HostRead = { ok: true; text: string } | { ok: false; error: string; reason?: string; missing?: boolean };

export interface OpenDocument {
  uri: string;
  languageId: string;
  version: number;
  text: string;
  /**
   * The editor's document `text` is a version of (`lsp/document.ts`), when the server keeps one:
   * it knows where versions differ and reads windows of the text without copying all of it.
   */
  source?: TextSource;
}

/** What an open document tells about its versions without reading its whole text. */
export interface TextSource {
  /** The version it is at now (its `slice` and `lines` read that version). */
  readonly version: number;
  /** Where the current text differs from version `version`'s: null when equal, undefined when unknown. */
  diffSince(version: number): TextDiff | null | undefined;
  /** Part of the current text. */
  slice(start: number, end: number): string;
  /** Line lookups for the current text. */
  lines(): LineLookup;
}

/** What a position in an article is on. */
export type ArticleTarget =
  | { kind: 'entity'; mention: EntityMention; entity?: Entity }
  | { kind: 'date'; date: DateMention }
  | { kind: 'dateline' }
  | { kind: 'none' };

export class AttacheService {
  readonly folders: Folder[] = [];
  /** Files outside every workspace folder (or a session opened without a folder). */
  readonly looseFolder: Folder;
  readonly documents = new Map<string, OpenDocument>();

  constructor(
    readonly host: Host,
    folders: { uri: string; name: string }[],
    private readonly onAffected: (uris: ReadonlySet<string>) => void = () => undefined,
  ) {
    for (const f of folders) this.folders.push(new Folder(f.uri, f.name, host, onAffected));
    // Longest URI first, so a nested folder wins over its parent.
    this.folders.sort((a, b) => (b.uri?.length ?? 0) - (a.uri?.length ?? 0));
    this.looseFolder = new Folder(null, '(no folder)', host, onAffected);
  }

  addFolder(uri: string, name: string): Folder {
    const f = new Folder(uri, name, this.host, this.onAffected);
    this.folders.push(f);
    this.folders.sort((a, b) => (b.uri?.length ?? 0) - (a.uri?.length ?? 0));
    return f;
  }

  removeFolder(folder: Folder): void {
    const i = this.folders.indexOf(folder);
    if (i >= 0) this.folders.splice(i, 1);
  }

  allFolders(): Folder[] {
    return [...this.folders, this.looseFolder];
  }

  folderFor(uri: string): Folder {
    for (const f of this.folders) if (f.relative(uri) !== undefined) return f;
    return this.looseFolder;
  }

  /** Per folder, the number of its latest `loadFolder` (a newer load supersedes one under way). */
  private readonly loads = new Map<Folder, number>();

  /**
   * Reads one folder's registry files (every feature needs them) and its ignore file, without
   * blocking the event loop, and classifies the documents already open; `loadArticles` reads the
   * articles on disk afterwards, and `indexStep` analyses them in the background. Open documents
   * win over the files read meanwhile, and so does a change on disk applied meanwhile
   * (`Folder.claimRead`); a newer load of the same folder makes this one stop.
   */
  async loadFolder(folder: Folder, settings: AttacheSettings, onRegistryFile?: (done: number, total: number) => void): Promise<void> {
    const load = (this.loads.get(folder) ?? 0) + 1;
    this.loads.set(folder, load);
    folder.applySettings(settings);
    if (folder.uri === null) return;
    const t0 = Date.now();
    const registryUris = this.host.findFiles(folder.uri, settings.registry);
    // A reload after a settings change: files the globs no longer match leave.
    for (const uri of folder.registryPaths()) if (!registryUris.includes(uri)) folder.removeRegistryFile(uri);
    for (const uri of [...folder.articles.keys()]) {
      const doc = this.documents.get(uri);
      // Known articles count as articles in `classify`: ask the globs and the language directly.
      if (!folder.matchesArticleGlobs(uri) && doc?.languageId !== 'diplomatic-article') folder.removeArticle(uri);
    }
    const ignoreUri = folder.ignoreUri();
    const uris = ignoreUri ? [...registryUris, ignoreUri] : registryUris;
    const seqs = uris.map(() => folder.nextRead());
    const reads = await readAll(uris.map((uri) => () => (this.documents.has(uri) ? Promise.resolve(undefined) : this.host.readFileAsync(uri))));
    if (this.loads.get(folder) !== load) return;
    try {
      registryUris.forEach((uri, i) => {
        const open = this.documents.get(uri);
        const r = reads[i];
        if (open) this.timedSetFile(folder, uri, open.text);
        else if (r && folder.claimRead(uri, seqs[i])) this.readRegistryFile(folder, uri, r);
        onRegistryFile?.(i + 1, registryUris.length);
      });
    } finally {
      // Whatever was read counts, even if a later file failed.
      this.refresh(folder);
    }
    const ignore = reads[registryUris.length];
    if (ignoreUri && (this.documents.has(ignoreUri) || (ignore && folder.claimRead(ignoreUri, seqs[registryUris.length])))) this.readIgnoreFile(folder, ignore);
    const snap = folder.snapshot;
    this.host.log(`${folder.name}: ${registryUris.length} registry file(s), ${snap.entities.size} entities (${Date.now() - t0} ms)`);
    // Documents opened before the settings were known are classified again with the folder's globs.
    for (const doc of this.documents.values()) {
      if (this.folderFor(doc.uri) === folder && folder.classify(doc.uri, doc.languageId) === 'article') folder.setArticleText(doc.uri, doc.text, doc.version, doc.source);
    }
  }

  /**
   * Reads the folder's articles from disk (for references, code lens and the workspace checks).
   * Called after the registry is loaded, so that the first answers do not wait for it.
   */
  async loadArticles(folder: Folder): Promise<void> {
    if (folder.uri === null) return;
    const t0 = Date.now();
    const uris = this.host.findFiles(folder.uri, folder.settings.articles).filter((uri) => folder.classify(uri) === 'article' && !this.documents.has(uri));
    // Read without blocking the event loop, a few files at a time (a slow one does not hold up the
    // rest), then taken in file order, so the folder's articles are in the same order every time.
    // Each article's annotation sidecar is read with it, so no analysis waits for it later.
    const reads = await readAll(uris.map((uri) => async () => {
      const r = await this.host.readFileAsync(uri);
      if (r.ok) await folder.readSidecar(sidecarPath(uri));
      return r;
    }));
    let n = 0;
    uris.forEach((uri, i) => {
      const r = reads[i];
      // Opened in the editor meanwhile: its buffer counts.
      if (this.documents.has(uri)) return;
      if (r.ok) {
        folder.setArticleText(uri, r.text, null);
        n++;
      } else this.host.log(r.error);
    });
    this.host.log(`${folder.name}: ${n} article(s) read from disk (${Date.now() - t0} ms)`);
  }

  /** Whether `uri` is the `attache.ignore.yaml` at the root of its workspace folder. */
  isIgnoreFile(uri: string): boolean {
    return this.folderFor(uri).ignoreUri() === uri;
  }

  /** Takes a folder's ignore file: the open buffer, else `r` as read from disk (absent: no names ignored). */
  private readIgnoreFile(folder: Folder, r: HostRead | undefined): void {
    const uri = folder.ignoreUri();
    if (!uri) return;
    const open = this.documents.get(uri);
    if (open) {
      folder.setIgnoreText(open.text);
      return;
    }
    if (!r) return;
    if (!r.ok && !r.missing) this.host.log(r.error);
    folder.setIgnoreText(r.ok ? r.text : undefined);
  }

  private readRegistryFile(folder: Folder, uri: string, r: HostRead): void {
    if (r.ok) this.timedSetFile(folder, uri, r.text);
    else {
      // A registry file that exists but cannot be decoded keeps its last good entities and shows a
      // registry-syntax diagnostic saying why; one that is gone leaves the registry.
      this.host.log(r.error);
      if (r.missing) folder.removeRegistryFile(uri);
      else folder.setRegistryUnreadable(uri, r.reason ?? r.error);
    }
  }

  /** How many articles are waiting to be analyzed (for the indexing progress); `onDiskOnly`: of those not open in the editor. */
  staleArticles(onDiskOnly = false): number {
    let n = 0;
    for (const folder of this.allFolders()) for (const rec of folder.articles.values()) if ((!onDiskOnly || rec.version === null) && folder.isStale(rec)) n++;
    return n;
  }

  /**
   * Analyses up to `budgetMs` worth of stale articles; returns true when all are current. With
   * `openOnly` (a pool analyzes the others, `indexWithPool`), only open documents.
   */
  indexStep(budgetMs: number, openOnly = false): boolean {
    const t0 = Date.now();
    for (const folder of this.allFolders()) {
      for (const rec of folder.articles.values()) {
        // Large open documents are analyzed in steps for their diagnostics and requests (`analysisAsync`).
        if ((rec.version !== null && rec.text.length >= LARGE_ARTICLE) || (openOnly && rec.version === null) || !folder.isStale(rec)) continue;
        if (Date.now() - t0 > budgetMs) return false;
        folder.analysis(rec);
      }
    }
    return true;
  }

  /**
   * Has `pool` analyze every folder's stale articles known from disk only (not open in the
   * editor), one folder after the other, each with the folder's snapshot and settings of
   * the moment; each analysis is kept only if the article, its sidecar, the snapshot and the
   * settings are still those it was computed from (`Folder.commitPooled`). Batches not yet out when
   * the folder's snapshot or settings change are skipped. Resolves with how many analyses were
   * kept and whether every batch was analyzed; `onAnalysis` is called after each one kept.
   */
  async indexWithPool(pool: AnalysisPool, onAnalysis: () => void = () => undefined): Promise<{ kept: number; complete: boolean }> {
    let kept = 0;
    let complete = true;
    for (const folder of this.allFolders()) {
      const snapshot = folder.snapshot;
      const settings = folder.currentSettings;
      const recs: ArticleRecord[] = [];
      const items: PoolItem[] = [];
      for (const rec of folder.articles.values()) {
        if (rec.version !== null || !folder.isStale(rec)) continue;
        recs.push(rec);
        items.push({ uri: rec.uri, text: rec.text, sidecar: folder.sidecarText(sidecarPath(rec.uri)) });
      }
      if (!items.length) continue;
      const current = (): boolean => folder.snapshot === snapshot && folder.currentSettings === settings && this.allFolders().includes(folder);
      const done = (i: number, analysis: ArticleAnalysis): void => {
        if (!folder.commitPooled(recs[i], { text: items[i].text, snapshot: snapshot.version, sidecar: items[i].sidecar, settings }, analysis)) return;
        kept++;
        onAnalysis();
      };
      if (!(await pool.analyze(snapshot, settings, items, done, current))) complete = false;
    }
    return { kept, complete };
  }

  // -------------------------------------------------------------------------------------------
  // Documents

  /** What `uri` is (`Folder.classify`), with the language of its open document if it has one. */
  classify(uri: string): FileKind {
    return this.folderFor(uri).classify(uri, this.documents.get(uri)?.languageId);
  }

  isRegistry(uri: string): boolean {
    return this.classify(uri) === 'registry';
  }

  /** Returns what changed: an article's text, a registry file, or nothing the service cares about. */
  openOrChange(doc: OpenDocument): FileKind {
    this.documents.set(doc.uri, doc);
    const folder = this.folderFor(doc.uri);
    const kind = folder.classify(doc.uri, doc.languageId);
    if (kind === 'sidecar') folder.openSidecars.set(doc.uri, doc.text);
    else if (kind === 'ignore') folder.setIgnoreText(doc.text);
    // Registry text reaches the store in `syncRegistry`, which the server debounces: re-parsing a
    // large registry on every keystroke would starve everything else.
    else if (kind === 'article') folder.setArticleText(doc.uri, doc.text, doc.version, doc.source);
    // Conversions of this version's positions use the document's line starts (no scan of the text).
    if (doc.source && doc.source.version === doc.version) rememberLines(doc.text, doc.source.lines());
    return kind;
  }

  /** Hands an open registry document's current text to its folder and refreshes its snapshot. */
  syncRegistry(uri: string): void {
    const doc = this.documents.get(uri);
    const folder = this.folderFor(uri);
    if (doc) this.timedSetFile(folder, uri, doc.text);
    this.refresh(folder);
  }

  /**
   * `folder.refresh()`, logged instead of thrown when it fails: a bug in the registry code must not
   * take the editor down, and the last snapshot stays in use.
   */
  private refresh(folder: Folder): void {
    try {
      folder.refresh();
    } catch (e) {
      this.host.log(`Rebuilding the registry of ${folder.name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }

  /** How long each registry file took to parse the last time its text changed (ms). */
  readonly registryParseMs = new Map<string, number>();

  private timedSetFile(folder: Folder, uri: string, text: string): void {
    // An unchanged text is not parsed again; nor is that timed.
    const t0 = Date.now();
    if (folder.setRegistryText(uri, text)) this.registryParseMs.set(uri, Date.now() - t0);
  }

  /**
   * The editor closed a document: from now on the file on disk counts (the buffer may have had
   * unsaved changes). It is read without blocking the event loop; resolves, once the folder has
   * it, with what kind of file it was. Opened again meanwhile: the new buffer wins.
   */
  async close(uri: string): Promise<FileKind> {
    const folder = this.folderFor(uri);
    const kind = this.classify(uri);
    this.documents.delete(uri);
    if (kind === 'sidecar') {
      // From now on the file on disk counts (unsaved changes are gone with the buffer).
      folder.openSidecars.delete(uri);
      await folder.readSidecar(uri);
      return kind;
    }
    const keep = kind === 'ignore'
      || (kind === 'registry' && folder.uri !== null && folder.matchesRegistryGlobs(uri))
      // Files on disk stay known (references, workspace checks); loose files leave with their tab.
      || (kind === 'article' && folder.articles.has(uri) && folder.uri !== null && folder.matchesArticleGlobs(uri));
    if (kind === 'registry' && !keep) {
      folder.removeRegistryFile(uri);
      this.refresh(folder);
    }
    if (kind === 'article' && !keep) folder.removeArticle(uri);
    if (!keep) return kind;
    const seq = folder.nextRead();
    const r = await this.host.readFileAsync(uri);
    // Opened again meanwhile (the editor reopens a document whose language changed): its buffer
    // counts. A change on disk read after this one has the newer text.
    if (this.documents.has(uri) || !folder.claimRead(uri, seq)) return kind;
    if (kind === 'ignore') this.readIgnoreFile(folder, r);
    else if (kind === 'registry') {
      this.readRegistryFile(folder, uri, r);
      this.refresh(folder);
    } else if (r.ok) folder.setArticleText(uri, r.text, null);
    else folder.removeArticle(uri);
    return kind;
  }

  /**
   * A file changed on disk (create, change or delete); open documents keep their buffer. The file
   * is read without blocking the event loop (`Host.readFileAsync`): requests are answered while
   * it is read, and a file that cannot be read in time is reported like any unreadable file.
   */
  async fileChanged(uri: string, deleted: boolean): Promise<FileKind> {
    const folder = this.folderFor(uri);
    // Files on disk outside every folder are not watched; only loose sidecars matter.
    const kind = folder.uri === null && !isSidecarPath(uri) ? 'other' : folder.classify(uri);
    // An open document's buffer wins over the file on disk (an open sidecar still counts as changed).
    const open = (): FileKind | undefined => (this.documents.has(uri) ? (kind === 'sidecar' ? 'sidecar' : 'other') : undefined);
    if (kind === 'other') return 'other';
    if (open()) return open()!;
    if (kind === 'sidecar') {
      // A deleted sidecar reads as absent.
      await folder.readSidecar(uri, deleted);
      return 'sidecar';
    }
    const seq = folder.nextRead();
    const r: HostRead = deleted ? { ok: false, error: `${uri}: deleted`, missing: true } : await this.host.readFileAsync(uri);
    // The editor may have opened the file while it was read: then its buffer counts. A read of
    // the same file that started later (a close) may have been applied already: it is newer.
    if (open()) return open()!;
    if (!folder.claimRead(uri, seq)) return kind;
    if (kind === 'ignore') {
      this.readIgnoreFile(folder, r);
      return 'ignore';
    }
    if (kind === 'registry') {
      if (deleted) folder.removeRegistryFile(uri);
      else this.readRegistryFile(folder, uri, r);
      this.refresh(folder);
      return 'registry';
    }
    if (deleted) folder.removeArticle(uri);
    else if (r.ok) {
      // Its sidecar is known before the article counts, so no analysis of it waits for that read.
      await folder.loadSidecar(sidecarPath(uri));
      if (open()) return open()!;
      folder.setArticleText(uri, r.text, null);
    } else {
      this.host.log(r.error);
      folder.removeArticle(uri);
    }
    return 'article';
  }

  /**
   * The text the server currently has for a URI: the open buffer, a known article, a registry
   * file, an annotation sidecar, the ignore file; undefined for any other file (never read here).
   */
  textOf = (uri: string): string | undefined => {
    const doc = this.documents.get(uri);
    if (doc) return doc.text;
    const folder = this.folderFor(uri);
    const rec = folder.articles.get(uri);
    if (rec) return rec.text;
    const status = folder.snapshot.files.get(uri);
    if (status) return status.text;
    if (isSidecarPath(uri)) return folder.sidecarText(uri);
    return uri === folder.ignoreFile?.uri ? folder.ignoreFile.text : undefined;
  };

  /** The article record and its current analysis, or undefined for a URI that is not an article. */
  article(uri: string): { folder: Folder; rec: ArticleRecord; analysis: ArticleAnalysis } | undefined {
    const folder = this.folderFor(uri);
    const rec = folder.articles.get(uri);
    if (!rec) return undefined;
    return { folder, rec, analysis: folder.analysis(rec) };
  }

  /**
   * Like `article`, for read-only features: while a large article's exact analysis is being
   * computed, a provisional one for its current text (`Folder.quickAnalysis`).
   */
  articleView(uri: string): { folder: Folder; rec: ArticleRecord; analysis: ArticleAnalysis } | undefined {
    const folder = this.folderFor(uri);
    const rec = folder.articles.get(uri);
    if (!rec) return undefined;
    return { folder, rec, analysis: folder.quickAnalysis(rec) ?? folder.analysis(rec) };
  }

  /**
   * Waits, without blocking the event loop, until `article(uri)` (or, with `quick`, `articleView`)
   * answers without analysing; for a sidecar, until its article's does. Throws `CancelledError`
   * when `token` is cancelled first.
   */
  async prepare(uri: string, token?: Cancellation, quick = false): Promise<void> {
    const target = isSidecarPath(uri) ? articleOfSidecar(uri) : uri;
    const folder = this.folderFor(target);
    const rec = folder.articles.get(target);
    if (!rec) return;
    // Its annotations are part of the analysis: a sidecar still being read is waited for.
    await folder.loadSidecar(sidecarPath(target));
    if (token?.isCancellationRequested) throw new CancelledError();
    if (quick && folder.quickAnalysis(rec)) return;
    await folder.analysisAsync(rec, token);
  }

  /** Resolves once no annotation sidecar of any folder is being read (workspace-wide answers). */
  async sidecarsRead(): Promise<void> {
    for (const f of this.allFolders()) await f.sidecarsRead();
  }

  /** Every registry entity of every folder (workspace symbols). */
  *allEntities(): Iterable<Entity> {
    for (const f of this.allFolders()) yield* f.snapshot.entities.values();
  }

  /** What the position `offset` in an article is on: a mention (innermost), a date, the dateline. */
  targetAt(a: ArticleAnalysis, folder: Folder, offset: number): ArticleTarget {
    const m = findAt(a.entities, offset);
    if (m) return { kind: 'entity', mention: m, entity: m.id ? folder.snapshot.entities.get(m.id) : undefined };
    const d = findAt(a.dates, offset);
    if (d) return { kind: 'date', date: d };
    const dl = a.article.dateline;
    if (dl && dl.start <= offset && offset <= dl.end) return { kind: 'dateline' };
    return { kind: 'none' };
  }

  /** The registry entity whose entry contains `offset` in registry file `uri`, if any. */
  entityAtRegistryOffset(folder: Folder, uri: string, offset: number): Entity | undefined {
    const list = folder.entitiesIn(uri);
    const i = lastStartingAtOrBefore(list, offset);
    if (i < 0) return undefined;
    const e = list[i];
    return offset <= e.source.range[1] ? e : undefined;
  }
}

/**
 * Runs `tasks` (reads), at most `READ_AHEAD` at a time, so a slow file does not hold up the rest;
 * the results are in the order of the tasks.
 */
async function readAll<T>(tasks: (() => Promise<T>)[]): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_AHEAD, tasks.length) }, worker));
  return out;
}

/**
 * The span of a sorted list that contains `offset` (end inclusive, so a cursor right after a word
 * finds it); the shortest one when spans nest. Binary search: lists can hold thousands of spans.
 */
export function findAt<T extends { start: number; end: number }>(spans: readonly T[], offset: number): T | undefined {
  const last = upperBound(spans, offset, (s) => s.start) - 1;
  let best: T | undefined;
  // Spans may nest or overlap (an office inside a longer name); look back a little.
  for (let i = last; i >= 0 && i > last - 8; i--) {
    const s = spans[i];
    if (s.start <= offset && offset <= s.end && (!best || s.end - s.start < best.end - best.start)) best = s;
  }
  return best;
}

/** Index of the last entity whose entry starts at or before `offset` (entries do not nest). */
function lastStartingAtOrBefore(list: readonly Entity[], offset: number): number {
  return upperBound(list, offset, (e) => e.source.range[0]) - 1;
}
