/**
 * "Annotate all occurrences" inside a real VS Code: the quick fix on an unknown name resolves to
 * an edit over every sidecar (codeAction/resolve); the server's command makes one decision for
 * every identical mention of the workspace; VS Code shows the edit in the Refactor Preview (its
 * change annotation needs confirmation), nothing is written until it is applied there, and once
 * applied the sidecars are on disk (one created, one merged with its comment kept) and the hints go.
 * Waits are on events (documents opened, diagnostics changed), never on fixed sleeps.
 *
 * The file's name sorts it last: it adds articles to the workspace, which the server knows until
 * the file watcher reports their deletion, and "Check Workspace" (diagnostics.test.ts) counts them.
 */

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { when } from './when';
import type { AnnotateAllReport } from '../../../server/src/lsp/protocol';

const EXTENSION_ID = 'attache.attache';
const NAME = 'Marta Kowalczyk';
const PREVIEW_SCHEME = 'vscode-bulkeditpreview-editor';

function root(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder is open');
  return f.uri;
}

const file = (name: string): vscode.Uri => vscode.Uri.joinPath(root(), 'articles', 'annotate-all', name);
const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);

const ARTICLES: Record<string, string> = {
  'one.article': `---\ndate: 2025-11-03\n---\n${NAME}, a spokeswoman, said the talks would resume in Geneva.\n`,
  'two.article': `---\ndate: 2025-11-04\n---\nThe envoys met again. ${NAME} said both sides had made progress.\n`,
  'three.article': `---\ndate: 2025-11-05\n---\nAsked about the timetable, ${NAME} said no date had been set.\n`,
};
/** two.article already has a sidecar, with a comment that must stay. */
const TWO_SIDECAR = '# reviewed by the desk\nversion: 1\nannotations:\n';

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

suite('Annotate all occurrences', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    const enc = new TextEncoder();
    for (const [name, text] of Object.entries(ARTICLES)) await vscode.workspace.fs.writeFile(file(name), enc.encode(text));
    await vscode.workspace.fs.writeFile(file('two.article.annotations.yaml'), enc.encode(TWO_SIDECAR));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // File by file: the watchers match files, and deleting only the folder may report only the folder.
    for (const name of Object.keys(ARTICLES)) {
      for (const f of [file(name), file(`${name}.annotations.yaml`)]) await vscode.workspace.fs.delete(f, { useTrash: false }).then(undefined, () => undefined);
    }
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(root(), 'articles', 'annotate-all'), { recursive: true, useTrash: false });
  });

  test('the command previews one edit over every sidecar; applied, the sidecars are written and the hints go', async () => {
    // Open the three articles: the server knows them and publishes their hints.
    const docs: vscode.TextDocument[] = [];
    for (const name of Object.keys(ARTICLES)) {
      const doc = await vscode.workspace.openTextDocument(file(name));
      await vscode.window.showTextDocument(doc, { preview: false });
      docs.push(doc);
      await when(vscode.languages.onDidChangeDiagnostics, () => vscode.languages.getDiagnostics(doc.uri), (d) => d.some((x) => codeOf(x) === 'unknown-entity'), `the unknown name in ${name}`);
    }
    const first = docs[0];
    const start = first.getText().indexOf(NAME);

    // The quick fix on the hint: its edit over the three sidecars comes from codeAction/resolve.
    const hint = vscode.languages.getDiagnostics(first.uri).find((x) => codeOf(x) === 'unknown-entity')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', first.uri, hint.range, vscode.CodeActionKind.QuickFix.value, 100);
    const markAll = actions.find((a) => a.title === `Mark all 3 occurrences of '${NAME}' in the workspace as not an entity`);
    assert.ok(markAll?.edit, actions.map((a) => a.title).join(' | '));
    assert.deepEqual([...new Set(markAll.edit.entries().map(([u]) => u.path.replace(/.*\//, '')))].sort(), ['one.article.annotations.yaml', 'three.article.annotations.yaml', 'two.article.annotations.yaml']);

    // The preview's models open as documents of its own scheme: one per file it shows.
    const previewed = new Set<string>();
    const opened = when(vscode.workspace.onDidOpenTextDocument, () => {
      for (const d of vscode.workspace.textDocuments) if (d.uri.scheme === PREVIEW_SCHEME) previewed.add(d.uri.path);
      return previewed.size;
    }, (n) => n >= 3, 'the Refactor Preview of three sidecars');
    const run = vscode.commands.executeCommand<AnnotateAllReport>('attache.server.annotateAll', { uri: first.uri.toString(), start, end: start + NAME.length, kind: 'not-entity', author: 'tester' });
    await opened;
    assert.deepEqual([...previewed].map((p) => p.replace(/.*\//, '')).sort(), ['one.article.annotations.yaml', 'three.article.annotations.yaml', 'two.article.annotations.yaml']);
    assert.equal(await readText(file('one.article.annotations.yaml')), undefined, 'nothing is written before the preview is applied');

    // Tick the three files in the preview (changes that need confirmation start unticked), then apply.
    await vscode.commands.executeCommand('list.collapseAll');
    await vscode.commands.executeCommand('list.focusFirst');
    for (let i = 0; i < 3; i++) {
      if (i) await vscode.commands.executeCommand('list.focusDown');
      await vscode.commands.executeCommand('refactorPreview.toggleCheckedState');
    }
    await vscode.commands.executeCommand('refactorPreview.apply');
    const report = await run;
    assert.deepEqual(report, { applied: true, occurrences: 3, articles: 3, unreadable: [] });
    // The edited sidecars are open in VS Code, unsaved unless auto-save is on: save them.
    const state: string[] = [];
    for (const name of Object.keys(ARTICLES)) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file(`${name}.annotations.yaml`).toString());
      state.push(`${name}: ${doc ? `open, dirty ${doc.isDirty}, ${doc.getText().length} chars` : 'not open'}`);
      // VS Code may be saving it already (files.refactoring.autoSave): then wait for that save.
      if (doc?.isDirty && !(await doc.save())) await when(vscode.workspace.onDidSaveTextDocument, () => doc.isDirty, (dirty) => !dirty, `${name}'s sidecar saved`);
    }

    for (const name of Object.keys(ARTICLES)) {
      const text = await readText(file(`${name}.annotations.yaml`));
      assert.ok(text, `${name}'s sidecar is on disk (${state.join('; ')})`);
      assert.match(text, new RegExp(`- id: a1\\n {4}kind: not-entity\\n {4}target:\\n {6}quote: "${NAME}"\\n`), text);
      assert.match(text, /author: tester/);
    }
    assert.ok((await readText(file('two.article.annotations.yaml')))!.startsWith(TWO_SIDECAR), 'the existing sidecar keeps its comment');
    for (const doc of docs) {
      await when(vscode.languages.onDidChangeDiagnostics, () => vscode.languages.getDiagnostics(doc.uri), (d) => !d.some((x) => codeOf(x) === 'unknown-entity'), `the hint in ${doc.uri.path} to go`);
    }
  });
});
