/**
 * The date scanner: a single pass over an article's characters that cuts it into word, number
 * and punctuation tokens, then a small hand-written parser that tries the date forms at each
 * token that can start one (a month or weekday name, a number, a handful of relative words).
 *
 * The scanner only finds expressions and what they say (`Expr`); giving them values against the
 * publication date is the job of `index.ts` (`resolve`). Numbers that are not dates are rejected here by their
 * surroundings: `$47 billion`, `90%`, `6.6`, `41st`, `2-state`, `04:52`, `G20`, `25,000`.
 */

import { MONTH_BY_NAME, WEEKDAY_BY_NAME } from '../calendar';

// Token kinds; 0 stands for "no token" (before the first or after the last).
/** Word (letters only). */
const W = 1;
/** Number (digits only). */
const N = 2;
/** Digits with letters (1990s, 41st, G20, Q3). */
const X = 3;
/** Punctuation: one character. */
const P = 4;

/** `to` (a bigger array) holding `from`'s values first. */
function grown<A extends Int32Array | Uint8Array>(from: A, to: A): A {
  to.set(from);
  return to;
}

/** Character kinds for the tokenizer, by code below 0x250 (all others are punctuation). */
const SPACE = 0;
const DIGIT = 1;
const ASCII_LETTER = 2;
const OTHER_LETTER = 3;
const PUNCT = 4;
const CHAR_KIND = new Uint8Array(0x250);
for (let c = 0; c < 0x250; c++) {
  CHAR_KIND[c] = c <= 32 || c === 0xa0 ? SPACE : isDigit(c) ? DIGIT : !isLetter(c) ? PUNCT : c < 128 ? ASCII_LETTER : OTHER_LETTER;
}

/**
 * Word classes, so the parser never lower-cases or looks up a word that cannot start a date:
 * 1..12 a month name or abbreviation, WEEKDAY_CLASS + 0..6 a weekday, KEYWORD_CLASS + i one of
 * `KEYWORDS`, UNIT_CLASS + i one of `NUMBER_UNITS`, REFERENCE_CLASS + i one of `NOT_BEFORE_NUMBER`
 * lower-cased. Matching is ASCII case-insensitive, which is
 * exactly `toLowerCase()` equality (and the `/i` flag) here: no letter the tokenizer accepts
 * outside ASCII lower-cases or case-folds to ASCII.
 */
