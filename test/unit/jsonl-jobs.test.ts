/**
 * `attache analyze --jsonl --jobs N` (issue #18, items 2–3): lines parsed here, analyzed on worker
 * threads, written in input order: the same bytes, error lines and exit status as `--jobs 1`,
 * with and without `--emit-claims`, and the input read no further ahead than a slow output takes
 * or than the window allows while a slow line holds back the ones after it.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { jsonlCommand } from '../../server/src/cli/jsonl';
import { idleThreads } from '../../server/src/cli/jobs';
import { Run, jsonlRun, workspace } from './cliRun';
import { repoRoot, samplesDir } from '../helpers';

const BIN = join(repoRoot, 'bin', 'attache.js');
const WORKER = join(__dirname, '..', '..', 'server', 'src', 'cli', 'jobsWorker.js');
const noWorker = !existsSync(WORKER) && 'the worker script is not compiled (npm run build)';
const noBundle = !existsSync(join(repoRoot, 'server', 'out', 'jobsWorker.js')) && 'the bundle is not built (npm run build)';

const run = jsonlRun;

/** A folder with the sample registry. */
function sampleWorkspace(): string {
  const dir = workspace({});
  mkdirSync(join(dir, 'registry'));
  for (const f of readdirSync(join(samplesDir, 'registry'))) copyFileSync(join(samplesDir, 'registry', f), join(dir, 'registry', f));
  return dir;
}

function sampleTexts(): string[] {
  const dir = join(samplesDir, 'articles');
  return readdirSync(dir).filter((f) => f.endsWith('.article')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
}

/**
 * `n` lines made from the samples (a reference number on every body line, so each is new), every
 * ninth one a verbatim copy of its sample (duplicate paragraphs across lines, the samples' events),
 * every sixth closing with the same paragraph (boilerplate), and among them bad lines of every kind,
 * a repeated id and a line that is not UTF-8; CRLF line ends.
 */
function corpus(n: number): Buffer {
  const texts = sampleTexts();
  const lines: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const t = texts[i % texts.length];
    let text = i % 9 === 0 ? t : t.replace(/\n(?=\S)/g, `\n[${i}] `);
    if (i % 6 === 0) text += '\nThis dispatch may be quoted freely as long as the wire desk that filed it is credited.\n';
    const rec: Record<string, string | number> = { id: i % 10 === 4 ? i : `line-${i}`, text };
    if (i % 5 === 2) rec.date = `2025-0${1 + (i % 9)}-1${i % 10}`;
    lines.push(Buffer.from(JSON.stringify(rec)));
    if (i === 7) lines.push(Buffer.from('{"id": "cut", "text": '));
    if (i === 12) lines.push(Buffer.from(JSON.stringify({ id: 'bad-date', text: 'Qatar.', date: '2025-13-01' })));
    if (i === 20) lines.push(Buffer.from(lines[3]));
    if (i === 25) lines.push(Buffer.concat([Buffer.from('{"id": "latin1", "text": "caf'), Buffer.from([0xe9]), Buffer.from('"}')]));
    if (i === 31) lines.push(Buffer.from(''), Buffer.from('[1, 2]'), Buffer.from(JSON.stringify({ id: 'no-text' })));
  }
  return Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\r\n')]));
}

test('--jobs 2 and 3 write what --jobs 1 writes, bad lines, duplicate ids and cross-article findings included', { skip: noWorker }, async () => {
  const dir = sampleWorkspace();
  const input = corpus(60);
  for (const flags of [[], ['--emit-claims']]) {
    const one = await run(['analyze', '--jsonl', '--jobs', '1', ...flags], dir, input);
    assert.equal(one.code, 1, one.err);
    const out = one.out.trimEnd().split('\n');
    assert.equal(out.length, 60 + 7, 'one output line per input line');
    assert.match(one.err, /^attache: stdin:9: invalid JSON/m);
    assert.match(one.err, /^attache: stdin:30: not valid UTF-8/m);
    assert.match(one.err, /^attache: stdin:39: missing "text"$/m);
    if (flags.length) assert.match(out.join('\n'), /"claims":\{"p":/);
    else {
      assert.match(one.err, /duplicate id "line-3" \(line 4 of the input has it too\)/);
      assert.match(one.out, /"code":"boilerplate"/, 'the shared closing paragraph is found across lines');
      assert.match(one.out, /"code":"duplicate-paragraph"/);
    }
    // Batches of 1 to 4 lines, every one on a worker; then the default batches, this thread helping.
    for (const [jobs, tuning] of [['2', { batchLines: 3, workersOnly: true }], ['3', { batchLines: 1, workersOnly: true, windowLines: 5 }], ['3', { batchLines: 4 }], ['2', undefined]] as const) {
      const many = await run(['analyze', '--jsonl', '--jobs', jobs, ...flags], dir, input, tuning);
      assert.deepEqual(many, one, `--jobs ${jobs} ${flags.join(' ')} ${JSON.stringify(tuning)}`);
    }
  }
});

test('the bundled attache with --jobs 2 (and the default) writes what --jobs 1 writes', { skip: noBundle }, () => {
  const dir = sampleWorkspace();
  // Some 350 KB: several batches of 64 K characters.
  const input = corpus(240);
  const bundled = (args: string[]): Run => {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, input, encoding: 'utf8', maxBuffer: 1 << 28 });
    return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
  };
  for (const flags of [[], ['--emit-claims']]) {
    const one = bundled(['analyze', '--jsonl', '--jobs', '1', ...flags]);
    assert.equal(one.code, 1, one.err);
    assert.equal(one.out.trimEnd().split('\n').length, 247);
    assert.deepEqual(bundled(['analyze', '--jsonl', '--jobs', '2', ...flags]), one, `--jobs 2 ${flags.join(' ')}`);
    assert.deepEqual(bundled(['analyze', '--jsonl', ...flags]), one, `default --jobs ${flags.join(' ')}`);
  }
  const bad = bundled(['analyze', '--jsonl', '--jobs', '0']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--jobs needs a whole number of threads from 1 to 9999, not '0'/);
});

