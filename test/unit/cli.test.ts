import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { cli, workspace } from './cliRun';
import { jsonDates } from '../../server/src/cli/report';
import { parseArticle } from '../../server/src/core/article';
import { DateMention } from '../../server/src/core/types';
import { joinLines, repoRoot, samplesDir, fixturesDir } from '../helpers';

const REGISTRY = joinLines(
  'version: 1',
  'entities:',
  '  - id: japan',
  '    type: country',
  '    name: Japan',
  '    demonyms: [Japanese]',
  '  - id: qatar',
  '    type: country',
  '    name: Qatar',
  '',
);

test('usage errors exit with 2 and print the usage', () => {
  const dir = workspace({});
  for (const args of [[], ['frobnicate', 'x'], ['check'], ['check', '--format', 'xml', 'a'], ['analyze', '--fix', 'a'], ['check', '--bogus', 'a']]) {
    const r = cli(args, dir);
    assert.equal(r.code, 2, `args ${args.join(' ')}`);
    assert.match(r.err, /Usage:/);
  }
});

test('a missing path and an unreadable (binary, non-UTF-8) file exit with 2 and name the file', () => {
  const dir = workspace({ 'bin.article': Buffer.from([0x41, 0x00, 0x42]), 'latin1.article': Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x21]) });
  let r = cli(['check', 'nope.article'], dir);
  assert.equal(r.code, 2);
  assert.match(r.err, /nope\.article: no such file or folder/);
  r = cli(['check', 'bin.article'], dir);
  assert.equal(r.code, 2);
  assert.match(r.err, /bin\.article: looks like a binary file or UTF-16 \(NUL byte at offset 1\)/);
  r = cli(['check', 'latin1.article'], dir);
  assert.equal(r.code, 2);
  assert.match(r.err, /latin1\.article: not valid UTF-8 \(first bad byte at offset 3\)/);
});

test('analyze --json has the spec §5 shape, with relative paths and the publication date', () => {
  const dir = workspace({ 'registry.yaml': REGISTRY, 'articles/a.article': joinLines('date 2025-10-26 403', 'Japan and Qatar met in Tokyo.', '') });
  const r = cli(['analyze', '--json', 'articles'], dir);
  assert.equal(r.code, 0, r.err);
  const doc = JSON.parse(r.out);
  assert.deepEqual(Object.keys(doc), ['files']);
  const a = doc.files.find((f: { path: string }) => f.path === 'articles/a.article');
  assert.ok(a, `files: ${doc.files.map((f: { path: string }) => f.path)}`);
  assert.deepEqual(Object.keys(a), ['path', 'publicationDate', 'entities', 'dates', 'diagnostics']);
  assert.equal(a.publicationDate, '2025-10-26');
  // The registry file has its own entry.
  assert.ok(doc.files.some((f: { path: string }) => f.path === 'registry.yaml'));
});

test('analyze --json dates: §5 fields first, then type, anchor and CREATION_TIME on the dateline date (spec §5a)', () => {
  const aText = joinLines('date 2025-10-26 403', 'Japan and Qatar met in Tokyo on Monday, as they had in May 2019.', '');
  const span = (s: string) => ({ start: aText.indexOf(s), end: aText.indexOf(s) + s.length, text: s });
  const dir = workspace({
    'registry.yaml': REGISTRY,
    'a.article': aText,
    'b.article': joinLines('---', 'date: 2025-10-27', '---', 'TOKYO, Oct. 26, 2025 (Wire) - Japan and Qatar met last week.', ''),
  });
  const r = cli(['analyze', '--json', 'a.article', 'b.article'], dir);
  assert.equal(r.code, 0, r.err);
  const files = JSON.parse(r.out).files as { path: string; dates: Record<string, unknown>[] }[];
  const a = files.find((f) => f.path === 'a.article')!;
  assert.deepEqual(a.dates, [
    { ...span('2025-10-26'), value: '2025-10-26', kind: 'absolute', type: 'DATE', anchor: 'none', function: 'CREATION_TIME' },
    { ...span('Monday'), value: '2025-10-20', kind: 'weekday', type: 'DATE', anchor: 'dct' },
    { ...span('May 2019'), value: '2019-05', kind: 'absolute', type: 'DATE', anchor: 'none' },
  ]);
  for (const d of a.dates) assert.deepEqual(Object.keys(d).slice(0, 5), ['start', 'end', 'text', 'value', 'kind']);
  // The front matter is the publication date and the dateline disagrees with it: no creation time.
  const b = files.find((f) => f.path === 'b.article')!;
  assert.deepEqual(b.dates.map((d) => [d.text, d.anchor, d.function]), [['Oct. 26, 2025', 'none', undefined], ['last week', 'dct', undefined]]);
});

