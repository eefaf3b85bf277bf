/**
 * The cross-article checks of a big CLI run are made on disk (cli/crossArticle.ts, #14): the same
 * findings, byte for byte, as the core's `WorkspaceIndex` in memory (the path of a small corpus),
 * and memory per article that no longer grows with the corpus. `ATTACHE_CROSS_ARTICLE=disk` or
 * `=memory` chooses the path whatever the corpus size.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
// The module object itself (not a namespace copy), so a test can make its writes fail.
import fs = require('node:fs');
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DiskWorkspace, crossArticleFile } from '../../server/src/cli/crossArticle';
import { RunCollector } from '../../server/src/cli/pipeline';
import { SpillFile } from '../../server/src/cli/spill';
import { ArticleSummary, EventDateClaim, WorkspaceIndex, summaryOf } from '../../server/src/core/workspace';
import { Entity, RegistrySnapshot } from '../../server/src/core/types';
import { repoRoot, sampleCorpus, samplesDir, withEnv } from '../helpers';
import { cli as inProcess, cliJobs as cli, workspace } from './cliRun';

const BIN = join(repoRoot, 'bin', 'attache.js');
const noBundle = !existsSync(join(repoRoot, 'server', 'out', 'jobsWorker.js')) && 'the bundle is not built (npm run build)';

/** `f` with `ATTACHE_CROSS_ARTICLE` set to `mode`. */
async function withMode<T>(mode: 'disk' | 'memory', f: () => T | Promise<T>): Promise<T> {
  return withEnv('ATTACHE_CROSS_ARTICLE', mode, async () => f());
}

/** A deterministic generator of numbers in [0, 1). */
function seededRandom(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const COMMANDS = [['analyze', '--json'], ['check', '--format', 'json'], ['check'], ['check', '--format', 'sarif'], ['analyze']];

test('the choice: memory below the threshold, disk from it or when asked, memory without a temporary folder', () => {
  assert.equal(crossArticleFile(10, {}), undefined);
  assert.equal(crossArticleFile(10 ** 6, { ATTACHE_CROSS_ARTICLE: 'memory' }), undefined);
  for (const f of [crossArticleFile(10, { ATTACHE_CROSS_ARTICLE: 'disk' }), crossArticleFile(10 ** 6, {})]) {
    assert.ok(f instanceof SpillFile);
    f.close();
  }
});

test('on disk, the samples give the bytes the index in memory gives, in every report format', async () => {
  for (const args of COMMANDS) {
    const disk = await withMode('disk', () => inProcess([...args, '.'], samplesDir));
    const memory = await withMode('memory', () => inProcess([...args, '.'], samplesDir));
    assert.ok(disk.out.length > 1000, `${args.join(' ')}: ${disk.err}`);
    assert.deepEqual(disk, memory, args.join(' '));
  }
});

test('… and a generated corpus full of boilerplate and event dates that disagree, with --jobs 1 and 2', { skip: noBundle }, async () => {
  // Shared paragraphs in 3, 4, 5 and 40 articles; two undated events dated differently.
  const files = sampleCorpus(160, { verbatimEvery: 9, sharedEvery: 4, eventEvery: 2, long: true });
  for (const [i, every] of [[0, 70], [1, 40], [2, 33]]) {
    for (let k = i; k < 160; k += every) files[`articles/a${String(k).padStart(4, '0')}.article`] += `\n\nA closing note shared by a few articles only, number ${every}, to test small rings.\n`;
  }
  const dir = workspace(files);
  for (const args of [['analyze', '--json', 'articles'], ['check', '--format', 'json', 'articles'], ['check', 'articles']]) {
    const memory = await withMode('memory', () => inProcess(args, dir));
    assert.equal(memory.code, 2, memory.err);
    assert.match(memory.err, /zz-binary\.article: looks like a binary file/);
    for (const re of [/"?boilerplate"?/, /, …\)/, /Gulf Shipping Forum is dated 4 March 2025 here, but a0000\.article dates it 3 March 2025 \(other articles disagree too/, /Harbour Safety Talks is dated .*the date is uncertain/]) {
      assert.match(memory.out, re, `${args.join(' ')}: ${re}`);
    }
    assert.deepEqual(await withMode('disk', () => inProcess(args, dir)), memory, `${args.join(' ')}: main`);
    for (const jobs of ['1', '2']) {
      assert.deepEqual(await withMode('disk', () => cli([...args, '--jobs', jobs], dir)), memory, `${args.join(' ')}: runCli --jobs ${jobs}`);
    }
    const r = spawnSync(process.execPath, [BIN, ...args, '--jobs', '2'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ATTACHE_CROSS_ARTICLE: 'disk' } });
    assert.deepEqual({ code: r.status, out: r.stdout, err: r.stderr }, memory, `${args.join(' ')}: bin/attache.js --jobs 2`);
  }
});

