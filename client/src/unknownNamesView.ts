/**
 * The "Unknown names" view (Explorer): the workspace's unknown names as the server ranks them
 * (`UnknownNamesRequest`, the same ranking as `attache suggest`), each with its mention count and
 * guessed type, and its mentions as children (a click opens the article at the mention). Two
 * actions on a name:
 *
 * - "Add to Registry…": the quick fix's flow (`addToRegistry.ts`) with the guessed type and, for a
 *   person named next to an office, the role (that office, the date of the sentence as `start`);
 * - "Not an Entity": the server's edit (`attache/ignoreNameEdit`) that lists the name in the
 *   folder's `attache.ignore.yaml` (created when missing), applied and saved, so the name's hints
 *   disappear from every article at once.
 *
 * Refreshed when Attaché's problems change (the server re-analyzed something) while the view is
 * visible, and on demand.
 */

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { IgnoreNameParams, IgnoreNameRequest, UnknownNameItem, UnknownNameOccurrence, UnknownNamesRequest } from '../../server/src/lsp/protocol';
import { sendRequest } from './messages';
import { Ask, addToRegistry } from './addToRegistry';

export type UnknownNameNode = { kind: 'name'; item: UnknownNameItem } | { kind: 'mention'; item: UnknownNameItem; occurrence: UnknownNameOccurrence };

const ICONS: Record<string, string> = { person: 'person', organization: 'organization', country: 'globe', place: 'location', office: 'briefcase', event: 'calendar' };

export class UnknownNamesProvider implements vscode.TreeDataProvider<UnknownNameNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private items: UnknownNameItem[] = [];
  /** Resolves once the next refresh has the server's answer. */
  private loading: Promise<void> | undefined;

  constructor(private readonly getClient: () => LanguageClient | undefined) {}

  /** Asks the server again; resolves when the view shows the answer. */
  refresh(): Promise<void> {
    const client = this.getClient();
    if (!client?.isRunning()) return Promise.resolve();
    this.loading = sendRequest(client, UnknownNamesRequest, {}).then(
      (items) => {
        this.items = items;
        this.changed.fire();
      },
      () => undefined,
    );
    return this.loading;
  }

  /** The names listed now (top level of the tree). */
  names(): readonly UnknownNameItem[] {
    return this.items;
  }

  async getChildren(node?: UnknownNameNode): Promise<UnknownNameNode[]> {
    if (!node) {
      if (!this.loading) await this.refresh();
      return this.items.map((item) => ({ kind: 'name', item }));
    }
    if (node.kind === 'name') return node.item.occurrences.map((occurrence) => ({ kind: 'mention', item: node.item, occurrence }));
    return [];
  }

  getTreeItem(node: UnknownNameNode): vscode.TreeItem {
    if (node.kind === 'name') return nameItem(node.item);
    const o = node.occurrence;
    const uri = vscode.Uri.parse(o.uri);
    const t = new vscode.TreeItem(`${uri.path.replace(/.*\//, '')}:${o.range.start.line + 1}`);
    const example = node.item.examples.find((e) => e.uri === o.uri && e.line === o.range.start.line);
    if (example) t.tooltip = example.sentence;
    t.description = example ? example.sentence : undefined;
    t.iconPath = new vscode.ThemeIcon('go-to-file');
    const r = new vscode.Range(o.range.start.line, o.range.start.character, o.range.end.line, o.range.end.character);
    t.command = { title: 'Go to the mention', command: 'vscode.open', arguments: [uri, { selection: r }] };
    return t;
  }
}

