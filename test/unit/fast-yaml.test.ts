/**
 * The fast registry reader (fastYaml.ts) against the `yaml` package: wherever the fast reader
 * accepts a text, it must give the same tree, and the registry the same entities and findings,
 * as the `yaml` path; wherever it is unsure, it must decline. Checked on the samples, the
 * fixtures, a generated registry, a table of edge cases and thousands of seeded mutations.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Composer, LineCounter, Parser } from 'yaml';
import { readFastYaml } from '../../server/src/core/registry/fastYaml';
import { fromYamlDocument, YNode } from '../../server/src/core/registry/tree';
import { parseRegistryFile } from '../../server/src/core/registry';
import { findFiles } from '../../server/src/node/files';
import { generateRegistryYaml, seededRandom } from '../../bench/generate';
import { Entity } from '../../server/src/core/types';
import { fixturesDir, joinLines, samplesDir } from '../helpers';

/** The `yaml` package's reading: the tree, or undefined when the text has errors or several documents. */
function viaYaml(text: string): YNode | null | undefined {
  const docs = [...new Composer({ uniqueKeys: true }).compose(new Parser(new LineCounter().addNewLine).parse(text))];
  if (docs.length !== 1 || docs[0].errors.length) return undefined;
  return fromYamlDocument(docs[0]);
}

function sameAsYaml(text: string, label: string): boolean {
  const fast = readFastYaml(text);
  if (fast === undefined) return false;
  const slow = viaYaml(text);
  assert.notEqual(slow, undefined, `${label}: the fast reader accepted a text the yaml package rejects:\n${text}`);
  assert.deepEqual(fast, slow, `${label}: trees differ for:\n${text}`);
  const a = parseRegistryFile('r.yaml', text);
  const b = parseRegistryFile('r.yaml', text, { fastReader: false });
  assert.deepEqual(a.entities, b.entities, `${label}: entities differ`);
  assert.deepEqual(a.findings, b.findings, `${label}: findings differ`);
  return true;
}

const registryTexts = (): { path: string; text: string }[] =>
  [...findFiles(samplesDir, ['registry/**/*.yaml']), ...findFiles(fixturesDir, ['**/registry.yaml', '**/registry/**/*.yaml'])]
    .map((path) => ({ path, text: readFileSync(path, 'utf8') }));

test('the samples, the fixtures and a generated registry read the same through both readers', () => {
  let fast = 0;
  const all = registryTexts();
  for (const { path, text } of all) if (sameAsYaml(text, path)) fast++;
  // Every registry written in the usual style takes the fast path (the broken fixture need not).
  for (const { path, text } of all.filter((f) => f.path.startsWith(samplesDir))) assert.ok(readFastYaml(text), `${path} should take the fast path`);
  assert.ok(fast >= all.length - 2, `only ${fast} of ${all.length} files took the fast path`);
  assert.ok(sameAsYaml(generateRegistryYaml(3000), 'generated registry'));
  assert.ok(sameAsYaml(generateRegistryYaml(200).replace(/\n/g, '\r\n'), 'generated registry, CRLF'));
});

test('texts in the subset are read exactly as yaml reads them', () => {
  const cases = [
    joinLines('version: 1', 'entities:', '  - id: a', '    type: country', '    name: Aland', ''),
    joinLines('version: 1', 'entities:', '- id: a', '  type: country', '  name: Aland', '- {id: b, type: country, name: Bland}'),
    joinLines('# header', 'version: 1   # trailing', '', 'entities:', '  # group', '  - id: a  ', '    name: "A \\"q\\" \\u00e9 \\x41"', "    aliases: ['it''s', \"x\", plain words, -dash]", '    roles:', '      - office: o', '        start: 2012', '        end:', '      - title: T', '        end: ~', '    # tail', ''),
    joinLines('version: 1', 'entities:', '  - id: a', '    aliases: [ ]', '    demonyms: []', '    participants: [x, ]', '    single_holder: TRUE', '    wikidata: 0x1F', '    description: a:b c#d', '    of: +12', '    date: 1.5e3', '    note: .inf', '    x: null', '    y: -5'),
    joinLines('version: 1', 'entities:', '  - id: a', '    roles:', '    - office: b', '      start: 2020-01', '    name: N'),
    joinLines('version: 1', 'entities:', '  - id: a', '    name: Ünïcødé 名前 😀', '    aliases: [Ärger, "😀 x"]'),
    'version: 1\nentities:\n  - id: a\n    name: N',
    // Keys that are near the known ones (same length and ends, another letter inside; other case): read as written.
    joinLines('version: 1', 'entities:', '  - id: a', '    nome: N', '    tyPe: t', '    i: x', '    ido: y', '    Name: z', '    name_ordex: w', '    versiom: 2', '    roles:', '      - offica: o', '        End: e', '        stort: s'),
    'version: 1\nentities:',
    'version: 1\nentities: []\n',
  ];
  for (const c of cases) assert.ok(sameAsYaml(c, 'case'), `expected the fast path for:\n${c}`);
});

