/**
 * `attache analyze --jsonl` and `attache reduce` (issue #18, items 3): the JSON Lines round trip
 * against `analyze --json`, bad lines, and map + reduce over 1, 2 and 7 shards against one run.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Run, cli, jsonlRun, workspace } from './cliRun';
import { joinLines, repoRoot, samplesDir } from '../helpers';

/** Runs `attache ARGS` (the asynchronous commands) in process with `input` on standard input. */
const run = (args: string[], cwd: string, input = ''): Promise<Run> => jsonlRun(args, cwd, input);

const REGISTRY = joinLines(
  'version: 1',
  'entities:',
  '  - {id: japan, type: country, name: Japan, demonyms: [Japanese]}',
  '  - {id: qatar, type: country, name: Qatar, demonyms: [Qatari]}',
  '  - {id: doha, type: place, name: Doha, country: qatar}',
  '  - id: gulf-energy-forum',
  '    type: event',
  '    name: Gulf Energy Forum',
  '  - id: harbour-talks',
  '    type: event',
  '    name: Harbour Talks',
  '',
);

const BOILERPLATE = 'Reproduction of this report in any form needs the written consent of the wire desk.';
const POPULAR = 'Most read this week: ministers meet in Doha, tanker rates rise, and a new envoy arrives.';

/**
 * A corpus of `n` articles with what the cross-article checks look for: two boilerplate
 * paragraphs shared by many articles, and two undated events that articles date differently.
 */
function corpus(n: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const day = 10 + (i % 4);
    const paras = [
      `Envoys from Japan and Qatar met for round ${i} of their talks on shipping and gas supplies.`,
      `The Gulf Energy Forum opened on ${i % 4 === 0 ? 14 : 12} March 2025 in Doha, officials said in article ${i}.`,
      i % 3 === 0 ? BOILERPLATE : `A Japanese delegate said the ${i}th session would continue the week after.`,
      i % 5 === 1 ? `The Harbour Talks took place on ${day} May 2024, according to note ${i}.` : `Qatari officials declined to comment on item ${i}.`,
      i % 2 === 0 ? POPULAR : `No further meetings were announced for series ${i}.`,
    ];
    // At the threshold: a paragraph in two articles is not boilerplate, one in three is.
    if (i === 1 || i === 2) paras.push('Both of these reports were filed late on a Friday evening by the night editor.');
    if (i >= 4 && i <= 6) paras.push('All three of these dispatches were translated from the Arabic original by staff.');
    const rec: Record<string, string> = { id: `a${String(i).padStart(4, '0')}.article`, text: paras.join('\n') + '\n' };
    if (i % 7 !== 3) rec.date = `2025-03-${String(15 + (i % 10)).padStart(2, '0')}`;
    lines.push(JSON.stringify(rec));
  }
  return lines;
}

function ws(): string {
  return workspace({ 'registry.yaml': REGISTRY });
}

test('analyze --jsonl gives, line by line, what analyze --json gives for the same texts', async () => {
  // The samples (their annotation sidecar left out: JSON Lines carry no sidecars) as files and as lines.
  const dir = workspace({});
  mkdirSync(join(dir, 'registry'));
  for (const f of readdirSync(join(samplesDir, 'registry'))) copyFileSync(join(samplesDir, 'registry', f), join(dir, 'registry', f));
  for (const f of readdirSync(join(samplesDir, 'articles')).filter((x) => x.endsWith('.article'))) copyFileSync(join(samplesDir, 'articles', f), join(dir, f));
  const single = cli(['analyze', '--json', '.'], dir);
  assert.equal(single.code, 0, single.err);
  const files = (JSON.parse(single.out) as { files: { path: string; [k: string]: unknown }[] }).files.filter((f) => f.path.endsWith('.article'));
  assert.ok(files.length >= 8);
  const { readFileSync } = await import('node:fs');
  const input = files.map((f) => JSON.stringify({ id: f.path, text: readFileSync(join(dir, f.path), 'utf8') })).join('\n') + '\n';
  const r = await run(['analyze', '--jsonl'], dir, input);
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trimEnd().split('\n');
  assert.equal(lines.length, files.length);
  files.forEach((f, i) => {
    const { path, ...rest } = f;
    assert.equal(lines[i], JSON.stringify({ id: path, ...rest }), `line ${i + 1} (${path})`);
  });
});

