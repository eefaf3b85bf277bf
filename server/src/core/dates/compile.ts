/**
 * The rules of the rule index (`scan.ts`), compiled at load into one function per rule: the same
 * result as matching the rule's pattern element by element and calling its build. The functions'
 * source is generated from the rules' patterns (one `new Function` for all rules), so each
 * element's `match` and each rule's `build` is called from a call site of its own: the engine sees
 * one target at each and can inline it, where a generic matcher's call sites saw every element and
 * every build. A rule is compiled once however many buckets hold it (111 rules in 342 places), so
 * the engine optimizes 111 small functions, each as soon as it is hot, rather than hundreds of
 * buckets that each repeat their rules' code: on many small articles that warm-up was most of the
 * time. A bucket is the list of its rules' functions, tried in order (`matchBucket`).
 *
 * The generated code holds no state: what it reads and writes is the scanner's (`s`) and the
 * caller's capture frame (`m`), and the elements and builds it calls are the rules' own, frozen.
 */

import type { DateScanner } from './scan';
import { El, Match, Parse, STOP } from './pattern';
import type { Rule } from './rules';

/** A rule of a bucket, with how its first element is tested (`from`: 1 by the key alone, 2 by its match, 0 with the pattern). */
export interface BucketRule {
  readonly rule: Rule;
  readonly from: number;
}

/** A rule compiled (`compileBuckets`): matched at token k (`f`: where its first element ended, when the bucket tested it), then its build; null when its pattern does not match. */
export type RuleFn = (s: DateScanner, k: number, m: Match, f: number) => Parse | null;

/** A rule of a bucket as the matcher runs it: its function, the first element the bucket tests for it (null: none), its name. */
export interface CompiledRule {
  readonly fn: RuleFn;
  readonly first: El['match'] | null;
  readonly name: string;
}

/** A bucket's rules, in order. */
export type BucketMatcher = readonly CompiledRule[];

/**
 * Tries a bucket's rules at token k, in order: the first expression a build returns, or null
 * (none, or `STOP`). A first element that rules in a row share is matched once for them.
 */
export function matchBucket(rules: BucketMatcher, s: DateScanner, k: number, m: Match): Parse | null {
  let first: El['match'] | null = null;
  let f = -1;
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i];
    let p: Parse | null;
    if (r.first !== null) {
      if (r.first !== first) {
        first = r.first;
        f = first(s, k);
      }
      if (f < 0) continue;
      p = r.fn(s, k, m, f);
    } else p = r.fn(s, k, m, -1);
    if (p) {
      if (s.trace) s.trace.add(r.name);
      return p === STOP ? null : p;
    }
  }
  return null;
}

/**
 * The buckets' rule lists, in the order given, with their rules compiled from one generated
 * source (one parse: the elements and builds the rules share are declared once). Semantics, rule
 * by rule as the generic matcher had them: element i matched at token j stores `m.t[i] = j` and
 * `m.v[i]` (what a capturing element read, else undefined); an optional element is tried present,
 * then absent (`m.t[i] = -1`); a full match stores the token after it in `m.t[n]` and calls the
 * build, whose `STOP` ends the search and whose expression is the result; a null build lets the
 * next rule try.
 */
export function compileBuckets(lists: readonly (readonly BucketRule[])[]): BucketMatcher[] {
  const els: El['match'][] = [];
  const elIndex = new Map<El['match'], number>();
  const builds: Rule['build'][] = [];
  const names: string[] = [];
  const buildIndex = new Map<Rule, number>();
  const ref = (e: El): string => {
    let i = elIndex.get(e.match);
    if (i === undefined) {
      i = els.length;
      els.push(e.match);
      elIndex.set(e.match, i);
    }
    return `e${i}`;
  };
  const buildRef = (r: Rule): number => {
    let i = buildIndex.get(r);
    if (i === undefined) {
      i = builds.length;
      builds.push(r.build);
      names.push(r.name);
      buildIndex.set(r, i);
    }
    return i;
  };
  let temp = 0;

  /** Statements matching elements i.. of `pattern` from the token in variable `j`; a full match runs `done`. */
  const rest = (pattern: readonly El[], i: number, j: string, done: string): string => {
    if (i === pattern.length) return `t[${i}] = ${j}; ${done}`;
    const e = pattern[i];
    const n = `j${temp++}`;
    const store = `t[${i}] = ${j}; v[${i}] = ${e.captures ? 's.subValue' : 'undefined'};`;
    const present = `{ const ${n} = ${ref(e)}(s, ${j}); if (${n} >= 0) { ${store} ${rest(pattern, i + 1, n, done)} } }`;
    if (!e.optional) return present;
    return `${present} t[${i}] = -1; v[${i}] = undefined; ${rest(pattern, i + 1, j, done)}`;
  };

  /**
   * Rule r's function (one per rule, however many buckets hold it: its code is compiled and
   * warmed once): its pattern matched at token k, then its build; null when the pattern does not
   * match. A rule whose first element the bucket tests (`from` 2) is given where that element
   * ended (`f`); one the key decides (1) starts matching at its second element.
   */
  const ruleSource = (c: BucketRule, r: number): string => {
    const pattern = c.rule.pattern;
    const done = `return b${r}(s, m);`;
    const match = c.from === 1 ? `t[0] = k; v[0] = undefined; ${rest(pattern, 1, 'k + 1', done)}`
      : c.from === 2 ? `t[0] = k; v[0] = undefined; ${rest(pattern, 1, 'f', done)}`
        : rest(pattern, 0, 'k', done);
    return `function rule${r}(s, k, m, f) {
      const t = m.t;
      const v = m.v;
      ${match}
      return null;
    }`;
  };
  const rules: string[] = [];
  const ruleOf: BucketRule[] = [];
  const ruleRef = (c: BucketRule): number => {
    const r = buildRef(c.rule);
    if (!ruleOf[r]) {
      ruleOf[r] = c;
      rules.push(ruleSource(c, r));
    } else if (ruleOf[r].from !== c.from) throw new Error(`date rule '${c.rule.name}': its first element is tested in two ways`);
    return r;
  };

  // Every rule of every list, each compiled once.
  const ids = lists.map((list) => list.map(ruleRef));
  const source = `"use strict";
  ${els.map((_, i) => `const e${i} = E[${i}];`).join(' ')}
  ${builds.map((_, i) => `const b${i} = B[${i}];`).join(' ')}
  ${rules.join('\n  ')}
  return [${builds.map((_, i) => `rule${i}`).join(', ')}];`;
  const fns = new Function('E', 'B', source)(els, builds) as RuleFn[];
  const compiled = ruleOf.map((c, r): CompiledRule => Object.freeze({ fn: fns[r], first: c.from === 2 ? c.rule.pattern[0].match : null, name: names[r] }));
  return ids.map((list) => Object.freeze(list.map((r) => compiled[r])));
}
