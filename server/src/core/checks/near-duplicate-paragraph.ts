/**
 * `near-duplicate-paragraph`: a paragraph that is mostly the same as an earlier one of the same
 * article — an edited re-paste, a lede repeated with a changed word, a caption inside the body.
 *
 * Similarity is measured on word 5-shingles (sequences of five folded words): the Jaccard index
 * of the two shingle sets ≥ 0.8, or the shorter paragraph contained in the longer one (≥ 0.8 of
 * its shingles occur there). Exact repeats are left to `duplicate-paragraph`, and paragraphs
 * under six words are ignored. Candidates are found through an inverted index from shingle to
 * paragraph, so the cost grows with the text, not with the square of the number of paragraphs;
 * very common shingles (repeated boilerplate) stop being indexed after a bound for the same reason.
 */

import { Finding, finding } from '../types';
import type { CheckContext } from './index';
import { paragraphPrints } from './duplicate-paragraph';
import { LineNumbers, MIN_WORDS } from './text';

export const NEAR_DUPLICATE_THRESHOLD = 0.8;
/** A shingle shared by more paragraphs than this is not used to find candidates. */
const MAX_POSTINGS = 64;
const SHINGLE = 5;
/** Longer "paragraphs" (a pasted table, a minified blob) are not news paragraphs: skip them, bounding memory. */
const MAX_WORDS = 5000;

export function nearDuplicateParagraph(ctx: CheckContext): Finding[] {
  const { article } = ctx;
  const ps = article.paragraphs;
  const prints = paragraphPrints(article);
  const lines = new LineNumbers(article.text);
  // Words and 5-word shingles become small integers: no joined strings, no string-keyed maps.
  const words = new Map<string, number>();
  const table = SHARED_TABLE;
  table.clear();
  /**
   * Paragraphs per shingle: the first one in `firstIn` (most shingles occur in one paragraph
   * only: no list for them), the others in `postings` (the first included), made on the second.
   */
  const postings: number[][] = [];
  // The table also keeps, per shingle, the last paragraph that counted it (a paragraph counts a
  // shingle once) and the first that had it (`countedIn`, `firstIn`: read after `idOf`, which may
  // grow them).
  const sizes: number[] = [];
  /** Shingles shared with each earlier paragraph, and which entries are set (reset after use). */
  const sharedWith = new Int32Array(ps.length);
  const touched: number[] = [];
  const out: Finding[] = [];
  for (let j = 0; j < ps.length; j++) {
    const pj = prints[j];
    if (pj.words.length < MIN_WORDS || pj.words.length > MAX_WORDS || pj.first !== j) {
      // Short paragraphs are ignored; exact repeats belong to duplicate-paragraph, and their first
      // copy already stands for them as a candidate.
      sizes.push(0);
      continue;
    }
    const ids = table.wordIds(pj.words.length);
    for (let k = 0; k < pj.words.length; k++) {
      let id = words.get(pj.words[k]);
      if (id === undefined) words.set(pj.words[k], (id = words.size));
      ids[k] = id;
    }
    // Shingles in order of first occurrence, as a set of their texts would iterate them.
    let size = 0;
    for (let k = 0; k + SHINGLE <= pj.words.length; k++) {
      const sh = table.idOf(ids, k);
      const countedIn = table.countedIn;
      if (sh === table.newest) {
        // A shingle not seen before in this article.
        countedIn[sh] = j;
        table.firstIn[sh] = j;
        size++;
        continue;
      }
      if (countedIn[sh] === j) continue;
      countedIn[sh] = j;
      size++;
      let list = postings[sh];
      if (!list) {
        const i = table.firstIn[sh];
        if (sharedWith[i]++ === 0) touched.push(i);
        postings[sh] = [i, j];
        continue;
      }
      for (const i of list) if (sharedWith[i]++ === 0) touched.push(i);
      if (list.length < MAX_POSTINGS) list.push(j);
    }
    sizes.push(size);
    let best: { i: number; jaccard: number; containment: number; score: number } | null = null;
    for (const i of touched) {
      const c = sharedWith[i];
      sharedWith[i] = 0;
      const jaccard = c / (sizes[i] + size - c);
      const containment = c / Math.min(sizes[i], size);
      const score = Math.max(jaccard, containment);
      if (score >= NEAR_DUPLICATE_THRESHOLD && (!best || score > best.score || (score === best.score && i < best.i))) {
        best = { i, jaccard, containment, score };
      }
    }
    touched.length = 0;
    if (!best) continue;
    const other = ps[best.i];
    const line = lines.lineOf(other.start);
    const pct = (x: number): string => `${Math.round(x * 100)}%`;
    const contained = best.containment >= 0.995 ? 'contained' : 'mostly contained';
    const otherSize = sizes[best.i];
    let message: string;
    if (best.jaccard >= NEAR_DUPLICATE_THRESHOLD || Math.min(otherSize, size) >= 0.8 * Math.max(otherSize, size)) {
      // Paragraphs of similar length: one is an edited copy of the other.
      message = `This paragraph is mostly the same as the paragraph at line ${line}: Jaccard similarity ${best.jaccard.toFixed(2)} of their 5-word sequences, and ${pct(best.containment)} of the shorter one's occur in the other. Keep one of them.`;
    } else if (otherSize < size) {
      message = `The paragraph at line ${line} is ${contained} in this one: ${pct(best.containment)} of its 5-word sequences occur here. Delete the shorter copy if it was pasted by mistake.`;
    } else {
      message = `This paragraph is ${contained} in the paragraph at line ${line}: ${pct(best.containment)} of its 5-word sequences occur there. Delete it if it was pasted by mistake.`;
    }
    out.push(finding('near-duplicate-paragraph', ps[j].start, ps[j].end, message, {
      related: [{ path: ctx.path, start: other.start, end: other.end, message: 'The similar earlier paragraph' }],
    }));
  }
  return out;
}