const WEEKDAY_CLASS = 16;
const KEYWORD_CLASS = 32;
const UNIT_CLASS = 96;
const REFERENCE_CLASS = 128;
/** The words `tryAt` looks up in lower case, besides months and weekdays. */
const KEYWORDS = ['yesterday', 'today', 'tomorrow', 'last', 'next', 'this', 'early', 'late', 'mid', 'between', 'from',
  'a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'several', 'few'];
/** Words (any case) after which a number is a quantity, not a date part. */
const NUMBER_UNITS = ['percent', 'per', 'billion', 'million', 'trillion', 'thousand', 'magnitude', 'km', 'kilometres', 'kilometers', 'miles',
  'tons', 'tonnes', 'people', 'troops', 'soldiers', 'attendees', 'votes'];
/** Words before a number that make it a currency amount or a reference ("USD 5", "No. 5", "Article 9"), not a date part. */
const NOT_BEFORE_NUMBER = new Set(['USD', 'EUR', 'JPY', 'GBP', 'US', 'Article', 'article', 'No', 'no', 'page', 'Page', 'p', 'pp', 'vol', 'Vol',
  'issue', 'Issue', 'number', 'Number', 'Resolution', 'G']);

/** Keyword class → its lower-case word (an internalized constant, cheap to compare and look up). */
const CLASS_WORD: string[] = [];
/**
 * Lower-case hash → word and class, open addressing in typed arrays (a Map lookup per word was
 * a tenth of the tokenizer). Slot holds the hash, or -1 when free.
 */
const TABLE_SIZE = 512;
const TABLE_HASH = new Int32Array(TABLE_SIZE).fill(-1);
const TABLE_CLASS = new Uint8Array(TABLE_SIZE);
const TABLE_WORD: string[] = new Array<string>(TABLE_SIZE).fill('');
let MAX_CLASS_WORD = 0;

function wordHash(w: string): number {
  let h = 0;
  for (let i = 0; i < w.length; i++) h = (Math.imul(h, 31) + w.charCodeAt(i)) & 0x3fffffff;
  return h;
}

function addClass(w: string, c: number): void {
  const h = wordHash(w);
  let slot = h & (TABLE_SIZE - 1);
  while (TABLE_HASH[slot] !== -1) {
    if (TABLE_HASH[slot] === h) throw new Error(`date scanner: word hash collision for '${w}'`);
    slot = (slot + 1) & (TABLE_SIZE - 1);
  }
  TABLE_HASH[slot] = h;
  TABLE_CLASS[slot] = c;
  TABLE_WORD[slot] = w;
  CLASS_WORD[c] = w;
  if (w.length > MAX_CLASS_WORD) MAX_CLASS_WORD = w.length;
}
for (const [w, m] of MONTH_BY_NAME) addClass(w, m);
for (const [w, d] of WEEKDAY_BY_NAME) addClass(w, WEEKDAY_CLASS + d);
KEYWORDS.forEach((w, i) => addClass(w, KEYWORD_CLASS + i));
NUMBER_UNITS.forEach((w, i) => addClass(w, UNIT_CLASS + i));
// Only a prefilter for the exact-case NOT_BEFORE_NUMBER (one class for 'No' and 'no').
[...new Set([...NOT_BEFORE_NUMBER].map((w) => w.toLowerCase()))].forEach((w, i) => addClass(w, REFERENCE_CLASS + i));

/** The class of the ASCII word text[s, e) whose lower-case hash is h, or 0. */
function classOf(text: string, s: number, e: number, h: number): number {
  let slot = h & (TABLE_SIZE - 1);
  while (TABLE_HASH[slot] !== h) {
    if (TABLE_HASH[slot] === -1) return 0;
    slot = (slot + 1) & (TABLE_SIZE - 1);
  }
  const w = TABLE_WORD[slot];
  if (w.length !== e - s) return 0;
  for (let i = 0; i < w.length; i++) if ((text.charCodeAt(s + i) | 0x20) !== w.charCodeAt(i)) return 0;
  return TABLE_CLASS[slot];
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

export type ExprKind =
  | { type: 'ymd'; y: number; m: number; d: number; weekday?: { w: number; s: number; e: number } }
  | { type: 'md'; m: number; d: number; weekday?: { w: number; s: number; e: number } }
  | { type: 'ym'; y: number; m: number }
  | { type: 'm'; m: number; rel?: 'last' | 'next' | 'this' }
  | { type: 'y'; y: number }
  | { type: 'decade'; decade: number }
  | { type: 'range'; from: number; to: number }
  | { type: 'quarter'; y: number; q: number }
  | { type: 'rel'; unit: 'day' | 'week' | 'month' | 'year'; offset: number }
  | { type: 'weekday'; w: number; rel?: 'last' | 'next' | 'this' };

export interface Expr {
  start: number;
  end: number;
  kind: ExprKind;
}

/** Month abbreviations, which are followed by a dot that does not end the sentence. */
const ABBREVIATED_MONTHS = new Set(['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec']);

// Without a prototype, so words such as 'constructor' or 'toString' are not found in them.
const RELATIVE_UNITS: Record<string, 'day' | 'week' | 'month' | 'year'> = Object.assign(Object.create(null), {
  day: 'day', days: 'day', week: 'week', weeks: 'week', month: 'month', months: 'month', year: 'year', years: 'year',
});
const NUMBER_WORDS: Record<string, number> = Object.assign(Object.create(null), {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  several: NaN, few: NaN,
});
/** Words after which a bare four-digit number is a year. */
const YEAR_PREPOSITIONS = new Set(['in', 'In', 'since', 'Since', 'from', 'From', 'by', 'By', 'until', 'Until', 'till', 'before', 'Before',
  'after', 'After', 'of', 'during', 'During', 'between', 'to', 'and', 'or', 'through', 'early', 'late', 'mid', 'Early', 'Late', 'around', 'circa']);

const DOT = 46;
const COMMA = 44;
const HYPHEN = 45;
const COLON = 58;
const PERCENT = 37;

/** `[$€£¥.,:/]`: money before a number, or a separator inside a larger number, time or fraction. */
function isMoneyOrSeparator(c: number): boolean {
  return c === 36 || c === 0x20ac || c === 0xa3 || c === 0xa5 || c === DOT || c === COMMA || c === COLON || c === 47;
}

/** `[$€£¥]`. */
function isCurrency(c: number): boolean {
  return c === 36 || c === 0x20ac || c === 0xa3 || c === 0xa5;
}

const KW_LAST = KEYWORD_CLASS + KEYWORDS.indexOf('last');
const KW_NEXT = KEYWORD_CLASS + KEYWORDS.indexOf('next');
const KW_THIS = KEYWORD_CLASS + KEYWORDS.indexOf('this');

/**
 * Where a date can start: a digit, a month or weekday name (by prefix), a quarter, or one of the
 * relative words. Only windows of text around these are tokenized and parsed, so prose without
 * dates costs one regular-expression scan (faster here than a charCodeAt loop: irregexp skips
 * ahead on the first characters). One instance, reset by each call; never re-entered.
 */
const TRIGGER = /[0-9]|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|yesterday|Yesterday|today|Today|tomorrow|Tomorrow|ago|Q[1-4]|(?:last|next|this|Last|Next|This) (?:week|month|year))/g;

/** The letter alternatives of TRIGGER, by the code of their last character. */
const TRIGGERS_BY_LAST = new Map<number, string[]>();
for (const w of ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun',
  'yesterday', 'Yesterday', 'today', 'Today', 'tomorrow', 'Tomorrow', 'ago',
  ...['last', 'next', 'this', 'Last', 'Next', 'This'].flatMap((r) => ['week', 'month', 'year'].map((u) => `${r} ${u}`))]) {
  const c = w.charCodeAt(w.length - 1);
  TRIGGERS_BY_LAST.set(c, [...(TRIGGERS_BY_LAST.get(c) ?? []), w]);
}

