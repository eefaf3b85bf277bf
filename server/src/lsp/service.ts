/**
 * The language service: the state the editor features work on, with no connection in sight.
 *
 * Per workspace folder it holds a `RegistryStore` (one immutable snapshot at a time, rebuilt when a
 * registry file changes), the entity index built for that snapshot, every article the folder
 * has (open in the editor or only on disk) with its analysis cached by (text, snapshot), and the
 * core's cross-article index. File access goes through a `Host` (the node adapter in production),
 * so the service itself never touches the disk and the connection lives only in `server.ts`.
 *
 * Invariants: an analysis is only ever returned for the text it was computed from and the current
 * snapshot; a registry file whose new text does not parse keeps its last good entities (the core's
 * `RegistryStore` does that); nothing here writes files.
 */

import { ArticleAnalysis, analyzeArticle, analyzeArticleSteps } from '../core/analyze';
import { diffRegion, spliceAnalysis } from '../core/splice';
import { lineIndexAfterEdit } from './convert';
import { articleOfSidecar, isSidecarPath, sidecarPath } from '../core/annotations';
import { EntityIndex, buildEntityIndex } from '../core/entities';
import { RegistryStore } from '../core/registry';
import { IGNORE_FILE, IgnoreList, parseIgnoreFile } from '../core/ignore';
import { CoreSettings, DateMention, Entity, EntityMention, Finding, RegistrySnapshot } from '../core/types';
import { CrossArticleIndex, createCrossArticleIndex } from './crossArticle';
import { AttacheSettings, DEFAULT_SETTINGS } from './settings';

/** File access and URI handling the service needs; `node/host.ts` implements it on the real disk. */
export interface Host {
  /** URIs of files under the folder `folderUri` matching `globs` (relative to the folder). */
  findFiles(folderUri: string, globs: readonly string[]): string[];
  /** The text of a file (without BOM), or an error message naming it. */
  readFile(uri: string): HostRead;
  /**
   * The same without blocking the event loop, answered within a time limit even when the file
   * system hangs (then as an error). Used where the server reacts to changes on disk.
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

/** A read through the `Host`: the text, or an error message naming the file. */
export type HostRead = { ok: true; text: string } | { ok: false; error: string; reason?: string; missing?: boolean };

export interface OpenDocument {
  uri: string;
  languageId: string;
  version: number;
  text: string;
}

/** An article the service knows: open in the editor, or found on disk. */
export interface ArticleRecord {
  uri: string;
  text: string;
  /** The editor's version while open; null for a file known from disk only. */
  version: number | null;
  analysis?: ArticleAnalysis;
  /** What the cached analysis was computed from. */
  analyzedText?: string;
  analyzedSnapshot?: number;
  /** The annotation sidecar text the analysis used (undefined: the article has none). */
  analyzedSidecar?: string;
  /** The settings it was analyzed with (`Folder.analysisSettings`, compared by identity). */
  analyzedSettings?: CoreSettings;
  /**
   * The latest analysis of any version of the text (exact, or provisional: spliced from the exact
   * one, see `core/splice.ts`), with what it was computed from. Read-only features answer from it
   * while the exact analysis of a large article is still being computed.
   */
  view?: { text: string; analysis: ArticleAnalysis; snapshot: number; sidecar: string | undefined; settings: CoreSettings };
  /** The exact analysis being computed in steps (`Folder.analysisJob`). */
  job?: AnalysisJob;
}

/** A cancellation flag, as LSP's `CancellationToken` has it. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
  onCancellationRequested?: (listener: () => void) => { dispose(): void };
}

/** Resolves when `token` is cancelled (never without one); `dispose` stops listening. */
function whenCancelled(token: Cancellation | undefined): { promise: Promise<void>; dispose(): void } {
  let sub: { dispose(): void } | undefined;
  const promise = new Promise<void>((resolve) => {
    if (token?.onCancellationRequested) sub = token.onCancellationRequested(() => resolve());
  });
  return { promise, dispose: () => sub?.dispose() };
}

/** Thrown (and turned into LSP's RequestCancelled) when a request's wait is cancelled. */
export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
  }
}

