/**
 * Diagnostics: what to publish for an article or a registry file, and when.
 *
 * `DiagnosticsScheduler` debounces per document (a burst of keystrokes gives one analysis) and
 * never publishes a result computed for a version that is no longer current: a newer change has
 * scheduled its own run by then. The computations are plain functions of the service.
 */

import { Diagnostic } from 'vscode-languageserver';
import { finalizeFindings } from '../core/analyze';
import { CoreSettings, Finding } from '../core/types';
import { toDiagnostic } from './convert';
import { AttacheService, articleOfSidecar } from './service';

export interface DiagnosticsResult {
  uri: string;
  /** The document version the diagnostics belong to (undefined for a file not open). */
  version: number | undefined;
  diagnostics: Diagnostic[];
}

/** All findings of an article: its own (from the analysis) and the cross-article ones. */
export function articleFindings(service: AttacheService, uri: string, settings: CoreSettings): Finding[] | undefined {
  const a = service.article(uri);
  if (!a) return undefined;
  // The analysis is computed without severity settings (so it can be shared); apply them here.
  return finalizeFindings([...a.analysis.findings, ...a.folder.crossFindings(uri)], settings);
}

export function articleDiagnostics(service: AttacheService, uri: string, settings: CoreSettings): DiagnosticsResult | undefined {
  const a = service.article(uri);
  const findings = articleFindings(service, uri, settings);
  if (!a || !findings) return undefined;
  const text = a.rec.text;
  return {
    uri,
    version: a.rec.version ?? undefined,
    diagnostics: findings.map((f) => toDiagnostic(uri, text, f, service.textOf)),
  };
}

/** An annotation sidecar's problems: its syntax, orphaned annotations, links to unknown ids. */
export function sidecarDiagnostics(service: AttacheService, uri: string, settings: CoreSettings): DiagnosticsResult | undefined {
  const articleUri = articleOfSidecar(uri);
  const a = service.article(articleUri);
  const text = a?.folder.sidecarText(uri);
  if (!a || text === undefined) return undefined;
  const findings = finalizeFindings(a.analysis.annotationFindings ?? [], settings);
  return {
    uri,
    version: service.documents.get(uri)?.version,
    diagnostics: findings.map((f) => toDiagnostic(uri, text, f, service.textOf)),
  };
}

/** Null means "not now": the buffer is ahead of the snapshot, and a rebuild will publish again. */
export function registryDiagnostics(service: AttacheService, uri: string, settings: CoreSettings): DiagnosticsResult | undefined | null {
  const folder = service.folderFor(uri);
  const status = folder.snapshot.files.get(uri);
  if (!status) return undefined;
  const doc = service.documents.get(uri);
  // The findings' offsets refer to the text the snapshot parsed; an open buffer that has moved on
  // since will get its own run once the registry is rebuilt.
  if (doc && doc.text !== status.text) return null;
  const findings = finalizeFindings(status.findings, settings);
  return {
    uri,
    version: doc?.version,
    diagnostics: findings.map((f) => toDiagnostic(uri, status.text, f, service.textOf)),
  };
}

export interface SchedulerOptions {
  delayMs: number;
  /**
   * Computes the diagnostics of a URI now; undefined when it has none to give (not ours any more:
   * its diagnostics are withdrawn), null when it cannot say yet (what is shown stays).
   */
  compute(uri: string): Promise<DiagnosticsResult | undefined | null>;
  /** The version the document has now (undefined when not open). */
  currentVersion(uri: string): number | undefined;
  publish(result: DiagnosticsResult): void;
  onError(uri: string, error: unknown): void;
}

export class DiagnosticsScheduler {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** URIs we have published a non-empty list for, so that we can clear them. */
  private readonly shown = new Set<string>();

  constructor(private readonly opts: SchedulerOptions) {}

  schedule(uri: string, delayMs = this.opts.delayMs): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      void this.run(uri);
    }, delayMs));
  }

  /** Computes and publishes at once (the workspace check, tests). */
  async run(uri: string): Promise<void> {
    const requested = this.opts.currentVersion(uri);
    let r: DiagnosticsResult | undefined | null;
    try {
      r = await this.opts.compute(uri);
    } catch (e) {
      // A bug in one check must not take the server down; the log names the file.
      this.opts.onError(uri, e);
      return;
    }
    // The document changed while we computed: that change scheduled a newer run.
    if (r === null || this.opts.currentVersion(uri) !== requested || (r && r.version !== requested)) return;
    if (!r) {
      this.clear(uri);
      return;
    }
    if (r.diagnostics.length) this.shown.add(r.uri);
    else this.shown.delete(r.uri);
    this.opts.publish(r);
  }

  /** Withdraws a URI's diagnostics (deleted file, closed loose file). */
  clear(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
    if (this.shown.delete(uri)) this.opts.publish({ uri, version: undefined, diagnostics: [] });
  }

  isShown(uri: string): boolean {
    return this.shown.has(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