test('with --jobs, standard input is read no further ahead than standard output takes the lines', { skip: noWorker }, async () => {
  const dir = sampleWorkspace();
  const texts = sampleTexts();
  const total = 240;
  let produced = 0;
  let received = 0;
  let ahead = 0;
  let shortest = Infinity;
  async function* lines(): AsyncGenerator<Buffer> {
    for (let i = 0; i < total; i++) {
      produced++;
      yield Buffer.from(JSON.stringify({ id: i, text: `${texts[i % texts.length]}\nNote ${i}.\n` }) + '\n');
    }
  }
  const stdout = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n').slice(0, -1)) shortest = Math.min(shortest, l.length);
      received += chunk.toString().split('\n').length - 1;
      ahead = Math.max(ahead, produced - received);
      // A slow reader: each chunk taken a few milliseconds later.
      setTimeout(done, 3);
    },
  });
  const stdin = Readable.from(lines(), { highWaterMark: 4 });
  const windowLines = 12;
  const code = await jsonlCommand(['analyze', '--jsonl', '--emit-claims', '--jobs', '2'], { cwd: dir, stdin, stdout, err: () => undefined, tuning: { batchLines: 2, windowLines } }, '');
  assert.equal(code, 0);
  assert.equal(received, total);
  // Ahead of what was written: the window, the stream buffer before the reader (4 chunks and one
  // being read) and the lines the writer gathers before writing (64 K characters).
  const bound = windowLines + 4 + 2 + Math.ceil((1 << 16) / shortest);
  assert.ok(bound < total / 2, `the bound (${bound}) says something`);
  assert.ok(ahead <= bound, `read ${ahead} lines ahead of the output (at most ${bound} expected)`);
});

test('without --jobs, threads go only to the cores other processes leave idle', () => {
  assert.equal(idleThreads(2, 9.5, 1), 1, 'a 2-core machine loaded by other jobs: this thread only');
  assert.equal(idleThreads(2, 0.1, 1), 2, 'an idle machine: every core');
  assert.equal(idleThreads(2, 0.6, 1), 1, 'more than half a core busy elsewhere');
  assert.equal(idleThreads(8, 3.2, 1), 5);
  // This process's own share of the load average (one thread for ten minutes) is not "others".
  assert.equal(idleThreads(2, 1.1, 600), 2);
  assert.equal(idleThreads(2, 1.1, 1), 1);
  assert.equal(idleThreads(4, 0, 1), 4, 'no load average (Windows): every core');
});

test('with --jobs, lines behind a slow one wait within the window: standard input is not read further', { skip: noWorker }, async () => {
  const dir = sampleWorkspace();
  const texts = sampleTexts();
  // The first two lines go to the worker (it takes two batches before this thread takes any):
  // the first is long, so the lines after it, analyzed here, cannot be written until it is done
  // (its output alone is more than the 64 K characters the writer gathers: it is written at once).
  const long = Array.from({ length: 150 }, (_, i) => `${texts[i % texts.length]}\n[part ${i}]`).join('\n');
  const total = 150;
  let produced = 0;
  let received = 0;
  let beforeFirst = 0;
  async function* lines(): AsyncGenerator<Buffer> {
    for (let i = 0; i < total; i++) {
      produced++;
      if (received === 0) beforeFirst = produced;
      yield Buffer.from(JSON.stringify({ id: i, text: i === 0 ? long : `Envoys from Japan met in Doha on Monday, note ${i}.` }) + '\n');
    }
  }
  const stdout = new Writable({
    write(chunk: Buffer, _enc, done) {
      received += chunk.toString().split('\n').length - 1;
      done();
    },
  });
  const windowLines = 8;
  const stdin = Readable.from(lines(), { highWaterMark: 2 });
  const code = await jsonlCommand(['analyze', '--jsonl', '--emit-claims', '--jobs', '2'], { cwd: dir, stdin, stdout, err: () => undefined, tuning: { batchLines: 1, windowLines } }, '');
  assert.equal(code, 0);
  assert.equal(received, total);
  // Read before the first line could be written: the window, and what the stream reads ahead.
  assert.ok(beforeFirst <= windowLines + 2 + 2, `${beforeFirst} lines read before the first was written (window ${windowLines})`);
});
