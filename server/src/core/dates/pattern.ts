/**
 * The rule format of the date scanner: a rule is a pattern of token classes plus a function that
 * builds the expression from the matched tokens (`rules.ts` holds the rules). This module defines
 * the pattern elements; `scan.ts` compiles the rules once at load into an index by the class of
 * their first token, so at each token only the rules that can start there are tried, and
 * `compile.ts` each bucket of the index into one matcher function.
 *
 * Nothing here is mutable after load: elements are frozen objects whose `match` reads the
 * scanner's tokens; what a match captured lives in the scanner (`DateScanner.frames`).
 */

import type { DateScanner } from './scan';
import { Expr } from './expr';
import { LEXICON, Word } from './lexicon';

/**
 * Token kinds; 0 stands for "no token" (before the first or after the last). A `const enum`, so
 * the compiled scanner compares with the numbers themselves, not with a property of this module
 * loaded at each use; `W`, `N`, `X`, `P` are the same numbers for the rules.
 */
export const enum Tok {
  W = 1, // a word (letters only)
  N = 2, // a number (digits only)
  X = 3, // digits with letters (1990s, 41st, G20, Q3)
  P = 4, // punctuation: one character
}
export const W = Tok.W;
export const N = Tok.N;
export const X = Tok.X;
export const P = Tok.P;

/** An expression and the token after it. */
export interface Parse {
  expr: Expr;
  next: number;
}

/**
 * What a build returns to say that no date starts at this token, not even by a later rule of the
 * same group (an earlier, more specific rule recognised the shape and rejects it: "May 5 2025 12").
 */
export const STOP: Parse = Object.freeze({ expr: Object.freeze({ start: -1, end: -1, kind: Object.freeze({ type: 'ref', v: 'PRESENT_REF' }) }), next: -1 }) as Parse;

/**
 * The tokens a rule matched: `t[i]` is the first token of pattern element i (-1 when an optional
 * element is absent) and `t[n]` the token after the match (n: the pattern's length); `v[i]` is
 * what a sub-expression element (`sub`) read.
 */
export interface Match {
  t: number[];
  v: (Parse | undefined)[];
}

/** What the compiler knows about the word classes (from the scanner's word table). */
export interface Env {
  /** The class of a lower-case word, 0 when it has none (such a word cannot start a rule). */
  classOf(word: string): number;
  /** The keys of month names, weekday names, numbers and digit-letter tokens. */
  readonly MONTHS: readonly number[];
  readonly WEEKDAYS: readonly number[];
  /** The keys of numbers of any length, and of numbers of `min` to `max` digits (numbers are keyed by their length: 1, 2, 3, 4, 5 or more). */
  readonly NUMBERS: readonly number[];
  numbers(min: number, max: number): number[];
  readonly DIGITS_LETTERS: number;
  /** The keys of punctuation tokens of these characters (only to file a rule by the token after its first: no rule starts at punctuation). */
  punct(chars: readonly number[]): number[];
  /** The key of a token written exactly so: its word's class, or for a word of no class a key by its first letter (only to file a rule by the token after its first). */
  wordKey(word: string): number;
  /** Whether a key is a trigger: a date may hold no other date word (a trigger word of the lexicon; months, weekdays and digits always are). */
  triggers(key: number): boolean;
  /** The first keys of a group's rules (for `sub`), and whether they are complete. */
  groupKeys(name: string): number[];
  groupComplete(name: string): boolean;
}

