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
import { LEXICON, Unit, Word } from './lexicon';
import { Expr } from './expr';
import { BucketMatcher, BucketRule, compileBuckets } from './compile';
import { El, Env, Match, Parse, Tok, firstKeys } from './pattern';
import { GROUPS, Rule } from './rules';

export { durationValue, isDay } from './expr';
export type { Expr, ExprKind } from './expr';

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

/** A token's kind is the low bits of its `tKV` field, its class or value the bits above (a value is at most 10^8, which fits). */
const KIND_BITS = 3;
const KIND_MASK = (1 << KIND_BITS) - 1;

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

/**
 * The lexicon row of each lexicon word's class (undefined for the other classes): `lex` reads it
 * by index, where `LEXICON[word]` was a keyed lookup in an object of hundreds of keys per call.
 */
const CLASS_LEX: readonly (Word | undefined)[] = Array.from({ length: TABLE_SIZE }, (_, c) => (c >= KEYWORD_CLASS && c < UNIT_CLASS ? LEXICON[CLASS_WORD[c]] : undefined));

/**
 * The keys of number and digit-letter tokens in the rule index (word tokens are keyed by their
 * class, below these): a number by its length (1 to 4 digits, 5 or more), so a year's rules are
 * not tried at a day and a clock's not at a year.
 */
const NUMBER_KEY = TABLE_SIZE - 6;
const DIGITS_LETTERS_KEY = TABLE_SIZE - 1;
/**
 * The keys of punctuation tokens: PUNCT_KEY + its code below 128, PUNCT_KEY + 128 for any other
 * character. No rule starts at punctuation (no bucket is filed under these keys): they say which
 * rules a bucket tries by the token after the first ("12-3" tries no rule whose second element is
 * a colon).
 */
const PUNCT_KEY = 512;

function punctKey(c: number): number {
  return PUNCT_KEY + (c < 128 ? c : 128);
}

/**
 * The keys of words of no class, by their first letter (WORD_KEY + 0..25, WORD_KEY + 26 for any
 * other first character), as for punctuation only to say which rules to try by the token after
 * the first ("7 boats" tries no rule whose next word is "o'clock", "in" or "to").
 */
const WORD_KEY = PUNCT_KEY + 129;
/** The last key no rule starts at. */
const LAST_NEXT_KEY = WORD_KEY + 26;

function letterKey(c: number): number {
  const l = (c | 0x20) - 97;
  return WORD_KEY + (l >= 0 && l < 26 ? l : 26);
}

function numberKeys(min: number, max: number): number[] {
  return Array.from({ length: max - min + 1 }, (_, i) => NUMBER_KEY + min + i - 1);
}

/** The class of a lower-case word, 0 when it has none. */
function classOfWord(w: string): number {
  const h = wordHash(w);
  let slot = h & (TABLE_SIZE - 1);
  while (TABLE_HASH[slot] !== -1) {
    if (TABLE_HASH[slot] === h && TABLE_WORD[slot] === w) return TABLE_CLASS[slot];
    slot = (slot + 1) & (TABLE_SIZE - 1);
  }
  return 0;
}

/** A group's rules by the key of the token they can start at (a word's class, a number by its length, DIGITS_LETTERS_KEY). */
export type CompiledGroup = readonly (Bucket | undefined)[];

/**
 * The rules that can start at one key, in the group's order, compiled into one matcher
 * (`compile.ts`), and which of them to try by the key of the token after the first (`masks`, by
 * that key: a bit for each of the first 31 rules whose first element takes one token and whose
 * next elements can only start at some keys, `nextKeys`; the other rules are always tried). A
 * two-level trie over token classes, in one compiled matcher per bucket (a matcher per next key
 * was more code to compile than the tries it saved).
 */
interface BucketOf<F> {
  readonly rules: F;
  readonly masks: Int32Array | null;
}
type Bucket = BucketOf<BucketMatcher>;

/** How the index tests a rule's first element: 1 the key alone, 2 by its match (once for the rules that share it), 0 with the pattern. */
function firstFrom(e: El): number {
  if (e.optional || e.zero || e.captures) return 0;
  return e.byKey ? 1 : 2;
}

/** The rule groups' first keys, and whether a key is a trigger (`Env` of `pattern.ts`). */
function ruleEnv(): Env {
  // Each group's first keys and completeness, computed here once (a group that starts with itself adds nothing).
  const keysOf = new Map<string, number[]>();
  const completeOf = new Map<string, boolean>();
  const env: Env = {
    classOf: classOfWord,
    MONTHS: Array.from({ length: 12 }, (_, i) => i + 1),
    WEEKDAYS: Array.from({ length: 7 }, (_, i) => WEEKDAY_CLASS + i),
    NUMBERS: numberKeys(1, 5),
    numbers: (min, max) => numberKeys(min, Math.min(max, 5)),
    DIGITS_LETTERS: DIGITS_LETTERS_KEY,
    punct: (chars) => [...new Set(chars.map(punctKey))],
    // A token written so has its word's class when the word table has it (ASCII, not too long), else none.
    wordKey: (w) => {
      const c = /^[A-Za-z]+$/.test(w) && w.length <= MAX_CLASS_WORD ? classOfWord(w.toLowerCase()) : 0;
      return c > 0 ? c : letterKey(w.charCodeAt(0));
    },
    triggers: (key) => key >= NUMBER_KEY || (key > 0 && key < KEYWORD_CLASS) || CLASS_TRIGGERS[key] === 1,
    groupKeys: (name) => keysOf.get(name) ?? [],
    groupComplete: (name) => completeOf.get(name) ?? false,
  };
  const visit = (name: string): void => {
    if (keysOf.has(name)) return;
    keysOf.set(name, []);
    completeOf.set(name, false);
    for (const e of GROUPS[name].flatMap((r) => r.pattern)) if (e.desc.startsWith('<')) visit(e.desc.slice(1, -1));
    keysOf.set(name, [...new Set(GROUPS[name].flatMap((r) => firstKeys(r.pattern, env)))]);
    completeOf.set(name, GROUPS[name].every((r) => !r.pattern[0].optional && !r.pattern[0].zero && r.pattern[0].complete!(env)));
  };
  for (const name of Object.keys(GROUPS)) visit(name);
  return Object.freeze(env);
}

