/**
 * JSON documents written in pieces (#14 item 5: `analyze --json` of a 20 MB article held a 129 MB
 * string, and every mention's JSON object, at once). `writeJson` gives exactly the text
 * `JSON.stringify(value, null, 2)` gives, handed to `out` a chunk at a time; arrays that may be
 * long can be `LazyArray`s, whose items are made while they are written and dropped after, and
 * parts written earlier (to a temporary file, `spill.ts`) are `RawJson`s, streamed back in place.
 */

/**
 * An array whose items are `map(item)` of `items`, made when written (or by `toJSON`). `items` may
 * be any iterable that can be iterated again (e.g. read back from a temporary file each time).
 */
export class LazyArray<T, U> {
  constructor(private readonly items: Iterable<T>, private readonly map: (item: T) => U) {}

  *[Symbol.iterator](): Iterator<U> {
    for (const item of this.items) yield this.map(item);
  }

  /** What `JSON.stringify` writes for it: the mapped array. */
  toJSON(): U[] {
    return Array.from(this.items, this.map);
  }
}

/**
 * JSON text written earlier by `writeJson(value, out, indent)` with the `indent` of the place it
 * goes: `emit` hands it to its `out` again, in pieces (e.g. read back from a temporary file).
 */
export class RawJson {
  /**
   * `emitBytes`, when given, hands the same text as UTF-8 (`buf[start, end)`, copied by the
   * sink): a document written as bytes (`writeJson`'s `bytes`) then copies it without decoding
   * it into strings and encoding it again.
   */
  constructor(readonly indent: string, readonly emit: (out: (s: string) => void) => void, readonly emitBytes?: (out: ByteRange) => void) {}

  /** What `JSON.stringify` writes for it: the value the text stands for. */
  toJSON(): unknown {
    let s = '';
    this.emit((x) => (s += x));
    return JSON.parse(s);
  }
}

/** What `JSON.stringify` escapes in a string: quote, backslash, control characters, and (lone) surrogates. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * `JSON.stringify(s)` for a string: one that needs no escape (nearly every field and message of a
 * report) is quoted as it is, which costs a third of the native serializer's call on a message.
 * Any surrogate, even a well-paired one, goes to the serializer (it escapes lone ones).
 */
