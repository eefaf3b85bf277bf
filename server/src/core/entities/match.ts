/**
 * The matcher: one pass over an article's tokens, walking the trie from each token and keeping
 * the longest match (leftmost first). Raw matches carry every candidate target; deciding between
 * them (short mentions, offices, ambiguity) is `resolve.ts`'s job.
 */

import { EntityScanner, NAME_PARTICLES, isAllCaps, isCapitalCode, isNameGapUnits, Tokens } from './tokens';
import { EntityIndex, Target, TrieLike, MAX_FORM_TOKENS } from './trie';

export interface RawMatch {
  start: number;
  end: number;
  /** Index of the first and one past the last token. */
  t0: number;
  t1: number;
  targets: Target[];
}

/** Name particles written in either case (`al-Thani` / `Al Thani`, `bin` / `Bin`). */
const PARTICLES = NAME_PARTICLES;

/** The child of `node` for the token folded[s, e), trying its case variants; undefined if none. */
function step(node: TrieLike, units: Uint16Array, folded: string, s: number, e: number): TrieLike | undefined {
  if (!node.hasChildren()) return undefined;
  const exact = node.childIn(units, folded, s, e);
  if (exact || !mayBeVariant(folded, s, e)) return exact;
  return variantStep(node, folded.slice(s, e), folded, s, e);
}

/** `step` from the root, whose exact keys are found without a substring. */
function rootStep(index: EntityIndex, units: Uint16Array, folded: string, s: number, e: number): TrieLike | undefined {
  const exact = index.rootTable.findUnits(units, s, e);
  if (exact || !mayBeVariant(folded, s, e)) return exact;
  return variantStep(index.root, folded.slice(s, e), folded, s, e);
}

/** Whether `variantStep` can find anything: an all-caps token, or a particle. */
function mayBeVariant(folded: string, s: number, e: number): boolean {
  const c0 = folded.charCodeAt(s);
  const c1 = folded.charCodeAt(s + 1);
  return (c0 >= 65 && c0 <= 90 && c1 >= 65 && c1 <= 90 && s + 1 < e) || isParticleAt(folded, s, e);
}

/** The child for a case variant of `tok` (= folded[s, e)), when the token itself is no key. */
function variantStep(node: TrieLike, tok: string, folded: string, s: number, e: number): TrieLike | undefined {
  // Cheap tests first: this runs for every token that continues no name.
  const c0 = tok.charCodeAt(0);
  const c1 = tok.charCodeAt(1);
  if (c0 >= 65 && c0 <= 90 && c1 >= 65 && c1 <= 90 && isAllCaps(tok)) {
    // TOKYO → Tokyo, KISHIDA → Kishida (datelines, bylines, Japanese-government name style).
    const title = tok[0] + tok.slice(1).toLowerCase();
    const up = node.get(title);
    if (up) return up;
  }
  if (isParticleAt(folded, s, e)) {
    const lower = tok.toLowerCase();
    return node.get(lower) ?? node.get(lower[0].toUpperCase() + lower.slice(1));
  }
  return undefined;
}

/**
 * `PARTICLES` packed as by `packLower`, to recognize them without a substring. (Folded text has
 * no non-ASCII letter whose lower case is an ASCII particle letter, so ASCII is enough.)
 */
const PARTICLE_SLOTS = particleSlots();

/**
 * A small open-addressing table (64 slots, -1 empty) of the packs: a `Set.has` of a number is a
 * call into the runtime, and the kinds pass asks it of every short word starting like a particle
 * ("de", "the", "last").
 */
function particleSlots(): Int32Array {
  const slots = new Int32Array(64).fill(-1);
  for (const p of PARTICLES) {
    const pack = packLower(p, 0, p.length);
    let h = Math.imul(pack, 0x9e3779b1) >>> 26;
    while (slots[h] !== -1) h = (h + 1) & 63;
    slots[h] = pack;
  }
  return slots;
}

/** Whether `pack` (`packLower` of a word) is a particle's. */
function isParticlePack(slots: Int32Array, pack: number): boolean {
  if (pack < 0) return false;
  for (let h = Math.imul(pack, 0x9e3779b1) >>> 26; slots[h] !== -1; h = (h + 1) & 63) if (slots[h] === pack) return true;
  return false;
}

