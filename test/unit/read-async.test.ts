// The language server's reads (`readTextFileAsync`, issue #14): the same answers as the CLI's
// `readTextFile` on regular files, and special files (a FIFO, a device) refused with a message
// instead of a read that never ends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { workspace } from './cliRun';
import { readTextFile, readTextFileAsync } from '../../server/src/node/files';

test('the async read gives what the sync read gives', async () => {
  const dir = workspace({});
  const files: Record<string, Uint8Array | string> = {
    'plain.article': 'Lima hosted the talks on Monday.\n',
    'bom.article': '\ufeffLima hosted the talks.\r\n',
    'latin1.article': Buffer.from([0x4c, 0x69, 0x6d, 0x61, 0x20, 0xe9, 0x0a]),
    'nul.article': Buffer.from([0x41, 0x00, 0x42]),
    'big.article': 'x'.repeat(200_000),
  };
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
  for (const name of [...Object.keys(files), 'missing.article']) {
    assert.deepEqual(await readTextFileAsync(join(dir, name)), readTextFile(join(dir, name)), name);
  }
  const missing = await readTextFileAsync(join(dir, 'missing.article'));
  assert.ok(!missing.ok && missing.missing);
});

test('a FIFO or a device is refused, not read', async () => {
  const dir = workspace({});
  const fifo = join(dir, 'pipe.article');
  execFileSync('mkfifo', [fifo]);
  const r = await readTextFileAsync(fifo);
  assert.ok(!r.ok);
  assert.match(r.error, /pipe\.article: is a named pipe \(FIFO\), not a file/);
  const z = await readTextFileAsync('/dev/zero');
  assert.ok(!z.ok);
  assert.match(z.error, /\/dev\/zero: is a device, not a file/);
});

test('a file a folder listing showed as regular is read without a stat first, with the same answers', () => {
  const dir = workspace({});
  const files: Record<string, Uint8Array | string> = {
    'plain.article': 'Lima hosted the talks on Monday.\n',
    'replacement.article': 'A written \uFFFD stays in the text.\n',
    'surrogate.article': Buffer.from([0x41, 0xed, 0xa0, 0x80, 0x0a]),
    'overlong.article': Buffer.from([0x41, 0x42, 0xc0, 0x80]),
    'empty.article': '',
  };
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
  for (const name of Object.keys(files)) assert.deepEqual(readTextFile(join(dir, name), true), readTextFile(join(dir, name)), name);
  const kept = readTextFile(join(dir, 'replacement.article'), true);
  assert.ok(kept.ok && kept.text === 'A written \uFFFD stays in the text.\n');
  const bad = readTextFile(join(dir, 'surrogate.article'), true);
  assert.ok(!bad.ok);
  assert.match(bad.error, /surrogate\.article: not valid UTF-8 \(first bad byte at offset 1\)/);
  assert.match((readTextFile(join(dir, 'overlong.article'), true) as { error: string }).error, /first bad byte at offset 2/);
  // A listing is only a hint: what the descriptor turns out to be still decides.
  const fifo = join(dir, 'pipe.article');
  execFileSync('mkfifo', [fifo]);
  const r = readTextFile(fifo, true);
  assert.ok(!r.ok);
  assert.match(r.error, /pipe\.article: is a named pipe \(FIFO\), not a file/);
});
