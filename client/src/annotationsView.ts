/**
 * The "Annotations" view (Explorer) and the subtle decoration of annotated spans, for the active
 * article. Both show what the server reports (`attache/annotations`): the annotations anchored in
 * the current text, and orphans whose text is gone. Refreshed when the active editor changes and
 * when the article's or its sidecar's problems change (which is when the server re-analyzed it).
 */

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AnnotationItem, AnnotationsRequest, COMMANDS } from '../../server/src/lsp/protocol';
import { isSidecarPath, sidecarPath } from '../../server/src/core/annotations/naming';
import { sendRequest } from './messages';

const ICONS: Record<string, string> = { link: 'link', entity: 'symbol-class', 'not-entity': 'circle-slash', date: 'calendar', note: 'note', tag: 'tag' };

class AnnotationsProvider implements vscode.TreeDataProvider<AnnotationItem> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  items: AnnotationItem[] = [];
  uri: vscode.Uri | undefined;

  set(uri: vscode.Uri | undefined, items: AnnotationItem[]): void {
    this.uri = uri;
    this.items = items;
    this.changed.fire();
  }

  getChildren(): AnnotationItem[] {
    return this.items;
  }

  getTreeItem(a: AnnotationItem): vscode.TreeItem {
    const t = new vscode.TreeItem(a.label);
    t.description = a.range ? `“${a.quote.length > 40 ? a.quote.slice(0, 39) + '…' : a.quote}” · line ${a.range.start.line + 1}` : `orphaned: “${a.quote}” is no longer in the text`;
    t.tooltip = `${a.id} (${a.kind})`;
    t.iconPath = new vscode.ThemeIcon(a.range ? ICONS[a.kind] ?? 'comment' : 'warning');
    if (a.range && this.uri) {
      const r = new vscode.Range(a.range.start.line, a.range.start.character, a.range.end.line, a.range.end.character);
      t.command = { title: 'Go to annotation', command: 'vscode.open', arguments: [this.uri, { selection: r }] };
    }
    return t;
  }
}

export function registerAnnotationsView(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  const provider = new AnnotationsProvider();
  const decoration = vscode.window.createTextEditorDecorationType({
    borderStyle: 'dotted',
    borderWidth: '0 0 1px 0',
    borderColor: new vscode.ThemeColor('editorInfo.foreground'),
  });
  let pending: ReturnType<typeof setTimeout> | undefined;
  const refresh = (): void => {
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => void update(), 100);
  };
  const update = async (): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    const client = getClient();
    if (!editor || editor.document.languageId !== 'diplomatic-article' || !client?.isRunning()) {
      provider.set(undefined, []);
      return;
    }
    const items = await sendRequest(client, AnnotationsRequest, { uri: editor.document.uri.toString() }).catch((): AnnotationItem[] => []);
    provider.set(editor.document.uri, items);
    // No hover message on the decoration: the server's hover already shows notes and tags, and a
    // second copy here made each note appear twice ("Note: …" and "note: …").
    editor.setDecorations(decoration, items.filter((a) => a.range).map((a) => new vscode.Range(a.range!.start.line, a.range!.start.character, a.range!.end.line, a.range!.end.character)));
  };
  context.subscriptions.push(
    decoration,
    vscode.window.registerTreeDataProvider('attacheAnnotations', provider),
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active || u.toString() === sidecarPath(active))) refresh();
    }),
    vscode.workspace.onDidSaveTextDocument(async (d) => {
      if (isSidecarPath(d.uri.path)) refresh();
      if (d.languageId !== 'diplomatic-article' || !getClient()?.isRunning()) return;
      // The article was saved: store where its annotations are now, and save the sidecar with it.
      const sidecar = d.uri.with({ path: sidecarPath(d.uri.path) });
      const wasDirty = vscode.workspace.textDocuments.find((x) => x.uri.toString() === sidecar.toString())?.isDirty ?? false;
      const changed = await vscode.commands.executeCommand<boolean>(COMMANDS.refreshAnchors, d.uri.toString());
      if (changed && !wasDirty) await vscode.workspace.textDocuments.find((x) => x.uri.toString() === sidecar.toString())?.save();
    }),
  );
  refresh();
}
