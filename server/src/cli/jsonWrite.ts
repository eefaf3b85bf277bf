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
  constructor(readonly indent: string, readonly emit: (out: (s: string) => void) => void) {}

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
/** An array at least this long is written item by item; shorter ones (and objects without one) at once. */
const LONG = 64;

/**
 * Writes `JSON.stringify(value, null, 2)` to `out` in chunks of about 64 KB (no final newline);
 * with `indent`, the text that value has at a place of that indent inside a larger document.
 */
export function writeJson(value: unknown, out: (s: string) => void, indent = ''): void {
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

/**
 * An object's text as `JSON.stringify(…, null, 2)` writes it at `indent`, made field by field
 * without the object: `put` each field, then `take` the text (and the next object begins). The
 * text before a key's value is made once per key and writer, so one writer serves many objects:
 * the spill of `analyze --json` writes every field of every mention of a corpus this way.
 */
export class FieldWriter {
  private s = '';
  /** Per key, the text before its value: as the first field, and after another. */
  private readonly before = new Map<string, [string, string]>();
  private readonly fieldIndent: string;
  private readonly end: string;

  constructor(indent: string) {
    this.fieldIndent = `${indent}  `;
    this.end = `\n${indent}}`;
  }

  put(key: string, v: unknown): void {
    const t = fieldJson(v, this.fieldIndent);
    if (t === undefined) return;
    let before = this.before.get(key);
    if (before === undefined) this.before.set(key, (before = [`\n${this.fieldIndent}"${key}": `, `,\n${this.fieldIndent}"${key}": `]));
    this.s = this.s ? this.s + before[1] + t : before[0] + t;
  }

  take(): string {
    const s = this.s;
    this.s = '';
    return s ? `{${s}${this.end}` : '{}';
  }
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

function write(v: unknown, indent: string, w: (s: string) => void): void {
  if (v instanceof RawJson) {
    // Its line breaks are indented for one place: anywhere else the document would be wrong.
    if (v.indent !== indent) throw new Error(`RawJson made for indent ${v.indent.length}, written at ${indent.length}`);
    v.emit(w);
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
      write(item === undefined || typeof item === 'function' || typeof item === 'symbol' ? null : item, inner, w);
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
    write(x, inner, w);
    first = false;
  }
  w(first ? '{}' : `\n${indent}}`);
}