/** A pattern element: one token class, or a sequence read by a sub-pattern. */
export interface El {
  /** How the element is written in docs and test messages. */
  readonly desc: string;
  /** The keys of the tokens it can start at; [] when it can start at none (punctuation, words of no class). */
  keys(env: Env): readonly number[];
  /** The token after the element when it matches at token k, else -1. */
  match(s: DateScanner, k: number): number;
  /** Optional: the pattern matches with or without it (tried with it first). */
  readonly optional?: boolean;
  /** Zero-width: a look-ahead that takes no token. */
  readonly zero?: boolean;
  /** Stores what it read (`Match.v`): sub-expressions. */
  readonly captures?: boolean;
  /** Matches exactly the tokens of its keys, one token: the index tests it, the matcher need not. */
  readonly byKey?: boolean;
  /** Takes exactly one token when it matches, so the element after it starts at the next token (the index may file a rule by that token's key). */
  readonly one?: boolean;
  /** Always holds a trigger (a quantity ends with its unit): a rule whose first word is not one is tried only when a trigger follows. */
  readonly holdsTrigger?: boolean;
  /** Whether `keys` lists the key of every token it can start at (so the index may file a rule under the keys of its second element). */
  readonly complete?: (env: Env) => boolean;
}

/** Every element has the same fields in the same order (one object shape for the matcher's property loads). */
function el(desc: string, keys: (env: Env) => readonly number[], match: (s: DateScanner, k: number) => number, extra: Partial<El> = {}): El {
  return Object.freeze({
    desc, keys, match, optional: extra.optional ?? false, zero: extra.zero ?? false, captures: extra.captures ?? false, byKey: extra.byKey ?? false,
    one: extra.one ?? extra.byKey ?? false, holdsTrigger: extra.holdsTrigger ?? false, complete: extra.complete ?? never,
  });
}

/** No keys: an element that cannot start a rule. */
export const none = (): readonly number[] => [];
const never = (): boolean => false;
const always = (): boolean => true;
/** Digits are always triggers. */
const DIGIT: Partial<El> = Object.freeze({ holdsTrigger: true, complete: always, one: true });

/** A capitalized month name or abbreviation (`monthOf`). */
export const MONTH = el('MONTH', (e) => e.MONTHS, (s, k) => (s.monthOf(k) ? k + 1 : -1), DIGIT);
/** A capitalized weekday written out (`weekdayOf`). */
export const WEEKDAY = el('WEEKDAY', (e) => e.WEEKDAYS, (s, k) => (s.weekdayOf(k) >= 0 ? k + 1 : -1), DIGIT);
/** A day of the month: 1–31 in one or two digits, or `6th` (`dayAt`). */
export const DAY = el('DAY', (e) => [...e.numbers(1, 2), e.DIGITS_LETTERS], (s, k) => (Number.isNaN(s.dayAt(k)) ? -1 : k + 1), DIGIT);
/** A day of the month in digits only (`12`, not `12th`). */
export const NDAY = el('NDAY', (e) => e.numbers(1, 2), (s, k) => (s.kind(k) === Tok.N && !Number.isNaN(s.dayAt(k)) ? k + 1 : -1), DIGIT);
/** A day with an ordinal suffix (`12th`). */
export const ORDDAY = el('ORDDAY', (e) => [e.DIGITS_LETTERS], (s, k) => (s.kind(k) === Tok.X && !Number.isNaN(s.dayAt(k)) ? k + 1 : -1), DIGIT);
/** A year of four digits, 1000–2199, not part of a larger number (`yearAt`). */
export const YEAR = el('YEAR', (e) => e.numbers(4, 4), (s, k) => (Number.isNaN(s.yearAt(k)) ? -1 : k + 1), DIGIT);
/** A year and its era: `234 BC`, `79 AD`, `500 BCE` (two tokens). */
export const ERA_YEAR = el('ERA_YEAR', (e) => e.NUMBERS, (s, k) => (s.eraYearAt(k) ? k + 2 : -1), { ...DIGIT, one: false });
/** A two-digit year, `96` or `'96` (`DateScanner.twoDigitYear`: a window around the publication year). */
export const SHORT_YEAR = el('SHORT_YEAR', (e) => e.numbers(2, 2), (s, k) => (s.shortYearAt(k) ? (s.isApostrophe(k) ? k + 2 : k + 1) : -1), { holdsTrigger: true });
/** Any number (digits only). */
export const NUMBER = el('NUMBER', (e) => e.NUMBERS, (s, k) => (s.kind(k) === Tok.N ? k + 1 : -1), { byKey: true, holdsTrigger: true, complete: always });
/** A number of exactly `len` digits. */
export function digits(len: number): El {
  return el(`NUMBER{${len}}`, (e) => e.numbers(len, len), (s, k) => (s.kind(k) === Tok.N && s.tE[k] - s.tS[k] === len ? k + 1 : -1), { holdsTrigger: true, byKey: len < 5, complete: always, one: true });
}
/** Any token of digits and letters (`1990s`, `Q3`, `10am`, `19th`). */
export const DIGITS_LETTERS = el('DIGITS_LETTERS', (e) => [e.DIGITS_LETTERS], (s, k) => (s.kind(k) === Tok.X ? k + 1 : -1), { byKey: true, holdsTrigger: true, complete: always });
/** A one-token class of its own: `test` says whether token k is one (`keys`: where it can be). */
export function token(desc: string, keys: (env: Env) => readonly number[], test: (s: DateScanner, k: number) => boolean, holdsTrigger = false): El {
  return el(desc, keys, (s, k) => (test(s, k) ? k + 1 : -1), { holdsTrigger, complete: (env) => keys(env).length > 0, one: true });
}

