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
import { HOLIDAYS, LEXICON, Unit, Word } from './lexicon';
import { TimexMod } from '../types';

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
function grown<A extends Int32Array | Uint8Array | Uint16Array>(from: A, to: A): A {
  to.set(from);
  return to;
}

/** Character kinds for the tokenizer, by code below 0x250 (all others are punctuation). */
const SPACE = 0;
const DIGIT = 1;
const ASCII_LETTER = 2;
const OTHER_LETTER = 3;
const PUNCT = 4;
const CHAR_KIND = Uint8Array.from({ length: 0x250 }, (_, c) => (c <= 32 || c === 0xa0 ? SPACE : isDigit(c) ? DIGIT : !isLetter(c) ? PUNCT : c < 128 ? ASCII_LETTER : OTHER_LETTER));

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
/** The words `tryAt` looks up in lower case, besides months and weekdays: the lexicon's words. */
const KEYWORDS = Object.keys(LEXICON);
const UNIT_CLASS = KEYWORD_CLASS + KEYWORDS.length;
/** Words (any case) after which a number is a quantity, not a date part. */
const NUMBER_UNITS = ['percent', 'per', 'billion', 'million', 'trillion', 'thousand', 'magnitude', 'km', 'kilometres', 'kilometers', 'miles',
  'tons', 'tonnes', 'people', 'troops', 'soldiers', 'attendees', 'votes'];
const REFERENCE_CLASS = UNIT_CLASS + NUMBER_UNITS.length;
/** Words before a number that make it a currency amount or a reference ("USD 5", "No. 5", "Article 9"), not a date part. */
const NOT_BEFORE_NUMBER = new Set(['USD', 'EUR', 'JPY', 'GBP', 'US', 'Article', 'article', 'No', 'no', 'page', 'Page', 'p', 'pp', 'vol', 'Vol',
  'issue', 'Issue', 'number', 'Number', 'Resolution', 'G']);

const TABLE_SIZE = 1024;

function wordHash(w: string): number {
  let h = 0;
  for (let i = 0; i < w.length; i++) h = (Math.imul(h, 31) + w.charCodeAt(i)) & 0x3fffffff;
  return h;
}

/**
 * The word table, built once from the month and weekday names, the lexicon and the number and
 * reference words, and only read afterwards (nothing at module level changes after load):
 * lower-case hash → word and class, open addressing in typed arrays (a Map lookup per word was a
 * tenth of the tokenizer; a slot holds the hash, or -1 when free); class → its lower-case word (an
 * internalized constant, cheap to compare and look up); the longest word; and which lexicon
 * classes trigger a scan (they can be a date's only date word).
 */
function buildWordTable(): { hash: Int32Array; cls: Uint16Array; word: string[]; classWord: string[]; maxLength: number; triggers: Uint8Array } {
  const hash = new Int32Array(TABLE_SIZE).fill(-1);
  const cls = new Uint16Array(TABLE_SIZE);
  const word = new Array<string>(TABLE_SIZE).fill('');
  const classWord: string[] = [];
  const add = (w: string, c: number): void => {
    const h = wordHash(w);
    let slot = h & (TABLE_SIZE - 1);
    while (hash[slot] !== -1) {
      if (hash[slot] === h) throw new Error(`date scanner: word hash collision for '${w}'`);
      slot = (slot + 1) & (TABLE_SIZE - 1);
    }
    hash[slot] = h;
    cls[slot] = c;
    word[slot] = w;
    classWord[c] = w;
  };
  for (const [w, m] of MONTH_BY_NAME) add(w, m);
  for (const [w, d] of WEEKDAY_BY_NAME) add(w, WEEKDAY_CLASS + d);
  KEYWORDS.forEach((w, i) => add(w, KEYWORD_CLASS + i));
  NUMBER_UNITS.forEach((w, i) => add(w, UNIT_CLASS + i));
  // Only a prefilter for the exact-case NOT_BEFORE_NUMBER (one class for 'No' and 'no').
  [...new Set([...NOT_BEFORE_NUMBER].map((w) => w.toLowerCase()))].forEach((w, i) => add(w, REFERENCE_CLASS + i));
  const triggers = new Uint8Array(TABLE_SIZE);
  KEYWORDS.forEach((w, i) => {
    if (LEXICON[w].trigger) triggers[KEYWORD_CLASS + i] = 1;
  });
  return { hash, cls, word, classWord, maxLength: classWord.reduce((n, w) => Math.max(n, w.length), 0), triggers };
}