test('analyze --json dates: mod, range, a previous-date anchor, sets and uncertainty as the recognizer gives them', () => {
  const text = joinLines('date 2025-03-01 403', 'The envoys met on 3 March 2025 and again two days later, then every week for about five years.', '');
  const article = parseArticle(text);
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
  const dates: DateMention[] = [
    { ...at('2025-03-01'), value: '2025-03-01', kind: 'absolute', granularity: 'day', resolution: { rule: 'absolute date' } },
    { ...at('3 March 2025'), value: '2025-03-03', kind: 'absolute', granularity: 'day', type: 'DATE', anchor: 'none', resolution: { rule: 'absolute date' } },
    { ...at('two days later'), value: '2025-03-05', kind: 'anaphoric', granularity: 'day', anchor: { previous: text.indexOf('3 March 2025') }, uncertain: 'a guessed anchor', resolution: { rule: '2 days after the previous date' } },
    { ...at('every week'), value: 'P1W', kind: 'set', granularity: 'week', type: 'SET', quant: 'EVERY', anchor: 'none', resolution: { rule: 'set' } },
    { ...at('about five years'), value: 'P5Y', kind: 'duration', granularity: 'year', type: 'DURATION', mod: 'APPROX', anchor: 'none', range: { start: '2025-03-05', end: null }, resolution: { rule: 'duration' } },
  ];
  const json = jsonDates({ path: 'x.article', article, entities: [], dates, findings: [] });
  assert.deepEqual(json.slice(1), [
    { ...at('3 March 2025'), value: '2025-03-03', kind: 'absolute', type: 'DATE', anchor: 'none' },
    { ...at('two days later'), value: '2025-03-05', kind: 'anaphoric', type: 'DATE', anchor: { previous: 38 }, uncertain: 'a guessed anchor' },
    { ...at('every week'), value: 'P1W', kind: 'set', type: 'SET', anchor: 'none', quant: 'EVERY' },
    { ...at('about five years'), value: 'P5Y', kind: 'duration', type: 'DURATION', mod: 'APPROX', anchor: 'none', range: { start: '2025-03-05', end: null } },
  ]);
  assert.equal(json[0].function, 'CREATION_TIME');
  // A dateline date the recognizer did not report is still the creation time, as an entry of its own.
  const alone = jsonDates({ path: 'x.article', article, entities: [], dates: dates.slice(1), findings: [] });
  assert.deepEqual(alone[0], { start: 0, end: 19, text: 'date 2025-03-01 403', value: '2025-03-01', kind: 'absolute', type: 'DATE', anchor: 'none', function: 'CREATION_TIME' });
  assert.equal(alone.length, 5);
});

test('analyze --json offsets slice the file text (UTF-16, BOM excluded, astral characters before)', () => {
  const body = joinLines('date 2025-10-26 403', '😀 𠀀 Japan and Qatar met in Tokyo.', '');
  const dir = workspace({ 'registry.yaml': REGISTRY, 'x.article': '\uFEFF' + body });
  const r = cli(['analyze', '--json', 'x.article'], dir);
  const f = JSON.parse(r.out).files.find((x: { path: string }) => x.path === 'x.article');
  for (const m of [...f.entities, ...f.dates, ...f.diagnostics]) {
    if (m.text !== undefined) assert.equal(body.slice(m.start, m.end), m.text);
    assert.ok(m.start >= 0 && m.end <= body.length && m.start <= m.end);
  }
  const japan = f.entities.find((e: { text: string }) => e.text === 'Japan');
  if (japan) assert.equal(japan.start, body.indexOf('Japan'));
});

test('check exits 1 on an error-severity diagnostic and 0 otherwise; text output is path:line:col', () => {
  const ok = workspace({ 'registry.yaml': REGISTRY, 'a.article': 'Japan and Qatar met.\n' });
  assert.equal(cli(['check', '.'], ok).code, 0);
  const bad = workspace({ 'registry.yaml': REGISTRY + 'oops: [\n', 'a.article': 'Japan and Qatar met.\n' });
  const r = cli(['check', '.'], bad);
  assert.equal(r.code, 1, r.out);
  assert.match(r.out, /^registry\.yaml:\d+:\d+: error registry-syntax: /m);
});

