/**
 * A read-only table from texts to lists of whole numbers, written into one `SharedArrayBuffer`
 * and read in place: how the `--jobs` workers get the per-registry tables the main thread built
 * (short and full forms of names, known name parts, office holders, office and event forms,
 * demonyms: entity numbers by text) without building them again. Keys are UTF-16 units in a pool, found through an open-addressing
 * hash table and compared in place.
 */

const HEADER = 4;

/** What `writeFlatTable` writes out: its keys, each with a value (a Map; a Set gives each key as its value). */
export interface TableSource<V> {
  readonly size: number;
  forEach(f: (value: V, key: string) => void): void;
}

/**
 * Writes `source` out, each key with the numbers `write` puts in `out` from `at` on (`length` of
 * them). Two passes over the source (sizes, then contents), straight into the shared memory.
 */
export function writeFlatTable<V>(source: TableSource<V>, length: (value: V) => number, write: (value: V, out: Int32Array, at: number) => void): SharedArrayBuffer {
  let units = 0;
  let values = 0;
  source.forEach((value, key) => {
    units += key.length;
    values += length(value);
  });
  const count = source.size;
  const slots = slotCount(count);
  const words = HEADER + 2 * count + (count + 1) + 2 * slots + values;
  const sab = new SharedArrayBuffer(4 * words + 2 * units + 2);
  new Int32Array(sab, 0, HEADER).set([count, slots, units, values]);
  const v = views(sab);
  let at = 0;
  let val = 0;
  let n = 0;
  source.forEach((value, key) => {
    v.keyStart[n] = at;
    v.keyLen[n] = key.length;
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < key.length; i++) {
      const u = key.charCodeAt(i);
      v.pool[at++] = u;
      h = Math.imul(h ^ u, 0x01000193);
    }
    v.valueStart[n] = val;
    write(value, v.values, val);
    val += length(value);
    putSlot(v.slots, v.slotHashes, h, n);
    n++;
  });
  v.valueStart[count] = val;
  return sab;
}

interface Views {
  count: number;
  keyStart: Int32Array;
  keyLen: Int32Array;
  valueStart: Int32Array;
  slots: Int32Array;
  slotHashes: Int32Array;
  values: Int32Array;
  pool: Uint16Array;
}

function views(sab: SharedArrayBuffer): Views {
  const [count, slots, units, values] = new Int32Array(sab, 0, HEADER);
  let at = 4 * HEADER;
  const take = (n: number): Int32Array => {
    const a = new Int32Array(sab, at, n);
    at += 4 * n;
    return a;
  };
  const keyStart = take(count);
  const keyLen = take(count);
  const valueStart = take(count + 1);
  const slotArray = take(slots);
  const slotHashes = take(slots);
  const valueArray = take(values);
  return { count, keyStart, keyLen, valueStart, slots: slotArray, slotHashes, values: valueArray, pool: new Uint16Array(sab, at, units + 1) };
}

/** Slots for a table of `entries`: a power of two, at most half full. */
export function slotCount(entries: number): number {
  let slots = 16;
  while (slots < 2 * entries) slots *= 2;
  return slots;
}

/** Entry `n`, whose hash is `h`, into the first free slot from `h` (slots hold n + 1; 0 is free). */
export function putSlot(slots: Int32Array, hashes: Int32Array, h: number, n: number): void {
  const mask = slots.length - 1;
  let i = h & mask;
  while (slots[i] !== 0) i = (i + 1) & mask;
  slots[i] = n + 1;
  hashes[i] = h;
}

/** FNV-1a over text[s, e). */
export function hashText(text: string, s: number, e: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = s; i < e; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** `hashText` of the code units units[s, e) (the same hash as of the text they hold). */
export function hashUnits(units: Uint16Array, s: number, e: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = s; i < e; i++) h = Math.imul(h ^ units[i], 0x01000193);
  return h;
}

/** A table `writeFlatTable` wrote, read in place. */
export class FlatTable {
  private readonly v: Views;
  private readonly mask: number;

  constructor(sab: SharedArrayBuffer) {
    this.v = views(sab);
    this.mask = this.v.slots.length - 1;
  }

  get size(): number {
    return this.v.count;
  }

  /** The number of `key` in the table, or -1. */
  find(key: string): number {
    const v = this.v;
    const h = hashText(key, 0, key.length);
    const len = key.length;
    for (let i = h & this.mask; v.slots[i] !== 0; i = (i + 1) & this.mask) {
      if (v.slotHashes[i] !== h) continue;
      const n = v.slots[i] - 1;
      if (v.keyLen[n] !== len) continue;
      const k = v.keyStart[n];
      let j = 0;
      while (j < len && v.pool[k + j] === key.charCodeAt(j)) j++;
      if (j === len) return n;
    }
    return -1;
  }

  has(key: string): boolean {
    return this.find(key) >= 0;
  }

  /** Key number `n`. */
  keyAt(n: number): string {
    const start = this.v.keyStart[n];
    return String.fromCharCode(...this.v.pool.subarray(start, start + this.v.keyLen[n]));
  }

  /** The list of key number `n` (a view into the shared memory: read it, do not keep it). */
  values(n: number): Int32Array {
    return this.v.values.subarray(this.v.valueStart[n], this.v.valueStart[n + 1]);
  }
}
