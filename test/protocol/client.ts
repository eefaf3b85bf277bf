/**
 * A minimal LSP client for protocol tests: spawns the built server (`server/out/server.js
 * --stdio`) as any editor would, answers the server's own requests (configuration, capability
 * registration, refreshes), records published diagnostics, and lets tests wait for the next
 * publication that satisfies a condition (never for a fixed time).
 *
 * Also: a temporary workspace builder and small helpers to apply returned edits to text.
 */

import { ChildProcess, spawn } from 'node:child_process';
import { after } from 'node:test';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ClientCapabilities,
  Diagnostic,
  InitializeResult,
  MessageConnection,
  Position,
  PublishDiagnosticsParams,
  SemanticTokens,
  SemanticTokensLegend,
  StreamMessageReader,
  StreamMessageWriter,
  TextEdit,
  createMessageConnection,
} from 'vscode-languageserver/node';
import { repoRoot } from '../helpers';

/** The bundled server; `ATTACHE_SERVER` may name another build of it (e.g. the unbundled tsc output). */
export const serverPath = process.env.ATTACHE_SERVER ?? join(repoRoot, 'server', 'out', 'server.js');

/** Generous guard against a server that never answers; tests wait on events, this only ends a hung run. */
const WAIT_LIMIT_MS = 20000;

export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}

/** Creates a temporary folder with `files` (relative path → text); returns its path. */
export function makeWorkspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'attache-protocol-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