/**
 * The lower-case ASCII letters of s[from, to) packed 7 bits each, for words of at most 4 units;
 * -1 for anything longer or not ASCII letters.
 */
export function packLower(s: string, from: number, to: number): number {
  if (to - from > 4) return -1;
  let p = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) return -1;
    p = (p << 7) | c;
  }
  return p;
}


/**
 * Whether folded[s, e) is a name particle in either case (`isParticlePack` of `packLower(…)`):
 * two to four letters, whose first two (either case) rule out most tokens before anything is
 * packed and looked up.
 */
export function isParticleAt(folded: string, s: number, e: number): boolean {
  if (e - s < 2 || e - s > 4) return false;
  const c0 = folded.charCodeAt(s) | 0x20;
  const c1 = folded.charCodeAt(s + 1) | 0x20;
  return c0 < 0x80 && c1 < 0x80 && PARTICLE_PAIRS[(c0 << 7) | c1] === 1 && isParticlePack(PARTICLE_SLOTS, packLower(folded, s, e));
}

const PARTICLE_PAIRS = particlePairs();

function particlePairs(): Uint8Array {
  const pairs = new Uint8Array(1 << 14);
  for (const p of PARTICLES) pairs[(p.charCodeAt(0) << 7) | p.charCodeAt(1)] = 1;
  return pairs;
}

// Token kinds (bits of `tokenKinds`), each decided from the token's first code units alone.

/**
 * The trie walk may start at the token (`step(root, token)` can succeed), decided from its first
 * two code units and its length for ASCII tokens: an exact key (`rootStarts`), the title case of
 * an all-caps token, or a particle.
 */
export const K_START = 1;
/** Capitalized (`isCapitalCode` of its first unit). */
export const K_CAP = 2;
/** A name particle in either case (`isParticleAt`). */
export const K_PARTICLE = 4;
/** Five units or more starting "Al", "AL", "El" or "EL": the Arabic article joined to a name ("Aljaber", "ElSisi": `variants.ts`). */
export const K_JOINED = 8;
/** Starts with an ASCII digit. */
export const K_DIGIT = 16;
/** Inside a registry match (set by the unknown-name scan: `unknown.ts`). */
export const K_COVERED = 32;

/**
 * What the first two code units of an ASCII token tell, by `(c0 << 7) | c1` (`c1` = 0 for a token
 * of one unit): `K_CAP` and `K_DIGIT` as they are, and three bits `tokenKinds` clears: `PAIR_UPPER`
 * (both capitals: `TOKYO` may be `Tokyo`), `PAIR_PARTICLE` (the first two letters of a particle in
 * either case), `PAIR_JOINED` ("Al", "AL", "El", "EL"). One load instead of a branch per test.
 */
const PAIR_UPPER = K_START;
const PAIR_PARTICLE = K_PARTICLE;
const PAIR_JOINED = K_JOINED;
const PAIR_KINDS = pairKinds();

function pairKinds(): Uint8Array {
  const kinds = new Uint8Array(1 << 14);
  for (let c0 = 0; c0 < 128; c0++) {
    for (let c1 = 0; c1 < 128; c1++) {
      let k = 0;
      if (c0 >= 65 && c0 <= 90) {
        k = K_CAP;
        if (c1 >= 65 && c1 <= 90) k |= PAIR_UPPER;
      } else if (c0 >= 48 && c0 <= 57) k = K_DIGIT;
      if (PARTICLE_PAIRS[((c0 | 0x20) << 7) | (c1 | 0x20)] === 1) k |= PAIR_PARTICLE;
      if ((c0 === 65 || c0 === 69) && (c1 === 108 || c1 === 76)) k |= PAIR_JOINED;
      kinds[(c0 << 7) | c1] = k;
    }
  }
  return kinds;
}

/**
 * What each token of an article can be, decided once: the matcher, the short forms, the headline
 * and unknown-name scans each ask these of every token, and most tokens are none of them. In the
 * scanner's `kinds`, whose `units` hold `folded`: valid with its tokens.
 */
