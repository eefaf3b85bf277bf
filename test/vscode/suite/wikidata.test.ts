/**
 * "Attaché: Import from Wikidata…" inside a real VS Code, against the local replay of the Wikidata
 * API the harness starts (test/e2e/wikidata-replay.mjs, ATTACHE_WIKIDATA_API): a name is searched,
 * the matches are offered with their description and the positions they held, and the one picked
 * is merged into the samples' registry as an edit (reverted at the end). The questions are
 * answered through the command's `WikidataAsk`, as a user would answer them.
 */

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AttacheApi } from '../../../client/src/extension';
import { CandidateItem, importFromWikidata } from '../../../client/src/wikidataImport';

const EXTENSION_ID = 'attache.attache';

function root(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder is open');
  return f.uri;
}

suite('Import from Wikidata', () => {
  test('a name is searched, the matches offered with description and positions, the pick merged into the registry', async function () {
    if (!process.env.ATTACHE_WIKIDATA_API) this.skip(); // the harness's replay; never the real API from a test
    const ext = vscode.extensions.getExtension<AttacheApi>(EXTENSION_ID);
    assert.ok(ext);
    const { client } = await ext.activate();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root(), 'articles', 'riyadh-press-briefing.article')));
    // VS Code saves the files a workspace edit changes without opening them
    // (files.refactoring.autoSave): the registry is put back from this copy at the end.
    const saved = new Map<string, Uint8Array>();
    for (const u of await vscode.workspace.findFiles('registry/*.yaml')) saved.set(u.toString(), await vscode.workspace.fs.readFile(u));
    try {
      await importAndCheck(client);
    } finally {
      // The edit's own save (files.refactoring.autoSave) lands now, not after the restore below.
      await vscode.workspace.saveAll(false);
      for (const [u, bytes] of saved) await vscode.workspace.fs.writeFile(vscode.Uri.parse(u), bytes);
      for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && saved.has(d.uri.toString()))) {
        await vscode.window.showTextDocument(doc);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    }
    const persons = vscode.Uri.joinPath(root(), 'registry', 'persons.yaml');
    // A save still in flight may land after the restore: write the copy again until it stays.
    const want = Buffer.from(saved.get(persons.toString()) ?? new Uint8Array()).toString('utf8');
    for (let i = 0; i < 20; i++) {
      const now = Buffer.from(await vscode.workspace.fs.readFile(persons)).toString('utf8');
      if (now === want) break;
      await vscode.workspace.fs.writeFile(persons, Buffer.from(want, 'utf8'));
      await new Promise((r) => setTimeout(r, 250));
    }
    assert.doesNotMatch(Buffer.from(await vscode.workspace.fs.readFile(persons)).toString('utf8'), /shinzo-abe/);
  });
});

/** Runs the command as a user answering 'Abe' and picking Shinzo Abe; checks what was offered and written. */
async function importAndCheck(client: AttacheApi['client']): Promise<void> {
  let asked = '';
  let offered: CandidateItem[] = [];
  const log: string[] = [];
  const r = await importFromWikidata(client, { appendLine: (l) => log.push(l) }, undefined, {
    input: async () => 'Abe',
    pick: async (term, items) => {
      asked = term;
      offered = items;
      return items.find((i) => i.label === 'Shinzo Abe');
    },
  });
  assert.equal(asked, 'Abe');
  assert.deepEqual(offered.map((i) => [i.label, i.description, i.detail]), [
    ['Abe', 'Q21496446', 'no positions held on Wikidata'],
    ['Shinzo Abe', 'Q132345 · Prime Minister of Japan (2006–2007, 2012–2020)', 'Prime Minister of Japan (2006–2007); Prime Minister of Japan (2012–2020)'],
  ]);
  assert.ok(r?.applied, r?.message);
  assert.match(r.message, /^Imported from Wikidata: .*1 added/);
  // The new person is in the samples' persons.yaml, with both tenures as Prime Minister.
  const persons = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root(), 'registry', 'persons.yaml'));
  const entry = /\n {2}- id: shinzo-abe\n(?: {4}.*\n)+/.exec(persons.getText())?.[0] ?? '';
  assert.match(entry, / {4}wikidata: Q132345\n/, persons.getText().slice(-1500));
  assert.match(entry, /- office: japan-prime-minister\n {8}start: 2006-09-26\n {8}end: 2007-09-26\n/);
  assert.match(entry, /- office: japan-prime-minister\n {8}start: 2012-12-26\n {8}end: 2020-09-16\n/);
}
