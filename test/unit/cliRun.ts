/** Runs the CLI in process on a temporary workspace, for the CLI tests. */

import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { main, runCli } from '../../server/src/cli/main';
import { StreamIo, jsonlCommand } from '../../server/src/cli/jsonl';

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

/** `attache ARGS` as the command runs it (`runCli`: `--jobs` worker threads); output collected. */
export async function cliJobs(args: string[], cwd: string): Promise<Run> {
  let out = '';
  let err = '';
  const code = await runCli(args, cwd, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

/** `attache ARGS` for the JSON Lines commands (asynchronous), `input` on standard input. */
export async function jsonlRun(args: string[], cwd: string, input: Buffer | string = '', tuning?: StreamIo['tuning']): Promise<Run> {
  let out = '';
  let err = '';
  const stdout = new Writable({
    write(chunk: Buffer, _enc, done) {
      out += chunk.toString();
      done();
    },
  });
  const code = await jsonlCommand(args, { cwd, stdin: Readable.from([Buffer.from(input)]), stdout, err: (s) => (err += s), tuning }, 'Usage: …\n');
  return { code, out, err };
}

const made: string[] = [];
// Removed when the test file's process ends, so repeated runs leave nothing in the temp folder.
process.on('exit', () => {
  for (const dir of made) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // A test may have left a folder unreadable on purpose: make it removable, then try again.
      try {
        chmodTree(dir);
        rmSync(dir, { recursive: true, force: true });
      } catch {
        /* nothing more to do at exit */
      }
    }
  }
});

function chmodTree(dir: string): void {
  chmodSync(dir, 0o700);
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) chmodTree(join(dir, e.name));
  }
}

/** A new temporary folder holding `files` (relative path → content), removed when the process ends. */
export function workspace(files: Record<string, string | Buffer>, prefix = 'attache-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}
