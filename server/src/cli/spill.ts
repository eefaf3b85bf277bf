/**
 * A temporary file that parts of a CLI report are written to while the articles are analyzed, and
 * read back, in pieces, when the report is written (#14 item 5: `analyze --json` of a corpus held
 * every article's mentions until the end, because each file's diagnostics include cross-article
 * findings known only once every article is read).
 *
 * The file is made private (mode 0600) in the system's temporary folder and unlinked as soon as it
 * is open, where the system allows it (POSIX): it then has no name, and its space is freed when the
 * process ends, however it ends (normal exit, error, SIGINT, even SIGKILL). Where an open file
 * cannot be unlinked (Windows), it is removed by `close()`, at exit, and on SIGINT / SIGTERM.
 */

import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/** Where a part was written: byte offset and length. */
export interface Segment {
  start: number;
  bytes: number;
}

/** A temporary file could not be made or written: the message names the folder and the reason. */
export class SpillError extends Error {}

/** Bytes read back at a time. */
const READ = 1 << 16;
/**
 * Bytes read ahead when small segments are read back in the order they were written: the report
 * of `analyze --json` reads each article's three parts in turn, and one read of a megabyte serves
 * the parts of some hundred articles instead of three system calls for each.
 */
const AHEAD = 1 << 20;

/** Files still named on disk (only where unlinking an open file failed), removed at exit. */
const named = new Set<string>();

function removeNamed(): void {
  for (const f of named) {
    try {
      fs.rmSync(f, { force: true });
    } catch {
      /* nothing more to do at exit */
    }
  }
  named.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeNamed();
  // Ended as the signal would have ended it, now that the file is gone.
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
  process.kill(process.pid, signal);
}

