/**
 * The Attaché language server: the only module that touches the LSP connection.
 *
 * It owns the connection, the open-document manager, the settings cache, the diagnostics
 * scheduler and the `AttacheService`; every handler is a short adapter that finds the document,
 * calls one feature module under `lsp/` and returns its answer. Started as
 * `node server/out/server.js --stdio` by any LSP client, or over IPC by the VS Code client
 * (vscode-languageserver picks the transport from the command line).
 */

import {
  CancellationToken,
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  LSPErrorCodes,
  NotificationType,
  ProposedFeatures,
  RequestHandler,
  RequestType,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
} from 'vscode-languageserver/node';
import { EditableDocument, EditableDocuments } from './lsp/document';
import { articleOfSidecar, isSidecarPath, sidecarPath } from './core/annotations';
import { addEntityEdit, codeActions } from './lsp/codeActions';
import { contextSpans } from './lsp/contextSpans';
import { codeLenses, resolveCodeLens } from './lsp/codeLens';
import { completion, COMPLETION_TRIGGERS } from './lsp/completion';
import { definition } from './lsp/definition';
import { AnnotateArgs, annotationEdit, annotationItems, reattachEdit, refreshAnchorsEdit, removeAnnotationEdit } from './lsp/annotations';
import { annotateAllFromArgs, resolveAnnotateAllAction, sameMentions, setCodeActionEditResolve } from './lsp/annotateAll';
import { entityItems } from './lsp/symbols';
import { ClientUris } from './lsp/clientUris';
import { WorkDoneTask } from './lsp/progress';
import { DiagnosticsResult, DiagnosticsScheduler, articleDiagnostics, countProblems, ignoreDiagnostics, outdatedClosedFiles, outdatedSidecar, registryDiagnostics, sidecarDiagnostics, wantsDiagnostics } from './lsp/diagnostics';
import { documentHighlights } from './lsp/highlights';
import { hover } from './lsp/hover';
import { inlayHints } from './lsp/inlayHints';
import {
  AddEntityRequest,
  AnnotateAllArgs,
  AnnotateAllReport,
  AnnotationsRequest,
  COMMANDS,
  CheckWorkspaceResult,
  ContextSpansRequest,
  EntitiesRequest,
  ImportWikidataResult,
  Notification,
  Request,
  SameMentionsRequest,
  SearchWikidataResult,
  StatusNotification,
  StatusParams,
  TimelineRequest,
  IgnoreNameRequest,
  UnknownNamesRequest,
} from './lsp/protocol';
import { references } from './lsp/references';
import { semanticTokens, semanticTokensLegend } from './lsp/semanticTokens';
import { AnalysisPool, AttacheService, CancelledError, Folder } from './lsp/service';
import { AttacheSettings, SettingsCache } from './lsp/settings';
import { folderStatus } from './lsp/status';
import { documentSymbols, workspaceSymbols } from './lsp/symbols';
import { timeline } from './lsp/timeline';
import { ignoreNameEdit, unknownNames } from './lsp/unknownNames';
import { wikidataImport } from './lsp/wikidataImport';
import { searchEntities } from './node/wikidataFetch';
import { canonicalUri, createNodeHost } from './node/host';
import { WorkerAnalysisPool, defaultIndexThreads } from './node/analysisPool';
import { performance } from 'node:perf_hooks';

const connection = createConnection(ProposedFeatures.all);

function errorText(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

// Last line of defence: an unexpected exception in a timer is logged, and the server keeps running
// with its last good state rather than leaving the editor without diagnostics.
process.on('uncaughtException', (e) => connection.console.error(`Unexpected error: ${errorText(e)}`));
// Open documents updated without copying their whole text per keystroke (lsp/document.ts).
const documents = new TextDocuments(EditableDocuments);
const log = (message: string): void => connection.console.log(message);
const host = createNodeHost(log);

/**
 * How long a document must be quiet before it is analysed again (ms). A large article too: its
 * analysis redoes what the edit touched (core/articleReparse.ts, core/chunks.ts) in steps of tens
 * of milliseconds, so a keystroke arriving meanwhile waits for one short step at most.
 */
const DEBOUNCE_MS = 150;

let service = new AttacheService(host, []);
let settings = new SettingsCache(undefined);
let canWatchFiles = false;
let supportsFolderChanges = false;
/** The client shows server-initiated progress (`window.workDoneProgress`): registry loading, indexing. */
let workDoneProgress = false;
/** Which refresh requests (`workspace/codeLens/refresh` etc.) the client accepts (views that depend on the registry or on other articles). */
const refresh = { semanticTokens: false, inlayHints: false, codeLens: false };
let diagnostics: DiagnosticsScheduler;
/** How the client spells the URIs of the files whose problems are published. */
const clientUris = new ClientUris();
/**
 * Closed files whose problems "Check Workspace" published in `open` scope: they stay listed (and
 * current) until the file is opened and closed, or the settings change.
 */
const checked = new Set<string>();
/** Closed articles whose cross-article findings changed while indexing: published when it ends. */
const affectedWhileIndexing = new Set<string>();
const registryTimers = new Map<string, ReturnType<typeof setTimeout>>();
/**
 * Resolved once every folder's registry has been read: requests and diagnostics wait for it, so
 * nothing is answered from an empty registry while the server starts.
 */
let markReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => (markReady = resolve));
/** Resolved once the articles on disk have been read too: workspace-wide answers wait for it. */
let markArticlesRead: () => void = () => undefined;
const articlesRead = new Promise<void>((resolve) => (markArticlesRead = resolve));