/** `\w` of regular expressions, for the `\b` before TRIGGER's letter alternatives. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * Where the TRIGGER match that a search from `at` ended at `end` starts: `test` instead of
 * `exec`, which allocated an array per trigger. The match is the leftmost at or after `at`: a
 * digit at end - 1, unless Q1..Q4 starts at end - 2 on a word boundary; otherwise the letter
 * alternative that ends there on a word boundary. (`exec` again if none fits, which cannot happen.)
 */
function triggerStart(text: string, at: number, end: number): number {
  const c = text.charCodeAt(end - 1);
  if (c >= 48 && c <= 57) {
    const q = end - 2;
    if (c >= 49 && c <= 52 && q >= at && text.charCodeAt(q) === 81 && (q === 0 || !isWordChar(text.charCodeAt(q - 1)))) return q;
    return end - 1;
  }
  let best = -1;
  for (const w of TRIGGERS_BY_LAST.get(c) ?? []) {
    const s = end - w.length;
    if (s >= at && (best < 0 || s < best) && text.startsWith(w, s) && (s === 0 || !isWordChar(text.charCodeAt(s - 1)))) best = s;
  }
  if (best >= 0) return best;
  const re = new RegExp(TRIGGER.source, 'g');
  re.lastIndex = at;
  return re.exec(text)!.index;
}

/** Words of context kept before and after a trigger (the parser looks at most this far). */
const BEFORE = 3;
const AFTER = 8;

/**
 * Windows are [wordsBack(p, BEFORE), wordsForward(p, AFTER)] around each trigger p, merged when
 * they touch. wordsForward is monotonic in p, so an open window ends at wordsForward(last), and
 * it is only computed when a trigger falls beyond it or at the end: `forwardUpTo` walks at most
 * from the last trigger to the next one, so each character is walked about once instead of AFTER words
 * per trigger.
 */
export function scanDates(text: string, from: number, to: number, scanner: DateScanner = new DateScanner()): Expr[] {
  const out: Expr[] = [];
  const re = scanner.trigger;
  re.lastIndex = from;
  let wStart = -1;
  let last = -1; // the last trigger of the open window
  for (let at = from; re.test(text); at = re.lastIndex) {
    const p = triggerStart(text, at, re.lastIndex);
    if (p >= to) break;
    // Skip the rest of a digit run so one number is one trigger.
    if (text.charCodeAt(p) <= 57) {
      let q = p + 1;
      while (q < to && text.charCodeAt(q) >= 48 && text.charCodeAt(q) <= 57) q++;
      re.lastIndex = q;
    }
    let s = -1;
    if (wStart >= 0) {
      // Inside the open window (p < its end, so p's start is too): extend it to p.
      const wEnd = forwardUpTo(text, last, p, AFTER, to);
      if (wEnd < 0) {
        last = p;
        continue;
      }
      s = wordsBack(text, p, BEFORE, from);
      if (s <= wEnd) {
        last = p;
        continue;
      }
      scanner.tokenize(text, wStart, wEnd);
      scanner.parseTokens(out);
    }
    wStart = s >= 0 ? s : wordsBack(text, p, BEFORE, from);
    last = p;
  }
  if (wStart >= 0) {
    scanner.tokenize(text, wStart, wordsForward(text, last, AFTER, to));
    scanner.parseTokens(out);
  }
  return out;
}