interface AnalysisJob {
  text: string;
  snapshot: number;
  sidecar: string | undefined;
  settings: CoreSettings;
  /** Undefined when the job stopped because its text, snapshot or sidecar is no longer current. */
  promise: Promise<ArticleAnalysis | undefined>;
}

/** Below this size an article is analyzed at once: splicing and steps only pay off on large ones. */
export const LARGE_ARTICLE = 100_000;
/** The longest an analysis runs before it lets other events in (ms). */
const SLICE_MS = 8;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface MentionStats {
  mentions: number;
  articles: number;
}

/**
 * What a file is to the service: an article, a registry file, an article's annotation sidecar, or
 * something it ignores. `Folder.classify` is the one place that decides.
 */
export type FileKind = 'article' | 'registry' | 'sidecar' | 'ignore' | 'other';

/** One workspace folder (or the folder-less fallback for loose files): its own registry and articles. */
export class Folder {
  /** Registry files as last given: changes take effect in `snapshot` at the next `refresh`. */
  private readonly store = new RegistryStore();
  /** The text each registry file was last given to the store (to skip and not time unchanged ones). */
  private readonly registryTexts = new Map<string, string>();
  readonly articles = new Map<string, ArticleRecord>();
  settings: AttacheSettings = DEFAULT_SETTINGS;
  private isArticlePath: (rel: string) => boolean;
  private isRegistryPath: (rel: string) => boolean;
  private snap: RegistrySnapshot;
  private index: EntityIndex;
  private cross: CrossArticleIndex;
  /** Bumped whenever any article's analysis changes: caches over all articles key on it. */
  generation = 0;
  private statsCache: { generation: number; snapshot: number; stats: Map<string, MentionStats> } | null = null;

  constructor(
    readonly uri: string | null,
    readonly name: string,
    private readonly host: Host,
    /** Told which other articles' cross-article findings changed, so they can be re-published. */
    private readonly onAffected: (uris: ReadonlySet<string>) => void = () => undefined,
  ) {
    this.isArticlePath = host.matcher(DEFAULT_SETTINGS.articles);
    this.isRegistryPath = host.matcher(DEFAULT_SETTINGS.registry);
    this.snap = this.store.snapshot();
    this.index = buildEntityIndex(this.snap);
    this.cross = createCrossArticleIndex(this.snap);
  }

  private report(affected: ReadonlySet<string>): void {
    if (affected.size) this.onAffected(affected);
  }

  applySettings(settings: AttacheSettings): void {
    // The settings an analysis depends on: a new object only when one of them changes, so cached
    // analyses, views and jobs keyed on the old one are stale and nothing else is.
    const a = this.analysisSettings;
    const numericOrder = settings.core.numericOrder ?? 'auto';
    const unknownMinConfidence = settings.core.unknownMinConfidence;
    if (a.numericOrder !== numericOrder || a.unknownMinConfidence !== unknownMinConfidence) this.analysisSettings = { numericOrder, unknownMinConfidence, ...(a.ignore ? { ignore: a.ignore } : {}) };
    this.settings = settings;
    this.isArticlePath = this.host.matcher(settings.articles);
    this.isRegistryPath = this.host.matcher(settings.registry);
  }

  /** The folder's `attache.ignore.yaml` as last read (text undefined: there is none), with its problems. */
  ignoreFile: { uri: string; text: string | undefined; findings: Finding[] } | undefined;

  /** The URI of the folder's `attache.ignore.yaml` (at its root); undefined for loose files. */
  ignoreUri(): string | undefined {
    return this.uri === null ? undefined : this.host.join(this.uri, IGNORE_FILE);
  }

  /**
   * The ignore file's new text (undefined: deleted). Every analysis depends on its names: when
   * they change, the analysis settings are replaced, so every cached analysis is stale.
   */
  setIgnoreText(text: string | undefined): void {
    const uri = this.ignoreUri();
    if (!uri) return;
    const parsed = text === undefined ? undefined : parseIgnoreFile(text);
    this.ignoreFile = { uri, text, findings: parsed?.findings ?? [] };
    const list = parsed?.list.names.size ? parsed.list : undefined;
    if (!sameIgnore(this.analysisSettings.ignore, list)) {
      const { ignore: _old, ...rest } = this.analysisSettings;
      this.analysisSettings = list ? { ...rest, ignore: list } : rest;
    }
  }