function removeAtExit(file: string): void {
  if (!named.size) {
    process.on('exit', removeNamed);
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  named.add(file);
}

function forget(file: string): void {
  named.delete(file);
  if (!named.size) {
    process.removeListener('exit', removeNamed);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

/** Bytes appended before they are written: one system call for many parts (an article of `analyze --json` has three). */
const BUFFERED = 1 << 20;

export class SpillFile {
  private fd: number;
  /** Bytes appended so far, written or not. */
  private size = 0;
  /** Bytes written to the file: what was appended after them waits in `pending`. */
  private written = 0;
  /** The bytes appended and not written yet (`size - written` of them), made when first needed. */
  private pending: Buffer | undefined;
  /** A segment read back in one piece is read here (`pieces`). */
  private scratch: Buffer | undefined;
  /**
   * Bytes read ahead: `ahead[0, aheadBytes)` holds the file's bytes from `aheadStart`. Written
   * bytes never change (the file is only appended to), so what it holds stays true.
   */
  private ahead: Buffer | undefined;
  private aheadStart = 0;
  private aheadBytes = 0;
  /** Where the last segment read back in one piece ended: the next one starting there is read ahead. */
  private readEnd = -1;
  /** The file's name while it is still on disk (where it could not be unlinked at once). */
  private file: string | null = null;

  /** Makes the file in `dir` (the system's temporary folder by default); throws a `SpillError`. */
  constructor(private readonly dir = os.tmpdir()) {
    const file = path.join(dir, `attache-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
    try {
      this.fd = fs.openSync(file, 'wx+', 0o600);
    } catch (e) {
      throw this.failed('cannot make a temporary file', e);
    }
    try {
      fs.unlinkSync(file);
    } catch {
      this.file = file;
      removeAtExit(file);
    }
  }

  private failed(what: string, e: unknown): SpillError {
    const why = (e as NodeJS.ErrnoException)?.code ?? String(e);
    return new SpillError(`${what} in ${this.dir} (${why}); set TMPDIR to a folder with room`);
  }

  /** Bytes written so far. */
  get bytes(): number {
    return this.size;
  }

  /**
   * Appends what `write` gives its sink; returns where it went. The text is encoded into a 1 MB
   * buffer (`BUFFERED`), written when full, by `flush`, or before anything is read back: no
   * system call per part, and each part's UTF-8 made once (its length is what the buffer took).
   */
  segment(write: (sink: (s: string) => void) => void): Segment {
    const start = this.size;
    write((s) => {
      // A UTF-16 code unit is at most 3 bytes of UTF-8: a part that surely fits is encoded in place.
      const pending = (this.pending ??= Buffer.allocUnsafe(BUFFERED));
      let used = this.size - this.written;
      if (used + 3 * s.length > BUFFERED) {
        this.flush();
        used = 0;
      }
      if (3 * s.length <= BUFFERED) this.size += pending.write(s, used, 'utf8');
      else this.writeNow(s);
    });
    return { start, bytes: this.size - start };
  }

  /**
   * `segment` for bytes: what `write` hands its sink (`buf[0, n)`, copied) is appended, in the
   * same 1 MB buffer.
   */
  segmentBytes(write: (sink: (buf: Uint8Array, n: number) => void) => void): Segment {
    const start = this.size;
    write((buf, n) => {
      const pending = (this.pending ??= Buffer.allocUnsafe(BUFFERED));
      if (this.size - this.written + n > BUFFERED) this.flush();
      if (n <= BUFFERED) {
        pending.set(n === buf.length ? buf : buf.subarray(0, n), this.size - this.written);
        this.size += n;
      } else this.writeBytesNow(buf, n);
    });
    return { start, bytes: this.size - start };
  }

  /** Writes `buf[0, n)` at once (`pending` empty). */
  private writeBytesNow(buf: Uint8Array, n: number): void {
    try {
      for (let done = 0; done < n; ) done += fs.writeSync(this.fd, buf, done, n - done, this.size + done);
    } catch (e) {
      throw this.failed('cannot write a temporary file', e);
    }
    this.size += n;
    this.written = this.size;
  }

  /** Writes a large part at once (`pending` empty). */
  private writeNow(s: string): void {
    const bytes = Buffer.byteLength(s, 'utf8');
    try {
      // Written from the string (no Buffer: a big article's parts would be that much more memory
      // waiting for the collector); the rest of a short write, if any, from its bytes.
      let done = fs.writeSync(this.fd, s, this.size, 'utf8');
      if (done < bytes) {
        const b = Buffer.from(s, 'utf8');
        while (done < bytes) done += fs.writeSync(this.fd, b, done, bytes - done, this.size + done);
      }
    } catch (e) {
      throw this.failed('cannot write a temporary file', e);
    }
    this.size += bytes;
    this.written = this.size;
  }

  /** Writes what was appended and is not written yet (a `SpillError` when it cannot). */
  flush(): void {
    const bytes = this.size - this.written;
    if (!bytes || !this.pending) return;
    try {
      for (let done = 0; done < bytes; ) done += fs.writeSync(this.fd, this.pending, done, bytes - done, this.written + done);
    } catch (e) {
      throw this.failed('cannot write a temporary file', e);
    }
    this.written = this.size;
  }

  /** Hands a segment's text to `out` in pieces of about 64 KB (never splitting a character). */
  read(seg: Segment, out: (s: string) => void): void {
    for (const s of this.pieces(seg)) out(s);
  }

  /** A segment's text in pieces of about 64 KB, read as they are asked for. */
  *pieces(seg: Segment): Generator<string> {
    if (seg.bytes <= READ) {
      // One piece: read whole and decoded at once (no character is split).
      const buf = this.onePiece(seg);
      if (buf) yield buf.toString('utf8', this.pieceStart, this.pieceStart + seg.bytes);
      return;
    }
    const decoder = new StringDecoder('utf8');
    for (const [buf, n] of this.chunks(seg)) {
      const s = decoder.write(n === buf.length ? buf : buf.subarray(0, n));
      if (s) yield s;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  }

  /**
   * Hands a segment's bytes to `out` (`buf[start, end)`, to be copied), read as `pieces` reads
   * them but never decoded: for a document written as bytes (`writeJson`'s `bytes`).
   */
  readBytes(seg: Segment, out: (buf: Uint8Array, start: number, end: number) => void): void {
    if (seg.bytes <= READ) {
      const buf = this.onePiece(seg);
      if (buf) out(buf, this.pieceStart, this.pieceStart + seg.bytes);
      return;
    }
    for (const [buf, n] of this.chunks(seg)) out(buf, 0, n);
  }

  /** Where in the buffer `onePiece` returned the segment starts. */
  private pieceStart = 0;

  /**
   * A segment of up to `READ` bytes, read whole into a buffer: returned, its bytes from
   * `pieceStart`; undefined when it is empty. Read ahead when it follows the last one read
   * (segments read back in the order written), else into the scratch buffer alone (the partitions
   * of crossArticle.ts are read out of order).
   */
  private onePiece(seg: Segment): Buffer | undefined {
    if (seg.start + seg.bytes > this.written) this.flush();
    const end = seg.start + seg.bytes;
    const sequential = seg.start === this.readEnd;
    this.readEnd = end;
    if (!seg.bytes) return undefined;
    if (seg.start >= this.aheadStart && end <= this.aheadStart + this.aheadBytes) {
      this.pieceStart = seg.start - this.aheadStart;
      return this.ahead!;
    }
    this.pieceStart = 0;
    if (sequential) {
      const buf = (this.ahead ??= Buffer.allocUnsafe(AHEAD));
      this.aheadBytes = 0;
      this.aheadStart = seg.start;
      this.aheadBytes = this.readAt(buf, Math.min(AHEAD, this.written - seg.start), seg.start, seg.bytes);
      return buf;
    }
    const buf = (this.scratch ??= Buffer.allocUnsafe(READ));
    this.readAt(buf, seg.bytes, seg.start, seg.bytes);
    return buf;
  }

  /** A segment longer than `READ`, read `READ` bytes at a time into one buffer: each `[buf, bytes read]`. */
  private *chunks(seg: Segment): Generator<[Buffer, number]> {
    if (seg.start + seg.bytes > this.written) this.flush();
    const buf = Buffer.allocUnsafe(READ);
    for (let at = 0; at < seg.bytes; ) {
      let n: number;
      try {
        n = fs.readSync(this.fd, buf, 0, Math.min(buf.length, seg.bytes - at), seg.start + at);
      } catch (e) {
        throw this.failed('cannot read a temporary file', e);
      }
      if (n <= 0) throw new SpillError(`a temporary file in ${this.dir} ended early`);
      at += n;
      yield [buf, n];
    }
  }

  /**
   * Reads up to `want` bytes at `position` into `buf` (from its start), at least `need` of them
   * (a `SpillError` if the file ends before); returns how many were read.
   */
  private readAt(buf: Buffer, want: number, position: number, need: number): number {
    let at = 0;
    while (at < want) {
      let n: number;
      try {
        n = fs.readSync(this.fd, buf, at, want - at, position + at);
      } catch (e) {
        throw this.failed('cannot read a temporary file', e);
      }
      if (n <= 0) break;
      at += n;
    }
    if (at < need) throw new SpillError(`a temporary file in ${this.dir} ended early`);
    return at;
  }

  /**
   * A segment's lines (without their line breaks; the last may have none), read as they are asked
   * for; with `end`, the records that end with it instead.
   */
  *lines(seg: Segment, end = '\n'): Generator<string> {
    let rest = '';
    for (const s of this.pieces(seg)) {
      let from = 0;
      for (let nl = s.indexOf(end); nl >= 0; nl = s.indexOf(end, from)) {
        yield rest + s.slice(from, nl);
        rest = '';
        from = nl + 1;
      }
      rest += s.slice(from);
    }
    if (rest) yield rest;
  }

  /** Closes the file (and removes it if it still has a name). Harmless twice. */
  close(): void {
    if (this.fd < 0) return;
    try {
      fs.closeSync(this.fd);
    } catch {
      /* already closed */
    }
    this.fd = -1;
    if (this.file) {
      fs.rmSync(this.file, { force: true });
      forget(this.file);
      this.file = null;
    }
  }
}
