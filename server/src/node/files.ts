/**
 * File system access shared by the CLI and the language server (never by the core): finding
 * articles and registry files by the `attache.*` globs, and reading text files safely.
 *
 * Reading never throws: a missing, unreadable, binary or non-UTF-8 file gives an error message
 * naming the file and the place, which callers report instead of crashing.
 */

import * as buffer from 'node:buffer';
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

/**
 * Files under `root` whose path relative to `root` matches one of `globs`, sorted. A folder that
 * cannot be read is skipped; when `errors` is given, a message naming it is added there, so the
 * CLI can say so instead of silently checking fewer articles.
 */
export function findFiles(root: string, globs: readonly string[], errors?: string[]): string[] {
  const match = globMatcher(globs);
  const out: string[] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      errors?.push(`${dir}: cannot read this folder (${(e as NodeJS.ErrnoException).code ?? String(e)}); its files were skipped`);
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

/** A read: the text, or an error message naming the file (`reason` is the same without the name; `missing` when there is no such file). */
export type ReadResult = { ok: true; text: string; bom?: boolean } | { ok: false; error: string; reason?: string; missing?: boolean };

function failure(file: string, reason: string, missing = false): ReadResult {
  return { ok: false, error: `${file}: ${reason}`, reason, ...(missing ? { missing } : {}) };
}

/** A file's kind in words, for messages about paths that are not regular files. */
function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Reading a UTF-8 text file (`readTextFile`, `readTextFileAsync`) gives its text without BOM.
 * Binary content (NUL bytes) and invalid UTF-8 are errors that name the byte offset, rather than
 * text full of replacement characters. Only regular files are read: a FIFO would block the reader
 * until someone writes to it, and a device such as /dev/zero never ends.
 */

/** Why a file is not read, from its stat (not a regular file, too large); undefined when it is read. */
function refusal(file: string, st: fs.Stats): ReadResult | undefined {
  if (!st.isFile()) return failure(file, `is ${kindOf(st)}, not a file; only regular text files are read`);
  if (st.size > MAX_FILE_BYTES) return failure(file, `file is too large (${st.size} bytes; the limit is ${MAX_FILE_BYTES})`);
  return undefined;
}

function tooLarge(file: string): ReadResult {
  return failure(file, `file is too large (more than ${MAX_FILE_BYTES} bytes)`);
}

/** `buf` when it has room after `total` bytes, else a copy twice its size (at most the cap + 1). */
function withRoom(buf: Buffer<ArrayBuffer>, total: number): Buffer<ArrayBuffer> {
  if (total < buf.length) return buf;
  const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, MAX_FILE_BYTES + 1));
  buf.copy(bigger, 0, 0, total);
  return bigger;
}

/**
 * One read, as the steps it asks the file system for: `readTextFile` answers them synchronously
 * (the CLI), `readTextFileAsync` on the libuv thread pool (the language server). So the checks
 * live in one place: regular files only (stat before opening, since opening a FIFO blocks; fstat
 * again on the open descriptor, so a rename in between changes nothing), the size cap counted in
 * bytes read (special and virtual files report size 0), then the decoding checks.
 *
 * `listedRegular`: a folder listing just showed the path as a regular file (`findFiles`), so the
 * stat before opening is left out (the fstat still refuses anything else). A regular file is read
 * until the size fstat gave, without a last read that finds its end, unless it grew meanwhile: a
 * corpus of small articles costs four system calls per file, not six.
 */
type ReadStep =
  | { op: 'stat' }
  /** Open non-blocking, then fstat the descriptor. */
  | { op: 'open' }
  /** Read into `buf` at `at`, up to its end; answers the number of bytes read. */
  | { op: 'read'; buf: Buffer; at: number };

function* readSteps(file: string, scratch: Buffer<ArrayBuffer> | undefined, listedRegular = false): Generator<ReadStep, ReadResult, fs.Stats | number> {
  if (!listedRegular) {
    const refused = refusal(file, (yield { op: 'stat' }) as fs.Stats);
    if (refused) return refused;
  }
  const st = (yield { op: 'open' }) as fs.Stats;
  const refusedNow = refusal(file, st);
  if (refusedNow) return refusedNow;
  // Read into one buffer until a read returns 0: a scratch buffer when the caller has one and the
  // file is small (no allocation per file: the text is decoded into a string at once), else a
  // buffer sized from fstat, doubled if the file grows. Special files report size 0.
  let buf = scratch && st.size + 1 <= scratch.length ? scratch : Buffer.allocUnsafe(Math.min(st.size + 1, MAX_FILE_BYTES + 1));
  let total = 0;
  for (;;) {
    buf = withRoom(buf, total);
    const n = (yield { op: 'read', buf, at: total }) as number;
    if (n === 0) break;
    total += n;
    if (total > MAX_FILE_BYTES) return tooLarge(file);
    // All of a regular file: its end is known (one byte more would have shown that it grew).
    if (total === st.size && st.isFile()) break;
  }
  return decodeText(file, buf.subarray(0, total));
}

const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

function cannotRead(file: string, e: unknown): ReadResult {
  const code = (e as NodeJS.ErrnoException).code;
  return failure(file, `cannot read (${code ?? String(e)})`, code === 'ENOENT');
}

/** Small files are read here by `readTextFile` (one read at a time); nothing refers to it after the call. */
const SCRATCH = Buffer.allocUnsafe(1 << 16);

