/**
 * The registry's view of a YAML document: maps, sequences, scalars and aliases with source ranges,
 * and nothing else. Two readers produce it: `fastYaml.ts` for the plain block style registries
 * are written in (fast enough for a 100,000-entity file), and `fromYamlDocument` below, which
 * adapts the `yaml` package's AST for everything else. The registry walker reads only this tree,
 * so both readers give the same entities, ranges and findings.
 *
 * Ranges are `start`..`end` (exclusive) in UTF-16 code units, kept as two numbers rather than a
 * tuple because a big registry has millions of nodes. A scalar's range is its text (quotes included,
 * trailing spaces and comments excluded). A collection starts at its first key, `-` or bracket and
 * ends where its last value ends (a flow collection: after its closing bracket), so neither the
 * trailing newline nor comments below belong to it.
 */

import { Document, Node, isAlias, isMap, isScalar, isSeq } from 'yaml';

export interface YMap {
  kind: 'map';
  start: number;
  end: number;
  pairs: YPair[];
}

export interface YPair {
  /** The key as text (`String(value)` for non-text keys, as the `yaml` package gives it). */
  key: string;
  keyStart: number;
  keyEnd: number;
  value: YNode;
}

export interface YSeq {
  kind: 'seq';
  start: number;
  end: number;
  items: YNode[];
}

export interface YScalar {
  kind: 'scalar';
  start: number;
  end: number;
  /** The value under the YAML 1.2 core schema: `2012` is a number, `2025-01` a string. */
  value: string | number | boolean | null;
}

export interface YAlias {
  kind: 'alias';
  start: number;
  end: number;
}

export type YNode = YMap | YSeq | YScalar | YAlias;

/** The value of the first pair with this key. */
export function get(map: YMap, key: string): YNode | undefined {
  for (const p of map.pairs) if (p.key === key) return p.value;
  return undefined;
}

export function isNull(n: YNode | undefined): boolean {
  return n !== undefined && n.kind === 'scalar' && n.value === null;
}

/** Adapts a parsed `yaml` document's contents (null for an empty document). */
export function fromYamlDocument(doc: Document.Parsed): YNode | null {
  return doc.contents ? convert(doc.contents as Node, 0) : null;
}

function convert(n: Node, at: number): YNode {
  const r = n.range;
  const start = r ? r[0] : at;
  if (isMap(n)) {
    const pairs: YPair[] = [];
    for (const p of n.items) {
      const k = p.key as Node | null;
      const keyStart = k?.range ? k.range[0] : start;
      const keyEnd = k?.range ? k.range[1] : start;
      const key = isScalar(k) ? String(k.value) : String(k);
      // A key without a value (`? a`) reads as a null value right after the key.
      const value = p.value ? convert(p.value as Node, keyEnd) : nullAt(keyEnd);
      pairs.push({ key, keyStart, keyEnd, value });
    }
    return { kind: 'map', start, end: collectionEnd(n, r, pairs.length ? pairs[pairs.length - 1].value : null), pairs };
  }
  if (isSeq(n)) {
    const items = n.items.map((it) => (it ? convert(it as Node, start) : nullAt(start)));
    return { kind: 'seq', start, end: collectionEnd(n, r, items.length ? items[items.length - 1] : null), items };
  }
  if (isAlias(n)) return { kind: 'alias', start, end: r ? r[1] : start };
  if (isScalar(n)) {
    const v = n.value;
    const value = v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
    return { kind: 'scalar', start, end: r ? r[1] : start, value };
  }
  return nullAt(start);
}

function collectionEnd(n: { flow?: boolean }, r: [number, number, number] | undefined | null, last: YNode | null): number {
  if (n.flow || !last) return r ? r[1] : 0;
  return last.end;
}

/** A null value written as nothing, at `at`. */
export function nullAt(at: number): YScalar {
  return { kind: 'scalar', start: at, end: at, value: null };
}
