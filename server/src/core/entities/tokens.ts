/**
 * Tokens and typographic folding shared by the index and the matcher.
 *
 * Folding maps one UTF-16 unit to one unit (curly apostrophes → `'`, dashes → `-`, Latin letters
 * with diacritics → the base letter), so a folded text has the same length as the original and
 * every offset found in it is an offset in the original. A token is a maximal run of letters and
 * digits; everything else separates tokens, which is what makes `Georgia` not match inside
 * `Georgiaas` and `US` not match inside `USD`.
 */

import { partitionPoint } from '../search';

const FOLD = foldTable();

function foldTable(): Uint16Array {
  const fold = new Uint16Array(0x2100);
  for (let c = 0; c < fold.length; c++) {
    let f = c;
    if (c >= 0xc0 && c < 0x250) {
      const base = String.fromCharCode(c).normalize('NFD').charCodeAt(0);
      if (base < 0x80) f = base;
    }
    fold[c] = f;
  }
  for (const c of [0x2018, 0x2019, 0x201b, 0x2032, 0x02bc, 0x0060, 0x00b4]) fold[c] = 0x27; // apostrophes
  for (const c of [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212]) fold[c] = 0x2d; // dashes
  fold[0xa0] = 0x20;
  fold[0xdf] = 0xdf; // ß stays (it would fold to nothing useful)
  return fold;
}

export function foldCode(c: number): number {
  return c < 0x2100 ? FOLD[c] : c;
}

export function foldText(s: string): string {
  // Only non-ASCII characters can fold. Most registry forms are short and ASCII: a loop tells
  // faster than the regular expression; an article is one scan by the regular expression (a
  // literal here, not a module-level one: a global expression's `lastIndex` is state).
  if (s.length < 64 && isAscii(s)) return s;
  return s.replace(/[^\x00-\x7f]/g, (c) => String.fromCharCode(foldCode(c.charCodeAt(0))));
}

/**
 * Letters and digits, for the whole BMP (one lookup per character in the tokenizer's loop; a
 * few milliseconds to fill at load). Surrogates count as letters: astral letters (CJK extensions)
 * stay inside tokens.
 */
const WORD_RE = /[\p{L}\p{N}\p{M}]/u;
const WORD = byCode((c) => (c >= 0xd800 && c <= 0xdfff) || WORD_RE.test(String.fromCharCode(c)));

/** A table of one byte per BMP code unit: 1 where `test` holds. */
function byCode(test: (c: number) => boolean): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < table.length; c++) table[c] = test(c) ? 1 : 0;
  return table;
}

export function isWordCode(c: number): boolean {
  return WORD[c] === 1;
}

/** `WORD` of the folded character: the tokenizer reads unfolded text as if folded (`ʼ` → `'`). */
const FOLDED_WORD = byCode((c) => WORD[foldCode(c)] === 1);

/**
 * An article's tokens as parallel arrays of offsets into the folded text: no object and no
 * substring per token (an article has thousands; most are never looked at again). Read a token's
 * text with `tokenText` where it is needed. `units` holds the folded text's code units (index =
 * offset): the hot loops read a typed array, where `charCodeAt` checks the string's
 * representation at every call.
 */
export interface Tokens {
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Whether the tokenized range was all ASCII (then folding it changes nothing). */
  readonly ascii: boolean;
  /** The code units of the text (the folded text, once `foldUnits` has run), then a 0. */
  readonly units: Uint16Array;
}

/** Whether Node's UTF-16LE is this machine's order of a `Uint16Array` (x86 and ARM: little-endian). */
const NATIVE_UTF16 = typeof Buffer !== 'undefined' && new Uint16Array(new Uint8Array([1, 0]).buffer)[0] === 1;

/**
 * The scratch of entity recognition: an article's code units, tokens, token kinds (`tokenKinds`)
 * and paragraph token ranges (`paragraphTokens`), in arrays reused from article to article
 * (allocating typed arrays per article costs more than tokenizing it). One scanner per caller
 * (`RecognizeOptions.scanner`, else the index's own): nothing is shared between scanners, so
 * recognition with two scanners is re-entrant. What it holds is valid until its next article.
 */
export class EntityScanner implements Tokens {
  count = 0;
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  ascii = true;
  units = new Uint16Array(1024);
  /** The memory of `units` as a Buffer, to copy a string into it natively (null: no Buffer). */
  private unitBytes: Buffer | null = NATIVE_UTF16 ? Buffer.from(this.units.buffer) : null;
  /** The tokenizer's boundaries: each token's start then its end, token after token. */
  bounds = new Int32Array(2048);
  /** Bits of `tokenKinds`, per token. */
  kinds = new Uint8Array(1024);
  /** `paragraphTokens`. */
  ranges = new Int32Array(64);