test('check --format sarif is a SARIF 2.1.0 log with rules, results and UTF-16 regions', () => {
  const dir = workspace({ 'registry.yaml': REGISTRY + 'oops: [\n', 'a.article': 'Japan and Qatar met.\n' });
  const r = cli(['check', '--format', 'sarif', '.'], dir);
  const log = JSON.parse(r.out);
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema, /sarif-2\.1\.0/);
  const run = log.runs[0];
  assert.equal(run.tool.driver.name, 'Attaché');
  assert.equal(run.columnKind, 'utf16CodeUnits');
  const ids = run.tool.driver.rules.map((x: { id: string }) => x.id);
  assert.ok(ids.includes('registry-syntax') && ids.includes('role-conflict'));
  assert.ok(run.results.length >= 1);
  for (const res of run.results) {
    assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId);
    assert.ok(['error', 'warning', 'note'].includes(res.level));
    const loc = res.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1);
  }
  assert.ok(run.results.some((x: { ruleId: string; level: string }) => x.ruleId === 'registry-syntax' && x.level === 'error'));
  assert.equal(r.code, 1);
});

test('check without --fix writes nothing', () => {
  const text = joinLines('A paragraph that is long enough to be checked for duplication here.', 'A paragraph that is long enough to be checked for duplication here.', '');
  const dir = workspace({ 'a.article': text });
  cli(['check', 'a.article'], dir);
  assert.equal(readFileSync(join(dir, 'a.article'), 'utf8'), text);
});

