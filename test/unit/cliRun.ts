/** Runs the CLI in process on a temporary workspace, for the CLI tests. */

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../server/src/cli/main';

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** `attache ARGS` with `cwd` as the current folder; standard output and error collected. */
export function cli(args: string[], cwd: string): Run {
  let out = '';
  let err = '';
  const code = main(args, cwd, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

/** A new temporary folder holding `files` (relative path → content). */
export function workspace(files: Record<string, string | Buffer>, prefix = 'attache-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}