  /** Copies `text`'s code units into `units` (grown as needed), followed by a 0. */
  setUnits(text: string): Uint16Array {
    const len = text.length;
    if (this.units.length <= len) {
      let n = this.units.length;
      while (n <= len) n *= 2;
      this.units = new Uint16Array(n);
      this.unitBytes = NATIVE_UTF16 ? Buffer.from(this.units.buffer) : null;
    }
    const u = this.units;
    if (this.unitBytes) this.unitBytes.write(text, 0, 'utf16le');
    else for (let i = 0; i < len; i++) u[i] = text.charCodeAt(i);
    u[len] = 0;
    return u;
  }

  /** Folds `units` in place over [0, length) (`foldText` of the text they hold). */
  foldUnits(length: number): void {
    const u = this.units;
    const fold = FOLD;
    // Eight units a round, tested together: most units of a non-ASCII article are ASCII, and the
    // optimized loop checks the arrays and the stack once a round rather than once a unit.
    let i = 0;
    for (; i + 8 <= length; i += 8) {
      if ((u[i] | u[i + 1] | u[i + 2] | u[i + 3] | u[i + 4] | u[i + 5] | u[i + 6] | u[i + 7]) < 0x80) continue;
      for (let k = i; k < i + 8; k++) {
        const c = u[k];
        if (c >= 0x80 && c < 0x2100) u[k] = fold[c];
      }
    }
    for (; i < length; i++) {
      const c = u[i];
      if (c >= 0x80 && c < 0x2100) u[i] = fold[c];
    }
  }

  /**
   * `foldText(text)` of the text `units` hold (`text.length` units): they are folded in place and
   * read back as a string natively, where `foldText`'s regular expression calls a function per
   * non-ASCII unit.
   */
  foldedText(text: string): string {
    this.foldUnits(text.length);
    return this.unitBytes ? this.unitBytes.toString('utf16le', 0, 2 * text.length) : foldText(text);
  }
}

/**
 * Tokens of a text, as they are in its folded form (folding keeps offsets and maps a character
 * to a word character only if it is one), so the text need not be folded first: into `scanner`,
 * whose `units` then hold the whole text as it is (`foldUnits` folds them). Valid until the
 * scanner's next text.
 */
export function tokenize(scanner: EntityScanner, text: string, from = 0, to = text.length): EntityScanner {
  const u = scanner.setUnits(text);
  // A token and the separator after it take two units at least; one spare slot.
  const cap = ((to - from + 1) >> 1) + 1;
  if (scanner.start.length < cap) {
    scanner.start = new Int32Array(cap);
    scanner.end = new Int32Array(cap);
  }
  // At most one boundary per unit, and the text's end.
  if (scanner.bounds.length < to - from + 2) scanner.bounds = new Int32Array(2 * (to - from + 2));
  const b = scanner.bounds;
  const word = FOLDED_WORD;
  // Branch-free: every position is written as the next boundary, and the count moves on only
  // where a token starts or ends (boundaries alternate: start, end, start…). Token boundaries are
  // too irregular for branch prediction, and this loop runs once per character of every article.
  // One array, eight units a round: the optimized loop checks each array's map and bounds and
  // the stack once a round, which cost more than the work itself with two arrays a unit.
  let n = 0;
  let prev = 0;
  let bits = 0;
  let i = from;
  for (; i + 8 <= to; i += 8) {
    const c0 = u[i], c1 = u[i + 1], c2 = u[i + 2], c3 = u[i + 3], c4 = u[i + 4], c5 = u[i + 5], c6 = u[i + 6], c7 = u[i + 7];
    const w0 = word[c0], w1 = word[c1], w2 = word[c2], w3 = word[c3], w4 = word[c4], w5 = word[c5], w6 = word[c6], w7 = word[c7];
    bits |= c0 | c1 | c2 | c3 | c4 | c5 | c6 | c7;
    b[n] = i;
    n += w0 ^ prev;
    b[n] = i + 1;
    n += w1 ^ w0;
    b[n] = i + 2;
    n += w2 ^ w1;
    b[n] = i + 3;
    n += w3 ^ w2;
    b[n] = i + 4;
    n += w4 ^ w3;
    b[n] = i + 5;
    n += w5 ^ w4;
    b[n] = i + 6;
    n += w6 ^ w5;
    b[n] = i + 7;
    n += w7 ^ w6;
    prev = w7;
  }
  for (; i < to; i++) {
    const c = u[i];
    const w = word[c];
    bits |= c;
    b[n] = i;
    n += w ^ prev;
    prev = w;
  }
  if (prev) b[n++] = to;
  // The readers want starts and ends apart: one step per token (a fifth of the units or fewer).
  const count = n >> 1;
  const start = scanner.start;
  const end = scanner.end;
  for (let k = 0; k < count; k++) {
    start[k] = b[2 * k];
    end[k] = b[2 * k + 1];
  }
  scanner.count = count;
  scanner.ascii = bits < 0x80;
  return scanner;
}

/**
 * The first token in [from, count) that starts at or after `offset` (`count` if none): a
 * galloping search, so that a paragraph costs the logarithm of its tokens, not one step per token.
 */
