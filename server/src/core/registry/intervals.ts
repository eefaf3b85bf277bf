/**
 * `dayInterval` for registry dates, memoized. A registry repeats the same few thousand dates
 * (`2012`, `2021-11-10`) across its roles, so a 100,000-entity load parses each once instead of
 * once per use. Intervals are immutable values; the cache is bounded.
 */

import { dayInterval } from '../calendar';

const cache = new Map<string, readonly [number, number] | null>();
const LIMIT = 50_000;

export function registryDayInterval(value: string): readonly [number, number] | null {
  let v = cache.get(value);
  if (v === undefined) {
    if (cache.size >= LIMIT) cache.clear();
    v = dayInterval(value);
    cache.set(value, v);
  }
  return v;
}