/** A registry that dates event `dated` (the cross-article check leaves it to the article-local one). */
function registryDating(dated: string): RegistrySnapshot {
  const e = { id: dated, type: 'event', name: 'The Dated Event', date: '2025-03-01' } as unknown as Entity;
  return { entities: new Map([[dated, e]]), files: new Map() } as unknown as RegistrySnapshot;
}

/** Random summaries: fingerprints from a small set (rings of every size), events with dates that overlap or not. */
function randomSummaries(n: number, seed: number): ArticleSummary[] {
  const rand = seededRandom(seed);
  const pick = (k: number): number => Math.floor(rand() * k);
  const days = ['2025-03-01', '2025-03-02', '2025-03', '2025-03-01/2025-03-03', '2024', '2025-03-05'];
  const out: ArticleSummary[] = [];
  for (let k = 0; k < n; k++) {
    const fps = new Set<string>();
    // Fingerprints of other characters too, and offsets of many digits: the records are bytes.
    for (let i = pick(8); i > 0; i--) fps.add(`${pick(5) ? 'fp' : 'fé€'}${pick(pick(2) ? 12 : 400)}`);
    // Now and then one longer than a read of the temporary file (64 KB): its line is read in pieces.
    if (pick(40) === 0) fps.add(`long${pick(3)}${'λ'.repeat(40_000)}`);
    let at = 0;
    const paragraphs: [string, { start: number; end: number }][] = [...fps].map((fp) => [fp, { start: (at += 1 + pick(50) + (pick(9) ? 0 : 987_654_321)), end: (at += 10 + pick(200)) }]);
    const events: { event: string; mention: string; dates: EventDateClaim[] }[] = [];
    for (const ev of ['ev-a', 'ev-b', 'ev-dated']) {
      if (pick(3) === 0) continue;
      const dates: EventDateClaim[] = [];
      // Two events may share a date (the same place): their findings tie on position.
      const shared = pick(3) === 0 ? 5 : (at += 20);
      for (let d = pick(3); d >= 0; d--) {
        const s = d === 0 ? shared : (at += 20);
        // Texts to escape or of other characters now and then: the event records are bytes.
        const text = [`date ${k}-${d}`, `date ${k}-${d}`, `“date” ${k}\\${d}\n\t"é"`, `Zoë ${k}-${d} ✓`][pick(4)];
        dates.push({ value: days[pick(days.length)], start: s, end: s + 9, text, ...(pick(5) === 0 ? { uncertain: pick(2) ? 'ambiguous' : 'ambigu "ë"' } : {}) });
      }
      events.push({ event: ev, mention: [`Event ${ev}`, `Event ${ev}`, `Évent "${ev}" \\ ✓`, `Ødegård ${ev}`, `the "${ev}" talks`, `${ev} \\ two`][pick(6)], dates });
    }
    out.push(summaryOf(paragraphs, events));
  }
  return out;
}

