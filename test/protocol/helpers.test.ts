/**
 * The server's pure helpers, driven by data: the YAML text appended to a registry file (kept in
 * the file's own shape), ids for new entities, which registry file a type goes to, where id
 * completion applies, and the workspace-symbol fuzzy score. No server process needed.
 */

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appendEntryEdit, registryFileFor, slugId } from '../../server/src/lsp/codeActions';
import { idContext } from '../../server/src/lsp/completion';
import { fuzzyScore } from '../../server/src/lsp/symbols';
import { applyEdits } from '../../server/src/core/edits';
import { Entity, RegistrySnapshot } from '../../server/src/core/types';
import { joinLines, marked } from '../helpers';

function append(text: string, lastEntryEnd?: number): string {
  return applyEdits(text, [appendEntryEdit(text, lastEntryEnd, 'osamu-izawa', 'person', 'Osamu Izawa')]).text;
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
    const text = applyEdits('', [appendEntryEdit('', undefined, 'no', 'country', 'No')]).text;
    assert.match(text, /name: "No"/);
    const colon = applyEdits('', [appendEntryEdit('', undefined, 'x', 'event', 'Talks: round 2')]).text;
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

describe('where id completion applies', () => {
  const cases: [string, string, string | undefined, string?][] = [
    ['office value', '  - id: x\n    roles:\n      - office: jap$0', 'office', 'jap'],
    ['country value, empty', '    country: $0', 'country', ''],
    ['of value', '    of: q$0', 'of', 'q'],
    ['flow participants', '    participants: [japan, qa$0', 'participants', 'qa'],
    ['block participants', '    participants:\n      - japan\n      - $0', 'participants', ''],
    ['block list under another key', '    aliases:\n      - Fo$0', undefined],
    ['name value', '    name: Ja$0', undefined],
  ];
  for (const [name, src, key, prefix] of cases) {
    test(name, () => {
      const { text, cursor } = marked(src);
      const ctx = idContext(text, cursor!, false);
      assert.equal(ctx?.key, key);
      if (key) assert.equal(ctx?.prefix, prefix);
    });
  }

  test('annotation files complete after entity:', () => {
    const { text, cursor } = marked('- kind: link\n  entity: hay$0');
    assert.equal(idContext(text, cursor!, true)?.key, 'entity');
    assert.equal(idContext(text, cursor!, false), undefined);
  });
});

describe('fuzzy workspace symbol score', () => {
  test('characters in order match; word starts and prefixes rank higher', () => {
    assert.equal(fuzzyScore('xyz', 'Hayashi Yoshimasa'), -1);
    assert.ok(fuzzyScore('hay', 'Hayashi Yoshimasa') > fuzzyScore('hay', 'Mohammed al-Hayari'));
    assert.ok(fuzzyScore('jp', 'Japan') >= 0);
    assert.equal(fuzzyScore('', 'Anything'), 0);
  });
});