  relative(uri: string): string | undefined {
    return this.uri === null ? undefined : this.host.relativePath(this.uri, uri);
  }

  matchesArticleGlobs(uri: string): boolean {
    const rel = this.relative(uri);
    return rel !== undefined ? this.isArticlePath(rel) : /\.article$/i.test(uri);
  }

  matchesRegistryGlobs(uri: string): boolean {
    const rel = this.relative(uri);
    return rel !== undefined && this.isRegistryPath(rel);
  }

  isRegistryFile(uri: string): boolean {
    return this.snap.files.has(uri) || this.store.paths().includes(uri) || this.matchesRegistryGlobs(uri);
  }

  /**
   * What `uri` is, decided in this order: a sidecar by its name (`core/annotations/naming.ts`);
   * a registry file (known to the store, or matching `attache.registry`), even when it also
   * matches the article globs; an article by its language (`languageId` of an open document), by
   * being known already, or by matching `attache.articles`; else something the service ignores.
   */
  classify(uri: string, languageId?: string): FileKind {
    if (isSidecarPath(uri)) return 'sidecar';
    if (this.uri !== null && uri === this.ignoreUri()) return 'ignore';
    if (this.isRegistryFile(uri)) return 'registry';
    if (languageId === 'diplomatic-article' || this.articles.has(uri) || this.matchesArticleGlobs(uri)) return 'article';
    return 'other';
  }

  /** The registry snapshot every answer of the folder uses; replaced only by `refresh`. */
  get snapshot(): RegistrySnapshot {
    return this.snap;
  }

  /** The entity index of `snapshot` (built by `refresh` with it). */
  get entityIndex(): EntityIndex {
    return this.index;
  }

  /**
   * Makes the registry files given since the last call (`setRegistryText`, `setRegistryUnreadable`,
   * `removeRegistryFile`) the folder's snapshot: the cross-file checks run, the entity index is
   * built, the cross-article index learns the new registry. Returns false when nothing changed.
   * The one place the registry state moves; every reader sees a snapshot and its index together.
   */
  refresh(): boolean {
    const t0 = Date.now();
    const s = this.store.snapshot();
    if (s === this.snap) return false;
    const t1 = Date.now();
    const index = buildEntityIndex(s);
    const t2 = Date.now();
    this.snap = s;
    this.index = index;
    this.cross.setRegistry(s);
    if (t2 - t1 > 50) this.host.log(`Entity index for ${this.name}: ${s.entities.size} entities in ${t2 - t1} ms`);
    if (Date.now() - t0 > 100) this.host.log(`Registry of ${this.name} rebuilt in ${Date.now() - t0} ms (${s.entities.size} entities)`);
    return true;
  }

  /** The registry files given to the folder (see `refresh`). */
  registryPaths(): string[] {
    return this.store.paths();
  }

  /** Gives a registry file's text (parsed now); returns false when it is the text it had. */
  setRegistryText(uri: string, text: string): boolean {
    if (this.registryTexts.get(uri) === text) return false;
    this.store.setFile(uri, text);
    this.registryTexts.set(uri, text);
    return true;
  }

  /** A registry file that exists but cannot be decoded: it keeps its last good entities (`RegistryStore.setUnreadable`). */
  setRegistryUnreadable(uri: string, reason: string): void {
    this.store.setUnreadable(uri, reason);
    this.registryTexts.delete(uri);
  }

  removeRegistryFile(uri: string): void {
    this.store.removeFile(uri);
    this.registryTexts.delete(uri);
  }

  private byFile: { snapshot: RegistrySnapshot; files: Map<string, Entity[]> } | null = null;

  /** The entities defined in one registry file, in file order (cached per snapshot). */
  entitiesIn(uri: string): Entity[] {
    const snap = this.snapshot;
    if (!this.byFile || this.byFile.snapshot !== snap) {
      const files = new Map<string, Entity[]>();
      for (const e of snap.entities.values()) {
        let list = files.get(e.source.path);
        if (!list) files.set(e.source.path, (list = []));
        list.push(e);
      }
      for (const list of files.values()) list.sort((a, b) => a.source.range[0] - b.source.range[0]);
      this.byFile = { snapshot: snap, files };
    }
    return this.byFile.files.get(uri) ?? [];
  }

