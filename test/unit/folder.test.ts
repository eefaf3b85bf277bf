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
import { ROOT, memoryHost } from './memoryHost';

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
    service.loadFolder(folder, DEFAULT_SETTINGS);
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
    service.close(REG);
    assert.deepEqual([...folder.snapshot.entities.keys()].sort(), ['chile', 'peru']);
    assert.equal(folder.entityIndex.registry, folder.snapshot);
  });
});
