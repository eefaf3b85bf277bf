/**
 * `attache suggest` and `attache.ignore.yaml`: the core's grouping and ranking of unknown names
 * (offices next to a name, date hints, deterministic ties, thresholds), the ignore file's reading
 * (entries, per-type entries, problems at their exact place) and writing (appending keeps the
 * file), and the CLI: the golden output of `attache suggest samples` in both formats, an ignore
 * file honoured by check, analyze and suggest, and a bad ignore file reported with file and line.
 * UPDATE_GOLDEN=1 rewrites the golden files; review their diff.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeArticle } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/edits';
import { buildEntityIndex } from '../../server/src/core/entities';
import { EMPTY_IGNORE, ignoreEntryEdit, isIgnored, parseIgnoreFile } from '../../server/src/core/ignore';
import { RegistryStore } from '../../server/src/core/registry';
import { entryYaml } from '../../server/src/core/registry/write';
import { UnknownOccurrence, rankSuggestions, unknownOccurrences } from '../../server/src/core/suggest';
import { CoreSettings, EntityMention } from '../../server/src/core/types';
import { fixturesDir, repoRoot } from '../helpers';
import { cli, workspace } from './cliRun';

const REGISTRY = `version: 1
entities:
  - id: gcc
    type: organization
    name: Gulf Cooperation Council
    aliases: [GCC]
  - id: kuwait
    type: country
    name: Kuwait
  - id: gcc-secretary-general
    type: office
    name: Secretary General of the Gulf Cooperation Council
    aliases: [GCC Secretary General]
    of: gcc
  - id: kuwait-foreign-minister
    type: office
    name: Minister of Foreign Affairs of Kuwait
    aliases: [Foreign Minister]
    of: kuwait
`;

function registry(): RegistryStore {
  const s = new RegistryStore();
  s.setFile('registry.yaml', REGISTRY);
  return s;
}

function occurrences(text: string, settings: CoreSettings = {}, path = 'a.article'): UnknownOccurrence[] {
  const snap = registry().snapshot();
  const a = analyzeArticle(path, text, { registry: snap, entityIndex: buildEntityIndex(snap), settings });
  return unknownOccurrences(path, a, snap);
}

const WIRE = `---
date: 2025-10-20
---
KUWAIT CITY (AW) - The talks opened on Monday.
Secretary General of the Gulf Cooperation Council Tariq Al-Hamadi said on 14 October 2025 that the bloc would meet again.
Kuwait's Foreign Minister Badr Al-Sabhan told reporters the meeting went well.
"We are ready to work with every partner in the region," said Faris Al-Otaibi, the GCC Secretary General, in a statement.
Tariq Al-Hamadi later left for Riyadh.
`;

test('suggest: an office before the name (across "of the GCC"), a possessive title and an apposition are found with the sentence date', () => {
  const occ = occurrences(WIRE);
  const by = (name: string): UnknownOccurrence[] => occ.filter((o) => o.text === name);
  const [first, second] = by('Tariq Al-Hamadi');
  assert.deepEqual(first.office, { id: 'gcc-secretary-general', name: 'Secretary General of the Gulf Cooperation Council' });
  // The date of the sentence (after the name, same clause), not the publication date.
  assert.equal(first.date, '2025-10-14');
  assert.equal(first.line, 5);
  assert.equal(second.office, undefined, 'no title next to the later mention');
  assert.equal(second.date, '2025-10-20', 'the publication date when the sentence has none');
  assert.deepEqual(by('Badr Al-Sabhan')[0].office, { id: 'kuwait-foreign-minister', name: 'Minister of Foreign Affairs of Kuwait' });
  assert.deepEqual(by('Faris Al-Otaibi')[0].office?.id, 'gcc-secretary-general');
  assert.match(by('Faris Al-Otaibi')[0].sentence, /^"We are ready to work with every partner in the region," said Faris Al-Otaibi, the GCC Secretary General, in a statement\.$/);
});

test('suggest: no office across a sentence end, a line break, or an adviser "to" the office', () => {
  const occ = occurrences(`---
date: 2025-10-20
---
The meeting was chaired by the GCC Secretary General. Tariq Al-Hamadi arrived later.
Yousef Al-Dosari, a senior adviser to the GCC Secretary General, said the talks went well.
`);
  assert.deepEqual(occ.map((o) => [o.text, o.office?.id ?? null]), [['Tariq Al-Hamadi', null], ['Yousef Al-Dosari', null]]);
});

test('suggest: the example sentence is the name\'s sentence, reaching to the name\'s end; outside every paragraph, the name alone', () => {
  const text = `---
date: 2025-10-20
---
Harbour Talks

The delegation was received by H.E. Nour Haddad at the port. Talks went on until evening.
`;
  const snap = registry().snapshot();
  const a = analyzeArticle('a.article', text, { registry: snap, entityIndex: buildEntityIndex(snap) });
  const unknown = (name: string, start = text.indexOf(name)): EntityMention =>
    ({ start, end: start + name.length, text: name, type: 'person', id: null, candidates: [], form: 'unknown', guessedType: 'person' });
  // "H.E." ends a sentence for the splitter, so a mention starting there runs past its sentence's end.
  const mentions = [unknown('date: 2025'), unknown('H.E. Nour Haddad'), unknown('Talks went')];
  const occ = unknownOccurrences('a.article', { ...a, entities: mentions }, snap);
  assert.deepEqual(occ.map((o) => o.sentence), [
    'date: 2025',
    'The delegation was received by H.E. Nour Haddad',
    'Talks went on until evening.',
  ]);
});

test('suggest: ranked by mentions, then articles, then name; the office start hint is the earliest date', () => {
  const a = occurrences(WIRE, {}, 'b.article');
  const b = occurrences(`---
date: 2025-09-02
---
The talks were hosted by GCC Secretary General Tariq Al-Hamadi, who met Badr Al-Sabhan on Tuesday to discuss the agenda for the next summit.
`, {}, 'a.article');
  const ranked = rankSuggestions([...a, ...b]);
  assert.deepEqual(ranked.map((s) => [s.name, s.count, s.articles]), [
    ['Tariq Al-Hamadi', 3, 2],
    ['Badr Al-Sabhan', 2, 2],
    ['Faris Al-Otaibi', 1, 1],
  ]);
  const tariq = ranked[0];
  assert.deepEqual(tariq.offices, [{ id: 'gcc-secretary-general', name: 'Secretary General of the Gulf Cooperation Council', count: 2, start: '2025-09-02' }]);
  // Examples: the first mention of each article first, in path order.
  assert.deepEqual(tariq.examples.map((e) => `${e.path}:${e.line}`), ['a.article:4', 'b.article:5', 'b.article:8']);
  assert.equal(tariq.type, 'person');
  // The same input in another order gives the same answer.
  assert.deepEqual(rankSuggestions([...b.reverse(), ...a.reverse()]), ranked);
  // --min-count
  assert.deepEqual(rankSuggestions([...a, ...b], { minCount: 2 }).map((s) => s.name), ['Tariq Al-Hamadi', 'Badr Al-Sabhan']);
  // Ties on counts are broken by name, in code-unit order.
  const tie = rankSuggestions(occurrences('---\ndate: 2025-01-01\n---\nIn the morning session the delegate Zaid Al-Harbi said yes to the plan, while the delegate Adel Al-Zaabi said no to it.\n'));
  assert.deepEqual(tie.map((s) => s.name), ['Adel Al-Zaabi', 'Zaid Al-Harbi']);
});

test('suggest: the confidence threshold of the analysis and of the ranking both apply', () => {
  const text = '---\ndate: 2025-01-01\n---\nThe plan was drafted by Omar Haddad and approved on Friday.\nMinister Karim Nassar said it would help.\n';
  const all = occurrences(text, { unknownMinConfidence: 0 });
  const bare = all.find((o) => o.text === 'Omar Haddad');
  const titled = all.find((o) => o.text === 'Karim Nassar');
  assert.ok(bare && titled, JSON.stringify(all));
  assert.ok(bare.confidence < titled.confidence);
  assert.deepEqual(occurrences(text, { unknownMinConfidence: titled.confidence }).map((o) => o.text), ['Karim Nassar']);
  assert.deepEqual(rankSuggestions(all, { minConfidence: titled.confidence }).map((s) => s.name), ['Karim Nassar']);
});

test('ignore file: names, per-type names and case or typography variants are ignored', () => {
  const { list, findings } = parseIgnoreFile(`# not entities
version: 1
names:
  - Joint Statement
  - name: Gulf Times
    type: organization
    note: a newspaper
  - name: Rising Sun
    type: [event, place]
`);
  assert.deepEqual(findings, []);
  assert.ok(isIgnored(list, 'Joint Statement', 'organization'));
  assert.ok(isIgnored(list, 'JOINT  STATEMENT', 'person'));
  assert.ok(isIgnored(list, 'Gulf Times', 'organization'));
  assert.ok(!isIgnored(list, 'Gulf Times', 'person'), 'only when guessed as an organization');
  assert.ok(isIgnored(list, 'Rising Sun', 'place'));
  assert.ok(!isIgnored(list, 'Rising Sun', 'person'));
  assert.ok(!isIgnored(EMPTY_IGNORE, 'Joint Statement', 'person'));
  const occ = occurrences('---\ndate: 2025-01-01\n---\nThe column by Gulf Times said Omar Haddad would stay.\n', { ignore: list });
  assert.deepEqual(occ.map((o) => o.text), ['Omar Haddad']);
});

test('ignore file: problems are ignore-syntax findings at the exact node; the good entries still apply', () => {
  const text = 'version: 2\nnames:\n  - Joint Statement\n  - name: Gulf Times\n    type: newspaper\n  - 42\n  - name: Oman Post\n    colour: red\nextra: 1\n';
  const { list, findings } = parseIgnoreFile(text);
  const at = (f: { start: number; end: number }): string => text.slice(f.start, f.end);
  assert.deepEqual(findings.map((f) => [f.code, f.severity, at(f)]), [
    ['ignore-syntax', 'error', '2'],
    ['ignore-syntax', 'error', 'newspaper'],
    ['ignore-syntax', 'error', '42'],
    ['ignore-syntax', 'warning', 'colour'],
    ['ignore-syntax', 'warning', 'extra'],
  ]);
  assert.ok(isIgnored(list, 'Joint Statement', 'person'));
  assert.ok(isIgnored(list, 'Oman Post', 'organization'));
  assert.ok(!isIgnored(list, 'Gulf Times', 'person'), 'an entry with a bad type is not applied');
  const broken = parseIgnoreFile('names:\n  - [unclosed\n');
  assert.equal(broken.findings[0].code, 'ignore-syntax');
  assert.equal(broken.list.names.size, 0);
  assert.equal(parseIgnoreFile('').findings.length, 0);
  assert.match(parseIgnoreFile('- a\n- b\n').findings[0].message, /mapping with `version: 1` and a `names:` list/);
});

test('ignore file: adding a name appends text and keeps comments, order and line ends', () => {
  const add = (text: string, name: string, type?: 'person'): string => applyEdits(text, [ignoreEntryEdit(text, name, type)]).text;
  const created = add('', 'Joint Statement');
  assert.equal(created, '# Names that are not entities: Attaché never reports them as unknown names.\nversion: 1\nnames:\n  - Joint Statement\n');
  const two = add(created, 'Gulf Times', 'person');
  assert.equal(two, `${created}  - name: Gulf Times\n    type: person\n`);
  assert.deepEqual([...parseIgnoreFile(two).list.names.keys()], ['joint statement', 'gulf times']);
  // Before a comment and a later key; in the list's own indentation; CRLF kept.
  const crlf = 'version: 1\r\nnames:\r\n- A B  # first\r\n# trailing comment\r\nother: x\r\n';
  assert.equal(add(crlf, 'C D'), 'version: 1\r\nnames:\r\n- A B  # first\r\n- C D\r\n# trailing comment\r\nother: x\r\n');
  assert.equal(add('version: 1\nnames: []\n', 'true'), 'version: 1\nnames:\n  - "true"\n');
  assert.equal(add('version: 1', 'Al-Jaber: Note'), 'version: 1\nnames:\n  - "Al-Jaber: Note"\n');
  for (const t of [created, two, crlf]) assert.deepEqual(parseIgnoreFile(add(t, 'X Y')).findings.filter((f) => f.severity === 'error'), []);
});

// ---------------------------------------------------------------------------------------------
// CLI

const GOLDEN_TEXT = join(fixturesDir, 'golden', 'samples-suggest.txt');
const GOLDEN_JSON = join(fixturesDir, 'golden', 'samples-suggest.json');

test('attache suggest samples: the golden output, as text and as JSON', () => {
  const text = cli(['suggest', 'samples'], repoRoot);
  const json = cli(['suggest', '--format', 'json', 'samples'], repoRoot);
  assert.equal(text.code, 0, text.err);
  assert.equal(json.code, 0, json.err);
  if (process.env.UPDATE_GOLDEN) {
    writeFileSync(GOLDEN_TEXT, text.out);
    writeFileSync(GOLDEN_JSON, json.out);
  }
  assert.equal(text.out, readFileSync(GOLDEN_TEXT, 'utf8'));
  assert.equal(json.out, readFileSync(GOLDEN_JSON, 'utf8'));
  // The planted unknown official comes first, with his office and the date as a start hint.
  const doc = JSON.parse(json.out) as { articles: number; names: { name: string; offices: { id: string; start: string }[] }[] };
  assert.equal(doc.names[0].name, 'Jasem Mohamed Albudaiwi');
  assert.deepEqual(doc.names[0].offices.map((o) => [o.id, o.start]), [['gcc-secretary-general', '2025-11-12']]);
  assert.ok(doc.names.some((n) => n.name === 'Osamu Izawa'));
  assert.equal(cli(['suggest', '--json', 'samples'], repoRoot).out, json.out, '--json is --format json');
  // --min-count 2 keeps only names mentioned twice or more.
  const two = JSON.parse(cli(['suggest', '--format=json', '--min-count', '2', 'samples'], repoRoot).out) as typeof doc;
  assert.deepEqual(two.names.map((n) => n.name), ['Jasem Mohamed Albudaiwi']);
});

const ARTICLE = `---
date: 2025-10-20
---
Secretary General Tariq Al-Hamadi said the Joint Communique Office would publish the text.
The Gulf Times said Omar Haddad would attend.
`;

test('CLI: attache.ignore.yaml at the root is honoured by check, analyze and suggest; --ignore names another', () => {
  const dir = workspace({ 'registry.yaml': REGISTRY, 'articles/a.article': ARTICLE });
  const before = cli(['suggest', '--format', 'json', '--min-confidence', '0', 'articles'], dir);
  const names = (r: { out: string }): string[] => (JSON.parse(r.out) as { names: { name: string }[] }).names.map((n) => n.name).sort();
  assert.ok(names(before).includes('Gulf Times'), before.out);
  writeFileSync(join(dir, 'attache.ignore.yaml'), 'version: 1\nnames:\n  - Gulf Times\n  - name: Omar Haddad\n    type: organization\n');
  const after = cli(['suggest', '--format', 'json', '--min-confidence', '0', 'articles'], dir);
  assert.deepEqual(names(after), names(before).filter((n) => n !== 'Gulf Times'));
  const check = cli(['check', '--format', 'json', '--min-confidence', '0', 'articles'], dir);
  assert.ok(!check.out.includes("'Gulf Times'"), check.out);
  assert.match(check.out, /"path": "attache\.ignore\.yaml"/);
  const analyze = cli(['analyze', '--json', '--min-confidence', '0', 'articles/a.article'], dir);
  assert.ok(!analyze.out.includes('"text": "Gulf Times"'));
  // --ignore: another file instead (here an empty one: nothing ignored).
  writeFileSync(join(dir, 'none.yaml'), '');
  assert.deepEqual(names(cli(['suggest', '--format', 'json', '--min-confidence', '0', '--ignore', 'none.yaml', 'articles'], dir)), names(before));
});

test('CLI: a bad ignore file is reported with its file, line and column', () => {
  const dir = workspace({ 'registry.yaml': REGISTRY, 'articles/a.article': ARTICLE, 'attache.ignore.yaml': 'version: 1\nnames:\n  - name: Gulf Times\n    type: paper\n' });
  const s = cli(['suggest', 'articles'], dir);
  assert.equal(s.code, 2);
  assert.match(s.err, /^attache\.ignore\.yaml:4:11: error ignore-syntax: Unknown type 'paper' \(one of person, organization, country, place, office, event\)\.$/m);
  const c = cli(['check', 'articles'], dir);
  assert.equal(c.code, 1);
  assert.match(c.out, /^attache\.ignore\.yaml:4:11: error ignore-syntax: /m);
});

test('CLI: --min-count, --min-confidence and suggest --format are checked', () => {
  const dir = workspace({ 'registry.yaml': REGISTRY, 'articles/a.article': ARTICLE });
  for (const [args, msg] of [
    [['suggest', '--min-count', '0', 'articles'], /--min-count needs a whole number/],
    [['suggest', '--min-confidence', '1.5', 'articles'], /--min-confidence needs a number from 0 to 1, not '1.5'/],
    [['suggest', '--format', 'sarif', 'articles'], /suggest --format must be text or json/],
    [['check', '--min-count', '2', 'articles'], /--min-count only goes with suggest/],
    [['suggest'], /suggest needs at least one PATH/],
  ] as [string[], RegExp][]) {
    const r = cli(args, dir);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, msg);
  }
  // A higher threshold reports fewer names.
  const count = (c: string): number => (JSON.parse(cli(['suggest', '--format', 'json', '--min-confidence', c, 'articles'], dir).out) as { names: unknown[] }).names.length;
  assert.ok(count('0') > count('0.9'), `${count('0')} > ${count('0.9')}`);
});

test('a new person entry can carry the role suggested next to the name (office and start hint)', () => {
  const entry = { id: 'tariq-al-hamadi', type: 'person' as const, name: 'Tariq Al-Hamadi', role: { office: 'gcc-secretary-general', start: '2025-10-14' } };
  assert.equal(entryYaml(entry, '  ', '    ', '\n'), '  - id: tariq-al-hamadi\n    type: person\n    name: Tariq Al-Hamadi\n    roles:\n      - office: gcc-secretary-general\n        start: 2025-10-14\n');
  // The entry reads back as a registry entity with that role.
  const store = new RegistryStore();
  store.setFile('registry.yaml', REGISTRY + entryYaml(entry, '  ', '    ', '\n'));
  const snap = store.snapshot();
  assert.deepEqual([...snap.files.values()].flatMap((f) => f.findings.filter((x) => x.severity === 'error')), []);
  assert.deepEqual(snap.entities.get('tariq-al-hamadi')?.roles.map((r) => [r.office, r.start]), [['gcc-secretary-general', '2025-10-14']]);
  // An office gets no role; a start that is not a registry date is left out.
  assert.doesNotMatch(entryYaml({ ...entry, type: 'office' }, '  ', '    ', '\n'), /roles/);
  assert.doesNotMatch(entryYaml({ ...entry, role: { office: 'x', start: '199X' } }, '  ', '    ', '\n'), /start/);
});