export function tokenFrom(start: Int32Array, from: number, count: number, offset: number): number {
  if (from >= count || start[from] >= offset) return from;
  // start[lo] < offset; find hi with start[hi] >= offset (or count).
  let lo = from;
  let step = 1;
  let hi = from + 1;
  while (hi < count && start[hi] < offset) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  if (hi > count) hi = count;
  return partitionPoint(lo + 1, hi, (i) => start[i] < offset);
}

/**
 * Each paragraph's tokens, as [first, one past the last] at 2 p and 2 p + 1: the tokens that start
 * inside it. The headline and unknown-name scans both go paragraph by paragraph; this finds the
 * ranges once. In the scanner's `ranges`: valid with its tokens.
 */
export function paragraphTokens(paragraphs: readonly { start: number; end: number }[], scanner: EntityScanner): Int32Array {
  const n = paragraphs.length;
  if (scanner.ranges.length < 2 * n) scanner.ranges = new Int32Array(Math.max(2 * n, 2 * scanner.ranges.length));
  const out = scanner.ranges;
  const { count, start } = scanner;
  let t = 0;
  for (let p = 0; p < n; p++) {
    t = tokenFrom(start, t, count, paragraphs[p].start);
    const e = tokenFrom(start, t, count, paragraphs[p].end);
    out[2 * p] = t;
    out[2 * p + 1] = e;
    t = e;
  }
  return out;
}

/** Whether `s` is one token of ASCII letters and digits (tokenizing it gives `s` itself). */
function isAsciiWord(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}

/** Whether s[from, to) is all ASCII. */
export function isAscii(s: string, from = 0, to = s.length): boolean {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

export function tokenText(folded: string, tokens: Tokens, i: number): string {
  return folded.slice(tokens.start[i], tokens.end[i]);
}

/** The folded texts of a string's tokens (registry forms). */
export function words(folded: string): string[] {
  // One word of ASCII letters and digits (most given and family names): itself, no tokenizing.
  if (isAsciiWord(folded)) return [folded];
  // The tokens as `tokenize` finds them, without a scanner (this runs while an index is built).
  const out: string[] = [];
  let s = -1;
  for (let i = 0; i <= folded.length; i++) {
    if (i < folded.length && FOLDED_WORD[folded.charCodeAt(i)] === 1) {
      if (s < 0) s = i;
    } else if (s >= 0) {
      out.push(folded.slice(s, i));
      s = -1;
    }
  }
  return out;
}

export function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

/** True for tokens like `TOKYO`, `KISHIDA` (two or more letters, no lower case). */
export function isAllCaps(t: string): boolean {
  if (t.length < 2) return false;
  let letters = 0;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (ch !== ch.toUpperCase()) return false;
    if (ch !== ch.toLowerCase()) letters++;
  }
  return letters >= 2;
}

export function isCapitalized(t: string): boolean {
  return isCapitalCode(t.charCodeAt(0));
}

/** Whether a token starting with this code unit is capitalized (see `isCapitalized`). */
export function isCapitalCode(c: number): boolean {
  if (isUpper(c)) return true;
  if (c <= 0x250) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}

/**
 * The gap between two tokens of one name: white space (a single line break allowed), hyphens,
 * apostrophes and the dots of initials. Anything else (commas, brackets, blank lines) ends a name.
 */
export function isNameGap(folded: string, from: number, to: number): boolean {
  if (to - from > 3) return false;
  let newlines = 0;
  for (let i = from; i < to; i++) {
    const c = folded.charCodeAt(i);
    if (c === 10) {
      if (++newlines > 1) return false;
    } else if (c === 0x2e) {
      // A dot belongs to a name only after an initial ("U.S.", "J. Smith"), never after a word.
      if (i !== from || from < 2 || isWordCode(folded.charCodeAt(from - 2))) return false;
    } else if (c !== 32 && c !== 9 && c !== 13 && c !== 0x2d && c !== 0x27) return false;
  }
  return true;
}

/** `isNameGap` of the text whose code units are `units`. */
export function isNameGapUnits(units: Uint16Array, from: number, to: number): boolean {
  if (to - from > 3) return false;
  let newlines = 0;
  for (let i = from; i < to; i++) {
    const c = units[i];
    if (c === 10) {
      if (++newlines > 1) return false;
    } else if (c === 0x2e) {
      if (i !== from || from < 2 || WORD[units[from - 2]] === 1) return false;
    } else if (c !== 32 && c !== 9 && c !== 13 && c !== 0x2d && c !== 0x27) return false;
  }
  return true;
}

/**
 * Name particles, in lower case: Arabic (al, el, bin, ibn, bint, abu), Dutch and German (van,
 * von, der, den, zu, ten, ter), French (de, du, le, la), Spanish, Portuguese and Italian (de, del,
 * da, do, dos, das, di). At most four letters (see `packLower`).
 */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'abu', 'de', 'van', 'von', 'der', 'den', 'zu', 'ten', 'ter',
  'da', 'do', 'di', 'la', 'le', 'du', 'dos', 'das', 'del']);
