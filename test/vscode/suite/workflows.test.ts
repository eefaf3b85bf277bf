/**
 * Attaché's commands and menus inside a real VS Code: File > New > Article, the context keys that
 * decide which annotation commands the context menu shows, and "Add 'X' to the registry…" from
 * the quick fix to the revealed entry. Waits are on events, never on fixed sleeps.
 */

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { when } from './when';
import { Ask, addToRegistry } from '../../../client/src/addToRegistry';
import type { AttacheApi } from '../../../client/src/extension';

const EXTENSION_ID = 'attache.attache';

function root(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder is open');
  return f.uri;
}

const article = (name: string): vscode.Uri => vscode.Uri.joinPath(root(), 'articles', name);

async function api(): Promise<AttacheApi> {
  const ext = vscode.extensions.getExtension<AttacheApi>(EXTENSION_ID);
  assert.ok(ext);
  return ext.activate();
}

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);

interface MenuItem {
  command: string;
  when?: string;
}

suite('Attaché commands and menus', () => {
  test('New Article is in File > New and opens an untitled article with front matter dated today', async () => {
    const menus = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.menus as Record<string, MenuItem[]>;
    assert.ok(menus['file/newFile'].some((m) => m.command === 'attache.newArticle'));
    await api();
    const before = localToday();
    await vscode.commands.executeCommand('attache.newArticle');
    const e = vscode.window.activeTextEditor;
    assert.ok(e);
    assert.equal(e.document.isUntitled, true);
    assert.equal(e.document.languageId, 'diplomatic-article');
    const text = e.document.getText();
    const date = /^---\ntitle: Title of the article\ndate: (\d{4}-\d{2}-\d{2})\nsource: Source\n---\n\n$/.exec(text)?.[1];
    assert.ok(date, text);
    assert.ok(date === before || date === localToday(), `${date} is today`);
    // The title placeholder is selected: typing replaces it, Tab moves on to the source.
    assert.equal(e.document.getText(e.selection), 'Title of the article');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the context menu shows each annotation command only where it applies', async () => {
    const menu = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.menus['editor/context'] as MenuItem[];
    const whenOf = (c: string): string | undefined => menu.find((m) => m.command === c)?.when;
    assert.match(whenOf('attache.correctDate') ?? '', /&& attache\.onDate$/);
    assert.match(whenOf('attache.removeAnnotation') ?? '', /&& attache\.onAnnotation$/);
    assert.match(whenOf('attache.linkSelection') ?? '', /&& editorHasSelection$/);
    assert.match(whenOf('attache.markNotEntity') ?? '', /&& editorHasSelection$/);
    // The keys themselves follow the selection.
    const { contextKeys } = await api();
    const doc = await vscode.workspace.openTextDocument(article('riyadh-press-briefing.article'));
    const editor = await vscode.window.showTextDocument(doc);
    const place = (needle: string, delta: number): void => {
      const at = doc.getText().indexOf(needle);
      assert.ok(at >= 0, needle);
      const p = doc.positionAt(at + delta);
      editor.selection = new vscode.Selection(p, p);
    };
    const keys = (what: string, onDate: boolean, onAnnotation: boolean): Promise<unknown> =>
      when(contextKeys.onDidChange, contextKeys.current, (k) => k.onDate === onDate && k.onAnnotation === onAnnotation, what);
    place('Thursday', 3);
    await keys('on a date, not annotated', true, false);
    // "Tokyo" at the top is marked as not an entity in the sidecar.
    place('Tokyo Sees', 2);
    await keys('on an annotated span', false, true);
    place('business travellers', 4);
    await keys('on plain text', false, false);
    // "July" carries a date correction and a note: both keys.
    place('in July to launch', 5);
    await keys('on an annotated date', true, true);
  });

  test('"Add to the registry…" asks the type (guess preselected) and the country, writes the entry and reveals it', async () => {
    const { client } = await api();
    const uri = article('nato-japan-partnership.article');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const diags = await when(vscode.languages.onDidChangeDiagnostics, () => vscode.languages.getDiagnostics(uri), (d) => d.some((x) => codeOf(x) === 'unknown-entity'), 'the unknown name');
    const unknown = diags.find((x) => codeOf(x) === 'unknown-entity')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, unknown.range, vscode.CodeActionKind.QuickFix.value);
    const add = actions.find((a) => a.title === "Add 'Osamu Izawa' to the registry…");
    assert.ok(add?.command, actions.map((a) => a.title).join(' | '));
    assert.equal(add.edit, undefined, 'nothing is written before the user answers');
    assert.equal(add.command.command, 'attache.addToRegistry');
    assert.ok((await vscode.commands.getCommands(true)).includes('attache.addToRegistry'));
    // Answer the two questions as a user would, noting what was offered.
    const offered: { types?: string[]; preselected?: string; countries?: string[] } = {};
    const ask: Ask = {
      type: async (_name, items, preselected) => {
        offered.types = items.map((i) => i.label);
        offered.preselected = preselected?.label;
        return preselected;
      },
      country: async (_name, _type, items, preselected) => {
        offered.countries = items.map((i) => i.label);
        assert.equal(preselected.label, 'No country');
        return items.find((i) => i.id === 'japan');
      },
    };
    const [argUri, name, guessed] = add.command.arguments as [string, string, string];
    const id = await addToRegistry(client, argUri, name, guessed, ask);
    assert.equal(id, 'osamu-izawa');
    assert.deepEqual(offered.types, ['person', 'organization', 'country', 'place', 'office', 'event']);
    assert.equal(offered.preselected, 'person');
    assert.ok(offered.countries?.includes('Japan') && offered.countries[0] === 'No country', JSON.stringify(offered.countries));
    // The registry file for persons is open, the new entry selected.
    const e = vscode.window.activeTextEditor;
    assert.ok(e);
    assert.match(e.document.uri.path, /registry\/persons\.yaml$/);
    assert.match(e.document.getText(e.selection), /^- id: osamu-izawa\n {4}type: person\n {4}name: Osamu Izawa\n {4}country: japan$/);
    // The name is known now: the hint goes.
    await when(vscode.languages.onDidChangeDiagnostics, () => vscode.languages.getDiagnostics(uri), (d) => !d.some((x) => codeOf(x) === 'unknown-entity'), 'the unknown-entity hint to go');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
