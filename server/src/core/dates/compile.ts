/**
 * The rules of one index bucket (`scan.ts`), compiled at load into one function that tries them in
 * order at a token: the same result as matching each rule's pattern element by element
 * (`matchFrom` of `pattern.ts`) and calling its build, without the generic loop. The function's
 * source is generated from the rules' patterns (`new Function`), so each element's `match` and
 * each rule's `build` is called from a call site of its own: the engine sees one target at each
 * and can inline it, where the generic matcher's call sites saw every element and every build.
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

/** Tries a bucket's rules at token k, in order: the first expression a build returns, or null (none, or `STOP`). */
export type BucketMatcher = (s: DateScanner, k: number, m: Match) => Parse | null;

/**
 * The matcher of a bucket's rules. Semantics, rule by rule as `DateScanner.runGroup` had them:
 * element i matched at token j stores `m.t[i] = j` and `m.v[i]` (what a capturing element read,
 * else undefined); an optional element is tried present, then absent (`m.t[i] = -1`); a full match
 * stores the token after it in `m.t[n]` and calls the build, whose `STOP` ends the search and whose
 * expression is the result; a null build lets the next rule try.
 */
export function compileBucket(rules: readonly BucketRule[]): BucketMatcher {
  const els: El['match'][] = [];
  const builds: Rule['build'][] = [];
  const names: string[] = [];
  const elIndex = new Map<El['match'], number>();
  const ref = (e: El): string => {
    let i = elIndex.get(e.match);
    if (i === undefined) {
      i = els.length;
      els.push(e.match);
      elIndex.set(e.match, i);
    }
    return `e${i}`;
  };
  /** The cached match of a shared first element (`from` 2), by its function's name: computed once per call, when first needed. */
  const firsts = new Set<string>();
  let label = 0;
  let temp = 0;
  const body: string[] = [];

  /** Statements matching elements i.. of `pattern` from the token in variable `j`; a full match runs `done`. */
  const rest = (pattern: readonly El[], i: number, j: string, done: string): string => {
    if (i === pattern.length) return `m.t[${i}] = ${j}; ${done}`;
    const e = pattern[i];
    const n = `j${temp++}`;
    const store = `m.t[${i}] = ${j}; m.v[${i}] = ${e.captures ? 's.subValue' : 'undefined'};`;
    const present = `{ const ${n} = ${ref(e)}(s, ${j}); if (${n} >= 0) { ${store} ${rest(pattern, i + 1, n, done)} } }`;
    if (!e.optional) return present;
    return `${present} m.t[${i}] = -1; m.v[${i}] = undefined; ${rest(pattern, i + 1, j, done)}`;
  };

  for (const c of rules) {
    const r = builds.length;
    builds.push(c.rule.build);
    names.push(c.rule.name);
    const L = `r${label++}`;
    // A full match breaks out of the rule's block with `ok` set, then the build decides.
    const done = `ok = true; break ${L};`;
    const pattern = c.rule.pattern;
    let match: string;
    if (c.from === 1) match = `m.t[0] = k; m.v[0] = undefined; ${rest(pattern, 1, 'k + 1', done)}`;
    else if (c.from === 2) {
      const f = `f${ref(pattern[0])}`;
      firsts.add(f);
      match = `if (${f} === -2) ${f} = ${ref(pattern[0])}(s, k); if (${f} >= 0) { m.t[0] = k; m.v[0] = undefined; ${rest(pattern, 1, f, done)} }`;
    } else match = rest(pattern, 0, 'k', done);
    body.push(`ok = false; ${L}: { ${match} }
    if (ok) { const p = b${r}(s, m); if (p === STOP) { if (s.trace) s.trace.add(N[${r}]); return null; } if (p) { if (s.trace) s.trace.add(N[${r}]); return p; } }`);
  }
  const source = `"use strict";
  ${els.map((_, i) => `const e${i} = E[${i}];`).join(' ')}
  ${builds.map((_, i) => `const b${i} = B[${i}];`).join(' ')}
  return function bucket(s, k, m) {
    let ok = false;
    ${[...firsts].map((f) => `let ${f} = -2;`).join(' ')}
    ${body.join('\n    ')}
    return null;
  };`;
  return new Function('E', 'B', 'N', 'STOP', source)(els, builds, Object.freeze(names), STOP) as BucketMatcher;
}