/** wordsForward(text, a, n, limit) when it is at most b (for a ≤ b), else -1; walks no further than b. */
function forwardUpTo(text: string, a: number, b: number, n: number, limit: number): number {
  let i = a;
  for (let w = 0; w < n && i < limit; w++) {
    while (i < limit && text.charCodeAt(i) > 32) i++;
    while (i < limit && text.charCodeAt(i) <= 32) i++;
    if (i > b) return -1;
  }
  return i;
}

function wordsBack(text: string, p: number, n: number, limit: number): number {
  let i = p;
  for (let w = 0; w < n && i > limit; w++) {
    while (i > limit && text.charCodeAt(i - 1) <= 32) i--;
    while (i > limit && text.charCodeAt(i - 1) > 32) i--;
  }
  return i;
}

function wordsForward(text: string, p: number, n: number, limit: number): number {
  let i = p;
  for (let w = 0; w < n && i < limit; w++) {
    while (i < limit && text.charCodeAt(i) > 32) i++;
    while (i < limit && text.charCodeAt(i) <= 32) i++;
  }
  return i;
}

// The rules below read the window's tokens (module state, set by `tokenize`). They are top-level
// functions rather than closures inside parseTokens: no closures allocated per window, and each
// is optimized on its own, sooner.

/**
 * The scanner's state: the tokens of the window being parsed, in arrays reused from window to
 * window (no object and no string per token; a token's text is sliced only where a rule compares
 * it, `str`). One scanner per caller: nothing is shared between scanners, so scanning is
 * re-entrant. Token k exists for 0 <= k < count; `kind(k)` is 0 otherwise.
 */
export class DateScanner {
  src = '';
  count = 0;
  tS = new Int32Array(256);
  tE = new Int32Array(256);
  tK = new Uint8Array(256);
  /** Words: month, weekday or keyword class (`classOf`), else 0. */
  tC = new Uint8Array(256);
  /** Numbers: their value, exact below 10^8 and 10^8 for anything longer (every rule tests ranges far below). */
  tV = new Int32Array(256);
  /** The trigger search, with its own `lastIndex`. */
  readonly trigger = new RegExp(TRIGGER.source, 'g');

  /** Cuts text[from, to) into tokens: runs of letters and digits, and single other characters. */
  tokenize(text: string, from: number, to: number): void {
    this.src = text;
    let n = 0;
    let i = from;
    while (i < to) {
      const c = text.charCodeAt(i);
      const ck = c < 0x250 ? CHAR_KIND[c] : PUNCT;
      if (ck === SPACE) {
        i++;
        continue;
      }
      if (n === this.tS.length) this.grow();
      const s = i;
      if (ck !== PUNCT) {
        let digits = 0;
        let letters = 0;
        let v = 0;
        // Hash of the lower-cased word, for `classOf`; -1 once a non-ASCII letter is seen.
        let h = 0;
        while (i < to) {
          const d = text.charCodeAt(i);
          const dk = d < 0x250 ? CHAR_KIND[d] : PUNCT;
          if (dk === DIGIT) {
            digits++;
            v = v < 10000000 ? v * 10 + (d - 48) : 100000000;
          } else if (dk === ASCII_LETTER) {
            letters++;
            if (h !== -1) h = (Math.imul(h, 31) + (d | 0x20)) & 0x3fffffff;
          } else if (dk === OTHER_LETTER) {
            letters++;
            h = -1;
          } else break;
          i++;
        }
        const k = letters === 0 ? N : digits === 0 ? W : X;
        this.tK[n] = k;
        this.tC[n] = k === W && h !== -1 && i - s <= MAX_CLASS_WORD ? classOf(text, s, i, h) : 0;
        this.tV[n] = v;
      } else {
        i++;
        this.tK[n] = P;
        this.tC[n] = 0;
        this.tV[n] = 0;
      }
      this.tS[n] = s;
      this.tE[n] = i;
      n++;
    }
    this.count = n;
  }

  /** Kind of token k, 0 when there is none. */
  kind(k: number): number {
    return k >= 0 && k < this.count ? this.tK[k] : 0;
  }

  /** Text of token k (which exists). */
  str(k: number): string {
    return this.src.slice(this.tS[k], this.tE[k]);
  }

  /** Text of token k, or undefined when there is none (`toks[k]?.t`). */
  strOrNone(k: number): string | undefined {
    return k >= 0 && k < this.count ? this.src.slice(this.tS[k], this.tE[k]) : undefined;
  }

