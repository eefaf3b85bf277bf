/**
 * `near-duplicate-paragraph`'s first filter: which compared paragraphs of an article may share a
 * 5-word shingle with another one. Each compared paragraph's shingles are hashed from the hashes
 * of its words, which the fingerprint walk (`fingerprint` in text.ts) leaves behind: a run without
 * an article cache (the CLI) gathers them as `paragraphPrints` fingerprints the paragraphs, so
 * the filter reads no paragraph text or key a second time (docs/corpus.md, "Where the steady
 * state goes").
 */

import { FNV_OFFSET, FNV_PRIME, MIN_WORDS } from './text';

/** Words per shingle. */
export const SHINGLE = 5;
/** Longer "paragraphs" (a pasted table, a minified blob) are not news paragraphs: not compared, bounding memory. */
export const MAX_WORDS = 5000;

/** Whether a paragraph of `wordCount` words is compared (when it is the first copy of its text). */
export function comparedSize(wordCount: number): boolean {
  return wordCount >= MIN_WORDS && wordCount <= MAX_WORDS;
}

/** The hash of the shingle of `SHINGLE` words (or word ids) starting at `ids[at]`, unsigned. */
export function shingleHash(ids: Int32Array, at: number): number {
  let h = FNV_OFFSET;
  for (let k = at; k < at + SHINGLE; k++) h = Math.imul(h ^ ids[k], FNV_PRIME) ^ (h >>> 15);
  return h >>> 0;
}

/**
 * The shingle hashes of an article's compared paragraphs, added paragraph by paragraph in order
 * (`add`); `sharing` then says which of them share one. Reused from article to article (`reset`):
 * a run keeps one in its `CheckScratch` (scratch.ts).
 */
export class ShingleHashes {
  private hashes = new Int32Array(256);
  private count = 0;
  /** Per paragraph added: its index, and where its hashes end in `hashes`. */
  private owners = new Int32Array(64);
  private ends = new Int32Array(64);
  private paragraphs = 0;
  /**
   * `sharing`'s open-addressing table (slots `[0, cap)` in use per call), kept from call to call:
   * only `owner` needs clearing, since a slot's hash is read only when its owner is set. A very
   * long article gets its own.
   */
  private slotHashes = new Int32Array(256);
  private slotOwners = new Int32Array(256);

  reset(): this {
    this.count = 0;
    this.paragraphs = 0;
    return this;
  }

  /** Adds paragraph `j` (after the paragraphs added so far) by the hashes of its `words` words. */
  add(j: number, wordHashes: Int32Array, words: number): void {
    const shingles = words - SHINGLE + 1;
    if (this.hashes.length < this.count + shingles) this.hashes = grown(this.hashes, this.count + shingles);
    if (this.owners.length <= this.paragraphs) {
      this.owners = grown(this.owners, this.paragraphs + 1);
      this.ends = grown(this.ends, this.paragraphs + 1);
    }
    const hashes = this.hashes;
    let n = this.count;
    // Stored as Int32: the same bits as the unsigned hash.
    for (let s = 0; s < shingles; s++) hashes[n++] = shingleHash(wordHashes, s);
    this.count = n;
    this.owners[this.paragraphs] = j;
    this.ends[this.paragraphs++] = n;
  }

  /**
   * The paragraphs (of `paragraphCount`) that may share a shingle with another paragraph added
   * (and kept by `only`) (1 in the array), or null when none does. A paragraph left out shares no shingle with any
   * other (equal shingles hash alike); one marked may only collide, and the exact comparison then
   * finds nothing for it.
   */
  sharing(paragraphCount: number, only?: readonly { first: number }[]): Uint8Array | null {
    // `only`: the paragraphs added that are the first copy of their text are the ones compared.
    const kept = (p: number): boolean => !only || only[this.owners[p]].first === this.owners[p];
    let paragraphs = 0;
    for (let p = 0; p < this.paragraphs && paragraphs < 2; p++) if (kept(p)) paragraphs++;
    if (paragraphs < 2) return null;
    let sharing: Uint8Array | null = null;
    let cap = 16;
    while (cap < 2 * this.count) cap <<= 1;
    const mask = cap - 1;
    const big = cap > SHARING_SCRATCH_MAX;
    if (!big && this.slotOwners.length < cap) {
      this.slotHashes = new Int32Array(cap);
      this.slotOwners = new Int32Array(cap);
    } else if (!big) this.slotOwners.fill(0, 0, cap);
    const slotHashes = big ? new Int32Array(cap) : this.slotHashes;
    /** Paragraph + 1 holding the shingle of that slot; 0: empty. */
    const owner = big ? new Int32Array(cap) : this.slotOwners;
    const hashes = this.hashes;
    let from = 0;
    for (let p = 0; p < this.paragraphs; p++) {
      const j = this.owners[p];
      const to = this.ends[p];
      for (let s = kept(p) ? from : to; s < to; s++) {
        const sh = hashes[s];
        for (let x = sh & mask; ; x = (x + 1) & mask) {
          if (owner[x] === 0) {
            slotHashes[x] = sh;
            owner[x] = j + 1;
            break;
          }
          if (slotHashes[x] === sh) {
            if (owner[x] !== j + 1) {
              sharing ??= new Uint8Array(paragraphCount);
              sharing[owner[x] - 1] = 1;
              sharing[j] = 1;
            }
            break;
          }
        }
      }
      from = to;
    }
    return sharing;
  }
}

function grown(a: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(need, 2 * a.length));
  b.set(a);
  return b;
}

/** The largest table `sharing` keeps for the next call. */
const SHARING_SCRATCH_MAX = 1 << 16;
