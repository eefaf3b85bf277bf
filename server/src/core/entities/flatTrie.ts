/**
 * The entity index's trie as flat typed arrays, for threads that only read it: the `--jobs`
 * workers get the trie the main thread built as one `SharedArrayBuffer` and look names up in it
 * where it lies, with nothing built again (building the trie is most of a worker's start).
 *
 * `flattenTrie` writes a built trie (`TrieNode`s) out; `FlatTrie` reads it. Node 0 is the root.
 * A child is found by a hash of (parent, key) in one open-addressing table over all nodes, and its
 * key is compared with the text in place, as `TrieNode.childAt` does. A node's targets are
 * (entity number, form) pairs, turned into `Target`s (and cached) when a match first reaches the
 * node; entity numbers count the snapshot's `entities` in order. The matcher sees `TrieLike`
 * nodes either way, with the same children and the same targets in the same order.
 */

import { Entity } from '../types';
import type { Form, Target, TrieChild, TrieNode } from './trie';
import { hashUnits, putSlot, slotCount } from '../flatTable';

/** What the matcher reads of a trie node (a `TrieNode`, or a node of a `FlatTrie`). */
export interface TrieLike {
  readonly targets: Target[] | undefined;
  get(key: string): TrieLike | undefined;
  childAt(text: string, s: number, e: number): TrieLike | undefined;
  /** `childAt(text, s, e)`, reading the key from `units` (the code units of `text`) where it can. */
  childIn(units: Uint16Array, text: string, s: number, e: number): TrieLike | undefined;
  hasChildren(): boolean;
  keys(): Iterable<string>;
}

const FORMS: readonly Form[] = ['name', 'alias', 'demonym', 'family-name', 'given-name'];

/** Fixed header: node count, slot count, key units, target count. */
const HEADER = 4;

/**
 * Writes `root`'s trie out: per node its parent, key (start and length in a pool of UTF-16
 * units), first child, next sibling and targets; `ordinal` gives each target's entity number.
 * One SharedArrayBuffer holds it all (Int32 words, then the key pool's Uint16 units).
 *
 * Two passes over the nodes, reading their fields directly: the first lists them breadth first
 * (a node's children get consecutive numbers) and sizes the buffer; the second writes every node
 * as its parent comes. Nothing else is allocated: on a 100,000-entity registry this is a small
 * part of a `--jobs` start-up (it was the largest when it went through `keys()` and `get()`).
 */
export function flattenTrie(root: TrieNode, ordinal: (e: Entity) => number): SharedArrayBuffer {
  const { nodes, units, targets } = breadthFirst(root);
  const count = nodes.length;
  const slots = slotCount(count);
  // Per node: parent, keyStart, keyLen, firstChild, nextSibling, targetStart (count + 1 of those).
  const words = HEADER + 5 * count + (count + 1) + 2 * slots + targets;
  const sab = new SharedArrayBuffer(4 * words + 2 * units + 2);
  const w = new Int32Array(sab, 0, words);
  w[0] = count;
  w[1] = slots;
  w[2] = units;
  w[3] = targets;
  new TrieWriter(views(sab)).write(nodes, ordinal);
  return sab;
}

/** The first pass of `flattenTrie`: the nodes breadth first (siblings consecutive), key units and targets counted. */
function breadthFirst(root: TrieNode): { nodes: TrieChild[]; units: number; targets: number } {
  const nodes: TrieChild[] = [root];
  let units = 0;
  let targets = 0;
  for (let n = 0; n < nodes.length; n++) {
    const leaf = nodes[n];
    // (Counted and read without `targets`, which would make a leaf's list: see `TrieLeaf`.)
    targets += leaf.targetCount();
    // A leaf (`TrieLeaf`), or a node left without children: nothing more to read.
    if (!leaf.hasChildren()) continue;
    const node = leaf as TrieNode;
    if (node.more) {
      for (const [k, c] of node.more) {
        nodes.push(c);
        units += k.length;
      }
    } else if (node.keyList) {
      const keys = node.keyList;
      const children = node.childList!;
      for (let i = 0; i < keys.length; i++) {
        nodes.push(children[i]);
        units += keys[i].length;
      }
    } else if (node.key !== undefined) {
      nodes.push(node.child!);
      units += node.key.length;
    }
  }
  return { nodes, units, targets };
}