export function jsonString(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

/** Pieces smaller than this are collected before they go to `out`. */
const CHUNK = 1 << 16;
/** The buffer of a chunk written as bytes: a chunk of text (3 bytes a code unit at most) and a piece more. */
const CHUNK_BYTES = 4 * CHUNK;
/** An array at least this long is written item by item; shorter ones (and objects without one) at once. */
const LONG = 64;

/** Bytes handed on: `buf[start, end)`, which the receiver copies if it keeps them. */
export type ByteRange = (buf: Uint8Array, start: number, end: number) => void;

/** Where a document written as bytes goes: UTF-8 chunks, each the receiver's to keep. */
export type ByteSink = (chunk: Uint8Array) => void;

/**
 * Writes `JSON.stringify(value, null, 2)` to `out` in chunks of about 64 KB (no final newline);
 * with `indent`, the text that value has at a place of that indent inside a larger document.
 * With `bytes`, the same text goes there instead, as UTF-8 chunks (`out` unused): parts already
 * held as bytes (`RawJson.emitBytes`, e.g. read back from a temporary file) are copied as they are.
 */
export function writeJson(value: unknown, out: (s: string) => void, indent = '', bytes?: ByteSink): void {
  if (bytes) {
    const c = new ChunkWriter(bytes);
    write(value, indent, c.text, c.bytes);
    c.end();
    return;
  }
  let buf = '';
  const w = (s: string): void => {
    buf += s;
    if (buf.length >= CHUNK) {
      out(buf);
      buf = '';
    }
  };
  write(value, indent, w);
  if (buf) out(buf);
}

/** A chunk's buffer: not zeroed (256 KB zeroed for each 64 KB chunk cost more than writing it). */
function newChunk(): Uint8Array {
  return Buffer.allocUnsafe(CHUNK_BYTES);
}

/**
 * The UTF-8 chunks of `writeJson`'s `bytes`: the pieces of text gathered in a string and encoded
 * some 64 KB at a time (one call, not one per piece), bytes copied in between; each chunk handed
 * on is a buffer of its own (a stream may still hold it after the call).
 */
class ChunkWriter {
  private s = '';
  private buf = newChunk();
  private n = 0;

  constructor(private readonly out: ByteSink) {}

  readonly text = (s: string): void => {
    this.s += s;
    if (this.s.length >= CHUNK) this.encode();
  };

  readonly bytes: ByteRange = (b, start, end) => {
    this.encode();
    const len = end - start;
    if (len >= CHUNK) {
      // Passed on as a chunk of its own, after what the buffer holds.
      this.hand();
      // A copy (a Buffer's `slice` would share the caller's memory).
      const copy = new Uint8Array(len);
      copy.set(b.subarray(start, end));
      this.out(copy);
    } else {
      if (this.n + len > this.buf.length) this.hand();
      this.buf.set(b.subarray(start, end), this.n);
      this.n += len;
      if (this.n >= CHUNK) this.hand();
    }
  };

  /** The text gathered, encoded into the buffer (a UTF-16 code unit is at most 3 bytes). */
  private encode(): void {
    const s = this.s;
    if (!s) return;
    this.s = '';
    if (this.n + 3 * s.length > this.buf.length) this.hand();
    if (3 * s.length > this.buf.length) this.out(UTF8.encode(s));
    else {
      this.n += UTF8.encodeInto(s, this.buf.subarray(this.n)).written;
      if (this.n >= CHUNK) this.hand();
    }
  }

  private hand(): void {
    if (!this.n) return;
    this.out(this.buf.subarray(0, this.n));
    this.buf = newChunk();
    this.n = 0;
  }

  end(): void {
    this.encode();
    this.hand();
  }
}

/**
 * The text `JSON.stringify(v, null, 2)` gives for the value of an object's field or an array's
 * item at a place of indent `indent` (its inner lines indented by it, as `writeJson` writes it),
 * or undefined for what JSON leaves out of an object (undefined, a function, a symbol). Strings,
 * numbers, booleans, null and arrays of strings (most fields of a report) are written here; any
 * other value by the native serializer, re-indented.
 */
export function fieldJson(v: unknown, indent: string): string | undefined {
  switch (typeof v) {
    case 'string':
      return jsonString(v);
    case 'number':
      return Number.isFinite(v) ? String(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (v === null) return 'null';
  if (Array.isArray(v) && v.every(isString)) {
    if (!v.length) return '[]';
    const inner = `${indent}  `;
    let s = '[';
    for (let k = 0; k < v.length; k++) s += `${k ? ',' : ''}\n${inner}${jsonString(v[k])}`;
    return `${s}\n${indent}]`;
  }
  const s = JSON.stringify(v, null, 2);
  return indent && s.includes('\n') ? s.replace(/\n/g, `\n${indent}`) : s;
}

function isString(x: unknown): boolean {
  return typeof x === 'string';
}

function isLong(v: unknown): boolean {
  return v instanceof LazyArray || v instanceof RawJson || (Array.isArray(v) && v.length >= LONG);
}

/** Whether `v` holds a long array somewhere below it (then it is written piece by piece). */
function holdsLong(v: unknown): boolean {
  if (isLong(v)) return true;
  if (v === null || typeof v !== 'object') return false;
  for (const x of Array.isArray(v) ? v : Object.values(v as object)) if (holdsLong(x)) return true;
  return false;
}

function write(v: unknown, indent: string, w: (s: string) => void, wb?: ByteRange): void {
  if (v instanceof RawJson) {
    // Its line breaks are indented for one place: anywhere else the document would be wrong.
    if (v.indent !== indent) throw new Error(`RawJson made for indent ${v.indent.length}, written at ${indent.length}`);
    if (wb && v.emitBytes) v.emitBytes(wb);
    else v.emit(w);
    return;
  }
  if (!holdsLong(v)) {
    // Small parts go through the native serializer, re-indented to their depth.
    const s = JSON.stringify(v, null, 2) ?? 'null';
    w(indent && s.includes('\n') ? s.replace(/\n/g, `\n${indent}`) : s);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(v) || v instanceof LazyArray) {
    let first = true;
    for (const item of v as Iterable<unknown>) {
      w(first ? `[\n${inner}` : `,\n${inner}`);
      // As JSON.stringify has it: what has no JSON form is null inside an array.
      write(item === undefined || typeof item === 'function' || typeof item === 'symbol' ? null : item, inner, w, wb);
      first = false;
    }
    w(first ? '[]' : `\n${indent}]`);
    return;
  }
  let first = true;
  for (const [key, x] of Object.entries(v as object)) {
    // … and a property without one is left out.
    if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
    w(`${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `);
    write(x, inner, w, wb);
    first = false;
  }
  w(first ? '{}' : `\n${indent}}`);
}

/** A string's code units as bytes (ASCII text only: the fixed pieces of a document). */
function asciiBytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

const UTF8 = new TextEncoder();

/**
 * An object's text as `JSON.stringify(…, null, 2)` writes it at `indent`, made field by field
 * without the object, as UTF-8 bytes into a buffer of its own: the objects
 * of a list (`open`, `put` each field, `close`) and the text between them (`ascii`), then `drain`
 * hands the bytes on. A string value with nothing to escape, ASCII only (nearly every field of a
 * mention), is copied code unit by code unit, a small integer written digit by digit, a key's text
 * before its value is made once: no string per field or per object, nothing for the collector
 * (the spill of `analyze --json` writes every mention of a corpus this way). Anything else goes
 * through `fieldJson`.
 */
export class ByteFieldWriter {
  /** The bytes written and not drained: `buf[0, n)`. */
  buf = new Uint8Array(1 << 16);
  n = 0;
  private fields = 0;
  /**
   * The keys seen, and per key the bytes before its value: as the first field (`first`), and
   * after another (`next`). Objects of a list have their keys in one order, so the key after the
   * last one found (`hint`) is tried first: no hashing per field.
   */
  private readonly keys: string[] = [];
  private readonly first: Uint8Array[] = [];
  private readonly next: Uint8Array[] = [];
  private hint = 0;
  private readonly fieldIndent: string;
  private readonly end: Uint8Array;

  constructor(indent: string) {
    this.fieldIndent = `${indent}  `;
    this.end = asciiBytes(`\n${indent}}`);
  }

  /** Room for `bytes` more bytes. */
  private room(bytes: number): Uint8Array {
    if (this.n + bytes > this.buf.length) {
      const bigger = new Uint8Array(Math.max(this.n + bytes, 2 * this.buf.length));
      bigger.set(this.buf.subarray(0, this.n));
      this.buf = bigger;
    }
    return this.buf;
  }

  private bytes(b: Uint8Array): void {
    // Copied by hand: a key's dozen bytes cost less than `set`'s call.
    const buf = this.room(b.length);
    let n = this.n;
    for (let i = 0; i < b.length; i++) buf[n++] = b[i];
    this.n = n;
  }

  /** Appends `s`, which must be ASCII (a fixed piece of the document). */
  ascii(s: string): void {
    const buf = this.room(s.length);
    let n = this.n;
    for (let i = 0; i < s.length; i++) buf[n++] = s.charCodeAt(i);
    this.n = n;
  }

  /** Appends any text, as UTF-8. */
  text(s: string): void {
    const buf = this.room(3 * s.length);
    this.n += UTF8.encodeInto(s, buf.subarray(this.n)).written;
  }

  /** An object begins. */
  open(): void {
    this.fields = 0;
  }

  put(key: string, v: unknown): void {
    const start = this.n;
    let k = this.hint;
    if (this.keys[k] !== key) {
      k = this.keys.indexOf(key);
      if (k < 0) {
        k = this.keys.push(key) - 1;
        this.first.push(asciiBytes(`{\n${this.fieldIndent}"${key}": `));
        this.next.push(asciiBytes(`,\n${this.fieldIndent}"${key}": `));
      }
    }
    this.hint = k + 1;
    this.bytes(this.fields ? this.next[k] : this.first[k]);
    if (typeof v === 'string') this.string(v);
    else if (typeof v === 'number') {
      if (Number.isFinite(v)) this.number(v);
      else this.ascii('null');
    } else if (typeof v === 'boolean') this.ascii(v ? 'true' : 'false');
    else if (Array.isArray(v) && v.every(isString)) this.strings(v);
    else {
      const t = fieldJson(v, this.fieldIndent);
      if (t === undefined) {
        // What JSON leaves out of an object: no field.
        this.n = start;
        return;
      }
      this.text(t);
    }
    this.fields++;
  }

  /** A finite number, as `String` (and `JSON.stringify`) writes it. */
  number(v: number): void {
    if (Number.isInteger(v) && v >= 0 && v < 0x40000000) this.count(v);
    // Digits, a sign, a point, an exponent: ASCII.
    else this.ascii(String(v));
  }

  /** A string value, as `jsonString` writes it. */
  string(s: string): void {
    if (!this.plainString(s)) this.text(jsonString(s));
  }

  /** An array of strings, as `fieldJson` writes it (a mention's candidates, nearly always none). */
  private strings(v: readonly string[]): void {
    if (!v.length) {
      this.ascii('[]');
      return;
    }
    const item = `\n${this.fieldIndent}  `;
    this.ascii('[');
    for (let k = 0; k < v.length; k++) {
      if (k) this.ascii(',');
      this.ascii(item);
      this.string(v[k]);
    }
    this.ascii(`\n${this.fieldIndent}]`);
  }

  /** `"s"` when `s` is ASCII with nothing to escape (false, nothing written, otherwise). */
  private plainString(s: string): boolean {
    const buf = this.room(s.length + 2);
    let n = this.n;
    buf[n++] = 34;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 32 || c > 126 || c === 34 || c === 92) return false;
      buf[n++] = c;
    }
    buf[n++] = 34;
    this.n = n;
    return true;
  }

  /** A non-negative integer, as `String` writes it. */
  private count(v: number): void {
    let digits = 1;
    for (let x = v; x >= 10; x = Math.floor(x / 10)) digits++;
    const buf = this.room(digits);
    let n = this.n + digits;
    this.n = n;
    let x = v;
    do {
      buf[--n] = 48 + (x % 10);
      x = Math.floor(x / 10);
    } while (x > 0);
  }

  /** The object ends: `{}` when it has no field. */
  close(): void {
    if (this.fields) this.bytes(this.end);
    else this.ascii('{}');
  }

  /** Appends `b[start, end)`. */
  copy(b: Uint8Array, start: number, end: number): void {
    const buf = this.room(end - start);
    buf.set(b.subarray(start, end), this.n);
    this.n += end - start;
  }

  /** Hands the bytes written to `out` (which copies what it keeps) and starts again. */
  drain(out: (buf: Uint8Array, n: number) => void): void {
    if (this.n) out(this.buf, this.n);
    this.n = 0;
  }
}