  /** The analysis of an article's current text under the current snapshot, computed if needed. */
  analysis(rec: ArticleRecord): ArticleAnalysis {
    const snap = this.snapshot;
    const sidecar = this.sidecarText(sidecarPath(rec.uri));
    const settings = this.analysisSettings;
    if (rec.analysis && rec.analyzedText === rec.text && rec.analyzedSnapshot === snap.version && rec.analyzedSidecar === sidecar && rec.analyzedSettings === settings) return rec.analysis;
    // Only the date reading and the unknown-name threshold come from the settings here: severities
    // are applied where findings are shown.
    const analysis = analyzeArticle(rec.uri, rec.text, { registry: snap, entityIndex: this.entityIndex, settings }, sidecar);
    this.commit(rec, rec.text, snap.version, sidecar, settings, analysis);
    return analysis;
  }

  /** The settings every analysis uses; replaced (never mutated) by `applySettings` when one changes. */
  private analysisSettings: CoreSettings = { numericOrder: 'auto' };

  private commit(rec: ArticleRecord, text: string, snapshot: number, sidecar: string | undefined, settings: CoreSettings, analysis: ArticleAnalysis): void {
    rec.analysis = analysis;
    rec.analyzedText = text;
    rec.analyzedSnapshot = snapshot;
    rec.analyzedSidecar = sidecar;
    rec.analyzedSettings = settings;
    rec.view = { text, analysis, snapshot, sidecar, settings };
    this.report(this.cross.update(rec.uri, analysis));
    this.generation++;
  }

  /**
   * The exact analysis of the article's current text, computed in steps that leave the event loop
   * free every few milliseconds. One computation per (text, snapshot, sidecar) is shared by every
   * caller; a computation whose text is no longer the article's stops at its next step (a newer
   * version cancels older work), and its callers wait for the newer one. `token` ends this
   * caller's wait with `CancelledError`.
   */
  async analysisAsync(rec: ArticleRecord, token?: Cancellation): Promise<ArticleAnalysis> {
    for (;;) {
      if (token?.isCancellationRequested) throw new CancelledError();
      if (!this.isStale(rec)) return rec.analysis!;
      const job = this.job(rec);
      const cancelled = whenCancelled(token);
      let result: ArticleAnalysis | undefined | void;
      try {
        result = await Promise.race([job.promise, cancelled.promise]);
      } finally {
        cancelled.dispose();
      }
      // Done for the text the article still has (committed, unless the article left meanwhile).
      if (result && rec.text === job.text) return result;
    }
  }

  private job(rec: ArticleRecord): AnalysisJob {
    const snap = this.snapshot;
    const sidecar = this.sidecarText(sidecarPath(rec.uri));
    const settings = this.analysisSettings;
    const j = rec.job;
    if (j && j.text === rec.text && j.snapshot === snap.version && j.sidecar === sidecar && j.settings === settings) return j;
    const text = rec.text;
    const job: AnalysisJob = { text, snapshot: snap.version, sidecar, settings, promise: Promise.resolve(undefined) };
    const current = (): boolean => rec.job === job && rec.text === text && this.snap.version === job.snapshot && this.analysisSettings === settings && this.articles.get(rec.uri) === rec;
    job.promise = (async (): Promise<ArticleAnalysis | undefined> => {
      try {
        const steps = analyzeArticleSteps(rec.uri, text, { registry: snap, entityIndex: this.entityIndex, settings }, sidecar);
        let t0 = Date.now();
        for (;;) {
          const r = steps.next();
          if (r.done) {
            if (current()) this.commit(rec, text, job.snapshot, sidecar, settings, r.value);
            return r.value;
          }
          if (Date.now() - t0 >= SLICE_MS) {
            await nextTurn();
            t0 = Date.now();
            // Superseded by a newer text, snapshot or job: stop; the callers wait for the newer one.
            if (!current()) return undefined;
          }
        }
      } finally {
        if (rec.job === job) rec.job = undefined;
      }
    })();
    rec.job = job;
    return job;
  }

