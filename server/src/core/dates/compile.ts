/**
 * The rules of each bucket of the rule index (`scan.ts`), compiled at load into code that tries
 * them in order at a token: the same result as matching each rule's pattern element by element and
 * calling its build, without a generic loop over rules and elements. Each bucket is a `case` of a
 * function shared by about a dozen buckets (`GROUP_SOURCE`). The source is generated from the
 * rules' patterns (one `new Function` for all buckets), so
 * each element's `match` and each rule's `build` is called from a call site of its own: the engine
 * sees one target at each and can inline it, where a generic matcher's call sites saw every element
 * and every build.
 *
 * The generated code holds no state: what it reads and writes is the scanner's (`s`) and the
 * caller's capture frame (`m`), and the elements and builds it calls are the rules' own, frozen.
 */

import type { DateScanner } from './scan';
import { El, Match, Parse, STOP } from './pattern';
import type { Rule } from './rules';

/**
 * A rule of a bucket, with how its first element is tested (`from`: 1 by the key alone, 2 by its
 * match, 0 with the pattern) and its bit in the mask of rules to try (`guard`; 0: always tried).
 */
export interface BucketRule {
  readonly rule: Rule;
  readonly from: number;
  readonly guard: number;
}

/**
 * A bucket's matcher: `run(s, k, m, id, mask)` tries the bucket's rules at token k, in order (a
 * guarded rule only when its bit is in `mask`), and returns the first expression a build returns,
 * or null (none, or `STOP`). `run` is shared by a dozen buckets; `id` says which.
 */
export interface BucketMatcher {
  readonly run: (s: DateScanner, k: number, m: Match, id: number, mask: number) => Parse | null;
  readonly id: number;
}

/** Characters of generated source per shared function (measured: 25,000 to 50,000 did best; all buckets in one function ran slower than one function each). */
const GROUP_SOURCE = 30000;

/**
 * The matchers of buckets' rule lists, in the order given, from one generated source (one parse:
 * the elements and builds the lists share are declared once). Semantics, rule by rule as
 * `DateScanner.runGroup` had them: element i matched at token j stores `m.t[i] = j` and `m.v[i]`
 * (what a capturing element read, else undefined); an optional element is tried present, then
 * absent (`m.t[i] = -1`); a full match stores the token after it in `m.t[n]` and calls the build,
 * whose `STOP` ends the search and whose expression is the result; a null build lets the next
 * rule try.
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

  /**
   * Statements matching elements i.. of `pattern` from the token in variable `j`; a full match
   * stores what the elements before i matched (`bound`: each one's token and capture, kept in
   * locals until then) and runs `done`. The frame is written on a full match only: a store to
   * `t`/`v` per element tried was most of a bucket's work while it runs as baseline code (a keyed
   * store through the inline cache each), and no element reads the frame.
   */
  const rest = (pattern: readonly El[], i: number, j: string, done: string, bound: readonly (readonly [string, string])[]): string => {
    if (i === pattern.length) return `${bound.map(([at, cap], x) => `t[${x}] = ${at}; v[${x}] = ${cap};`).join(' ')} t[${i}] = ${j}; ${done}`;
    const e = pattern[i];
    const n = `j${temp++}`;
    // What a capturing element read, taken before a later element's \`sub\` overwrites it.
    const c = e.captures ? `c${temp++}` : 'undefined';
    const take = e.captures ? `const ${c} = s.subValue; ` : '';
    const present = `{ const ${n} = ${ref(e)}(s, ${j}); if (${n} >= 0) { ${take}${rest(pattern, i + 1, n, done, [...bound, [j, c]])} } }`;
    if (!e.optional) return present;
    return `${present} ${rest(pattern, i + 1, j, done, [...bound, ['-1', 'undefined']])}`;
  };

  /** Bucket `id`'s statements: its rules in order, each in a labeled block that a full match leaves with `ok` set; it returns the result. */
  const bucket = (rules: readonly BucketRule[], id: number): string => {
    const firsts = new Set<string>();
    const body: string[] = [];
    rules.forEach((c, i) => {
      const r = buildRef(c.rule);
      const L = `b${id}r${i}`;
      const done = `ok = true; break ${L};`;
      const pattern = c.rule.pattern;
      let match: string;
      if (c.from === 1) match = rest(pattern, 1, 'k + 1', done, [['k', 'undefined']]);
      else if (c.from === 2) {
        // The first element's match, computed once for the rules that start with it.
        const f = `f${ref(pattern[0])}`;
        firsts.add(f);
        match = `if (${f} === -2) ${f} = ${ref(pattern[0])}(s, k); if (${f} >= 0) { ${rest(pattern, 1, f, done, [['k', 'undefined']])} }`;
      } else match = rest(pattern, 0, 'k', done, []);
      // A guarded rule is tried only when its bit is in the mask (the caller's, by the next token's key).
      body.push(`ok = false; ${c.guard ? `if ((mask & ${c.guard}) !== 0) ` : ''}${L}: { ${match} }
      if (ok) { const p = b${r}(s, m); if (p === STOP) { if (s.trace) s.trace.add(N[${r}]); return null; } if (p) { if (s.trace) s.trace.add(N[${r}]); return p; } }`);
    });
    return `case ${id}: {
      ${[...firsts].map((f) => `let ${f} = -2;`).join(' ')}
      ${body.join('\n      ')}
      return null;
    }`;
  };

  // Buckets go into shared functions of about GROUP_SOURCE characters each, `switch`ing on the
  // bucket's number: V8 optimizes a function once it has run enough bytecode, so a rarely used
  // bucket tiers up with the others of its function instead of running as baseline code for
  // thousands of articles.
  const cases = lists.map(bucket);
  const groups: string[][] = [];
  let size = Infinity;
  for (const c of cases) {
    if (size + c.length > GROUP_SOURCE) {
      groups.push([]);
      size = 0;
    }
    groups[groups.length - 1].push(c);
    size += c.length;
  }
  let first = 0;
  const functions = groups.map((g, gi) => {
    const f = `function buckets${first}_${first + g.length - 1}(s, k, m, id, mask) {
      const t = m.t;
      const v = m.v;
      let ok = false;
      switch (id) {
      ${g.join('\n      ')}
      }
      return null;
    }`;
    const from = first;
    first += g.length;
    return [f, gi, from, g.length] as const;
  });
  const source = `"use strict";
  ${els.map((_, i) => `const e${i} = E[${i}];`).join(' ')}
  ${builds.map((_, i) => `const b${i} = B[${i}];`).join(' ')}
  ${functions.map(([f]) => f).join('\n  ')}
  return [${functions.map(([f]) => /^function (\w+)/.exec(f)![1]).join(', ')}];`;
  const runs = new Function('E', 'B', 'N', 'STOP', source)(els, builds, Object.freeze(names), STOP) as BucketMatcher['run'][];
  // The caller calls \`run\` itself (a closure per bucket calling it was 3% of the date stage's time).
  return functions.flatMap(([, gi, from, n]) => Array.from({ length: n }, (_, i) => Object.freeze({ run: runs[gi], id: from + i })));
}