  /** First character code of token k (which exists). */
  first(k: number): number {
    return this.src.charCodeAt(this.tS[k]);
  }

  monthOf(k: number): number {
    if (this.kind(k) !== W) return 0;
    const c = this.first(k);
    if (c < 65 || c > 90) return 0; // month names are capitalized
    // Three-letter abbreviations only this.count with their dot ("Oct."), except in full dates (checked by callers).
    const m = this.tC[k];
    return m >= 1 && m <= 12 ? m : 0;
  }

  /** A weekday written out (six letters or more). */
  weekdayOf(k: number): number {
    if (this.kind(k) !== W) return -1;
    const c = this.first(k);
    if (c < 65 || c > 90) return -1;
    if (this.tE[k] - this.tS[k] < 6) return -1;
    const w = this.tC[k];
    return w >= WEEKDAY_CLASS && w < WEEKDAY_CLASS + 7 ? w - WEEKDAY_CLASS : -1;
  }

  /** Token k (a word) is exactly 'May'. */
  isMay(k: number): boolean {
    return this.tE[k] - this.tS[k] === 3 && this.src.startsWith('May', this.tS[k]);
  }

  /** Token k is the punctuation character with code ch. */
  isP(k: number, ch: number): boolean {
    return this.kind(k) === P && this.first(k) === ch;
  }

  num(k: number, min: number, max: number, len?: number): number {
    if (this.kind(k) !== N || (len !== undefined && this.tE[k] - this.tS[k] !== len)) return NaN;
    const v = this.tV[k];
    return v >= min && v <= max ? v : NaN;
  }

  /** Token k is a word of one of the forms `last`, `next`, `this`, capitalized or not. */
  isRelWord(k: number): boolean {
    const c = this.tC[k];
    if (this.kind(k) !== W || (c !== KW_LAST && c !== KW_NEXT && c !== KW_THIS)) return false;
    return /^(?:last|next|this|Last|Next|This)$/.test(this.str(k));
  }

  /** Tries the date forms at each token of the window, left to right, skipping what a date took. */
  parseTokens(out: Expr[]): void {
    let i = 0;
    while (i < this.count) {
      // Most tokens are punctuation or words of no class (or a unit or reference class), at which
      // tryAt returns null: skip them without the call (it matters most before the JIT warms up).
      const k = this.tK[i];
      if (k === P || (k === W && (this.tC[i] === 0 || this.tC[i] >= UNIT_CLASS))) {
        i++;
        continue;
      }
      const r = this.tryAt(i);
      if (r) {
        out.push(r.expr);
        i = r.next;
      } else i++;
    }
  }

  adjacent(a: number, b: number): boolean {
    return this.tE[a] === this.tS[b];
  }

  /** A number that is part of money, a decimal, a percentage, a time or a larger number is not a date part. */
  plainNumber(k: number): boolean {
    const pk = this.kind(k - 1);
    const nk = this.kind(k + 1);
    if (pk === P && this.tE[k - 1] === this.tS[k] && isMoneyOrSeparator(this.first(k - 1))) return false;
    if (pk === W && this.tC[k - 1] >= REFERENCE_CLASS && NOT_BEFORE_NUMBER.has(this.str(k - 1))) return false;
    if (nk === P && this.tS[k + 1] === this.tE[k]) {
      const c = this.first(k + 1);
      if (c === PERCENT || c === COLON) return false;
      if ((c === DOT || c === COMMA) && this.kind(k + 2) === N && this.tS[k + 2] === this.tE[k + 1]) return false;
      if (c === HYPHEN && this.kind(k + 2) === W && this.tS[k + 2] === this.tE[k + 1]) return false;
    }
    if (nk === W && this.tC[k + 1] >= UNIT_CLASS && this.tC[k + 1] < UNIT_CLASS + NUMBER_UNITS.length) return false;
    return true;
  }

  /** Skips an abbreviation dot after a month ("Oct."). */
  afterDot(k: number): number {
    return this.isP(k + 1, DOT) && this.adjacent(k, k + 1) ? k + 2 : k + 1;
  }

  yearAt(k: number, min = 1000, max = 2199): number {
    const y = this.num(k, min, max, 4);
    return !Number.isNaN(y) && this.plainNumber(k) ? y : NaN;
  }

