/**
 * Claims: what the cross-article checks need of one article, written compactly into each line of
 * `attache analyze --jsonl --emit-claims` so that `attache reduce` can run those checks over a
 * sharded corpus without the texts.
 *
 * `"claims": {"p": [[FINGERPRINT, START, END], …], "e": [[EVENT, MENTION, [[VALUE, START, END,
 * TEXT, UNCERTAIN?], …]], …], "m": {ENTITY: MENTIONS, …}}`
 *
 * - `p` (boilerplate): one entry per distinct paragraph of six words or more, the fingerprint
 *   being the first 16 characters (96 bits) of the base64url SHA-256 of the folded paragraph,
 *   with the range of its first occurrence. Hashing keeps a line's claims small whatever the
 *   paragraph length; two different paragraphs share a fingerprint with negligible probability.
 * - `e` (event-date-conflict): each event the article dates, with the text of its first dated
 *   mention and the dates given to it (offsets into this article's text).
 * - `m` (mention counts): linked mentions per registry id, summed by whoever needs workspace
 *   counts (the hover's "mentioned N times in the workspace").
 */

import * as crypto from 'node:crypto';
import { ArticleAnalysis } from '../core/analyze';
import { ArticleSummary, EventDateClaim, summarize, summaryOf } from '../core/workspace';

export interface Claims {
  p: [string, number, number][];
  e: [string, string, ([string, number, number, string] | [string, number, number, string, string])[]][];
  m: Record<string, number>;
}

/**
 * One-shot SHA-256 (`crypto.hash`, Node 20.12 and later): a run hashes every paragraph of every
 * article, and a `Hash` object per paragraph cost twice the hashing itself. Older Node versions
 * (the engines field allows 20.0) make the same digest through `createHash`.
 */
const sha256url: (key: string) => string = typeof crypto.hash === 'function'
  ? (key) => crypto.hash('sha256', key, 'base64url')
  : (key) => crypto.createHash('sha256').update(key).digest('base64url');

export function fingerprintHash(key: string): string {
  return sha256url(key).slice(0, 16);
}

/**
 * The key a `check` or `analyze` run keeps of a paragraph fingerprint for its cross-article checks
 * (the workspace index, or the on-disk pass): 96 bits of MurmurHash3 (x86, 128-bit) of the
 * fingerprint's UTF-16 code units, as 16 base64url characters like a claim's. These keys never
 * leave the run, so they need not be the claims' SHA-256 (`fingerprintHash`), which costs some
 * 1.2 µs a paragraph through the native binding where this costs a fraction of that; equal
 * paragraphs get equal keys, and two different ones share a key with probability about 2^-96.
 */
export function paragraphDigest(key: string): string {
  const n = key.length;
  let h1 = 0x9747b28c;
  let h2 = 0x9747b28c;
  let h3 = 0x9747b28c;
  let h4 = 0x9747b28c;
  // Blocks of 16 bytes: 8 code units, two to a 32-bit word (little-endian).
  const blocks = n >> 3;
  let i = 0;
  for (let b = 0; b < blocks; b++, i += 8) {
    let k1 = key.charCodeAt(i) | (key.charCodeAt(i + 1) << 16);
    let k2 = key.charCodeAt(i + 2) | (key.charCodeAt(i + 3) << 16);
    let k3 = key.charCodeAt(i + 4) | (key.charCodeAt(i + 5) << 16);
    let k4 = key.charCodeAt(i + 6) | (key.charCodeAt(i + 7) << 16);
    k1 = Math.imul(rotl(Math.imul(k1, C1), 15), C2);
    h1 ^= k1;
    h1 = (Math.imul(rotl(h1, 19) + h2, 5) + 0x561ccd1b) | 0;
    k2 = Math.imul(rotl(Math.imul(k2, C2), 16), C3);
    h2 ^= k2;
    h2 = (Math.imul(rotl(h2, 17) + h3, 5) + 0x0bcaa747) | 0;
    k3 = Math.imul(rotl(Math.imul(k3, C3), 17), C4);
    h3 ^= k3;
    h3 = (Math.imul(rotl(h3, 15) + h4, 5) + 0x96cd1c35) | 0;
    k4 = Math.imul(rotl(Math.imul(k4, C4), 18), C1);
    h4 ^= k4;
    h4 = (Math.imul(rotl(h4, 13) + h1, 5) + 0x32ac3b17) | 0;
  }
  // The tail: up to 7 code units (14 bytes), as MurmurHash3 mixes a tail of 14 bytes.
  const rest = n - i;
  if (rest > 0) {
    // A function of its own, not a closure over the key: no closure made per paragraph.
    if (rest > 6) h4 ^= Math.imul(rotl(Math.imul(unitOr0(key, i + 6, n), C4), 18), C1);
    if (rest > 4) h3 ^= Math.imul(rotl(Math.imul(unitOr0(key, i + 4, n) | (unitOr0(key, i + 5, n) << 16), C3), 17), C4);
    if (rest > 2) h2 ^= Math.imul(rotl(Math.imul(unitOr0(key, i + 2, n) | (unitOr0(key, i + 3, n) << 16), C2), 16), C3);
    h1 ^= Math.imul(rotl(Math.imul(unitOr0(key, i, n) | (unitOr0(key, i + 1, n) << 16), C1), 15), C2);
  }
  const len = 2 * n;
  h1 ^= len;
  h2 ^= len;
  h3 ^= len;
  h4 ^= len;
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  h1 = fmix(h1);
  h2 = fmix(h2);
  h3 = fmix(h3);
  h4 = fmix(h4);
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  return base64url96(h1, h2, h3);
}