const { hash: TABLE_HASH, cls: TABLE_CLASS, word: TABLE_WORD, classWord: CLASS_WORD, maxLength: MAX_CLASS_WORD, triggers: CLASS_TRIGGERS } = buildWordTable();

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
  /**
   * A day. `numeric`: written A/B/Y, read month first; what its numbers say of the order: `mdy`
   * (B is above 12), `dmy` (A is), `either` (both could be months; the article decides).
   */
  | { type: 'ymd'; y: number; m: number; d: number; weekday?: { w: number; s: number; e: number }; bc?: boolean; numeric?: 'mdy' | 'dmy' | 'either' }
  /** A month and day; `yrel` when "last/this/next year" gives the year. */
  | { type: 'md'; m: number; d: number; weekday?: { w: number; s: number; e: number }; yrel?: number }
  | { type: 'ym'; y: number; m: number }
  | { type: 'm'; m: number; rel?: 'last' | 'next' | 'this'; yrel?: number }
  /** A holiday by its name in the lexicon. */
  | { type: 'holiday'; name: string; rel?: 'last' | 'next' | 'this'; yrel?: number; week?: boolean }
  | { type: 'y'; y: number; bc?: boolean }
  | { type: 'decade'; decade: number }
  | { type: 'range'; from: number; to: number }
  | { type: 'quarter'; y: number; q: number }
  | { type: 'rel'; unit: 'day' | 'week' | 'month' | 'year'; offset: number }
  | { type: 'weekday'; w: number; rel?: 'last' | 'next' | 'this'; past?: boolean }
  /** A duration: n units (n NaN: unspecified, "several months"); `within`: from now. */
  | { type: 'dur'; n: number; unit: Unit; within?: boolean; half?: boolean }
  /** An offset of n units from the publication date, the previous date in the text, or a base date. */
  | { type: 'off'; n: number; unit: Unit; from: 'dct' | 'prev' | 'base'; base?: ExprKind; within?: boolean }
  /** Anaphoric: the day/week/… `offset` units from the previous date in the text ("the next day", "that month"). */
  | { type: 'ana'; unit: 'day' | 'week' | 'month' | 'year'; offset: number }
  | { type: 'ref'; v: 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF' }
  | { type: 'set'; v: string; quant?: string }
  | { type: 'season'; s: 'SP' | 'SU' | 'FA' | 'WI'; y?: number; rel?: 'last' | 'next' | 'this' }
  /**
   * A quarter or half of year y (NaN: the publication year plus offset). n NaN: the publication
   * date's quarter plus offset ("last quarter"). `bare`: no year written ("the fourth quarter"):
   * the tense picks it.
   */
  | { type: 'part'; of: 'Q' | 'H'; n: number; y: number; offset: number; bare?: boolean }
  | { type: 'fiscal'; y: number; offset?: number }
  /** A century, by its TIMEX3 digits (the 20th century: 19). */
  | { type: 'century'; c: number }
  /** The century of the publication date plus offset ("this century"). */
  | { type: 'relc'; offset: number }
  | { type: 'weekend'; offset: number };

/** Whether an expression names a day (a base for "2 days after …"). */
export function isDay(k: ExprKind): boolean {
  return k.type === 'ymd' || k.type === 'md' || k.type === 'weekday' || (k.type === 'rel' && k.unit === 'day');
}

/** TIMEX3 duration for n units (n NaN: X). */
export function durationValue(n: number, unit: Unit): string {
  const x = Number.isNaN(n) ? 'X' : String(n);
  switch (unit) {
    case 'S': return `PT${x}S`;
    case 'MIN': return `PT${x}M`;
    case 'H': return `PT${x}H`;
    case 'DE': return Number.isNaN(n) ? 'PXY' : `P${n * 10}Y`;
    case 'CE': return Number.isNaN(n) ? 'PXY' : `P${n * 100}Y`;
    default: return `P${x}${unit}`;
  }
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export interface Expr {
  start: number;
  end: number;
  kind: ExprKind;
  /** TIMEX3 modifier written before it ("early", "about", "more than"). */
  mod?: TimexMod;
  /** The other end of a range this expression starts ("10 - 22 August"). */
  pair?: Expr;
  /** A time of day: a part (`MO`, `AF`, `EV`, `NI`) or `hh:mm`. */
  time?: string;
  /** A clock time with no day written: the day is the publication day. */
  local?: boolean;
  /** Why the reading is unsure. */
  uncertain?: string;
}

/** A word before "in" + a quantity that makes it a span up to now: "the first (visit) in", "the highest (level) in". */
function spanWord(w: string): boolean {
  return w === 'time' || w === 'times' || w === 'first' || w === 'worst' || w === 'best' || (w.length > 4 && w.endsWith('est') && w !== 'interest' && w !== 'protest' && w !== 'request' && w !== 'contest');
}

/** Time zones written after a clock time ("14:30 GMT"). */
const CLOCK_ZONE = /^(?:GMT|UTC|EDT|EST|CDT|CST|MDT|MST|PDT|PST|BST|CET|CEST|EET|EEST|MSK|IST|JST|KST|Z)$/;
/** Words before a 24-hour clock time that make "14:30" a time ("at 14:30", not a score). */
const CLOCK_PREPOSITION = new Set(['at', 'At', 'by', 'until', 'till', 'before', 'after', 'around', 'about', 'from', 'since', 'to']);

/** Month abbreviations, which are followed by a dot that does not end the sentence. */
const ABBREVIATED_MONTHS = new Set(['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec']);

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
 * Where a date can start: a digit, a month or weekday name (by prefix), a quarter or fiscal year
 * (`Q3`, `FY2024`), or a lexicon word marked `trigger` (by prefix, capitalized or not). Only
 * windows of text around these are tokenized and parsed, so prose without dates costs one
 * regular-expression scan (irregexp skips ahead on the first characters). Derived from the
 * lexicon; each scanner runs its own copy (`DateScanner.trigger`).
 */
const TRIGGER_WORDS = [...new Set(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun', 'FY',
  ...KEYWORDS.filter((w) => LEXICON[w].trigger).flatMap((w) => [w, w[0].toUpperCase() + w.slice(1)])])];
const TRIGGER_SOURCE = `[0-9]|\\b(?:Q[1-4]|${trieSource(TRIGGER_WORDS)})`;

/**
 * An alternation of words as a trie (`d(?:ay|ecade)`): irregexp then tests one first letter per
 * position instead of every word. A word that has a shorter word of the list as its prefix is
 * left out: a trigger only needs where some word starts.
 */
function trieSource(words: string[]): string {
  type Node = Map<string, Node | null>;
  const root: Node = new Map();
  for (const w of [...words].sort((a, b) => a.length - b.length)) {
    let n: Node = root;
    for (let i = 0; i < w.length; i++) {
      const c = w[i];
      if (i === w.length - 1) {
        n.set(c, null); // a word ends here: longer ones with this prefix add nothing
        break;
      }
      const next = n.get(c);
      if (next === null) break; // a shorter word is a prefix of this one
      if (next === undefined) {
        const m: Node = new Map();
        n.set(c, m);
        n = m;
      } else n = next;
    }
  }
  const emit = (n: Node): string => {
    const alts = [...n].map(([c, child]) => (child === null ? c : `${c}${emit(child)}`));
    return alts.length === 1 ? alts[0] : `(?:${alts.join('|')})`;
  };
  return emit(root).replace(/^\(\?:|\)$/g, '');
}

/** The letter alternatives of the trigger search, by the code of their last character (built once, then only read). */
const TRIGGERS_BY_LAST: ReadonlyMap<number, readonly string[]> = (() => {
  const m = new Map<number, string[]>();
  for (const w of TRIGGER_WORDS) {
    const c = w.charCodeAt(w.length - 1);
    m.set(c, [...(m.get(c) ?? []), w]);
  }
  return m;
})();

/** `\w` of regular expressions, for the `\b` before the trigger search's letter alternatives. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * Where the trigger match that a search from `at` ended at `end` starts: `test` instead of
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
  const re = new RegExp(TRIGGER_SOURCE, 'g');
  re.lastIndex = at;
  return re.exec(text)!.index;
}

/** Words of context kept before and after a trigger (the parser looks at most this far). */
const BEFORE = 4;
const AFTER = 6;

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

/**
 * A "word" longer than this is not read to its end: no date form has such a word, and walking a
 * run without spaces (a base64 blob, `1-1-1-…`) to its end for every trigger in it made the scan
 * quadratic. Each word step of the window functions walks at most MAX_WORD characters, so the work
 * per trigger is bounded and the scan is linear in the text.
 */
const MAX_WORD = 64;

/** wordsForward(text, a, n, limit) when it is at most b (for a ≤ b), else -1; walks no further than b. */
function forwardUpTo(text: string, a: number, b: number, n: number, limit: number): number {
  let i = a;
  for (let w = 0; w < n && i < limit; w++) {
    const stop = Math.min(limit, i + MAX_WORD);
    while (i < stop && text.charCodeAt(i) > 32) i++;
    while (i < limit && text.charCodeAt(i) <= 32) i++;
    if (i > b) return -1;
  }
  return i;
}

function wordsBack(text: string, p: number, n: number, limit: number): number {
  let i = p;
  for (let w = 0; w < n && i > limit; w++) {
    while (i > limit && text.charCodeAt(i - 1) <= 32) i--;
    const stop = Math.max(limit, i - MAX_WORD);
    while (i > stop && text.charCodeAt(i - 1) > 32) i--;
  }
  return i;
}

function wordsForward(text: string, p: number, n: number, limit: number): number {
  let i = p;
  for (let w = 0; w < n && i < limit; w++) {
    const stop = Math.min(limit, i + MAX_WORD);
    while (i < stop && text.charCodeAt(i) > 32) i++;
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
  tC = new Uint16Array(256);
  /** Numbers: their value, exact below 10^8 and 10^8 for anything longer (every rule tests ranges far below). */
  tV = new Int32Array(256);
  /** The trigger search, with its own `lastIndex`. */
  readonly trigger = new RegExp(TRIGGER_SOURCE, 'g');

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
      // A leading word ("the", "a", "about", "last") starts a date only when a date word or a
      // number follows within four tokens.
      if (k === W && this.tC[i] >= KEYWORD_CLASS && !CLASS_TRIGGERS[this.tC[i]] && !this.dateWordAhead(i)) {
        i++;
        continue;
      }
      const r = this.tryAt(i);
      if (r) {
        out.push(r.expr);
        if (r.expr.pair) out.push(r.expr.pair);
        i = r.next;
      } else i++;
    }
  }

  /** Whether one of the four tokens after i is a number, a month or weekday name, or a trigger word. */
  dateWordAhead(i: number): boolean {
    const end = Math.min(this.count, i + 5);
    for (let j = i + 1; j < end; j++) {
      const k = this.tK[j];
      if (k === N || k === X) return true;
      if (k === W) {
        const c = this.tC[j];
        if ((c > 0 && c < KEYWORD_CLASS) || CLASS_TRIGGERS[c]) return true;
      }
    }
    return false;
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
      if (c === PERCENT) return false;
    // "04:52" is a time; "Oct. 26: The…" is a date before a colon.
    if (c === COLON && this.kind(k + 2) === N && this.tS[k + 2] === this.tE[k + 1]) return false;
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

  /** A year with its era at k ("234 BC", "79 AD", "500 BCE"): the year and whether it is before Christ. */
  eraYearAt(k: number): { y: number; bc: boolean } | null {
    const y = this.num(k, 1, 9999);
    if (Number.isNaN(y) || this.kind(k + 1) !== W) return null;
    const e = this.str(k + 1);
    if (e === 'BC' || e === 'BCE') return { y, bc: true };
    if (e === 'AD' || e === 'CE') return { y, bc: false };
    return null;
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
    let j = this.afterDot(k);
    // "Sunday, March, 6th 2016": a comma between month and day when a year follows.
    if (this.isP(j, COMMA) && !Number.isNaN(this.dayAt(j + 1)) && !Number.isNaN(this.yearAt(j + 2))) j++;
    const d = this.dayAt(j);
    if (!Number.isNaN(d) && !(this.isP(j + 1, COLON) && this.kind(j + 2) === N && this.adjacent(j + 1, j + 2))) {
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
      return this.withYearWord({ expr: { start, end, kind: { type: 'md', m, d, weekday } }, next: n });
    }
    if (weekday) return null;
    const y = this.yearAt(j);
    if (!Number.isNaN(y)) return { expr: { start, end: this.tE[j], kind: { type: 'ym', y, m } }, next: j + 1 };
    if (abbrevOnly && !this.isP(k + 1, DOT)) return null;
    // A month alone needs a preposition or a relative word before it ("in July", "last July").
    const prev = this.strOrNone(k - 1);
    if (start === this.tS[k] && this.isP(k - 1, HYPHEN) && this.adjacent(k - 1, k) && /^(?:early|late|mid|Early|Late|Mid)$/.test(this.strOrNone(k - 2) ?? '')) {
      return { expr: { start, end: this.tE[k], kind: { type: 'm', m } }, next: j };
    }
    if (start === this.tS[k] && (prev === undefined || this.kind(k - 1) !== W || !/^(?:in|In|since|Since|by|until|Until|during|During|before|after|from|From|of|for|For|early|late|mid|Early|Late|Mid|through|till|the|The|and|or|to|between|Between)$/.test(prev))) return null;
    // "for April" is a month, "for April Smith" a person.
    if ((prev === 'for' || prev === 'For') && this.kind(j) === W && this.first(j) >= 65 && this.first(j) <= 90) return null;
    if (this.isMay(k) && (prev === undefined || !/^(?:in|In|since|Since|during|early|late|Early|Late|of|until|and|to|between)$/.test(prev)) && start === this.tS[k]) return null;
    return this.withYearWord({ expr: { start, end: this.tE[k], kind: { type: 'm', m } }, next: j });
  }

  /** "April next year", "Nov. 3 last year": a month or day followed by last/this/next year. */
  withYearWord(r: { expr: Expr; next: number }): { expr: Expr; next: number } {
    const rel = this.lw(r.next);
    const k = r.expr.kind;
    if ((rel === 'last' || rel === 'this' || rel === 'next') && this.lw(r.next + 1) === 'year' && (k.type === 'm' || k.type === 'md' || (k.type === 'holiday' && !k.rel))) {
      k.yrel = rel === 'last' ? -1 : rel === 'next' ? 1 : 0;
      r.expr.end = this.tE[r.next + 1];
      r.next += 2;
    }
    return r;
  }

  /** The date form starting at token k, with the second date of a range after it. */
  tryAt(k: number): { expr: Expr; next: number } | null {
    const r = this.tryForm(k);
    return r && !r.expr.pair && (r.expr.kind.type === 'md' || r.expr.kind.type === 'ymd') ? this.rangeTail(r) : r;
  }

  tryForm(k: number): { expr: Expr; next: number } | null {
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
        const part = this.partAt(k + 1);
        // "Wednesday's ruling": an event already named, read as past.
        if (!rel && (this.isP(k + 1, 39) || this.isP(k + 1, 0x2019)) && this.adjacent(k, k + 1) && this.strOrNone(k + 2) === 's') {
          return { expr: { start: this.tS[k], end: this.tE[k], kind: { type: 'weekday', w, past: true } }, next: k + 1 };
        }
        if (part) return { expr: { start: rel ? this.tS[k - 1] : this.tS[k], end: this.tE[k + 1], kind: { type: 'weekday', w, rel }, time: part }, next: k + 2 };
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
      // Every form below starts with a lexicon word; other words are rejected without lower-casing them.
      const c = this.tC[k];
      if (c < KEYWORD_CLASS || c >= UNIT_CLASS) return null;
      return this.wordRule(k, CLASS_WORD[c]);
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
      // "10am", "9pm": a clock time written as one token.
      const len = this.tE[k] - this.tS[k];
      if (len <= 4 && (this.src.charCodeAt(this.tE[k] - 1) | 0x20) === 109 /* m */) {
        const t = /^(\d{1,2})([aApP])[mM]$/.exec(this.str(k));
        const h = t ? Number(t[1]) : NaN;
        if (h >= 1 && h <= 12) {
          const time = `${pad2((h % 12) + ((t![2] === 'p' || t![2] === 'P') ? 12 : 0))}:00`;
          return { expr: { start: this.tS[k], end: this.tE[k], kind: { type: 'rel', unit: 'day', offset: 0 }, time, local: true }, next: k + 1 };
        }
      }
      const cen = this.centuryOf(k);
      if (cen !== null) return { expr: { start: this.tS[k], end: this.tE[k], kind: { type: 'century', c: cen } }, next: k + 1 };
      // "19th century", "late 19th century" (the modifier form reads it here).
      const ordinal = this.lw(k + 1) === 'century' ? /^(\d{1,2})(?:st|nd|rd|th)$/.exec(this.str(k)) : null;
      if (ordinal) return this.ordinalRule(k, Number(ordinal[1]), this.tS[k]);
      const dec = this.decadeOf(k);
      if (dec !== null && this.plainPrefix(k)) return { expr: { start: this.tS[k], end: this.tE[k], kind: { type: 'decade', decade: dec } }, next: k + 1 };
      // "29th of July"? Rare in news; "29th July 2025" handled as a day.
      const d = this.dayAt(k);
      if (!Number.isNaN(d) && this.monthOf(k + 1)) return this.dayFirst(k, d);
      // "the 12th of March", "12th of March 2010".
      if (!Number.isNaN(d) && this.str(k + 1) === 'of' && this.monthOf(k + 2)) {
        const r = this.dayFirst(k + 1, d)!;
        r.expr.start = this.tS[k];
        return r;
      }
      return null;
    }
    if (tk === N) {
      // "in '96", "since '08", "the '96 campaign": a two-digit year after an apostrophe (window 1950–2049).
      if ((this.isP(k - 1, 39) || this.isP(k - 1, 0x2019)) && this.adjacent(k - 1, k) && this.tE[k] - this.tS[k] === 2 && !this.adjacent(k - 2, k - 1)) {
        const before = this.strOrNone(k - 2);
        const sy = before !== undefined && (YEAR_PREPOSITIONS.has(before) || before === 'the' || before === 'The') ? this.shortYearAt(k - 1) : null;
        if (sy) return { expr: { start: sy.start, end: this.tE[k], kind: { type: 'y', y: sy.y } }, next: k + 1 };
      }
      // "post-1959 politics", "pre-2008 levels", "mid-2012": after, before or the middle of the year.
      if (this.isP(k - 1, HYPHEN) && this.adjacent(k - 1, k) && this.kind(k - 2) === W && this.adjacent(k - 2, k - 1) && !this.isP(k + 1, HYPHEN)) {
        const pre = this.str(k - 2);
        const y = this.num(k, 1000, 2199, 4);
        const mod = pre === 'post' || pre === 'Post' ? 'AFTER' : pre === 'pre' || pre === 'Pre' ? 'BEFORE' : pre === 'mid' || pre === 'Mid' ? 'MID' : undefined;
        if (!Number.isNaN(y) && mod) return { expr: { start: this.tS[k - 2], end: this.tE[k], kind: { type: 'y', y }, mod }, next: k + 1 };
      }
      if (!this.plainPrefix(k)) return null;
      // ISO 2025-07-29.
      if (this.tE[k] - this.tS[k] === 4 && this.isP(k + 1, HYPHEN) && this.kind(k + 2) === N && this.tE[k + 2] - this.tS[k + 2] === 2 && this.isP(k + 3, HYPHEN) && this.kind(k + 4) === N && this.tE[k + 4] - this.tS[k + 4] === 2
        && this.adjacent(k, k + 1) && this.adjacent(k + 1, k + 2) && this.adjacent(k + 2, k + 3) && this.adjacent(k + 3, k + 4)) {
        return { expr: { start: this.tS[k], end: this.tE[k + 4], kind: { type: 'ymd', y: this.tV[k], m: this.tV[k + 2], d: this.tV[k + 4] } }, next: k + 5 };
      }
      const numeric = this.numericAt(k);
      if (numeric) return numeric;
      const clock = this.clockAt(k);
      if (clock) return clock;
      const d = this.dayAt(k);
      if (!Number.isNaN(d) && this.monthOf(k + 1)) return this.dayFirst(k, d);
      if (!Number.isNaN(d)) {
        // "10 - 22 August 2012", "10 to 22 August": the first day takes the second's month and year.
        const link = this.kind(k + 1) === P ? this.first(k + 1) : this.strOrNone(k + 1) === 'to' || this.strOrNone(k + 1) === 'and' ? HYPHEN : 0;
        if (link === HYPHEN || link === 0x2013) {
          const d2 = this.dayAt(k + 2);
          if (!Number.isNaN(d2) && d2 > d && this.monthOf(k + 3)) {
            const second = this.dayFirst(k + 2, d2)!;
            const sk = second.expr.kind;
            if (sk.type === 'ymd' || sk.type === 'md') {
              const first: Expr = { start: this.tS[k], end: this.tE[k], kind: sk.type === 'ymd' ? { type: 'ymd', y: sk.y, m: sk.m, d } : { type: 'md', m: sk.m, d }, pair: second.expr };
              return { expr: first, next: second.next };
            }
          }
        }
      }
      const dur = this.durationAt(k);
      if (dur) return this.afterDuration(this.tS[k], dur);
      const era = this.eraYearAt(k);
      if (era) return { expr: { start: this.tS[k], end: this.tE[k + 1], kind: { type: 'y', y: era.y, bc: era.bc || undefined } }, next: k + 2 };
      const y = this.yearAt(k);
      if (Number.isNaN(y)) return null;
      // "2018 March 18".
      if (this.monthOf(k + 1) && this.kind(k + 1) === W) {
        const dd = this.dayAt(this.afterDot(k + 1));
        if (!Number.isNaN(dd)) return { expr: { start: this.tS[k], end: this.tE[this.afterDot(k + 1)], kind: { type: 'ymd', y, m: this.monthOf(k + 1), d: dd } }, next: this.afterDot(k + 1) + 1 };
      }
      // Ranges "2009-2013", "2009–2013".
      if (this.kind(k + 1) === P) {
        const dash = this.first(k + 1);
        if ((dash === HYPHEN || dash === 0x2013 || dash === 0x2014) && this.adjacent(k, k + 1)) {
          // A year and a dash at the very end of the text ("In 2009-") is a year, not half a range.
          if (k + 2 < this.count && this.adjacent(k + 1, k + 2)) {
            const b = this.num(k + 2, 1000, 2199, 4);
            if (!Number.isNaN(b) && b > y && b - y <= 100) return { expr: { start: this.tS[k], end: this.tE[k + 2], kind: { type: 'range', from: y, to: b } }, next: k + 3 };
            // "1980-88", "the 2012-13 season", "1999-00": the end year's last two digits.
            const b2 = this.num(k + 2, 0, 99, 2);
            if (!Number.isNaN(b2) && !(this.kind(k + 3) === P && this.adjacent(k + 2, k + 3) && this.first(k + 3) !== COMMA && this.first(k + 3) !== DOT)) {
              const to = y - (y % 100) + b2 + (b2 <= y % 100 ? 100 : 0);
              if (to - y <= 30) return { expr: { start: this.tS[k], end: this.tE[k + 2], kind: { type: 'range', from: y, to } }, next: k + 3 };
            }
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
    let j = this.afterDot(k + 1);
    // "31st March, 2016".
    if (this.isP(j, COMMA) && !Number.isNaN(this.yearAt(j + 1))) j++;
    const y = this.yearAt(j);
    if (!Number.isNaN(y)) return { expr: { start: this.tS[k], end: this.tE[j], kind: { type: 'ymd', y, m, d } }, next: j + 1 };
    // "10 August 234 BC".
    const era = this.eraYearAt(j);
    if (era) return { expr: { start: this.tS[k], end: this.tE[j + 1], kind: { type: 'ymd', y: era.y, m, d, bc: era.bc || undefined } }, next: j + 2 };
    // "3 Aug 96", "3 Aug '96".
    const sy = j === this.afterDot(k + 1) ? this.shortYearAt(j) : null;
    if (sy) {
      const q = this.isP(j, 39) || this.isP(j, 0x2019) ? j + 1 : j;
      return { expr: { start: this.tS[k], end: this.tE[q], kind: { type: 'ymd', y: sy.y, m, d } }, next: q + 1 };
    }
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
    // "the 1800s", "the early 1900s": a century (centuryOf), not its first decade.
    return m && !(m[2] === '0' && m[1] !== '20') ? Number(m[1] + m[2]) : null;
  }

  /** The century of "1800s", "1900s" (its TIMEX3 digits: 18, 19), or null; "2000s" is a decade. */
  centuryOf(k: number): number | null {
    if (this.kind(k) !== X || this.tE[k] - this.tS[k] !== 5) return null;
    const m = /^(1[0-9])00s$/.exec(this.str(k));
    return m ? Number(m[1]) : null;
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
      // "the 1959 embargo", "a 1996 law": a determiner, a year of modern history, a noun.
      const y = this.tV[k];
      if (y >= 1800 && y <= 2099 && nk === W && this.tC[k + 1] < UNIT_CLASS && /^(?:the|The|a|A|its|his|her|their|this|that|whose)$/.test(p)) return true;
      if (/^[A-Z][a-z]+$/.test(p) && /^(?:Summit|Concept|Conference|Agenda|Declaration|Games|Cup|Expo|Vision|Plan|Strategy|Report|Review|Dialogue|Forum|Meeting|Olympics|Election|Elections|Budget)$/.test(p)) return true;
    }
    if (pk === P && this.first(k - 1) === 40 /* ( */ && nk === P && this.first(k + 1) === 41 /* ) */) return true;
    // A list of years: "in 1994, 1995 and 1997".
    if (pk === P && this.first(k - 1) === COMMA && !Number.isNaN(this.yearAt(k - 2)) && this.isYearContext(k - 2)) return true;
    return false;
  }

  grow(): void {
    const n = this.tS.length * 2;
    this.tS = grown(this.tS, new Int32Array(n));
    this.tE = grown(this.tE, new Int32Array(n));
    this.tK = grown(this.tK, new Uint8Array(n));
    this.tC = grown(this.tC, new Uint16Array(n));
    this.tV = grown(this.tV, new Int32Array(n));
  }

  /** The lexicon entry of token k, when it is a lexicon word. */
  lex(k: number): Word | undefined {
    if (this.kind(k) !== W) return undefined;
    const c = this.tC[k];
    return c >= KEYWORD_CLASS && c < UNIT_CLASS ? LEXICON[CLASS_WORD[c]] : undefined;
  }

  /** The lower-case lexicon word of token k, or ''. */
  lw(k: number): string {
    if (this.kind(k) !== W) return '';
    const c = this.tC[k];
    return c >= KEYWORD_CLASS && c < UNIT_CLASS ? CLASS_WORD[c] : '';
  }

  /**
   * A quantity of units at k: "five years", "13 days", "a month", "several weeks", "a couple of
   * days", "16-hour", "one-day", "5 1/2 hours" (read as 5). n is NaN for an unspecified number.
   */
  durationAt(k: number): { n: number; unit: Unit; next: number; half?: boolean } | null {
    let n: number;
    let j = k + 1;
    const tk = this.kind(k);
    if (tk === N) {
      if (this.tE[k] - this.tS[k] > 3 || !this.plainPrefix(k)) return null;
      const pk = this.kind(k - 1);
      if (pk === P && this.tE[k - 1] === this.tS[k] && isMoneyOrSeparator(this.first(k - 1))) return null;
      n = this.tV[k];
      // "5 1/2 hours": the half is read for hours (PT5H30M), dropped otherwise.
      if (this.kind(j) === N && this.tV[j] === 1 && this.isP(j + 1, 47) && this.num(j + 2, 2, 2) === 2) {
        j += 3;
        if (this.lw(j) === 'hours') return { n, unit: 'H', next: j + 1, half: true };
      }
    } else {
      const w = this.lex(k);
      if (!w || w.n === undefined) return null;
      n = w.n;
      if (this.lw(k) === 'a' && this.lw(j) === 'couple' && this.str(j + 1) === 'of') j += 2;
      else if (this.lw(k) === 'a' && this.lw(j) === 'few') { n = NaN; j++; }
      else if (this.lw(k) === 'couple' && this.str(j) === 'of') j++;
      // "twenty-five"
      else if (n >= 20 && n < 100 && this.isP(j, HYPHEN) && this.adjacent(k, j)) {
        const u = this.lex(j + 1);
        if (u && u.n !== undefined && u.n < 10) { n += u.n; j += 2; }
      }
    }
    let hyphen = false;
    if (this.isP(j, HYPHEN) && this.adjacent(j - 1, j) && this.adjacent(j, j + 1)) {
      hyphen = true;
      j++;
    } else if (this.lw(j) === 'more' || this.lw(j) === 'full' || this.lw(j) === 'long') j++;
    const u = this.lex(j);
    if (!u || !u.unit) return null;
    // Ages and sizes: "a 44-year-old", "a 24-hour candle" stays (a duration), "six-year-old" does not.
    if (hyphen && this.isP(j + 1, HYPHEN) && this.adjacent(j, j + 1) && this.strOrNone(j + 2) === 'old') return null;
    // "a day-long meeting": the unit's own form reads it.
    if (!hyphen && this.isP(j + 1, HYPHEN) && this.adjacent(j, j + 1) && /^(?:old|long)$/.test(this.strOrNone(j + 2) ?? '')) return null;
    if (tk === N && this.first(j) <= 90) return null; // "60 Minutes"
    if (u.unit === 'S' && tk !== N && n === 1) return null; // "a second", "one second" rarely time
    // "a six year process": a count before a singular unit is an adjective when an article precedes it and a word follows.
    const adjective = !hyphen && !u.plural && n > 1 && /^(?:a|an|the|A|An|The)$/.test(this.strOrNone(k - 1) ?? '') && this.kind(j + 1) === W && this.first(j + 1) >= 97;
    if (!adjective && (hyphen ? u.plural : (n === 1) === !!u.plural && !Number.isNaN(n))) return null;
    if (Number.isNaN(n) && !u.plural) return null;
    return { n, unit: u.unit, next: j + 1 };
  }

  /** What follows a quantity of units ending before token j: an offset ("ago", "later", "from now", "after <date>") or a duration. */
  afterDuration(start: number, d: { n: number; unit: Unit; next: number; half?: boolean }): { expr: Expr; next: number } | null {
    const j = d.next;
    const w = this.lw(j);
    const end = this.tE[j - 1];
    // A rate ("24 hours a day", "ten hours per week") is neither a span nor a date.
    if ((w === 'a' || w === 'an' || this.strOrNone(j) === 'per') && this.lex(j + 1)?.unit && !this.lex(j + 1)!.plural) return null;
    if (w === 'ago' && !Number.isNaN(d.n)) return { expr: { start, end: this.tE[j], kind: { type: 'off', n: -d.n, unit: d.unit, from: 'dct' } }, next: j + 1 };
    if ((w === 'later' || w === 'earlier') && !Number.isNaN(d.n)) {
      return { expr: { start, end: this.tE[j], kind: { type: 'off', n: w === 'later' ? d.n : -d.n, unit: d.unit, from: 'prev' } }, next: j + 1 };
    }
    if (w === 'from' && this.lw(j + 1) === 'now' && !Number.isNaN(d.n)) return { expr: { start, end: this.tE[j + 1], kind: { type: 'off', n: d.n, unit: d.unit, from: 'dct' } }, next: j + 2 };
    if ((w === 'after' || w === 'before') && !Number.isNaN(d.n)) {
      const base = this.tryAt(j + 1);
      if (base && base.expr.start === this.tS[j + 1] && isDay(base.expr.kind)) {
        return { expr: { start, end: base.expr.end, kind: { type: 'off', n: w === 'after' ? d.n : -d.n, unit: d.unit, from: 'base', base: base.expr.kind } }, next: base.next };
      }
    }
    const first = this.startToken(start);
    const p = this.strOrNone(first - 1);
    // "the first time in five years", "the highest in a decade", "the first in two years", "the
    // largest protest in a decade": a span up to now, not a date ahead.
    const sinceSpan = spanWord(this.strOrNone(first - 2) ?? '') || spanWord(this.strOrNone(first - 3) ?? '');
    if ((p === 'in' || p === 'In') && !sinceSpan && !Number.isNaN(d.n) && d.unit !== 'H' && d.unit !== 'MIN' && d.unit !== 'S') {
      // `within`: "in two weeks" is a span, not a date ahead, when its clause is past (the resolver decides).
      return { expr: { start, end, kind: { type: 'off', n: d.n, unit: d.unit, from: 'dct', within: true } }, next: j };
    }
    return { expr: { start, end, kind: { type: 'dur', n: d.n, unit: d.unit, half: d.half } }, next: j };
  }

  /** The token that starts at offset s (a token of this window). */
  startToken(s: number): number {
    let k = 0;
    while (k < this.count && this.tS[k] < s) k++;
    return k;
  }

  /** Forms that start with a lexicon word (lw, lower case) at k. */
  wordRule(k: number, lw: string): { expr: Expr; next: number } | null {
    const w = LEXICON[lw];
    const s = this.tS[k];
    if (lw === 'yesterday' || lw === 'today' || lw === 'tomorrow' || lw === 'tonight') {
      const offset = lw === 'yesterday' ? -1 : lw === 'tomorrow' ? 1 : 0;
      const part = lw === 'tonight' ? 'NI' : this.partAt(k + 1);
      if (part && lw !== 'tonight') return { expr: { start: s, end: this.tE[k + 1], kind: { type: 'rel', unit: 'day', offset }, time: part }, next: k + 2 };
      // "the day before yesterday", handled by "the"; "today's" stays today.
      return { expr: { start: s, end: this.tE[k], kind: { type: 'rel', unit: 'day', offset }, time: lw === 'tonight' ? 'NI' : undefined }, next: k + 1 };
    }
    // "earlier that day", "later that year": the anaphor after it, with the word in its span (the
    // extent newswire gold gives it; "earlier this week" is annotated as "this week"). "Earlier in
    // the day" is not an expression of its own (newswire gold leaves it).
    if (lw === 'earlier' || lw === 'later') {
      if (this.lw(k + 1) !== 'that') return null;
      const r = this.tryAt(k + 1);
      if (!r || r.expr.start !== this.tS[k + 1] || r.expr.kind.type !== 'ana') return null;
      r.expr.start = s;
      return r;
    }
    // A modifier before an expression: "about two weeks", "more than four decades ago", "at least 72 hours", "early 1990s", "late November".
    if (w.mod && lw !== 'end' && lw !== 'start' && lw !== 'beginning' && lw !== 'middle') {
      let j = k + 1;
      if ((lw === 'more' || lw === 'less') && this.str(j) === 'than') j++;
      if (this.isP(j, HYPHEN) && this.adjacent(k, j)) j++;
      if (lw === 'least' && this.str(k - 1) !== 'at') return null;
      if (lw === 'some' && this.kind(j) !== N && !(this.lex(j)?.n! > 1)) return null;
      const dec = j > k + 1 ? this.decadeOf(j) : null; // "mid-1990s"
      const r = dec !== null ? { expr: { start: this.tS[j], end: this.tE[j], kind: { type: 'decade', decade: dec } } as Expr, next: j + 1 }
        : this.kind(j) === 0 || this.lex(j)?.mod ? null : this.tryAt(j);
      if (!r || r.expr.start !== this.tS[j]) return null;
      const start = lw === 'least' ? this.tS[k - 1] : s;
      const kind = r.expr.kind.type;
      // Early/late/mid qualify dates; the others quantities (and "about" a date: "around May 5").
      if ((lw === 'early' || lw === 'late' || lw === 'mid') && (kind === 'dur' || kind === 'set')) return null;
      // "around Wednesday's ruling": approximation words qualify quantities, years and times, not days.
      // "talked about the future": no modifier qualifies a reference to the present, past or future.
      if (kind === 'ref') return null;
      if (w.mod !== 'START' && w.mod !== 'END' && w.mod !== 'MID' && (kind === 'weekday' || kind === 'md' || kind === 'rel' || kind === 'ana') && !r.expr.time) return null;
      r.expr.start = start;
      r.expr.mod = w.mod;
      return r;
    }
    // "two years ago", "five years", "a week later", "several months".
    if (w.n !== undefined) {
      if (lw === 'a' || lw === 'an') {
        const u = this.lex(k + 1);
        // "twice a week": a frequency (SET P1W); "24 hours a day": the rate's denominator, no date.
        if (u?.unit && !u.plural && /^(?:once|twice|thrice|times)$/.test(this.strOrNone(k - 1) ?? '')) {
          return { expr: { start: s, end: this.tE[k + 1], kind: { type: 'set', v: durationValue(1, u.unit) } }, next: k + 2 };
        }
        if (u?.unit && this.lex(k - 1)?.unit) return null;
      }
      const d = this.durationAt(k);
      return d ? this.afterDuration(s, d) : null;
    }
    if (w.ref) {
      if (lw === 'past') return null; // only "the past"
      // "Now the alliance…", "Now, officials said…": a sentence opening with "Now" is a discourse marker.
      if (lw === 'now' && this.first(k) === 78 /* N */ && this.opensSentence(k)) return null;
      if (lw === 'current' && this.lex(k + 1)?.unit) return null;
      // "a future in which…", "a brighter future": a kind of future, not the time after now.
      if (lw === 'future' && (this.isArticle(k - 1) || (this.kind(k - 1) === W && this.isArticle(k - 2)))) return null;
      return { expr: { start: s, end: this.tE[k], kind: { type: 'ref', v: w.ref } }, next: k + 1 };
    }
    if (w.part === 'MI' || lw === 'midnight') {
      const p = this.strOrNone(k - 1);
      if (p !== 'at' && p !== 'by' && p !== 'until' && p !== 'before' && p !== 'after' && p !== 'around' && p !== 'about' && p !== 'till') return null;
      return { expr: { start: s, end: this.tE[k], kind: { type: 'rel', unit: 'day', offset: 0 }, time: lw === 'midnight' ? '24:00' : '12:00', local: true }, next: k + 1 };
    }
    if (w.holiday) {
      if (this.first(k) > 90) return null;
      let end = this.tE[k];
      let next = k + 1;
      const needs = HOLIDAYS[w.holiday]?.word;
      if (needs && this.strOrNone(k + 1) !== needs) return null;
      if (w.holiday !== 'easter' && this.str(k + 1) === 'Day' || (w.holiday === 'easter' && this.str(k + 1) === 'Sunday')) {
        end = this.tE[k + 1];
        next++;
      } else if (w.holiday === 'newyear') {
        // "New Year's Day", "New Year's Eve".
        if (this.strOrNone(k + 1) !== 'Year' || !(this.isP(k + 2, 39) || this.isP(k + 2, 0x2019)) || this.strOrNone(k + 3) !== 's' || !/^(?:Day|Eve)$/.test(this.strOrNone(k + 4) ?? '')) return null;
        const eve = this.str(k + 4) === 'Eve';
        return this.withYearWord({ expr: { start: s, end: this.tE[k + 4], kind: { type: 'holiday', name: eve ? 'newyeareve' : 'newyear' } }, next: k + 5 });
      } else if (w.holiday === 'christmas' && this.str(k + 1) === 'Eve') {
        return { expr: { start: s, end: this.tE[k + 1], kind: { type: 'holiday', name: 'christmaseve' } }, next: k + 2 };
      }
      const rel = this.isRelWord(k - 1) ? (this.str(k - 1).toLowerCase() as 'last' | 'next' | 'this') : undefined;
      // "Easter week", "Thanksgiving week": the week holding the holiday.
      if (next === k + 1 && this.lw(next) === 'week') return { expr: { start: rel ? this.tS[k - 1] : s, end: this.tE[next], kind: { type: 'holiday', name: w.holiday, rel, week: true } }, next: next + 1 };
      return this.withYearWord({ expr: { start: rel ? this.tS[k - 1] : s, end, kind: { type: 'holiday', name: w.holiday, rel } }, next });
    }
    if (w.set) {
      // A newspaper, not a frequency: "the party daily Granma", "China Daily" (capitalized inside a sentence).
      const next = this.kind(k + 1) === W ? this.first(k + 1) : 0;
      if ((next >= 65 && next <= 90) || (this.first(k) <= 90 && !this.opensSentence(k))) return null;
      return { expr: { start: s, end: this.tE[k], kind: { type: 'set', v: w.set } }, next: k + 1 };
    }
    if (lw === 'every' || lw === 'each') {
      const u = this.lex(k + 1);
      if (u?.unit && !u.plural) return { expr: { start: s, end: this.tE[k + 1], kind: { type: 'set', v: durationValue(1, u.unit), quant: lw.toUpperCase() } }, next: k + 2 };
      if (u?.season) return { expr: { start: s, end: this.tE[k + 1], kind: { type: 'set', v: `XXXX-${u.season}`, quant: lw.toUpperCase() } }, next: k + 2 };
      if (this.lw(k + 1) === 'season') return { expr: { start: s, end: this.tE[k + 1], kind: { type: 'set', v: 'P3M', quant: lw.toUpperCase() } }, next: k + 2 };
      const wd = this.weekdayOf(k + 1);
      if (wd >= 0) return { expr: { start: s, end: this.tE[k + 1], kind: { type: 'set', v: `XXXX-WXX-${wd === 0 ? 7 : wd}`, quant: lw.toUpperCase() } }, next: k + 2 };
      if (lw === 'every') {
        const d = this.durationAt(k + 1);
        if (d && !Number.isNaN(d.n)) return { expr: { start: s, end: this.tE[d.next - 1], kind: { type: 'set', v: durationValue(d.n, d.unit), quant: 'EVERY' } }, next: d.next };
      }
      return null;
    }
    // "first-quarter profits", "fourth-quarter results": the quarter as "the first quarter" reads it.
    if (w.ord !== undefined && w.ord <= 4 && this.isP(k + 1, HYPHEN) && this.adjacent(k, k + 1) && this.adjacent(k + 1, k + 2) && this.lw(k + 2) === 'quarter') {
      return { expr: { start: s, end: this.tE[k + 2], kind: { type: 'part', of: 'Q', n: w.ord, y: NaN, offset: 0, bare: true } }, next: k + 3 };
    }
    if (w.season) return this.seasonAt(k, s, undefined);
    if (w.rel !== undefined) return this.relRule(k, s, lw, w.rel, false);
    if (lw === 'the') return this.theRule(k);
    if (lw === 'recent') {
      const u = this.lex(k + 1);
      if (u?.unit && u.plural) return { expr: { start: s, end: this.tE[k + 1], kind: { type: 'dur', n: NaN, unit: u.unit } }, next: k + 2 };
      return null;
    }
    if (lw === 'fiscal') {
      let j = k + 1;
      if (this.lw(j) === 'year') j++;
      const y = this.yearAt(j);
      if (!Number.isNaN(y)) return { expr: { start: s, end: this.tE[j], kind: { type: 'fiscal', y } }, next: j + 1 };
      return null;
    }
    if (lw === 'for' || lw === 'within') {
      // "for years", "for weeks": an unspecified duration; "within 3 days": a duration from now.
      const u = this.lex(k + 1);
      if (lw === 'for' && u?.unit && u.plural && this.kind(k + 1) === W) return { expr: { start: this.tS[k + 1], end: this.tE[k + 1], kind: { type: 'dur', n: NaN, unit: u.unit } }, next: k + 2 };
      if (lw === 'within') {
        const d = this.durationAt(k + 1);
        if (d) return { expr: { start: this.tS[k + 1], end: this.tE[d.next - 1], kind: { type: 'dur', n: d.n, unit: d.unit, within: true } }, next: d.next };
      }
      return null;
    }
    if (lw === 'between' || lw === 'from') return this.rangeRule(k, lw);
    // A unit word alone: "decades-long", "years-old".
    if (w.unit && !w.plural && this.isP(k + 1, HYPHEN) && this.adjacent(k, k + 1) && this.strOrNone(k + 2) === 'long') {
      return { expr: { start: s, end: this.tE[k + 2], kind: { type: 'dur', n: 1, unit: w.unit } }, next: k + 3 };
    }
    if (w.unit && w.plural && this.isP(k + 1, HYPHEN) && this.adjacent(k, k + 1) && /^(?:long|old)$/.test(this.strOrNone(k + 2) ?? '')) {
      return { expr: { start: s, end: this.tE[k + 2], kind: { type: 'dur', n: NaN, unit: w.unit } }, next: k + 3 };
    }
    if (lw === 'weekend') return null;
    return null;
  }

  /** Whether token k is a time zone ("GMT", "EST"): a short capitalized word in CLOCK_ZONE. */
  isZone(k: number): boolean {
    if (this.kind(k) !== W || this.tE[k] - this.tS[k] > 4) return false;
    const c = this.first(k);
    return c >= 65 && c <= 90 && CLOCK_ZONE.test(this.str(k));
  }

  /** Whether token k is the indefinite article. */
  isArticle(k: number): boolean {
    const w = this.strOrNone(k);
    return w === 'a' || w === 'an' || w === 'A' || w === 'An';
  }

  /** Whether token k opens a sentence: only spaces and quotes between it and a full stop, a line break or the text's start. */
  opensSentence(k: number): boolean {
    let i = this.tS[k] - 1;
    for (; i >= 0; i--) {
      const c = this.src.charCodeAt(i);
      if (c === 32 || c === 9 || c === 34 || c === 39 || c === 96 || c === 0x201c || c === 0x2018) continue;
      return c === DOT || c === 33 || c === 63 || c === 10 || c === 13;
    }
    return true;
  }

  /** Part of day at k ("morning", "night"), or undefined. */
  partAt(k: number): string | undefined {
    const w = this.lex(k);
    return w?.part && w.part !== 'MI' ? w.part : undefined;
  }

  /** "last/this/next/previous/following/coming/that/same X" at k. `the`: preceded by "the". */
  relRule(k: number, start: number, lw: string, rel: -1 | 0 | 1, the: boolean): { expr: Expr; next: number } | null {
    let s = start;
    const j = k + 1;
    const u = this.lex(j);
    const name = this.kind(j) === W ? this.str(j) : '';
    if (lw === 'same' && this.lw(k - 1) === 'that') s = this.tS[k - 1];
    const anaphoric = lw === 'following' || lw === 'previous' || lw === 'same' || lw === 'that' || (the && lw === 'next');
    if (u?.unit && !u.plural && (u.unit === 'D' || u.unit === 'W' || u.unit === 'M' || u.unit === 'Y' || u.unit === 'DE' || u.unit === 'CE')) {
      if (lw === 'past' || lw === 'coming' || lw === 'upcoming' || (the && lw === 'last' && u.unit !== 'D')) {
        return { expr: { start: s, end: this.tE[j], kind: { type: 'dur', n: 1, unit: u.unit } }, next: j + 1 };
      }
      if (u.unit === 'DE' || u.unit === 'CE') {
        if (lw === 'this' && u.unit === 'CE') return { expr: { start: s, end: this.tE[j], kind: { type: 'relc', offset: 0 } }, next: j + 1 };
        return null;
      }
      const unit = u.unit === 'D' ? 'day' : u.unit === 'W' ? 'week' : u.unit === 'M' ? 'month' : 'year';
      if (anaphoric) {
        const part = unit === 'day' ? undefined : undefined;
        return { expr: { start: s, end: this.tE[j], kind: { type: 'ana', unit, offset: rel }, time: part }, next: j + 1 };
      }
      if (unit === 'day') return null; // "this day", "last day"
      return { expr: { start: s, end: this.tE[j], kind: { type: 'rel', unit, offset: rel } }, next: j + 1 };
    }
    if (u?.unit && u.plural && (lw === 'past' || lw === 'last' || lw === 'next' || lw === 'coming' || lw === 'previous' || lw === 'following')) {
      // "the past four years" is read by the number; "the coming years": an unspecified duration.
      return { expr: { start: s, end: this.tE[j], kind: { type: 'dur', n: NaN, unit: u.unit } }, next: j + 1 };
    }
    if ((lw === 'past' || lw === 'last' || lw === 'next' || lw === 'coming' || lw === 'previous' || lw === 'following') && (this.lex(j)?.n !== undefined || this.kind(j) === N)) {
      const d = this.durationAt(j);
      if (d && this.lex(d.next - 1)?.plural) return { expr: { start: s, end: this.tE[d.next - 1], kind: { type: 'dur', n: d.n, unit: d.unit } }, next: d.next };
    }
    if (u?.part && (lw === 'this' || lw === 'that' || lw === 'last' || lw === 'same' || lw === 'next' || lw === 'following')) {
      if (u.part === 'MI') return null;
      if (lw === 'that' || lw === 'same' || lw === 'following' || (the && lw === 'next')) {
        return { expr: { start: s, end: this.tE[j], kind: { type: 'ana', unit: 'day', offset: lw === 'following' || lw === 'next' ? 1 : 0 }, time: u.part }, next: j + 1 };
      }
      const offset = lw === 'last' ? (u.part === 'NI' || u.part === 'EV' ? -1 : NaN) : lw === 'next' ? 1 : 0;
      if (Number.isNaN(offset)) return null;
      return { expr: { start: s, end: this.tE[j], kind: { type: 'rel', unit: 'day', offset }, time: u.part }, next: j + 1 };
    }
    if (u?.season && lw !== 'previous' && lw !== 'same' && lw !== 'following' && lw !== 'coming') {
      return this.seasonAt(j, s, lw === 'last' ? 'last' : lw === 'next' ? 'next' : 'this');
    }
    if (name === 'weekend' && !anaphoric) return { expr: { start: s, end: this.tE[j], kind: { type: 'weekend', offset: rel } }, next: j + 1 };
    if (lw === 'this' || lw === 'next' || lw === 'last') {
      // "last quarter", "this quarter" ("the last quarter" may be a year's fourth: not read).
      if (name === 'quarter' && !the && this.lw(k - 1) !== 'the' && this.strOrNone(j + 1) !== 'of') return { expr: { start: s, end: this.tE[j], kind: { type: 'part', of: 'Q', n: NaN, y: NaN, offset: rel } }, next: j + 1 };
      if (this.lw(j) === 'fiscal' && this.lw(j + 1) === 'year') return { expr: { start: s, end: this.tE[j + 1], kind: { type: 'fiscal', y: NaN, offset: rel } }, next: j + 2 };
      const ord = this.lex(j)?.ord;
      if (ord && (this.lw(j + 1) === 'quarter' || this.lw(j + 1) === 'half')) return null;
    }
    if (lw === 'this' || lw === 'that') {
      // "this Saturday" is read by the weekday; "that day" above.
      return null;
    }
    return null;
  }

  /** A season at k (`spring` … `winter`), with a relative word before it or a year after it. */
  seasonAt(k: number, s: number, rel: 'last' | 'next' | 'this' | undefined): { expr: Expr; next: number } | null {
    const season = this.lex(k)!.season!;
    let j = k + 1;
    if (this.str(j) === 'of') j++;
    const y = this.yearAt(j);
    if (!Number.isNaN(y)) return { expr: { start: s, end: this.tE[j], kind: { type: 'season', s: season, y } }, next: j + 1 };
    if (rel) return { expr: { start: s, end: this.tE[k], kind: { type: 'season', s: season, rel } }, next: k + 1 };
    // A bare season needs "in (the)", "this/last/next" (above), "early/late" or "the" before it.
    const p = this.lw(k - 1) || this.strOrNone(k - 1);
    const pp = this.strOrNone(k - 2);
    if (p === 'the' && (pp === 'in' || pp === 'In' || pp === 'during' || pp === 'by' || pp === 'until' || pp === 'over' || pp === 'this')) return { expr: { start: s, end: this.tE[k], kind: { type: 'season', s: season } }, next: k + 1 };
    if (p === 'in' || p === 'In' || p === 'early' || p === 'late' || p === 'mid' || p === 'during') return { expr: { start: s, end: this.tE[k], kind: { type: 'season', s: season } }, next: k + 1 };
    return null;
  }

  /** Forms starting with "the" at k. */
  theRule(k: number): { expr: Expr; next: number } | null {
    const j = k + 1;
    const s = this.tS[k];
    const lw = this.lw(j);
    const w = lw ? LEXICON[lw] : undefined;
    if (!w) {
      // "the 20th century", "the 1990s" (read by the number), "the 2nd quarter".
      if (this.kind(j) === X) {
        const t = this.str(j);
        const m = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(t);
        if (m) return this.ordinalRule(j, Number(m[1]), s);
      }
      return null;
    }
    if (w.ord !== undefined && !w.unit) return this.ordinalRule(j, w.ord, s);
    if (lw === 'second' && (this.lw(j + 1) === 'quarter' || this.lw(j + 1) === 'half')) return this.ordinalRule(j, 2, s);
    // "the day before yesterday", "the day after tomorrow", "the day after", "the day before".
    if (lw === 'day' && (this.lw(j + 1) === 'before' || this.lw(j + 1) === 'after')) {
      const after = this.lw(j + 1) === 'after';
      const n = this.lw(j + 2);
      if (n === 'yesterday' || n === 'tomorrow') {
        return { expr: { start: s, end: this.tE[j + 2], kind: { type: 'rel', unit: 'day', offset: (n === 'yesterday' ? -1 : 1) + (after ? 1 : -1) } }, next: j + 3 };
      }
      // "the day before last Tuesday": the weekday form starts at the weekday and takes the word before it.
      const at = this.isRelWord(j + 2) && this.weekdayOf(j + 3) >= 0 ? j + 3 : j + 2;
      const base = this.kind(at) ? this.tryAt(at) : null;
      if (base && base.expr.start === this.tS[j + 2] && isDay(base.expr.kind)) {
        return { expr: { start: s, end: base.expr.end, kind: { type: 'off', n: after ? 1 : -1, unit: 'D', from: 'base', base: base.expr.kind } }, next: base.next };
      }
      // Alone only before punctuation ("…the day before."): "the day before authorities acted" is a clause.
      if (this.kind(j + 2) !== P && this.kind(j + 2) !== 0) return null;
      return { expr: { start: s, end: this.tE[j + 1], kind: { type: 'ana', unit: 'day', offset: after ? 1 : -1 } }, next: j + 2 };
    }
    // "the week of March 6": that date's ISO week.
    if (lw === 'week' && this.str(j + 1) === 'of' && this.kind(j + 2)) {
      const base = this.tryAt(j + 2);
      if (base && base.expr.start === this.tS[j + 2] && isDay(base.expr.kind)) {
        return { expr: { start: s, end: base.expr.end, kind: { type: 'off', n: 0, unit: 'W', from: 'base', base: base.expr.kind } }, next: base.next };
      }
    }
    if (lw === 'past' || lw === 'future') {
      const u = this.lex(j + 1);
      if (lw === 'past' && (u?.unit || u?.n !== undefined || this.kind(j + 1) === N)) return this.relRule(j, s, lw, -1, true);
      if (u?.unit) return null;
      return { expr: { start: s, end: this.tE[j], kind: { type: 'ref', v: w.ref! } }, next: j + 1 };
    }
    if (w.rel !== undefined) return this.relRule(j, s, lw, w.rel, true);
    // "the end of the year", "the beginning of March", "the middle of 2024".
    if (lw === 'end' || lw === 'beginning' || lw === 'start' || lw === 'middle') {
      if (this.str(j + 1) !== 'of') return null;
      let q = j + 2;
      let r: { expr: Expr; next: number } | null = null;
      if (this.lw(q) === 'the' && this.lex(q + 1)?.unit && !this.lex(q + 1)!.plural) {
        const u = this.lex(q + 1)!.unit!;
        if (u === 'W' || u === 'M' || u === 'Y') r = { expr: { start: s, end: this.tE[q + 1], kind: { type: 'rel', unit: u === 'W' ? 'week' : u === 'M' ? 'month' : 'year', offset: 0 } }, next: q + 2 };
      } else if (this.kind(q)) {
        if (this.lw(q) === 'the') q++;
        r = this.tryAt(q);
        if (r && r.expr.start !== this.tS[q]) r = null;
      }
      if (!r) return null;
      r.expr.start = s;
      r.expr.mod = w.mod;
      return r;
    }
    if (w.season) return this.seasonAt(j, s, undefined);
    if (lw === 'weekend') return { expr: { start: s, end: this.tE[j], kind: { type: 'weekend', offset: 0 } }, next: j + 1 };
    return null;
  }

  /** "the 20th century", "the first quarter (of 2024)", "the second half of the year", ordinal at token j. */
  ordinalRule(j: number, ord: number, s: number): { expr: Expr; next: number } | null {
    const u = this.lw(j + 1);
    if (u === 'century' && ord >= 1 && ord <= 22) {
      return { expr: { start: s, end: this.tE[j + 1], kind: { type: 'century', c: ord - 1 } }, next: j + 2 };
    }
    if ((u === 'quarter' && ord <= 4) || (u === 'half' && ord <= 2)) {
      let end = this.tE[j + 1];
      let next = j + 2;
      let y = NaN;
      let offset = 0;
      if (this.str(j + 2) === 'of') {
        const yy = this.yearAt(j + 3);
        if (!Number.isNaN(yy)) {
          y = yy;
          end = this.tE[j + 3];
          next = j + 4;
        } else if ((this.lw(j + 3) === 'the' || this.lw(j + 3) === 'this' || this.lw(j + 3) === 'next' || this.lw(j + 3) === 'last') && this.lw(j + 4) === 'year') {
          offset = this.lw(j + 3) === 'next' ? 1 : this.lw(j + 3) === 'last' ? -1 : 0;
          end = this.tE[j + 4];
          next = j + 5;
        } else if (u === 'half') return null;
      } else if (u === 'half') return null;
      const bare = Number.isNaN(y) && next === j + 2;
      return { expr: { start: s, end, kind: { type: 'part', of: u === 'quarter' ? 'Q' : 'H', n: ord, y, offset, bare } }, next };
    }
    return null;
  }

  /** "between 2009 and 2013", "from 2014 to 2016", "between March and May": two linked dates. */
  rangeRule(k: number, lw: string): { expr: Expr; next: number } | null {
    const a = this.kind(k + 1) ? this.tryAt(k + 1) : null;
    if (!a || a.expr.start !== this.tS[k + 1]) return null;
    const link = this.strOrNone(a.next);
    const ok = lw === 'between' ? link === 'and' : link === 'to' || link === 'until' || link === 'through' || link === 'till';
    if (!ok || !this.kind(a.next + 1)) return a;
    const b = this.tryAt(a.next + 1);
    if (!b || b.expr.start !== this.tS[a.next + 1]) return a;
    a.expr.pair = b.expr;
    return { expr: a.expr, next: b.next };
  }

  /** "10:35 a.m.", "9 p.m.", optionally followed by a time zone and a day ("9 a.m. EDT Tuesday"). */
  clockAt(k: number): { expr: Expr; next: number } | null {
    const len = this.tE[k] - this.tS[k];
    if (len > 4) return null;
    let h = len <= 2 ? this.num(k, 0, 24) : NaN;
    if (Number.isNaN(h) && len !== 4) return null;
    let j = k + 1;
    let min = 0;
    let colon = false;
    if (this.isP(j, COLON) && this.adjacent(k, j) && !Number.isNaN(h)) {
      min = this.num(j + 1, 0, 59, 2);
      if (Number.isNaN(min) || !this.adjacent(j, j + 1)) return null;
      j += 2;
      colon = true;
    }
    let end: number;
    const ap = this.kind(j) === W ? this.str(j) : '';
    if ((ap === 'a' || ap === 'p') && this.isP(j + 1, DOT) && this.strOrNone(j + 2) === 'm' && h <= 12) {
      // "10 a.m.", "10:35 p.m."
      if (ap === 'p' && h < 12) h += 12;
      if (ap === 'a' && h === 12) h = 0;
      end = this.tE[j + 2];
      j += 3;
      if (this.isP(j, DOT) && this.tS[j] === end) j++;
    } else if (ap.length === 2 && (ap === 'am' || ap === 'pm' || ap === 'AM' || ap === 'PM') && h <= 12) {
      // "10 am", "10:30 PM"
      if ((ap === 'pm' || ap === 'PM') && h < 12) h += 12;
      if ((ap === 'am' || ap === 'AM') && h === 12) h = 0;
      end = this.tE[j];
      j++;
    } else if (!colon && h >= 1 && h <= 12 && ap === 'o' && this.isP(j + 1, 39) && this.strOrNone(j + 2) === 'clock') {
      // "8 o'clock"
      end = this.tE[j + 2];
      j += 3;
    } else if (!colon && h >= 1 && h <= 12 && ((ap === 'in' && this.strOrNone(j + 1) === 'the' && this.partAt(j + 2)) || (ap === 'at' && this.strOrNone(j + 1) === 'night'))) {
      // "4 in the morning", "10 in the evening", "11 at night"
      const part = ap === 'at' ? 'NI' : this.partAt(j + 2)!;
      if (part === 'MO' && h === 12) h = 0;
      else if ((part === 'AF' || part === 'EV' || (part === 'NI' && h >= 6)) && h < 12) h += 12;
      const last = ap === 'at' ? j + 1 : j + 2;
      end = this.tE[last];
      j = last + 1;
    } else {
      // 24-hour clock: "14:30 GMT", "at 09:15", "1430 GMT" (a four-digit number only with a zone).
      if (len === 4 && !colon) {
        const v = this.tV[k];
        h = Math.floor(v / 100);
        min = v % 100;
        if (h > 23 || min > 59 || !this.isZone(j)) return null;
      } else if (!colon || this.tE[j - 1] - this.tS[j - 1] !== 2) return null;
      else if (!this.isZone(j) && ap !== 'local') {
        const before = this.strOrNone(k - 1);
        if (!(before && CLOCK_PREPOSITION.has(before))) return null;
      }
      if (h > 23) return null;
      end = this.tE[j - 1];
    }
    if (h > 24) return null;
    const time = `${pad2(h)}:${pad2(min)}`;
    let q = j;
    if (this.isZone(j)) q++;
    if (this.str(q) === 'local' && this.strOrNone(q + 1) === 'time') q += 2;
    if (q > j) end = this.tE[q - 1];
    if (this.str(q) === 'on' || this.str(q) === 'local') q++;
    const wd = this.weekdayOf(q);
    if (wd >= 0) return { expr: { start: this.tS[k], end: this.tE[q], kind: { type: 'weekday', w: wd }, time }, next: q + 1 };
    const lw = this.lw(q);
    if (lw === 'yesterday' || lw === 'today' || lw === 'tomorrow') {
      return { expr: { start: this.tS[k], end: this.tE[q], kind: { type: 'rel', unit: 'day', offset: lw === 'yesterday' ? -1 : lw === 'today' ? 0 : 1 }, time }, next: q + 1 };
    }
    return { expr: { start: this.tS[k], end, kind: { type: 'rel', unit: 'day', offset: 0 }, time, local: true }, next: q };
  }


  /** Numeric dates: "2012/8/10", "8/10/2012" (month first; `numeric` says whether the numbers allow the other order), "10.08.2012". */
  numericAt(k: number): { expr: Expr; next: number } | null {
    const sep = this.kind(k + 1) === P ? this.first(k + 1) : 0;
    if (sep !== 47 && sep !== DOT) return null;
    if (!(this.isP(k + 3, sep) && this.kind(k + 2) === N && this.kind(k + 4) === N)) return null;
    for (let q = k; q < k + 4; q++) if (!this.adjacent(q, q + 1)) return null;
    if (this.kind(k + 5) === P && this.adjacent(k + 4, k + 5) && (this.first(k + 5) === sep || this.first(k + 5) === COLON)) return null;
    const a = this.tV[k];
    const b = this.tV[k + 2];
    const c = this.tV[k + 4];
    const la = this.tE[k] - this.tS[k];
    const lc = this.tE[k + 4] - this.tS[k + 4];
    const span = { start: this.tS[k], end: this.tE[k + 4] };
    if (la === 4 && a >= 1000 && a <= 2199 && b >= 1 && b <= 12 && c >= 1 && c <= 31) {
      return { expr: { ...span, kind: { type: 'ymd', y: a, m: b, d: c } }, next: k + 5 };
    }
    if (lc !== 4 && lc !== 2) return null;
    const y = lc === 4 ? c : c + (c < 50 ? 2000 : 1900);
    if (sep === DOT) {
      if (a >= 1 && a <= 31 && b >= 1 && b <= 12) return { expr: { ...span, kind: { type: 'ymd', y, m: b, d: a } }, next: k + 5 };
      return null;
    }
    if (a >= 1 && a <= 12 && b >= 1 && b <= 31) {
      const numeric = b > 12 ? 'mdy' : a !== b ? 'either' : undefined;
      return { expr: { ...span, kind: { type: 'ymd', y, m: a, d: b, numeric } }, next: k + 5 };
    }
    if (a >= 13 && a <= 31 && b >= 1 && b <= 12) return { expr: { ...span, kind: { type: 'ymd', y, m: b, d: a, numeric: 'dmy' } }, next: k + 5 };
    return null;
  }

  /** A two-digit year ("96", "'96") at k, in the window 1950–2049. */
  shortYearAt(k: number): { y: number; start: number } | null {
    let q = k;
    if (this.isP(q, 39) || this.isP(q, 0x2019)) q++;
    const v = this.num(q, 0, 99, 2);
    if (Number.isNaN(v) || (q !== k && !this.adjacent(k, q))) return null;
    if (this.kind(q + 1) === P && this.adjacent(q, q + 1) && (this.first(q + 1) === COLON || this.first(q + 1) === PERCENT)) return null;
    if (this.kind(q + 1) === W && this.tC[q + 1] >= UNIT_CLASS) return null;
    return { y: v + (v < 50 ? 2000 : 1900), start: this.tS[k] };
  }

  /**
   * A second date after a first one, making a range: "Aug 10 - Nov 12, 2013" (the year carried
   * back to the first), "10 - 22 August 2012", "Nov. 29-30 last year", "April 24 and 25".
   * `r` is the first date (md or ymd); its month gives a bare second day its month.
   */
  rangeTail(r: { expr: Expr; next: number }): { expr: Expr; next: number } {
    const first = r.expr.kind;
    if (first.type !== 'md' && first.type !== 'ymd') return r;
    let j = r.next;
    const dash = this.kind(j) === P && (this.first(j) === HYPHEN || this.first(j) === 0x2013 || this.first(j) === 0x2014);
    const word = this.strOrNone(j);
    if (!dash && word !== 'to' && word !== 'and' && word !== 'through' && word !== 'until') return r;
    j++;
    let second: { expr: Expr; next: number } | null = null;
    if (this.monthOf(j)) second = this.monthFirst(j, this.tS[j]);
    else {
      const d = this.dayAt(j);
      if (Number.isNaN(d) || d <= (first.type === 'md' || first.type === 'ymd' ? first.d : 0)) return r;
      if (this.monthOf(j + 1)) return r; // "Aug 10 - 22 September" is not a form; "10 - 22 August" starts at the day
      // "13/02/2025 and 14/02/2025": the second is a numeric date of its own.
      if (this.kind(j + 1) === P && this.adjacent(j, j + 1) && (this.first(j + 1) === 47 || this.first(j + 1) === DOT) && this.kind(j + 2) === N) return r;
      let end = this.tE[j];
      let next = j + 1;
      let y = first.type === 'ymd' ? first.y : NaN;
      if (this.isP(next, COMMA) && !Number.isNaN(this.yearAt(next + 1))) {
        y = this.yearAt(next + 1);
        end = this.tE[next + 1];
        next += 2;
      } else if (!Number.isNaN(this.yearAt(next))) {
        y = this.yearAt(next);
        end = this.tE[next];
        next += 1;
      }
      second = { expr: { start: this.tS[j], end, kind: Number.isNaN(y) ? { type: 'md', m: first.m, d } : { type: 'ymd', y, m: first.m, d } }, next };
    }
    if (!second) return r;
    const sk = second.expr.kind;
    if (sk.type !== 'md' && sk.type !== 'ymd') return r;
    // "last year" / "this year" after the second date gives both their year.
    const rel = this.lw(second.next);
    if (sk.type === 'md' && (rel === 'last' || rel === 'this' || rel === 'next') && this.lw(second.next + 1) === 'year') {
      const yrel = rel === 'last' ? -1 : rel === 'next' ? 1 : 0;
      sk.yrel = yrel;
      if (first.type === 'md') first.yrel = yrel;
      second.expr.end = this.tE[second.next + 1];
      second.next += 2;
    }
    if (sk.type === 'ymd' && first.type === 'md') {
      r.expr.kind = { type: 'ymd', y: first.m <= sk.m ? sk.y : sk.y - 1, m: first.m, d: first.d, weekday: first.weekday };
    }
    r.expr.pair = second.expr;
    return { expr: r.expr, next: second.next };
  }
}