/** Answers the custom request `r` (lsp/protocol.ts) with `handler`, typed by its declaration. */
function onRequest<P, R>(r: Request<P, R>, handler: RequestHandler<P, R | ResponseError<void>, void>): void {
  connection.onRequest(new RequestType<P, R | ResponseError<void>, void>(r.method), handler);
}

/** Sends the custom notification `n` (lsp/protocol.ts). */
function sendNotification<P>(n: Notification<P>, params: P): void {
  void connection.sendNotification(new NotificationType<P>(n.method), params);
}

function uriOf(params: { textDocument: { uri: string } }): string {
  return canonicalUri(params.textDocument.uri);
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const clientFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: params.rootUri.replace(/.*\//, '') }] : []);
  const folders = clientFolders.map((f) => ({ uri: canonicalUri(f.uri), name: f.name }));
  for (const f of clientFolders) clientUris.addFolder(canonicalUri(f.uri), f.uri);
  service = new AttacheService(host, folders, (uris) => {
    // Another article's change altered these articles' cross-article findings (boilerplate).
    for (const uri of uris) {
      if (indexing && !service.documents.has(uri)) affectedWhileIndexing.add(uri);
      else if (listed(uri)) diagnostics.schedule(uri);
    }
  });
  const caps = params.capabilities;
  setCodeActionEditResolve(!!caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit'));
  if (caps.workspace?.configuration) {
    settings = new SettingsCache(async (resource) => (await connection.workspace.getConfiguration({ scopeUri: resource, section: 'attache' })) as unknown);
  }
  // The VS Code client watches the glob files itself (and says so); other clients are asked to.
  const options = params.initializationOptions as { clientWatchesFiles?: boolean; entityTokenTypes?: boolean } | undefined;
  const clientWatches = !!options?.clientWatchesFiles;
  supportsFolderChanges = !!caps.workspace?.workspaceFolders;
  workDoneProgress = !!caps.window?.workDoneProgress;
  refresh.semanticTokens = !!caps.workspace?.semanticTokens?.refreshSupport;
  refresh.inlayHints = !!caps.workspace?.inlayHint?.refreshSupport;
  refresh.codeLens = !!caps.workspace?.codeLens?.refreshSupport;
  canWatchFiles = !clientWatches && !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  diagnostics = diagnosticsScheduler();
  return initializeResult(!!options?.entityTokenTypes);
});

/** The debounced diagnostics of every listed file: analysis per kind of file, then publishing. */
function diagnosticsScheduler(): DiagnosticsScheduler {
  return new DiagnosticsScheduler({
    delayMs: DEBOUNCE_MS,
    compute: async (uri, force, token) => {
      await ready;
      // Settings are per folder: one `workspace/configuration` request serves all its files.
      const s = (await settings.get(service.folderFor(uri).uri ?? uri)).core;
      if (!force && !listed(uri)) return undefined;
      // A large article is analyzed in steps; a newer version cancels this wait (and the analysis).
      await service.prepare(uri, token);
      const kind = service.classify(uri);
      if (kind === 'sidecar') return sidecarDiagnostics(service, uri, s);
      if (kind === 'ignore') return ignoreDiagnostics(service, uri, s);
      return kind === 'registry' ? registryDiagnostics(service, uri, s) : articleDiagnostics(service, uri, s);
    },
    currentVersion: (uri) => service.documents.get(uri)?.version,
    publish: (r) => {
      void connection.sendDiagnostics({ uri: clientUris.of(r.uri), version: r.version, diagnostics: r.diagnostics });
      // An article's new analysis may orphan (or re-place) its annotations: its sidecar follows.
      const sidecar = outdatedSidecar(service, diagnostics, r.uri);
      if (sidecar && listed(sidecar)) diagnostics.schedule(sidecar, 0);
    },
    onError: (uri, e) => log(`Analysis of ${uri} failed: ${errorText(e)}`),
  });
}

/** What the server can do (its answer to `initialize`). */
function initializeResult(entityTokenTypes: boolean): InitializeResult {
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      // The VS Code client contributes Attaché's own token types (see `semanticTokens.ts`).
      semanticTokensProvider: { legend: semanticTokensLegend(entityTokenTypes), full: true, range: false },
      inlayHintProvider: true,
      codeLensProvider: { resolveProvider: true },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Source], resolveProvider: true },
      completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
      executeCommandProvider: { commands: Object.values(COMMANDS) },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'attache-language-server', version: '0.1.0' },
  };
}

