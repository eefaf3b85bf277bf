/**
 * Binary search: the one implementation the core, the server and the CLI use (#14 counted nine
 * hand-written ones, each with its own bounds convention).
 *
 * `partitionPoint` is the loop; `lowerBound` and `upperBound` are the two questions asked of a
 * sorted list ("the first item at or after x", "the first item after x"). "The last item at or
 * before x" is `upperBound(...) - 1`; "the last item before x" is `lowerBound(...) - 1`.
 */

/**
 * The first index in [lo, hi) at which `before(i)` is false, or `hi` when there is none, for a
 * predicate that is true on a prefix of the range and false on the rest (`hi <= lo`: `lo`).
 *
 * Probes are made inside the bracket still undecided: when `before(i)` is asked, every index
 * from `lo` up to the last one that answered true is known to answer true, so a predicate may
 * keep its last true answer as a fact to build on (`commonPrefix` in registry/reparse.ts does).
 */
export function partitionPoint(lo: number, hi: number, before: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = lo + ((hi - lo) >>> 1);
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index of `xs` whose key is at least `x` (`xs.length` when none); keys ascending. */
export function lowerBound(xs: ArrayLike<number>, x: number): number;
export function lowerBound<T>(xs: ArrayLike<T>, x: number, key: (item: T) => number): number;
export function lowerBound<T>(xs: ArrayLike<T>, x: number, key?: (item: T) => number): number {
  if (!key) return partitionPoint(0, xs.length, (i) => (xs[i] as number) < x);
  return partitionPoint(0, xs.length, (i) => key(xs[i]) < x);
}

/** The first index of `xs` whose key is greater than `x` (`xs.length` when none); keys ascending. */
export function upperBound(xs: ArrayLike<number>, x: number): number;
export function upperBound<T>(xs: ArrayLike<T>, x: number, key: (item: T) => number): number;
export function upperBound<T>(xs: ArrayLike<T>, x: number, key?: (item: T) => number): number {
  if (!key) return partitionPoint(0, xs.length, (i) => (xs[i] as number) <= x);
  return partitionPoint(0, xs.length, (i) => key(xs[i]) <= x);
}
