/**
 * A corpus run analyzes its articles in batches, phase by phase (`analyzeArticles`,
 * `processArticles`): each article's analysis and outcome must equal what one article at a time
 * gives, whatever else is in the batch (no state of one article may leak into another's).
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeArticle, analyzeArticles } from '../../server/src/core/analyze';
import { CHUNKED_ARTICLE, isChunked } from '../../server/src/core/chunks';
import { parseArticle } from '../../server/src/core/article';
import { loadRegistry } from '../../server/src/core/registry';
import { BATCH_CHARS, KEEP_ALL, processArticle, processArticles, readBatches, runContext } from '../../server/src/cli/pipeline';
import { folderListings } from '../../server/src/cli/project';
import { samplesDir } from '../helpers';

function samplesContext(): ReturnType<typeof runContext> {
  const dir = join(samplesDir, 'registry');
  const files = readdirSync(dir).sort().map((f) => ({ path: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
  return runContext(loadRegistry(files), undefined);
}

/** The sample articles, and a long one (analyzed by chunks) made of their bodies repeated. */
function articles(): { path: string; text: string; annotations?: string }[] {
  const dir = join(samplesDir, 'articles');
  const out = readdirSync(dir).filter((f) => f.endsWith('.article')).sort().map((f) => {
    const sidecar = join(dir, `${f}.annotations.yaml`);
    let annotations: string | undefined;
    try {
      annotations = readFileSync(sidecar, 'utf8');
    } catch {
      annotations = undefined;
    }
    return { path: join(dir, f), text: readFileSync(join(dir, f), 'utf8'), ...(annotations === undefined ? {} : { annotations }) };
  });
  const bodies = out.map((a) => a.text.replace(/^---\n[\s\S]*?\n---\n/, ''));
  let long = '---\ndate: 2025-10-26\n---\n';
  for (let k = 0; long.length < CHUNKED_ARTICLE + 1000; k++) long += `${bodies[k % bodies.length]}\n`;
  assert.ok(isChunked(parseArticle(long)), 'the long article is analyzed by chunks');
  return [...out.slice(0, 3), { path: '/corpus/long.article', text: long }, { path: '/corpus/cr.article', text: 'Talks were held on Monday.\rThey ended on Tuesday.\r' }, { path: '/corpus/empty.article', text: '' }, ...out.slice(3)];
}

test('analyzeArticles: each analysis is the one analyzeArticle makes', () => {
  const items = articles();
  assert.ok(items.some((x) => x.annotations !== undefined), 'a sample article has a sidecar');
  const batch = analyzeArticles(items, samplesContext());
  const single = samplesContext();
  assert.equal(batch.length, items.length);
  items.forEach((x, i) => {
    const one = analyzeArticle(x.path, x.text, single, x.annotations);
    assert.deepEqual(batch[i], one, x.path);
    // The checks' memo goes with the analysis (the workspace summary reads it).
    assert.deepEqual(batch[i].memo?.prints?.prints, one.memo?.prints?.prints, x.path);
  });
  assert.deepEqual(analyzeArticles([], single), []);
});

test('processArticles: the outcomes of processArticle, in order, unreadable files included', () => {
  const dir = mkdtempSync(join(tmpdir(), 'attache-batch-'));
  try {
    const files: string[] = [];
    for (const [i, x] of articles().entries()) {
      const f = join(dir, `${String(i).padStart(2, '0')}.article`);
      writeFileSync(f, x.text);
      if (x.annotations !== undefined) writeFileSync(`${f}.annotations.yaml`, x.annotations);
      files.push(f);
    }
    // A folder named like an article, and a file that is gone: errors in their places.
    mkdirSync(join(dir, '03b.article'));
    files.splice(4, 0, join(dir, '03b.article'));
    files.splice(7, 0, join(dir, 'missing.article'));
    // A sidecar that is a folder: the article is analyzed without it, the error reported with it.
    mkdirSync(join(dir, '01.article.annotations.yaml'));
    const batch = processArticles(files, samplesContext(), folderListings(), KEEP_ALL);
    const single = samplesContext();
    const exists = folderListings();
    assert.equal(batch.length, files.length);
    files.forEach((f, i) => assert.deepEqual(batch[i], processArticle(f, single, exists, KEEP_ALL), f));
    assert.equal(batch[4].errors.length, 1);
    assert.equal(batch[4].article, undefined);
    assert.equal(batch[7].errors.length, 1);
    assert.equal(batch[1].errors.length, 1);
    assert.ok(batch[1].article);
    // The same with the reports of `check --format json` (findings rendered, mentions dropped).
    const keep = { text: false, mentions: false, json: dir };
    const rendered = processArticles(files, samplesContext(), folderListings(), keep);
    files.forEach((f, i) => assert.deepEqual(rendered[i], processArticle(f, single, exists, keep), f));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('processArticles: a batch is cut where its texts reach BATCH_CHARS, the outcomes unchanged', () => {
  const dir = mkdtempSync(join(tmpdir(), 'attache-batch-'));
  try {
    const items = articles();
    const long = items.find((x) => x.path === '/corpus/long.article')!.text;
    assert.ok(2 * long.length < BATCH_CHARS && 3 * long.length >= BATCH_CHARS, 'three long articles fill a batch');
    // Long and short articles alternated: batches cut after the third and the sixth long one.
    const files: string[] = [];
    for (let i = 0; i < 14; i++) {
      const f = join(dir, `${String(i).padStart(2, '0')}.article`);
      writeFileSync(f, i % 2 ? items[i % 3].text : long.replace('2025-10-26', `2025-10-${10 + i}`));
      files.push(f);
    }
    assert.deepEqual([...readBatches(files, folderListings())].map((b) => b.length), [5, 6, 3]);
    const batch = processArticles(files, samplesContext(), folderListings(), KEEP_ALL);
    const single = samplesContext();
    const exists = folderListings();
    assert.equal(batch.length, files.length);
    files.forEach((f, i) => assert.deepEqual(batch[i], processArticle(f, single, exists, KEEP_ALL), f));
    // Short articles only: one batch, however many files it is given.
    assert.deepEqual([...readBatches(files.filter((_, i) => i % 2), folderListings())].map((b) => b.length), [7]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