test('texts outside the subset, or that yaml rejects, are left to the yaml package', () => {
  const cases = [
    '', '# only a comment\n', '---\nversion: 1\n', 'version: 1\n...\n', '%YAML 1.2\n---\nversion: 1\n',
    'version: 1\nentities:\n  - &a id: x\n', 'version: 1\nentities:\n  - id: *a\n', 'version: 1\nentities:\n  - id: !tag x\n',
    'version: 1\nentities:\n  - id: x\n    description: |\n      text\n', 'version: 1\nentities:\n  - id: x\n    description: >\n      text\n',
    'version: 1\nentities:\n  - id: x\n    name: two\n      lines\n', 'version: 1\nversion: 2\n', 'version: 1\nentities:\n  - id: a\n    id: b\n',
    'version: 1\nentities:\n\t- id: x\n', 'version: 1\nentities:\n  - id: "open\n', "version: 1\nentities:\n  - id: 'open\n",
    'version: 1\nentities:\n  - aliases: [a,, b]\n',
    'version: 1\nentities:\n  - id: x\n     name: y\n', 'version: 1\nentities:\n  - id: x\n   name: y\n', '\ufeffversion: 1\n', 'version: 1\r',
    'version: 1\nentities:\n  - name: a: b\n', 'version: 1\nentities:\n  -\n    id: x\n', 'version: 1\nentities:\n  - - x\n', 'version: 1\nentities:\n  - ? id\n',
    '"version": 1\n', 'true: 1\n', 'version: 1\nentities:\n  - id: "\\q"\n', 'version: 1\nentities:\n  - id: x\n  name: y\n', '- a\n- b\n', 'scalar\n',
    'version: 1\nentities: - a\n', 'version: 1\nentities:\n  - id: x # c\n    #\n    name: @x\n',
    'version: 1\nentities:\n  - id: \ud800x\n', 'version: 1\nentities:\n  - id: x\u0007\n', 'version: 1\n  entities:\n',
  ];
  for (const c of cases) assert.equal(readFastYaml(c), undefined, `expected the yaml path for:\n${JSON.stringify(c)}`);
});

const PIECES = [' ', '  ', '\n', ':', ': ', '- ', '#', ' #', "'", '"', '[', ']', '{', '}', ',', ', ', '\\', '&a', '*a', '!', '|', '>', '?', '~', 'null', 'true', '0x1', '1.5', '-', '\t', '\r\n', '---', 'é', '😀', 'x', 'id: y'];

function mutate(text: string, r: () => number): string {
  const at = Math.floor(r() * (text.length + 1));
  switch (Math.floor(r() * 5)) {
    case 0: return text.slice(0, at) + PIECES[Math.floor(r() * PIECES.length)] + text.slice(at);
    case 1: return text.slice(0, at) + text.slice(at + 1 + Math.floor(r() * 3));
    case 2: { // duplicate or drop a line
      const lines = text.split('\n');
      const i = Math.floor(r() * lines.length);
      if (r() < 0.5) lines.splice(i, 0, lines[i]); else lines.splice(i, 1);
      return lines.join('\n');
    }
    case 3: { // re-indent a line
      const lines = text.split('\n');
      const i = Math.floor(r() * lines.length);
      lines[i] = r() < 0.5 ? ` ${lines[i]}` : lines[i].replace(/^ /, '');
      return lines.join('\n');
    }
    default: return text.slice(0, at) + '\n' + ' '.repeat(Math.floor(r() * 8)) + PIECES[Math.floor(r() * PIECES.length)] + text.slice(at);
  }
}

test('seeded mutations: the fast reader agrees with yaml or declines, never differs', () => {
  const bases = [...registryTexts().map((f) => f.text).filter((t) => t.length < 20_000), generateRegistryYaml(30)];
  let accepted = 0;
  let total = 0;
  for (let seed = 1; seed <= 2500; seed++) {
    const r = seededRandom(seed);
    let text = bases[seed % bases.length];
    const n = 1 + Math.floor(r() * 3);
    for (let i = 0; i < n; i++) text = mutate(text, r);
    total++;
    try {
      if (sameAsYaml(text, `seed ${seed}`)) accepted++;
    } catch (e) {
      throw new Error(`seed ${seed}: ${(e as Error).message}`);
    }
  }
  // The test means something only if many mutants are still in the subset (most mutants are
  // not valid YAML at all; of the valid ones, about four in five take the fast path).
  assert.ok(accepted > total / 10, `only ${accepted} of ${total} mutants took the fast path`);
});

