/**
 * `analyze --json` keeps each article's mentions and findings in a temporary file while the
 * corpus is analyzed (cli/spill.ts, #14 item 5), so memory is bounded by one article's analysis
 * plus, for a small corpus, the summaries of the cross-article checks (a big one makes them on
 * disk: cross-article-disk.test.ts). The document is byte for byte the one the
 * in-memory path writes (the path taken when no temporary file can be made), on the samples and on
 * a generated corpus, with and without worker threads; the temporary file has no name while it
 * is used, so nothing is left behind, even when the run is interrupted.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunCollector, processArticle, runContext } from '../../server/src/cli/pipeline';
import { folderListings, loadInputs } from '../../server/src/cli/project';
import { analyzeJson, fileReports } from '../../server/src/cli/report';
import { writeJson } from '../../server/src/cli/jsonWrite';
import { Segment, SpillFile } from '../../server/src/cli/spill';
import { seededRandom } from '../../bench/generate';
import { repoRoot, sampleCorpus, samplesDir, withEnv } from '../helpers';
import { Run, cli as inProcess, cliJobs, workspace } from './cliRun';

const BIN = join(repoRoot, 'bin', 'attache.js');
const noBundle = !existsSync(join(repoRoot, 'server', 'out', 'jobsWorker.js')) && 'the bundle is not built (npm run build)';

/** The in-memory path: no temporary file can be made in a folder that does not exist. */
function inMemory(args: string[], cwd: string): Run {
  // os.tmpdir() reads TMPDIR on each call.
  return withEnv('TMPDIR', join(cwd, 'no-such-folder'), () => inProcess(args, cwd));
}

/**
 * `n` unique articles from the samples (every ninth a verbatim sample copy, every fifth with a
 * shared closing paragraph), a binary file, non-ASCII names around the 64 KB read boundary, and
 * the sample registry.
 */
function corpus(n: number): Record<string, string | Buffer> {
  return sampleCorpus(n, { verbatimEvery: 9, sharedEvery: 5, long: true });
}

test('analyze --json through the temporary file prints what the in-memory path prints, on the samples', () => {
  const spilled = inProcess(['analyze', '--json', '.'], samplesDir);
  const kept = inMemory(['analyze', '--json', '.'], samplesDir);
  assert.equal(spilled.code, 0, spilled.err);
  assert.deepEqual(spilled, kept);
  const doc = JSON.parse(spilled.out) as { files: { entities: unknown[]; dates: unknown[]; diagnostics: unknown[] }[] };
  assert.ok(doc.files.some((f) => f.entities.length > 10 && f.dates.length > 3 && f.diagnostics.length > 0));
});

