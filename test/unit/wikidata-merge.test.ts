/**
 * `mergeIntoRegistry` rule by rule, on small registries written here: which role a Wikidata role
 * is paired with, when the provenance changes, and what a flow-style provenance keeps. (The
 * end-to-end `--merge` runs are in wikidata.test.ts.)
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRegistry } from '../../server/src/core/registry';
import { mergeIntoRegistry } from '../../server/src/core/wikidata';
import type { RegistryEntry } from '../../server/src/core/wikidata/mapping';
import { joinLines } from '../helpers';

const PATH = 'registry.yaml';

function person(roles: RegistryEntry['roles'], more: Partial<RegistryEntry> = {}): RegistryEntry {
  return { id: 'okafor', type: 'person', name: 'Ada Okafor', aliases: [], wikidata: 'Q900001', roles, provenance: { revision: 7, imported: '2026-11-30' }, ...more };
}

function merge(text: string, entry: RegistryEntry) {
  const r = mergeIntoRegistry([{ path: PATH, text }], [entry], { path: PATH, text });
  return { text: r.texts.get(PATH) ?? text, drifts: r.drifts.map((d) => d.message), updated: r.updated };
}

function schemaFindings(text: string): string[] {
  return [...loadRegistry([{ path: PATH, text }]).files.values()].flatMap((f) => f.findings.filter((x) => x.code !== 'wikidata-drift').map((x) => `${x.code}: ${x.message}`));
}

const HEAD = ['version: 1', 'entities:', '  - id: trade-minister', '    type: office', '    name: Minister of Trade', '  - id: okafor', '    type: person', '    name: Ada Okafor', '    wikidata: Q900001'];

test('a role pairs by office alone only when it is the one role of that office on each side', () => {
  // One registry term of the office; Wikidata has two, neither with the same start. The earlier
  // Wikidata term does not overlap the registry's, so it is a new role; the later one overlaps
  // and is the same term with a start one day apart (kept as written, reported).
  const text = joinLines(...HEAD, '    roles:', '      - office: trade-minister', '        start: 2015-03-01', '        end: 2016-01-01', '    provenance:', '      wikidata_revision: 7', '      imported: 2026-11-30', '');
  const r = merge(text, person([{ office: 'trade-minister', start: '2001-01-01', end: '2003-01-01' }, { office: 'trade-minister', start: '2015-03-02', end: '2016-01-01' }]));
  assert.deepEqual(r.drifts, ['trade-minister start is 2015-03-01 here but 2015-03-02 on Wikidata (Q900001); kept as written']);
  assert.ok(r.text.includes('        end: 2016-01-01\n      - office: trade-minister\n        start: 2001-01-01\n        end: 2003-01-01\n'), r.text);
  assert.deepEqual(schemaFindings(r.text), []);
});

test('an entity that matches Wikidata is left alone: its import date is not moved', () => {
  const text = joinLines(...HEAD, '    roles:', '      - office: trade-minister', '        start: 2015-03-01', '    provenance:', '      wikidata_revision: 7', '      imported: 2026-01-15', '');
  const same = merge(text, person([{ office: 'trade-minister', start: '2015-03-01' }]));
  assert.equal(same.text, text);
  assert.deepEqual(same.updated, []);
  // Something new from Wikidata (the end of the term): the import date moves with it.
  const ended = merge(text, person([{ office: 'trade-minister', start: '2015-03-01', end: '2019-06-30' }]));
  assert.ok(ended.text.includes('        start: 2015-03-01\n        end: 2019-06-30\n    provenance:\n      wikidata_revision: 7\n      imported: 2026-11-30\n'), ended.text);
  assert.deepEqual(ended.updated, ['okafor']);
});

test('a flow-style provenance is updated in place and gets no block record of differences', () => {
  const text = joinLines(...HEAD, '    family_name: Okafor-Ibe', '    provenance: {wikidata_revision: 6, imported: 2026-01-15}', '');
  const r = merge(text, person([], { familyName: 'Okafor', provenance: { revision: 7, imported: '2026-11-30' } }));
  assert.deepEqual(r.drifts, ["family_name is 'Okafor-Ibe' here but 'Okafor' on Wikidata (Q900001); kept as written"]);
  // A newer revision is an update, so the import date moves with it.
  assert.equal(r.text, text.replace('{wikidata_revision: 6, imported: 2026-01-15}', '{wikidata_revision: 7, imported: 2026-11-30}'));
  assert.deepEqual(schemaFindings(r.text), []);
});