/**
 * The second pass of `flattenTrie`: every node written as its parent comes, in the order of
 * `breadthFirst`, so a node's children are numbered from `next` on.
 */
class TrieWriter {
  /** The next free unit of the key pool. */
  private at = 0;
  /** The number the next child written gets. */
  private next = 1;

  constructor(private readonly v: Views) {}

  write(nodes: TrieChild[], ordinal: (e: Entity) => number): void {
    const { firstChild, targetStart, targets } = this.v;
    const count = nodes.length;
    this.v.parent[0] = -1;
    this.v.nextSibling[0] = -1;
    let t = 0;
    for (let n = 0; n < count; n++) {
      const leaf = nodes[n];
      targetStart[n] = t;
      for (let i = 0, k = leaf.targetCount(); i < k; i++) {
        const x = leaf.targetAt(i);
        targets[t++] = ordinal(x.entity) * 8 + formNumber(x.form);
      }
      if (!leaf.hasChildren()) {
        firstChild[n] = -1;
        continue;
      }
      const node = leaf as TrieNode;
      firstChild[n] = this.next;
      if (node.more) {
        let left = node.more.size;
        for (const k of node.more.keys()) this.child(n, k, --left === 0);
      } else if (node.keyList) {
        const keys = node.keyList;
        for (let i = 0; i < keys.length; i++) this.child(n, keys[i], i === keys.length - 1);
      } else if (node.key !== undefined) this.child(n, node.key, true);
    }
    targetStart[count] = t;
  }

  /** Child number `next` of node `p`, with key `key` (the last of its siblings when `last`). */
  private child(p: number, key: string, last: boolean): void {
    const v = this.v;
    const pool = v.pool;
    const c = this.next++;
    let at = this.at;
    v.parent[c] = p;
    v.keyStart[c] = at;
    v.keyLen[c] = key.length;
    // FNV-1a of the key (as `hashText`), computed while its units are copied into the pool.
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < key.length; i++) {
      const u = key.charCodeAt(i);
      pool[at++] = u;
      h = Math.imul(h ^ u, 0x01000193);
    }
    this.at = at;
    v.nextSibling[c] = last ? -1 : c + 1;
    putSlot(v.slots, v.slotHashes, mix(p, h), c);
  }
}

function formNumber(f: Form): number {
  return f === 'name' ? 0 : f === 'alias' ? 1 : f === 'demonym' ? 2 : f === 'family-name' ? 3 : 4;
}

interface Views {
  count: number;
  parent: Int32Array;
  keyStart: Int32Array;
  keyLen: Int32Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  targetStart: Int32Array;
  slots: Int32Array;
  slotHashes: Int32Array;
  targets: Int32Array;
  pool: Uint16Array;
}

function views(sab: SharedArrayBuffer): Views {
  const head = new Int32Array(sab, 0, HEADER);
  const [count, slots, units, targets] = head;
  let at = 4 * HEADER;
  const take = (n: number): Int32Array => {
    const a = new Int32Array(sab, at, n);
    at += 4 * n;
    return a;
  };
  const v = {
    count,
    parent: take(count), keyStart: take(count), keyLen: take(count), firstChild: take(count), nextSibling: take(count),
    targetStart: take(count + 1), slots: take(slots), slotHashes: take(slots), targets: take(targets),
    pool: undefined as unknown as Uint16Array,
  };
  v.pool = new Uint16Array(sab, at, units + 1);
  return v;
}

/** The slot hash of a child: its key's hash mixed with its parent's number. */
function mix(parent: number, keyHash: number): number {
  return Math.imul(keyHash ^ Math.imul(parent + 1, 0x9e3779b1), 0x85ebca6b) ^ (parent >>> 7);
}

