// The CLI never loses a user's data and never fails silently (issue #14): special files are
// refused, --fix re-reads before writing and keeps BOM, mode and symlinks, export never clobbers an
// input or an existing file, and every failure is a message naming the path with exit status 2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, lstatSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { applySafeFixes } from '../../server/src/cli/main';
import { cli, workspace } from './cliRun';
import { loadProject } from '../../server/src/cli/project';
import { firstInvalidUtf8, readTextFile } from '../../server/src/node/files';
import { joinLines } from '../helpers';

const PARA = 'The two ministers agreed to meet again before the end of the year in the capital.';
const DUPLICATED = joinLines(PARA, 'A second paragraph that says something else entirely about the talks.', PARA, '');
const isRoot = process.getuid?.() === 0;

test('a FIFO or a device given as PATH is refused with a message, without blocking', () => {
  const dir = workspace({});
  const fifo = join(dir, 'pipe.article');
  execFileSync('mkfifo', [fifo]);
  const r = cli(['check', fifo], dir);
  assert.equal(r.code, 2);
  assert.match(r.err, /pipe\.article: is a named pipe \(FIFO\), not a file/);
  const z = cli(['check', '/dev/zero'], dir);
  assert.equal(z.code, 2);
  assert.match(z.err, /\/dev\/zero: is a device, not a file/);
  const rr = readTextFile('/dev/zero');
  assert.equal(rr.ok, false);
});

test('a folder that cannot be read is reported with exit status 2', (t) => {
  if (isRoot) return t.skip('root reads every folder; permissions cannot make one unreadable');
  const dir = workspace({ 'articles/a.article': 'Japan met Qatar.\n', 'articles/locked/b.article': 'x\n' });
  chmodSync(join(dir, 'articles/locked'), 0o000);
  try {
    const r = cli(['check', 'articles'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /locked: cannot read this folder/);
  } finally {
    chmodSync(join(dir, 'articles/locked'), 0o755);
  }
});

test('a --registry glob that matches nothing is an error, not an empty registry', () => {
  const dir = workspace({ 'registry/main.yaml': 'version: 1\nentities: []\n', 'a.article': 'Japan met Qatar.\n' });
  const r = cli(['check', '--registry', 'registy/*.yaml', 'a.article'], dir);
  assert.equal(r.code, 2);
  assert.match(r.err, /--registry registy\/\*\.yaml: matches no file/);
  assert.equal(cli(['check', '--registry', 'registry/*.yaml', 'a.article'], dir).code, 0);
});

test('a --registry glob outside the working folder (../, absolute) is walked from its own folder', () => {
  const dir = workspace({
    'shared/registry/people.yaml': 'version: 1\nentities:\n  - id: mutsuki\n    type: person\n    name: Mutsuki Arata\n',
    'desk/a.article': 'Mutsuki Arata met Qatar.\n',
  });
  const desk = join(dir, 'desk');
  for (const glob of ['../shared/registry/*.yaml', join(dir, 'shared/registry/*.yaml'), '../shared/**/*.yaml']) {
    const r = cli(['analyze', '--json', '--registry', glob, 'a.article'], desk);
    assert.equal(r.code, 0, `${glob}: ${r.err}`);
    const ids = JSON.parse(r.out).files[0].entities.map((e: { id?: string }) => e.id);
    assert.ok(ids.includes('mutsuki'), `${glob}: ${JSON.stringify(ids)}`);
  }
  const miss = cli(['check', '--registry', '../nowhere/*.yaml', 'a.article'], desk);
  assert.equal(miss.code, 2);
  assert.match(miss.err, /--registry \.\.\/nowhere\/\*\.yaml: matches no file/);
});

test('--fix skips a file the user changed after it was read, and says so', () => {
  const dir = workspace({ 'a.article': DUPLICATED });
  const project = loadProject({ cwd: dir, paths: ['a.article'], registryGlobs: [] });
  const saved = DUPLICATED + 'A sentence the user typed and saved while the check ran.\n';
  writeFileSync(join(dir, 'a.article'), saved);
  let err = '';
  const r = applySafeFixes(project, (s) => (err += s));
  assert.deepEqual(r, { changed: false, failed: true });
  assert.match(err, /a\.article: changed on disk since it was read; not fixed/);
  assert.equal(readFileSync(join(dir, 'a.article'), 'utf8'), saved);
});

test('--fix keeps the BOM and the file mode, and writes through a symlink', () => {
  const dir = workspace({ 'real/a.article': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(DUPLICATED)]) });
  chmodSync(join(dir, 'real/a.article'), 0o600);
  symlinkSync(join(dir, 'real/a.article'), join(dir, 'link.article'));
  const r = cli(['check', '--fix', 'link.article'], dir);
  assert.match(r.err, /fixed link\.article/);
  assert.ok(lstatSync(join(dir, 'link.article')).isSymbolicLink(), 'the symlink is still a symlink');
  const bytes = readFileSync(join(dir, 'real/a.article'));
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the BOM is kept');
  assert.equal(bytes.toString('utf8').slice(1).split(PARA).length - 1, 1, 'the repeated paragraph is gone');
  assert.equal(statSync(join(dir, 'real/a.article')).mode & 0o777, 0o600, 'a private file stays private');
  assert.deepEqual(readdirSync(join(dir, 'real')), ['a.article'], 'no temporary file is left');
});

