/**
 * Diagnostics: what to publish for an article or a registry file, and when.
 *
 * `DiagnosticsScheduler` debounces per document (a burst of keystrokes gives one analysis) and
 * never publishes a result computed for a version that is no longer current: a newer change has
 * scheduled its own run by then. The computations are plain functions of the service.
 *
 * Which files get their problems published follows `attache.diagnostics.scope`: open files
 * always; in `workspace` scope (the default) also every closed article, its annotation sidecar
 * and the registry files, re-published whenever the article's analysis changes
 * (`outdatedClosedFiles` tells which, once indexing has caught up).
 */

import { createHash } from 'node:crypto';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { finalizeFindings } from '../core/analyze';
import { articleOfSidecar, isSidecarPath, sidecarPath } from '../core/annotations';
import { CoreSettings, Finding } from '../core/types';
import { toDiagnostic } from './convert';
import { AttacheService, Cancellation } from './service';

export interface DiagnosticsResult {
  uri: string;
  /** The document version the diagnostics belong to (undefined for a file not open). */
  version: number | undefined;
  diagnostics: Diagnostic[];
  /**
   * The article analysis the result was computed from (articles and sidecars), so that a closed
   * file is published again exactly when its analysis changes.
   */
  basis?: object;
}

/**
 * Should `uri`'s problems be in the Problems panel? Open files always; closed files of a folder
 * whose `attache.diagnostics.scope` is `workspace`. (Files "Check Workspace" showed in `open`
 * scope stay current too: the server asks the scheduler for those.)
 */
export function wantsDiagnostics(service: AttacheService, uri: string): boolean {
  if (service.documents.has(uri)) return true;
  const folder = service.folderFor(uri);
  return folder.uri !== null && folder.settings.diagnosticsScope === 'workspace';
}

/**
 * The closed files of `workspace`-scope folders whose published problems are out of date: every
 * article whose current analysis is not the one its problems were computed from, and its
 * annotation sidecar (when it has one, or had problems shown).
 */
export function outdatedClosedFiles(service: AttacheService, scheduler: DiagnosticsScheduler): string[] {
  const out: string[] = [];
  for (const folder of service.folders) {
    if (folder.settings.diagnosticsScope !== 'workspace') continue;
    for (const rec of folder.articles.values()) {
      if (!rec.analysis) continue;
      if (!service.documents.has(rec.uri) && scheduler.basisOf(rec.uri) !== rec.analysis) out.push(rec.uri);
      const sidecar = outdatedSidecar(service, scheduler, rec.uri);
      if (sidecar) out.push(sidecar);
    }
  }
  return out;
}

/**
 * The annotation sidecar of article `uri` when its published problems were computed from another
 * analysis than the article's current one (and it exists, or has problems shown); else undefined.
 */
export function outdatedSidecar(service: AttacheService, scheduler: DiagnosticsScheduler, uri: string): string | undefined {
  if (isSidecarPath(uri)) return undefined;
  const folder = service.folderFor(uri);
  const analysis = folder.articles.get(uri)?.analysis;
  if (!analysis) return undefined;
  const sidecar = sidecarPath(uri);
  if (scheduler.basisOf(sidecar) === analysis) return undefined;
  return service.documents.has(sidecar) || folder.sidecarText(sidecar) !== undefined || scheduler.isShown(sidecar) ? sidecar : undefined;
}

/** What the Problems panel lists of some results: errors, warnings and information (not hints). */
export interface ProblemCounts {
  errors: number;
  warnings: number;
  infos: number;
  /** Hints: shown in the editor only, not listed in the Problems panel. */
  hints: number;
}

export function countProblems(results: Iterable<DiagnosticsResult>): ProblemCounts {
  const c: ProblemCounts = { errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const r of results) {
    for (const d of r.diagnostics) {
      if (d.severity === DiagnosticSeverity.Error) c.errors++;
      else if (d.severity === DiagnosticSeverity.Warning) c.warnings++;
      else if (d.severity === DiagnosticSeverity.Hint) c.hints++;
      else c.infos++;
    }
  }
  return c;
}

/** What a user sees for a file: its text, its visible findings and the analysis they come from. */
export interface VisibleFindings {
  text: string;
  findings: Finding[];
  /** The article analysis (articles and sidecars); absent for registry files. */
  basis?: object;
}

