/**
 * The entity index as the `--jobs` workers read it (core/entities/flatTrie.ts): the trie the main
 * thread built, written into shared memory and read in place, must be the same trie — every
 * node's keys, and its targets with the same ids, forms and order — and recognition with it must
 * give the same mentions as with the built index, on the samples and on a generated registry.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeRegistry, encodeRegistry, entityNumbers, rowsDecoded, shareTables, shareTrie, sharedIndex } from '../../server/src/cli/sharedRegistry';
import { runContext } from '../../server/src/cli/pipeline';
import { loadRegistry } from '../../server/src/core/registry';
import { EntitySource } from '../../server/src/core/registry/parse';
import { EntityIndex, buildEntityIndex, recognizeEntities } from '../../server/src/core/entities';
import { eventForms } from '../../server/src/core/entities/headline';
import { knownDemonyms } from '../../server/src/core/entities/evidence';
import { TrieLike, shareEntityIndex, sharedEntityIndex } from '../../server/src/core/entities/trie';
import { parseArticle } from '../../server/src/core/article';
import { RegistrySnapshot } from '../../server/src/core/types';
import { generateRegistryYaml } from '../../bench/generate';
import { samplesDir } from '../helpers';

function dump(node: TrieLike, prefix: string, out: string[]): string[] {
  if (node.targets) out.push(`${prefix} => ${node.targets.map((t) => `${t.id}:${t.form}:${t.entity.id}`).join(',')}`);
  const keys = [...node.keys()];
  out.push(`${prefix} keys ${keys.join('|')}`);
  for (const k of keys) dump(node.get(k)!, `${prefix}/${k}`, out);
  return out;
}

/**
 * The built index and the shared one read back over the snapshot a worker decodes (with the main
 * thread's tables, as a worker has them, and the worker's analysis context made from it).
 */
function both(registry: RegistrySnapshot): { built: EntityIndex; shared: EntityIndex; setupRows: number } {
  const built = buildEntityIndex(registry);
  const tables = shareTables(runContext(registry, undefined, built));
  const before = rowsDecoded();
  const decoded = decodeRegistry(encodeRegistry(registry));
  const shared = sharedIndex(decoded, tables);
  runContext(decoded, undefined, shared);
  return { built, shared, setupRows: rowsDecoded() - before };
}

test('a trie written out and read back without the worker tables is the same trie', () => {
  const registry = sampleRegistry();
  const built = buildEntityIndex(registry);
  const shared = sharedEntityIndex(registry, shareEntityIndex(built));
  assert.deepEqual(dump(shared.root, '', []), dump(built.root, '', []));
  assert.deepEqual([...shared.rootStarts], [...built.rootStarts]);
});

function sampleRegistry(): RegistrySnapshot {
  const dir = join(samplesDir, 'registry');
  return loadRegistry(readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => ({ path: join(dir, f), text: readFileSync(join(dir, f), 'utf8') })));
}

test('the shared trie has the built trie\'s nodes, keys and targets, in order (samples)', () => {
  const { built, shared } = both(sampleRegistry());
  const a = dump(built.root, '', []);
  assert.ok(a.length > 300, 'the samples make a trie of some size');
  assert.deepEqual(dump(shared.root, '', []), a);
  assert.deepEqual([...shared.rootStarts], [...built.rootStarts]);
  for (const key of built.root.keys()) {
    assert.ok(shared.rootTable.find(key, 0, key.length), `root key ${key}`);
    assert.equal(shared.rootTable.find(`#${key}#`, 1, key.length + 1), shared.rootTable.find(key, 0, key.length), `root key ${key} inside a text`);
  }
  assert.equal(shared.root.get('no such key'), undefined);
  assert.equal(shared.rootTable.find('zzz qqq', 0, 7), undefined);
});

test('the shared trie equals the built one on a generated registry (2,000 entities, both styles)', () => {
  for (const style of ['block', 'flow'] as const) {
    const registry = loadRegistry([{ path: 'gen.yaml', text: generateRegistryYaml(2000, { style }) }]);
    const { built, shared } = both(registry);
    assert.deepEqual(dump(shared.root, '', []), dump(built.root, '', []), style);
  }
});

test('recognition with the shared index gives the built index\'s mentions on every sample article', () => {
  const registry = sampleRegistry();
  const { built, shared } = both(registry);
  const dir = join(samplesDir, 'articles');
  let mentions = 0;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.article')).sort()) {
    const article = parseArticle(readFileSync(join(dir, f), 'utf8'));
    const a = recognizeEntities(article, built);
    const b = recognizeEntities(article, shared);
    const plain = (r: typeof a): unknown => JSON.parse(JSON.stringify(r));
    assert.deepEqual(plain(b), plain(a), f);
    mentions += a.mentions.length;
  }
  assert.ok(mentions > 100, 'the samples have mentions to compare');
});