/**
 * The rule index, built once at load and only read afterwards: for each group, its rules by the
 * key of their first token, each bucket compiled into a matcher (buckets with the same rules share
 * one; all are compiled together, `compileBuckets`). A rule that can start at no token (its first
 * element is punctuation or a word of no class) is an error here, at load.
 */
function compileGroups(): Readonly<Record<string, CompiledGroup>> {
  if (REFERENCE_CLASS + NOT_BEFORE_NUMBER.size >= PUNCT_KEY || LAST_NEXT_KEY >= NUMBER_KEY) throw new Error('date scanner: too many word classes for the rule index');
  const env = ruleEnv();
  // First the buckets with their rule lists numbered (the same list, the same number), then the lists compiled.
  const lists: (readonly BucketRule[])[] = [];
  const listIds = new Map<string, number>();
  const ids = new Map<Rule, number>();
  const listId = (rules: readonly BucketRule[]): number => {
    const key = rules.map((c) => `${ids.get(c.rule)}:${c.from}:${c.guard}`).join(',');
    let id = listIds.get(key);
    if (id === undefined) {
      id = lists.length;
      lists.push(rules);
      listIds.set(key, id);
    }
    return id;
  };
  const planned: [string, (BucketOf<number> | undefined)[]][] = [];
  for (const [name, rules] of Object.entries(GROUPS)) {
    const byKey: BucketRule[][] = [];
    for (const r of rules) {
      if (!ids.has(r)) ids.set(r, ids.size);
      // No rule starts at punctuation or a word of no class: their keys only say which rules to try by the token after the first.
      const keys = firstKeys(r.pattern, env).filter((k) => k < PUNCT_KEY || k > LAST_NEXT_KEY);
      if (!keys.length) throw new Error(`date rule '${r.name}' can start at no token`);
      const compiled = Object.freeze({ rule: r, from: firstFrom(r.pattern[0]), guard: 0 });
      for (const k of keys) (byKey[k] ??= []).push(compiled);
    }
    planned.push([name, Array.from({ length: TABLE_SIZE }, (_, k) => (byKey[k] ? bucket(byKey[k], env, listId) : undefined))]);
  }
  const fns = compileBuckets(lists);
  const out: Record<string, CompiledGroup> = {};
  for (const [name, buckets] of planned) {
    // Each group's array of buckets is left unfrozen (its type says readonly, and nothing writes
    // it): optimized code reads a frozen array by index through the generic keyed load, three
    // times the cost of a plain one, and `runGroup` reads one at every candidate token.
    out[name] = buckets.map((b): Bucket | undefined => b && Object.freeze({ rules: fns[b.rules], masks: b.masks }));
  }
  return Object.freeze(out);
}

/** A bucket: its rules' list (numbered by `listId`), and the masks of the rules to try by the next token's key when some rules say. */
function bucket(rules: readonly BucketRule[], env: Env, listId: (rules: readonly BucketRule[]) => number): BucketOf<number> {
  const keys = rules.map((c, i) => (i < 31 && rules.length >= 3 ? nextKeys(c.rule.pattern, env) : null));
  if (!keys.some((k) => k !== null)) return Object.freeze({ rules: listId(rules), masks: null });
  let always = -1;
  keys.forEach((k, i) => {
    if (k) always &= ~(1 << i);
  });
  const masks = new Int32Array(TABLE_SIZE).fill(always);
  keys.forEach((ks, i) => {
    if (ks) for (const key of ks) masks[key] |= 1 << i;
  });
  return Object.freeze({ rules: listId(rules.map((c, i) => (keys[i] ? Object.freeze({ rule: c.rule, from: c.from, guard: 1 << i }) : c))), masks });
}

/**
 * The keys the token after a pattern's first can have when the pattern matches, or null when they
 * are not known: its first element takes one token, and the elements after it, up to the first
 * that is not optional, list every key they can start at (a pattern that may end after its first
 * token, or looks ahead there, is tried at any next token).
 */
function nextKeys(pattern: readonly El[], env: Env): readonly number[] | null {
  const [f, ...rest] = pattern;
  if (!f.one || f.optional || f.zero) return null;
  const keys = new Set<number>();
  for (const e of rest) {
    if (e.zero || !e.complete!(env)) return null;
    const ks = e.keys(env);
    if (!ks.length) return null;
    for (const k of ks) keys.add(k);
    if (!e.optional) return [...keys];
  }
  return null;
}

/** The rules' first keys and trigger classes, for the consistency test. */
export const RULE_ENV: Env = ruleEnv();

/** The class of the ASCII word u[s, e) (code units) whose lower-case hash is h, or 0. */
function classOf(u: Uint16Array, s: number, e: number, h: number): number {
  let slot = h & (TABLE_SIZE - 1);
  while (TABLE_HASH[slot] !== h) {
    if (TABLE_HASH[slot] === -1) return 0;
    slot = (slot + 1) & (TABLE_SIZE - 1);
  }
  const w = TABLE_WORD[slot];
  if (w.length !== e - s) return 0;
  for (let i = 0; i < w.length; i++) if ((u[s + i] | 0x20) !== w.charCodeAt(i)) return 0;
  return TABLE_CLASS[slot];
}

/**
 * Whether `Buffer` can copy a string's UTF-16 code units as they are into a Uint16Array's memory:
 * Node's `Buffer` writes UTF-16LE, which a Uint16Array reads as it is on a little-endian machine.
 */
const NATIVE_UTF16 = typeof Buffer === 'function' && new Uint16Array(Uint8Array.of(1, 0).buffer)[0] === 1;

/** Whether character c ends a run of letters and digits (a space or punctuation). */
function endsRun(c: number): boolean {
  if (c >= 0x250) return true;
  const k = CHAR_KIND[c];
  return k === SPACE || k === PUNCT;
}