test('the built bin runs as a command and sets its exit status', (t) => {
  const bin = join(repoRoot, 'bin', 'attache.js');
  if (!existsSync(join(repoRoot, 'server', 'out', 'cli.js'))) return t.skip('bundle not built (run npm run build)');
  const dir = workspace({ 'registry.yaml': REGISTRY, 'a.article': 'Japan met Qatar.\n' });
  const r = spawnSync(process.execPath, [bin, 'check', '--format', 'json', 'a.article'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(JSON.parse(r.stdout).files.length >= 1);
  const u = spawnSync(process.execPath, [bin, 'nonsense'], { cwd: dir, encoding: 'utf8' });
  assert.equal(u.status, 2);
});

test('a reader that stops early (| head) ends every command quietly, not with an EPIPE trace', (t) => {
  const bin = join(repoRoot, 'bin', 'attache.js');
  if (!existsSync(join(repoRoot, 'server', 'out', 'cli.js'))) return t.skip('bundle not built (run npm run build)');
  const body = 'Japan met Qatar in Doha on Monday, 3 March 2025, and the talks went on.\n'.repeat(40);
  const files: Record<string, string> = { 'registry.yaml': REGISTRY };
  for (let i = 0; i < 150; i++) files[`articles/a${i}.article`] = `---\ndate: 2025-03-0${1 + (i % 9)}\n---\n${body}`;
  const dir = workspace(files);
  for (const args of ['analyze --json --jobs 1 articles', 'check --format json --jobs 1 articles', 'export --format jsonl articles', 'analyze --jobs 2 articles']) {
    // Output of several MB against a reader that takes one byte and leaves: the writes must fail.
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${bin}" ${args} | head -c 1 >/dev/null`], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.stderr, '', args);
    assert.equal(r.status, 0, args);
  }
});

test('samples and the broken registry fixture are checkable', (t) => {
  if (!existsSync(join(samplesDir, 'registry'))) return t.skip('samples not written yet');
  const r = cli(['check', '--format', 'json', 'samples'], repoRoot);
  assert.notEqual(r.code, 2, r.err);
  if (!existsSync(join(fixturesDir, 'registry-broken'))) return;
  const b = cli(['check', 'test/fixtures/registry-broken'], repoRoot);
  assert.equal(b.code, 1);
});

test('analyze without --json prints a table per article: kind, text, line:col, linked id or value; then its problems', () => {
  const registry = joinLines(REGISTRY, '  - id: hayashi-yoshimasa', '    type: person', '    name: Hayashi Yoshimasa', '  - id: hayashi-mitsuko', '    type: person', '    name: Hayashi Mitsuko', '');
  const article = joinLines('---', 'date: 2025-10-26', '---', 'Japan and Qatar met in Doha last week.', 'Hayashi spoke, and Osamu Izawa took notes on Friday, 24 October 2025.', '');
  const dir = workspace({ 'registry.yaml': registry.replace('\n\n', '\n'), 'articles/a.article': article });
  const r = cli(['analyze', 'articles/a.article'], dir);
  assert.equal(r.code, 0, r.err);
  const lines = r.out.split('\n');
  assert.equal(lines[0], 'articles/a.article · published 2025-10-26 (front-matter)');
  assert.match(lines[1], /^ {2}kind +text +at +linked id or value$/);
  // One row per recognized span, in text order, columns aligned on the header.
  const rows = lines.slice(2, lines.findIndex((l) => /problems?:$/.test(l))).map((l) => l.trim().split(/ {2,}/));
  assert.deepEqual(rows, [
    ['country', 'Japan', '4:1', 'japan'],
    ['country', 'Qatar', '4:11', 'qatar'],
    ['date (relative)', 'last week', '4:29', '2025-W42'],
    ['person', 'Hayashi', '5:1', 'ambiguous: hayashi-yoshimasa, hayashi-mitsuko'],
    ['unknown', 'Osamu Izawa', '5:20', 'not in the registry (looks like a person)'],
    ['date (absolute)', 'Friday, 24 October 2025', '5:46', '2025-10-24'],
  ]);
  const at = lines[1].indexOf('at');
  assert.ok(lines.slice(2, 2 + rows.length).every((l) => /^\d/.test(l.slice(at))), 'the line:col column is aligned');
  // Then the article's problems in the check format, and the summary.
  assert.ok(lines.some((l) => /^ {2}articles\/a\.article:5:1: warning ambiguous-mention: /.test(l)), r.out);
  assert.ok(lines.some((l) => /^ {2}articles\/a\.article:5:20: information unknown-entity: /.test(l)), r.out);
  assert.match(lines.at(-2) ?? '', /^1 article, 4 registry entities: 0 errors, 1 warning, 1 information, 0 hints$/);
  // --json is unchanged: the spec §5 document.
  const json = JSON.parse(cli(['analyze', '--json', 'articles/a.article'], dir).out);
  assert.deepEqual(Object.keys(json.files[0]), ['path', 'publicationDate', 'entities', 'dates', 'diagnostics']);
});

test('analyze without --json says when an article has no date, nothing recognized and no problems', () => {
  const dir = workspace({ 'registry.yaml': REGISTRY, 'a.article': 'a quiet line of text with nothing in it.\n' });
  const r = cli(['analyze', 'a.article'], dir);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, joinLines('a.article · no publication date', '  no entities or dates recognized', '  no problems', '', '1 article, 2 registry entities: 0 errors, 0 warnings, 0 information, 0 hints', ''));
});

test('--numeric-order reads ambiguous numeric dates; auto marks them uncertain; a bad value is a usage error', () => {
  const dir = workspace({ 'a.article': joinLines('---', 'date: 2025-06-01', '---', 'The ceasefire signed in Doha on 03/04/2025 still holds.', '') });
  const date = (...opts: string[]) => {
    const r = cli(['analyze', '--json', ...opts, 'a.article'], dir);
    assert.equal(r.code, 0, r.err);
    const d = JSON.parse(r.out).files[0].dates.find((x: { text: string }) => x.text === '03/04/2025');
    return [d.value, d.uncertain];
  };
  assert.deepEqual(date(), ['2025-03-04', 'ambiguous numeric date: read as month/day/year (attache.dates.numericOrder)']);
  assert.deepEqual(date('--numeric-order', 'auto'), ['2025-03-04', 'ambiguous numeric date: read as month/day/year (attache.dates.numericOrder)']);
  assert.deepEqual(date('--numeric-order', 'mdy'), ['2025-03-04', undefined]);
  assert.deepEqual(date('--numeric-order=dmy'), ['2025-04-03', undefined]);
  const bad = cli(['check', '--numeric-order', 'ymd', 'a.article'], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--numeric-order must be auto, mdy or dmy, not 'ymd'/);
  assert.match(cli(['--help'], dir).out, /--numeric-order auto\|mdy\|dmy/);
});