/**
 * The findings a user sees for a file (article, annotation sidecar or registry file), with the
 * severity settings applied and switched-off codes removed. The one answer used by diagnostics and
 * by code actions, so a quick fix is never offered for a problem the settings hide.
 */
export function visibleFindings(service: AttacheService, uri: string, settings: CoreSettings): VisibleFindings | undefined {
  const a = service.article(uri);
  // The analysis is computed without severity settings (so it can be shared); apply them here.
  if (a) return { text: a.rec.text, findings: finalizeFindings([...a.analysis.findings, ...a.folder.crossFindings(uri)], settings), basis: a.analysis };
  if (isSidecarPath(uri)) {
    const article = service.article(articleOfSidecar(uri));
    const text = article?.folder.sidecarText(uri);
    if (!article || text === undefined) return undefined;
    return { text, findings: finalizeFindings(article.analysis.annotationFindings ?? [], settings), basis: article.analysis };
  }
  const status = service.folderFor(uri).snapshot.files.get(uri);
  if (!status) return undefined;
  return { text: status.text, findings: finalizeFindings(status.findings, settings) };
}

/** All findings of an article: its own (from the analysis) and the cross-article ones. */
export function articleFindings(service: AttacheService, uri: string, settings: CoreSettings): Finding[] | undefined {
  return service.article(uri) ? visibleFindings(service, uri, settings)?.findings : undefined;
}

function toResult(service: AttacheService, uri: string, v: VisibleFindings, version: number | undefined): DiagnosticsResult {
  return { uri, version, diagnostics: v.findings.map((f) => toDiagnostic(uri, v.text, f, service.textOf)), ...(v.basis ? { basis: v.basis } : {}) };
}

export function articleDiagnostics(service: AttacheService, uri: string, settings: CoreSettings): DiagnosticsResult | undefined {
  const a = service.article(uri);
  const v = a && visibleFindings(service, uri, settings);
  return a && v ? toResult(service, uri, v, a.rec.version ?? undefined) : undefined;
}

/** An annotation sidecar's problems: its syntax, orphaned annotations, links to unknown ids. */
export function sidecarDiagnostics(service: AttacheService, uri: string, settings: CoreSettings): DiagnosticsResult | undefined {
  const v = visibleFindings(service, uri, settings);
  return v && toResult(service, uri, v, service.documents.get(uri)?.version);
}

/** Null means "not now": the buffer is ahead of the snapshot, and a rebuild will publish again. */
export function registryDiagnostics(service: AttacheService, uri: string, settings: CoreSettings): DiagnosticsResult | undefined | null {
  const status = service.folderFor(uri).snapshot.files.get(uri);
  if (!status) return undefined;
  const doc = service.documents.get(uri);
  // The findings' offsets refer to the text the snapshot parsed; an open buffer that has moved on
  // since will get its own run once the registry is rebuilt.
  if (doc && doc.text !== status.text) return null;
  return toResult(service, uri, { text: status.text, findings: finalizeFindings(status.findings, settings) }, doc?.version);
}

/** The problems of a folder's `attache.ignore.yaml` (`ignore-syntax`); undefined when `uri` is not one or does not exist. */
export function ignoreDiagnostics(service: AttacheService, uri: string, settings: CoreSettings): DiagnosticsResult | undefined {
  const f = service.folderFor(uri).ignoreFile;
  if (!f || f.uri !== uri || f.text === undefined) return undefined;
  return toResult(service, uri, { text: f.text, findings: finalizeFindings(f.findings, settings) }, service.documents.get(uri)?.version);
}

export interface SchedulerOptions {
  delayMs: number;
  /**
   * Computes the diagnostics of a URI now; undefined when it has none to give (not ours any more:
   * its diagnostics are withdrawn), null when it cannot say yet (what is shown stays). `force`:
   * the user asked for every file ("Check Workspace"), whatever the scope.
   */
  compute(uri: string, force: boolean, token: Cancellation): Promise<DiagnosticsResult | undefined | null>;
  /** The version the document has now (undefined when not open). */
  currentVersion(uri: string): number | undefined;
  publish(result: DiagnosticsResult): void;
  onError(uri: string, error: unknown): void;
}

