/**
 * The dump is streamed: importing a generated 1 GB dump (gzip, line-per-entity JSON, one official
 * in a thousand entities) keeps the importer's peak resident memory under 300 MB and finds every
 * official. About 20 s on the 2-core CI machine, most of it generating the file.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDump, importInChild } from '../../bench/wikidata.bench';

test('a 1 GB dump is imported with peak RSS under 300 MB', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'attache-wd-stream-'));
  try {
    const file = join(dir, 'dump.json.gz');
    const { lines, raw } = await generateDump(file, 1024 * 1024 * 1024);
    assert.ok(raw >= 1024 * 1024 * 1024);
    const r = importInChild(file);
    assert.equal(r.code, 0);
    assert.equal(r.persons, Math.ceil(lines / 1000));
    assert.ok(r.maxRssKb < 300 * 1024, `peak RSS ${(r.maxRssKb / 1024).toFixed(0)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
