/**
 * The VS Code client: starts the bundled language server (`server/out/server.js`, the same file
 * `node server/out/server.js --stdio` runs) over IPC and connects it to articles, registry files
 * and annotation sidecars. It adds what only the editor can do: a status bar item (registry size
 * and errors, fed by the server's `attache/status` notification), an output channel for the
 * server log, file watchers for registry and article globs, and a few commands. It knows nothing
 * about articles: every answer comes from the server.
 */

import * as path from 'node:path';
import * as vscode from 'vscode';
import { registerAddToRegistry } from './addToRegistry';
import { registerAnnotationCommands } from './annotate';
import { registerAnnotationsView } from './annotationsView';
import { ContextKeyState, noteHoverAt, registerContextKeys } from './contextKeys';
import { registerTimeline } from './timeline';
import { UnknownNamesProvider, registerUnknownNamesView } from './unknownNamesView';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { CLIENT_COMMANDS, COMMANDS, CheckWorkspaceResult, FolderStatus, StatusNotification } from '../../server/src/lsp/protocol';
import { SIDECAR_SUFFIX } from '../../server/src/core/annotations/naming';
import { frontMatterText, startsWithFrontMatter } from '../../server/src/core/frontMatter';
import { onNotification } from './messages';
import { importFromWikidata } from './wikidataImport';

let client: LanguageClient | undefined;
let status: vscode.StatusBarItem | undefined;
let lastStatus: FolderStatus[] = [];

const DEFAULT_ARTICLES = ['**/*.article', '**/articles/**/*.txt', '**/articles/**/*.md'];
const DEFAULT_REGISTRY = ['registry.yaml', 'registry/**/*.yaml'];

/** Folder-relative globs as patterns that match anywhere (document filters see full paths). */
function anywhere(globs: readonly string[]): string[] {
  return globs.map((g) => (g.startsWith('**/') || g.startsWith('/') ? g : `**/${g}`));
}

function globsSetting(key: 'articles' | 'registry', fallback: string[]): string[] {
  const v = vscode.workspace.getConfiguration('attache').get<unknown>(key);
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : fallback;
}

function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const articles = anywhere(globsSetting('articles', DEFAULT_ARTICLES));
  const registry = anywhere(globsSetting('registry', DEFAULT_REGISTRY));
  const watched = [...new Set([...articles, ...registry, `**/*${SIDECAR_SUFFIX}`, '**/attache.ignore.yaml'])];
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'diplomatic-article' },
      ...articles.map((pattern) => ({ scheme: 'file', pattern })),
      ...registry.map((pattern) => ({ scheme: 'file', pattern })),
      { scheme: 'file', pattern: '**/*.annotations.{yaml,yml}' },
      { scheme: 'file', pattern: '**/attache.ignore.yaml' },
    ],
    synchronize: {
      configurationSection: 'attache',
      // Registry and article files changed outside the editor (git checkout, another tool).
      fileEvents: watched.map((g) => vscode.workspace.createFileSystemWatcher(g)),
    },
    // entityTokenTypes: this extension contributes Attaché's semantic token types and their
    // colours (package.json), so the server may use them instead of the standard types.
    initializationOptions: { clientWatchesFiles: true, entityTokenTypes: true },
    outputChannel: output,
    // Hovers may link to one command: the timeline of the entity hovered ("Show on timeline").
    markdown: { isTrusted: { enabledCommands: [CLIENT_COMMANDS.showTimeline] } },
    middleware: {
      // The mouse rests here: the menu keys follow it, for a right-click on this spot (contextKeys.ts).
      provideHover: (document, position, token, next) => {
        noteHoverAt(document, position);
        return next(document, position, token);
      },
      executeCommand: async (command, args, next) => {
        const result = await next(command, args);
        if (command === COMMANDS.checkWorkspace && result) {
          void vscode.window.showInformationMessage(checkWorkspaceSummary(result as CheckWorkspaceResult));
        }
        return result;
      },
    },
  };
  return new LanguageClient('attache', 'Attaché', serverOptions, clientOptions);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The "Check Workspace" summary: its total is what the Problems panel lists of Attaché's problems. */
function checkWorkspaceSummary(r: CheckWorkspaceResult): string {
  const total = r.errors + r.warnings + r.infos;
  const files = `${plural(r.articles, 'article')}${r.registryFiles ? ` and ${plural(r.registryFiles, 'registry file')}` : ''}`;
  const hints = r.hints ? ` (${plural(r.hints, 'hint')} shown in the editor only)` : '';
  return `Attaché checked ${files}: ${plural(total, 'problem')} in the Problems panel — ${plural(r.errors, 'error')}, ${plural(r.warnings, 'warning')}, ${r.infos} information${hints}.`;
}

function updateStatus(folders: FolderStatus[]): void {
  lastStatus = folders;
  if (!status) return;
  const entities = folders.reduce((n, f) => n + f.entities, 0);
  const errors = folders.reduce((n, f) => n + f.errors, 0);
  const warnings = folders.reduce((n, f) => n + f.warnings, 0);
  const files = folders.reduce((n, f) => n + f.registryFiles.length, 0);
  status.text = `$(book) ${entities.toLocaleString('en')} entities${errors ? ` $(error) ${errors}` : ''}${warnings ? ` $(warning) ${warnings}` : ''}`;
  status.tooltip = files
    ? folders.map((f) => `${f.name}: ${f.entities} entities in ${f.registryFiles.length} registry file(s), ${f.errors} error(s), ${f.warnings} warning(s), ${f.articles} article(s)`).join('\n') + '\nClick to open the registry.'
    : 'No registry file found: create registry.yaml (setting attache.registry).';
  status.backgroundColor = errors ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  status.show();
}