/** A class of several tokens: `read` returns the token after it, or -1 (a quantity: "a couple of days"). */
export function reader(desc: string, keys: (env: Env) => readonly number[], read: (s: DateScanner, k: number) => number, holdsTrigger = false): El {
  return el(desc, keys, read, { holdsTrigger, complete: (env) => keys(env).length > 0 });
}

/** Any token. */
export const ANY = el('ANY', none, (s, k) => (s.kind(k) ? k + 1 : -1));

/** Words of the lexicon whose row satisfies `test`, in any case (by class: no lower-casing). */
export function lex(desc: string, test: (w: Readonly<Word>, word: string) => boolean): El {
  const words = Object.keys(LEXICON).filter((w) => test(LEXICON[w], w));
  if (!words.length) throw new Error(`date rules: no lexicon word is ${desc}`);
  return lexWords(desc, words);
}

/** Lexicon words, in any case ("year", "Year"): matched by class. */
export function lw(...words: string[]): El {
  return lexWords(words.length === 1 ? `~${words[0]}` : `~(${words.join('|')})`, words);
}

function lexWords(desc: string, words: string[]): El {
  for (const w of words) if (!LEXICON[w]) throw new Error(`date rules: '${w}' is not a lexicon word (add a row to lexicon.ts)`);
  const set = new Set(words);
  // A few words are compared in a loop (the words are internalized constants, as `lw`'s): cheaper than hashing into the Set.
  const few = words.length <= 4 ? words : null;
  return el(desc, (e) => words.map((w) => e.classOf(w)), few
    ? (s, k) => {
      const w = s.lw(k);
      for (let i = 0; i < few.length; i++) if (few[i] === w) return k + 1;
      return -1;
    }
    : (s, k) => (set.has(s.lw(k)) ? k + 1 : -1), { byKey: true, holdsTrigger: words.every((w) => LEXICON[w].trigger), complete: always });
}

/** Words written exactly so (case-sensitive: "of", "Day"); compared in place, without slicing the token's text. */
export function word(...words: string[]): El {
  return el(words.length === 1 ? `'${words[0]}'` : `(${words.map((w) => `'${w}'`).join('|')})`,
    (e) => [...new Set(words.map((w) => e.wordKey(w)))],
    (s, k) => {
      if (s.kind(k) !== Tok.W) return -1;
      const start = s.tS[k];
      const len = s.tE[k] - start;
      for (let i = 0; i < words.length; i++) if (words[i].length === len && s.src.startsWith(words[i], start)) return k + 1;
      return -1;
    },
    { holdsTrigger: words.every((w) => LEXICON[w.toLowerCase()]?.trigger === true), complete: always, one: true });
}