  /**
   * An analysis of the article's current text for read-only features (hover, definition,
   * highlights, tokens, hints, symbols): the exact one when it is current; for a large article
   * being edited, a provisional one spliced from the latest analysis (`core/splice.ts`); else
   * undefined (the caller waits for `analysisAsync`).
   */
  quickAnalysis(rec: ArticleRecord): ArticleAnalysis | undefined {
    if (!this.isStale(rec)) return rec.analysis;
    const snap = this.snapshot;
    const sidecar = this.sidecarText(sidecarPath(rec.uri));
    const settings = this.analysisSettings;
    const v = rec.view;
    if (v && v.text === rec.text && v.snapshot === snap.version && v.sidecar === sidecar && v.settings === settings) return v.analysis;
    // Spliced from the exact analysis (never from another splice): the window covers every edit
    // since, and nothing is copied twice.
    const base = rec.analysis;
    const baseText = rec.analyzedText;
    if (!base || baseText === undefined || rec.analyzedSnapshot !== snap.version || rec.analyzedSidecar !== sidecar || rec.analyzedSettings !== settings) return undefined;
    if (rec.text.length < LARGE_ARTICLE) return undefined;
    const diff = diffRegion(baseText, rec.text);
    // Requests convert positions with the new text's line index: derive it from the old one.
    if (diff) lineIndexAfterEdit(baseText, rec.text, diff);
    const spliced = spliceAnalysis(base, rec.text, { registry: snap, entityIndex: this.entityIndex, settings }, diff);
    if (!spliced) return undefined;
    rec.view = { text: rec.text, analysis: spliced, snapshot: snap.version, sidecar, settings };
    return spliced;
  }

  /** True when the article's cached analysis is out of date. */
  isStale(rec: ArticleRecord): boolean {
    return !rec.analysis || rec.analyzedText !== rec.text || rec.analyzedSnapshot !== this.snapshot.version
      || rec.analyzedSidecar !== this.sidecarText(sidecarPath(rec.uri)) || rec.analyzedSettings !== this.analysisSettings;
  }

  /** Annotation sidecar texts by sidecar URI, as last seen on disk (undefined: no such file). */
  private readonly sidecars = new Map<string, string | undefined>();

  /** Open sidecar buffers (set by the service on open and change, removed on close). */
  readonly openSidecars = new Map<string, string>();

  /** An article's annotation sidecar: the open buffer, else the file (read once, then on change). */
  sidecarText(uri: string): string | undefined {
    const open = this.openSidecars.get(uri);
    if (open !== undefined) return open;
    if (!this.sidecars.has(uri)) this.sidecarChanged(uri);
    return this.sidecars.get(uri);
  }

  /** Re-read a sidecar from disk (after a change on disk, or when its editor closes). */
  sidecarChanged(uri: string, r: HostRead = this.host.readFile(uri)): void {
    this.sidecars.set(uri, r.ok ? r.text : undefined);
  }

  crossFindings(uri: string): ReturnType<CrossArticleIndex['findingsFor']> {
    return this.cross.findingsFor(uri);
  }

  setArticleText(uri: string, text: string, version: number | null): ArticleRecord {
    let rec = this.articles.get(uri);
    if (!rec) {
      rec = { uri, text, version };
      this.articles.set(uri, rec);
    } else {
      rec.text = text;
      rec.version = version;
    }
    return rec;
  }

  removeArticle(uri: string): void {
    if (this.articles.delete(uri)) {
      this.report(this.cross.remove(uri));
      this.generation++;
    }
  }