/**
 * Asks for a publication date and inserts front matter with it at the top of the article (an
 * ordinary edit the user can undo). The server offers this when it cannot know the date.
 */
async function insertFrontMatter(uri?: string): Promise<void> {
  const doc = uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)) : vscode.window.activeTextEditor?.document;
  if (!doc) return;
  if (startsWithFrontMatter(doc.getText())) {
    void vscode.window.showInformationMessage('This article already has front matter: edit its date: line.');
    return;
  }
  const date = await vscode.window.showInputBox({
    title: 'Publication date of the article',
    prompt: 'YYYY-MM-DD: relative and partial dates ("last week", "in July") are resolved against it',
    value: localToday(),
    validateInput: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v.trim()) && !Number.isNaN(Date.parse(v.trim())) ? undefined : 'Write the date as YYYY-MM-DD'),
  });
  if (!date) return;
  const edit = new vscode.WorkspaceEdit();
  edit.insert(doc.uri, new vscode.Position(0, 0), frontMatterText(date.trim(), doc.getText()));
  await vscode.workspace.applyEdit(edit);
}

/** Today's date where the user is (not in UTC): what an editor means by "today". */
export function localToday(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * File > New > Article: an untitled article with front matter (title, today's date, source) as a
 * snippet, so Tab moves from the title to the source to the body. Saving it (as `NAME.article`
 * in the workspace) brings it under the language server like any article.
 */
async function newArticle(): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'diplomatic-article' });
  const editor = await vscode.window.showTextDocument(doc);
  await editor.insertSnippet(new vscode.SnippetString(`---\ntitle: \${1:Title of the article}\ndate: ${localToday()}\nsource: \${2:Source}\n---\n\${0}\n`));
  return editor;
}

/** Opens the registry of the active editor's folder (or the first folder that has one). */
async function openRegistry(): Promise<void> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = active && vscode.workspace.getWorkspaceFolder(active);
  const mine = lastStatus.find((f) => folder && f.uri !== null && vscode.Uri.parse(f.uri).toString() === folder.uri.toString() && f.registryFiles.length);
  const target = (mine ?? lastStatus.find((f) => f.registryFiles.length))?.registryFiles[0];
  if (!target) {
    void vscode.window.showInformationMessage('Attaché found no registry file. Create registry.yaml in the workspace folder, or set attache.registry.');
    return;
  }
  await vscode.window.showTextDocument(vscode.Uri.parse(target));
}

/** What the extension exports to other extensions (and the in-host tests). */
export interface AttacheApi {
  client: LanguageClient;
  /** The values of the `attache.onDate` and `attache.onAnnotation` context keys. */
  contextKeys: ContextKeyState;
  /** The "Unknown names" view's data. */
  unknownNames: UnknownNamesProvider;
}

export async function activate(context: vscode.ExtensionContext): Promise<AttacheApi> {
  const output = vscode.window.createOutputChannel('Attaché');
  status = vscode.window.createStatusBarItem('attache.registry', vscode.StatusBarAlignment.Left, 10);
  status.name = 'Attaché registry';
  status.command = 'attache.openRegistry';
  status.text = '$(sync~spin) Attaché';
  status.show();
  context.subscriptions.push(output, status);

  client = createClient(context, output);
  registerAnnotationCommands(context, () => client);
  registerAnnotationsView(context, () => client);
  const contextKeys = registerContextKeys(context, () => client);
  registerAddToRegistry(context, () => client);
  registerTimeline(context, () => client);
  const unknownNames = registerUnknownNamesView(context, () => client);
  context.subscriptions.push(
    vscode.commands.registerCommand('attache.openRegistry', openRegistry),
    vscode.commands.registerCommand('attache.newArticle', newArticle),
    vscode.commands.registerCommand(CLIENT_COMMANDS.insertFrontMatter, insertFrontMatter),
    vscode.commands.registerCommand('attache.showOutput', () => output.show(true)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.importFromWikidata, (term?: unknown) => client && importFromWikidata(client, output, typeof term === 'string' ? term : undefined)),
    vscode.commands.registerCommand('attache.restartServer', async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand(CLIENT_COMMANDS.showReferences, async (uri: string, position: { line: number; character: number }, locations: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[]) => {
      const c = client!;
      await vscode.commands.executeCommand(
        'editor.action.showReferences',
        vscode.Uri.parse(uri),
        c.protocol2CodeConverter.asPosition(position),
        locations.map((l) => c.protocol2CodeConverter.asLocation(l)),
      );
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // The document selector and the watchers are built from these globs: start afresh.
      if (e.affectsConfiguration('attache.articles') || e.affectsConfiguration('attache.registry')) {
        await client?.stop();
        client = createClient(context, output);
        onNotification(client, StatusNotification, (p) => updateStatus(p.folders));
        await client.start();
      }
    }),
  );
  onNotification(client, StatusNotification, (p) => updateStatus(p.folders));
  await client.start();
  // A getter: a settings change that restarts the server replaces the client.
  return { get client() { return client!; }, contextKeys, unknownNames };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
