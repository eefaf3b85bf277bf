// An edit inside a few entities of a big registry file updates the snapshot and the entity index
// incrementally (issue #18, item 5): the result must be exactly what a full rebuild gives — the
// same entities in the same order with the same ranges, the same findings, the same trie (every
// node's targets in the same order) — over many seeded random edits, including edits that rename
// ids, create duplicates and alias collisions, overlap tenures, change types and break the YAML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RegistryStore, registryDelta } from '../../server/src/core/registry';
import { EntityIndex, buildEntityIndex } from '../../server/src/core/entities';
import { TrieLike, rootLengthBit } from '../../server/src/core/entities/trie';
import { RegistrySnapshot } from '../../server/src/core/types';
import { generateRegistryYaml, seededRandom } from '../../bench/generate';

/** A file sorted before the generated one: a duplicate id, a shared name, references into it. */
const SIDE = [
  'version: 1',
  'entities:',
  '  - id: person-3',
  '    type: person',
  '    name: Side Person',
  '  - id: side-envoy',
  '    type: person',
  '    name: Ben Okafor',
  '    country: country-1',
  '    roles:',
  '      - office: office-2',
  '        start: 1951-03-03',
  '',
].join('\n');

function trieDump(node: TrieLike, prefix: string, out: string[]): string[] {
  if (node.targets) out.push(`${prefix} => ${node.targets.map((t) => `${t.id}:${t.form}`).join(',')}`);
  const keys = [...node.keys()].sort();
  if (!node.targets && !keys.length && prefix) out.push(`${prefix} (empty node)`);
  for (const k of keys) trieDump(node.get(k)!, `${prefix}/${k}`, out);
  return out;
}

function same(inc: RegistrySnapshot, incIndex: EntityIndex, full: RegistrySnapshot, fullIndex: EntityIndex, what: string): void {
  assert.deepEqual([...inc.entities.keys()], [...full.entities.keys()], `${what}: entity order`);
  for (const [id, e] of full.entities) assert.deepEqual(inc.entities.get(id), e, `${what}: entity ${id}`);
  for (const [path, f] of full.files) {
    const g = inc.files.get(path)!;
    assert.equal(g.stale, f.stale, `${what}: ${path} stale`);
    assert.equal(g.text, f.text, `${what}: ${path} text`);
    // A syntax error found in the edited entities alone is worded by the yaml package on those
    // lines; a full read may word it differently. Everything else must be identical.
    if (f.stale) assert.ok(g.findings.some((x) => x.code === 'registry-syntax'), `${what}: ${path} syntax error`);
    else assert.deepEqual(g.findings, f.findings, `${what}: ${path} findings`);
  }
  assert.deepEqual(trieDump(incIndex.root, '', []), trieDump(fullIndex.root, '', []), `${what}: trie`);
  const offices = (ix: EntityIndex): [string, string[]][] => [...(ix.officeForms as Map<string, Set<string>>)].map(([k, v]) => [k, [...v]]);
  assert.deepEqual(offices(incIndex).sort(), offices(fullIndex).sort(), `${what}: office forms`);
  for (const key of fullIndex.root.keys()) assert.equal(incIndex.rootTable.find(key, 0, key.length), incIndex.root.get(key), `${what}: root table ${key}`);
  for (const key of fullIndex.root.keys()) {
    const c0 = key.charCodeAt(0);
    const c1 = key.length > 1 ? key.charCodeAt(1) : 0;
    if (c0 < 0x80 && c1 < 0x80) assert.notEqual(incIndex.rootStarts[(c0 << 7) | c1] & rootLengthBit(key.length), 0, `${what}: root starts ${key}`);
  }
}

type Edit = (t: string, r: () => number) => string;

const at = (t: string, r: () => number, s: string): number => t.indexOf(s, Math.floor(r() * t.length));

