/**
 * Attaché inside a real VS Code: the extension activates on the samples workspace (a copy made by
 * the harness), and every editor feature is checked through the VS Code API as a user meets it.
 * Waits are on events (diagnostics changed, activation), never on fixed sleeps.
 */

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'attache.attache';

function root(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder is open');
  return f.uri;
}

function article(name: string): vscode.Uri {
  return vscode.Uri.joinPath(root(), 'articles', name);
}

/** Resolves when `predicate` holds for the diagnostics of `uri`, checked now and on every change. */
function diagnosticsWhere(uri: vscode.Uri, predicate: (d: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 30000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const d = vscode.languages.getDiagnostics(uri);
      if (predicate(d)) {
        sub.dispose();
        clearTimeout(timer);
        resolve(d);
        return true;
      }
      return false;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}; diagnostics now: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((x) => [x.code, x.range.start.line]))}`));
    }, timeoutMs);
    check();
  });
}

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);
const count = (ds: vscode.Diagnostic[], code: string): number => ds.filter((d) => codeOf(d) === code).length;

async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}

function positionOf(doc: vscode.TextDocument, text: string, nth = 0): vscode.Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = doc.getText().indexOf(text, at + 1);
  assert.ok(at >= 0, `'${text}' is in ${doc.uri.path}`);
  return doc.positionAt(at + 1);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

suite('Attaché in VS Code', () => {
  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    await ext.activate();
  });

  test('articles get the diplomatic-article language', async () => {
    const e = await open(article('qatar-japan-defense.article'));
    assert.equal(e.document.languageId, 'diplomatic-article');
  });

  test('articles wrap like prose and get no word-completion pop-ups', () => {
    const editor = vscode.workspace.getConfiguration('editor', { languageId: 'diplomatic-article' });
    assert.equal(editor.get('wordWrap'), 'on');
    assert.deepEqual(editor.get('quickSuggestions'), { other: false, comments: false, strings: false });
    assert.equal(editor.get('semanticHighlighting.enabled'), true);
  });

  test('diagnostics of each planted code appear on the planted lines', async () => {
    const defense = article('qatar-japan-defense.article');
    await open(defense);
    const d = await diagnosticsWhere(defense, (x) => count(x, 'role-conflict') === 2 && count(x, 'event-date-conflict') === 1, 'two role conflicts and an event date conflict');
    assert.deepEqual(d.filter((x) => codeOf(x) === 'role-conflict').map((x) => x.range.start.line), [5, 5]);
    assert.ok(d.some((x) => /Hayashi Yoshimasa was Minister for Foreign Affairs of Japan from 2021-11-10 to 2023-09-13/.test(x.message)));
    const nato = article('nato-japan-partnership.article');
    await open(nato);
    const n = await diagnosticsWhere(nato, (x) => count(x, 'weekday-mismatch') === 1 && count(x, 'unknown-entity') === 1, 'a weekday mismatch and an unknown entity');
    assert.equal(n.find((x) => codeOf(x) === 'weekday-mismatch')!.range.start.line, 5);
    const riyadh = article('riyadh-press-briefing.article');
    await open(riyadh);
    // Its sidecar links the otherwise ambiguous 'Hayashi': no ambiguous-mention there.
    await diagnosticsWhere(riyadh, (x) => count(x, 'ambiguous-mention') === 0 && count(x, 'unresolved-date') === 1 && count(x, 'duplicate-paragraph') === 1, 'unresolved and duplicate, the ambiguity linked');
    const tokyo = article('tokyo-briefing.article');
    await open(tokyo);
    await diagnosticsWhere(tokyo, (x) => count(x, 'ambiguous-mention') === 1 && count(x, 'metadata-date-conflict') === 1, 'an ambiguous surname and a date conflict');
  });

  test('a diagnostic vanishes when the text is fixed', async () => {
    const nato = article('nato-japan-partnership.article');
    const e = await open(nato);
    await diagnosticsWhere(nato, (x) => count(x, 'weekday-mismatch') === 1, 'the weekday mismatch');
    const at = e.document.getText().indexOf('Thursday, 23 July 2025');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(nato, new vscode.Range(e.document.positionAt(at), e.document.positionAt(at + 'Thursday'.length)), 'Wednesday');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await diagnosticsWhere(nato, (x) => count(x, 'weekday-mismatch') === 0, 'the weekday mismatch to vanish');
  });

  test('hover on an official shows the office held at that date', async () => {
    const e = await open(article('japan-germany-dialogue.article'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', e.document.uri, positionOf(e.document, 'Takeshi Iwaya'));
    const text = hoverText(hovers);
    assert.match(text, /Iwaya Takeshi/);
    assert.match(text, /Minister for Foreign Affairs of Japan/);
    assert.match(text, /2024-10-01/);
  });

  test('go to definition lands on the entity in the registry YAML', async () => {
    const e = await open(article('japan-germany-dialogue.article'));
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', e.document.uri, positionOf(e.document, 'Johann Wadephul'));
    assert.ok(defs.length >= 1);
    const d = defs[0];
    const uri = 'targetUri' in d ? d.targetUri : d.uri;
    const range = 'targetUri' in d ? d.targetRange : d.range;
    assert.match(uri.path, /registry\/persons\.yaml$/);
    const yaml = await vscode.workspace.openTextDocument(uri);
    assert.match(yaml.lineAt(range.start.line).text, /johann-wadephul/);
  });

  test('find references spans several articles', async () => {
    const e = await open(article('second-strategic-dialogue.article'));
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', e.document.uri, positionOf(e.document, 'Hayashi Yoshimasa'));
    const files = new Set(refs.map((r) => r.uri.path.split('/').pop()));
    assert.ok(files.has('second-strategic-dialogue.article'));
    assert.ok(files.has('qatar-japan-defense.article'));
    assert.ok(files.size >= 2, [...files].join(', '));
  });

  test('the duplicate-paragraph quick fix deletes the repeated run', async () => {
    const uri = article('japan-germany-dialogue.article');
    const e = await open(uri);
    const d = await diagnosticsWhere(uri, (x) => count(x, 'duplicate-paragraph') === 1, 'the duplicated run');
    const dup = d.find((x) => codeOf(x) === 'duplicate-paragraph')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, dup.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.edit && /[Dd]elete/.test(a.title));
    assert.ok(fix, `a delete fix among ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    const text = e.document.getText();
    assert.equal(text.split('The talks were led by Japanese Foreign Minister').length - 1, 1);
    assert.ok(!/\n\n\n/.test(text), 'no doubled blank lines remain');
    await diagnosticsWhere(uri, (x) => count(x, 'duplicate-paragraph') === 0, 'the duplicate to vanish');
  });

  test('the link quick fix on an ambiguous surname writes an annotation and the warning goes', async () => {
    const uri = article('tokyo-briefing.article');
    const e = await open(uri);
    const d = await diagnosticsWhere(uri, (x) => count(x, 'ambiguous-mention') === 1, 'the ambiguous surname');
    const amb = d.find((x) => codeOf(x) === 'ambiguous-mention')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, amb.range, vscode.CodeActionKind.QuickFix.value);
    const link = actions.find((a) => a.title === 'Link to Hayashi Yoshimasa');
    assert.ok(link?.edit, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(link.edit));
    const sidecar = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root(), 'articles', 'tokyo-briefing.article.annotations.yaml'));
    assert.match(sidecar.getText(), /kind: link\n {4}entity: hayashi-yoshimasa/);
    await diagnosticsWhere(uri, (x) => count(x, 'ambiguous-mention') === 0, 'the ambiguity to go');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(e.document, 'Hayashi, who'));
    assert.match(hoverText(hovers), /Hayashi Yoshimasa/);
  });

  test('a registry edit updates an open article\'s diagnostics', async () => {
    const defense = article('qatar-japan-defense.article');
    await open(defense);
    await diagnosticsWhere(defense, (x) => count(x, 'role-conflict') === 2, 'two role conflicts');
    const persons = vscode.Uri.joinPath(root(), 'registry', 'persons.yaml');
    const yaml = await vscode.workspace.openTextDocument(persons);
    const text = yaml.getText();
    const at = text.indexOf('end: 2023-09-13');
    assert.ok(at > 0);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(persons, new vscode.Range(yaml.positionAt(at), yaml.positionAt(at + 'end: 2023-09-13'.length)), 'end: 2025-12-31');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const d = await diagnosticsWhere(defense, (x) => count(x, 'role-conflict') === 1, 'one role conflict left after the registry edit');
    assert.ok(!d.some((x) => /Hayashi Yoshimasa was/.test(x.message)));
  });
});