function nameItem(n: UnknownNameItem): vscode.TreeItem {
  const t = new vscode.TreeItem(n.name, vscode.TreeItemCollapsibleState.Collapsed);
  const office = n.offices[0];
  t.description = `${n.count} × · ${n.type}${office ? ` · ${office.name}` : ''}`;
  t.contextValue = 'attacheUnknownName';
  t.iconPath = new vscode.ThemeIcon(ICONS[n.type] ?? 'question');
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${escapeMd(n.name)}**: not in the registry; looks like ${/^[aeiou]/.test(n.type) ? 'an' : 'a'} ${n.type} `);
  md.appendMarkdown(`(${n.count} mention${n.count === 1 ? '' : 's'} in ${n.articles} article${n.articles === 1 ? '' : 's'}, confidence ${n.confidence.toFixed(2)}).\n\n`);
  for (const o of n.offices) md.appendMarkdown(`- next to **${escapeMd(o.name)}**${o.start ? ` (start hint ${o.start})` : ''}\n`);
  for (const e of n.examples) md.appendMarkdown(`\n> ${escapeMd(e.sentence)}\n`);
  t.tooltip = md;
  return t;
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/** The role a new person entry gets: the office most often named next to it, with its start hint. */
export function roleOf(n: UnknownNameItem): { office: string; start?: string } | undefined {
  const o = n.offices.find((x) => x.id);
  return o?.id ? { office: o.id, ...(o.start ? { start: o.start } : {}) } : undefined;
}

/** "Add to Registry…" on a name: the quick fix's questions, with the guessed type and role. */
export function addNameToRegistry(client: LanguageClient | undefined, n: UnknownNameItem, ask?: Ask): Promise<string | undefined> {
  const at = n.occurrences[0]?.uri ?? n.folder;
  return addToRegistry(client, at, n.name, n.type, ask, roleOf(n));
}

/**
 * "Not an Entity" on a name: lists it in the folder's `attache.ignore.yaml` (an undoable edit,
 * then saved so every tool sees it). Resolves with the ignore file's URI, or undefined when
 * nothing was written (a message says why).
 */
export async function markNotEntity(client: LanguageClient | undefined, n: UnknownNameItem): Promise<vscode.Uri | undefined> {
  if (!client) return undefined;
  const params: IgnoreNameParams = { uri: n.occurrences[0]?.uri ?? n.folder, name: n.name };
  const r = await sendRequest(client, IgnoreNameRequest, params);
  if (!r) {
    void vscode.window.showWarningMessage(`Attaché could not list '${n.name}' as not an entity: it belongs to no workspace folder.`);
    return undefined;
  }
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(r.edit);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showWarningMessage(`Attaché could not write ${vscode.Uri.parse(r.uri).fsPath}.`);
    return undefined;
  }
  const uri = vscode.Uri.parse(r.uri);
  await vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.save();
  return uri;
}

export function registerUnknownNamesView(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): UnknownNamesProvider {
  const provider = new UnknownNamesProvider(getClient);
  const view = vscode.window.createTreeView('attacheUnknownNames', { treeDataProvider: provider, showCollapseAll: true });
  let pending: ReturnType<typeof setTimeout> | undefined;
  const refreshSoon = (): void => {
    if (!view.visible) return;
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => void provider.refresh(), 300);
  };
  const nameOf = (node: UnknownNameNode | undefined): UnknownNameItem | undefined => node?.item;
  context.subscriptions.push(
    view,
    { dispose: () => pending && clearTimeout(pending) },
    vscode.languages.onDidChangeDiagnostics(refreshSoon),
    view.onDidChangeVisibility(refreshSoon),
    vscode.commands.registerCommand('attache.unknownNames.refresh', () => provider.refresh()),
    vscode.commands.registerCommand('attache.unknownNames.addToRegistry', async (node?: UnknownNameNode) => {
      const n = nameOf(node);
      return n ? addNameToRegistry(getClient(), n) : undefined;
    }),
    vscode.commands.registerCommand('attache.unknownNames.notEntity', async (node?: UnknownNameNode) => {
      const n = nameOf(node);
      if (!n) return undefined;
      const uri = await markNotEntity(getClient(), n);
      return uri?.toString();
    }),
  );
  return provider;
}
