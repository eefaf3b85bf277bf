/**
 * One workspace folder's state (or the folder-less fallback for loose files): its registry
 * snapshot and entity index, the articles it knows with their cached analyses, the annotation
 * sidecars, and the cross-article index. `AttacheService` (service.ts) owns the folders and turns
 * editor events into calls here.
 *
 * Invariants: the registry state moves only at `refresh()`, which makes the registry files given
 * since the last call the new snapshot and builds its entity index with it; every getter is a
 * plain read (`snapshot`, `entityIndex`), and derived tables (`entitiesIn`, `mentionStats`) are
 * cached per snapshot and never change what a reader sees. An analysis is only returned for the
 * text, sidecar, snapshot and settings it was computed from. File access goes through the `Host`.
 */

import { ArticleAnalysis, analyzeArticle, analyzeArticleSteps } from '../core/analyze';
import { articleOfSidecar, isSidecarPath, sidecarPath } from '../core/annotations';
import { EntityIndex, buildEntityIndex } from '../core/entities';
import { RegistryStore } from '../core/registry';
import { diffRegion, spliceAnalysis } from '../core/splice';
import { ArticleCache, createArticleCache } from '../core/articleCache';
import { IGNORE_FILE, IgnoreList, parseIgnoreFile } from '../core/ignore';
import { CoreSettings, Entity, EntityMention, Finding, RegistrySnapshot } from '../core/types';
import { lineIndexAfterEdit } from './convert';
import { CrossArticleIndex, createCrossArticleIndex } from './crossArticle';
import type { Host, HostRead, TextSource } from './service';
import { AttacheSettings, DEFAULT_SETTINGS } from './settings';

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
  /** What the last analysis keeps for the next one (large open articles only: `Folder.cacheFor`). */
  cache?: ArticleCache;
  /** The open document the text comes from, when the editor has it open (knows where versions differ). */
  source?: TextSource;
  /** The version of `source` the cached analysis was computed from. */
  analyzedVersion?: { source: TextSource; version: number };
}

