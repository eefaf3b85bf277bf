/**
 * The "Unknown names" view inside a real VS Code, on the samples: it lists the samples' unknown
 * names ranked by mentions (the planted official first, with his office); "Not an Entity" writes
 * `attache.ignore.yaml` (created, saved) and the name leaves the view and the Problems panel;
 * "Add to Registry…" writes the person with the role the view suggests (office and start hint).
 * The workspace is left as it was found. Waits are on events, never on fixed sleeps.
 */

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Ask } from '../../../client/src/addToRegistry';
import type { AttacheApi } from '../../../client/src/extension';
import { addNameToRegistry } from '../../../client/src/unknownNamesView';
import type { UnknownNameItem } from '../../../server/src/lsp/protocol';

function root(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder is open');
  return f.uri;
}

async function api(): Promise<AttacheApi> {
  const ext = vscode.extensions.getExtension<AttacheApi>('attache.attache');
  assert.ok(ext);
  return ext.activate();
}

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);

/** Resolves once `check()` gives a value satisfying `ok`, asked now and after every diagnostics change. */
function until<T>(check: () => Promise<T> | T, ok: (v: T) => boolean, what: string, timeoutMs = 30000): Promise<T> {
  return new Promise((resolve, reject) => {
    let last: T | undefined;
    let busy = false;
    const probe = async (): Promise<void> => {
      if (busy) return;
      busy = true;
      try {
        last = await check();
        if (ok(last)) {
          sub.dispose();
          clearTimeout(timer);
          resolve(last);
        }
      } finally {
        busy = false;
      }
    };
    const sub = vscode.languages.onDidChangeDiagnostics(() => void probe());
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}; now: ${JSON.stringify(last)}`));
    }, timeoutMs);
    void probe();
  });
}

suite('The Unknown names view', () => {
  const gulf = vscode.Uri.joinPath(root(), 'articles', 'gulf-maritime-talks.article');
  const ignoreFile = vscode.Uri.joinPath(root(), 'attache.ignore.yaml');

  test('lists the samples\' unknown names, most mentioned first, with the planted official\'s office', async () => {
    const { unknownNames } = await api();
    const names = await until(async () => {
      await unknownNames.refresh();
      return unknownNames.names().map((n) => n.name);
    }, (n) => n.includes('Osamu Izawa') && n.includes('Jasem Mohamed Albudaiwi'), 'the samples\' unknown names');
    assert.equal(names[0], 'Jasem Mohamed Albudaiwi');
    const nasser = unknownNames.names()[0];
    assert.equal(nasser.type, 'person');
    assert.equal(nasser.count, 2);
    assert.deepEqual(nasser.offices.map((o) => [o.id, o.start]), [['gcc-secretary-general', '2025-11-12']]);
    // The tree: one node per name, its mentions as children that open the article at the mention.
    const top = await unknownNames.getChildren();
    assert.deepEqual(top.map((n) => n.item.name), names);
    const item = unknownNames.getTreeItem(top[0]);
    assert.equal(item.label, 'Jasem Mohamed Albudaiwi');
    assert.equal(item.contextValue, 'attacheUnknownName');
    const mentions = await unknownNames.getChildren(top[0]);
    assert.equal(mentions.length, 2);
    const open = unknownNames.getTreeItem(mentions[0]).command;
    assert.ok(open);
    await vscode.commands.executeCommand(open.command, ...(open.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.equal(editor.document.uri.toString(), gulf.toString());
    assert.equal(editor.document.getText(editor.selection), 'Jasem Mohamed Albudaiwi');
  });

  test('"Not an Entity" writes attache.ignore.yaml and the name leaves the view and the Problems panel', async () => {
    const { unknownNames } = await api();
    await unknownNames.refresh();
    const node = (await unknownNames.getChildren()).find((n) => n.item.name === 'Strait of Hormuz');
    assert.ok(node, 'Strait of Hormuz is listed');
    assert.ok(vscode.languages.getDiagnostics(gulf).some((d) => codeOf(d) === 'unknown-entity' && d.message.includes("'Strait of Hormuz'")));
    const written = await vscode.commands.executeCommand<string | undefined>('attache.unknownNames.notEntity', node);
    assert.equal(written, ignoreFile.toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(ignoreFile));
    assert.match(text, /^version: 1\nnames:\n {2}- Strait of Hormuz\n$/m);
    await until(() => vscode.languages.getDiagnostics(gulf).filter((d) => codeOf(d) === 'unknown-entity').map((d) => d.message.split("'")[1]),
      (n) => !n.includes('Strait of Hormuz') && n.includes('Jasem Mohamed Albudaiwi'), 'the hint on Strait of Hormuz to go');
    const names = await until(async () => {
      await unknownNames.refresh();
      return unknownNames.names().map((n) => n.name);
    }, (n) => !n.includes('Strait of Hormuz'), 'the view without Strait of Hormuz');
    assert.ok(names.includes('Osamu Izawa'));
  });

  test('"Add to Registry…" writes the person with the office next to the name and its start hint', async () => {
    const { client, unknownNames } = await api();
    await unknownNames.refresh();
    const nasser = unknownNames.names().find((n: UnknownNameItem) => n.name === 'Jasem Mohamed Albudaiwi');
    assert.ok(nasser);
    const ask: Ask = {
      type: async (_name, _items, preselected) => preselected,
      country: async (_name, _type, _items, preselected) => preselected,
    };
    const persons = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root(), 'registry', 'persons.yaml'));
    const original = persons.getText();
    assert.equal(await addNameToRegistry(client, nasser, ask), 'jasem-mohamed-albudaiwi');
    const e = vscode.window.activeTextEditor;
    assert.ok(e);
    assert.match(e.document.uri.path, /registry\/persons\.yaml$/);
    assert.match(e.document.getText(e.selection), /^- id: jasem-mohamed-albudaiwi\n {4}type: person\n {4}name: Jasem Mohamed Albudaiwi\n {4}roles:\n {6}- office: gcc-secretary-general\n {8}start: 2025-11-12$/);
    // Leave the samples as they were: the registry's text restored (saved or not), the ignore file removed.
    const restore = new vscode.WorkspaceEdit();
    restore.replace(persons.uri, new vscode.Range(persons.positionAt(0), persons.positionAt(persons.getText().length)), original);
    assert.ok(await vscode.workspace.applyEdit(restore));
    await persons.save();
    // Emptied first: the saved ignore file may stay open as a (hidden) document, which a deletion
    // alone would leave as it was; an emptied one is reloaded and sent to the server.
    await vscode.workspace.fs.writeFile(ignoreFile, new TextEncoder().encode('version: 1\nnames: []\n'));
    await until(() => vscode.languages.getDiagnostics(gulf).filter((d) => codeOf(d) === 'unknown-entity').map((d) => d.message.split("'")[1]),
      (n) => n.includes('Strait of Hormuz') && n.includes('Jasem Mohamed Albudaiwi'), 'the hints back');
    await vscode.workspace.fs.delete(ignoreFile);
  });
});