  dayAt(k: number): number {
    const kk = this.kind(k);
    if (kk === 0) return NaN;
    if (kk === X) {
      const t = this.str(k);
      if (/^\d{1,2}(?:st|nd|rd|th)$/.test(t)) {
        const d = parseInt(t, 10);
        return d >= 1 && d <= 31 ? d : NaN;
      }
    }
    const d = this.num(k, 1, 31);
    return !Number.isNaN(d) && this.tE[k] - this.tS[k] <= 2 && this.plainNumber(k) ? d : NaN;
  }

  /** "Month D[, YYYY]" / "Month YYYY" / "Month" starting at k (k is a month token). */
  monthFirst(k: number, start: number, weekday?: { w: number; s: number; e: number }): { expr: Expr; next: number } | null {
    const m = this.monthOf(k);
    const len = this.tE[k] - this.tS[k];
    // Lower case 'june' or 'july' is the month class 6 or 7 with four letters ('jun', 'jul' have three).
    const abbrevOnly = len <= 4 && !(len === 4 && (m === 6 || m === 7)) && !this.isMay(k);
    const j = this.afterDot(k);
    const d = this.dayAt(j);
    if (!Number.isNaN(d) && !this.isP(j + 1, COLON)) {
      let end = this.tE[j];
      let n = j + 1;
      let y = NaN;
      if (this.isP(n, COMMA) && !Number.isNaN(this.yearAt(n + 1))) {
        y = this.yearAt(n + 1);
        end = this.tE[n + 1];
        n += 2;
      } else if (!Number.isNaN(this.yearAt(n))) {
        y = this.yearAt(n);
        end = this.tE[n];
        n += 1;
      }
      if (!Number.isNaN(y)) return { expr: { start, end, kind: { type: 'ymd', y, m, d, weekday } }, next: n };
      if (this.kind(n) === N && this.tS[n] - end <= 1) return null; // "May 5 2025 12" style noise
      return { expr: { start, end, kind: { type: 'md', m, d, weekday } }, next: n };
    }
    if (weekday) return null;
    const y = this.yearAt(j);
    if (!Number.isNaN(y)) return { expr: { start, end: this.tE[j], kind: { type: 'ym', y, m } }, next: j + 1 };
    if (abbrevOnly && !this.isP(k + 1, DOT)) return null;
    // A month alone needs a preposition or a relative word before it ("in July", "last July").
    const prev = this.strOrNone(k - 1);
    if (start === this.tS[k] && (prev === undefined || this.kind(k - 1) !== W || !/^(?:in|In|since|Since|by|until|during|During|before|after|from|From|of|early|late|mid|through|till)$/.test(prev))) return null;
    if (this.isMay(k) && (prev === undefined || !/^(?:in|In|since|Since|during|early|late|of|until)$/.test(prev)) && start === this.tS[k]) return null;
    return { expr: { start, end: this.tE[k], kind: { type: 'm', m } }, next: j };
  }