// ---------------------------------------------------------------------------------------------
// Flow style: `- {id: x, type: person, roles: [{office: y, start: 2021-11-10}]}`, nested, over
// several lines, with quoted scalars, escapes and comments. Generated texts (valid and not) and
// mutations of them: the fast reader must read each exactly as yaml does, or decline.

const FLOW_CASES = [
  joinLines('version: 1', 'entities:', '  - {id: a, type: country, name: Aland, aliases: [Republic of Aland, AL], demonyms: [Alander]}'),
  joinLines('version: 1', 'entities:', '  - {id: p, type: person, name: "Anna \\"A\\" B\\u00e9", roles: [{office: o, start: 2021-11-10, end: ~}, {title: \'Envoy\'\'s aide\', of: a}]}'),
  joinLines('version: 1', 'entities:', '  - {', '      id: p,   # the id', '      type: person,', '      name: Anna B,', '      roles: [', '        {office: o, start: 2012},', '        # a comment line', '      ],', '    }', '  - {id: q, type: person, name: Q}'),
  joinLines('version: 1', 'entities: [{id: a, type: country, name: A}, {id: b, type: country,', '  name: B}]'),
  joinLines('version: 1', 'entities: [', '  {id: a, type: country, name: A},', '  {', '    id: b, type: country, name: B', '  },', ']'),
  joinLines('version: 1', 'entities:', '  - {id: a, type: country, name: A', '  }'),
  joinLines('version: 1', 'entities:', '- {"id": a, \'type\': country, "name": "A"}', '- {id: b, type: country, name: B, aliases: [], demonyms: [ ], participants: [x,]}'),
  joinLines('version: 1', 'entities:', '  - id: p', '    type: person', '    name: P', '    roles: [{office: o, start: 2020-01}, {office: o2,', '      start: 2021}]'),
  joinLines('version: 1', 'entities:', '  - {id: a, name: a#b, description: x:y, wikidata: Q1, single_holder: true, of: -x}'),
  joinLines('version: 1', 'entities:', '  - {id: a, nested: [[1, 2], {k: [v]}], name: A}'),
  'version: 1\nentities:\n  - aliases: [a, [b]]\n', 'version: 1\nentities:\n  - aliases: [a,\n      b]\n', 'version: 1\nentities:\n  - { id: x, name: [a] }\n',
];

const FLOW_DECLINED = [
  'version: 1\nentities:\n  - {id: a,\n  name: b}\n', 'version: 1\nentities:\n  - {id: a,\n name: b}\n', // continuation not deeper than the dash
  'version: 1\nentities:\n  - {id: a, name: two\n      lines}\n', // multi-line plain scalar
  'version: 1\nentities:\n  - {id: "two\n      lines"}\n', // multi-line quoted scalar
  'version: 1\nentities:\n  - {id}\n', 'version: 1\nentities:\n  - {id: }\n', 'version: 1\nentities:\n  - {id:\n      x}\n',
  'version: 1\nentities:\n  - [a: b]\n', 'version: 1\nentities:\n  - {? id: x}\n', 'version: 1\nentities:\n  - {id: a, id: b}\n',
  'version: 1\nentities:\n  - {id: a\n', 'version: 1\nentities:\n  - {id: a}}\n', 'version: 1\nentities:\n  - [a b, c] x\n',
  'version: 1\nentities:\n  - {id: a, name: &x b}\n', 'version: 1\nentities:\n  - {id: a name: b}\n', 'version: 1\nentities:\n  - [a,#c\n    b]\n',
];

test('flow-style registries are read exactly as yaml reads them', () => {
  for (const c of FLOW_CASES) assert.ok(sameAsYaml(c, 'flow case'), `expected the fast path for:\n${c}`);
  for (const c of FLOW_DECLINED) assert.equal(readFastYaml(c), undefined, `expected the yaml path for:\n${JSON.stringify(c)}`);
  const flow = generateRegistryYaml(3000, { style: 'flow' });
  assert.ok(sameAsYaml(flow, 'generated flow registry'));
  // The same entities as the block-style file: only the ranges differ.
  const strip = (es: Entity[]): unknown[] => es.map((e) => ({ ...e, roles: e.roles.map((r) => ({ ...r, range: null })), source: null }));
  assert.deepEqual(strip(parseRegistryFile('r.yaml', flow).entities), strip(parseRegistryFile('r.yaml', generateRegistryYaml(3000)).entities));
});