test('the generated corpus has cross-article findings, and they equal analyze --json over the same texts', async () => {
  const dir = ws();
  // Without the lines' dates, so the same texts as files mean the same articles.
  const lines = corpus(30).map((l) => {
    const { id, text } = JSON.parse(l) as { id: string; text: string };
    writeFileSync(join(dir, id), text);
    return JSON.stringify({ id, text });
  });
  const single = cli(['analyze', '--json', '.'], dir);
  const files = (JSON.parse(single.out) as { files: { path: string; [k: string]: unknown }[] }).files.filter((f) => f.path.endsWith('.article'));
  const r = await run(['analyze', '--jsonl'], dir, lines.join('\n') + '\n');
  assert.equal(r.code, 0, r.err);
  assert.equal(r.err, '');
  const out = r.out.trimEnd().split('\n');
  assert.equal(out.length, 30);
  files.forEach((f, i) => {
    const { path, ...rest } = f;
    assert.equal(out[i], JSON.stringify({ id: path, ...rest }), `line ${i + 1} (${path})`);
  });
  const parsed = out.map((l) => JSON.parse(l) as { id: string; diagnostics: { code: string; related?: { path: string }[] }[] });
  const codes = parsed.flatMap((o) => o.diagnostics.map((d) => d.code));
  assert.equal(codes.filter((c) => c === 'boilerplate').length, 10 + 15 + 3, 'each copy of the three shared paragraphs is boilerplate');
  assert.ok(codes.filter((c) => c === 'event-date-conflict').length >= 30, codes.join(' '));
  // A related place names another line by its id.
  const ids = new Set(parsed.map((o) => o.id));
  for (const o of parsed) for (const d of o.diagnostics) for (const rel of d.related ?? []) assert.ok(ids.has(rel.path), rel.path);
});

test('bad lines: reported on standard error with their line number, an error line in their place, exit status 1 at the end', async () => {
  const dir = ws();
  const good = corpus(3);
  const input = [
    good[0],
    '{"id": "broken", "text": ',
    JSON.stringify({ id: 'no-text' }),
    JSON.stringify({ id: 'number-text', text: 42 }),
    good[1],
    JSON.stringify({ id: 'bad-date', text: 'Japan.', date: '2025-02-30' }),
    JSON.stringify({ text: 'no id' }),
    '[1, 2]',
    '',
    good[2],
  ].join('\r\n');
  for (const flags of [[], ['--emit-claims']]) {
    const r = await run(['analyze', '--jsonl', ...flags], dir, input);
    assert.equal(r.code, 1);
    const out = r.out.trimEnd().split('\n').map((l) => JSON.parse(l) as { id: unknown; error?: string; entities?: unknown[] });
    assert.equal(out.length, 10, 'one output line per input line');
    assert.deepEqual(out.map((o) => (o.error ? 'E' : 'ok')).join(''), 'okEEEokEEEEok');
    assert.deepEqual(out.filter((o) => o.error).map((o) => o.id), [null, 'no-text', 'number-text', 'bad-date', null, null, null]);
    assert.match(out[1].error!, /^invalid JSON/);
    assert.equal(out[2].error, 'missing "text"');
    assert.equal(out[3].error, '"text" must be a string');
    assert.match(out[5].error!, /"date" must be a date written YYYY-MM-DD, not "2025-02-30"/);
    assert.equal(out[6].error, 'missing "id"');
    for (const n of [2, 3, 4, 6, 7, 8, 9]) assert.match(r.err, new RegExp(`^attache: stdin:${n}: `, 'm'));
    assert.equal(r.err.trimEnd().split('\n').length, 7, r.err);
    assert.ok(out[0].entities!.length > 0);
  }
});