/**
 * Distinct 5-word shingles (as word ids) → dense shingle ids, in an open-addressing hash table
 * over typed arrays. Equal ids mean equal word sequences: the table compares all five words.
 */
class ShingleTable {
  private cap = 1024;
  private slots = new Int32Array(this.cap).fill(-1);
  private keys = new Int32Array(this.cap * SHINGLE);
  private count = 0;
  /** The id `idOf` gave last when it was a new shingle (else -1). */
  newest = -1;
  /** Per shingle id, for the caller: the last paragraph that counted it, the first that had it. */
  countedIn = new Int32Array(this.cap);
  firstIn = new Int32Array(this.cap);
  private ids = new Int32Array(256);

  /** A scratch array for `n` word ids (reused; valid until the next call). */
  wordIds(n: number): Int32Array {
    if (this.ids.length < n) this.ids = new Int32Array(Math.max(n, 2 * this.ids.length));
    return this.ids;
  }
  /** The slots in use, so `clear` costs what the last article used, not the table's capacity. */
  private used: number[] = [];

  /** Empties the table for the next article (one table serves them all: no allocation per article). */
  clear(): void {
    if (this.cap > 1 << 16) {
      // A huge article grew it: give the memory back.
      this.cap = 1024;
      this.slots = new Int32Array(this.cap).fill(-1);
      this.keys = new Int32Array(this.cap * SHINGLE);
      this.countedIn = new Int32Array(this.cap);
      this.firstIn = new Int32Array(this.cap);
      this.ids = new Int32Array(256);
    } else for (const h of this.used) this.slots[h] = -1;
    this.used.length = 0;
    this.count = 0;
  }

  idOf(ids: Int32Array, at: number): number {
    if (this.count * 2 >= this.cap) this.grow();
    const mask = this.cap - 1;
    for (let h = hash(ids, at) & mask; ; h = (h + 1) & mask) {
      const id = this.slots[h];
      if (id < 0) {
        const k = this.count * SHINGLE;
        for (let i = 0; i < SHINGLE; i++) this.keys[k + i] = ids[at + i];
        this.slots[h] = this.count;
        this.used.push(h);
        this.newest = this.count;
        return this.count++;
      }
      if (this.equals(id, ids, at)) {
        this.newest = -1;
        return id;
      }
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
    const countedIn = new Int32Array(this.cap);
    countedIn.set(this.countedIn);
    this.countedIn = countedIn;
    const firstIn = new Int32Array(this.cap);
    firstIn.set(this.firstIn);
    this.firstIn = firstIn;
    this.slots = new Int32Array(this.cap).fill(-1);
    this.used.length = 0;
    const mask = this.cap - 1;
    for (let id = 0; id < this.count; id++) {
      let h = hash(keys, id * SHINGLE) & mask;
      while (this.slots[h] >= 0) h = (h + 1) & mask;
      this.slots[h] = id;
      this.used.push(h);
    }
  }
}

const SHARED_TABLE = new ShingleTable();

function hash(ids: Int32Array, at: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < SHINGLE; i++) h = Math.imul(h ^ ids[at + i], 0x01000193) ^ (h >>> 15);
  return h >>> 0;
}
