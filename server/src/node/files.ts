/**
 * File system access shared by the CLI and the language server (never by the core): finding
 * articles and registry files by the `attache.*` globs, and reading text files safely.
 *
 * Reading never throws: a missing, unreadable, binary or non-UTF-8 file gives an error message
 * naming the file and the place, which callers report instead of crashing.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { stripBom } from '../core/article';

export const DEFAULT_ARTICLE_GLOBS = ['**/*.article', '**/articles/**/*.txt', '**/articles/**/*.md'];
export const DEFAULT_REGISTRY_GLOBS = ['registry.yaml', 'registry/**/*.yaml'];

/** Folders never searched: they hold dependencies, build output or VCS data, not articles. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'build', 'out', 'dist', '.vscode-test', '.cache', 'artifacts']);

/** Largest file read (bytes): bigger files are reported, not read, so a stray dump cannot stall analysis. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export type Matcher = (relPath: string) => boolean;

export function globMatcher(globs: readonly string[]): Matcher {
  const m = picomatch(globs as string[], { dot: false });
  return (rel) => m(rel.split(path.sep).join('/'));
}

/** Files under `root` whose path relative to `root` matches one of `globs`, sorted. */
export function findFiles(root: string, globs: readonly string[]): string[] {
  const match = globMatcher(globs);
  const out: string[] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name) && !e.name.startsWith('.')) walk(full);
      } else if (e.isFile() && match(path.relative(root, full))) out.push(full);
    }
  };
  walk(root);
  return out.sort();
}

export type ReadResult = { ok: true; text: string } | { ok: false; error: string };

/**
 * Reads a UTF-8 text file without its BOM. Binary content (NUL bytes) and invalid UTF-8 are
 * errors that name the byte offset, rather than text full of replacement characters.
 */
export function readTextFile(file: string): ReadResult {
  let buf: Buffer;
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) return { ok: false, error: `${file}: is a folder, not a file` };
    if (st.size > MAX_FILE_BYTES) return { ok: false, error: `${file}: file is too large (${st.size} bytes; the limit is ${MAX_FILE_BYTES})` };
    buf = fs.readFileSync(file);
  } catch (e) {
    return { ok: false, error: `${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  return decodeText(file, buf);
}

export function decodeText(file: string, buf: Uint8Array): ReadResult {
  const nul = buf.indexOf(0);
  if (nul >= 0) return { ok: false, error: `${file}: looks like a binary file (NUL byte at offset ${nul}); articles and registries must be UTF-8 text` };
  try {
    return { ok: true, text: stripBom(new TextDecoder('utf-8', { fatal: true }).decode(buf)) };
  } catch {
    return { ok: false, error: `${file}: not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(buf)}); re-save the file as UTF-8` };
  }
}

function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0 || i + n >= b.length + (n === 0 ? 1 : 0)) return i;
    for (let k = 1; k <= n; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return i;
}

/** Write a file atomically: a temporary file in the same folder, then rename over the original. */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}