  /**
   * Per entity id: how many mentions and in how many articles, over the analyses that are
   * current. Articles still waiting for re-analysis count with their last analysis, so a hover
   * never waits for the whole workspace.
   */
  mentionStats(): Map<string, MentionStats> {
    const snapVersion = this.snapshot.version;
    if (this.statsCache && this.statsCache.generation === this.generation && this.statsCache.snapshot === snapVersion) return this.statsCache.stats;
    const stats = new Map<string, MentionStats>();
    for (const rec of this.articles.values()) {
      if (!rec.analysis) continue;
      const seen = new Set<string>();
      for (const m of rec.analysis.entities) {
        if (!m.id) continue;
        let s = stats.get(m.id);
        if (!s) stats.set(m.id, (s = { mentions: 0, articles: 0 }));
        s.mentions++;
        if (!seen.has(m.id)) {
          seen.add(m.id);
          s.articles++;
        }
      }
    }
    this.statsCache = { generation: this.generation, snapshot: snapVersion, stats };
    return stats;
  }

  /** Every mention of `id` in every article of the folder, analysing stale articles first. */
  mentionsOf(id: string): { uri: string; text: string; mention: EntityMention }[] {
    const out: { uri: string; text: string; mention: EntityMention }[] = [];
    for (const rec of this.articles.values()) {
      const a = this.analysis(rec);
      for (const m of a.entities) if (m.id === id) out.push({ uri: rec.uri, text: rec.text, mention: m });
    }
    return out;
  }
}

