/**
 * bzip2 dumps (`latest-all.json.bz2`): decompressed as a stream, block by block, with the output
 * taken before the rest of the input is read; concatenated streams (parallel compressors) read
 * one after another; cut-off and damaged files reported by name. The multi-block file is made
 * here with the system's `bzip2` (the test is skipped without it); the small fixture is checked in.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WikidataCollector } from '../../server/src/core/wikidata';
import { bunzip2 } from '../../server/src/node/bunzip2';
import { readWikidataInput } from '../../server/src/node/wikidataInput';
import { fixturesDir } from '../helpers';
import { workspace } from './cliRun';

const fixture = readFileSync(join(fixturesDir, 'wikidata', 'dump-uk.json.bz2'));
const hasBzip2 = spawnSync('bzip2', ['--help']).error === undefined;

/** About `lines` dump lines: filler items and, every 500th line, a person with a position held. */
function dumpText(lines: number): string {
  // Descriptions of pseudo-random hex keep the compressed file large enough to hold many blocks.
  let seed = 12345;
  const noise = (): string => Array.from({ length: 12 }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8).toString(16).padStart(6, '0')).join('');
  const out = ['['];
  for (let i = 0; i < lines; i++) {
    const official = i % 500 === 0;
    out.push(JSON.stringify({
      type: 'item', id: `Q${100000 + i}`, labels: { en: { language: 'en', value: `${official ? 'Official' : 'Filler'} number ${i}` } }, descriptions: { en: { language: 'en', value: noise() } },
      claims: {
        P31: [{ mainsnak: { snaktype: 'value', property: 'P31', datavalue: { type: 'wikibase-entityid', value: { id: official ? 'Q5' : 'Q13442814' } } } }],
        ...(official ? { P39: [{ mainsnak: { snaktype: 'value', property: 'P39', datavalue: { type: 'wikibase-entityid', value: { id: 'Q99' } } } }] } : {}),
      },
    }) + (i < lines - 1 ? ',' : ''));
  }
  out.push(']', '');
  return out.join('\n');
}

async function* chunksOf(data: Buffer, size: number, pulled: { n: number }): AsyncGenerator<Buffer> {
  for (let at = 0; at < data.length; at += size) {
    pulled.n++;
    yield data.subarray(at, at + size);
  }
}

test('a multi-block, two-stream bzip2 file is decompressed as it is read', { skip: !hasBzip2 && 'no bzip2 on this system' }, async () => {
  const text = Buffer.from(dumpText(10000));
  const half = text.indexOf('\n', text.length >> 1) + 1;
  // Two streams back to back, 100 kB blocks: many blocks to stream through.
  const compressed = Buffer.concat([text.subarray(0, half), text.subarray(half)].map((part) => spawnSync('bzip2', ['-1', '-c'], { input: part, maxBuffer: 1 << 28 }).stdout));
  const pulled = { n: 0 };
  const total = Math.ceil(compressed.length / 16384);
  let pulledAtFirst = -1;
  const parts: Buffer[] = [];
  for await (const b of bunzip2(chunksOf(compressed, 16384, pulled))) {
    if (pulledAtFirst < 0) pulledAtFirst = pulled.n;
    parts.push(b);
  }
  assert.ok(text.length > 2_000_000 && parts.length > 10, `${text.length} bytes in ${parts.length} blocks`);
  assert.ok(pulledAtFirst < total / 2, `first output after ${pulledAtFirst} of ${total} input chunks`);
  assert.ok(Buffer.concat(parts).equals(text), 'the output is the original text');

  const file = join(workspace({ 'dump.json.bz2': compressed }, 'attache-wd-'), 'dump.json.bz2');
  const collector = new WikidataCollector(['en']);
  const summary = await readWikidataInput(file, collector, (m) => assert.fail(m));
  assert.equal(summary.kind, 'dump');
  assert.equal(summary.lines, 10002);
  assert.equal(collector.size, 20, 'only the officials are kept');
});

test('a cut-off or damaged bzip2 file: a message naming it, nothing read', async () => {
  const ws = workspace({}, 'attache-wd-');
  const cases: [string, Buffer, RegExp][] = [
    ['cut.json.bz2', fixture.subarray(0, fixture.length - 200), /cut\.json\.bz2: the bzip2 data is cut off before the first line/],
    ['damaged.json.bz2', Buffer.from(fixture.map((b, i) => (i === fixture.length >> 1 ? b ^ 0x5a : b))), /damaged\.json\.bz2: the bzip2 data is damaged before the first line \(/],
  ];
  for (const [name, data, message] of cases) {
    writeFileSync(join(ws, name), data);
    await assert.rejects(readWikidataInput(join(ws, name), new WikidataCollector(['en']), () => {}), message);
  }
});