/** A punctuation character, one of `chars`. */
export function punct(chars: string): El {
  const codes = [...chars].map((c) => c.charCodeAt(0));
  // A loop, not `codes.includes`: the builtin call cost more than the few compares (1–4 codes).
  return el(chars.length === 1 ? `'${chars}'` : `[${chars}]`, (env) => env.punct(codes), (s, k) => {
    if (s.kind(k) !== Tok.P) return -1;
    const c = s.first(k);
    for (let i = 0; i < codes.length; i++) if (codes[i] === c) return k + 1;
    return -1;
  }, { complete: always, one: true });
}

/** The element written with no space before it ("Oct." — the dot; "2009-2013" — the dash). */
export function glued(e: El): El {
  return el(`^${e.desc}`, (env) => e.keys(env), (s, k) => {
    const j = e.match(s, k);
    return j >= 0 && k > 0 && s.adjacent(k - 1, k) ? j : -1;
  }, { captures: e.captures, holdsTrigger: e.holdsTrigger, complete: e.complete, one: e.one });
}

/** A sequence of elements, all or none; optional ("Oct[.]", "[,] 2016"). */
export function opt(...els: El[]): El {
  const e = els.length === 1 ? els[0] : seq(...els);
  return el(`${e.desc}?`, (env) => e.keys(env), e.match, { optional: true, captures: e.captures, complete: e.complete });
}

/** Elements in a row, read as one (inside `opt` and `alt`; an optional element in it is skipped when absent, without backtracking). */
export function seq(...els: El[]): El {
  return el(`(${els.map((e) => e.desc).join(' ')})`, (env) => firstKeys(els, env), (s, k) => {
    let j = k;
    for (const e of els) {
      const n = e.match(s, j);
      if (n >= 0) j = n;
      else if (!e.optional) return -1;
    }
    return j;
  }, { holdsTrigger: els.some((e) => e.holdsTrigger || e.captures), complete: (env) => !els[0].optional && !els[0].zero && els[0].complete!(env) });
}

/** The first of the alternatives that matches. */
export function alt(...els: El[]): El {
  return el(`(${els.map((e) => e.desc).join(' | ')})`, (env) => [...new Set(els.flatMap((e) => [...e.keys(env)]))], (s, k) => {
    for (const e of els) {
      const j = e.match(s, k);
      if (j >= 0) return j;
    }
    return -1;
  }, { holdsTrigger: els.every((e) => e.holdsTrigger || e.captures), complete: (env) => els.every((e) => e.complete!(env)), one: els.every((e) => e.one) });
}

/** A look-ahead: the element does not match here (takes no token). */
export function not(e: El): El {
  return el(`!${e.desc}`, none, (s, k) => (e.match(s, k) < 0 ? k : -1), { zero: true });
}

/** An expression read by the rules of another group (`Match.v` holds it). */
export function sub(group: string): El {
  return el(`<${group}>`, (env) => env.groupKeys(group), (s, k) => {
    const r = s.group(group, k);
    s.subValue = r ?? undefined;
    return r ? r.next : -1;
  }, { captures: true, holdsTrigger: true, complete: (env) => env.groupComplete(group) });
}

/** Any date form, as the scanner reads it at a token (the `date` group and a range after it: `DateScanner.tryAt`). */
export const DATE: El = el('DATE', none, (s, k) => {
  const r = s.tryAt(k);
  s.subValue = r ?? undefined;
  return r ? r.next : -1;
}, { captures: true, holdsTrigger: true });

/** The keys a pattern can start at: its first element's, and the next one's while elements are optional or zero-width. */
export function firstKeys(els: readonly El[], env: Env): number[] {
  const keys = new Set<number>();
  for (const e of els) {
    for (const k of e.keys(env)) keys.add(k);
    if (!e.optional && !e.zero) break;
  }
  return [...keys];
}