/** Whether two ignore lists ignore the same names for the same types. */
function sameIgnore(a: IgnoreList | undefined, b: IgnoreList | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.names.size !== b.names.size) return false;
  for (const [k, t] of a.names) {
    const u = b.names.get(k);
    if (u === undefined || (t === null) !== (u === null)) return false;
    if (t && u && (t.size !== u.size || [...t].some((x) => !u.has(x)))) return false;
  }
  return true;
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

  /**
   * Reads one folder's registry files (every feature needs them) and classifies the documents
   * already open; `loadArticles` reads the articles on disk afterwards, and `indexStep` analyses
   * them in the background.
   */
  loadFolder(folder: Folder, settings: AttacheSettings, onRegistryFile?: (done: number, total: number) => void): void {
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
    registryUris.forEach((uri, i) => {
      const open = this.documents.get(uri);
      if (open) this.timedSetFile(folder, uri, open.text);
      else this.readRegistryFile(folder, uri);
      onRegistryFile?.(i + 1, registryUris.length);
    });
    this.refresh(folder);
    this.readIgnoreFile(folder);
    const snap = folder.snapshot;
    this.host.log(`${folder.name}: ${registryUris.length} registry file(s), ${snap.entities.size} entities (${Date.now() - t0} ms)`);
    // Documents opened before the settings were known are classified again with the folder's globs.
    for (const doc of this.documents.values()) {
      if (this.folderFor(doc.uri) === folder && folder.classify(doc.uri, doc.languageId) === 'article') folder.setArticleText(doc.uri, doc.text, doc.version);
    }
  }

  /**
   * Reads the folder's articles from disk (for references, code lens and the workspace checks).
   * Called after the registry is loaded, so that the first answers do not wait for it.
   */
  loadArticles(folder: Folder): void {
    if (folder.uri === null) return;
    const t0 = Date.now();
    let n = 0;
    for (const uri of this.host.findFiles(folder.uri, folder.settings.articles)) {
      if (folder.classify(uri) !== 'article' || this.documents.has(uri)) continue;
      const r = this.host.readFile(uri);
      if (r.ok) {
        folder.setArticleText(uri, r.text, null);
        n++;
      } else this.host.log(r.error);
    }
    this.host.log(`${folder.name}: ${n} article(s) read from disk (${Date.now() - t0} ms)`);
  }

  /** Whether `uri` is the `attache.ignore.yaml` at the root of its workspace folder. */
  isIgnoreFile(uri: string): boolean {
    return this.folderFor(uri).ignoreUri() === uri;
  }

  /** (Re)reads a folder's ignore file: the open buffer, else `r` or the disk (absent: no names ignored). */
  private readIgnoreFile(folder: Folder, r?: HostRead): void {
    const uri = folder.ignoreUri();
    if (!uri) return;
    const open = this.documents.get(uri);
    if (open) {
      folder.setIgnoreText(open.text);
      return;
    }
    const read = r ?? this.host.readFile(uri);
    if (!read.ok && !read.missing) this.host.log(read.error);
    folder.setIgnoreText(read.ok ? read.text : undefined);
  }

  private readRegistryFile(folder: Folder, uri: string, r: HostRead = this.host.readFile(uri)): void {
    if (r.ok) this.timedSetFile(folder, uri, r.text);
    else {
      // A registry file that exists but cannot be decoded keeps its last good entities and shows a
      // registry-syntax diagnostic saying why; one that is gone leaves the registry.
      this.host.log(r.error);
      if (r.missing) folder.removeRegistryFile(uri);
      else folder.setRegistryUnreadable(uri, r.reason ?? r.error);
    }
  }

  /** How many articles are waiting to be analyzed (for the indexing progress). */
  staleArticles(): number {
    let n = 0;
    for (const folder of this.allFolders()) for (const rec of folder.articles.values()) if (folder.isStale(rec)) n++;
    return n;
  }

  /** Analyses up to `budgetMs` worth of stale articles; returns true when all are current. */
  indexStep(budgetMs: number): boolean {
    const t0 = Date.now();
    for (const folder of this.allFolders()) {
      for (const rec of folder.articles.values()) {
        // Large open documents are analyzed in steps for their diagnostics and requests (`analysisAsync`).
        if ((rec.version !== null && rec.text.length >= LARGE_ARTICLE) || !folder.isStale(rec)) continue;
        if (Date.now() - t0 > budgetMs) return false;
        folder.analysis(rec);
      }
    }
    return true;
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
    else if (kind === 'article') folder.setArticleText(doc.uri, doc.text, doc.version);
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
   * unsaved changes). Returns what kind of file it was.
   */
  close(uri: string): FileKind {
    const folder = this.folderFor(uri);
    const kind = this.classify(uri);
    this.documents.delete(uri);
    if (kind === 'sidecar') {
      // From now on the file on disk counts (unsaved changes are gone with the buffer).
      folder.openSidecars.delete(uri);
      folder.sidecarChanged(uri);
    } else if (kind === 'ignore') {
      // From now on the file on disk counts.
      this.readIgnoreFile(folder);
    } else if (kind === 'registry') {
      if (folder.uri !== null && folder.matchesRegistryGlobs(uri)) this.readRegistryFile(folder, uri);
      else folder.removeRegistryFile(uri);
      this.refresh(folder);
    } else if (kind === 'article' && folder.articles.has(uri)) {
      const r = this.host.readFile(uri);
      // Files on disk stay known (references, workspace checks); loose files leave with their tab.
      if (r.ok && folder.uri !== null && folder.matchesArticleGlobs(uri)) folder.setArticleText(uri, r.text, null);
      else folder.removeArticle(uri);
    }
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
    const r: HostRead = deleted ? { ok: false, error: `${uri}: deleted`, missing: true } : await this.host.readFileAsync(uri);
    // The editor may have opened the file while it was read: then its buffer counts.
    if (open()) return open()!;
    if (kind === 'sidecar') {
      // A deleted sidecar reads as absent.
      folder.sidecarChanged(uri, r);
      return 'sidecar';
    }
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
    else {
      if (r.ok) folder.setArticleText(uri, r.text, null);
      else {
        this.host.log(r.error);
        folder.removeArticle(uri);
      }
    }
    return 'article';
  }

  /** The text the server currently has for a URI: the open buffer, a known article, a registry file, or the disk. */
  textOf = (uri: string): string | undefined => {
    const doc = this.documents.get(uri);
    if (doc) return doc.text;
    const folder = this.folderFor(uri);
    const rec = folder.articles.get(uri);
    if (rec) return rec.text;
    const status = folder.snapshot.files.get(uri);
    if (status) return status.text;
    const r = this.host.readFile(uri);
    return r.ok ? r.text : undefined;
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
    if (!rec || (quick && folder.quickAnalysis(rec))) return;
    await folder.analysisAsync(rec, token);
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
 * The span of a sorted list that contains `offset` (end inclusive, so a cursor right after a word
 * finds it); the shortest one when spans nest. Binary search: lists can hold thousands of spans.
 */
export function findAt<T extends { start: number; end: number }>(spans: readonly T[], offset: number): T | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= offset) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
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
  let lo = 0;
  let hi = list.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].source.range[0] <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}