/** The document version the record's text is, when it comes from an open document. */
function sourceVersion(rec: ArticleRecord): ArticleRecord['analyzedVersion'] {
  return rec.source && rec.source.version === rec.version ? { source: rec.source, version: rec.version } : undefined;
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
    const analysis = analyzeArticle(rec.uri, rec.text, { registry: snap, entityIndex: this.entityIndex, settings }, sidecar, { cache: this.cacheFor(rec) });
    this.commit(rec, rec.text, snap.version, sidecar, settings, analysis, sourceVersion(rec));
    return analysis;
  }

  /** The settings every analysis uses; replaced (never mutated) by `applySettings` when one changes. */
  private analysisSettings: CoreSettings = { numericOrder: 'auto' };

  /** The settings analyses are computed with now (compared by identity: a change makes a new object). */
  get currentSettings(): CoreSettings {
    return this.analysisSettings;
  }

  /**
   * Keeps an analysis computed elsewhere (an indexing thread, `AttacheService.indexWithPool`) from
   * `from`, if the article is still known from disk only, still has that text and sidecar, the
   * snapshot and settings are still those, and its analysis is stale; returns whether it did.
   * Anything else changed meanwhile: the analysis is dropped, and the article stays stale.
   */
  commitPooled(rec: ArticleRecord, from: { text: string; snapshot: number; sidecar: string | undefined; settings: CoreSettings }, analysis: ArticleAnalysis): boolean {
    if (this.articles.get(rec.uri) !== rec || rec.version !== null || rec.text !== from.text || !this.isStale(rec)) return false;
    if (this.snap.version !== from.snapshot || this.analysisSettings !== from.settings || this.sidecarText(sidecarPath(rec.uri)) !== from.sidecar) return false;
    this.commit(rec, from.text, from.snapshot, from.sidecar, from.settings, analysis, undefined);
    return true;
  }

  private commit(rec: ArticleRecord, text: string, snapshot: number, sidecar: string | undefined, settings: CoreSettings, analysis: ArticleAnalysis, version: ArticleRecord['analyzedVersion']): void {
    rec.analysis = analysis;
    rec.analyzedVersion = version;
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
    const version = sourceVersion(rec);
    const job: AnalysisJob = { text, snapshot: snap.version, sidecar, settings, promise: Promise.resolve(undefined) };
    const current = (): boolean => rec.job === job && rec.text === text && this.snap.version === job.snapshot && this.analysisSettings === settings && this.articles.get(rec.uri) === rec;
    job.promise = (async (): Promise<ArticleAnalysis | undefined> => {
      try {
        const steps = analyzeArticleSteps(rec.uri, text, { registry: snap, entityIndex: this.entityIndex, settings }, sidecar, { cache: this.cacheFor(rec) });
        let t0 = Date.now();
        for (;;) {
          const r = steps.next();
          if (r.done) {
            if (current()) this.commit(rec, text, job.snapshot, sidecar, settings, r.value, version);
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
    // An open document knows where its versions differ and gives the window without reading the
    // whole text (a keystroke in a 5 MB article copies nothing); else the texts are compared.
    const src = rec.source && rec.source.version === rec.version ? rec.source : undefined;
    const since = src && rec.analyzedVersion?.source === src ? src.diffSince(rec.analyzedVersion.version) : undefined;
    let spliced: ArticleAnalysis | null;
    if (src && since !== undefined) {
      const text = rec.text;
      const version = src.version;
      // Reads of this version after the document moved on read the string itself.
      const read = (s: number, e: number): string => (src.version === version ? src.slice(s, e) : text.slice(s, e));
      spliced = spliceAnalysis(base, text, { registry: snap, entityIndex: this.entityIndex, settings }, since, undefined, read);
    } else {
      const diff = diffRegion(baseText, rec.text);
      // Requests convert positions with the new text's line index: derive it from the old one.
      if (diff) lineIndexAfterEdit(baseText, rec.text, diff);
      spliced = spliceAnalysis(base, rec.text, { registry: snap, entityIndex: this.entityIndex, settings }, diff);
    }
    if (!spliced) return undefined;
    rec.view = { text: rec.text, analysis: spliced, snapshot: snap.version, sidecar, settings };
    return spliced;
  }

  /**
   * The document cache of a large article open in the editor (its next version is analyzed
   * reusing the unchanged paragraphs' work, `core/articleCache.ts`); none for the others.
   */
  private cacheFor(rec: ArticleRecord): ArticleCache | undefined {
    if (rec.version === null || rec.text.length < LARGE_ARTICLE) return undefined;
    return (rec.cache ??= createArticleCache());
  }

  /** True when the article's cached analysis is out of date. */
  isStale(rec: ArticleRecord): boolean {
    return !rec.analysis || rec.analyzedText !== rec.text || rec.analyzedSnapshot !== this.snapshot.version
      || rec.analyzedSidecar !== this.sidecarText(sidecarPath(rec.uri)) || rec.analyzedSettings !== this.analysisSettings;
  }

  /** Annotation sidecar texts by sidecar URI, as last read from disk (undefined: no such file). */
  private readonly sidecars = new Map<string, string | undefined>();
  /** Sidecar reads under way, by sidecar URI (the latest one started). */
  private readonly sidecarReads = new Map<string, Promise<void>>();

  /** Open sidecar buffers (set by the service on open and change, removed on close). */
  readonly openSidecars = new Map<string, string>();

  /**
   * An article's annotation sidecar: the open buffer, else the file as last read. A sidecar never
   * read is read now without blocking (`readSidecar`), and counts as absent until it arrives:
   * `prepare` (service.ts) waits for it, so diagnostics and requests never see that gap.
   */
  sidecarText(uri: string): string | undefined {
    const open = this.openSidecars.get(uri);
    if (open !== undefined) return open;
    if (!this.sidecars.has(uri) && !this.sidecarReads.has(uri)) void this.readSidecar(uri);
    return this.sidecars.get(uri);
  }

  /** Resolves once sidecar `uri` is known: read now if it never was, or when the read under way ends. */
  loadSidecar(uri: string): Promise<void> {
    this.sidecarText(uri);
    return this.sidecarRead(uri);
  }

  /** Resolves once no read of sidecar `uri` is under way (at once when none is). */
  async sidecarRead(uri: string): Promise<void> {
    for (let p = this.sidecarReads.get(uri); p; p = this.sidecarReads.get(uri)) await p;
  }

  /** Resolves once no sidecar read of the folder is under way. */
  async sidecarsRead(): Promise<void> {
    while (this.sidecarReads.size) await Promise.all(this.sidecarReads.values());
  }

  /**
   * (Re)reads a sidecar from disk without blocking (first use, a change on disk, its editor closed;
   * `deleted`: it is gone, nothing to read). The articles whose analysis it changes are reported
   * (`onAffected`), so their problems follow.
   */
  readSidecar(uri: string, deleted = false): Promise<void> {
    const seq = this.nextRead();
    const read: Promise<HostRead> = deleted ? Promise.resolve({ ok: false, error: `${uri}: deleted`, missing: true }) : this.host.readFileAsync(uri);
    const p = read.then((r) => {
      if (this.sidecarReads.get(uri) === p) this.sidecarReads.delete(uri);
      if (!this.claimRead(uri, seq)) return;
      const before = this.sidecars.get(uri);
      const text = r.ok ? r.text : undefined;
      this.sidecars.set(uri, text);
      if (!r.ok && !r.missing) this.host.log(r.error);
      // A known article was (or may have been) analyzed without this text: it and the sidecar's
      // own problems follow.
      if (text !== before && this.articles.has(articleOfSidecar(uri))) this.report(new Set([articleOfSidecar(uri), uri]));
    });
    this.sidecarReads.set(uri, p);
    return p;
  }

  private readSeq = 0;
  /** Per file, the start number of the read whose result the folder holds. */
  private readonly heldRead = new Map<string, number>();

  /** Numbers a read from disk as it starts (see `claimRead`). */
  nextRead(): number {
    return ++this.readSeq;
  }

  /**
   * Whether the result of read `seq` of `uri` may be applied: not when a read of the same file
   * that started later was applied first (its result is newer). Reads answer in any order.
   */
  claimRead(uri: string, seq: number): boolean {
    if ((this.heldRead.get(uri) ?? 0) > seq) return false;
    this.heldRead.set(uri, seq);
    return true;
  }

  crossFindings(uri: string): ReturnType<CrossArticleIndex['findingsFor']> {
    return this.cross.findingsFor(uri);
  }

  setArticleText(uri: string, text: string, version: number | null, source?: TextSource): ArticleRecord {
    let rec = this.articles.get(uri);
    if (!rec) {
      rec = { uri, text, version, source };
      this.articles.set(uri, rec);
    } else {
      rec.text = text;
      rec.version = version;
      rec.source = source;
      // Closed: the file on disk is analyzed once, not edited; its document cache goes.
      if (version === null) rec.cache = undefined;
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