const C1 = 0x239b961b;
const C2 = 0xab0e9789;
const C3 = 0x38b34ae5;
const C4 = 0xa1e38b93;

/** The code unit at `j`, or 0 past the end `n` (the tail's padding). */
function unitOr0(key: string, j: number, n: number): number {
  return j < n ? key.charCodeAt(j) : 0;
}

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The base64url alphabet's character codes. */
const B64 = Uint8Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', (c) => c.charCodeAt(0));

/** Three 32-bit words as 16 base64url characters (6 bits each, high bits first). */
function base64url96(a: number, b: number, c: number): string {
  return String.fromCharCode(
    B64[(a >>> 26) & 63], B64[(a >>> 20) & 63], B64[(a >>> 14) & 63], B64[(a >>> 8) & 63], B64[(a >>> 2) & 63],
    B64[((a & 3) << 4) | ((b >>> 28) & 15)], B64[(b >>> 22) & 63], B64[(b >>> 16) & 63], B64[(b >>> 10) & 63], B64[(b >>> 4) & 63],
    B64[((b & 15) << 2) | ((c >>> 30) & 3)], B64[(c >>> 24) & 63], B64[(c >>> 18) & 63], B64[(c >>> 12) & 63], B64[(c >>> 6) & 63], B64[c & 63],
  );
}

export function claimsOf(a: ArticleAnalysis): Claims {
  const s = summarize(a, fingerprintHash);
  const p: Claims['p'] = [];
  for (const [key, r] of s.paragraphs) p.push([key, r.start, r.end]);
  const e: Claims['e'] = [];
  for (const [id, ev] of s.events) {
    e.push([id, ev.mention, ev.values.map((v) => (v.uncertain ? [v.value, v.start, v.end, v.text, v.uncertain] : [v.value, v.start, v.end, v.text]))]);
  }
  const m: Record<string, number> = {};
  for (const x of a.entities) if (x.id) m[x.id] = (m[x.id] ?? 0) + 1;
  return { p, e, m };
}

/** The workspace summary of claims read back from a line; throws a message on a malformed value. */
export function summaryOfClaims(c: unknown): ArticleSummary {
  if (!c || typeof c !== 'object') throw new Error('claims must be an object');
  const { p, e } = c as Partial<Claims>;
  if (!Array.isArray(p) || !Array.isArray(e)) throw new Error('claims need "p" and "e" arrays');
  const paragraphs: [string, { start: number; end: number }][] = p.map((x) => {
    if (!Array.isArray(x) || typeof x[0] !== 'string' || !isOffset(x[1]) || !isOffset(x[2])) throw new Error('malformed paragraph claim');
    return [x[0], { start: x[1], end: x[2] }];
  });
  const events = e.map((x) => {
    if (!Array.isArray(x) || typeof x[0] !== 'string' || typeof x[1] !== 'string' || !Array.isArray(x[2])) throw new Error('malformed event claim');
    const dates: EventDateClaim[] = x[2].map((d) => {
      if (!Array.isArray(d) || typeof d[0] !== 'string' || !isOffset(d[1]) || !isOffset(d[2]) || typeof d[3] !== 'string') throw new Error('malformed event date claim');
      return { value: d[0], start: d[1], end: d[2], text: d[3], ...(typeof d[4] === 'string' ? { uncertain: d[4] } : {}) };
    });
    return { event: x[0], mention: x[1], dates };
  });
  return summaryOf(paragraphs, events);
}

function isOffset(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0;
}