const EDITS: [string, Edit][] = [
  ['add an alias', (t, r) => {
    const i = at(t, r, 'aliases: [');
    const c = i < 0 ? -1 : t.indexOf(']', i);
    return c < 0 ? t : `${t.slice(0, c)}, Envoy ${Math.floor(r() * 5)}${t.slice(c)}`;
  }],
  ['delete an entity', (t, r) => {
    const i = at(t, r, '\n  - ');
    const j = i < 0 ? -1 : t.indexOf('\n  - ', i + 1);
    return j < 0 ? t : t.slice(0, i) + t.slice(j);
  }],
  ['insert an entity (maybe a duplicate id or a shared name)', (t, r) => {
    const i = at(t, r, '\n  - ');
    return i < 0 ? t : `${t.slice(0, i)}\n  - id: new-${Math.floor(r() * 20)}\n    type: person\n    name: Anna Lindqvist\n    country: country-${Math.floor(r() * 3)}${t.slice(i)}`;
  }],
  ['type a character anywhere', (t, r) => {
    const i = Math.floor(r() * t.length);
    return t.slice(0, i) + 'x:- "['[Math.floor(r() * 6)] + t.slice(i);
  }],
  ['delete a few characters anywhere', (t, r) => {
    const i = Math.floor(r() * t.length);
    return t.slice(0, i) + t.slice(i + 1 + Math.floor(r() * 3));
  }],
  ['rename to an existing name', (t, r) => {
    const i = at(t, r, 'name: ');
    const e = i < 0 ? -1 : t.indexOf('\n', i);
    return e < 0 ? t : `${t.slice(0, i)}name: ${['Kamala Okafor', 'Ben Okafor', 'Foreign Minister of Karia'][Math.floor(r() * 3)]}${t.slice(e)}`;
  }],
  ['rename an id', (t, r) => {
    const i = at(t, r, 'id: ');
    return i < 0 ? t : `${t.slice(0, i + 4)}${['z', 'country-1', 'office-2x'][Math.floor(r() * 3)]}${t.slice(i + 4)}`;
  }],
  ['move a tenure', (t, r) => {
    const i = at(t, r, 'start: ');
    return i < 0 ? t : `${t.slice(0, i + 7)}19${t.slice(i + 9)}`;
  }],
  ['change a type', (t, r) => {
    const i = at(t, r, 'type: ');
    const e = i < 0 ? -1 : t.indexOf('\n', i);
    return e < 0 ? t : `${t.slice(0, i)}type: ${['country', 'office', 'person', 'place'][Math.floor(r() * 4)]}${t.slice(e)}`;
  }],
  ['append an entity at the end', (t, r) => `${t}  - id: tail-${Math.floor(r() * 3)}\n    type: place\n    name: Port Tail\n`],
  ['add a comment and blank lines', (t, r) => {
    const i = at(t, r, '\n');
    return i < 0 ? t : `${t.slice(0, i)}\n\n    # a note\n${t.slice(i)}`;
  }],
  ['edit two entities far apart', (t, r) => {
    const i = at(t, r, 'name: ');
    const j = i < 0 ? -1 : t.indexOf('name: ', i + 2000);
    return j < 0 ? t : `${t.slice(0, i + 6)}Q${t.slice(i + 6, j + 6)}Q${t.slice(j + 6)}`;
  }],
];