/** A table's answers for every key the built one has, and for a key it has not. */
function tableDump(built: EntityIndex, index: EntityIndex): unknown[] {
  const out: unknown[] = [];
  for (const k of (built.officeForms as Map<string, Set<string>>).keys()) out.push(['office', k, [...(index.officeForms.get(k) ?? [])]]);
  out.push(['office', 'no such office', index.officeForms.get('no such office')]);
  const events = eventForms(index);
  out.push(['events', events.size, [...events.keys()]]);
  for (const k of eventForms(built).keys()) out.push(['event', k, events.get(k)!.map((f) => [f.toks, f.target.id, f.target.form, f.target.entity.id, f.source])]);
  out.push(['event', 'zzz', events.get('zzz')]);
  const demonyms = [...(knownDemonyms(built) as Set<string>)];
  out.push(['demonyms', demonyms.map((d) => knownDemonyms(index).has(d)), knownDemonyms(index).has('Zzzish')]);
  return out;
}

test('a worker\'s office forms, headline event forms and demonyms are the main thread\'s, and setting up decodes no entity', () => {
  for (const [what, registry] of [
    ['samples', sampleRegistry()],
    ['generated', loadRegistry([{ path: 'gen.yaml', text: generateRegistryYaml(2000) }])],
  ] as const) {
    const { built, shared, setupRows } = both(registry);
    // Index, tables and context made (runContext prepares every per-registry table): nothing read yet.
    assert.equal(setupRows, 0, `${what}: entities decoded while setting up`);
    const before = rowsDecoded();
    const dump = tableDump(built, shared);
    assert.deepEqual(dump, tableDump(built, built), what);
    assert.ok((built.officeForms as Map<string, Set<string>>).size > 10 && eventForms(built).size > 3 && dump.length > 20, `${what}: tables of some size`);
    // Looking up every event form decoded the events, and nothing else.
    assert.equal(rowsDecoded() - before, new Set([...eventForms(built).keys()].flatMap((k) => eventForms(built).get(k)!.map((f) => f.target.id))).size, what);
  }
});

test('shareTrie: entities numbered on their sources give the trie numbered by id, and a stale number is not read', () => {
  const registry = loadRegistry([{ path: 'g.yaml', text: generateRegistryYaml(300) }]);
  const index = buildEntityIndex(registry);
  // A table made by hand is not one `entityNumbers` made for this snapshot: numbers by id.
  const byId = new Map([...registry.entities.keys()].map((id, n) => [id, n]));
  const expected = new Uint8Array(shareTrie(index, byId).trie);
  // Numbers left on the sources by another snapshot (here: reversed) must not be what is read.
  const all = [...registry.entities.values()];
  all.forEach((e, n) => ((e.source as EntitySource).ordinal = all.length - 1 - n));
  assert.deepEqual(new Uint8Array(shareTrie(index, byId).trie), expected);
  assert.deepEqual(new Uint8Array(shareTrie(index, entityNumbers(registry)).trie), expected);
  assert.equal((all[7].source as EntitySource).ordinal, 7);
});

test('encodeRegistry: each row is JSON.stringify of the entity\'s fields, odd texts included', () => {
  const odd = [
    'version: 1',
    'entities:',
    '  - { id: c1, type: country, name: "Côte d\'Ivoire", aliases: ["Say \\"hi\\"", "back\\\\slash", "tab\\there"], demonyms: [Ivoirien] }',
    '  - { id: o1, type: office, name: President of Côte d\'Ivoire, of: c1, single_holder: true, description: "line\\none 😀 \\u2028" }',
    '  - id: p1',
    '    type: person',
    '    name: José Müller',
    '    family_name: Müller',
    '    given_name: José',
    '    name_order: given-first',
    '    wikidata: Q42',
    '    roles:',
    '      - { office: o1, start: 2001, end: 2005-03 }',
    '      - { title: "Envoy \\"special\\"", of: c1, start: 2010, end: null }',
    '      - { office: o1 }',
    '  - { id: e1, type: event, name: Summit 2020, date: 2020-01-02/2020-01-03, participants: [c1] }',
    '',
  ].join('\n');
  for (const registry of [sampleRegistry(), loadRegistry([{ path: 'odd.yaml', text: odd }, { path: 'g.yaml', text: generateRegistryYaml(200) }])]) {
    const enc = encodeRegistry(registry);
    const paths: string[] = [];
    let n = 0;
    for (const e of registry.entities.values()) {
      if (!paths.includes(e.source.path)) paths.push(e.source.path);
      const roles: unknown[] = [];
      for (const r of e.roles) roles.push(r.office ?? 0, r.title ?? 0, r.of ?? 0, r.start ?? 0, r.end === undefined ? 0 : r.end, r.range[0], r.range[1]);
      const expected = JSON.stringify([
        e.id, e.type, e.name, e.aliases, e.demonyms, e.familyName ?? null, e.givenName ?? null, e.nameOrder ?? null,
        e.country ?? null, e.description ?? null, e.wikidata ?? null, roles, e.of ?? null, e.singleHolder ?? null,
        e.date ?? null, e.participants, paths.indexOf(e.source.path), e.source.range[0], e.source.range[1],
      ]).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      assert.equal(Buffer.from(enc.rows.subarray(enc.rowStarts[n], enc.rowStarts[n + 1])).toString('latin1'), expected, e.id);
      n++;
    }
    assert.equal(n, registry.entities.size);
  }
  // The odd entities are all there, the person with her three roles.
  const both = loadRegistry([{ path: 'odd.yaml', text: odd }]);
  assert.deepEqual([...both.entities.keys()], ['c1', 'o1', 'p1', 'e1']);
  assert.equal(both.entities.get('p1')!.roles.length, 3);
});