  tryAt(k: number): { expr: Expr; next: number } | null {
    const tk = this.tK[k];
    if (tk === W) {
      // Weekday written with a date: "Tuesday, September 29, 2025", "Monday 29 July 2025".
      const w = this.weekdayOf(k);
      if (w >= 0) {
        let j = k + 1;
        if (this.isP(j, COMMA)) j++;
        const wk = { w, s: this.tS[k], e: this.tE[k] };
        if (this.monthOf(j)) {
          const r = this.monthFirst(j, this.tS[k], wk);
          if (r) return r;
        }
        const d = this.dayAt(j);
        const m = this.monthOf(j + 1);
        if (!Number.isNaN(d) && m) {
          const after = this.afterDot(j + 1);
          const y = this.yearAt(after);
          if (!Number.isNaN(y)) return { expr: { start: this.tS[k], end: this.tE[after], kind: { type: 'ymd', y, m, d, weekday: wk } }, next: after + 1 };
          return { expr: { start: this.tS[k], end: this.tE[j + 1], kind: { type: 'md', m, d, weekday: wk } }, next: j + 2 };
        }
        // A weekday alone ("on Monday", "Thursday").
        const rel = this.isRelWord(k - 1) ? (this.str(k - 1).toLowerCase() as 'last' | 'next' | 'this') : undefined;
        return { expr: { start: rel ? this.tS[k - 1] : this.tS[k], end: this.tE[k], kind: { type: 'weekday', w, rel } }, next: k + 1 };
      }
      const month = this.monthOf(k);
      if (month) {
        if (this.isRelWord(k - 1) && !(this.isP(k + 1, DOT) && ABBREVIATED_MONTHS.has(this.str(k)))) {
          const yAfter = this.yearAt(this.afterDot(k));
          if (Number.isNaN(yAfter) && Number.isNaN(this.dayAt(this.afterDot(k)))) {
            return { expr: { start: this.tS[k - 1], end: this.tE[k], kind: { type: 'm', m: month, rel: this.str(k - 1).toLowerCase() as 'last' | 'next' | 'this' } }, next: k + 1 };
          }
        }
        return this.monthFirst(k, this.tS[k]);
      }
      // Every form below starts with one of KEYWORDS; other words are rejected without lower-casing them.
      const c = this.tC[k];
      if (c < KEYWORD_CLASS || c >= KEYWORD_CLASS + KEYWORDS.length) return null;
      const lw = CLASS_WORD[c]; // === this.str(k).toLowerCase()
      if (lw === 'yesterday' || lw === 'today' || lw === 'tomorrow') {
        return { expr: { start: this.tS[k], end: this.tE[k], kind: { type: 'rel', unit: 'day', offset: lw === 'yesterday' ? -1 : lw === 'today' ? 0 : 1 } }, next: k + 1 };
      }
      if (lw === 'last' || lw === 'next' || lw === 'this') {
        const ut = this.kind(k + 1) === W ? this.str(k + 1) : undefined;
        const unit = ut !== undefined ? RELATIVE_UNITS[ut] : undefined;
        if (unit && ut !== undefined && (ut === unit || ut === unit + 's') && !ut.endsWith('s')) {
          return { expr: { start: this.tS[k], end: this.tE[k + 1], kind: { type: 'rel', unit, offset: lw === 'last' ? -1 : lw === 'next' ? 1 : 0 } }, next: k + 2 };
        }
        return null;
      }
      // "two years ago", "a week ago".
      if (lw in NUMBER_WORDS) {
        // Checked first: 'a' and 'an' are common, 'ago' two words on is not.
        if (this.strOrNone(k + 2) !== 'ago') return null;
        const unit = this.kind(k + 1) === W ? RELATIVE_UNITS[this.str(k + 1)] : undefined;
        const n = NUMBER_WORDS[lw];
        if (unit && !Number.isNaN(n)) {
          return { expr: { start: this.tS[k], end: this.tE[k + 2], kind: { type: 'rel', unit, offset: -n } }, next: k + 3 };
        }
        return null;
      }
      // "early 1990s", "mid-1990s", "late 1990s".
      if (lw === 'early' || lw === 'late' || lw === 'mid') {
        let j = k + 1;
        if (this.isP(j, HYPHEN) && this.adjacent(k, j)) j++;
        const dec = this.decadeOf(j);
        if (dec !== null) return { expr: { start: this.tS[k], end: this.tE[j], kind: { type: 'decade', decade: dec } }, next: j + 1 };
        return null;
      }
      // "between 2009 and 2013", "from 2014 to 2016".
      if (lw === 'between' || lw === 'from') {
        const a = this.yearAt(k + 1);
        if (Number.isNaN(a)) return null;
        const link = this.strOrNone(k + 2);
        const b = this.yearAt(k + 3);
        if (!Number.isNaN(b) && ((lw === 'between' && link === 'and') || (lw === 'from' && (link === 'to' || link === 'until' || link === 'through'))) && b >= a) {
          return { expr: { start: this.tS[k + 1], end: this.tE[k + 3], kind: { type: 'range', from: a, to: b } }, next: k + 4 };
        }
        return null;
      }
      return null;
    }
    if (tk === X) {
      // "Q3 2024".
      if (this.first(k) === 81 /* Q */ && this.tE[k] - this.tS[k] === 2) {
        const q = this.src.charCodeAt(this.tS[k] + 1) - 48;
        if (q >= 1 && q <= 4) {
          const y = this.yearAt(k + 1);
          if (!Number.isNaN(y)) return { expr: { start: this.tS[k], end: this.tE[k + 1], kind: { type: 'quarter', y, q } }, next: k + 2 };
          return null;
        }
      }
      const dec = this.decadeOf(k);
      if (dec !== null && this.plainPrefix(k)) return { expr: { start: this.tS[k], end: this.tE[k], kind: { type: 'decade', decade: dec } }, next: k + 1 };
      // "29th of July"? Rare in news; "29th July 2025" handled as a day.
      const d = this.dayAt(k);
      if (!Number.isNaN(d) && this.monthOf(k + 1)) return this.dayFirst(k, d);
      return null;
    }
    if (tk === N) {
      if (!this.plainPrefix(k)) return null;
      // ISO 2025-07-29.
      if (this.tE[k] - this.tS[k] === 4 && this.isP(k + 1, HYPHEN) && this.kind(k + 2) === N && this.tE[k + 2] - this.tS[k + 2] === 2 && this.isP(k + 3, HYPHEN) && this.kind(k + 4) === N && this.tE[k + 4] - this.tS[k + 4] === 2
        && this.adjacent(k, k + 1) && this.adjacent(k + 1, k + 2) && this.adjacent(k + 2, k + 3) && this.adjacent(k + 3, k + 4)) {
        return { expr: { start: this.tS[k], end: this.tE[k + 4], kind: { type: 'ymd', y: this.tV[k], m: this.tV[k + 2], d: this.tV[k + 4] } }, next: k + 5 };
      }
      const d = this.dayAt(k);
      if (!Number.isNaN(d) && this.monthOf(k + 1)) return this.dayFirst(k, d);
      const y = this.yearAt(k);
      if (Number.isNaN(y)) return null;
      // Ranges "2009-2013", "2009–2013".
      if (this.kind(k + 1) === P) {
        const dash = this.first(k + 1);
        if ((dash === HYPHEN || dash === 0x2013 || dash === 0x2014) && this.adjacent(k, k + 1)) {
          // A year and a dash at the very end of the text ("In 2009-") is a year, not half a range.
          if (k + 2 < this.count && this.adjacent(k + 1, k + 2)) {
            const b = this.num(k + 2, 1000, 2199, 4);
            if (!Number.isNaN(b) && b > y && b - y <= 100) return { expr: { start: this.tS[k], end: this.tE[k + 2], kind: { type: 'range', from: y, to: b } }, next: k + 3 };
            return null;
          }
        }
      }
      if (this.isYearContext(k)) return { expr: { start: this.tS[k], end: this.tE[k], kind: { type: 'y', y } }, next: k + 1 };
      return null;
    }
    return null;
  }

