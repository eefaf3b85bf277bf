import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RegistryStore, loadRegistry, parseRegistryFile } from '../../server/src/core/registry';
import { main } from '../../server/src/cli/main';
import { Finding } from '../../server/src/core/types';
import { joinLines, repoRoot } from '../helpers';

const HEAD = ['version: 1', 'entities:'];

function findingsOf(text: string, path = 'r.yaml'): Finding[] {
  return loadRegistry([{ path, text }]).files.get(path)!.findings;
}

function only(fs: Finding[], code: string): Finding {
  const m = fs.filter((f) => f.code === code);
  assert.equal(m.length, 1, `expected one ${code}, got ${JSON.stringify(fs.map((f) => f.code))}`);
  return m[0];
}

const slice = (text: string, f: { start: number; end: number }): string => text.slice(f.start, f.end);

test('entities keep exact source ranges: the entry, the id value, references and roles', () => {
  const text = joinLines(...HEAD,
    '  - id: japan', '    type: country', '    name: Japan', '    demonyms: [Japanese]',
    '  - id: hayashi-yoshimasa', '    type: person', '    name: Hayashi Yoshimasa', '    family_name: Hayashi', '    given_name: Yoshimasa',
    '    name_order: family-first', '    country: japan', '    roles:', '      - office: japan-fm', '        start: 2021-11-10', '        end: 2023-09-13',
    '  - id: japan-fm', '    type: office', '    name: Minister for Foreign Affairs of Japan', '    of: japan', '    single_holder: true', '');
  const s = loadRegistry([{ path: 'r.yaml', text }]);
  assert.deepEqual(s.files.get('r.yaml')!.findings, []);
  const h = s.entities.get('hayashi-yoshimasa')!;
  assert.equal(slice(text, { start: h.source.idRange[0], end: h.source.idRange[1] }), 'hayashi-yoshimasa');
  assert.ok(slice(text, { start: h.source.range[0], end: h.source.range[1] }).startsWith('id: hayashi-yoshimasa'));
  assert.deepEqual(h.source.references.map((r) => [r.id, slice(text, { start: r.range[0], end: r.range[1] })]), [['japan', 'japan'], ['japan-fm', 'japan-fm']]);
  assert.equal(h.familyName, 'Hayashi');
  assert.equal(h.nameOrder, 'family-first');
  assert.deepEqual(h.roles.map((r) => [r.office, r.start, r.end]), [['japan-fm', '2021-11-10', '2023-09-13']]);
  assert.ok(slice(text, { start: h.roles[0].range[0], end: h.roles[0].range[1] }).startsWith('office: japan-fm'));
  assert.equal(s.entities.get('japan-fm')!.singleHolder, true);
  assert.deepEqual(s.entities.get('japan')!.demonyms, ['Japanese']);
});

test('dates stay strings, including bare years and year-months', () => {
  const text = joinLines(...HEAD, '  - id: p', '    type: person', '    name: P Q', '    roles:', '      - title: Member of Parliament', '        start: 2012', '        end: 2019-07',
    '  - id: e', '    type: event', '    name: Summit', '    date: 2023-07-11/2023-07-12', '');
  const s = loadRegistry([{ path: 'r.yaml', text }]);
  assert.deepEqual(s.files.get('r.yaml')!.findings, []);
  assert.equal(s.entities.get('p')!.roles[0].start, '2012');
  assert.equal(s.entities.get('p')!.roles[0].end, '2019-07');
  assert.equal(s.entities.get('e')!.date, '2023-07-11/2023-07-12');
});

test('registry-syntax at the error, and the last good version of the file stays in use', () => {
  const store = new RegistryStore();
  const good = joinLines(...HEAD, '  - id: japan', '    type: country', '    name: Japan', '');
  store.setFile('r.yaml', good);
  assert.ok(store.snapshot().entities.has('japan'));
  const bad = joinLines(...HEAD, '  - id: japan', '    type: country', '    name: [Japan', '');
  store.setFile('r.yaml', bad);
  const s = store.snapshot();
  assert.ok(s.entities.has('japan'), 'the last good entities stay');
  const st = s.files.get('r.yaml')!;
  assert.equal(st.stale, true);
  assert.equal(st.text, bad);
  const f = only(st.findings, 'registry-syntax');
  assert.equal(f.severity, 'error');
  assert.ok(f.start >= bad.indexOf('[Japan') && f.start <= bad.length);
  assert.match(f.message, /last valid version/);
});

