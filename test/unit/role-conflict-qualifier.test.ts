/**
 * `notCurrent` (role-conflict): the qualifiers that say a title is not held at the reference date
 * ("former", "ex-", "-designate", …) are looked for with regular expressions that run only where
 * their word's first or last letter stands. The answers must be those of the expressions alone.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { notCurrent } from '../../server/src/core/checks/role-conflict';

/** The test as the check made it before its letter pre-checks: the expressions alone. */
function byExpressions(text: string, m: { start: number; end: number; officeRange?: [number, number] }): boolean {
  const before = (at: number): boolean => /\b(?:former|ex|late|past|previous|one-time|onetime|erstwhile|incoming|future|next|would-be)[\s-]*$/i.test(text.slice(Math.max(0, at - 30), at));
  if (before(m.start)) return true;
  if (!m.officeRange) return false;
  const [os, oe] = m.officeRange;
  return before(os) || /^(?:former|ex)\b/i.test(text.slice(os, oe)) || /^[\s-]*(?:designate|elect|nominee)\b/i.test(text.slice(oe, oe + 12));
}

function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

test('notCurrent answers as its regular expressions alone, around every qualifier, in any case and spacing', () => {
  const r = seededRandom(1812);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const words = ['the', 'her', 'Iraqi', 'former', 'ex', 'late', 'past', 'previous', 'one-time', 'onetime', 'erstwhile', 'incoming', 'future', 'next', 'would-be',
    'designate', 'elect', 'nominee', 'formerly', 'next-door', 'Texas', 'the', 'said', 'Minister', 'Foreign', 'exe', 'rex', 'elected', 'designated'];
  const gaps = [' ', '  ', '-', ' - ', '\u00a0', '\u2009', '\u3000', '\t', '\n', '', ',', '. ', '\u2014', 'ſ'];
  const cased = (w: string): string => (r() < 0.3 ? w.toUpperCase() : r() < 0.5 ? w[0].toUpperCase() + w.slice(1) : w);
  let agreed = 0;
  let qualified = 0;
  for (let n = 0; n < 20_000; n++) {
    const parts: string[] = [];
    for (let k = 0; k < 1 + Math.floor(r() * 6); k++) parts.push(cased(pick(words)), pick(gaps));
    const head = parts.join('');
    const office = r() < 0.7 ? `${r() < 0.2 ? cased(pick(['former ', 'ex-', 'Ex '])) : ''}Foreign Minister` : '';
    const tail = [pick(gaps), cased(pick(words)), pick(gaps), cased(pick(words))].join('');
    const name = 'Taro Kono';
    // "HEAD Foreign Minister Taro Kono TAIL" or "Taro Kono, HEAD Foreign Minister TAIL".
    let text: string;
    let m: { start: number; end: number; officeRange?: [number, number] };
    if (r() < 0.5) {
      text = `${head}${office}${office ? ' ' : ''}${name}${tail}`;
      const start = head.length + (office ? office.length + 1 : 0);
      m = { start, end: start + name.length, ...(office ? { officeRange: [head.length, head.length + office.length] as [number, number] } : {}) };
    } else {
      text = `${name}, ${head}${office}${tail}`;
      m = { start: 0, end: name.length, ...(office ? { officeRange: [name.length + 2 + head.length, name.length + 2 + head.length + office.length] as [number, number] } : {}) };
    }
    const want = byExpressions(text, m);
    assert.equal(notCurrent(text, m), want, JSON.stringify({ text, m }));
    agreed++;
    if (want) qualified++;
  }
  // Both answers occur often: the comparison is not between always-false functions.
  assert.ok(qualified > 2000 && agreed - qualified > 2000, `${qualified} of ${agreed}`);
});
