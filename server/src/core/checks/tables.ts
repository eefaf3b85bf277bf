/**
 * The hash tables of `near-duplicate-paragraph` (word → id, 5-word shingle → id), over typed
 * arrays, and the run's scratch holding one of each (`NearScratch`).
 */

import { SHINGLE, shingleHash } from './sharing';

/**
 * Word → id for the keys of one article, read in place: an open-addressing table over typed
 * arrays that remembers where each word first occurred (key string, start, length). `reset`
 * empties it for the next article without clearing its arrays (a generation stamp per slot).
 */
export class WordTable {
  private gen = 0;
  private mask = 0;
  private stamps = new Int32Array(0);
  private hashes = new Int32Array(0);
  private slotIds = new Int32Array(0);
  private texts: string[] = [];
  private starts = new Int32Array(0);
  private lengths = new Int32Array(0);
  private count = 0;

  /** Empties the table for an article of at most `words` words. */
  reset(words: number): void {
    let cap = 16;
    while (cap < 2 * words + 2) cap <<= 1;
    if (cap > this.stamps.length || (this.stamps.length > 8 * cap && this.stamps.length > 4096)) {
      this.stamps = new Int32Array(cap);
      this.hashes = new Int32Array(cap);
      this.slotIds = new Int32Array(cap);
      this.starts = new Int32Array(cap);
      this.lengths = new Int32Array(cap);
      this.gen = 0;
    }
    this.mask = this.stamps.length - 1;
    if (++this.gen >= 0x7fffffff) {
      this.stamps.fill(0);
      this.gen = 1;
    }
    this.count = 0;
  }

  /** The id of the word `text[start, end)` (`hash` computed from its characters). */
  idOf(text: string, start: number, end: number, hash: number): number {
    const len = end - start;
    for (let x = hash & this.mask; ; x = (x + 1) & this.mask) {
      if (this.stamps[x] !== this.gen) {
        const id = this.count++;
        this.stamps[x] = this.gen;
        this.hashes[x] = hash;
        this.slotIds[x] = id;
        this.texts[id] = text;
        this.starts[id] = start;
        this.lengths[id] = len;
        return id;
      }
      if (this.hashes[x] !== hash) continue;
      const id = this.slotIds[x];
      if (this.lengths[id] !== len) continue;
      const other = this.texts[id];
      const at = this.starts[id];
      let k = 0;
      while (k < len && other.charCodeAt(at + k) === text.charCodeAt(start + k)) k++;
      if (k === len) return id;
    }
  }
}

/**
 * Distinct 5-word shingles (as word ids) → dense shingle ids, in an open-addressing hash table
 * over typed arrays. Equal ids mean equal word sequences: the table compares all five words.
 */
export class ShingleTable {
  private cap: number;
  private slots: Int32Array;
  private keys: Int32Array;
  private count = 0;

  /** `expected`: about how many shingles will be added (the table starts at twice that, 1024 at most; it grows as needed). */
  constructor(expected = 512) {
    let cap = 16;
    while (cap < 2 * expected && cap < 1024) cap <<= 1;
    this.cap = cap;
    this.slots = new Int32Array(cap).fill(-1);
    this.keys = new Int32Array(cap * SHINGLE);
  }

  /**
   * Empties the table for reuse (ids start again at 0), sized for `expected` shingles; its arrays
   * are kept unless far too small or far too large.
   */
  reset(expected: number): this {
    let cap = 16;
    while (cap < 2 * expected + 2) cap <<= 1;
    if (cap > this.cap || (this.cap > 8 * cap && this.cap > 4096)) {
      this.cap = cap;
      this.slots = new Int32Array(cap);
      this.keys = new Int32Array(cap * SHINGLE);
    }
    this.slots.fill(-1);
    this.count = 0;
    return this;
  }

  /** How many distinct shingles it holds (ids are 0 to size − 1). */
  get size(): number {
    return this.count;
  }

  idOf(ids: Int32Array, at: number): number {
    if (this.count * 2 >= this.cap) this.grow();
    const mask = this.cap - 1;
    for (let h = shingleHash(ids, at) & mask; ; h = (h + 1) & mask) {
      const id = this.slots[h];
      if (id < 0) {
        const k = this.count * SHINGLE;
        for (let i = 0; i < SHINGLE; i++) this.keys[k + i] = ids[at + i];
        this.slots[h] = this.count;
        return this.count++;
      }
      if (this.equals(id, ids, at)) return id;
    }
  }

  private equals(id: number, ids: Int32Array, at: number): boolean {
    const k = id * SHINGLE;
    for (let i = 0; i < SHINGLE; i++) if (this.keys[k + i] !== ids[at + i]) return false;
    return true;
  }

  private grow(): void {
    this.cap *= 2;
    const keys = new Int32Array(this.cap * SHINGLE);
    keys.set(this.keys.subarray(0, this.count * SHINGLE));
    this.keys = keys;
    this.slots = new Int32Array(this.cap).fill(-1);
    const mask = this.cap - 1;
    for (let id = 0; id < this.count; id++) {
      let h = shingleHash(keys, id * SHINGLE) & mask;
      while (this.slots[h] >= 0) h = (h + 1) & mask;
      this.slots[h] = id;
    }
  }
}

/**
 * The word and shingle tables and id buffers of a near-duplicate state that is not kept (a run
 * without an article cache), reused from article to article by whoever owns it (`CheckScratch`).
 */
export class NearScratch {
  readonly words = new WordTable();
  readonly shingles = new ShingleTable(8);
  ids = new Int32Array(256);
  out = new Int32Array(256);
}