connection.onInitialized(async () => {
  if (canWatchFiles) {
    // Registry and article globs are settings; watching every YAML and text file and filtering
    // with the folder's globs keeps one registration valid when the settings change.
    await connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.{yaml,yml}' }, { globPattern: '**/*.{article,txt,md}' }],
    });
  }
  if (supportsFolderChanges) connection.workspace.onDidChangeWorkspaceFolders((e) => {
    for (const f of e.removed) {
      const uri = canonicalUri(f.uri);
      const folder = service.folders.find((x) => x.uri === uri);
      if (!folder) continue;
      // Its closed files' problems leave with it (open documents keep theirs).
      const gone = diagnostics.shownUris().filter((u) => service.folderFor(u) === folder && !service.documents.has(u));
      service.removeFolder(folder);
      clientUris.removeFolder(uri);
      for (const u of gone) diagnostics.clear(u);
    }
    for (const f of e.added) {
      clientUris.addFolder(canonicalUri(f.uri), f.uri);
      void loadFolder(service.addFolder(canonicalUri(f.uri), f.name));
    }
  });
  try {
    await Promise.all(service.folders.map(loadFolder));
  } finally {
    markReady();
  }
  // Each folder's articles are read after its registry (see loadFolder).
  await Promise.all(service.folders.map((f) => articleLoads.get(f)));
  markArticlesRead();
});

/** Each folder's reading of its articles on disk, started by `loadFolder`. */
const articleLoads = new Map<Folder, Promise<void>>();

/** Reads a folder's registry and articles, then publishes what depends on them. */
async function loadFolder(folder: Folder): Promise<void> {
  const s = folder.uri ? await settings.get(folder.uri) : undefined;
  if (s) configurePool(s);
  const task = new WorkDoneTask(connection, workDoneProgress && !!s, `Attaché: loading the registry of ${folder.name}`);
  // Begin is shown before the reading starts; a client slow to answer does not hold it up.
  await Promise.race([task.ready, new Promise((resolve) => setTimeout(resolve, PROGRESS_CREATE_WAIT_MS))]);
  try {
    if (s) {
      await service.loadFolder(folder, s, (done, total) => {
        task.report(`${done}/${total} registry files read`, (90 * done) / total, done === total);
        // The folder's snapshot and entity index are built next (`Folder.refresh`).
        if (done === total) task.report('building the entity index', 90, true);
      });
    }
  } catch (e) {
    log(`Loading ${folder.name} failed: ${errorText(e)}`);
  }
  registryChanged(folder);
  // registryChanged has scheduled the open articles: only the ignore file's own problems remain.
  ignoreChanged(folder, false);
  task.report(`${folder.snapshot.entities.size} entities`, 100, true);
  task.done();
  // Articles on disk are read after the first answers can go out, without blocking the event loop.
  articleLoads.set(folder, (async () => {
    await new Promise((resolve) => setImmediate(resolve));
    try {
      await service.loadArticles(folder);
    } catch (e) {
      log(`Reading the articles of ${folder.name} failed: ${errorText(e)}`);
    }
    sendStatus();
    startIndexing();
  })());
}

/** How long loading a registry waits for the client to create its progress token (ms). */
const PROGRESS_CREATE_WAIT_MS = 500;

/** Everything a registry change affects: its files' diagnostics, open articles, the status bar. */
function registryChanged(folder: Folder): void {
  // The service has refreshed the folder's snapshot (and its entity index) already.
  const snap = folder.snapshot;
  for (const uri of snap.files.keys()) diagnostics.schedule(uri, 0);
  for (const uri of service.documents.keys()) if (service.folderFor(uri) === folder && folder.articles.has(uri)) diagnostics.schedule(uri, 0);
  sendStatus();
  refreshViews();
  startIndexing();
}

/**
 * The folder's `attache.ignore.yaml` changed (or was read): its problems, and (`articles`) every
 * article's unknown names (open ones now, closed ones as indexing re-analyzes them).
 */
function ignoreChanged(folder: Folder, articles = true): void {
  const uri = folder.ignoreUri();
  if (!uri) return;
  if (folder.ignoreFile?.text !== undefined ? listed(uri) : diagnostics.isShown(uri)) diagnostics.schedule(uri, 0);
  if (!articles) return;
  for (const doc of service.documents.keys()) if (service.folderFor(doc) === folder && folder.articles.has(doc)) diagnostics.schedule(doc, 0);
  refreshViews();
  startIndexing();
}

/** Asks the client to re-request what a new registry snapshot or re-indexed articles change. */
function refreshViews(): void {
  const ignore = (): void => undefined;
  if (refresh.semanticTokens) connection.languages.semanticTokens.refresh();
  if (refresh.inlayHints) connection.languages.inlayHint.refresh().catch(ignore);
  if (refresh.codeLens) connection.sendRequest(CodeLensRefreshRequest.type).catch(ignore);
}

function sendStatus(): void {
  const params: StatusParams = { folders: service.allFolders().map(folderStatus).filter((f) => f.uri !== null || f.entities > 0) };
  sendNotification(StatusNotification, params);
}

/**
 * The threads that index the articles on disk (`attache.indexing.threads`, node/analysisPool.ts),
 * made when indexing first needs them; none with 0 threads, or once one failed (then this thread
 * indexes, as with 0).
 */
let pool: AnalysisPool | undefined;
let poolThreads = defaultIndexThreads();
let poolFailed = false;

/** Takes the thread count from the settings: a new count closes the pool (the next indexing makes one). */
function configurePool(s: AttacheSettings): void {
  const n = s.indexingThreads ?? defaultIndexThreads();
  if (n === poolThreads) return;
  poolThreads = n;
  pool?.close();
  pool = undefined;
  poolFailed = false;
}

function indexPool(): AnalysisPool | undefined {
  if (poolFailed || poolThreads === 0 || shutDown) return undefined;
  return (pool ??= new WorkerAnalysisPool(poolThreads));
}

/** Set at `shutdown`: no pool is made after it. */
let shutDown = false;

// The pool's threads end with the server (process.exit ends them too; idle ones never hold it).
connection.onShutdown(() => {
  shutDown = true;
  pool?.close();
  pool = undefined;
});

let indexing = false;
/**
 * Analyses stale articles, then refreshes open articles. Open documents are analyzed here in
 * small slices between requests; the articles known from disk only by the pool's threads
 * (`AttacheService.indexWithPool`), or here too when there is no pool. A pool run that keeps
 * nothing although it analyzed everything (its results never match) hands the rest to this thread.
 */
function startIndexing(): void {
  if (indexing) return;
  indexing = true;
  setImmediate(new IndexingRun().step);
}

/** One run of `startIndexing`: slices on this thread, pool runs beside them, progress, the end. */
class IndexingRun {
  private readonly t0 = Date.now();
  private readonly elu0 = performance.eventLoopUtilization();
  private readonly total = service.staleArticles();
  private readonly task = new WorkDoneTask(connection, workDoneProgress && this.total > 0, 'Attaché: indexing articles');
  /** A pool run is under way (its end steps again). */
  private pooling = false;
  /** A pool run kept nothing although it analyzed everything: this thread indexes the rest. */
  private hereForAll = false;
  private threads = 0;
  private reportedAt = 0;

  /** One slice of 20 articles here, a pool run started when there is work for one; again until done. */
  readonly step = (): void => {
    const p = this.hereForAll ? undefined : indexPool();
    let done = false;
    try {
      done = service.indexStep(20, p !== undefined);
    } catch (e) {
      log(`Indexing failed: ${errorText(e)}`);
      done = true;
    }
    if (p && !this.pooling && service.staleArticles(true) > 0) this.poolRun(p);
    if (!done || this.pooling) {
      this.progress(false);
      if (!done) setImmediate(this.step);
      return;
    }
    this.finish();
  };

  private progress(final: boolean): void {
    this.reportedAt = Date.now();
    const left = final ? 0 : service.staleArticles();
    // New stale articles may arrive while indexing (a folder read): the total grows with them.
    const all = Math.max(this.total, left);
    this.task.report(`${all - left}/${all} articles`, (100 * (all - left)) / all, final);
  }

  private poolRun(p: AnalysisPool): void {
    this.pooling = true;
    this.threads = Math.max(this.threads, p.threads);
    service.indexWithPool(p, () => Date.now() - this.reportedAt >= 100 && this.progress(false)).then(
      (r) => {
        if (r.complete && r.kept === 0) this.hereForAll = true;
      },
      (e) => {
        log(`Indexing on worker threads failed, indexing on the server's thread: ${errorText(e)}`);
        // A pool closed by a settings change is not a failure of the next one.
        if (pool === p) {
          poolFailed = true;
          pool = undefined;
        }
      },
    ).finally(() => {
      this.pooling = false;
      setImmediate(this.step);
    });
  }

  /** Progress ended, the time logged, and what depends on the whole workspace refreshed. */
  private finish(): void {
    this.progress(true);
    this.task.done();
    indexing = false;
    const busy = performance.eventLoopUtilization(this.elu0).active;
    log(`Indexed articles in ${Date.now() - this.t0} ms (this thread busy ${Math.round(busy)} ms, ${this.threads} worker thread(s))`);
    // Cross-article findings (boilerplate) of open articles and mention counts may have changed.
    for (const uri of service.documents.keys()) if (service.folderFor(uri).articles.has(uri)) diagnostics.schedule(uri);
    publishClosedFiles();
    if (refresh.codeLens) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }
}

/** Is `uri`'s problems' place the Problems panel (see `wantsDiagnostics`)? */
function listed(uri: string): boolean {
  return wantsDiagnostics(service, uri) || checked.has(uri);
}

/**
 * Once the workspace is indexed: publishes the closed files (`workspace` scope) whose problems
 * changed, and the articles another article's change affected meanwhile.
 */
function publishClosedFiles(): void {
  const uris = new Set([...outdatedClosedFiles(service, diagnostics), ...affectedWhileIndexing]);
  affectedWhileIndexing.clear();
  for (const uri of uris) if (listed(uri)) diagnostics.schedule(uri, 0);
}

/** Every file of a folder whose problems may be shown, scheduled again (settings changed). */
function republishFolder(folder: Folder): void {
  const uris = new Set([...folder.snapshot.files.keys(), ...folder.articles.keys()]);
  for (const uri of folder.articles.keys()) uris.add(sidecarPath(uri));
  const ignore = folder.ignoreUri();
  if (ignore && folder.ignoreFile?.text !== undefined) uris.add(ignore);
  for (const uri of [...diagnostics.shownUris(), ...checked]) if (service.folderFor(uri) === folder) uris.add(uri);
  for (const uri of uris) {
    checked.delete(uri);
    if (diagnostics.isShown(uri) || (listed(uri) && (!isSidecarPath(uri) || folder.sidecarText(uri) !== undefined))) diagnostics.schedule(uri, 0);
  }
}

/**
 * A registry file whose parse took longer than this (ms) is re-read on save rather than after
 * each pause in typing: parsing it must not freeze every other answer while the user types.
 */
const SLOW_REGISTRY_PARSE_MS = 1000;

function scheduleRegistrySync(uri: string): void {
  const t = registryTimers.get(uri);
  if (t) clearTimeout(t);
  registryTimers.set(uri, setTimeout(() => {
    registryTimers.delete(uri);
    service.syncRegistry(uri);
    const ms = service.registryParseMs.get(uri) ?? 0;
    if (ms > SLOW_REGISTRY_PARSE_MS) log(`${uri} took ${ms} ms to parse: it is re-read when saved, not while typing.`);
    registryChanged(service.folderFor(uri));
  }, DEBOUNCE_MS));
}

function documentChanged(doc: EditableDocument, how: 'open' | 'change'): void {
  const uri = canonicalUri(doc.uri);
  clientUris.remember(doc.uri, uri);
  const kind = service.openOrChange({ uri, languageId: doc.languageId, version: doc.version, text: doc.getText(), source: doc });
  if (kind === 'registry') {
    if (how === 'open' || (service.registryParseMs.get(uri) ?? 0) <= SLOW_REGISTRY_PARSE_MS) scheduleRegistrySync(uri);
  } else if (kind === 'article') diagnostics.schedule(uri, DEBOUNCE_MS);
  else if (kind === 'sidecar') sidecarChanged(uri);
  else if (kind === 'ignore') ignoreChanged(service.folderFor(uri));
}

/** A sidecar's annotations changed: its article's analysis and both files' problems follow. */
function sidecarChanged(uri: string): void {
  const article = articleOfSidecar(uri);
  if (listed(article) || diagnostics.isShown(article)) diagnostics.schedule(article);
  if (listed(uri) || diagnostics.isShown(uri)) diagnostics.schedule(uri);
}

documents.onDidOpen((e) => documentChanged(e.document, 'open'));
documents.onDidChangeContent((e) => documentChanged(e.document, 'change'));
documents.onDidSave((e) => {
  const uri = canonicalUri(e.document.uri);
  if (service.isRegistry(uri)) scheduleRegistrySync(uri);
});
/**
 * Closes whose file on disk is still being read. Until one is read, the folder still holds the
 * closed buffer's text: answers that count over the workspace wait for them, as they would have
 * when the close was handled at once (a hover right after a close sees the file on disk).
 */
const closing = new Set<Promise<unknown>>();

async function closesRead(): Promise<void> {
  while (closing.size) await Promise.all([...closing]);
}

documents.onDidClose(async (e) => {
  const uri = canonicalUri(e.document.uri);
  // The file on disk is read (without blocking) before its problems replace the buffer's.
  const read = service.close(uri);
  closing.add(read);
  let kind: Awaited<typeof read>;
  try {
    kind = await read;
  } finally {
    closing.delete(read);
  }
  // Opened again meanwhile: the open document's handlers took over.
  if (service.documents.has(uri)) return;
  checked.delete(uri);
  // In `open` scope a closed file's problems leave with it; in `workspace` scope those of the file
  // on disk replace the buffer's ("Check Workspace" shows every file's on demand).
  const stays = listed(uri);
  if (kind === 'registry') {
    scheduleRegistrySync(uri);
    // Closed after its file was deleted or renamed, or in `open` scope: its problems go with it.
    if (!stays || !service.folderFor(uri).snapshot.files.has(uri)) diagnostics.clear(uri);
  }
  if (kind === 'article' || kind === 'other') {
    if (stays && service.folderFor(uri).articles.has(uri)) diagnostics.schedule(uri, 0);
    else diagnostics.clear(uri);
  }
  if (kind === 'sidecar') {
    if (!stays) diagnostics.clear(uri);
    sidecarChanged(uri);
  }
  if (kind === 'ignore') {
    if (!stays) diagnostics.clear(uri);
    ignoreChanged(service.folderFor(uri));
  }
});

/**
 * Changes on disk are handled one notification after the other (each file is read without
 * blocking the event loop, and a later change must not be overtaken by an earlier, slower read).
 */
let fileChanges: Promise<void> = Promise.resolve();
connection.onDidChangeWatchedFiles((params) => {
  fileChanges = fileChanges.then(() => filesChanged(params.changes)).catch((e) => log(`Handling changed files failed: ${errorText(e)}`));
});

/**
 * Resolves once the articles on disk are read and every change on disk notified so far is applied:
 * answers over the whole workspace (references, code lens, "Check Workspace") see the files as the
 * client last reported them. Per-document answers do not wait for reads of other files.
 */
async function workspaceRead(): Promise<void> {
  await articlesRead;
  await fileChanges;
  await closesRead();
  await service.sidecarsRead();
}

async function filesChanged(changes: { uri: string; type: FileChangeType }[]): Promise<void> {
  const touched = new Set<Folder>();
  const ignores = new Set<Folder>();
  for (const c of changes) {
    const uri = canonicalUri(c.uri);
    clientUris.remember(c.uri, uri);
    const kind = await service.fileChanged(uri, c.type === FileChangeType.Deleted);
    const folder = service.folderFor(uri);
    if (kind === 'registry') {
      touched.add(folder);
      if (c.type === FileChangeType.Deleted) diagnostics.clear(uri);
    } else if (kind === 'sidecar') sidecarChanged(uri);
    else if (kind === 'ignore') {
      ignores.add(folder);
      if (c.type === FileChangeType.Deleted) diagnostics.clear(uri);
    } else if (kind === 'article') {
      if (c.type === FileChangeType.Deleted) {
        checked.delete(uri);
        diagnostics.clear(uri);
        // Its sidecar's problems (if shown) leave with it.
        if (diagnostics.isShown(sidecarPath(uri))) diagnostics.schedule(sidecarPath(uri), 0);
      } else if (listed(uri)) diagnostics.schedule(uri);
      startIndexing();
    }
  }
  for (const f of touched) registryChanged(f);
  for (const f of ignores) ignoreChanged(f);
}

connection.onDidChangeConfiguration(async () => {
  settings.clear();
  for (const f of service.folders) {
    if (!f.uri) continue;
    const next = await settings.get(f.uri);
    configurePool(next);
    const same = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
    // New globs: read the folder again. Otherwise only severities or the scope may have changed.
    if (!same(next.registry, f.settings.registry) || !same(next.articles, f.settings.articles)) await loadFolder(f);
    else f.applySettings(next);
    // Re-publish (new severities), or publish or withdraw closed files' problems (new scope).
    republishFolder(f);
  }
});

onRequest(AnnotationsRequest, async (p) => {
  await ready;
  // The article's sidecar may still be being read.
  await service.prepare(canonicalUri(p.uri));
  return annotationItems(service, canonicalUri(p.uri));
});

onRequest(EntitiesRequest, async (p) => {
  await ready;
  return entityItems(service, canonicalUri(p.uri));
});

onRequest(ContextSpansRequest, async (p, token) => {
  await ready;
  return answer(canonicalUri(p.uri), token, true, () => contextSpans(service, canonicalUri(p.uri)));
});

onRequest(TimelineRequest, async (p) => {
  // A folder's or a person's timeline spans the articles on disk: wait until they are read.
  if (p.scope === 'workspace' || p.entity) await workspaceRead();
  else await ready;
  return timeline(service, { ...p, ...(p.uri ? { uri: canonicalUri(p.uri) } : {}) });
});

onRequest(AddEntityRequest, async (p) => {
  await ready;
  return addEntityEdit(service, canonicalUri(p.uri), p.name, p.type, p.country, p.role) ?? null;
});

onRequest(UnknownNamesRequest, async (p) => {
  await workspaceRead();
  return unknownNames(service, p?.uri ? canonicalUri(p.uri) : undefined);
});

onRequest(IgnoreNameRequest, async (p) => {
  await ready;
  return ignoreNameEdit(service, canonicalUri(p.uri), p.name, p.type);
});

onRequest(SameMentionsRequest, async (p) => {
  await workspaceRead();
  return sameMentions(service, canonicalUri(p.uri), p.start, p.end);
});

connection.onExecuteCommand(async (params): Promise<CheckWorkspaceResult | ImportWikidataResult | SearchWikidataResult | AnnotateAllReport | boolean | null> => {
  if (params.command === COMMANDS.annotateAll) {
    // Every article of the folder counts: wait until they are read.
    await workspaceRead();
    const args = params.arguments?.[0] as AnnotateAllArgs | undefined;
    const r = args && typeof args.uri === 'string' ? annotateAllFromArgs(service, { ...args, uri: canonicalUri(args.uri) }) : undefined;
    if (!r) return { applied: false, occurrences: 0, articles: 0, unreadable: [] };
    const applied = (await connection.workspace.applyEdit({ label: r.label, edit: r.edit })).applied;
    return { applied, occurrences: r.result.occurrences, articles: r.result.changes.length, unreadable: r.result.unreadable.map((u) => clientUris.of(u)) };
  }
  if (params.command === COMMANDS.searchWikidata) {
    try {
      return { candidates: await searchEntities(String(params.arguments?.[0] ?? '')) };
    } catch (e) {
      return { candidates: [], message: `Wikidata search failed: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  if (params.command === COMMANDS.importWikidata) {
    // The one feature that uses the network, and only when the user asks for it.
    await ready;
    const [uri, ...inputs] = (params.arguments ?? []).map(String);
    const r = await wikidataImport(service, canonicalUri(uri), inputs);
    const applied = r.edit ? (await connection.workspace.applyEdit({ label: 'Import from Wikidata', edit: r.edit })).applied : false;
    return { applied, message: r.message, drifts: r.drifts };
  }
  if (params.command === COMMANDS.refreshAnchors) {
    await ready;
    await service.prepare(canonicalUri(String(params.arguments?.[0])));
    const edit = refreshAnchorsEdit(service, canonicalUri(String(params.arguments?.[0])));
    if (!edit) return false;
    return (await connection.workspace.applyEdit({ label: 'Update annotation anchors', edit })).applied;
  }
  if (params.command === COMMANDS.annotate || params.command === COMMANDS.removeAnnotation || params.command === COMMANDS.reattach) {
    await ready;
    const args = params.arguments ?? [];
    // An edit of the sidecar needs its text: wait while it is being read.
    await service.prepare(canonicalUri(String(params.command === COMMANDS.annotate ? (args[0] as AnnotateArgs | undefined)?.uri : args[0])));
    const edit = params.command === COMMANDS.annotate
      ? annotationEdit(service, { ...(args[0] as AnnotateArgs), uri: canonicalUri((args[0] as AnnotateArgs).uri) })
      : params.command === COMMANDS.reattach
        ? reattachEdit(service, canonicalUri(String(args[0])), String(args[1]), Number(args[2]), Number(args[3]))
        : removeAnnotationEdit(service, canonicalUri(String(args[0])), Number(args[1]));
    if (!edit) return false;
    const label = params.command === COMMANDS.annotate ? 'Add annotation' : params.command === COMMANDS.reattach ? 'Re-attach annotation' : 'Remove annotation';
    const r = await connection.workspace.applyEdit({ label, edit });
    return r.applied;
  }
  await workspaceRead();
  if (params.command !== COMMANDS.checkWorkspace) return null;
  return checkWorkspace();
});

/**
 * "Check Workspace": publishes every article's, sidecar's and registry file's problems now, and
 * counts them as the Problems panel lists them (errors, warnings, information; hints are not listed).
 */
async function checkWorkspace(): Promise<CheckWorkspaceResult> {
  const published: DiagnosticsResult[] = [];
  let articles = 0;
  let registryFiles = 0;
  const check = async (uri: string): Promise<boolean> => {
    const r = await diagnostics.run(uri, true);
    if (!r) return false;
    published.push(r);
    if (!listed(uri)) checked.add(uri);
    return true;
  };
  for (const folder of service.allFolders()) {
    for (const uri of [...folder.articles.keys()]) {
      if (!(await check(uri))) continue;
      articles++;
      const sidecar = sidecarPath(uri);
      if (service.documents.has(sidecar) || folder.sidecarText(sidecar) !== undefined) await check(sidecar);
    }
    for (const uri of folder.snapshot.files.keys()) if (await check(uri)) registryFiles++;
    // The ignore file's problems are listed like any file's.
    const ignore = folder.ignoreUri();
    if (ignore && folder.ignoreFile?.text !== undefined) await check(ignore);
  }
  return { articles, registryFiles, ...countProblems(published) };
}

/** The answer to a request that was cancelled (LSP's RequestCancelled error). */
function cancelledResponse(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

/**
 * Answers a request about `uri` once its analysis is ready, without blocking the event loop while
 * a large article is analyzed (`quick`: a provisional analysis of the current text will do, see
 * `core/splice.ts`). A request cancelled before its answer is computed gets RequestCancelled.
 */
async function answer<T>(uri: string, token: CancellationToken, quick: boolean, compute: () => T | Promise<T>): Promise<T | ResponseError<void>> {
  if (token.isCancellationRequested) return cancelledResponse();
  try {
    await service.prepare(uri, token, quick);
  } catch (e) {
    if (e instanceof CancelledError) return cancelledResponse();
    throw e;
  }
  if (token.isCancellationRequested) return cancelledResponse();
  return compute();
}

connection.onHover(async (p, token) => {
  await ready;
  // A registry entry's hover counts its mentions over the workspace.
  await closesRead();
  return answer(uriOf(p), token, true, () => hover(service, uriOf(p), p.position));
});
connection.onDefinition(async (p, token) => {
  await ready;
  return answer(uriOf(p), token, true, () => definition(service, uriOf(p), p.position));
});
connection.onReferences(async (p, token) => {
  await workspaceRead();
  return answer(uriOf(p), token, false, () => references(service, uriOf(p), p.position, p.context.includeDeclaration));
});
connection.onDocumentHighlight(async (p, token) => {
  await ready;
  return answer(uriOf(p), token, true, () => documentHighlights(service, uriOf(p), p.position));
});
connection.onDocumentSymbol(async (p, token) => {
  await ready;
  return answer(uriOf(p), token, true, () => documentSymbols(service, uriOf(p)));
});
connection.onWorkspaceSymbol(async (p) => {
  await ready;
  return workspaceSymbols(service, p.query);
});
connection.languages.semanticTokens.on(async (p, token) => {
  await ready;
  return answer(uriOf(p), token, true, () => semanticTokens(service, uriOf(p)));
});
connection.languages.inlayHint.on(async (p, token) => {
  await ready;
  return answer(uriOf(p), token, true, () => inlayHints(service, uriOf(p), p.range));
});
connection.onCodeLens(async (p, token) => {
  await workspaceRead();
  return answer(uriOf(p), token, false, () => codeLenses(service, uriOf(p)));
});
connection.onCodeLensResolve(async (lens) => {
  await workspaceRead();
  return resolveCodeLens(service, lens);
});
connection.onCodeActionResolve(async (action) => {
  await workspaceRead();
  return resolveAnnotateAllAction(service, action);
});
connection.onCodeAction(async (p, token) => {
  await ready;
  const uri = uriOf(p);
  const folderUri = service.folderFor(uri).uri;
  const s = folderUri ? (await settings.get(folderUri)).core : {};
  return answer(uri, token, false, () => codeActions(service, uri, p.range, p.context, s));
});
connection.onCompletion(async (p, token) => {
  await ready;
  return answer(uriOf(p), token, true, () => completion(service, uriOf(p), p.position));
});

documents.listen(connection);
connection.listen();