test('reduce over 1, 2 and 7 shards equals one analyze --jsonl, byte for byte', async () => {
  const dir = ws();
  const lines = corpus(45);
  // A bad line and a duplicate id among them: they travel through the shards too.
  lines.splice(20, 0, '{"id": 7, "text": true}');
  lines.splice(33, 0, lines[5]);
  const single = await run(['analyze', '--jsonl'], dir, lines.join('\n') + '\n');
  assert.equal(single.code, 1);
  assert.match(single.err, /stdin:21: "text" must be a string/);
  assert.match(single.err, /stdin:34: duplicate id "a0005\.article" \(line 6 of the input has it too\)/);
  assert.equal(single.out.split('\n').length - 1, lines.length);
  for (const k of [1, 2, 7]) {
    const names: string[] = [];
    const size = Math.ceil(lines.length / k);
    for (let s = 0; s < k; s++) {
      const part = lines.slice(s * size, (s + 1) * size);
      const map = await run(['analyze', '--jsonl', '--emit-claims'], dir, part.length ? part.join('\n') + '\n' : '');
      assert.ok(map.out.split('\n').every((l) => !l || l.includes('"error"') || l.includes('"claims":{"p":')));
      names.push(`shard-${s}.jsonl`);
      writeFileSync(join(dir, names[s]), map.out);
    }
    const reduced = await run(['reduce', ...names], dir);
    assert.equal(reduced.code, 1, `${k} shards: ${reduced.err}`);
    assert.equal(reduced.out, single.out, `${k} shards`);
    assert.match(reduced.err, /duplicate id "a0005\.article"/);
    if (k > 1) assert.match(reduced.err, /^attache: shard-\d\.jsonl:\d+ \(line 21 of the input\): id 7: "text" must be a string$/m);
  }
});

test('reduce refuses a file that is not map output, naming the file and line', async () => {
  const dir = ws();
  const r0 = await run(['analyze', '--jsonl'], dir, corpus(2).join('\n'));
  writeFileSync(join(dir, 'final.jsonl'), r0.out);
  let r = await run(['reduce', 'final.jsonl'], dir);
  assert.equal(r.code, 2);
  assert.match(r.err, /final\.jsonl:1: has no claims: make shards with analyze --jsonl --emit-claims; nothing was written/);
  assert.equal(r.out, '');
  r = await run(['reduce', 'missing.jsonl'], dir);
  assert.equal(r.code, 2);
  assert.match(r.err, /missing\.jsonl: cannot read this shard/);
  r = await run(['reduce'], dir);
  assert.equal(r.code, 2);
  assert.match(r.err, /reduce needs at least one SHARD/);
  r = await run(['analyze', '--jsonl', 'some/path'], dir);
  assert.equal(r.code, 2);
  assert.match(r.err, /takes no PATH/);
});

test('reduce reads a shard given as a pipe (/dev/stdin, <(…)) like a file, and refuses a folder', { timeout: 30_000 }, async () => {
  const dir = ws();
  const lines = corpus(12);
  lines.splice(4, 0, lines[1]);
  const map = await run(['analyze', '--jsonl', '--emit-claims'], dir, lines.join('\n') + '\n');
  writeFileSync(join(dir, 'shard.jsonl'), map.out);
  const fromFile = await run(['reduce', 'shard.jsonl'], dir);
  assert.ok(fromFile.out.length > 1000);
  // A pipe can be read once; reduce reads its shards in three passes.
  execFileSync('mkfifo', [join(dir, 'pipe.jsonl')]);
  const writer = spawn('sh', ['-c', 'cat shard.jsonl > pipe.jsonl'], { cwd: dir });
  const written = new Promise((resolve) => writer.on('exit', resolve));
  const fromPipe = await run(['reduce', 'pipe.jsonl'], dir);
  assert.equal(await written, 0);
  assert.deepEqual({ code: fromPipe.code, out: fromPipe.out }, { code: fromFile.code, out: fromFile.out });
  assert.equal(fromPipe.err, fromFile.err.replace('shard.jsonl', 'pipe.jsonl'));
  mkdirSync(join(dir, 'shards'));
  const folder = await run(['reduce', 'shards'], dir);
  assert.equal(folder.code, 2);
  assert.match(folder.err, /shards: is a folder, not a shard/);
});