/** A trie written by `flattenTrie`, read in place; `entity(n)` is the entity `ordinal` numbered n. */
export class FlatTrie {
  private readonly v: Views;
  private readonly mask: number;
  private readonly nodes: (FlatNode | undefined)[];
  readonly root: FlatNode;

  constructor(sab: SharedArrayBuffer, private readonly entity: (n: number) => Entity) {
    this.v = views(sab);
    this.mask = this.v.slots.length - 1;
    this.nodes = new Array(this.v.count);
    this.root = this.node(0);
  }

  node(n: number): FlatNode {
    return (this.nodes[n] ??= new FlatNode(this, n));
  }

  /**
   * The child of node `p` whose key is text[s, e): `childUnits` of its code units (matching reads
   * code units; this string form serves the root table's `find`, off the hot path).
   */
  child(p: number, text: string, s: number, e: number): FlatNode | undefined {
    const units = new Uint16Array(e - s);
    for (let i = s; i < e; i++) units[i - s] = text.charCodeAt(i);
    return this.childUnits(p, units, 0, e - s);
  }

  /** `child` of the key held by the code units units[s, e). */
  childUnits(p: number, units: Uint16Array, s: number, e: number): FlatNode | undefined {
    const v = this.v;
    if (v.firstChild[p] < 0) return undefined;
    const h = mix(p, hashUnits(units, s, e));
    const len = e - s;
    for (let i = h & this.mask; v.slots[i] !== 0; i = (i + 1) & this.mask) {
      if (v.slotHashes[i] !== h) continue;
      const c = v.slots[i] - 1;
      if (v.parent[c] !== p || v.keyLen[c] !== len) continue;
      const k = v.keyStart[c];
      let j = 0;
      while (j < len && v.pool[k + j] === units[s + j]) j++;
      if (j === len) return this.node(c);
    }
    return undefined;
  }

  hasChildren(n: number): boolean {
    return this.v.firstChild[n] >= 0;
  }

  keys(n: number): string[] {
    const v = this.v;
    const out: string[] = [];
    for (let c = v.firstChild[n]; c >= 0; c = v.nextSibling[c]) out.push(String.fromCharCode(...v.pool.subarray(v.keyStart[c], v.keyStart[c] + v.keyLen[c])));
    return out;
  }

  targets(n: number): Target[] | undefined {
    const v = this.v;
    const from = v.targetStart[n];
    const to = v.targetStart[n + 1];
    if (from === to) return undefined;
    const out: Target[] = [];
    for (let i = from; i < to; i++) {
      const x = v.targets[i];
      const entity = this.entity(x >> 3);
      out.push({ id: entity.id, form: FORMS[x & 7], entity });
    }
    return out;
  }
}

/** A node of a FlatTrie (made when first reached, then kept: `targets` are made once). */
export class FlatNode implements TrieLike {
  private made = false;
  private list: Target[] | undefined = undefined;

  constructor(private readonly trie: FlatTrie, private readonly n: number) {}

  get targets(): Target[] | undefined {
    if (!this.made) {
      this.list = this.trie.targets(this.n);
      this.made = true;
    }
    return this.list;
  }

  get(key: string): FlatNode | undefined {
    return this.trie.child(this.n, key, 0, key.length);
  }

  childAt(text: string, s: number, e: number): FlatNode | undefined {
    return this.trie.child(this.n, text, s, e);
  }

  /** `childAt` of the key held by the code units units[s, e). */
  childUnits(units: Uint16Array, s: number, e: number): FlatNode | undefined {
    return this.trie.childUnits(this.n, units, s, e);
  }

  childIn(units: Uint16Array, _text: string, s: number, e: number): FlatNode | undefined {
    return this.trie.childUnits(this.n, units, s, e);
  }

  hasChildren(): boolean {
    return this.trie.hasChildren(this.n);
  }

  keys(): Iterable<string> {
    return this.trie.keys(this.n);
  }
}
