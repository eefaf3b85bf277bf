/**
 * How many articles of a corpus have each paragraph fingerprint, up to a small cap, in a compact
 * open-addressing table (typed arrays, about 20 bytes per distinct paragraph), so `attache reduce`
 * can keep in its workspace index only the paragraphs that occur often enough to be boilerplate.
 * Most paragraphs of a news corpus occur once; without this filter each would cost the index a
 * ring of its own (about a kilobyte).
 *
 * Keys are 60 bits of the 96-bit claim fingerprint. Two fingerprints sharing those bits are
 * counted together, which can only make a count too high: a paragraph is then kept although it
 * could have been dropped, never dropped when it counts.
 */

const EMPTY = 0;

export class FingerprintCount {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private n: Uint8Array;
  private used = 0;

  constructor(private readonly cap: number, capacity = 1 << 16) {
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.n = new Uint8Array(capacity);
  }

  /** Counts one more article with `fp` (a claim fingerprint: base64url, at least 10 characters). */
  add(fp: string): void {
    const [h, l] = key(fp);
    this.addKey(h, l);
  }

  /** The count of `fp`, at most `cap`. */
  get(fp: string): number {
    const [h, l] = key(fp);
    return this.n[this.slot(h, l)];
  }

  /**
   * `add` of the fingerprint whose UTF-8 is `buf[from, to)`, keyed from its bytes (the same key
   * as its text's for a base64url fingerprint; for others, one key for `addBytes` and `getBytes`).
   */
  addBytes(buf: Uint8Array, from: number, to: number): void {
    this.addKey(byteKey(buf, from, to, 0), byteKey(buf, from, to, 5));
  }

  /** `get` of the fingerprint whose UTF-8 is `buf[from, to)` (as `addBytes` keys it). */
  getBytes(buf: Uint8Array, from: number, to: number): number {
    return this.n[this.slot(byteKey(buf, from, to, 0), byteKey(buf, from, to, 5))];
  }

  private addKey(h: number, l: number): void {
    const i = this.slot(h, l);
    if (this.n[i] === EMPTY) {
      this.hi[i] = h;
      this.lo[i] = l;
      this.n[i] = 1;
      if (++this.used * 2 > this.n.length) this.grow();
    } else if (this.n[i] < this.cap) this.n[i]++;
  }

  private slot(h: number, l: number): number {
    const mask = this.n.length - 1;
    let i = (Math.imul(h ^ l, 0x9e3779b1) >>> 0) & mask;
    while (this.n[i] !== EMPTY && (this.hi[i] !== h || this.lo[i] !== l)) i = (i + 1) & mask;
    return i;
  }

  private grow(): void {
    const { hi, lo, n } = this;
    this.hi = new Uint32Array(n.length * 2);
    this.lo = new Uint32Array(n.length * 2);
    this.n = new Uint8Array(n.length * 2);
    for (let j = 0; j < n.length; j++) {
      if (n[j] === EMPTY) continue;
      const i = this.slot(hi[j], lo[j]);
      this.hi[i] = hi[j];
      this.lo[i] = lo[j];
      this.n[i] = n[j];
    }
  }
}

/** Each base64url character's six bits by its code unit (others: 0). */
const SIX_BITS = new Uint8Array(128);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('').forEach((c, i) => (SIX_BITS[c.charCodeAt(0)] = i));

/** The six bits of `fp`'s code unit at `i` (0 past its end or for another character). */
function sixBits(fp: string, i: number): number {
  const c = fp.charCodeAt(i);
  // NaN past the end fails the test, as a code unit beyond ASCII does.
  return c < 128 ? SIX_BITS[c] : 0;
}

/**
 * Two 30-bit numbers from the first ten base64url characters (other characters count as 0), read
 * by code unit from a table: a look-up of each one-character string in an object of 64 keys was
 * most of the time of the cross-article pass over paragraphs.
 */
function key(fp: string): [number, number] {
  let h = 0;
  let l = 0;
  for (let i = 0; i < 5; i++) h = h * 64 + sixBits(fp, i);
  for (let i = 5; i < 10; i++) l = l * 64 + sixBits(fp, i);
  return [h, l];
}

/** `key`'s half from the five characters at `at` of the fingerprint whose bytes are `buf[from, to)`. */
function byteKey(buf: Uint8Array, from: number, to: number, at: number): number {
  let v = 0;
  for (let i = from + at; i < from + at + 5; i++) {
    const b = i < to ? buf[i] : 0;
    v = v * 64 + (b < 128 ? SIX_BITS[b] : 0);
  }
  return v;
}