test('registry-schema: missing fields, bad id, bad type, bad dates, wrong shapes; unknown keys are warnings', () => {
  const text = joinLines(...HEAD,
    '  - id: Bad Id', '    type: person', '    name: X',
    '  - id: ok', '    type: ministry', '    name: Y',
    '  - id: noname', '    type: person',
    '  - id: p', '    type: person', '    name: P', '    aliases: Single', '    hobby: chess', '    roles:', '      - office: x', '        start: 2021-13-01',
    '  - plain string', '');
  const fs = findingsOf(text);
  const at = (code: string, quote: string, severity = 'error'): void => {
    const f = fs.find((x) => x.code === code && slice(text, x) === quote);
    assert.ok(f, `no ${code} on '${quote}': ${JSON.stringify(fs.map((x) => [x.code, slice(text, x)]))}`);
    assert.equal(f!.severity, severity);
  };
  at('registry-schema', 'Bad Id');
  at('registry-schema', 'ministry');
  at('registry-schema', 'id: noname');
  at('registry-schema', 'Single');
  at('registry-schema', 'hobby', 'warning');
  at('registry-schema', '2021-13-01');
  at('registry-schema', 'plain string');
  assert.match(findingsOf(joinLines('entities: []', ''))[0].message, /Missing `version: 1`/);
});

test('YAML aliases are never expanded: an alias bomb is cheap and reported as a schema error', () => {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let i = 0; i < 20; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`);
  const text = joinLines('version: 1', ...lines, 'entities:', '  - id: x', '    type: country', '    name: *u', '  - *b', '');
  const fs = findingsOf(text);
  assert.ok(fs.some((f) => f.code === 'registry-schema' && slice(text, f) === '*u'));
  assert.ok(fs.some((f) => f.code === 'registry-schema' && slice(text, f) === '*b'));
});

test('deep nesting is refused with a message, not a stack overflow', () => {
  const text = 'version: 1\nentities:\n  - id: x\n    type: country\n    name: X\n    description: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n';
  const fs = findingsOf(text);
  assert.ok(fs.some((f) => f.code === 'registry-syntax' || f.code === 'registry-schema'));
});

test('duplicate-id across files, with related information to the first definition', () => {
  const a = joinLines(...HEAD, '  - id: japan', '    type: country', '    name: Japan', '');
  const b = joinLines(...HEAD, '  - id: japan', '    type: country', '    name: Nippon', '');
  const s = loadRegistry([{ path: 'b.yaml', text: b }, { path: 'a.yaml', text: a }]);
  assert.equal(s.entities.get('japan')!.name, 'Japan', 'the first file by path wins');
  const f = only(s.files.get('b.yaml')!.findings, 'duplicate-id');
  assert.equal(slice(b, f), 'japan');
  assert.equal(f.related![0].path, 'a.yaml');
  assert.equal(slice(a, f.related![0]), 'japan');
  assert.deepEqual(s.files.get('a.yaml')!.findings, []);
});

test('unknown-reference: undefined ids and ids of the wrong type, in block and flow style', () => {
  const text = joinLines(...HEAD, '  - id: japan', '    type: country', '    name: Japan',
    '  - id: p', '    type: person', '    name: P', '    country: atlantis', '    roles: [{office: japan, start: 2020}]',
    '  - id: ev', '    type: event', '    name: Talks', '    participants:', '      - japan', '      - nowhere', '');
  const fs = findingsOf(text).filter((f) => f.code === 'unknown-reference');
  assert.deepEqual(fs.map((f) => slice(text, f)), ['atlantis', 'japan', 'nowhere']);
  assert.match(fs[1].message, /'japan' is a country .* office must name an office/);
});

test('alias-collision between entities, but not for generic office titles of different countries', () => {
  const text = joinLines(...HEAD,
    '  - id: jp-fm', '    type: office', '    name: Minister for Foreign Affairs of Japan', '    aliases: [Foreign Minister]', '    of: japan',
    '  - id: de-fm', '    type: office', '    name: Federal Minister for Foreign Affairs', '    aliases: [Foreign Minister]', '    of: germany',
    '  - id: japan', '    type: country', '    name: Japan', '  - id: germany', '    type: country', '    name: Germany', '    aliases: [Deutschland]',
    '  - id: de-bank', '    type: organization', '    name: Bank of Germany', '    aliases: [Deutschland]', '');
  const fs = findingsOf(text).filter((f) => f.code === 'alias-collision');
  assert.equal(fs.length, 2);
  assert.deepEqual(fs.map((f) => slice(text, f)), ['Deutschland', 'Deutschland']);
  assert.equal(fs[0].severity, 'information');
});

test('office-overlap for a single-holder office; a same-day handover is not an overlap', () => {
  const text = joinLines(...HEAD, '  - id: fm', '    type: office', '    name: FM', '    single_holder: true',
    '  - id: a', '    type: person', '    name: A', '    roles:', '      - office: fm', '        start: 2021-11-10', '        end: 2023-09-13',
    '  - id: b', '    type: person', '    name: B', '    roles:', '      - office: fm', '        start: 2023-09-13', '        end: 2024-10-01',
    '  - id: c', '    type: person', '    name: C', '    roles:', '      - office: fm', '        start: 2024-06', '');
  const fs = findingsOf(text).filter((f) => f.code === 'office-overlap');
  assert.equal(fs.length, 1);
  assert.ok(slice(text, fs[0]).startsWith('office: fm\n        start: 2024-06'));
  assert.match(fs[0].message, /C \(from 2024-06\) overlaps B \(2023-09-13 to 2024-10-01\)/);
});

test('tenure-order on roles and on event ranges', () => {
  const text = joinLines(...HEAD, '  - id: a', '    type: person', '    name: A', '    roles:', '      - title: Envoy', '        start: 2021', '        end: 2019',
    '  - id: e', '    type: event', '    name: E', '    date: 2023-07-12/2023-07-11', '');
  const fs = findingsOf(text).filter((f) => f.code === 'tenure-order');
  assert.deepEqual(fs.map((f) => slice(text, f)), ['2019', '2023-07-12/2023-07-11']);
});

test("a role's findings: its keys, its values, its dates, each at its place", () => {
  const text = joinLines(...HEAD, '  - id: a', '    type: person', '    name: A', '    roles:',
    '      - start: 2021-13-01', '        bogus: 1', '        title: [x]', '        note: kept quiet',
    '      - office: fm', '        of: [y]', '        end: 2019', '        start: 2021', '        Office: z',
    '      - office: fm', '        start: 2020-02-30', '        end: ~',
    '  - id: fm', '    type: office', '    name: FM', '');
  const fs = findingsOf(text);
  assert.deepEqual(fs.map((f) => [f.code, slice(text, f), f.message.split(':')[0]]), [
    ['registry-schema', 'start: 2021-13-01\n        bogus: 1\n        title: [x]\n        note: kept quiet', 'A role needs `office'],
    ['registry-schema', 'bogus', "Unknown role key 'bogus' is ignored. Role keys"],
    ['registry-schema', '[x]', "'title' must be a single value, not a list."],
    ['registry-schema', '[y]', "'of' must be a single value, not a list."],
    ['tenure-order', '2019', 'This role ends (2019) before it starts (2021); swap the dates or correct one of them.'],
    ['registry-schema', 'Office', "Unknown role key 'Office' is ignored. Role keys"],
    ['registry-schema', '2020-02-30', "Invalid start date '2020-02-30'"],
  ]);
  const roles = loadRegistry([{ path: 'r.yaml', text }]).entities.get('a')!.roles;
  assert.deepEqual(roles.map((r) => [r.office, r.of, r.start, r.end]), [['fm', undefined, '2021', '2019'], ['fm', undefined, undefined, null]]);
});