/** `runOnce`'s answer when a newer run or document version took over from it. */
const OVERTAKEN = Symbol('overtaken');
/** How many times a forced run is tried when overtaken. */
const FORCED_ATTEMPTS = 3;

export class DiagnosticsScheduler {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The cancellation flag of each URI's computation in progress: a newer schedule cancels it. */
  private readonly running = new Map<string, { isCancellationRequested: boolean }>();
  /** URIs we have published a non-empty list for, so that we can clear them. */
  private readonly shown = new Set<string>();
  /** What each URI's last publication was computed from (see `DiagnosticsResult.basis`). */
  private readonly basis = new Map<string, object>();
  /**
   * A digest of what was last published for each closed file: a registry change re-analyses every
   * article, and most of them come out the same; those are not sent again.
   */
  private readonly digests = new Map<string, string>();

  constructor(private readonly opts: SchedulerOptions) {}

  schedule(uri: string, delayMs = this.opts.delayMs): void {
    this.cancelRunning(uri);
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      void this.run(uri);
    }, delayMs));
  }

  /**
   * Computes and publishes at once (the workspace check, tests); returns what was published, or
   * undefined when nothing was (withdrawn, not ours, or overtaken by a newer version).
   */
  async run(uri: string, force = false): Promise<DiagnosticsResult | undefined> {
    // A forced run ("Check Workspace") that a newer one overtook (a scheduled run started while it
    // computed, after a change on disk) asks again: the file is checked and counted all the same.
    for (let attempt = 1; ; attempt++) {
      const r = await this.runOnce(uri, force);
      if (r !== OVERTAKEN) return r;
      if (!force || attempt === FORCED_ATTEMPTS) return undefined;
    }
  }

  /** One computation: what was published, undefined when nothing was, OVERTAKEN when a newer run or version took over. */
  private async runOnce(uri: string, force: boolean): Promise<DiagnosticsResult | undefined | typeof OVERTAKEN> {
    const requested = this.opts.currentVersion(uri);
    this.cancelRunning(uri);
    const token = { isCancellationRequested: false };
    this.running.set(uri, token);
    let r: DiagnosticsResult | undefined | null;
    try {
      r = await this.opts.compute(uri, force, token);
    } catch (e) {
      // Cancelled by a newer run (which publishes instead), or a bug in one check: that must not
      // take the server down; the log names the file.
      if (!token.isCancellationRequested) this.opts.onError(uri, e);
      return token.isCancellationRequested ? OVERTAKEN : undefined;
    } finally {
      if (this.running.get(uri) === token) this.running.delete(uri);
    }
    // The document changed while we computed: that change scheduled a newer run, and a result for
    // an older version is never published.
    if (token.isCancellationRequested || this.opts.currentVersion(uri) !== requested) return OVERTAKEN;
    if (r === null || (r && r.version !== requested)) return undefined;
    if (!r) {
      this.clear(uri);
      return undefined;
    }
    if (r.basis) this.basis.set(r.uri, r.basis);
    else this.basis.delete(r.uri);
    const digest = r.version === undefined ? createHash('sha1').update(JSON.stringify(r.diagnostics)).digest('base64') : undefined;
    if (digest !== undefined && this.digests.get(r.uri) === digest) return r;
    if (digest !== undefined) this.digests.set(r.uri, digest);
    else this.digests.delete(r.uri);
    if (r.diagnostics.length) this.shown.add(r.uri);
    else this.shown.delete(r.uri);
    this.opts.publish(r);
    return r;
  }

  private cancelRunning(uri: string): void {
    const running = this.running.get(uri);
    if (running) running.isCancellationRequested = true;
    this.running.delete(uri);
  }

  /** Withdraws a URI's diagnostics (deleted file, closed loose file). */
  clear(uri: string): void {
    this.cancelRunning(uri);
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
    this.basis.delete(uri);
    this.digests.delete(uri);
    if (this.shown.delete(uri)) this.opts.publish({ uri, version: undefined, diagnostics: [] });
  }

  isShown(uri: string): boolean {
    return this.shown.has(uri);
  }

  /** Every URI whose last publication was not empty. */
  shownUris(): string[] {
    return [...this.shown];
  }

  basisOf(uri: string): object | undefined {
    return this.basis.get(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
