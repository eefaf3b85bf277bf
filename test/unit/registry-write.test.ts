/**
 * Writing registry entries (core/registry/write.ts), driven by data: the YAML text appended to a
 * registry file (kept in the file's own shape), the country or `of` line, where the new entry
 * lies after the edit, ids for new entities, and which registry file a type goes to.
 */

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../server/src/core/edits';
import { appendEntryEdit, newEntrySpan, registryFileFor, slugId } from '../../server/src/core/registry/write';
import { Entity, RegistrySnapshot } from '../../server/src/core/types';
import { joinLines } from '../helpers';

function append(text: string, lastEntryEnd?: number): string {
  return applyEdits(text, [appendEntryEdit(text, lastEntryEnd, { id: 'osamu-izawa', type: 'person', name: 'Osamu Izawa' })]).text;
}

describe('appending a registry entry', () => {
  const ENTRY = ['  - id: osamu-izawa', '    type: person', '    name: Osamu Izawa'];

  test('after the last entry, before a trailing comment, in the file\'s indentation', () => {
    const text = joinLines('entities:', '  - id: japan', '    type: country', '    name: Japan', '# end', '');
    assert.equal(append(text, text.indexOf('Japan') + 5), joinLines('entities:', '  - id: japan', '    type: country', '    name: Japan', ...ENTRY, '# end', ''));
  });

  test('entries at column 0 stay at column 0', () => {
    const text = joinLines('entities:', '- id: japan', '  type: country', '  name: Japan', '');
    assert.equal(append(text, text.length), joinLines('entities:', '- id: japan', '  type: country', '  name: Japan', '- id: osamu-izawa', '  type: person', '  name: Osamu Izawa', ''));
  });

  test('CRLF files get CRLF', () => {
    const text = 'entities:\r\n  - id: japan\r\n    name: Japan\r\n';
    assert.equal(append(text, text.indexOf('Japan') + 5), `${text}${ENTRY.join('\r\n')}\r\n`);
  });

  test('a file without entries gets an entities key; an empty file a version too', () => {
    assert.equal(append(''), joinLines('version: 1', 'entities:', ...ENTRY, ''));
    assert.equal(append('version: 1\nentities: []\n'), joinLines('version: 1', 'entities:', ...ENTRY, ''));
    assert.equal(append('# people\nentities:\n'), joinLines('# people', 'entities:', ...ENTRY, ''));
    assert.equal(append('version: 1'), joinLines('version: 1', 'entities:', ...ENTRY, ''));
  });

  test('names YAML would misread are quoted', () => {
    const text = applyEdits('', [appendEntryEdit('', undefined, { id: 'no', type: 'country', name: 'No' })]).text;
    assert.match(text, /name: "No"/);
    const colon = applyEdits('', [appendEntryEdit('', undefined, { id: 'x', type: 'event', name: 'Talks: round 2' })]).text;
    assert.match(colon, /name: "Talks: round 2"/);
  });
});

describe('ids and files for new entities', () => {
  const snap = (ids: string[]): RegistrySnapshot => ({ version: 1, entities: new Map(ids.map((id) => [id, { id } as Entity])), files: new Map() });

  test('slugs fold diacritics and apostrophes and avoid taken ids', () => {
    assert.equal(slugId('Türkiye', snap([])), 'turkiye');
    assert.equal(slugId("Côte d'Ivoire", snap([])), 'cote-divoire');
    assert.equal(slugId('Osamu Izawa', snap(['osamu-izawa'])), 'osamu-izawa-2');
    assert.equal(slugId('—', snap([])), 'entity');
  });

  test('the file named for the type wins, else registry.yaml, else the first', () => {
    const files = ['file:///w/registry/countries.yaml', 'file:///w/registry/people.yaml', 'file:///w/registry.yaml'];
    assert.equal(registryFileFor(files, 'person'), 'file:///w/registry/people.yaml');
    assert.equal(registryFileFor(files, 'country'), 'file:///w/registry/countries.yaml');
    assert.equal(registryFileFor(files, 'event'), 'file:///w/registry.yaml');
    assert.equal(registryFileFor(['file:///w/registry/a.yaml'], 'event'), 'file:///w/registry/a.yaml');
    assert.equal(registryFileFor([], 'event'), undefined);
  });
});

describe('the country of a new entry', () => {
  test('persons, organizations, places and events get `country:`, offices `of:`, countries nothing', () => {
    const write = (type: 'person' | 'office' | 'country' | 'place', country?: string): string =>
      applyEdits('entities:\n', [appendEntryEdit('entities:\n', undefined, { id: 'x', type, name: 'X', country })]).text;
    assert.equal(write('person', 'japan'), joinLines('entities:', '  - id: x', '    type: person', '    name: X', '    country: japan', ''));
    assert.equal(write('place', 'qatar'), joinLines('entities:', '  - id: x', '    type: place', '    name: X', '    country: qatar', ''));
    assert.equal(write('office', 'japan'), joinLines('entities:', '  - id: x', '    type: office', '    name: X', '    of: japan', ''));
    assert.equal(write('country', 'japan'), joinLines('entities:', '  - id: x', '    type: country', '    name: X', ''));
    assert.equal(write('person'), joinLines('entities:', '  - id: x', '    type: person', '    name: X', ''));
  });

  test('the new entry\'s span in the edited file runs from its `- id:` to the end of its last line', () => {
    for (const text of ['version: 1\nentities:\n  - id: japan\n    name: Japan\n# end\n', '', 'version: 1\nentities: []\n']) {
      const edit = appendEntryEdit(text, text.includes('Japan') ? text.indexOf('Japan') + 5 : undefined, { id: 'osamu-izawa', type: 'person', name: 'Osamu Izawa', country: 'japan' });
      const after = applyEdits(text, [edit]).text;
      const span = newEntrySpan(edit, 'osamu-izawa');
      assert.equal(after.slice(span.start, span.end), '- id: osamu-izawa\n    type: person\n    name: Osamu Izawa\n    country: japan', JSON.stringify(text));
    }
  });
});
