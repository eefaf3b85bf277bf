/**
 * Structure that keeps #14's bugs out (item 15), checked on the sources: each rule is written in
 * one place, so a second copy that drifts (a binary search with its own bounds, a command name
 * typed again in the core, the sidecar suffix spelled again, with `.yml` accepted somewhere)
 * fails here before it can disagree with the first.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../helpers';

/** Every TypeScript source under the given folders, as [path relative to the repository, text]. */
function sources(...dirs: string[]): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.ts')) out.push([relative(repoRoot, full), readFileSync(full, 'utf8')]);
    }
  };
  for (const d of dirs) walk(join(repoRoot, d));
  return out;
}

/** Lines of `files` matching `re`, outside comments, except in the files named in `allowed`. */
function offending(files: [string, string][], re: RegExp, allowed: string[]): string[] {
  const out: string[] = [];
  for (const [path, text] of files) {
    if (allowed.includes(path)) continue;
    text.split('\n').forEach((line, i) => {
      const code = line.replace(/\/\/.*$/, '');
      if (/^\s*(\/\*|\*)/.test(code)) return;
      if (re.test(code)) out.push(`${path}:${i + 1}: ${line.trim()}`);
    });
  }
  return out;
}

const ALL = sources('server/src', 'client/src');

test('one binary search: no bisection loop outside core/search.ts', () => {
  assert.ok(ALL.length > 100, 'the sources were found');
  // A midpoint of two bounds: (lo + hi) >> 1, (lo + hi + 1) >>> 1, lo + ((hi - lo) >>> 1) …
  const mid = /\(\s*\w+\s*\+\s*\w+\s*(\+\s*1\s*)?\)\s*>>>?\s*1\b|\b\w+\s*\+\s*\(\(?\s*\w+\s*-\s*\w+\s*\)\s*>>>?\s*1\b/;
  assert.deepEqual(offending(ALL, mid, ['server/src/core/search.ts']), []);
  // The helper's own loop is found by the same pattern (the check can fail).
  assert.equal(offending(sources('server/src/core').filter(([p]) => p.endsWith('search.ts')), mid, []).length, 1);
});

test('command names are not typed in the core outside core/commands.ts', () => {
  const core = sources('server/src/core');
  // A one-segment `attache.xyz` string is a command name (settings and files have more segments).
  assert.deepEqual(offending(core, /['"`]attache\.[A-Za-z]+['"`]/, ['server/src/core/commands.ts']), []);
  assert.equal(offending(core.filter(([p]) => p.endsWith('commands.ts')), /['"`]attache\.[A-Za-z]+['"`]/, []).length, 4);
});

test('the sidecar suffix is spelled once (core/annotations/naming.ts), and never as .yml', () => {
  const suffix = /['"`][^'"`]*\.annotations\.ya?ml/;
  assert.deepEqual(offending(ALL, suffix, ['server/src/core/annotations/naming.ts']), []);
  assert.equal(offending(sources('server/src/core/annotations').filter(([p]) => p.endsWith('naming.ts')), suffix, []).length, 1);
});