test('DiskWorkspace gives every article the findings WorkspaceIndex gives, on random corpora', () => {
  const registry = registryDating('ev-dated');
  for (const [n, seed, expected] of [[1, 1, 1], [3, 2, 3], [40, 3, 40], [300, 4, 300], [300, 5, 20_000], [700, 6, 100]]) {
    const summaries = randomSummaries(n, seed);
    const paths = summaries.map((_, k) => `/corpus/dir ${k % 7}/article-${k}.article`);
    const index = new WorkspaceIndex(registry);
    summaries.forEach((s, k) => index.addSummary(paths[k], s));
    const file = new SpillFile();
    try {
      const disk = new DiskWorkspace(file, registry, expected, (k) => paths[k]);
      for (const s of summaries) disk.add(s);
      let shown = 0;
      for (let k = 0; k < n; k++) {
        const want = index.findingsFor(paths[k]);
        shown += want.length;
        assert.equal(JSON.stringify(disk.findingsFor(k)), JSON.stringify(want), `n ${n}, seed ${seed}, article ${k}`);
      }
      if (n >= 40) assert.ok(shown > n / 2, `${shown} findings`);
    } finally {
      file.close();
    }
  }
});

test('a full disk stops the run with the spill error\'s message and exit status 2', async () => {
  const write = fs.writeSync;
  (fs as { writeSync: unknown }).writeSync = (): never => {
    throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
  };
  try {
    const r = await withMode('disk', () => inProcess(['check', '--format', 'json', '.'], samplesDir));
    assert.deepEqual(r, { code: 2, out: '', err: `attache: cannot write a temporary file in ${tmpdir()} (ENOSPC); set TMPDIR to a folder with room\n` });
  } finally {
    (fs as { writeSync: unknown }).writeSync = write;
  }
});

/** Heap in use after full collections. */
function heapAfterGc(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Bytes a run's collector keeps per article between `small` and `big` articles (summaries like
 * a news article's: 25 paragraphs, an event dated twice), the run made as `attache` makes it.
 */
function retainedPerArticle(small: number, big: number, mode: 'disk' | 'memory'): number {
  const registry = { entities: new Map(), files: new Map() } as unknown as RegistrySnapshot;
  const rand = seededRandom(7);
  const fp = (): string => Array.from({ length: 16 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[Math.floor(rand() * 64)]).join('');
  const heap: number[] = [];
  for (const n of [small, big]) {
    const file = crossArticleFile(n, { ATTACHE_CROSS_ARTICLE: mode === 'disk' ? undefined : 'memory' });
    // As `analyze --json` makes it: each article's parts go to a spill file as it comes in.
    const spill = new SpillFile();
    const run = new RunCollector(registry, [], spill, file && { file, articles: n });
    const before = heapAfterGc();
    for (let k = 0; k < n; k++) {
      const paragraphs = Array.from({ length: 25 }, (_, i): [string, { start: number; end: number }] => [fp(), { start: i * 400, end: i * 400 + 380 }]);
      const events = [{ event: `ev-${k % 50}`, mention: 'the summit', dates: [{ value: '2025-03-01', start: 10, end: 22, text: '1 March 2025' }, { value: '2025-03-02', start: 90, end: 102, text: '2 March 2025' }] }];
      run.add({
        article: {
          report: { file: `/corpus/articles/${String(k).padStart(6, '0')}.article`, text: '', findings: [], publicationDate: null, publicationDateSource: null, entities: [], dates: [], creationTime: null } as never,
          summary: summaryOf(paragraphs, events),
        },
        errors: [],
        chars: 0,
      });
    }
    heap.push(heapAfterGc() - before);
    // Kept alive until measured.
    assert.equal(run.articles.length, n);
    file?.close();
    spill.close();
  }
  return (heap[1] - heap[0]) / (big - small);
}

test('what a big run keeps per article no longer includes its cross-article claims', () => {
  const onDisk = retainedPerArticle(2000, 8000, 'disk');
  // What is left is the report's entry (path, where its parts are in the spill file).
  assert.ok(onDisk < 400, `${Math.round(onDisk)} bytes per article`);
  // The measure sees the index: in memory (a small corpus's path) it keeps kilobytes per article.
  const inMemory = retainedPerArticle(2000, 8000, 'memory');
  assert.ok(inMemory > onDisk + 1000, `${Math.round(inMemory)} bytes per article in memory`);
});
