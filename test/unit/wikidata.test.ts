/**
 * `attache import wikidata`: the exact registry YAML produced from the fixtures (entity JSON, a
 * gzip dump, SPARQL results), the mapping rules one by one, bad input, and the registry it writes
 * used by `attache check`.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { loadRegistry } from '../../server/src/core/registry';
import { applyEdits } from '../../server/src/core/edits';
import { DIAGNOSTIC_CODES } from '../../server/src/core/types';
import { WdEntity, WikidataCollector, mapEntities, registryYaml } from '../../server/src/core/wikidata';
import { timeValue } from '../../server/src/core/wikidata/model';
import { yamlScalar } from '../../server/src/core/wikidata/yaml';
import { main } from '../../server/src/cli/main';
import { importCommand } from '../../server/src/cli/importWikidata';
import { readWikidataInput } from '../../server/src/node/wikidataInput';
import { createWriteStream } from 'node:fs';
import { createGzip } from 'node:zlib';
import { fixturesDir, joinLines } from '../helpers';
import { workspace } from './cliRun';

const dir = join(fixturesDir, 'wikidata');
const DATE = '2025-12-01';

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(args: string[], cwd: string, stdin?: NodeJS.ReadableStream): Promise<Run> {
  let out = '';
  let err = '';
  const code = await importCommand(args, { cwd, out: (s) => (out += s), err: (s) => (err += s), date: DATE, stdin });
  return { code, out, err };
}

function findings(text: string): string[] {
  const snap = loadRegistry([{ path: 'r.yaml', text }]);
  return [...snap.files.values()].flatMap((f) => f.findings.map((x) => `${x.code}: ${x.message}`));
}

const entityInputs = ['wbgetentities-jp-de.json', ...readdirSync(join(dir, 'entitydata')).sort().map((f) => join('entitydata', f))];

test('entity JSON (wbgetentities and Special:EntityData) gives exactly the expected registry', async () => {
  const r = await run(['wikidata', ...entityInputs], dir);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, readFileSync(join(dir, 'expected-entities.yaml'), 'utf8'));
  assert.match(r.err, /10 persons, 9 offices, 6 countries \(2 stubs/);
  assert.deepEqual(findings(r.out), []);
});

test('the same entities in another order give the same file (stable ids and order)', async () => {
  const r = await run(['wikidata', ...[...entityInputs].reverse()], dir);
  assert.equal(r.out, readFileSync(join(dir, 'expected-entities.yaml'), 'utf8'));
});

test('a gzip dump is streamed: only persons with positions held and what they reference are kept', async () => {
  const r = await run(['wikidata', 'dump-uk.json.gz'], dir);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, readFileSync(join(dir, 'expected-dump.yaml'), 'utf8'));
  assert.doesNotMatch(r.out, /Douglas Adams|scholarly article/);
  assert.deepEqual(findings(r.out), []);
});

test('a bzip2 dump is streamed the same way and gives the same registry', async () => {
  const r = await run(['wikidata', 'dump-uk.json.bz2'], dir);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /dump-uk\.json\.bz2: dump, 6 entities read/);
  assert.equal(r.out, readFileSync(join(dir, 'expected-dump.yaml'), 'utf8'));
});

test('SPARQL results keep time precision and give exactly the expected registry', async () => {
  const r = await run(['wikidata', 'sparql-chancellors.json'], dir);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, readFileSync(join(dir, 'expected-sparql.yaml'), 'utf8'));
  assert.match(r.out, /start: 2002\n {8}end: 2011\n/);
  assert.deepEqual(findings(r.out), []);
});

test('mapping rules: precision, deprecated, undated, preferred, held twice, stubs', async () => {
  const text = readFileSync(join(dir, 'expected-entities.yaml'), 'utf8');
  // Scholz's deprecated start (2021-12-07) is skipped; his Bundestag seat is at year precision.
  assert.doesNotMatch(text, /2021-12-07/);
  assert.match(text, /- office: q1939555\n {8}start: 2002\n {8}end: 2011\n/);
  // Johnson's Foreign Secretary tenure is at month precision.
  assert.match(text, /- office: foreign-secretary\n {8}start: 2016-07\n {8}end: 2018-07\n/);
  // Merkel's Bundestag seat has no dates: none invented.
  assert.match(text, /- office: q1939555\n {4}provenance:/);
  // Preferred rank is noted; the position held twice gives two roles.
  assert.match(text, /start: 2024-07-05\n {8}note: preferred rank on Wikidata\n/);
  assert.equal(text.match(/- office: prime-minister-of-japan\n/g)?.length, 2);
  // A referenced entity missing from the input is a stub with its QID.
  assert.match(text, /# Stub: Q801 is referenced but was not in the input; import it to complete this entry.\n {2}- id: q801\n {4}type: country\n {4}name: Q801\n {4}wikidata: Q801\n/);
  // Name parts come from P734/P735 items in the input; the order from the label.
  assert.match(text, /name: Shinzo Abe\n.*\n {4}family_name: Abe\n {4}given_name: Shinzō\n {4}name_order: given-first\n/);
});

function person(id: string, label: string, roles: [string, string?, string?][]): WdEntity {
  const time = (p: string, d: string) => ({ snaktype: 'value' as const, property: p, datavalue: { type: 'time', value: { time: `+${d}T00:00:00Z`, precision: 11 } } });
  const item = (p: string, q: string) => ({ snaktype: 'value' as const, property: p, datavalue: { type: 'wikibase-entityid', value: { id: q } } });
  return {
    id, labels: { en: { language: 'en', value: label } },
    claims: {
      P31: [{ mainsnak: item('P31', 'Q5') }],
      P39: roles.map(([o, s, e]) => ({ mainsnak: item('P39', o), qualifiers: { ...(s ? { P580: [time('P580', s)] } : {}), ...(e ? { P582: [time('P582', e)] } : {}) } })),
    },
  };
}
const office = (id: string, label: string, classes: string[]): WdEntity => ({
  id, labels: { en: { language: 'en', value: label } },
  claims: {
    P31: classes.map((c) => ({ mainsnak: { snaktype: 'value', property: 'P31', datavalue: { type: 'wikibase-entityid', value: { id: c } } } })),
    P1001: [{ mainsnak: { snaktype: 'value', property: 'P1001', datavalue: { type: 'wikibase-entityid', value: { id: 'Q17' } } } }],
  },
});

test('single_holder only for a one-holder kind of position whose tenures in the input do not overlap', () => {
  const entities = [
    person('Q1001', 'Ann Example', [['Q900', '2001-01-01', '2005-01-01'], ['Q901', '2001-01-01', '2004-01-01']]),
    person('Q1002', 'Bea Example', [['Q900', '2005-01-01', '2009-01-01'], ['Q901', '2003-01-01']]),
    office('Q900', 'Head Office', ['Q2285706']), // head of government, handed over on the same day
    office('Q901', 'Shared Office', ['Q2285706']), // overlapping tenures: not single holder
    office('Q902', 'Board Seat', ['Q4164871']), // a mere position: not single holder
  ];
  const { entries } = mapEntities(entities, { langs: ['en'], imported: DATE });
  const byId = new Map(entries.map((e) => [e.id, e]));
  assert.equal(byId.get('head-office')?.singleHolder, true);
  assert.equal(byId.get('shared-office')?.singleHolder, undefined);
  assert.equal(byId.get('board-seat')?.singleHolder, undefined);
  assert.deepEqual(findings(registryYaml(entries)), []);
});

test('ids: readable slugs, a QID suffix for a repeated name, the QID for a name in another script', () => {
  const entities = [person('Q30', 'José Núñez', []), person('Q20', 'Jose Nunez', []), person('Q10', '安倍晋三', [])];
  const { entries } = mapEntities(entities, { langs: ['en'], imported: DATE });
  assert.deepEqual(entries.map((e) => [e.wikidata, e.id]), [['Q20', 'jose-nunez'], ['Q30', 'jose-nunez-q30'], ['Q10', 'q10']]);
});

test('--lang picks the label language, falls back in order, and adds the other labels as aliases', () => {
  const c = new WikidataCollector(['fr', 'en']);
  const e = JSON.parse(readFileSync(join(dir, 'wbgetentities-jp-de.json'), 'utf8')).entities;
  c.add(e.Q132345);
  c.add(e.Q17);
  const { entries } = mapEntities(c.entities(), { langs: ['fr', 'en'], imported: DATE });
  const abe = entries.find((x) => x.wikidata === 'Q132345')!;
  assert.equal(abe.name, 'Shinzō Abe');
  assert.deepEqual(abe.aliases, ['Shinzo Abe', 'Abe Shinzō']);
  assert.equal(entries.find((x) => x.wikidata === 'Q17')!.name, 'Japon');
});

test('times: day, month and year precision; coarser, unknown and malformed times give nothing', () => {
  const snak = (time: string, precision: number, calendarmodel?: string) => ({ snaktype: 'value' as const, property: 'P580', datavalue: { type: 'time', value: { time, precision, calendarmodel } } });
  assert.equal(timeValue(snak('+2021-11-10T00:00:00Z', 11)), '2021-11-10');
  assert.equal(timeValue(snak('+2021-11-10T00:00:00Z', 10)), '2021-11');
  assert.equal(timeValue(snak('+2021-11-00T00:00:00Z', 10)), '2021-11');
  assert.equal(timeValue(snak('+2021-00-00T00:00:00Z', 9)), '2021');
  assert.equal(timeValue(snak('+2021-00-00T00:00:00Z', 11)), '2021', 'a day precision without a month keeps the year only');
  assert.equal(timeValue(snak('+2021-02-30T00:00:00Z', 11)), '2021-02');
  assert.equal(timeValue(snak('+2020-00-00T00:00:00Z', 8)), undefined, 'decade');
  assert.equal(timeValue(snak('-0044-03-15T00:00:00Z', 11)), undefined, 'before year 1');
  assert.equal(timeValue(snak('+1850-03-15T00:00:00Z', 11, 'http://www.wikidata.org/entity/Q1985786')), '1850', 'Julian calendar: the year only');
  assert.equal(timeValue({ snaktype: 'somevalue', property: 'P580' }), undefined);
  assert.equal(timeValue(snak('2021', 9)), undefined);
});

test('YAML scalars that would read as something else are quoted', () => {
  for (const s of ['yes', 'No', 'null', '2021', '-x', 'a: b', 'a #b', '[x]', '"q"', ' pad', 'x:']) {
    assert.match(yamlScalar(s), /^"/, s);
  }
  assert.equal(yamlScalar('a, b', true), '"a, b"');
  assert.equal(yamlScalar('Minister for Foreign Affairs'), 'Minister for Foreign Affairs');
  const entries = mapEntities([person('Q1', 'true', []), person('Q2', 'x: y #z', [])], { langs: ['en'], imported: DATE }).entries;
  const text = registryYaml(entries);
  const snap = loadRegistry([{ path: 'r.yaml', text }]);
  assert.deepEqual([...snap.entities.values()].map((e) => e.name).sort(), ['true', 'x: y #z']);
});

test('bad input: a clear message naming the input, exit status 2, nothing written', async () => {
  const ws = workspace({}, 'attache-wd-');
  writeFileSync(join(ws, 'notwd.json'), '{"hello": 1}\n');
  writeFileSync(join(ws, 'broken.json'), '{"entities": {"Q1": ');
  writeFileSync(join(ws, 'dump.bz2'), 'BZh91AY&SY');
  writeFileSync(join(ws, 'cut.json.gz'), gzipSync(Buffer.from('[\n' + '{"id":"Q1","claims":{"P39":[]}},\n'.repeat(2000) + ']\n')).subarray(0, 200));
  const cases: [string, RegExp][] = [
    ['notwd.json', /notwd\.json: JSON that is neither Wikidata entities/],
    ['broken.json', /broken\.json: not valid JSON/],
    ['dump.bz2', /dump\.bz2: the bzip2 data is cut off before the first line/],
    ['cut.json.gz', /cut\.json\.gz: the gzip data is damaged or cut off/],
    ['missing.json', /missing\.json: no such file/],
  ];
  for (const [input, message] of cases) {
    const r = await run(['wikidata', '--out', 'out.yaml', input], ws);
    assert.equal(r.code, 2, input);
    assert.match(r.err, message);
    assert.match(r.err, /nothing was written/);
    assert.equal(existsSync(join(ws, 'out.yaml')), false);
  }
  const usage = await run(['wikidata'], ws);
  assert.equal(usage.code, 2);
  assert.match(usage.err, /needs at least one INPUT/);
  assert.equal((await run(['wikidata', '--lang', 'en;fr', 'x'], ws)).code, 2);
});

test('dump lines that are not JSON are reported by line and skipped; standard input works', async () => {
  const dump = joinLines('[', '{"id":"Q7","labels":{"en":{"language":"en","value":"Kim Example"}},"claims":{"P31":[{"mainsnak":{"snaktype":"value","property":"P31","datavalue":{"type":"wikibase-entityid","value":{"id":"Q5"}}}}],"P39":[{"mainsnak":{"snaktype":"value","property":"P39","datavalue":{"type":"wikibase-entityid","value":{"id":"Q8"}}}}]}},', '{"broken": "P39",', ']', '');
  const r = await run(['wikidata', '-'], tmpdir(), Readable.from([Buffer.from(dump)]));
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /standard input:3: not a JSON entity/);
  assert.match(r.out, /- id: kim-example\n/);
  assert.deepEqual(findings(r.out), []);
});

test('--out writes a new file and refuses to overwrite one without --merge', async () => {
  const ws = workspace({}, 'attache-wd-');
  const first = await run(['wikidata', '--out', 'registry/imported.yaml', join(dir, 'sparql-chancellors.json')], ws);
  assert.equal(first.code, 0, first.err);
  assert.equal(readFileSync(join(ws, 'registry/imported.yaml'), 'utf8'), readFileSync(join(dir, 'expected-sparql.yaml'), 'utf8'));
  const again = await run(['wikidata', '--out', 'registry/imported.yaml', join(dir, 'sparql-chancellors.json')], ws);
  assert.equal(again.code, 2);
  assert.match(again.err, /already exists; add --merge/);
});

test('attache check on an article naming an imported person with an office not held then: role-conflict', async () => {
  const ws = workspace({}, 'attache-wd-');
  const r = await run(['wikidata', '--out', 'registry.yaml', ...entityInputs.map((f) => join(dir, f))], ws);
  assert.equal(r.code, 0, r.err);
  mkdirSync(join(ws, 'articles'));
  writeFileSync(join(ws, 'articles', 'berlin.article'), joinLines(
    '---', 'date: 2019-05-10', '---', '',
    'Chancellor of Germany Olaf Scholz met the Japanese Prime Minister in Berlin on Friday.', '',
  ));
  let out = '';
  const code = main(['check', '--format', 'json', 'articles/berlin.article'], ws, (s) => (out += s), () => {});
  const report = JSON.parse(out);
  const article = report.files.find((f: { path: string }) => f.path.endsWith('berlin.article'));
  const conflicts = article.diagnostics.filter((d: { code: string }) => d.code === 'role-conflict');
  assert.equal(conflicts.length, 1, JSON.stringify(article.diagnostics));
  assert.match(conflicts[0].message, /Olaf Scholz/);
  assert.match(conflicts[0].message, /2021-12-08/);
  const registry = report.files.find((f: { path: string }) => f.path.endsWith('registry.yaml'));
  assert.deepEqual(registry?.diagnostics ?? [], []);
  assert.equal(code, 0);
});

const HAND_REGISTRY = joinLines(
  '# Hand-written registry: comments stay.',
  'version: 1',
  'entities:',
  '  - id: merkel',
  '    type: person',
  '    name: Angela Merkel   # the Chancellor',
  '    aliases: [Mutti]',
  '    country: germany',
  '    description: Former Chancellor (hand-written)',
  '    wikidata: Q567',
  '    roles:',
  '      - office: chancellor',
  '        start: 2005-11-23      # checked against the Bundestag record',
  '  # Offices.',
  '  - id: chancellor',
  '    type: office',
  '    name: Federal Chancellor of Germany',
  '    of: germany',
  '    wikidata: Q4970706',
  '  - id: germany',
  '    type: country',
  '    name: Germany',
  '    demonyms: [German]',
  '',
);

const MERGED = joinLines(
  '# Hand-written registry: comments stay.',
  'version: 1',
  'entities:',
  '  - id: merkel',
  '    type: person',
  '    name: Angela Merkel   # the Chancellor',
  '    aliases: [Mutti, Angela Dorothea Merkel]',
  '    country: germany',
  '    description: Former Chancellor (hand-written)',
  '    wikidata: Q567',
  '    family_name: Merkel',
  '    given_name: Angela',
  '    name_order: given-first',
  '    roles:',
  '      - office: chancellor',
  '        start: 2005-11-23      # checked against the Bundestag record',
  '        end: 2021-12-08',
  '      - office: q1939555',
  '    provenance:',
  '      wikidata_revision: 2298001003',
  '      imported: 2025-12-01',
  '      wikidata_values:',
  '        roles.0.start: 2005-11-22',
  '  # Offices.',
  '  - id: chancellor',
  '    type: office',
  '    name: Federal Chancellor of Germany',
  '    of: germany',
  '    wikidata: Q4970706',
  '    aliases: [Chancellor of Germany, German Chancellor, Federal Chancellor]',
  '    single_holder: true',
  '    provenance:',
  '      wikidata_revision: 2298002003',
  '      imported: 2025-12-01',
  '  - id: germany',
  '    type: country',
  '    name: Germany',
  '    demonyms: [German]',
  '    aliases: [Federal Republic of Germany]',
  '    wikidata: Q183',
  '    provenance:',
  '      wikidata_revision: 2298003002',
  '      imported: 2025-12-01',
  '  - id: olaf-scholz',
  '    type: person',
  '    name: Olaf Scholz',
  '    country: germany',
  '    description: Chancellor of Germany from 2021 to 2025',
  '    wikidata: Q61053',
  '    roles:',
  '      - office: q1939555',
  '        start: 2002',
  '        end: 2011',
  '      - office: chancellor',
  '        start: 2021-12-08',
  '        end: 2025-05-06',
  '    provenance:',
  '      wikidata_revision: 2298001004',
  '      imported: 2025-12-01',
  '  # Stub: Q1939555 is referenced but was not in the input; import it to complete this entry.',
  '  - id: q1939555',
  '    type: office',
  '    name: Q1939555',
  '    wikidata: Q1939555',
  '',
);

function germanInput(ws: string): string {
  const all = JSON.parse(readFileSync(join(dir, 'wbgetentities-jp-de.json'), 'utf8')).entities;
  const entities = Object.fromEntries(['Q567', 'Q61053', 'Q4970706', 'Q183', 'Q18628710', 'Q4356853'].map((q) => [q, all[q]]));
  const file = join(ws, 'german.json');
  writeFileSync(file, JSON.stringify({ entities }));
  return file;
}

test('--merge keeps hand edits and comments, adds what is missing, reports what differs', async () => {
  const ws = workspace({}, 'attache-wd-');
  writeFileSync(join(ws, 'registry.yaml'), HAND_REGISTRY);
  const input = germanInput(ws);
  const r = await run(['wikidata', '--merge', input], ws);
  assert.equal(r.code, 0, r.err);
  assert.equal(readFileSync(join(ws, 'registry.yaml'), 'utf8'), MERGED);
  assert.match(r.err, /registry\.yaml:13:16: information wikidata-drift: merkel: chancellor start is 2005-11-23 here but 2005-11-22 on Wikidata \(Q567\); kept as written/);
  assert.match(r.err, /merged: 3 updated, 2 added to registry\.yaml, 1 difference kept as written/);
  // The difference is recorded, so the registry shows it without network.
  assert.deepEqual(findings(MERGED), [
    "wikidata-drift: chancellor start is 2005-11-23 here but 2005-11-22 on Wikidata (Q567, as imported on 2025-12-01). The import kept the entry as written; take Wikidata's value if it is right.",
  ]);
  // `attache check` lists it too (information: exit status 0).
  mkdirSync(join(ws, 'articles'));
  writeFileSync(join(ws, 'articles', 'note.article'), joinLines('---', 'date: 2025-10-26', '---', '', 'Angela Merkel spoke.', ''));
  let out = '';
  assert.equal(main(['check', 'articles/note.article'], ws, (s) => (out += s), () => {}), 0);
  assert.match(out, /registry\.yaml:16:16: information wikidata-drift: chancellor start is 2005-11-23 here but 2005-11-22 on Wikidata \(Q567, as imported on 2025-12-01\)/);
  // A second run changes nothing and reports the same difference.
  const again = await run(['wikidata', '--merge', input], ws);
  assert.equal(again.code, 0, again.err);
  assert.equal(readFileSync(join(ws, 'registry.yaml'), 'utf8'), MERGED);
  assert.match(again.err, /merged: 0 updated, 0 added, 1 difference kept as written/);
});

test('--merge with --out appends new entities there and matches hand-written ones by name', async () => {
  const ws = workspace({}, 'attache-wd-');
  mkdirSync(join(ws, 'registry'));
  const offices = joinLines('version: 1', 'entities:', '  - id: de-chancellor', '    type: office', '    name: Chancellor of Germany', '    of: germany', '  - id: germany', '    type: country', '    name: Germany', '');
  writeFileSync(join(ws, 'registry', 'hand.yaml'), offices);
  const r = await run(['wikidata', '--merge', '--out', 'registry/wikidata.yaml', germanInput(ws)], ws);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /'de-chancellor' has no wikidata id; taken to be the same as Wikidata's 'Chancellor of Germany'/);
  const hand = readFileSync(join(ws, 'registry', 'hand.yaml'), 'utf8');
  assert.match(hand, /- id: de-chancellor\n {4}type: office\n {4}name: Chancellor of Germany\n {4}of: germany\n {4}aliases: \[German Chancellor, Federal Chancellor\]\n {4}single_holder: true\n {4}wikidata: Q4970706\n/);
  const added = readFileSync(join(ws, 'registry', 'wikidata.yaml'), 'utf8');
  assert.match(added, /^# Imported from Wikidata/);
  assert.match(added, /- office: de-chancellor\n {8}start: 2005-11-22/);
  assert.doesNotMatch(added, /id: germany|id: chancellor-of-germany/);
  const snap = loadRegistry([{ path: 'hand.yaml', text: hand }, { path: 'wikidata.yaml', text: added }]);
  assert.deepEqual([...snap.files.values()].flatMap((f) => f.findings.map((x) => x.message)), []);
});

test('a generated gzip dump is streamed line by line: irrelevant lines are never kept', async () => {
  // About 20 MB of dump text: 40,000 filler items (humans without positions held, articles)
  // around one official; the collector keeps only what the mapping needs.
  const ws = workspace({}, 'attache-wd-');
  const file = join(ws, 'big.json.gz');
  const gz = createGzip();
  const done = new Promise<void>((resolve, reject) => gz.pipe(createWriteStream(file)).on('finish', () => resolve()).on('error', reject));
  const pad = 'x'.repeat(400);
  gz.write('[\n');
  for (let i = 0; i < 40000; i++) {
    const human = i % 2 === 0;
    gz.write(JSON.stringify({ type: 'item', id: `Q${1000000 + i}`, labels: { en: { language: 'en', value: `Filler ${i} ${pad}` } }, claims: { P31: [{ mainsnak: { snaktype: 'value', property: 'P31', datavalue: { type: 'wikibase-entityid', value: { id: human ? 'Q5' : 'Q13442814' } } } }] } }) + ',\n');
    if (i === 20000) gz.write(JSON.stringify(person('Q7', 'Kim Example', [['Q8', '2020-01-02']])) + ',\n');
  }
  gz.write(JSON.stringify({ type: 'item', id: 'Q8', labels: { en: { language: 'en', value: 'Example Minister' } }, claims: {} }) + '\n]\n');
  gz.end();
  await done;
  const collector = new WikidataCollector(['en']);
  const summary = await readWikidataInput(file, collector, (m) => assert.fail(m));
  assert.equal(summary.kind, 'dump');
  assert.equal(summary.lines, 40004);
  assert.equal(collector.size, 1, 'only the official is kept (the office without claims is not a position by itself)');
  const { entries } = mapEntities(collector.entities(), { langs: ['en'], imported: DATE });
  assert.deepEqual(entries.map((e) => [e.id, e.type, e.stub ?? false]), [['kim-example', 'person', false], ['q8', 'office', true]]);
});

test('provenance: a mapping with wikidata_revision and imported; anything else is reported', () => {
  const entry = (lines: string[]) => joinLines('version: 1', 'entities:', '  - id: x', '    type: country', '    name: X', ...lines, '');
  assert.deepEqual(findings(entry(['    provenance:', '      wikidata_revision: 12', '      imported: 2025-12-01'])), []);
  assert.deepEqual(findings(entry(['    provenance: yesterday'])), ['registry-schema: `provenance` is a mapping: `wikidata_revision: NUMBER`, `imported: YYYY-MM-DD` and, when the import found differences, `wikidata_values`.']);
  assert.deepEqual(findings(entry(['    provenance:', '      wikidata_revision: abc', '      imported: 2025-13-01', '      by: me'])), [
    'registry-schema: wikidata_revision is the revision number of the Wikidata item (its `lastrevid`), a positive whole number.',
    "registry-schema: Invalid imported date '2025-13-01': write YYYY, YYYY-MM or YYYY-MM-DD.",
    "registry-schema: Unknown provenance key 'by' is ignored. Provenance keys: wikidata_revision, imported, wikidata_values.",
  ]);
});

test('--merge keeps CRLF, block lists and an empty end (reported), and fills an empty roles list', async () => {
  const ws = workspace({}, 'attache-wd-');
  const hand = [
    'version: 1', 'entities:',
    '  - id: scholz', '    type: person', '    name: Olaf Scholz', '    aliases:', '      - Scholz-o-mat   # hand', '    wikidata: Q61053',
    '    roles:', '      - office: chancellor-of-germany', '        start: 2021-12-08', '        end:',
    '  - id: merkel', '    type: person', '    name: Dr Angela Merkel', '    aliases:', '      - Mutti', '    wikidata: Q567', '    roles:', '',
  ].join('\r\n');
  writeFileSync(join(ws, 'registry.yaml'), hand);
  const r = await run(['wikidata', '--merge', germanInput(ws)], ws);
  assert.equal(r.code, 0, r.err);
  const text = readFileSync(join(ws, 'registry.yaml'), 'utf8');
  assert.doesNotMatch(text.replace(/\r\n/g, ''), /\n/, 'every line ends with CRLF');
  const lines = text.split('\r\n');
  assert.deepEqual(lines.slice(0, 12), [...hand.split('\r\n').slice(0, 8), '    country: germany', '    description: Chancellor of Germany from 2021 to 2025', '    roles:', '      - office: chancellor-of-germany']);
  assert.ok(lines.includes('        end:'), 'the empty end stays');
  // Wikidata's name order is about its label ("Angela Merkel"), not this name ("Dr Angela Merkel").
  assert.match(text, /family_name: Merkel\r\n {4}given_name: Angela\r\n {4}country: germany/);
  assert.doesNotMatch(text, /name_order/);
  assert.match(r.err, /registry\.yaml:12:13: information wikidata-drift: scholz: chancellor-of-germany has no end here but ended 2025-05-06 on Wikidata \(Q61053\); kept as written/);
  // Block-style aliases grow as a block; the Wikidata label differs from the name, so it becomes an alias.
  assert.ok(text.includes('    aliases:\r\n      - Mutti\r\n      - Angela Merkel\r\n      - Angela Dorothea Merkel\r\n'), text);
  assert.ok(text.includes('    roles:\r\n      - office: chancellor-of-germany\r\n        start: 2005-11-22\r\n        end: 2021-12-08\r\n      - office: q1939555\r\n    provenance:\r\n'), text);
  // The empty end is recorded as a difference; its quick fix writes Wikidata's date and drops the record.
  assert.ok(text.includes('      imported: 2025-12-01\r\n      wikidata_values:\r\n        roles.0.end: 2025-05-06\r\n  - id: merkel'), text);
  const drift = loadRegistry([{ path: 'registry.yaml', text }]).files.get('registry.yaml')!.findings;
  assert.deepEqual(drift.map((f) => [f.code, f.severity, text.slice(f.start, f.end), f.fixes?.map((x) => x.title)]), [['wikidata-drift', 'information', 'end', ["Use Wikidata's value (2025-05-06)"]]]);
  const fixed = applyEdits(text, drift[0].fixes![0].edits).text;
  assert.ok(fixed.includes('        start: 2021-12-08\r\n        end: 2025-05-06\r\n      - office: q1939555\r\n'), fixed);
  assert.ok(fixed.includes('      imported: 2025-12-01\r\n  - id: merkel'), fixed);
  assert.deepEqual(findings(fixed), []);
});

test('wikidata-drift: each recorded value that still differs, on the value, with a fix to take Wikidata\'s', () => {
  const text = joinLines(
    'version: 1', 'entities:',
    '  - id: kim', '    type: person', '    name: Kim Example', '    family_name: Exampel', '    country: atlantis', '    wikidata: Q7',
    '    roles:', '      - office: minister', '        start: 2020-01-02   # as the gazette says', '      - office: minister', '        start: 2023',
    '    provenance:', '      wikidata_revision: 12', '      imported: 2025-12-01',
    '      wikidata_values:', '        family_name: Example', '        country: utopia', '        roles.1.start: 2023-04', '        roles.0.start: 2020-01-02', '        roles.5.end: 2024', '        roles.0.office: x',
    '  - id: atlantis', '    type: country', '    name: Atlantis',
    '  - id: utopia', '    type: country', '    name: Utopia',
    '  - id: minister', '    type: office', '    name: Minister',
    '',
  );
  const found = loadRegistry([{ path: 'r.yaml', text }]).files.get('r.yaml')!.findings;
  // roles.0.start is Wikidata's value already (the person corrected it), roles.5 is gone: neither is shown.
  assert.deepEqual(found.map((f) => [f.code, f.severity, text.slice(f.start, f.end), f.message]), [
    ['wikidata-drift', 'information', 'Exampel', "family_name is Exampel here but Example on Wikidata (Q7, as imported on 2025-12-01). The import kept the entry as written; take Wikidata's value if it is right."],
    ['wikidata-drift', 'information', 'atlantis', "country is atlantis here but utopia on Wikidata (Q7, as imported on 2025-12-01). The import kept the entry as written; take Wikidata's value if it is right."],
    ['wikidata-drift', 'information', '2023', "minister start is 2023 here but 2023-04 on Wikidata (Q7, as imported on 2025-12-01). The import kept the entry as written; take Wikidata's value if it is right."],
    ['registry-schema', 'warning', 'roles.0.office', "'roles.0.office: x' in `wikidata_values` is not a value the import records (a field such as `country` or a role date such as `roles.0.start`, with one value); it is ignored."],
  ]);
  const country = found[1].fixes![0];
  assert.equal(country.title, "Use Wikidata's value (utopia)");
  const fixed = applyEdits(text, country.edits).text;
  assert.match(fixed, /\n {4}country: utopia\n/);
  assert.doesNotMatch(fixed, /country: utopia\n {8}roles\.1/, 'the record line is gone');
  assert.match(fixed, /wikidata_values:\n {8}family_name: Example\n {8}roles\.1\.start: 2023-04\n/);
  assert.deepEqual(findings(fixed).filter((f) => f.startsWith('wikidata-drift')).length, 2);
  // A flow-style record is read the same; the fix then only replaces the value.
  const flow = text.replace(/ {6}wikidata_values:\n(?: {8}.*\n)+/, '      wikidata_values: {country: utopia}\n');
  const ff = loadRegistry([{ path: 'r.yaml', text: flow }]).files.get('r.yaml')!.findings;
  assert.deepEqual(ff.map((f) => [f.code, flow.slice(f.start, f.end)]), [['wikidata-drift', 'atlantis']]);
  assert.equal(ff[0].fixes![0].edits.length, 1);
  // The code's severity is a setting like the others.
  assert.equal(DIAGNOSTIC_CODES['wikidata-drift'], 'information');
});

test('--merge records differences in provenance and drops the record once they are resolved', async () => {
  const ws = workspace({}, 'attache-wd-');
  writeFileSync(join(ws, 'registry.yaml'), MERGED);
  const input = germanInput(ws);
  // The person takes Wikidata's date through the quick fix: the next import has nothing to record.
  const drift = loadRegistry([{ path: 'registry.yaml', text: MERGED }]).files.get('registry.yaml')!.findings.find((f) => f.code === 'wikidata-drift')!;
  const fixed = applyEdits(MERGED, drift.fixes![0].edits).text;
  assert.equal(fixed, MERGED.replace('start: 2005-11-23      #', 'start: 2005-11-22      #').replace('      wikidata_values:\n        roles.0.start: 2005-11-22\n', ''));
  writeFileSync(join(ws, 'registry.yaml'), fixed);
  let r = await run(['wikidata', '--merge', input], ws);
  assert.match(r.err, /merged: 0 updated, 0 added, 0 differences kept as written/);
  assert.equal(readFileSync(join(ws, 'registry.yaml'), 'utf8'), fixed);
  // Corrected by hand instead, the stale record is dropped by the next import.
  writeFileSync(join(ws, 'registry.yaml'), MERGED.replace('start: 2005-11-23      #', 'start: 2005-11-22      #'));
  r = await run(['wikidata', '--merge', input], ws);
  assert.match(r.err, /merged: 1 updated, 0 added, 0 differences kept as written/);
  assert.equal(readFileSync(join(ws, 'registry.yaml'), 'utf8'), fixed);
  // A new difference (a country written by hand) is added to the record beside the existing one.
  writeFileSync(join(ws, 'registry.yaml'), MERGED.replace('    country: germany\n    description: Former', '    country: austria\n    description: Former'));
  r = await run(['wikidata', '--merge', input], ws);
  assert.match(r.err, /merged: 1 updated, 0 added, 2 differences kept as written/);
  assert.match(readFileSync(join(ws, 'registry.yaml'), 'utf8'), /\n {6}wikidata_values:\n {8}country: germany\n {8}roles\.0\.start: 2005-11-22\n {2}# Offices\./);
});