for (const style of ['block', 'flow'] as const) {
  test(`${style} style: 200 random edits, incremental snapshot and index equal a full rebuild`, () => {
    const base = generateRegistryYaml(150, { style });
    const r = seededRandom(style === 'block' ? 18 : 81);
    const store = new RegistryStore();
    store.setFile('a-side.yaml', SIDE);
    store.setFile('big.yaml', base);
    buildEntityIndex(store.snapshot());
    let text = base;
    let lastGood = base;
    let incremental = 0;
    let errors = 0;
    for (let step = 0; step < 200; step++) {
      const [name, edit] = EDITS[Math.floor(r() * EDITS.length)];
      text = edit(text, r);
      store.setFile('big.yaml', text);
      const snap = store.snapshot();
      if (registryDelta(snap)) incremental++;
      const index = buildEntityIndex(snap);
      const full = new RegistryStore({ incremental: false });
      full.setFile('a-side.yaml', SIDE);
      // A text that does not parse keeps the last good one's entities: the full rebuild is given
      // that one first. A text that parses needs no history (reading lastGood too would double
      // the cost of the test); if the incremental store took a good text for broken or the
      // reverse, the stale flags compared below differ.
      if (snap.files.get('big.yaml')!.stale) full.setFile('big.yaml', lastGood);
      full.setFile('big.yaml', text);
      const fullSnap = full.snapshot();
      same(snap, index, fullSnap, buildEntityIndex(fullSnap), `step ${step} (${name})`);
      if (fullSnap.files.get('big.yaml')!.stale) {
        errors++;
        // Go on from the last text that parses (the store still has the broken one).
        text = lastGood;
      } else lastGood = text;
    }
    // The comparison is only worth something if most edits took the incremental path.
    assert.ok(incremental > 120, `only ${incremental} of 200 edits were incremental`);
    assert.ok(errors > 5, `only ${errors} edits broke the YAML`);
  });
}

test('an edit inside one entity reads only that entity again: the others are the same objects', () => {
  const text = generateRegistryYaml(300);
  const store = new RegistryStore();
  store.setFile('r.yaml', text);
  const before = store.snapshot();
  const index = buildEntityIndex(before);
  const first = before.entities.get('country-0')!;
  const last = before.entities.get('person-200')!;
  const lastStart = last.source.range[0];
  const i = text.indexOf('aliases: [', text.indexOf('  - id: person-100\n'));
  store.setFile('r.yaml', `${text.slice(0, i + 10)}Special Envoy, ${text.slice(i + 10)}`);
  const after = store.snapshot();
  assert.ok(registryDelta(after), 'made incrementally');
  assert.equal(after.entities.get('country-0'), first);
  assert.equal(after.entities.get('person-200'), last);
  assert.equal(last.source.range[0], lastStart + 'Special Envoy, '.length);
  assert.deepEqual(after.entities.get('person-100')!.aliases, ['Special Envoy', 'Moreau, Elena']);
  const updated = buildEntityIndex(after);
  assert.equal(updated.root, index.root, 'the same trie, updated in place');
  assert.deepEqual(updated.root.get('Special')?.get('Envoy')?.targets?.map((t) => t.id), ['person-100']);
});

test('a syntax error inside one entity is found without reading the file, and fixing it restores the entity', () => {
  const text = generateRegistryYaml(300);
  const store = new RegistryStore();
  store.setFile('r.yaml', text);
  store.snapshot();
  const i = text.indexOf('aliases: [', text.indexOf('  - id: person-100\n'));
  const broken = `${text.slice(0, i + 10)}"Special Envoy, ${text.slice(i + 10)}`;
  store.setFile('r.yaml', broken);
  const snap = store.snapshot();
  const status = snap.files.get('r.yaml')!;
  assert.equal(status.stale, true);
  const syntax = status.findings.filter((f) => f.code === 'registry-syntax');
  assert.ok(syntax.length >= 1);
  // On the broken entity's lines, not at the top of the file.
  const lineOf = (n: number): number => broken.slice(0, n).split('\n').length;
  assert.ok(syntax.every((f) => Math.abs(lineOf(f.start) - lineOf(i)) <= 8), syntax.map((f) => `${lineOf(f.start)}: ${f.message}`).join('\n'));
  assert.equal(snap.entities.size, 300, 'the last good entities stay');
  store.setFile('r.yaml', `${text.slice(0, i + 10)}Special Envoy, ${text.slice(i + 10)}`);
  const fixed = store.snapshot();
  assert.equal(fixed.files.get('r.yaml')!.stale, false);
  assert.deepEqual(fixed.entities.get('person-100')!.aliases, ['Special Envoy', 'Moreau, Elena']);
});