export function tokenKinds(folded: string, scanner: EntityScanner, index: EntityIndex): Uint8Array {
  // The tokenizer's boundaries (start, end, start…): one array read instead of two, and the
  // module's tables in locals, so that the optimized loop checks fewer of them per token.
  const { count, bounds, units } = scanner;
  if (scanner.kinds.length < count) scanner.kinds = new Uint8Array(Math.max(count, 2 * scanner.kinds.length));
  const kinds = scanner.kinds;
  const starts = index.rootStarts;
  const pairKinds = PAIR_KINDS;
  const particles = PARTICLE_SLOTS;
  // The bits in locals too (exported, each is a property load where tsc's CommonJS reads it).
  const kStart = K_START;
  const kCap = K_CAP;
  const kDigit = K_DIGIT;
  const kParticle = K_PARTICLE;
  const kJoined = K_JOINED;
  const pairUpper = PAIR_UPPER;
  const pairParticle = PAIR_PARTICLE;
  const pairJoined = PAIR_JOINED;
  for (let i = 0; i < count; i++) {
    const s = bounds[2 * i];
    const len = bounds[2 * i + 1] - s;
    const c0 = units[s];
    const c1 = len > 1 ? units[s + 1] : 0;
    let k: number;
    if ((c0 | c1) < 0x80) {
      const pair = (c0 << 7) | c1;
      const p = pairKinds[pair];
      k = p & (kCap | kDigit);
      // The ASCII cases of `isParticleAt`, and of the trie walk's start (see `K_START`).
      if ((p & pairParticle) !== 0 && len <= 4 && len >= 2 && isParticlePack(particles, packLower(folded, s, s + len))) k |= kParticle | kStart;
      else {
        const bit = 1 << ((len < 8 ? len : 8) - 1); // `rootLengthBit`
        if ((starts[pair] & bit) !== 0 || ((p & pairUpper) !== 0 && (starts[pair | 0x20] & bit) !== 0)) k |= kStart;
      }
      if ((p & pairJoined) !== 0 && len >= 5) k |= kJoined;
    } else {
      k = kStart;
      if (isCapitalCode(c0)) k |= kCap;
      else if (c0 >= 48 && c0 <= 57) k |= kDigit;
      if (isParticleAt(folded, s, s + len)) k |= kParticle;
      if (len >= 5 && (c0 === 65 || c0 === 69) && (c1 === 108 || c1 === 76)) k |= kJoined;
    }
    kinds[i] = k;
  }
  return kinds;
}

export function matchTokens(folded: string, tokens: Tokens, kinds: Uint8Array, index: EntityIndex): RawMatch[] {
  return matchRange(folded, tokens, kinds, index, 0, tokens.count, -1);
}

/**
 * The matches inside tokens [t0, t1) other than the one spanning them all: the organization or
 * country named inside an office mention ("Secretary General of NATO"). Longest first, leftmost.
 */
export function matchInside(folded: string, tokens: Tokens, kinds: Uint8Array, index: EntityIndex, t0: number, t1: number): RawMatch[] {
  return matchRange(folded, tokens, kinds, index, t0, t1, t0);
}

/** Longest matches, leftmost first, in tokens [from, to); none spanning [whole, to) (-1: no such rule). */
function matchRange(folded: string, tokens: Tokens, kinds: Uint8Array, index: EntityIndex, from: number, to: number, whole: number): RawMatch[] {
  const out: RawMatch[] = [];
  const { start, end, units } = tokens;
  const root = index.root;
  // Constants in locals: as compiled for Node (CommonJS) an exported or imported one is a
  // property load, checked at every token.
  const startBit = K_START;
  const maxTokens = MAX_FORM_TOKENS;
  let i = from;
  while (i < to) {
    if ((kinds[i] & startBit) === 0) {
      i++;
      continue;
    }
    let node: TrieLike | undefined = root;
    // The longest match so far: one past its last token, and its targets.
    let bestEnd = -1;
    let bestTargets: Target[] | undefined;
    for (let j = i; j < to && j - i < maxTokens; j++) {
      if (j > i && !isNameGapUnits(units, end[j - 1], start[j])) break;
      node = j === i ? rootStep(index, units, folded, start[j], end[j]) : step(node, units, folded, start[j], end[j]);
      if (!node) break;
      // Read once: a leaf's `targets` is a getter.
      const targets = node.targets;
      if (targets && !(i === whole && j + 1 === to)) {
        bestEnd = j + 1;
        bestTargets = targets;
      }
    }
    if (bestTargets) {
      out.push({ start: start[i], end: end[bestEnd - 1], t0: i, t1: bestEnd, targets: bestTargets });
      i = bestEnd;
    } else i++;
  }
  return out;
}
