/**
 * The annotation commands of the editor: link the selection to a registry entity, mark it as not
 * an entity, add a note, tag it, correct a date's value, remove an annotation. Each asks what it
 * needs (a picker, an input box) and hands the decision to the server's `attache.annotate`
 * command, which answers with a WorkspaceEdit on the article's sidecar file: undoable, and the
 * sidecar's comments and order stay.
 */

import * as os from 'node:os';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, EntitiesRequest, EntityItem } from '../../server/src/lsp/protocol';
import { sendRequest } from './messages';

type Kind = 'link' | 'not-entity' | 'entity' | 'date' | 'note' | 'tag';

function selection(): { editor: vscode.TextEditor; start: number; end: number } | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const sel = editor.selection;
  let range: vscode.Range | undefined = sel.isEmpty ? editor.document.getWordRangeAtPosition(sel.active) : sel;
  if (!range || range.isEmpty) {
    void vscode.window.showInformationMessage('Select the text to annotate first.');
    return undefined;
  }
  range = editor.document.validateRange(range);
  return { editor, start: editor.document.offsetAt(range.start), end: editor.document.offsetAt(range.end) };
}

function author(): string {
  const configured = vscode.workspace.getConfiguration('attache').get<string>('annotations.author');
  if (configured) return configured;
  try {
    return os.userInfo().username;
  } catch {
    return '';
  }
}

async function annotate(kind: Kind, extra: Record<string, unknown>): Promise<void> {
  const s = selection();
  if (!s) return;
  const ok = await vscode.commands.executeCommand<boolean>(COMMANDS.annotate, {
    uri: s.editor.document.uri.toString(), start: s.start, end: s.end, kind, author: author(), ...extra,
  });
  if (!ok) void vscode.window.showWarningMessage('Attaché could not add the annotation (is this file an article of the workspace?).');
}

async function pickEntity(client: LanguageClient, uri: vscode.Uri, selected: string): Promise<EntityItem | undefined> {
  const items = await sendRequest(client, EntitiesRequest, { uri: uri.toString() });
  const pick = await vscode.window.showQuickPick(
    items.map((e) => ({ label: e.name, description: e.id, detail: e.detail, entity: e })),
    { title: `Link '${selected}' to…`, placeHolder: 'Type a name, alias or id', matchOnDescription: true, matchOnDetail: true },
  );
  return pick?.entity;
}

export function registerAnnotationCommands(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('attache.linkSelection', async () => {
      const s = selection();
      const client = getClient();
      if (!s || !client) return;
      const e = await pickEntity(client, s.editor.document.uri, s.editor.document.getText().slice(s.start, s.end));
      if (e) await annotate('link', { entity: e.id });
    }),
    vscode.commands.registerCommand('attache.markNotEntity', () => annotate('not-entity', {})),
    vscode.commands.registerCommand('attache.addNote', async () => {
      const body = await vscode.window.showInputBox({ title: 'Note on the selection', prompt: 'Free text, kept in the article\'s annotation file' });
      if (body) await annotate('note', { body });
    }),
    vscode.commands.registerCommand('attache.tagSelection', async () => {
      const tags = vscode.workspace.getConfiguration('attache').get<string[]>('annotations.tags') ?? ['claim', 'quote', 'source'];
      const tag = await vscode.window.showQuickPick(tags, { title: 'Tag the selection' });
      if (tag) await annotate('tag', { tag });
    }),
    vscode.commands.registerCommand('attache.correctDate', async () => {
      const value = await vscode.window.showInputBox({
        title: 'Correct date value',
        prompt: 'A TIMEX3 value: 2025-09-29, 2025-09, 2025, 199X, 2009/2013, 2025-W31, 2024-Q3',
        validateInput: (v) => (/^(?:\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2}|-Q[1-4])?|\d{3}X)(?:\/(?:\d{4}(?:-\d{2}(?:-\d{2})?)?))?$/.test(v.trim()) ? undefined : 'Write a TIMEX3 value such as 2025-09-29'),
      });
      if (value) await annotate('date', { value: value.trim() });
    }),
    // The quick fix of an orphaned annotation: attach it to what is selected in its article.
    vscode.commands.registerCommand('attache.reattachAnnotation', async (articleUri: string, id: string) => {
      const uri = vscode.Uri.parse(articleUri);
      const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString() && !e.selection.isEmpty);
      if (!editor) {
        await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside });
        void vscode.window.showInformationMessage(`Select the text annotation '${id}' belongs to in the article, then apply the quick fix again.`);
        return;
      }
      const ok = await vscode.commands.executeCommand<boolean>(COMMANDS.reattach, articleUri, id, editor.document.offsetAt(editor.selection.start), editor.document.offsetAt(editor.selection.end));
      if (!ok) void vscode.window.showWarningMessage(`Attaché could not re-attach annotation '${id}' (is its target written in block style?).`);
    }),
    vscode.commands.registerCommand('attache.removeAnnotation', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const ok = await vscode.commands.executeCommand<boolean>(COMMANDS.removeAnnotation, editor.document.uri.toString(), editor.document.offsetAt(editor.selection.active));
      if (!ok) void vscode.window.showInformationMessage('No annotation at the cursor.');
    }),
  );
}