/**
 * The CLI's read: `readSteps` answered synchronously. `listedRegular`: a folder listing just
 * showed `file` as a regular file (see `readSteps`).
 */
export function readTextFile(file: string, listedRegular = false): ReadResult {
  let fd: number | undefined;
  try {
    const steps = readSteps(file, SCRATCH, listedRegular);
    for (let step = steps.next(); ; ) {
      if (step.done) return step.value;
      const s = step.value;
      if (s.op === 'stat') step = steps.next(fs.statSync(file));
      else if (s.op === 'open') step = steps.next(fs.fstatSync((fd = fs.openSync(file, OPEN_FLAGS))));
      else step = steps.next(fs.readSync(fd!, s.buf, s.at, s.buf.length - s.at, null));
    }
  } catch (e) {
    return cannotRead(file, e);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** How long the language server waits for one file before giving up on it (ms). */
export const READ_TIMEOUT_MS = 10_000;

/**
 * `readTextFile` without blocking the event loop, for the language server: the same steps on the
 * libuv thread pool, and an answer within `timeoutMs` even when the file system does not give one
 * (a hung network mount): the read is then reported as failed, and its handle closed when it ends.
 */
export async function readTextFileAsync(file: string, timeoutMs = READ_TIMEOUT_MS): Promise<ReadResult> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<ReadResult>((resolve) => {
    timer = setTimeout(() => resolve(failure(file, `the file system gave no answer within ${timeoutMs} ms; not read`)), timeoutMs);
  });
  try {
    return await Promise.race([readAsync(file), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** `readSteps` answered on the thread pool; each read has its own buffers (reads run concurrently). */
async function readAsync(file: string): Promise<ReadResult> {
  let fh: fs.promises.FileHandle | undefined;
  try {
    const steps = readSteps(file, undefined);
    for (let step = steps.next(); ; ) {
      if (step.done) return step.value;
      const s = step.value;
      if (s.op === 'stat') step = steps.next(await fs.promises.stat(file));
      else if (s.op === 'open') step = steps.next(await (fh = await fs.promises.open(file, OPEN_FLAGS)).stat());
      else step = steps.next((await fh!.read(s.buf, s.at, s.buf.length - s.at, null)).bytesRead);
    }
  } catch (e) {
    return cannotRead(file, e);
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

/** `buffer.isUtf8` (Node 18.14 and later); without it the fatal TextDecoder validates. */
const isUtf8: ((b: Uint8Array) => boolean) | undefined = (buffer as { isUtf8?: (b: Uint8Array) => boolean }).isUtf8;

/** Stateless between calls (no `stream` option), so one decoder serves every file. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeText(file: string, buf: Uint8Array): ReadResult {
  // Valid UTF-8 is decoded with the fast decoder, which turns every ill-formed sequence into
  // U+FFFD: a text without one was valid (one pass over the bytes, not a validation pass too);
  // with one, the validator tells a written U+FFFD from a bad byte. A NUL byte decodes to U+0000,
  // so the text is searched for it (cheaper than the bytes). Otherwise the bytes are examined for
  // the message: a NUL first (binary, UTF-16), then the first bad byte.
  let text: string | undefined;
  if (isUtf8) {
    text = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('utf8');
    if (text.indexOf('\ufffd') >= 0 && !isUtf8(buf)) text = undefined;
  } else {
    try {
      text = UTF8.decode(buf);
    } catch {
      text = undefined;
    }
  }
  if (text !== undefined) {
    if (text.indexOf('\0') >= 0) return badText(file, buf);
    const bom = text.charCodeAt(0) === 0xfeff;
    return { ok: true, text: bom ? stripBom(text) : text, ...(bom ? { bom } : {}) };
  }
  return badText(file, buf);
}

function badText(file: string, buf: Uint8Array): ReadResult {
  const nul = buf.indexOf(0);
  if (nul >= 0) return failure(file, `looks like a binary file or UTF-16 (NUL byte at offset ${nul}); articles and registries must be UTF-8 text`);
  return failure(file, `not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(buf)}); re-save the file as UTF-8`);
}

/**
 * Offset of the first byte that is not well-formed UTF-8 (Unicode Table 3-7): besides bad lead
 * and continuation bytes, the second byte is range-checked so overlong forms, encoded surrogates
 * (CESU-8, ED A0..BF) and code points above U+10FFFF are reported where they start.
 */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0 || i + n >= b.length) return i;
    const c1 = b[i + 1];
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    if (c1 < lo || c1 > hi) return i;
    for (let k = 2; k <= n; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return i;
}

/**
 * Writes `text` over `file` atomically (a temporary file in the same folder, then a rename), keeping
 * what the user had: a UTF-8 BOM when `bom` is set, the file's permission bits, and, when `file` is
 * a symbolic link, the link itself (the target is written, not replaced by a regular file). A
 * read-only file is not written. Throws with a message naming the file when it cannot write.
 */
export function writeFileAtomic(file: string, text: string, opts: { bom?: boolean } = {}): void {
  let target = file;
  try {
    target = fs.realpathSync(file);
  } catch {
    /* a new file: write it where it was named */
  }
  let mode: number | undefined;
  try {
    const st = fs.statSync(target);
    mode = st.mode & 0o7777;
    if ((mode & 0o222) === 0) throw new Error(`${file}: is read-only; not changed`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, (opts.bom ? '\ufeff' : '') + text, mode === undefined ? {} : { mode });
    if (mode !== undefined) fs.chmodSync(tmp, mode); // writeFileSync's mode is masked by the umask
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
