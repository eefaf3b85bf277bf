/**
 * The server's indexing pool on worker threads (node/analysisPool.ts): the analyses it sends back
 * are those this thread computes (sample articles, a sidecar, settings with an ignore list), with
 * the registry the request names even when it changes between requests; batches whose registry is
 * no longer current are skipped; a closed pool's threads end. The worker is the compiled
 * `cli/jobsWorker.js` (the bundle's sits beside the bundled server).
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ArticleAnalysis, analyzeArticle } from '../../server/src/core/analyze';
import { buildEntityIndex } from '../../server/src/core/entities';
import { RegistryStore } from '../../server/src/core/registry';
import { parseIgnoreFile } from '../../server/src/core/ignore';
import { CoreSettings, RegistrySnapshot } from '../../server/src/core/types';
import { WorkerAnalysisPool, defaultIndexThreads } from '../../server/src/node/analysisPool';
import type { PoolItem } from '../../server/src/lsp/service';
import { samplesDir } from '../helpers';

/** The sample registry, without the files `skip` names. */
function sampleRegistry(skip: string[] = []): RegistrySnapshot {
  const store = new RegistryStore();
  const dir = join(samplesDir, 'registry');
  for (const f of readdirSync(dir).sort()) if (!skip.includes(f)) store.setFile(`file:///ws/registry/${f}`, readFileSync(join(dir, f), 'utf8'));
  return store.snapshot();
}

/** Every sample article (with its sidecar when it has one), and each again with a reference number per line. */
function sampleItems(): PoolItem[] {
  const dir = join(samplesDir, 'articles');
  const out: PoolItem[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.article')).sort()) {
    const text = readFileSync(join(dir, f), 'utf8');
    let sidecar: string | undefined;
    try {
      sidecar = readFileSync(join(dir, `${f}.annotations.yaml`), 'utf8');
    } catch {
      sidecar = undefined;
    }
    out.push({ uri: `file:///ws/articles/${f}`, text, sidecar });
    out.push({ uri: `file:///ws/articles/copy-${f}`, text: text.replace(/\.\n/g, '. [ref]\n').replace(/\n/g, '\r\n'), sidecar: undefined });
  }
  return out;
}

/** What the pool answers for `items`, by index (checked to come in item order). */
async function viaPool(pool: WorkerAnalysisPool, registry: RegistrySnapshot, settings: CoreSettings, items: PoolItem[], current = (): boolean => true): Promise<{ got: (ArticleAnalysis | undefined)[]; complete: boolean }> {
  const got: (ArticleAnalysis | undefined)[] = new Array(items.length);
  let last = -1;
  const complete = await pool.analyze(registry, settings, items, (i, a) => {
    // In item order, each once.
    assert.ok(i > last, `item ${i} answered after item ${last}`);
    last = i;
    got[i] = a;
  }, current);
  return { got, complete };
}

function here(registry: RegistrySnapshot, settings: CoreSettings, items: PoolItem[]): ArticleAnalysis[] {
  const index = buildEntityIndex(registry);
  return items.map((it) => analyzeArticle(it.uri, it.text, { registry, entityIndex: index, settings }, it.sidecar));
}

test('the pool answers every article with the analysis this thread computes, across registry changes', async () => {
  const pool = new WorkerAnalysisPool(2);
  try {
    const items = sampleItems();
    assert.ok(items.some((it) => it.sidecar !== undefined), 'a sample article has a sidecar');
    const ignore = parseIgnoreFile('version: 1\nignore:\n  - Doha\n').list;
    const settings: CoreSettings = { numericOrder: 'dmy', ignore };
    const a = sampleRegistry();
    const first = await viaPool(pool, a, settings, items);
    assert.equal(first.complete, true);
    assert.deepEqual(first.got, here(a, settings, items));
    assert.ok(first.got.some((x) => x!.entities.some((m) => m.id)), 'mentions resolved against the registry');
    // A new snapshot (the persons gone): handed over before the next batch, and used.
    const b = sampleRegistry(['persons.yaml']);
    const second = await viaPool(pool, b, { numericOrder: 'auto' }, items);
    assert.deepEqual(second.got, here(b, { numericOrder: 'auto' }, items));
    assert.notDeepEqual(second.got, first.got);
    // And back to the first.
    assert.deepEqual((await viaPool(pool, a, settings, items.slice(0, 3))).got, here(a, settings, items.slice(0, 3)));
  } finally {
    pool.close();
  }
});

test('batches whose registry is no longer current are skipped, not analyzed', async () => {
  const pool = new WorkerAnalysisPool(1);
  try {
    const items = Array.from({ length: 40 }, (_, i) => ({ uri: `file:///ws/a${i}.article`, text: `Doha, 3 March 2025 - Talk number ${i} went on.\n`, sidecar: undefined }));
    let asked = 0;
    // Current for the first batches only.
    const r = await viaPool(pool, sampleRegistry(), {}, items, () => ++asked <= 2);
    assert.equal(r.complete, false);
    const answered = r.got.filter(Boolean).length;
    assert.ok(answered > 0 && answered < items.length, `${answered} of ${items.length} answered`);
    // Those answered are the first ones, in full batches.
    assert.ok(r.got.slice(0, answered).every(Boolean));
  } finally {
    pool.close();
  }
});

test('a closed pool ends its threads and skips what is asked of it afterwards', async () => {
  const pool = new WorkerAnalysisPool(1);
  const items = [{ uri: 'file:///ws/a.article', text: 'Doha, 3 March 2025 - Talks.\n', sidecar: undefined }];
  assert.equal((await viaPool(pool, sampleRegistry(), {}, items)).got.length, 1);
  const workers = (pool as unknown as { workers: import('node:worker_threads').Worker[] }).workers;
  assert.equal(workers.length, 1);
  const exited = new Promise((resolve) => workers[0].once('exit', resolve));
  pool.close();
  await exited;
  const after = await viaPool(pool, sampleRegistry(), {}, items);
  assert.equal(after.complete, false);
  assert.equal(after.got.filter(Boolean).length, 0);
});

test('the default indexing pool: the cores but one from three cores, none on one or two', () => {
  assert.deepEqual([1, 2, 3, 4, 16].map((c) => defaultIndexThreads(c)), [0, 0, 2, 3, 15]);
});
