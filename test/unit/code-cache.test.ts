import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { repoRoot, samplesDir } from '../helpers';

// bin/attache.js runs the bundle from V8's code cache that scripts/code-cache.cjs writes
// (`npm run build`). Here on a copy of the built bin and bundle in a folder of its own.

function copyOfBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'attache-cache-'));
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'server', 'out'), { recursive: true });
  mkdirSync(join(dir, 'scripts'));
  for (const f of ['attache.js', 'bundle-loader.js']) copyFileSync(join(repoRoot, 'bin', f), join(dir, 'bin', f));
  copyFileSync(join(repoRoot, 'scripts', 'code-cache.cjs'), join(dir, 'scripts', 'code-cache.cjs'));
  for (const f of ['cli.js', 'jobsWorker.js']) copyFileSync(join(repoRoot, 'server', 'out', f), join(dir, 'server', 'out', f));
  return dir;
}

function run(dir: string, args: string[], cwd = dir): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [join(dir, 'bin', 'attache.js'), ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
}

function makeCache(dir: string, args: string[], cwd = dir): void {
  const r = spawnSync(process.execPath, [join(dir, 'scripts', 'code-cache.cjs'), join(dir, 'server', 'out', 'cli.js'), ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  assert.ok(existsSync(join(dir, 'server', 'out', 'cli.js.cache')));
}

test('the CLI run from its code cache writes what it writes without it, --jobs 2 included', (t) => {
  if (!existsSync(join(repoRoot, 'server', 'out', 'cli.js'))) return t.skip('bundle not built (run npm run build)');
  const dir = copyOfBuild();
  try {
    const args = ['check', '--format', 'json', samplesDir];
    const without = run(dir, args);
    assert.ok(without.status === 0 || without.status === 1, without.stderr);
    assert.ok(JSON.parse(without.stdout).files.length >= 10);
    makeCache(dir, args);
    for (const extra of [[], ['--jobs', '2']]) {
      const withCache = run(dir, [...args, ...extra]);
      assert.equal(withCache.status, without.status, withCache.stderr);
      assert.equal(withCache.stdout, without.stdout);
      assert.equal(withCache.stderr, without.stderr);
    }
    const analyze = ['analyze', '--json', samplesDir];
    const analyzed = run(dir, analyze).stdout;
    rmSync(join(dir, 'server', 'out', 'cli.js.cache'));
    assert.equal(analyzed, run(dir, analyze).stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a code cache made from another bundle is not used, even of the same length (V8 checks only the length)', (t) => {
  if (!existsSync(join(repoRoot, 'server', 'out', 'cli.js'))) return t.skip('bundle not built (run npm run build)');
  const dir = copyOfBuild();
  try {
    makeCache(dir, ['--help']);
    const bundle = join(dir, 'server', 'out', 'cli.js');
    const source = readFileSync(bundle, 'utf8');
    const changed = source.replace('var USAGE = `Usage:', 'var USAGE = `USAGE:');
    assert.notEqual(changed, source);
    assert.equal(changed.length, source.length);
    writeFileSync(bundle, changed);
    const r = run(dir, ['--help']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^USAGE:/);
    // A cache that is not one (cut short) is not used either.
    writeFileSync(`${bundle}.cache`, readFileSync(`${bundle}.cache`).subarray(0, 10));
    assert.match(run(dir, ['--help']).stdout, /^USAGE:/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