test('--fix does not rewrite a read-only file, and exits 2', (t) => {
  const dir = workspace({ 'a.article': DUPLICATED });
  chmodSync(join(dir, 'a.article'), 0o444);
  const r = cli(['check', '--fix', 'a.article'], dir);
  if (isRoot) assert.match(r.err, /is read-only; not changed/);
  assert.equal(r.code, 2);
  assert.equal(readFileSync(join(dir, 'a.article'), 'utf8'), DUPLICATED);
  t.diagnostic('read-only is judged by the mode bits, so it holds for root too');
});

test('export never overwrites an input file, and an existing file only with --force', () => {
  const dir = workspace({ 'x.article': 'Japan met Qatar on 3 March 2025.\n', 'x.txt': 'my own notes\n' });
  const r = cli(['export', '--format', 'brat', '--out', '.', 'x.article', 'x.txt'], dir);
  assert.equal(r.code, 2);
  assert.match(r.err, /x\.txt: is an input of this export; refusing to overwrite it/);
  assert.equal(readFileSync(join(dir, 'x.txt'), 'utf8'), 'my own notes\n');
  assert.ok(!existsSync(join(dir, 'x.ann')), 'nothing is written when one output is refused');
  const out = join(dir, 'out');
  assert.equal(cli(['export', '--format', 'brat', '--out', 'out', 'x.article'], dir).code, 0);
  writeFileSync(join(out, 'x.ann'), 'hand-edited\n');
  const again = cli(['export', '--format', 'brat', '--out', 'out', 'x.article'], dir);
  assert.equal(again.code, 2);
  assert.match(again.err, /x\.ann: already exists; add --force to overwrite it/);
  assert.equal(readFileSync(join(out, 'x.ann'), 'utf8'), 'hand-edited\n');
  assert.equal(cli(['export', '--format', 'brat', '--force', '--out', 'out', 'x.article'], dir).code, 0);
  assert.notEqual(readFileSync(join(out, 'x.ann'), 'utf8'), 'hand-edited\n');
});

test('export --format jsonl --out DIR writes one NAME.jsonl per article', () => {
  const dir = workspace({ 'a.article': 'Japan met Qatar on 3 March 2025.\n', 'b.article': 'Talks resumed on 4 March 2025.\n' });
  const r = cli(['export', '--format', 'jsonl', '--out', 'out', 'a.article', 'b.article'], dir);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, '', 'nothing on standard output');
  assert.deepEqual(readdirSync(join(dir, 'out')).sort(), ['a.jsonl', 'b.jsonl']);
  const lines = readFileSync(join(dir, 'out/a.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(lines.some((o) => o.text === '3 March 2025' && o.value === '2025-03-03' && o.article === 'a.article'));
});

test('encoded surrogates (CESU-8) and overlong forms are reported at their own offset', () => {
  const cesu = Buffer.concat([Buffer.from('Japan '), Buffer.from([0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80]), Buffer.from(' and more text after it')]);
  assert.equal(firstInvalidUtf8(cesu), 6);
  assert.equal(firstInvalidUtf8(Buffer.from([0x41, 0xe0, 0x80, 0xaf])), 1, 'overlong three-byte form');
  assert.equal(firstInvalidUtf8(Buffer.from([0x41, 0xf4, 0x90, 0x80, 0x80])), 1, 'above U+10FFFF');
  assert.equal(firstInvalidUtf8(Buffer.from('Ünïcødé ✓ 🎉')), Buffer.from('Ünïcødé ✓ 🎉').length, 'valid text has no bad byte');
  const dir = workspace({ 'a.article': cesu });
  const r = cli(['check', 'a.article'], dir);
  assert.equal(r.code, 2);
  assert.match(r.err, /not valid UTF-8 \(first bad byte at offset 6\)/);
});

test('lone-CR line endings: the repeated paragraph is found, on its own line, with offsets into the file', () => {
  // Item 12: a lone-CR file used to read as one line (no duplicate found, everything on line 1).
  const text = ['---', 'date: 2025-03-20', '---', PARA, 'A second paragraph that says something else entirely about the talks.', PARA, ''].join('\r');
  const dir = workspace({ 'cr.article': text });
  const r = cli(['check', '--format', 'json', 'cr.article'], dir);
  const findings = (JSON.parse(r.out) as { files: { diagnostics: { code: string; start: number; end: number; line: number }[] }[] }).files[0].diagnostics;
  const dup = findings.find((f) => f.code === 'duplicate-paragraph');
  assert.ok(dup, r.out);
  assert.equal(dup.start, text.lastIndexOf(PARA));
  assert.equal(text.slice(dup.start, dup.end), PARA);
  const t = cli(['check', 'cr.article'], dir);
  assert.match(t.out, /cr\.article:6:1/);
});