test('the date of a line is the publication date: relative dates resolve against it', async () => {
  const dir = ws();
  const text = 'Envoys from Japan met their Qatari hosts in Doha yesterday, officials said.\n';
  const r = await run(['analyze', '--jsonl'], dir, JSON.stringify({ id: 'x', text, date: '2025-03-10' }) + '\n' + JSON.stringify({ id: 'y', text }) + '\n');
  const [x, y] = r.out.trimEnd().split('\n').map((l) => JSON.parse(l) as { publicationDate: string | null; dates: { text: string; value: string | null }[] });
  assert.equal(x.publicationDate, '2025-03-10');
  assert.equal(x.dates.find((d) => d.text === 'yesterday')?.value, '2025-03-09');
  assert.equal(y.publicationDate, null);
  assert.equal(y.dates.find((d) => d.text === 'yesterday')?.value, null);
});

test('the built attache reads standard input and writes standard output (exit status 1 for a bad line)', () => {
  const dir = ws();
  const input = Buffer.concat([Buffer.from(corpus(4).join('\n') + '\nnot json\n{"id": "x", "text": "caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]);
  const r = spawnSync(process.execPath, [join(repoRoot, 'bin', 'attache.js'), 'analyze', '--jsonl'], { cwd: dir, input, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 6);
  assert.equal((JSON.parse(lines[0]) as { id: string }).id, 'a0000.article');
  assert.match(r.stderr, /^attache: stdin:5: invalid JSON/m);
  assert.match(r.stderr, /^attache: stdin:6: not valid UTF-8 \(byte 25 of the line\)$/m);
  assert.deepEqual(JSON.parse(lines[5]), { id: null, error: 'not valid UTF-8 (byte 25 of the line)' });
  // Not a terminal: no progress line.
  assert.doesNotMatch(r.stderr, /\r|MB\/s/);
});

test('lines are split on LF (CRLF too) across chunk boundaries, multi-byte characters intact, a last line without LF kept', async () => {
  const { InvalidUtf8, readLines } = await import('../../server/src/cli/lines');
  const bytes = Buffer.from('{"id":"é"}\r\n\nsecond ☃ line\nlast', 'utf8');
  // Every way of cutting the bytes in two chunks, including inside the é and the ☃.
  for (let cut = 0; cut <= bytes.length; cut++) {
    const got: string[] = [];
    for await (const l of readLines(Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)]))) got.push(l as string);
    assert.deepEqual(got, ['{"id":"é"}', '', 'second ☃ line', 'last'], `cut at ${cut}`);
  }
  const some: unknown[] = [];
  const input = Buffer.concat([Buffer.from('\ufeffone\n\uFFFD is fine\nbad ', 'utf8'), Buffer.from([0xff]), Buffer.from('\n')]);
  for await (const l of readLines(Readable.from([input]))) some.push(l);
  assert.deepEqual(some.slice(0, 2), ['one', '\uFFFD is fine'], 'a BOM is dropped; a real U+FFFD is kept');
  assert.deepEqual(some[2], new InvalidUtf8(4));
});

test('line groups: the complete lines of each chunk, at most the maximum a group, the lines readLines gives', async () => {
  const { readLineGroups } = await import('../../server/src/cli/lines');
  const chunks = [Buffer.from('a\nb\nc', 'utf8'), Buffer.from('d\ne\nf\ng\nh\n', 'utf8'), Buffer.from('i', 'utf8')];
  const groups: unknown[][] = [];
  for await (const g of readLineGroups(Readable.from(chunks), 3)) groups.push(g);
  // A line cut by a chunk comes with the chunk that ends it; nothing waits for a later chunk.
  assert.deepEqual(groups, [['a', 'b'], ['cd', 'e', 'f'], ['g', 'h'], ['i']]);
});

test('mapLines gives the line mapLine gives for each input, whatever else it analyzes with it', async () => {
  const { mapLine, mapLines } = await import('../../server/src/cli/jsonl');
  const { loadRegistry } = await import('../../server/src/core/registry');
  const { buildEntityIndex } = await import('../../server/src/core/entities');
  const dir = join(samplesDir, 'registry');
  const registry = loadRegistry(readdirSync(dir).sort().map((f) => ({ path: join(dir, f), text: readFileSync(join(dir, f), 'utf8') })));
  const ctx = () => ({ registry, entityIndex: buildEntityIndex(registry), settings: {} });
  // Lines with and without a date, and the samples' articles (one with a dateline, one a number as id).
  const inputs: { id: string | number; text: string; date?: string }[] = corpus(8).map((l) => JSON.parse(l) as { id: string; text: string; date?: string });
  const articles = join(samplesDir, 'articles');
  readdirSync(articles).filter((f) => f.endsWith('.article')).sort().forEach((f, i) => inputs.push({ id: i, text: readFileSync(join(articles, f), 'utf8') }));
  const batch = mapLines(inputs, ctx(), samplesDir);
  const one = ctx();
  assert.deepEqual(batch, inputs.map((x) => mapLine(x, one, samplesDir)));
  assert.ok(batch.some((l) => (JSON.parse(l) as { diagnostics: unknown[] }).diagnostics.length), 'the articles have findings');
});

test('the paragraph counter of reduce counts up to its cap, grows, and never undercounts', async () => {
  const { FingerprintCount } = await import('../../server/src/cli/fingerprintCount');
  const { fingerprintHash } = await import('../../server/src/cli/claims');
  const c = new FingerprintCount(3, 4);
  const fps = Array.from({ length: 5000 }, (_, i) => fingerprintHash(`paragraph ${i}`));
  fps.forEach((fp, i) => {
    for (let k = 0; k <= i % 5; k++) c.add(fp);
  });
  fps.forEach((fp, i) => assert.ok(c.get(fp) >= Math.min(3, (i % 5) + 1), `${i}`));
  assert.equal(fps.filter((fp, i) => c.get(fp) !== Math.min(3, (i % 5) + 1)).length, 0, 'no collision among 5000');
  assert.equal(c.get(fingerprintHash('never added')), 0);
  // Past its end and for a character that is not base64url, a key's character counts as 'A' (0):
  // these are one key, counted together.
  const d = new FingerprintCount(9);
  for (const fp of ['QB', 'QBAAAAAAAA', 'QB*', 'QB\u00e9AA', 'QBAAAAAAAAzz', 'QB\ud83c\udf89']) d.add(fp);
  assert.equal(d.get('QBA'), 6);
  assert.equal(d.get('QC'), 0);
});

test('analyze --jsonl --numeric-order reads day-month dates as asked, like analyze and check', async () => {
  const ws = workspace({ 'registry.yaml': REGISTRY });
  // No unambiguous numeric date in the text: auto reads month first; dmy reads day first.
  const line = JSON.stringify({ id: 'n1', text: 'Doha, 2025 — The envoys signed the memorandum on 03/04/2025.\n' }) + '\n';
  const value = (out: string): string => JSON.parse(out.trim()).dates.find((d: { text: string }) => d.text === '03/04/2025').value;
  const auto = await run(['analyze', '--jsonl', '--quiet'], ws, line);
  const dmy = await run(['analyze', '--jsonl', '--numeric-order', 'dmy', '--quiet'], ws, line);
  assert.equal(auto.code, 0, auto.err);
  assert.equal(dmy.code, 0, dmy.err);
  assert.equal(value(auto.out), '2025-03-04');
  assert.equal(value(dmy.out), '2025-04-03');
  const bad = await run(['analyze', '--jsonl', '--numeric-order', 'ymd'], ws, line);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--numeric-order must be auto, mdy or dmy, not 'ymd'/);
});