test('… and on a generated corpus, cross-article findings and a read error included, with --jobs 1 and 2', { skip: noBundle }, async () => {
  const dir = workspace(corpus(60));
  const args = ['analyze', '--json', 'articles'];
  const kept = inMemory(args, dir);
  assert.equal(kept.code, 2);
  assert.match(kept.err, /zz-binary\.article: looks like a binary file/);
  assert.match(kept.out, /"boilerplate"/);
  assert.match(kept.out, /"duplicate-paragraph"/);
  assert.match(kept.out, /"text": "Zoë Ødegård",\n *"type": "person",\n *"id": "zoe-odegard"/);
  assert.deepEqual(inProcess(args, dir), kept, 'main, one thread');
  for (const jobs of ['1', '2']) {
    assert.deepEqual(await cliJobs([...args, '--jobs', jobs], dir), kept, `runCli --jobs ${jobs}`);
    const r = spawnSync(process.execPath, [BIN, ...args, '--jobs', jobs], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.deepEqual({ code: r.status, out: r.stdout, err: r.stderr }, kept, `bin/attache.js --jobs ${jobs}`);
  }
});

test('with a temporary file, the run keeps no article\'s mentions or findings in memory, only its summary', () => {
  const dir = workspace(corpus(12));
  const inputs = loadInputs({ cwd: dir, paths: ['articles'], registryGlobs: [], settings: {} });
  const ctx = runContext(inputs.registry, inputs.settings);
  const spill = new SpillFile();
  try {
    const run = new RunCollector(inputs.registry, [], spill);
    const exists = folderListings();
    let mentions = 0;
    for (const f of inputs.articleFiles) {
      const o = processArticle(f, ctx, exists, { text: false, mentions: true });
      mentions += (o.article?.report.entities.length ?? 0) + (o.article?.report.dates.length ?? 0);
      run.add(o);
    }
    assert.ok(mentions > 500, `${mentions} mentions`);
    assert.equal(run.articles.length, 13);
    for (const a of run.articles) {
      assert.ok(a.spilled, a.file);
      assert.deepEqual([a.entities, a.dates, a.findings, a.creationTime], [[], [], [], null], a.file);
    }
    assert.ok(spill.bytes > 100 * mentions, `${spill.bytes} bytes written`);
    // … and the document written from the file is the one the CLI prints.
    const input = { cwd: dir, registry: inputs.registry, articles: run.articles };
    let out = '';
    writeJson(analyzeJson(input, fileReports(input, run.workspaceFindings(inputs.settings))), (s) => (out += s));
    assert.equal(`${out}\n`, inMemory(['analyze', '--json', 'articles'], dir).out);
  } finally {
    spill.close();
  }
});

test('the temporary file has no name while it is used, and an interrupted run leaves nothing', { skip: (noBundle || process.platform !== 'linux') && 'needs the bundle and Linux /proc' }, async () => {
  const dir = workspace(corpus(400));
  const tmp = mkdtempSync(join(tmpdir(), 'attache-spill-'));
  try {
    const child = spawn(process.execPath, [BIN, 'analyze', '--json', '--jobs', '1', 'articles'], { cwd: dir, env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
    // Standard output is read, so the run is not held up by a full pipe.
    child.stdout.resume();
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ? -1 : code)));
    let seen: string | undefined;
    for (let i = 0; i < 2000 && !seen && child.exitCode === null; i++) {
      try {
        seen = readdirSync(`/proc/${child.pid}/fd`).map((fd) => {
          try {
            return readlinkSync(`/proc/${child.pid}/fd/${fd}`);
          } catch {
            return '';
          }
          // Named for the instant between its creation and its unlinking: looked at again.
        }).find((l) => l.startsWith(tmp) && l.endsWith(' (deleted)'));
      } catch {
        /* the process is starting or ending */
      }
      if (!seen) await new Promise((r) => setTimeout(r, 10));
    }
    assert.ok(seen, 'the run uses an unlinked file in TMPDIR');
    assert.match(seen, /\/attache-[^/]+\.tmp \(deleted\)$/);
    assert.deepEqual(readdirSync(tmp), []);
    child.kill('SIGINT');
    assert.equal(await exited, -1, 'ended by the signal');
    assert.deepEqual(readdirSync(tmp), []);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('segments read back give what was written (as text or bytes): in order (read ahead), out of order, between appends', () => {
  const file = new SpillFile();
  try {
    const r = seededRandom(7);
    const chars = ['a', 'é', '€', '😀', '\n', '\u0000', ' '];
    const text = (): string => {
      // Mostly small parts, a few over the 64 KB of one read.
      const n = r() < 0.05 ? 30_000 + Math.floor(r() * 40_000) : Math.floor(r() * 300);
      let s = '';
      for (let i = 0; i < n; i++) s += chars[Math.floor(r() * chars.length)];
      return s;
    };
    const parts: { seg: Segment; text: string }[] = [];
    let asBytes = false;
    const readBack = (seg: Segment): string => {
      // Every other read back as bytes (`readBytes`, for a document written as bytes), copied at once.
      asBytes = !asBytes;
      if (asBytes) {
        const pieces: Buffer[] = [];
        file.readBytes(seg, (buf, start, end) => pieces.push(Buffer.from(buf.subarray(start, end))));
        return Buffer.concat(pieces).toString('utf8');
      }
      let s = '';
      file.read(seg, (x) => (s += x));
      return s;
    };
    for (let round = 0; round < 4; round++) {
      for (let k = 0; k < 400; k++) {
        const t = text();
        if (k % 2) parts.push({ seg: file.segment((w) => w(t)), text: t });
        else {
          // As bytes (`segmentBytes`), in pieces of a larger buffer, as the spill's writer drains them.
          const bytes = Buffer.from(t);
          parts.push({ seg: file.segmentBytes((sink) => {
            for (let at = 0; at < bytes.length; ) {
              const n = Math.min(bytes.length - at, 1 + Math.floor(r() * 20_000));
              const piece = new Uint8Array(n + (r() < 0.5 ? 7 : 0));
              piece.set(bytes.subarray(at, at + n));
              sink(piece, n);
              at += n;
            }
          }), text: t });
        }
      }
      // A part larger than the 1 MB buffer, written at once.
      const big = 'x€'.repeat(300_000);
      parts.push({ seg: file.segmentBytes((sink) => sink(Buffer.from(big), Buffer.byteLength(big))), text: big });
      // In the order written, twice (the second time from the read-ahead), then at random.
      for (let pass = 0; pass < 2; pass++) for (const p of parts) assert.equal(readBack(p.seg), p.text);
      for (let k = 0; k < 500; k++) {
        const p = parts[Math.floor(r() * parts.length)];
        assert.equal(readBack(p.seg), p.text);
      }
    }
  } finally {
    file.close();
  }
});