  dayFirst(k: number, d: number): { expr: Expr; next: number } | null {
    const m = this.monthOf(k + 1);
    const j = this.afterDot(k + 1);
    const y = this.yearAt(j);
    if (!Number.isNaN(y)) return { expr: { start: this.tS[k], end: this.tE[j], kind: { type: 'ymd', y, m, d } }, next: j + 1 };
    return { expr: { start: this.tS[k], end: this.tE[k + 1], kind: { type: 'md', m, d } }, next: k + 2 };
  }

  /** Not glued to a letter or currency before it (`G20`, `$47`, `F-35`). */
  plainPrefix(k: number): boolean {
    const pk = this.kind(k - 1);
    if (pk === 0 || this.tE[k - 1] !== this.tS[k]) return true;
    if (pk !== P) return false;
    const c = this.first(k - 1);
    if (isCurrency(c)) return false;
    if (c === HYPHEN && this.kind(k - 2) !== 0 && this.tE[k - 2] === this.tS[k - 1] && this.kind(k - 2) !== P) return false;
    return true;
  }

  decadeOf(k: number): number | null {
    if (this.kind(k) !== X) return null;
    const m = /^(1[0-9]|20)([0-9])0s$/.exec(this.str(k));
    return m ? Number(m[1] + m[2]) : null;
  }

  /** A four-digit number is a year after a preposition, in "the 2021 NATO Summit", or after a capitalized name ("Vilnius Summit 2023"). */
  isYearContext(k: number): boolean {
    const pk = this.kind(k - 1);
    const nk = this.kind(k + 1);
    const capitalNext = nk === W && this.first(k + 1) >= 65 && this.first(k + 1) <= 90;
    if (pk === 0) return capitalNext;
    if (pk === W) {
      const p = this.str(k - 1);
      if (YEAR_PREPOSITIONS.has(p)) return true;
      if ((p === 'the' || p === 'The') && capitalNext) return true;
      if (/^[A-Z][a-z]+$/.test(p) && /^(?:Summit|Concept|Conference|Agenda|Declaration|Games|Cup|Expo|Vision|Plan|Strategy|Report|Review|Dialogue|Forum|Meeting|Olympics|Election|Elections|Budget)$/.test(p)) return true;
    }
    if (pk === P && this.first(k - 1) === 40 /* ( */ && nk === P && this.first(k + 1) === 41 /* ) */) return true;
    return false;
  }

  grow(): void {
    const n = this.tS.length * 2;
    this.tS = grown(this.tS, new Int32Array(n));
    this.tE = grown(this.tE, new Int32Array(n));
    this.tK = grown(this.tK, new Uint8Array(n));
    this.tC = grown(this.tC, new Uint8Array(n));
    this.tV = grown(this.tV, new Int32Array(n));
  }
}
