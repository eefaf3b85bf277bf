/**
 * Protocol test of `attache.ignore.yaml` and the "Unknown names" requests through the built
 * server: `attache/unknownNames` ranks the workspace's unknown names with their office and
 * mentions; the edit of `attache/ignoreNameEdit` creates the ignore file; once it is on disk (the
 * client's watcher tells the server), the unknown-name problems of that name disappear from every
 * open article at once, and the view no longer lists it; editing the open ignore file takes effect
 * while typing; a bad ignore file is a diagnostic on the file, at the bad entry.
 */

import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { CreateFile, Diagnostic, TextDocumentEdit } from 'vscode-languageserver';
import type { IgnoreNameResult, UnknownNameItem } from '../../server/src/lsp/protocol';
import { joinLines } from '../helpers';
import { TestClient, makeWorkspace, serverPath, stoppedAfterTests } from './client';

const REGISTRY = joinLines(
  'version: 1',
  'entities:',
  '  - id: gcc',
  '    type: organization',
  '    name: Gulf Cooperation Council',
  '    aliases: [GCC]',
  '  - id: gcc-secretary-general',
  '    type: office',
  '    name: Secretary General of the Gulf Cooperation Council',
  '    aliases: [GCC Secretary General]',
  '',
);

const A = joinLines(
  '---', 'date: 2025-11-03', '---',
  'The talks were opened by GCC Secretary General Tariq Al-Hamadi, who said the bloc was ready to help.',
  '',
  'A column in the Gulf Times said the region needed calm.',
  '',
);

const B = joinLines(
  '---', 'date: 2025-11-05', '---',
  'Tariq Al-Hamadi told reporters that the next round would be held in the spring.',
  '',
  'The Gulf Times said the meeting had gone well.',
  '',
);

const unknown = (d: Diagnostic[]): string[] => d.filter((x) => x.code === 'unknown-entity').map((x) => x.message.split("'")[1]);

describe('attache.ignore.yaml and attache/unknownNames', { skip: existsSync(serverPath) ? false : 'server/out/server.js is missing: run `npm run build`' }, () => {
  const { roots, clients } = stoppedAfterTests();

  test('adding a name to the ignore file removes its hints from every open article and from the view', async () => {
    const root = makeWorkspace({ 'registry.yaml': REGISTRY, 'a.article': A, 'b.article': B });
    roots.push(root);
    const c = await TestClient.start(root);
    clients.push(c);
    const a = c.open('a.article', A);
    const b = c.open('b.article', B);
    assert.deepEqual(unknown((await c.waitForDiagnostics(a, (d) => unknown(d).length === 2)).diagnostics), ['Tariq Al-Hamadi', 'Gulf Times']);
    assert.deepEqual(unknown((await c.waitForDiagnostics(b, (d) => unknown(d).length === 2)).diagnostics), ['Tariq Al-Hamadi', 'Gulf Times']);

    const names = await c.request<UnknownNameItem[]>('attache/unknownNames', { uri: a });
    assert.deepEqual(names.map((n) => [n.name, n.type, n.count, n.articles]), [['Gulf Times', 'organization', 2, 2], ['Tariq Al-Hamadi', 'person', 2, 2]]);
    const tariq = names[1];
    assert.deepEqual(tariq.offices, [{ id: 'gcc-secretary-general', name: 'Secretary General of the Gulf Cooperation Council', count: 1, start: '2025-11-03' }]);
    assert.deepEqual(tariq.occurrences.map((o) => [o.uri, o.range.start.line, o.range.start.character, o.range.end.character]), [[a, 3, 47, 62], [b, 3, 0, 15]]);

    // "Not an entity": the edit creates the file with the name in it.
    const r = await c.request<IgnoreNameResult>('attache/ignoreNameEdit', { uri: a, name: 'Gulf Times' });
    assert.equal(r.uri, c.uri('attache.ignore.yaml'));
    const [create, write] = r.edit.documentChanges as [CreateFile, TextDocumentEdit];
    assert.equal(create.kind, 'create');
    const text = write.edits[0].newText;
    assert.match(text, /^version: 1\nnames:\n {2}- Gulf Times\n$/m);
    c.writeFile('attache.ignore.yaml', text, 1);
    for (const uri of [a, b]) assert.deepEqual(unknown((await c.waitForDiagnostics(uri, (d) => unknown(d).length === 1)).diagnostics), ['Tariq Al-Hamadi']);
    const after1 = await c.request<UnknownNameItem[]>('attache/unknownNames', { uri: a });
    assert.deepEqual(after1.map((n) => n.name), ['Tariq Al-Hamadi']);

    // The next name is appended to the existing file.
    const r2 = await c.request<IgnoreNameResult>('attache/ignoreNameEdit', { uri: b, name: 'Tariq Al-Hamadi', type: 'person' });
    const edits = r2.edit.changes?.[r2.uri];
    assert.ok(edits && edits.length === 1);
    assert.equal(edits[0].range.start.line, 4);
    assert.equal(edits[0].newText, '  - name: Tariq Al-Hamadi\n    type: person\n');

    // Editing the open ignore file takes effect before it is saved; closing it brings back the file on disk.
    c.open('attache.ignore.yaml', text + edits[0].newText, 'yaml');
    for (const uri of [a, b]) await c.waitForDiagnostics(uri, (d) => unknown(d).length === 0);
    c.close('attache.ignore.yaml');
    for (const uri of [a, b]) assert.deepEqual(unknown((await c.waitForDiagnostics(uri, (d) => unknown(d).length === 1)).diagnostics), ['Tariq Al-Hamadi']);

    // Deleted: every name is unknown again.
    rmSync(join(root, 'attache.ignore.yaml'));
    void c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: c.uri('attache.ignore.yaml'), type: 3 }] });
    await c.waitForDiagnostics(a, (d) => unknown(d).length === 2);
  });

  test('a bad ignore file is an ignore-syntax diagnostic at the bad entry; its good entries still apply', async () => {
    const bad = joinLines('version: 1', 'names:', '  - Gulf Times', '  - name: Tariq Al-Hamadi', '    type: official', '');
    const root = makeWorkspace({ 'registry.yaml': REGISTRY, 'a.article': A, 'attache.ignore.yaml': bad });
    roots.push(root);
    const c = await TestClient.start(root);
    clients.push(c);
    const a = c.open('a.article', A);
    assert.deepEqual(unknown((await c.waitForDiagnostics(a, (d) => unknown(d).length === 1)).diagnostics), ['Tariq Al-Hamadi']);
    const ignore = c.uri('attache.ignore.yaml');
    const d = (await c.waitForDiagnostics(ignore, (x) => x.length > 0)).diagnostics;
    assert.deepEqual(d.map((x) => [x.code, x.severity, x.range.start.line, x.range.start.character, x.message]), [
      ['ignore-syntax', 1, 4, 10, "Unknown type 'official' (one of person, organization, country, place, office, event)."],
    ]);
    // "Check Workspace" counts it as the Problems panel lists it.
    const counts = await c.request<{ errors: number }>('workspace/executeCommand', { command: 'attache.checkWorkspace', arguments: [] });
    assert.equal(counts.errors, 1);
    // Fixed in the editor: the problem goes, and the name is ignored.
    c.open('attache.ignore.yaml', bad, 'yaml');
    c.change('attache.ignore.yaml', bad.replace('official', 'person'));
    await c.waitForDiagnostics(ignore, (x) => x.length === 0);
    await c.waitForDiagnostics(a, (x) => unknown(x).length === 0);
  });
});