test('CRLF registry files parse with the same ranges', () => {
  const text = joinLines(...HEAD, '  - id: japan', '    type: country', '    name: Japan', '    colour: red', '').replace(/\n/g, '\r\n');
  const s = loadRegistry([{ path: 'r.yaml', text }]);
  const f = only(s.files.get('r.yaml')!.findings, 'registry-schema');
  assert.equal(slice(text, f), 'colour');
  assert.equal(s.entities.get('japan')!.name, 'Japan');
});

test('setFile with unchanged text keeps the snapshot; removeFile drops the entities', () => {
  const store = new RegistryStore();
  const t = joinLines(...HEAD, '  - id: japan', '    type: country', '    name: Japan', '');
  store.setFile('a.yaml', t);
  const s1 = store.snapshot();
  store.setFile('a.yaml', t);
  assert.equal(store.snapshot(), s1);
  store.removeFile('a.yaml');
  const s2 = store.snapshot();
  assert.ok(s2.version > s1.version);
  assert.equal(s2.entities.size, 0);
  assert.equal(parseRegistryFile('x.yaml', '').findings[0].code, 'registry-schema');
});

test('attache check on the broken fixture reports every registry code at its line and column', () => {
  let out = '';
  const code = main(['check', 'test/fixtures/registry-broken'], repoRoot, (s) => (out += s), () => undefined);
  assert.equal(code, 1);
  const expected = [
    ['registry.yaml:16:15', 'information alias-collision'],
    ['registry.yaml:20:11', 'error registry-schema'],
    ['registry.yaml:24:5', 'warning registry-schema'],
    ['registry.yaml:28:14', 'error unknown-reference'],
    ['registry.yaml:33:9', 'error duplicate-id'],
    ['registry.yaml:38:15', 'information alias-collision'],
    ['registry.yaml:46:14', 'error tenure-order'],
    ['registry.yaml:62:9', 'warning office-overlap'],
    ['registry/syntax.yaml:5:3', 'error registry-syntax'],
  ];
  const lines = out.split('\n').filter((l) => l.startsWith('test/'));
  assert.deepEqual(lines.map((l) => {
    const m = /^test\/fixtures\/registry-broken\/(\S+): (\w+ [a-z-]+):/.exec(l)!;
    return [m[1], m[2]];
  }), expected);
});
