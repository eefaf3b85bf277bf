/**
 * The dump is streamed: the importer's peak resident memory does not grow with the dump. Two
 * generated gzip dumps, 4 MB and 48 MB of line-per-entity JSON with one official in a thousand
 * entities, are imported in child processes: every official is found, and the twelve times larger
 * dump needs less than 32 MB more (holding it would need hundreds). Then the issue's own case:
 * a generated 1 GB dump imported under 300 MB peak (about a minute on a quiet machine; the test
 * files run in parallel, so it adds little to the suite). `npm run bench -- wikidata` reports the
 * same figures with timings.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { generateDump, importInChild } from '../../bench/wikidata.bench';
import { workspace } from './cliRun';

test('peak memory of a dump import does not grow with the dump', async () => {
  const dir = workspace({}, 'attache-wd-stream-');
  const peaks: number[] = [];
  for (const mb of [4, 48]) {
    const file = join(dir, `dump-${mb}.json.gz`);
    const { lines, raw } = await generateDump(file, mb * 1024 * 1024);
    assert.ok(raw >= mb * 1024 * 1024);
    const r = importInChild(file);
    assert.equal(r.code, 0);
    assert.equal(r.persons, Math.ceil(lines / 1000));
    peaks.push(r.maxRssKb / 1024);
  }
  const [small, big] = peaks;
  assert.ok(big < 300, `peak RSS ${big.toFixed(0)} MB`);
  assert.ok(big - small < 32, `peak RSS ${small.toFixed(0)} MB for 4 MB, ${big.toFixed(0)} MB for 48 MB`);
});

test('a generated 1 GB dump is imported with peak memory under 300 MB', async () => {
  const dir = workspace({}, 'attache-wd-stream-');
  const file = join(dir, 'dump-1g.json.gz');
  const { lines, raw } = await generateDump(file, 1024 * 1024 * 1024);
  assert.ok(raw >= 1024 * 1024 * 1024);
  const r = importInChild(file);
  assert.equal(r.code, 0);
  assert.equal(r.persons, Math.ceil(lines / 1000));
  assert.ok(r.maxRssKb / 1024 < 300, `peak RSS ${(r.maxRssKb / 1024).toFixed(0)} MB for 1 GB`);
});