export function removeWorkspace(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/**
 * The workspaces (`roots`) and clients a suite starts, for its tests to add theirs to: after the
 * suite's tests every client is stopped, then every workspace removed. Call it in `describe`.
 */
export function stoppedAfterTests(): { roots: string[]; clients: TestClient[] } {
  const roots: string[] = [];
  const clients: TestClient[] = [];
  after(async () => {
    for (const c of clients) await c.stop();
    for (const r of roots) removeWorkspace(r);
  });
  return { roots, clients };
}

interface Waiter {
  uri: string;
  pred: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
}

export class TestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly notifications: { method: string; params: unknown }[] = [];
  /**
   * Work done progress, in arrival order: `create` (the server's window/workDoneProgress/create
   * request, answered at once) and each `$/progress` value (begin, report, end) with its token.
   */
  readonly progress: { token: string | number; kind: string; value?: Record<string, unknown> }[] = [];
  private progressWaiters: (() => boolean)[] = [];
  readonly log: string[] = [];
  private waiters: Waiter[] = [];
  /** Each returns true (and is removed) once it has seen the log line it waits for. */
  private logWaiters: ((line: string) => boolean)[] = [];
  private versions = new Map<string, number>();
  initializeResult!: InitializeResult;

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: MessageConnection,
    readonly root: string,
    private settings: Record<string, unknown>,
  ) {}

  /**
   * Starts the server on the folder `root` (or on its subfolders `folders`, as a multi-root
   * workspace) and completes the initialize handshake. `settings` is the `attache` section the
   * client answers `workspace/configuration` with; `initializationOptions` go with `initialize`.
   */
  static async start(root: string, settings: Record<string, unknown> = {}, folders?: string[], initializationOptions?: unknown, opts: { workDoneProgress?: boolean; codeActionResolve?: boolean } = {}): Promise<TestClient> {
    const proc = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const c = new TestClient(proc, conn, root, settings);
    proc.stderr!.on('data', (d: Buffer) => c.log.push(d.toString()));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      c.diagnostics.set(p.uri, p);
      c.history.set(p.uri, [...(c.history.get(p.uri) ?? []), p]);
      const still: Waiter[] = [];
      for (const w of c.waiters) {
        if (w.uri === p.uri && w.pred(p)) w.resolve(p);
        else still.push(w);
      }
      c.waiters = still;
    });
    conn.onNotification('window/logMessage', (p: { message: string }) => {
      c.log.push(p.message);
      c.logWaiters = c.logWaiters.filter((w) => !w(p.message));
    });
    conn.onNotification((method: string, params: unknown) => c.notifications.push({ method, params }));
    conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => c.settings));
    conn.onRequest('client/registerCapability', () => null);
    const progressEvent = (e: TestClient['progress'][number]): void => {
      c.progress.push(e);
      c.progressWaiters = c.progressWaiters.filter((w) => !w());
    };
    conn.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => {
      progressEvent({ token: p.token, kind: 'create' });
      return null;
    });
    conn.onNotification('$/progress', (p: { token: string | number; value: Record<string, unknown> }) => {
      c.notifications.push({ method: '$/progress', params: p });
      progressEvent({ token: p.token, kind: String(p.value.kind), value: p.value });
    });
    conn.onRequest('workspace/semanticTokens/refresh', () => null);
    conn.onRequest('workspace/inlayHint/refresh', () => null);
    conn.onRequest('workspace/codeLens/refresh', () => null);
    conn.listen();
    const capabilities: ClientCapabilities = {
      window: { workDoneProgress: opts.workDoneProgress ?? true },
      workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
        // As VS Code: a code action's edit may come later, from codeAction/resolve.
        ...(opts.codeActionResolve ? { codeAction: { resolveSupport: { properties: ['edit'] } } } : {}),
      },
    };
    c.initializeResult = await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: fileUri(root),
      workspaceFolders: folders ? folders.map((f) => ({ uri: fileUri(join(root, f)), name: f })) : [{ uri: fileUri(root), name: 'ws' }],
      capabilities,
      initializationOptions,
    });
    await conn.sendNotification('initialized', {});
    return c;
  }

  uri(rel: string): string {
    return fileUri(join(this.root, rel));
  }

  open(rel: string, text: string, languageId = rel.endsWith('.yaml') ? 'yaml' : 'diplomatic-article'): string {
    const uri = this.uri(rel);
    this.versions.set(uri, 1);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Replaces the whole text of an open document; returns the new version. */
  change(rel: string, text: string): number {
    const uri = this.uri(rel);
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  close(rel: string): void {
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri: this.uri(rel) } });
  }

  /** Writes a file on disk and tells the server, as the client's file watcher would. */
  writeFile(rel: string, text: string | Uint8Array, type: 1 | 2 = 2): void {
    writeFileSync(join(this.root, rel), text);
    void this.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: this.uri(rel), type }] });
  }

  /** Changes the `attache` settings the client answers with, and tells the server. */
  setSettings(settings: Record<string, unknown>): void {
    this.settings = settings;
    void this.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  /** Every publication received for `uri`, oldest first. */
  readonly history = new Map<string, PublishDiagnosticsParams[]>();

  request<T>(method: string, params: unknown): Promise<T> {
    return this.conn.sendRequest(method, params) as Promise<T>;
  }

  /** Resolves with the next publication for `uri` that satisfies `pred` (or the latest one, if it already does). */
  waitForDiagnostics(uri: string, pred: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean = () => true, opts: { fresh?: boolean } = {}): Promise<PublishDiagnosticsParams> {
    const p = (x: PublishDiagnosticsParams): boolean => pred(x.diagnostics, x);
    const last = this.diagnostics.get(uri);
    if (!opts.fresh && last && p(last)) return Promise.resolve(last);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri}; last: ${JSON.stringify(this.diagnostics.get(uri))}\nserver log:\n${this.log.join('\n')}`)), WAIT_LIMIT_MS);
      this.waiters.push({ uri, pred: p, resolve: (x) => { clearTimeout(timer); resolve(x); } });
    });
  }

  /** Resolves with the events of the first progress task whose title matches `re`, once it has ended. */
  waitForProgress(re: RegExp): Promise<TestClient['progress']> {
    const find = (): TestClient['progress'] | undefined => {
      const begin = this.progress.find((e) => e.kind === 'begin' && re.test(String(e.value?.title)));
      if (!begin) return undefined;
      const events = this.progress.filter((e) => e.token === begin.token);
      return events.some((e) => e.kind === 'end') ? events : undefined;
    };
    const now = find();
    if (now) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ended progress titled ${re}; events: ${JSON.stringify(this.progress)}`)), WAIT_LIMIT_MS);
      this.progressWaiters.push(() => {
        const events = find();
        if (!events) return false;
        clearTimeout(timer);
        resolve(events);
        return true;
      });
    });
  }

  /** Resolves with the first server log line from index `from` on matching `re`, already logged or still to come. */
  waitForLog(re: RegExp, from = 0): Promise<string> {
    const seen = this.log.slice(from).find((l) => re.test(l));
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server never logged ${re}; log:\n${this.log.join('\n')}`)), WAIT_LIMIT_MS);
      this.logWaiters.push((line) => {
        if (!re.test(line)) return false;
        clearTimeout(timer);
        resolve(line);
        return true;
      });
    });
  }

  async stop(): Promise<void> {
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      // The server may already be gone.
    }
    this.conn.dispose();
    this.proc.kill();
  }
}

/** Applies LSP text edits to a text (edits in positions of the original). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const offset = (p: Position): number => {
    let o = 0;
    for (let l = 0; l < p.line; l++) {
      const nl = text.indexOf('\n', o);
      if (nl < 0) return text.length;
      o = nl + 1;
    }
    return Math.min(o + p.character, text.length);
  };
  const sorted = [...edits].map((e) => ({ s: offset(e.range.start), e: offset(e.range.end), t: e.newText })).sort((a, b) => b.s - a.s);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}

/** The position of the `n`th occurrence (0-based) of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0, n = 0): Position {
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`'${needle}' not found`);
  }
  const o = i + delta;
  const before = text.slice(0, o);
  const line = before.split('\n').length - 1;
  return { line, character: o - (before.lastIndexOf('\n') + 1) };
}
/** Semantic tokens as `text=type` strings. */
export function decodeTokens(tokens: SemanticTokens, legend: SemanticTokensLegend, text: string): string[] {
  const lines = text.split('\n');
  const decoded: string[] = [];
  let line = 0;
  let ch = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [dl, dc, len, type] = tokens.data.slice(i, i + 4);
    line += dl;
    ch = dl ? dc : ch + dc;
    decoded.push(`${lines[line].slice(ch, ch + len)}=${legend.tokenTypes[type]}`);
  }
  return decoded;
}
