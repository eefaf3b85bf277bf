/**
 * The date rules as data (`server/src/core/dates/rules.ts`) agree with the rest of the tagger:
 * every rule fires on its example through the whole scanner, can start a scan by what its pattern
 * holds, is unlike every other rule, and every kind of expression the rules make resolves to a value with an explanation and
 * words for the hover. And nothing in `core/dates/` is mutable at module level.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { moduleStateIn } from './moduleState';
import { parseArticle } from '../../server/src/core/article';
import { describeDateValue } from '../../server/src/core/dateInfo';
import { recognizeDates } from '../../server/src/core/dates';
import { EXPR_TYPES, Expr, ExprKind } from '../../server/src/core/dates/expr';
import { firstKeys } from '../../server/src/core/dates/pattern';
import { GROUPS, Rule } from '../../server/src/core/dates/rules';
import { DateScanner, RULE_ENV, scanDates } from '../../server/src/core/dates/scan';

const DATES_DIR = join(__dirname, '..', '..', '..', 'server', 'src', 'core', 'dates');

/** Every rule once (a group may hold the rules of another). */
const RULES: Rule[] = [...new Set(Object.values(GROUPS).flat())];

/** The publication date the examples are read against. */
const PUBLISHED = '2025-03-10';

function kindsOf(e: Expr, out: Set<string>): void {
  const add = (k: ExprKind): void => {
    out.add(k.type);
    if (k.type === 'off' && k.base) add(k.base);
  };
  add(e.kind);
  if (e.pair) kindsOf(e.pair, out);
}

test('every date rule fires on its example, through the whole scanner', () => {
  const scanner = new DateScanner();
  const silent: string[] = [];
  for (const r of RULES) {
    scanner.trace = new Set();
    scanDates(r.example, 0, r.example.length, scanner);
    if (!scanner.trace.has(r.name)) silent.push(`${r.name}: '${r.example}' (fired: ${[...scanner.trace].join(', ') || 'none'})`);
  }
  scanner.trace = undefined;
  assert.deepEqual(silent, []);
});

test('a scanner reused after other text reads every example as a fresh one (no token field carries over)', () => {
  // The tokenizer stores a token's class only for words and its value only for numbers: what a
  // previous text left in the other slots must be read by no rule. Two texts fill every slot, one
  // with numbers (values at each position), one with class words (classes at each position).
  const numbers = Array.from({ length: 400 }, (_, i) => String(1990 + (i % 40))).join(' ');
  const words = Array.from({ length: 400 }, (_, i) => ['May', 'Monday', 'last', 'years', 'ago', 'the', 'next', 'week'][i % 8]).join(' ');
  const scanner = new DateScanner();
  const differ: string[] = [];
  for (const r of RULES) {
    const fresh = JSON.stringify(scanDates(r.example, 0, r.example.length));
    for (const before of [numbers, words]) {
      scanDates(before, 0, before.length, scanner);
      const reused = JSON.stringify(scanDates(r.example, 0, r.example.length, scanner));
      if (reused !== fresh) differ.push(`${r.name}: '${r.example}' after '${before.slice(0, 20)}…'`);
    }
  }
  assert.deepEqual(differ, []);
});

test('every date rule can start a scan: its pattern holds a class that is tried (digits, a month or weekday name, a trigger word)', () => {
  const unreachable: string[] = [];
  for (const r of RULES) {
    assert.ok(firstKeys(r.pattern, RULE_ENV).length > 0, `${r.name}: its first element can start at no token`);
    // A first word that is not a trigger ("the", "last", "every") is tried when a number, a month or
    // weekday name or a trigger word comes within the next four tokens: one of the pattern's first
    // five elements must be one. A rule of one element (a veto such as "the" alone) fires wherever its
    // word is tried; the test above shows each does.
    if (r.pattern.length > 1 && !r.pattern.slice(0, 5).some((e) => e.holdsTrigger)) unreachable.push(`${r.name}: ${r.pattern.map((e) => e.desc).join(' ')}`);
  }
  assert.deepEqual(unreachable, []);
});

test('no two date rules are the same: names, and within a group pattern with build', () => {
  const names = RULES.map((r) => r.name);
  assert.deepEqual(names.filter((n, i) => names.indexOf(n) !== i), []);
  for (const [group, rules] of Object.entries(GROUPS)) {
    const shapes = rules.map((r) => `${r.pattern.map((e) => e.desc).join(' ')} => ${r.build.toString()}`);
    assert.deepEqual(rules.filter((_, i) => shapes.indexOf(shapes[i]) !== i).map((r) => r.name), [], `group ${group}`);
  }
});

test('every kind of expression is made by some rule, and resolves with an explanation and words for the hover', () => {
  const made = new Set<string>();
  const scanner = new DateScanner();
  const problems: string[] = [];
  for (const r of RULES) {
    for (const e of scanDates(r.example, 0, r.example.length, scanner)) kindsOf(e, made);
    const { dates } = recognizeDates(parseArticle(`---\ndate: ${PUBLISHED}\n---\n${r.example}`));
    for (const d of dates) {
      if (!d.resolution.rule) problems.push(`${r.name}: '${d.text}' has no explanation`);
      if (d.value === null) problems.push(`${r.name}: '${d.text}' has no value (${d.resolution.rule})`);
      else if (!describeDateValue(d)) problems.push(`${r.name}: '${d.text}' (${d.value}) has no words for the hover`);
    }
  }
  assert.deepEqual(problems, []);
  assert.deepEqual(Object.keys(EXPR_TYPES).filter((t) => !made.has(t)), [], 'kinds of expression no rule makes');
});

test('nothing in core/dates is mutable at module level (state lives in the caller-owned DateScanner)', () => {
  const files = readdirSync(DATES_DIR).filter((f) => f.endsWith('.ts')).map((f) => join(DATES_DIR, f));
  assert.ok(files.length >= 5, `read ${DATES_DIR}`);
  assert.deepEqual(files.flatMap(moduleStateIn), []);
});

test('the module-state check finds what it looks for', () => {
  const planted = join(__dirname, 'date-rules-planted.txt');
  const text = [
    'let count = 0;',
    'const SEEN = new Set<string>();',
    "const WORDS = ['a'];",
    'const RE = /x/g;',
    'export function f(w: string): void { SEEN.add(w); WORDS[0] = w; count++; }',
    'const BUF = new Int32Array(4);',
    'const TABLE = [{ n: 0 }];',
    'export function g(i: number): number { const b = BUF; b[0] = i; const row = TABLE[i]; row.n++; const r = BUF; return r[0] + BUF.length; }',
  ].join('\n');
  const found = withFile(planted, text, () => moduleStateIn(planted));
  assert.deepEqual(found.map((f) => f.replace(/^[^:]+:\d+: /, '')), [
    'a module-level let', 'a module-level regular expression with lastIndex state', 'add() on SEEN', 'writes WORDS', 'writes count',
    'writes BUF (through b)', 'writes TABLE (through row)',
  ]);
});

function withFile<T>(path: string, text: string, fn: () => T): T {
  writeFileSync(path, text);
  try {
    return fn();
  } finally {
    rmSync(path, { force: true });
  }
}
