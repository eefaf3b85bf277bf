/**
 * `Folder` state moves only at `refresh()`: reading `snapshot` or `entityIndex` never re-parses or
 * builds anything, and the service's entry points that change registry files (open buffer synced,
 * change on disk, close) refresh the folder, so a snapshot and its entity index always go together.
 */

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AttacheService, Folder } from '../../server/src/lsp/service';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { joinLines } from '../helpers';
import { MemoryHost, ROOT, memoryHost } from './memoryHost';
import { createNodeHost } from '../../server/src/node/host';

const registry = (...names: string[]): string =>
  joinLines('version: 1', 'entities:', ...names.flatMap((n) => [`  - id: ${n.toLowerCase()}`, '    type: country', `    name: ${n}`]), '');
const REG = `${ROOT}/registry.yaml`;

describe('Folder.refresh', () => {
  test('the snapshot and its entity index change only at refresh', () => {
    const folder = new Folder(ROOT, 'ws', memoryHost({}));
    const empty = folder.snapshot;
    assert.ok(folder.setRegistryText(REG, registry('Peru')));
    // Reading is free of effects: the new text is not in the snapshot yet.
    assert.equal(folder.snapshot, empty);
    assert.equal(folder.entityIndex.registry, empty);
    assert.ok(folder.refresh());
    assert.deepEqual([...folder.snapshot.entities.keys()], ['peru']);
    assert.equal(folder.entityIndex.registry, folder.snapshot);
    const snap = folder.snapshot;
    assert.ok(!folder.refresh(), 'nothing changed');
    assert.ok(!folder.setRegistryText(REG, registry('Peru')), 'the same text');
    assert.ok(!folder.refresh());
    assert.equal(folder.snapshot, snap);
    folder.removeRegistryFile(REG);
    assert.equal(folder.snapshot, snap);
    assert.ok(folder.refresh());
    assert.equal(folder.snapshot.entities.size, 0);
  });

  test('the service refreshes on load, on a synced buffer, on a change on disk and on close', async () => {
    const host = memoryHost({ 'registry.yaml': registry('Peru') });
    const service = new AttacheService(host, [{ uri: ROOT, name: 'ws' }]);
    const folder = service.folders[0];
    await service.loadFolder(folder, DEFAULT_SETTINGS);
    assert.deepEqual([...folder.snapshot.entities.keys()], ['peru']);
    host.files.set(REG, registry('Peru', 'Chile'));
    await service.fileChanged(REG, false);
    assert.deepEqual([...folder.snapshot.entities.keys()].sort(), ['chile', 'peru']);
    assert.equal(folder.entityIndex.registry, folder.snapshot);
    service.openOrChange({ uri: REG, languageId: 'yaml', version: 1, text: registry('Chile') });
    // The buffer reaches the snapshot when the server syncs it (debounced), not on every change.
    assert.equal(folder.snapshot.entities.size, 2);
    service.syncRegistry(REG);
    assert.deepEqual([...folder.snapshot.entities.keys()], ['chile']);
    // Closing the buffer brings back the file on disk.
    await service.close(REG);
    assert.deepEqual([...folder.snapshot.entities.keys()].sort(), ['chile', 'peru']);
    assert.equal(folder.entityIndex.registry, folder.snapshot);
  });

  test('articles on disk are read asynchronously; a buffer opened meanwhile wins', async () => {
    const host = memoryHost({ 'registry.yaml': registry('Peru'), 'b.article': 'Peru on disk.\n', 'a.article': 'Peru too.\n' });
    const service = new AttacheService(host, [{ uri: ROOT, name: 'ws' }]);
    const folder = service.folders[0];
    await service.loadFolder(folder, DEFAULT_SETTINGS);
    // Article reads answer only when the test says so, the last first.
    const pending: (() => void)[] = [];
    const read = host.readFile.bind(host);
    host.readFileAsync = (uri) => (uri.endsWith('.article') ? new Promise((resolve) => pending.push(() => resolve(read(uri)))) : Promise.resolve(read(uri)));
    const loading = service.loadArticles(folder);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(pending.length, 2, 'both reads started, nothing blocked');
    service.openOrChange({ uri: `${ROOT}/b.article`, languageId: 'diplomatic-article', version: 3, text: 'Peru in the editor.\n' });
    for (const answer of pending.reverse()) answer();
    await loading;
    assert.deepEqual([...folder.articles.keys()].sort(), [`${ROOT}/a.article`, `${ROOT}/b.article`]);
    assert.equal(folder.articles.get(`${ROOT}/b.article`)!.text, 'Peru in the editor.\n');
    assert.equal(folder.articles.get(`${ROOT}/b.article`)!.version, 3);
    assert.equal(folder.articles.get(`${ROOT}/a.article`)!.text, 'Peru too.\n');
  });

  test('registry files and the ignore file are read asynchronously at load; an open buffer and a later change on disk win', async () => {
    const other = `${ROOT}/registry/more.yaml`;
    const host = memoryHost({ 'registry.yaml': registry('Peru'), 'registry/more.yaml': registry('Chile'), 'attache.ignore.yaml': 'names:\n  - Harbour Board\n' });
    const gate = gatedReads(host);
    const service = new AttacheService(host, [{ uri: ROOT, name: 'ws' }]);
    const folder = service.folders[0];
    const loading = service.loadFolder(folder, DEFAULT_SETTINGS);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(gate.waiting().sort(), [`${ROOT}/attache.ignore.yaml`, REG, other], 'every read started, none answered: nothing blocked');
    assert.equal(folder.snapshot.entities.size, 0);
    // Meanwhile the editor opens one registry file, and the other changes on disk.
    service.openOrChange({ uri: REG, languageId: 'yaml', version: 1, text: registry('Peru', 'Bolivia') });
    host.files.set(other, registry('Chile', 'Ecuador'));
    const changed = service.fileChanged(other, false);
    gate.answer(`${ROOT}/registry/more.yaml`, 1); // the change's read
    await changed;
    gate.answerAll(); // the load's reads, older than both
    await loading;
    assert.deepEqual([...folder.snapshot.entities.keys()].sort(), ['bolivia', 'chile', 'ecuador', 'peru']);
    assert.equal(folder.ignoreFile?.text, 'names:\n  - Harbour Board\n');
  });

  test('a sidecar is read without blocking; requests wait for it, then see its annotations', async () => {
    const A = `${ROOT}/a.article`;
    const SIDE = `${A}.annotations.yaml`;
    const text = 'Peru named Nour Haddad envoy.\n';
    const sidecar = joinLines('version: 1', 'annotations:', '  - id: a1', '    kind: not-entity', '    target:', '      quote: Nour Haddad', '      start: 11', '');
    const host = memoryHost({ 'registry.yaml': registry('Peru'), 'a.article.annotations.yaml': sidecar });
    const service = new AttacheService(host, [{ uri: ROOT, name: 'ws' }]);
    const folder = service.folders[0];
    await service.loadFolder(folder, DEFAULT_SETTINGS);
    const gate = gatedReads(host);
    service.openOrChange({ uri: A, languageId: 'diplomatic-article', version: 1, text });
    const prepared = service.prepare(A);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(gate.waiting(), [SIDE], 'the sidecar read started and waits');
    gate.answerAll();
    await prepared;
    assert.equal(folder.sidecarText(SIDE), sidecar);
    assert.equal(service.article(A)!.analysis.annotations?.length, 1);
    // Closing an open sidecar reads the file again, also without blocking.
    service.openOrChange({ uri: SIDE, languageId: 'yaml', version: 1, text: 'version: 1\nannotations: []\n' });
    host.files.set(SIDE, 'version: 1\nannotations: []\n');
    const closing = service.close(SIDE);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(gate.waiting(), [SIDE]);
    gate.answerAll();
    assert.equal(await closing, 'sidecar');
    assert.equal(folder.sidecarText(SIDE), 'version: 1\nannotations: []\n');
  });

  test('the node host has no synchronous read', () => {
    assert.ok(!('readFile' in createNodeHost(() => undefined)));
  });
});

/** Makes `host`'s reads wait until the test answers them (by URI, oldest first, or all). */
function gatedReads(host: MemoryHost): { waiting(): string[]; answer(uri: string, n?: number): void; answerAll(): void } {
  const pending: { uri: string; go: () => void }[] = [];
  const read = host.readFile.bind(host);
  host.readFileAsync = (uri) => new Promise((resolve) => pending.push({ uri, go: () => resolve(read(uri)) }));
  return {
    waiting: () => pending.map((p) => p.uri),
    answer(uri, n = 1) {
      for (let k = 0; k < n; k++) {
        const i = pending.map((p) => p.uri).lastIndexOf(uri);
        pending.splice(i, 1)[0].go();
      }
    },
    answerAll() {
      for (const p of pending.splice(0)) p.go();
    },
  };
}