/** A random flow-style registry: entities as flow maps with random spacing, line breaks
 * (mostly deep enough, sometimes not), comments, quoting, escapes and nesting. */
function randomFlowRegistry(r: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const indent = pick([0, 2, 4]);
  const sp = (): string => pick(['', ' ', ' ', '  ']);
  const br = (): string => {
    const x = r();
    if (x < 0.75) return '';
    const deep = ' '.repeat(indent + pick([0, 1, 2, 3, 6]));
    return (x < 0.85 ? ' # note' : '') + '\n' + (r() < 0.1 ? deep + '# comment line\n' : '') + (r() < 0.05 ? '\n' : '') + deep;
  };
  const plain = (): string => pick(['x', 'Anna B', 'a-b.c', '2021-11-10', '2012', '12', '-5', 'true', 'null', '~', '0x1F', '1.5', '.inf', 'a:b', 'a#b', 'é 😀', 'Q42', 'x y z']);
  const dq = (): string => `"${pick(['', 'a', 'Anna \\"B\\"', '\\u00e9\\x41\\t', 'a, b', '[x]', '{y}', 'a: b', '# no', '\\\\', '\\U0001F600', '\\q'])}"`;
  const sq = (): string => `'${pick(['', 'a', "it''s", 'a, b', '[x] {y}', 'a: b', '"q"'])}'`;
  const scalar = (): string => { const x = r(); return x < 0.6 ? plain() : x < 0.8 ? dq() : sq(); };
  const value = (depth: number): string => {
    const x = r();
    if (depth < 3 && x < 0.15) return seq(depth + 1);
    if (depth < 3 && x < 0.22) return map(depth + 1, ['office', 'start', 'end', 'title', 'k']);
    return scalar();
  };
  const seq = (depth: number): string => {
    const n = Math.floor(r() * 4);
    const items = Array.from({ length: n }, () => value(depth));
    return `[${sp()}${br()}${items.map((it) => it + sp()).join(`,${sp()}${br()}`)}${n && r() < 0.2 ? ',' : ''}${br()}]`;
  };
  const map = (depth: number, keys: readonly string[]): string => {
    const n = 1 + Math.floor(r() * keys.length);
    const pairs: string[] = [];
    for (let i = 0; i < n; i++) {
      const k = r() < 0.03 ? pick(keys) : keys[i % keys.length];
      const key = r() < 0.1 ? `"${k}"` : r() < 0.05 ? `'${k}'` : k;
      pairs.push(`${key}:${r() < 0.97 ? ' ' : ''}${sp()}${value(depth)}`);
    }
    return `{${sp()}${br()}${pairs.join(`,${sp()}${br()}`)}${r() < 0.2 ? ',' : ''}${sp()}${br()}}`;
  };
  const entity = (): string => {
    const fields = [`id: ${pick(['a', 'b', 'p-1', 'x.y', 'Bad Id'])}`, `type: ${pick(['person', 'country', 'office', 'event', 'thing'])}`, `name: ${scalar()}`];
    if (r() < 0.5) fields.push(`aliases: ${seq(1)}`);
    if (r() < 0.4) fields.push(`roles: [${map(2, ['office', 'start', 'end', 'title', 'of'])}${r() < 0.5 ? `, ${map(2, ['office', 'start', 'end'])}` : ''}]`);
    if (r() < 0.3) fields.push(`country: ${scalar()}`);
    return `{${sp()}${fields.join(`,${sp()}${br()}`)}${sp()}${br()}}`;
  };
  const lines = ['version: 1', 'entities:'];
  const n = 1 + Math.floor(r() * 4);
  for (let i = 0; i < n; i++) lines.push(`${' '.repeat(indent)}- ${entity()}`);
  return lines.join('\n') + (r() < 0.8 ? '\n' : '');
}