/** `st`, `nd`, `rd` or `th`, as character codes. */
function ordinalSuffix(a: number, b: number): boolean {
  return (a === 115 && b === 116) || (a === 110 && b === 100) || (a === 114 && b === 100) || (a === 116 && b === 104);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

/** Time zones written after a clock time ("14:30 GMT"). */
const CLOCK_ZONE = /^(?:GMT|UTC|EDT|EST|CDT|CST|MDT|MST|PDT|PST|BST|CET|CEST|EET|EEST|MSK|IST|JST|KST|Z)$/;


/** Units whose half a duration value can write ("P2Y6M", "P3M15D", "P1DT12H", "PT5H30M", "PT1M30S"). */
const HALF_UNITS: ReadonlySet<string> = new Set(['Y', 'M', 'D', 'H', 'MIN']);

/** Words after which a bare four-digit number is a year. */
const YEAR_PREPOSITIONS = new Set(['in', 'In', 'since', 'Since', 'from', 'From', 'by', 'By', 'until', 'Until', 'till', 'before', 'Before',
  'after', 'After', 'of', 'during', 'During', 'between', 'to', 'and', 'or', 'through', 'early', 'late', 'mid', 'Early', 'Late', 'around', 'circa',
  'into', 'throughout', 'Throughout']);

/** Adjectives between a count and its unit that leave it a quantity ("an additional year", "two extra days", "three straight days", "ten business days"). */
// Not frozen (nothing writes it): `isOneOf` reads it by index, which for a frozen array is the generic keyed load.
const QUANTITY_ADJECTIVES: readonly string[] = ['additional', 'extra', 'further', 'consecutive', 'straight', 'successive', 'trading', 'business', 'working'];

/** Determiners and possessives before a year that qualifies a noun ("the 1959 embargo", "That 1978 resolution"). */
const DETERMINERS = new Set(['the', 'The', 'a', 'A', 'its', 'Its', 'his', 'His', 'her', 'Her', 'their', 'Their', 'this', 'This', 'that', 'That', 'whose']);

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

const COMPILED = compileGroups();

/** Text is tokenized in pieces of about this many characters, so the token arrays stay small on a long text. */
const PIECE = 16384;
/**
 * Words of context kept before a piece's first date and after its last one: the rules look no
 * further. A piece's dates start before its last AFTER words; the next piece starts BEFORE words
 * before where the last date ended.
 */
const BEFORE = 4;
const AFTER = 6;
/** At most this many characters of context (a run of spaces is not walked to its end). */
const MAX_CONTEXT = 1024;

/**
 * The date expressions of text[from, to), in order: one pass that tokenizes the text into typed
 * arrays (a piece of PIECE characters at a time) and tries the rules at each token that can start
 * one. No regular expression runs over the text: the tokenizer looks each word up in the word
 * table once, and most tokens (punctuation, words of no class) are skipped by their class alone.
 */
export function scanDates(text: string, from: number, to: number, scanner: DateScanner = new DateScanner(), pivotYear?: number): Expr[] {
  scanner.pivotYear = pivotYear;
  const out: Expr[] = [];
  let start = from; // where the piece's tokens start
  let at = from; // no date starts before this (what the previous piece read)
  for (;;) {
    if (to - start <= PIECE + MAX_CONTEXT) {
      scanner.tokenize(text, start, to);
      scanner.parseTokens(out, at, to);
      return out;
    }
    const end = wordsForward(text, start + PIECE, 1, to);
    const limit = Math.max(wordsBack(text, end, AFTER, start), end - MAX_CONTEXT);
    scanner.tokenize(text, start, end);
    at = scanner.parseTokens(out, at, limit);
    start = Math.max(wordsBack(text, at, BEFORE, from), at - MAX_CONTEXT);
  }
}

/**
 * A "word" longer than this is not walked to its end by the context functions below: no date form
 * has such a word, and a run without spaces (a base64 blob) then costs no more than a word.
 */
const MAX_WORD = 64;

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

/**
 * The scanner's state: the tokens of the piece of text being parsed, in arrays reused from piece
 * to piece and text to text (no object and no string per token; a token's text is sliced only where a rule compares
 * it, `str`). One scanner per caller: nothing is shared between scanners, so scanning is
 * re-entrant. Token k exists for 0 <= k < count; `kind(k)` is 0 otherwise.
 */
export class DateScanner {
  src = '';
  count = 0;
  tS = new Int32Array(256);
  tE = new Int32Array(256);
  /**
   * A token's kind (`Tok`, the low 3 bits: `kind`) and above it, for a word its class (month,
   * weekday or keyword class, `classOf`; 0 for none: `cls`), for a number or a digit-letter token
   * its value (exact below 10^8 and 10^8 for anything longer, every rule tests ranges far below:
   * `val`). One field, so the tokenizer stores three values a token (start, end, this).
   */
  tKV = new Int32Array(256);
  /**
   * The tokens `parseTokens` tries, in order: numbers, digit-letter tokens and words of a month,
   * weekday or keyword class (`candidate`), listed by the tokenizer as it classes them, so the
   * parser's loop visits about one token in four. `candidates` of them in this piece.
   */
  tCand = new Int32Array(256);
  candidates = 0;
  /** The text being tokenized as code units (`codeUnits`), and the same memory as a Buffer to write it. */
  units = new Uint16Array(0);
  unitBytes: Buffer | null = null;
  /** What the rules being matched captured, one frame per nesting depth (a rule's `sub` element runs another group). */
  frames: Match[] = [];
  depth = 0;
  /** What the last `sub` element read (the matcher stores it in the frame). */
  subValue: Parse | undefined = undefined;
  /** The token `spokenYearAt` last read (-1: none in this piece) and what it read: a rule's pattern reads a spoken year and its build takes it again. */
  spokenAt = -1;
  spokenRead: { y: number; next: number } | null = null;
  /** When set, the name of every rule that reads an expression or vetoes one (`STOP`) is added (the consistency test). */
  trace: Set<string> | undefined = undefined;
  /** The publication year of the text being scanned (`scanDates` sets it; undefined: none known), for two-digit years. */
  pivotYear: number | undefined = undefined;
  /**
   * `recognizeDates`' publication dates, parsed: by their text, the day each names (null: none)
   * and that day written `YYYY-MM-DD`. At most 256 (then emptied): the articles a caller reads
   * mostly share a few dates. Only read, never changed, by the resolver.
   */
  readonly publicationDates = new Map<string, { readonly day: { y: number; m: number; d: number } | null; readonly text: string | undefined }>();
  /**
   * Days of feasts the resolver computed (day numbers), by feast, first or last day, and year: the
   * Islamic, Hebrew, Chinese and Persian ones come from ICU's calendars at about a millisecond
   * each, paid once per run instead of at every mention. At most 4,096 (then emptied).
   */
  readonly feastDays = new Map<string, number>();

  /**
   * Cuts text[from, to) into tokens: runs of letters and digits, and single other characters.
   * A run of ASCII letters (most tokens) and a run of digits each have a loop of their own; a run
   * that mixes them, or holds other letters, goes on in the general loop.
   */
  tokenize(text: string, from: number, to: number): void {
    this.src = text;
    this.spokenAt = -1;
    const len = to - from;
    // At most one token per character: the arrays are made that long first, so the loop neither
    // checks for room nor reloads them.
    if (this.tS.length < len) this.growTo(len);
    const u = this.codeUnits(text, from, to);
    const tS = this.tS;
    const tE = this.tE;
    const tKV = this.tKV;
    const cand = this.tCand;
    let n = 0;
    let m = 0;
    let j = 0; // u[j] is text[from + j]; u[len] is 0, which ends every run
    while (j < len) {
      let c = u[j];
      if (c <= 32) {
        j++;
        continue;
      }
      const s = j;
      tS[n] = from + s;
      // Letters: the hash of the lower-cased word, for `classOf`.
      let h = 0;
      let letters = false;
      if (((c | 0x20) - 97) >>> 0 < 26) {
        h = c | 0x20;
        for (j++; ; j++) {
          c = u[j];
          if (((c | 0x20) - 97) >>> 0 >= 26) break;
          h = (Math.imul(h, 31) + (c | 0x20)) & 0x3fffffff;
        }
        if (endsRun(c)) {
          const cls = j - s <= MAX_CLASS_WORD ? classOf(u, s, j, h) : 0;
          tKV[n] = Tok.W | (cls << KIND_BITS);
          if (cls !== 0 && cls < UNIT_CLASS) cand[m++] = n;
          tE[n++] = from + j;
          // The space after a word (most words) is passed here, not by another turn of the loop.
          if (c === 32) j++;
          continue;
        }
        letters = true;
      } else if (c >= 48 && c <= 57) {
        let v = c - 48;
        for (j++; ; j++) {
          c = u[j];
          if (c < 48 || c > 57) break;
          v = v < 10000000 ? v * 10 + (c - 48) : 100000000;
        }
        if (endsRun(c)) {
          tKV[n] = Tok.N | (v << KIND_BITS);
          cand[m++] = n;
          tE[n++] = from + j;
          if (c === 32) j++;
          continue;
        }
        // Digits then letters ("1990s", "6th"): the general loop reads on from the start.
        j = s;
      } else {
        const ck = c < 0x250 ? CHAR_KIND[c] : PUNCT;
        if (ck === SPACE) {
          j++;
          continue;
        }
        if (ck === PUNCT) {
          tKV[n] = Tok.P;
          tE[n++] = from + ++j;
          continue;
        }
      }
      // The general loop: letters and digits mixed, or letters outside ASCII.
      let digits = 0;
      let v = 0;
      for (;; j++) {
        const d = u[j];
        const dk = d < 0x250 ? CHAR_KIND[d] : PUNCT;
        if (dk === DIGIT) {
          digits++;
          v = v < 10000000 ? v * 10 + (d - 48) : 100000000;
        } else if (dk === ASCII_LETTER) {
          letters = true;
          if (h !== -1) h = (Math.imul(h, 31) + (d | 0x20)) & 0x3fffffff;
        } else if (dk === OTHER_LETTER) {
          letters = true;
          h = -1;
        } else break;
      }
      const k = !letters ? Tok.N : digits === 0 ? Tok.W : Tok.X;
      const cls = k === Tok.W && h !== -1 && j - s <= MAX_CLASS_WORD ? classOf(u, s, j, h) : 0;
      // A word has no value, a digit-letter token no class (`classOf` is for words only).
      tKV[n] = k | ((k === Tok.W ? cls : v) << KIND_BITS);
      if (k !== Tok.W || (cls !== 0 && cls < UNIT_CLASS)) cand[m++] = n;
      tE[n++] = from + j;
    }
    this.count = n;
    this.candidates = m;
  }

  /**
   * text[from, to) as UTF-16 code units in `units` (index 0 is `from`), followed by a 0: the
   * tokenizer reads a typed array, where `charCodeAt` checked the string's representation at every
   * character. Copied natively by Node's `Buffer` (UTF-16LE: every code unit as it is; x86 and ARM
   * are little-endian), by a loop where there is no `Buffer`.
   */
  codeUnits(text: string, from: number, to: number): Uint16Array {
    const len = to - from;
    if (this.units.length <= len) {
      let n = Math.max(this.units.length, 1024);
      while (n <= len) n *= 2;
      const bytes = new ArrayBuffer(2 * n);
      this.units = new Uint16Array(bytes);
      this.unitBytes = NATIVE_UTF16 ? Buffer.from(bytes) : null;
    }
    const u = this.units;
    if (this.unitBytes) this.unitBytes.write(from === 0 && to === text.length ? text : text.slice(from, to), 0, 'utf16le');
    else for (let j = 0; j < len; j++) u[j] = text.charCodeAt(from + j);
    u[len] = 0;
    return u;
  }

  /** Kind of token k, 0 when there is none. */
  kind(k: number): number {
    return k >= 0 && k < this.count ? this.tKV[k] & KIND_MASK : 0;
  }

  /** The class of token k, a word (read after its kind: for a number this is its value). */
  cls(k: number): number {
    return this.tKV[k] >> KIND_BITS;
  }

  /** The value of token k, a number or a digit-letter token (read after its kind). */
  val(k: number): number {
    return this.tKV[k] >> KIND_BITS;
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
    if (this.kind(k) !== Tok.W) return 0;
    const c = this.first(k);
    if (c < 65 || c > 90) return 0; // month names are capitalized
    // Three-letter abbreviations only this.count with their dot ("Oct."), except in full dates (checked by callers).
    const m = this.cls(k);
    return m >= 1 && m <= 12 ? m : 0;
  }

  /** A weekday written out (six letters or more). */
  weekdayOf(k: number): number {
    if (this.kind(k) !== Tok.W) return -1;
    const c = this.first(k);
    if (c < 65 || c > 90) return -1;
    if (this.tE[k] - this.tS[k] < 6) return -1;
    const w = this.cls(k);
    return w >= WEEKDAY_CLASS && w < WEEKDAY_CLASS + 7 ? w - WEEKDAY_CLASS : -1;
  }

  /** Token k (a word) is exactly 'May'. */
  isMay(k: number): boolean {
    return this.tE[k] - this.tS[k] === 3 && this.src.startsWith('May', this.tS[k]);
  }

  /** Token k is the punctuation character with code ch. */
  isP(k: number, ch: number): boolean {
    return this.kind(k) === Tok.P && this.first(k) === ch;
  }

  num(k: number, min: number, max: number, len?: number): number {
    if (this.kind(k) !== Tok.N || (len !== undefined && this.tE[k] - this.tS[k] !== len)) return NaN;
    const v = this.val(k);
    return v >= min && v <= max ? v : NaN;
  }

  /** Token k is a word of one of the forms `last`, `next`, `this`, capitalized or not. */
  isRelWord(k: number): boolean {
    const c = this.cls(k);
    if (this.kind(k) !== Tok.W || (c !== KW_LAST && c !== KW_NEXT && c !== KW_THIS)) return false;
    return /^(?:last|next|this|Last|Next|This)$/.test(this.str(k));
  }

  /**
   * Tries the date forms at each token that starts at or after `from` and before `limit`, left to
   * right, skipping what a date took; returns where the next token to try starts (when all are
   * read: the end of the last token or `limit`, whichever is later).
   */
  parseTokens(out: Expr[], from: number, limit: number): number {
    const n = this.count;
    const tKV = this.tKV;
    const tS = this.tS;
    const cand = this.tCand;
    const m = this.candidates;
    let i = 0;
    while (i < n && tS[i] < from) i++;
    // Most tokens are punctuation or words of no class (or a unit or reference class), at which
    // tryAt returns null: only the tokenizer's candidates are visited.
    for (let p = 0; ; p++) {
      while (p < m && cand[p] < i) p++;
      if (p === m) break;
      const c = cand[p];
      if (tS[c] >= limit) {
        // Where the next piece's dates may start: the first token at or after `limit`.
        while (tS[i] < limit) i++;
        return tS[i];
      }
      i = c;
      // A leading word ("the", "a", "about", "last") starts a date only when a date word or a
      // number follows within four tokens.
      const kv = tKV[i];
      if ((kv & KIND_MASK) === Tok.W && kv >> KIND_BITS >= KEYWORD_CLASS && !CLASS_TRIGGERS[kv >> KIND_BITS] && !this.triggerListedAhead(p)) {
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
    while (i < n && tS[i] < limit) i++;
    if (i < n) return tS[i];
    return Math.max(n > 0 ? this.tE[n - 1] : from, limit);
  }

  /**
   * `dateWordAhead` of the p-th listed candidate, read from the list: every token that answers it
   * (a number, a digit-letter token, a month or weekday name, a trigger word) is listed, so only
   * the candidates after p within four tokens are looked at (most often none), not each token.
   */
  triggerListedAhead(p: number): boolean {
    const cand = this.tCand;
    const m = this.candidates;
    const end = cand[p] + 4;
    for (let q = p + 1; q < m; q++) {
      const j = cand[q];
      if (j > end) return false;
      const kv = this.tKV[j];
      if ((kv & KIND_MASK) !== Tok.W) return true;
      const c = kv >> KIND_BITS;
      if (c < KEYWORD_CLASS || CLASS_TRIGGERS[c]) return true;
    }
    return false;
  }

  /** Whether one of the four tokens after i is a number, a month or weekday name, or a trigger word. */
  dateWordAhead(i: number): boolean {
    const end = Math.min(this.count, i + 5);
    for (let j = i + 1; j < end; j++) {
      const k = this.tKV[j] & KIND_MASK;
      if (k === Tok.N || k === Tok.X) return true;
      if (k === Tok.W) {
        const c = this.cls(j);
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
    if (pk === Tok.P && this.tE[k - 1] === this.tS[k] && isMoneyOrSeparator(this.first(k - 1))) return false;
    if (pk === Tok.W && this.cls(k - 1) >= REFERENCE_CLASS && NOT_BEFORE_NUMBER.has(this.str(k - 1))) return false;
    if (nk === Tok.P && this.tS[k + 1] === this.tE[k]) {
      const c = this.first(k + 1);
      if (c === PERCENT) return false;
    // "04:52" is a time; "Oct. 26: The…" is a date before a colon.
    if (c === COLON && this.kind(k + 2) === Tok.N && this.tS[k + 2] === this.tE[k + 1]) return false;
      if ((c === DOT || c === COMMA) && this.kind(k + 2) === Tok.N && this.tS[k + 2] === this.tE[k + 1]) return false;
      if (c === HYPHEN && this.kind(k + 2) === Tok.W && this.tS[k + 2] === this.tE[k + 1]) return false;
    }
    if (nk === Tok.W && this.cls(k + 1) >= UNIT_CLASS && this.cls(k + 1) < UNIT_CLASS + NUMBER_UNITS.length) return false;
    return true;
  }

  /** Skips an abbreviation dot after a month ("Oct."). */
  afterDot(k: number): number {
    return this.isP(k + 1, DOT) && this.adjacent(k, k + 1) ? k + 2 : k + 1;
  }

  /** A year with its era at k ("234 BC", "79 AD", "500 BCE"): the year and whether it is before Christ. */
  eraYearAt(k: number): { y: number; bc: boolean } | null {
    const y = this.num(k, 1, 9999);
    if (Number.isNaN(y) || this.kind(k + 1) !== Tok.W) return null;
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
    if (kk === Tok.X) {
      // /^\d{1,2}(?:st|nd|rd|th)$/, read by character codes (this runs at every digit-letter token).
      const st = this.tS[k];
      const len = this.tE[k] - st;
      const src = this.src;
      if (len === 3 || len === 4) {
        const c0 = src.charCodeAt(st);
        const c1 = src.charCodeAt(st + 1);
        const two = len === 4;
        if (isDigit(c0) && (!two || isDigit(c1)) && ordinalSuffix(src.charCodeAt(st + len - 2), src.charCodeAt(st + len - 1))) {
          const d = two ? (c0 - 48) * 10 + (c1 - 48) : c0 - 48;
          return d >= 1 && d <= 31 ? d : NaN;
        }
      }
    }
    const d = this.num(k, 1, 31);
    return !Number.isNaN(d) && this.tE[k] - this.tS[k] <= 2 && this.plainNumber(k) ? d : NaN;
  }

  /** "April next year", "Nov. 3 last year": a month or day followed by last/this/next year. */
  withYearWord(r: { expr: Expr; next: number }): { expr: Expr; next: number } {
    const rel = this.lw(r.next);
    const k = r.expr.kind;
    if ((rel === 'last' || rel === 'this' || rel === 'next') && this.lw(r.next + 1) === 'year' && (k.type === 'm' || k.type === 'md' || (k.type === 'holiday' && !k.rel))) {
      k.yrel = rel === 'last' ? -1 : rel === 'next' ? 1 : 0;
      r.expr.end = this.tE[r.next + 1];
      r.next += 2;
    } else if (k.type === 'holiday' && !k.rel && (!k.week || k.day)) {
      // "New Year's Day 2014", "Christmas 2012": the year written after the name.
      const y = this.yearAt(r.next);
      if (!Number.isNaN(y) && this.tS[r.next] > r.expr.end) {
        k.y = y;
        r.expr.end = this.tE[r.next];
        r.next += 1;
      }
    }
    return r;
  }

  /** The date form starting at token k, with the second date of a range after it. */
  tryAt(k: number): { expr: Expr; next: number } | null {
    const r = this.tryForm(k);
    return r && !r.expr.pair && (r.expr.kind.type === 'md' || r.expr.kind.type === 'ymd') ? this.rangeTail(r) : r;
  }

  /** The rule of the `date` group that reads the expression starting at token k. */
  tryForm(k: number): { expr: Expr; next: number } | null {
    return this.runGroup(COMPILED.date, k);
  }

  /** The expression the rules of group `name` read at token k (for `sub` elements). */
  group(name: string, k: number): Parse | null {
    return this.runGroup(COMPILED[name], k);
  }

  /**
   * Tries the rules of a compiled group that can start at token k, in their order: the first
   * whose pattern matches and whose build returns an expression wins; `STOP` ends the search.
   */
  runGroup(g: CompiledGroup, k: number): Parse | null {
    const key = this.keyAt(k);
    const b = key > 0 ? g[key] : undefined;
    if (!b) return null;
    const masks = b.masks;
    const mask = masks === null ? -1 : masks[this.keyAt(k + 1)];
    const match = b.rules;
    const depth = this.depth++;
    const m = this.frames[depth] ?? (this.frames[depth] = { t: [], v: [] });
    const r = match.run(this, k, m, match.id, mask);
    this.depth = depth;
    return r;
  }

  /** Whether token k is a word after which a bare number is a year ("in", "since", "during"…). */
  isYearPreposition(k: number): boolean {
    return this.kind(k) === Tok.W && YEAR_PREPOSITIONS.has(this.str(k));
  }

  /** The key of token k in the rule index (`CompiledGroup`), 0 for none. */
  keyAt(k: number): number {
    const tk = this.kind(k);
    if (tk === Tok.W) {
      const c = this.cls(k);
      return c !== 0 ? c : letterKey(this.first(k));
    }
    return tk === Tok.N ? NUMBER_KEY + Math.min(this.tE[k] - this.tS[k], 5) - 1 : tk === Tok.X ? DIGITS_LETTERS_KEY : tk === Tok.P ? punctKey(this.first(k)) : 0;
  }

  /** Whether token k is an apostrophe (' or ’). */
  isApostrophe(k: number): boolean {
    return this.isP(k, 39) || this.isP(k, 0x2019);
  }

  /** Not glued to a letter or currency before it (`G20`, `$47`, `F-35`). */
  plainPrefix(k: number): boolean {
    const pk = this.kind(k - 1);
    if (pk === 0 || this.tE[k - 1] !== this.tS[k]) return true;
    if (pk !== Tok.P) return false;
    const c = this.first(k - 1);
    if (isCurrency(c)) return false;
    if (c === HYPHEN && this.kind(k - 2) !== 0 && this.tE[k - 2] === this.tS[k - 1] && this.kind(k - 2) !== Tok.P) return false;
    return true;
  }

  decadeOf(k: number): number | null {
    if (this.kind(k) !== Tok.X) return null;
    // /^(1[0-9]|20)([0-9])0s$/, read by character codes.
    const st = this.tS[k];
    if (this.tE[k] - st !== 5) return null;
    const src = this.src;
    const c0 = src.charCodeAt(st);
    const c1 = src.charCodeAt(st + 1);
    const c2 = src.charCodeAt(st + 2);
    if (!((c0 === 49 && isDigit(c1)) || (c0 === 50 && c1 === 48)) || !isDigit(c2) || src.charCodeAt(st + 3) !== 48 || src.charCodeAt(st + 4) !== 115) return null;
    // "the 1800s", "the early 1900s": a century (centuryOf), not its first decade.
    return c2 === 48 && c0 !== 50 ? null : (c0 - 48) * 100 + (c1 - 48) * 10 + (c2 - 48);
  }

  /** The century of "1800s", "1900s" (its TIMEX3 digits: 18, 19), or null; "2000s" is a decade. */
  centuryOf(k: number): number | null {
    if (this.kind(k) !== Tok.X || this.tE[k] - this.tS[k] !== 5) return null;
    const m = /^(1[0-9])00s$/.exec(this.str(k));
    return m ? Number(m[1]) : null;
  }

  /** Whether token k is a word after which a number is an amount or a count ("percent", "million", "people"). */
  isCountWord(k: number): boolean {
    return this.kind(k) === Tok.W && this.cls(k) >= UNIT_CLASS && this.cls(k) < UNIT_CLASS + NUMBER_UNITS.length;
  }

  /** Whether word token k is lower-case and not a plural ("campaign", "profit"; not "workers"): a count before it would take a plural. */
  isSingularWord(k: number): boolean {
    return this.first(k) >= 97 && !/[^s]s$/.test(this.str(k));
  }

  /** A four-digit number is a year after a preposition, in "the 2021 NATO Summit", or after a capitalized name ("Vilnius Summit 2023"). */
  isYearContext(k: number): boolean {
    const pk = this.kind(k - 1);
    const nk = this.kind(k + 1);
    const capitalNext = nk === Tok.W && this.first(k + 1) >= 65 && this.first(k + 1) <= 90;
    if (pk === 0) return capitalNext;
    if (pk === Tok.W) {
      const p = this.str(k - 1);
      if (YEAR_PREPOSITIONS.has(p)) return true;
      if ((p === 'the' || p === 'The') && capitalNext) return true;
      // "the 1959 embargo", "a 1996 law": a determiner, a year of modern history, a noun.
      const y = this.val(k);
      if (y >= 1800 && y <= 2099 && nk === Tok.W && !this.isCountWord(k + 1) && DETERMINERS.has(p)) return true;
      // "his unsuccessful 1996 campaign": a determiner, one adjective, the year, a singular noun (a
      // count takes a plural: "the remaining 2000 workers").
      if (y >= 1800 && y <= 2099 && nk === Tok.W && !this.isCountWord(k + 1) && this.isSingularWord(k + 1)
        && this.first(k - 1) >= 97 && this.cls(k - 1) === 0 && this.kind(k - 2) === Tok.W && DETERMINERS.has(this.str(k - 2))) return true;
      // "the company's 1989 results", "Mixte's 1989 unconsolidated profit": a possessive, a year, a
      // word (not a plural noun: "the firm's 2000 workers" is a count).
      if (p === 's' && y >= 1800 && y <= 2099 && nk === Tok.W && this.isApostrophe(k - 2) && this.isSingularWord(k + 1)) return true;
      if (/^[A-Z][a-z]+$/.test(p) && /^(?:Summit|Concept|Conference|Agenda|Declaration|Games|Cup|Expo|Vision|Plan|Strategy|Report|Review|Dialogue|Forum|Meeting|Olympics|Election|Elections|Budget)$/.test(p)) return true;
    }
    if (pk === Tok.P && this.first(k - 1) === 40 /* ( */ && nk === Tok.P && this.first(k + 1) === 41 /* ) */) return true;
    // A list of years: "in 1994, 1995 and 1997".
    if (pk === Tok.P && this.first(k - 1) === COMMA && !Number.isNaN(this.yearAt(k - 2)) && this.isYearContext(k - 2)) return true;
    return false;
  }

  /** Makes the token arrays hold at least `min` tokens (doubling their length), keeping what they hold. */
  growTo(min: number): void {
    let n = this.tS.length * 2;
    while (n < min) n *= 2;
    this.tS = grown(this.tS, new Int32Array(n));
    this.tE = grown(this.tE, new Int32Array(n));
    this.tKV = grown(this.tKV, new Int32Array(n));
    this.tCand = grown(this.tCand, new Int32Array(n));
  }

  /** The lexicon entry of token k, when it is a lexicon word. */
  lex(k: number): Word | undefined {
    if (this.kind(k) !== Tok.W) return undefined;
    return CLASS_LEX[this.cls(k)];
  }

  /** The lower-case lexicon word of token k, or ''. */
  lw(k: number): string {
    if (this.kind(k) !== Tok.W) return '';
    const c = this.cls(k);
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
    if (tk === Tok.N) {
      if (this.tE[k] - this.tS[k] > 3 || !this.plainPrefix(k)) return null;
      const pk = this.kind(k - 1);
      if (pk === Tok.P && this.tE[k - 1] === this.tS[k] && isMoneyOrSeparator(this.first(k - 1))) return null;
      n = this.val(k);
      // "5 1/2 hours", "2 1/2 years": the half is read for hours and years (PT5H30M, P2Y6M), dropped otherwise.
      if (this.kind(j) === Tok.N && this.val(j) === 1 && this.isP(j + 1, 47) && this.num(j + 2, 2, 2) === 2) {
        j += 3;
        if (this.lw(j) === 'hours') return { n, unit: 'H', next: j + 1, half: true };
        if (this.lw(j) === 'years') return { n, unit: 'Y', next: j + 1, half: true };
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
      } else if (n >= 20 && n < 100 && n % 10 === 0) {
        // "twenty four hours", as transcripts write it without the hyphen.
        const u = this.wordNumberAt(j, 1, 9);
        if (u) { n += u.n; j = u.next; }
      }
    }
    // "two and a half years", "one and a half hours": the half read for the units HALF_UNITS holds.
    const andHalf = Number.isInteger(n) && n >= 1 && this.str(j) === 'and' && this.lw(j + 1) === 'a' && this.strOrNone(j + 2) === 'half';
    if (andHalf) {
      const u = this.lex(j + 3);
      return u?.unit && u.plural && HALF_UNITS.has(u.unit) ? { n, unit: u.unit, next: j + 4, half: true } : null;
    }
    let hyphen = false;
    const unitAt = j;
    if (this.isP(j, HYPHEN) && this.adjacent(j - 1, j) && this.adjacent(j, j + 1)) {
      hyphen = true;
      j++;
    } else if (this.lw(j) === 'more' || this.lw(j) === 'full' || this.lw(j) === 'long') j++;
    // "an additional year", "two extra days", "a further two weeks" is read by the number after it.
    else if (this.kind(j) === Tok.W && this.isOneOf(j, QUANTITY_ADJECTIVES)) j++;
    const u = this.lex(j);
    if (!u || !u.unit) return null;
    // "three quarters of the vote", "criticism from many quarters": a fraction or a circle, not a
    // span of quarters ("several quarters of losses", "two straight quarters of growth" are spans).
    if (u.unit === 'Q' && (this.lw(k) === 'many' || (!Number.isNaN(n) && j === unitAt && this.strOrNone(j + 1) === 'of'))) return null;
    // Ages and sizes: "a 44-year-old", "a 24-hour candle" stays (a duration), "six-year-old" does not.
    if (hyphen && this.isP(j + 1, HYPHEN) && this.adjacent(j, j + 1) && this.strOrNone(j + 2) === 'old') return null;
    // "a day-long meeting", "a year-earlier loss": the unit's own form reads it.
    if (!hyphen && this.isP(j + 1, HYPHEN) && this.adjacent(j, j + 1) && /^(?:old|long|earlier|ago)$/.test(this.strOrNone(j + 2) ?? '')) return null;
    if (tk === Tok.N && this.first(j) <= 90) return null; // "60 Minutes"
    if (u.unit === 'S' && tk !== Tok.N && n === 1) return null; // "a second", "one second" rarely time
    // "a six year process": a count before a singular unit is an adjective when an article precedes it and a word follows.
    const adjective = !hyphen && !u.plural && n > 1 && /^(?:a|an|the|A|An|The)$/.test(this.strOrNone(k - 1) ?? '') && this.kind(j + 1) === Tok.W && this.first(j + 1) >= 97;
    if (!adjective && (hyphen ? u.plural : (n === 1) === !!u.plural && !Number.isNaN(n))) return null;
    // "a several-year tenure": a vague count as an adjective (PXY); "several year" is no quantity.
    if (Number.isNaN(n) && !u.plural && !hyphen) return null;
    // "a minute and a half", "a year and a half".
    if (n === 1 && !hyphen && HALF_UNITS.has(u.unit) && this.str(j + 1) === 'and' && this.lw(j + 2) === 'a' && this.strOrNone(j + 3) === 'half') {
      return { n, unit: u.unit, next: j + 4, half: true };
    }
    return { n: n * (u.per ?? 1), unit: u.unit, next: j + 1 };
  }

  /**
   * A whole number from min to max written in words at k ("seven", "fourteen", "ninety",
   * "ninety-seven"; not "a", "couple", "several"), or null.
   */
  wordNumberAt(k: number, min: number, max: number): { n: number; next: number } | null {
    const w = this.lex(k);
    if (!w || w.n === undefined || !Number.isInteger(w.n) || this.first(k) === 97 /* a, an */ || this.first(k) === 65 || this.lw(k) === 'couple') return null;
    let n = w.n;
    let next = k + 1;
    if (n >= 20 && n < 100 && this.isP(k + 1, HYPHEN) && this.adjacent(k, k + 1) && this.adjacent(k + 1, k + 2)) {
      const u = this.lex(k + 2);
      if (u && u.n !== undefined && u.n >= 1 && u.n <= 9 && this.lw(k + 2) !== 'a' && this.lw(k + 2) !== 'an') {
        n += u.n;
        next = k + 3;
      }
    }
    return n >= min && n <= max ? { n, next } : null;
  }

  /**
   * A year spoken in words, as broadcast transcripts write it: "nineteen ninety-seven" (1997),
   * "nineteen seventy" (1970), "nineteen hundred" (1900), "twenty twelve" (2012), "two thousand"
   * (2000), "two thousand and one" (2001). Not before a word of amount or count ("nineteen
   * ninety-five dollars", "two thousand people"): null.
   */
  spokenYearAt(k: number): { y: number; next: number } | null {
    if (k === this.spokenAt) return this.spokenRead;
    const r = this.readSpokenYear(k);
    this.spokenAt = k;
    this.spokenRead = r;
    return r;
  }

  private readSpokenYear(k: number): { y: number; next: number } | null {
    const w = this.lw(k);
    let y: number;
    let next: number;
    if (w === 'two') {
      if (this.strOrNone(k + 1) !== 'thousand') return null;
      const and = this.strOrNone(k + 2) === 'and' ? 1 : 0;
      const r = this.wordNumberAt(k + 2 + and, 1, 99);
      y = 2000 + (r ? r.n : 0);
      next = r ? r.next : k + 2;
    } else if (w === 'nineteen' || w === 'twenty') {
      if (w === 'nineteen' && this.strOrNone(k + 1) === 'hundred') {
        y = 1900;
        next = k + 2;
      } else {
        const r = this.wordNumberAt(k + 1, 10, 99);
        if (!r) return null;
        y = (w === 'nineteen' ? 1900 : 2000) + r.n;
        next = r.next;
      }
    } else return null;
    if (this.isCountWord(next) || (this.kind(next) === Tok.W && /^(?:dollars|cents|pounds|euros|yen|points)$/.test(this.str(next)))) return null;
    return { y, next };
  }

  /** Whether token k is written exactly as one of `words` (compared in place, without slicing its text). */
  isOneOf(k: number, words: readonly string[]): boolean {
    const start = this.tS[k];
    const len = this.tE[k] - start;
    for (let i = 0; i < words.length; i++) if (words[i].length === len && this.src.startsWith(words[i], start)) return true;
    return false;
  }

  /** Whether token k is a time zone ("GMT", "EST"): a short capitalized word in CLOCK_ZONE. */
  isZone(k: number): boolean {
    if (this.kind(k) !== Tok.W || this.tE[k] - this.tS[k] > 4) return false;
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

  /**
   * The year a two-digit year `v` names: the one from 90 years before the publication year to 9
   * after it (news writes two digits mostly for the past: "the summer of '45" in a 2014 article
   * is 1945, "the '28 Olympics" in 2024 is 2028), or in 1950–2049 when no publication date is known.
   */
  twoDigitYear(v: number): number {
    const p = this.pivotYear;
    if (p === undefined) return v + (v < 50 ? 2000 : 1900);
    const top = p + 9;
    return top - ((((top - v) % 100) + 100) % 100);
  }

  /** A two-digit year ("96", "'96") at k (`twoDigitYear`). */
  shortYearAt(k: number): { y: number; start: number } | null {
    let q = k;
    if (this.isP(q, 39) || this.isP(q, 0x2019)) q++;
    const v = this.num(q, 0, 99, 2);
    if (Number.isNaN(v) || (q !== k && !this.adjacent(k, q))) return null;
    if (this.kind(q + 1) === Tok.P && this.adjacent(q, q + 1) && (this.first(q + 1) === COLON || this.first(q + 1) === PERCENT)) return null;
    if (this.kind(q + 1) === Tok.W && this.cls(q + 1) >= UNIT_CLASS) return null;
    return { y: this.twoDigitYear(v), start: this.tS[k] };
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
    const dash = this.kind(j) === Tok.P && (this.first(j) === HYPHEN || this.first(j) === 0x2013 || this.first(j) === 0x2014);
    const word = this.strOrNone(j);
    // "or": an alternative ("Feb. 20 or 21"), read as a range is, the second day taking the first's
    // month and the year carried back, but no interval (`Expr.alternative`).
    if (!dash && word !== 'to' && word !== 'and' && word !== 'through' && word !== 'until' && word !== 'or') return r;
    j++;
    let second: { expr: Expr; next: number } | null = null;
    if (this.monthOf(j)) second = this.group('monthDate', j);
    else {
      const d = this.dayAt(j);
      if (Number.isNaN(d) || d <= (first.type === 'md' || first.type === 'ymd' ? first.d : 0)) return r;
      if (this.monthOf(j + 1)) return r; // "Aug 10 - 22 September" is not a form; "10 - 22 August" starts at the day
      if (word === 'or' && LEXICON[this.lw(j + 1)]?.unit) return r; // "on March 3 or 4 days later": a count
      // "13/02/2025 and 14/02/2025": the second is a numeric date of its own.
      if (this.kind(j + 1) === Tok.P && this.adjacent(j, j + 1) && (this.first(j + 1) === 47 || this.first(j + 1) === DOT) && this.kind(j + 2) === Tok.N) return r;
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
    if (word === 'or') r.expr.alternative = true;
    return { expr: r.expr, next: second.next };
  }
}