test('seeded flow-style registries and their mutations: the fast reader agrees with yaml or declines', () => {
  let accepted = 0;
  let total = 0;
  for (let seed = 1; seed <= 3000; seed++) {
    const r = seededRandom(10_000 + seed);
    let text = randomFlowRegistry(r);
    // Half are read as generated; the others mutated once or twice.
    if (seed % 2 === 0) for (let i = 1 + Math.floor(r() * 2); i > 0; i--) text = mutate(text, r);
    total++;
    try {
      if (sameAsYaml(text, `flow seed ${seed}`)) accepted++;
    } catch (e) {
      throw new Error(`flow seed ${seed}: ${(e as Error).message}`);
    }
  }
  if (process.env.ATTACHE_DEBUG_FLOW) console.log(`${accepted} of ${total} flow texts took the fast path`);
  assert.ok(accepted > total / 4, `only ${accepted} of ${total} flow texts took the fast path`);
});

test('a file the fast reader gives up on half-way is read whole by yaml (no entity kept twice)', () => {
  // The reader hands entities to the walker as it reads them; here it stops at the anchor on the
  // last one, after two were walked, and the yaml path must give the whole answer on its own.
  const text = joinLines('version: 1', 'entities:', '  - {id: a, type: country, name: Aland}', '  - id: b', '    type: country', '    name: Bland', '  - id: c', '    type: country', '    name: &n Cland', '');
  assert.equal(readFastYaml(text), undefined);
  const a = parseRegistryFile('r.yaml', text);
  const b = parseRegistryFile('r.yaml', text, { fastReader: false });
  assert.deepEqual(a, b);
  assert.deepEqual(a.entities.map((e) => e.id), ['a', 'b', 'c']);
});

test('entities read one after another reuse no node of the one before (reused node pool)', () => {
  // The reader reuses an entity's nodes and lists for the next one: entities of different shapes
  // and sizes in a row (more keys, then fewer; lists growing and shrinking; an empty list after a
  // full one; a map with many keys, whose duplicate check keeps a set) must each read exactly as
  // yaml reads them, in both styles.
  const many = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}: v${i}`);
  const block = joinLines(
    'version: 1', 'entities:',
    '  - id: p1', '    type: person', '    name: Ines Varga', '    aliases: [I. Varga, Varga Ines, Ines V.]', '    roles:', '      - office: o1', '        start: 2001', '      - title: Envoy', '        end: 2003',
    '  - id: c1', '    type: country', '    name: Oland', '    aliases: []', '    demonyms: [Olandic]',
    '  - id: x1', '    type: place', '    name: Wide', ...many('    k', 40),
    '  - id: x2', '    type: place', '    name: Wider', ...many('    k', 36), '    z: last',
    '  - id: p2', '    type: person', '    name: Omar Ali', '    roles:', '      - office: o1', '  - {id: o1, type: office, name: Envoy Office}', '');
  assert.ok(sameAsYaml(block, 'block entities of changing shapes'));
  // Read as the registry reads it (entities handed over one by one, nodes reused): no fallback.
  assert.notEqual(readFastYaml(block, () => undefined), undefined);
  const parsed = parseRegistryFile('r.yaml', block);
  assert.deepEqual(parsed.entities.map((e) => [e.id, e.aliases.length, e.roles.length]), [['p1', 3, 2], ['c1', 0, 0], ['x1', 0, 0], ['x2', 0, 0], ['p2', 0, 1], ['o1', 0, 0]]);
  // 40 unknown keys warned about in x1, 37 in x2: none taken for a duplicate of the entity before.
  assert.equal(parsed.findings.filter((f) => f.code === 'registry-schema').length, 77);
  const flow = joinLines(
    'version: 1', 'entities: [',
    '  {id: p1, type: person, name: Ines Varga, aliases: [I. Varga, Varga Ines], roles: [{office: o1, start: 2001}, {title: Envoy}]},',
    '  {id: c1, type: country, name: Oland, aliases: [], demonyms: [Olandic]},',
    `  {id: x1, type: place, name: Wide, ${many('k', 33).join(', ')}},`,
    `  {id: x2, type: place, name: Wider, ${many('k', 34).join(', ')}},`,
    '  {id: p2, type: person, name: Omar Ali}', ']', '');
  assert.ok(sameAsYaml(flow, 'flow entities of changing shapes'));
  assert.notEqual(readFastYaml(flow, () => undefined), undefined);
  // A key repeated after 32 others in a later entity is still a duplicate: left to yaml, which reports it.
  const dup = joinLines('version: 1', 'entities:', '  - id: a', '    type: place', '    name: A', ...many('    k', 35), '  - id: b', '    type: place', '    name: B', ...many('    k', 34), '    k3: again', '');
  assert.equal(readFastYaml(dup), undefined);
  assert.equal(readFastYaml(dup, () => undefined), undefined);
  assert.ok(parseRegistryFile('r.yaml', dup).findings.some((f) => f.code === 'registry-syntax'));
});
