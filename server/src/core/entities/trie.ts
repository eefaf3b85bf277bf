/**
 * The surface-form index: a token trie over every registry name, alias, demonym and derived
 * variant, built once per registry snapshot. Matching walks it from each token, so the cost is
 * linear in the article's length (times the longest name, a small constant) whatever the size of
 * the registry: there is no loop over entities and no regular expression per name.
 *
 * Each node has children keyed by the folded token. A token in capitals in the text (`TOKYO`,
 * `KISHIDA Fumio`) is looked up in its title-case form too (see `match.ts`), so the trie needs no
 * second, upper-case copy of its keys.
 */

import { Entity, EntityMention, RegistrySnapshot } from '../types';
import { EntityScanner, NAME_PARTICLES, foldText, words } from './tokens';
import { GIVEN_NAMES } from './evidence';
import { memoize } from '../registry/memo';
import { partitionPoint } from '../search';
import { RegistryDelta, dropRegistryDelta, entitiesOfType, entityOrder, registryDelta } from '../registry';
import { FlatTrie, TrieLike, flattenTrie } from './flatTrie';
import { hashText, hashUnits } from '../flatTable';

export type { TrieLike } from './flatTrie';

const internKey: (key: string) => string = memoize((key: string) => key, 100_000);

export type Form = EntityMention['form'];

export interface Target {
  id: string;
  form: Form;
  /** The entity itself (`registry.entities.get(id)`), saving the look-up per mention. */
  entity: Entity;
}

/** Up to this many children are kept in arrays (compared in place); beyond, in a Map. */
const SMALL = 8;

/**
 * A node with no children (82% of them in a big registry: the last token of most names): its
 * targets alone, in an object of two fields (a `TrieNode` has six). Most leaves have one target:
 * it is held without a list until the list is read (a match, or another target added), which
 * saves two objects (the array and its elements) per leaf. A leaf that gets a child is replaced
 * in its parent by a `TrieNode` with its targets (`TrieNode.inner`).
 */
export class TrieLeaf implements TrieLike {
  /** The targets, once read or when more than one; else undefined, and `one` the target. */
  private list: Target[] | undefined;

  constructor(private one: Target | undefined) {
    this.list = undefined;
  }

  get targets(): Target[] | undefined {
    if (this.list === undefined && this.one !== undefined) this.list = [this.one];
    return this.list;
  }

  set targets(ts: Target[] | undefined) {
    this.list = ts;
    this.one = undefined;
  }

  /** How many targets the leaf has (`targets.length`, without making the list). */
  targetCount(): number {
    return this.list !== undefined ? this.list.length : this.one !== undefined ? 1 : 0;
  }

  /** Target `i` (`targets[i]`, without making the list). */
  targetAt(i: number): Target {
    return this.list !== undefined ? this.list[i] : this.one!;
  }

  get(): undefined {
    return undefined;
  }

  childAt(): undefined {
    return undefined;
  }

  childIn(): undefined {
    return undefined;
  }

  hasChildren(): boolean {
    return false;
  }

  keys(): Iterable<string> {
    return [];
  }
}

/** A node's child: a node, or a leaf. */
export type TrieChild = TrieNode | TrieLeaf;

/**
 * A trie node. Most nodes have a single child (the family name after a given name): it is held
 * inline. A few children are kept in two small arrays and compared with the text in place (no
 * substring); only a node with many children (the root) gets a Map. A Map per node would cost
 * more time and memory than the rest of the index. Every node has the same fields: the matcher
 * sees two object shapes, this one and `TrieLeaf`'s.
 */
export class TrieNode implements TrieLike {
  key: string | undefined = undefined;
  child: TrieChild | undefined = undefined;
  /** Two to `SMALL` children (then `key` and `child` are unused). */
  keyList: string[] | undefined = undefined;
  childList: TrieChild[] | undefined = undefined;
  /** More children than that. */
  more: Map<string, TrieChild> | undefined = undefined;
  targets: Target[] | undefined = undefined;

  /** `targets.length` (as `TrieLeaf.targetCount`). */
  targetCount(): number {
    return this.targets === undefined ? 0 : this.targets.length;
  }

  /** `targets[i]`. */
  targetAt(i: number): Target {
    return this.targets![i];
  }

  get(key: string): TrieChild | undefined {
    if (this.more) return this.more.get(key);
    if (this.keyList) {
      const k = this.keyList.indexOf(key);
      return k < 0 ? undefined : this.childList![k];
    }
    return this.key === key ? this.child : undefined;
  }

  /** `get(text.slice(s, e))`, without the substring unless the node has a Map. */
  childAt(text: string, s: number, e: number): TrieChild | undefined {
    if (this.more) return this.more.get(text.slice(s, e));
    const list = this.keyList;
    if (list) {
      for (let k = 0; k < list.length; k++) if (sameKey(list[k], text, s, e)) return this.childList![k];
      return undefined;
    }
    return this.key !== undefined && sameKey(this.key, text, s, e) ? this.child : undefined;
  }

  /** `childAt(text, s, e)`, comparing keys with `units` (the code units of `text`). */
  childIn(units: Uint16Array, text: string, s: number, e: number): TrieChild | undefined {
    if (this.more) return this.more.get(text.slice(s, e));
    const list = this.keyList;
    if (list) {
      for (let k = 0; k < list.length; k++) if (sameUnits(list[k], units, s, e)) return this.childList![k];
      return undefined;
    }
    return this.key !== undefined && sameUnits(this.key, units, s, e) ? this.child : undefined;
  }

  hasChildren(): boolean {
    return this.child !== undefined || this.keyList !== undefined || this.more !== undefined;
  }

  keys(): Iterable<string> {
    if (this.more) return this.more.keys();
    if (this.keyList) return this.keyList;
    return this.key === undefined ? [] : [this.key];
  }

  /** Removes the child for `key` (an incremental update: it has no targets and no children left). */
  removeChild(key: string): void {
    if (this.more) {
      this.more.delete(key);
      return;
    }
    if (this.keyList) {
      const k = this.keyList.indexOf(key);
      if (k < 0) return;
      this.keyList.splice(k, 1);
      this.childList!.splice(k, 1);
      if (this.keyList.length === 1) {
        this.key = this.keyList[0];
        this.child = this.childList![0];
        this.keyList = undefined;
        this.childList = undefined;
      }
      return;
    }
    if (this.key === key) {
      this.key = undefined;
      this.child = undefined;
    }
  }

  /**
   * The child for `key` as a `TrieNode` (a name goes on after it): created if missing, or made of
   * the leaf there, which it replaces. `replaced` is told of a leaf replaced (the root's table holds
   * its children).
   */
  inner(key: string, replaced?: (key: string, node: TrieNode) => void): TrieNode {
    const found = this.get(key);
    if (found instanceof TrieNode) return found;
    const next = new TrieNode();
    if (found) {
      next.targets = found.targets;
      this.replaceChild(key, next);
      replaced?.(key, next);
    } else this.addChild(key, next);
    return next;
  }

  /** Puts `next` in place of the child for `key`. */
  private replaceChild(key: string, next: TrieChild): void {
    if (this.more) this.more.set(key, next);
    else if (this.keyList) this.childList![this.keyList.indexOf(key)] = next;
    else this.child = next;
  }

  /** Adds `next` as the child for a key the node does not have (interned: the same given names
   * and family names are keys of thousands of nodes). */
  addChild(key: string, next: TrieChild): void {
    key = internKey(key);
    if (this.more) this.more.set(key, next);
    else if (this.keyList) {
      if (this.keyList.length < SMALL) {
        // Lists of exactly their length: `push` would give each 16 spare slots, and a big
        // registry has hundreds of thousands of such nodes.
        this.keyList = appended(this.keyList, key);
        this.childList = appended(this.childList!, next);
      } else {
        this.more = new Map(this.keyList.map((k, i) => [k, this.childList![i]]));
        this.more.set(key, next);
        this.keyList = undefined;
        this.childList = undefined;
      }
    } else if (this.child === undefined) {
      this.key = key;
      this.child = next;
    } else {
      this.keyList = [this.key!, key];
      this.childList = [this.child, next];
      this.key = undefined;
      this.child = undefined;
    }
  }
}

/**
 * `xs` with `x` after its items, in a new list of exactly that length. (`concat` makes a packed
 * list, as the literals `[a, b]` beside it are; `new Array(n)` filled in would be a holey one, and
 * code reading both kinds of list (`get`, `childAt`, the matcher) sees two maps and is deoptimized
 * on the second.)
 */
function appended<T>(xs: readonly T[], x: T): T[] {
  return xs.concat([x]);
}

/** Whether `key` is text[s, e). */
function sameKey(key: string, text: string, s: number, e: number): boolean {
  if (key.length !== e - s) return false;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== text.charCodeAt(s + i)) return false;
  return true;
}

/** Whether `key` is the code units units[s, e). */
function sameUnits(key: string, units: Uint16Array, s: number, e: number): boolean {
  if (key.length !== e - s) return false;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== units[s + i]) return false;
  return true;
}

/**
 * A node's children again, in an open-addressing hash table over the keys' code units: the
 * matcher finds an article's token in it straight from the text's code units, with no substring
 * and no string hashing. Used for the root, where every candidate token is looked up (it has one
 * key per distinct first word of a form: some 180,000 for 100,000 entities).
 */
export class KeyTable {
  private readonly mask: number;
  /**
   * Per slot, side by side (one cache line for all four on a look-up): 1 + the key's index in
   * `keys`/`nodes` (0: empty slot; -1: a removed key's), the key's hash, where its code units
   * start in `pool`, and its length.
   */
  private readonly table: Int32Array;
  private readonly keys: string[] = [];
  private readonly nodes: TrieChild[] = [];
  /** The keys' code units, one key after another (a look-up compares them without the string). */
  private pool: Uint16Array;
  private used = 0;

  constructor(node: TrieNode) {
    const keys = [...node.keys()];
    let size = 16;
    while (size < 2 * keys.length) size *= 2;
    this.mask = size - 1;
    this.table = new Int32Array(4 * size);
    let units = 0;
    for (const key of keys) units += key.length;
    this.pool = new Uint16Array(units + 64);
    for (const key of keys) this.put(key, node.get(key)!);
  }

  /** Adds a new key of the node (an incremental update); false when the table is too full for it. */
  add(key: string, node: TrieChild): boolean {
    if (2 * (this.keys.length + 1) > this.mask + 1) return false;
    this.put(key, node);
    return true;
  }

  private put(key: string, node: TrieChild): void {
    const h = hashText(key, 0, key.length);
    let i = h & this.mask;
    while (this.table[4 * i] > 0) i = (i + 1) & this.mask;
    if (this.used + key.length > this.pool.length) {
      const grown = new Uint16Array(2 * (this.used + key.length));
      grown.set(this.pool.subarray(0, this.used));
      this.pool = grown;
    }
    const at = this.used;
    for (let j = 0; j < key.length; j++) this.pool[at + j] = key.charCodeAt(j);
    this.used += key.length;
    this.keys.push(key);
    this.nodes.push(node);
    this.table[4 * i] = this.keys.length;
    this.table[4 * i + 1] = h;
    this.table[4 * i + 2] = at;
    this.table[4 * i + 3] = key.length;
  }

  /** The slot of `key` (-1: none). */
  private slotOf(key: string): number {
    const h = hashText(key, 0, key.length);
    const t = this.table;
    for (let i = h & this.mask; t[4 * i] !== 0; i = (i + 1) & this.mask) {
      const slot = t[4 * i];
      if (slot > 0 && t[4 * i + 1] === h && this.keys[slot - 1] === key) return i;
    }
    return -1;
  }

  /** Removes a key the node no longer has. */
  remove(key: string): void {
    const i = this.slotOf(key);
    if (i < 0) return;
    const slot = this.table[4 * i];
    this.table[4 * i] = -1;
    this.keys[slot - 1] = '';
    this.nodes[slot - 1] = undefined as unknown as TrieChild;
  }

  /** Puts `node` in place of the child for `key` (a leaf the node replaced: `TrieNode.inner`). */
  replace(key: string, node: TrieNode): void {
    const i = this.slotOf(key);
    if (i >= 0) this.nodes[this.table[4 * i] - 1] = node;
  }

  /** The child whose key is text[s, e), as `node.get(text.slice(s, e))`. */
  find(text: string, s: number, e: number): TrieChild | undefined {
    const i = this.slotOf(text.slice(s, e));
    return i < 0 ? undefined : this.nodes[this.table[4 * i] - 1];
  }

  /** The child whose key is the code units units[s, e) (`find` of the text they hold). */
  findUnits(units: Uint16Array, s: number, e: number): TrieChild | undefined {
    const h = hashUnits(units, s, e);
    const len = e - s;
    const t = this.table;
    const pool = this.pool;
    for (let i = h & this.mask; t[4 * i] !== 0; i = (i + 1) & this.mask) {
      const q = 4 * i;
      if (t[q + 1] !== h || t[q + 3] !== len || t[q] < 0) continue;
      let k = t[q + 2];
      let j = s;
      while (j < e && pool[k] === units[j]) {
        j++;
        k++;
      }
      if (j === e) return this.nodes[t[q] - 1];
    }
    return undefined;
  }
}


export interface EntityIndex {
  readonly registry: RegistrySnapshot;
  /** A `TrieNode` (built here, updated in place by incremental snapshots), or a read-only
   * `FlatTrie`'s root (a `--jobs` worker's: see `flatEntityIndex`). */
  readonly root: TrieLike;
  /** `root`'s children, for lookups from the text (`find`) or from its code units (`findUnits`). */
  readonly rootTable: RootTable;
  /**
   * The lengths of the keys of `root` that start with each pair of ASCII code units, by
   * `(c0 << 7) | c1` (`c1` = 0 for a one-unit key), as bits (`rootLengthBit`): most tokens of an
   * article start no name, and this rules out most of them without hashing them ("their" shares
   * its first two letters with "the", not its length).
   */
  readonly rootStarts: Uint8Array;
  /**
   * Office ids by folded office name/alias, for `counterpart` resolution: a Map built here, or a
   * `--jobs` worker's view of the main thread's table.
   */
  readonly officeForms: OfficeForms;
  /**
   * The scratch of recognition with this index when its caller brings none
   * (`RecognizeOptions.scanner`): an index's own, not the module's, so recognitions with two
   * indexes (or two scanners) never share buffers.
   */
  readonly scanner: EntityScanner;
}

/** A root's children by key: `find(text, s, e)` is `root.get(text.slice(s, e))`, `findUnits` the same of code units. */
export interface RootTable {
  find(text: string, s: number, e: number): TrieLike | undefined;
  findUnits(units: Uint16Array, s: number, e: number): TrieLike | undefined;
}

/** Office ids by folded office name or alias, in snapshot order. */
export interface OfficeForms {
  get(form: string): Iterable<string> | undefined;
}

/** Longest name (in tokens) the matcher will try; longer forms are still indexed up to this. */
export const MAX_FORM_TOKENS = 12;

/** The last two one-element target lists made (see addTokens), per build. */
interface Singles {
  last: Target[] | undefined;
  prev: Target[] | undefined;
}

/**
 * `[target]`, or the same list made for it just before: an entity adds its forms one after
 * another, so the nodes that are not new leaves and that its name reaches (a family-first variant
 * ending where an alias did) share one list, even with another form's list made in between.
 */
function single(made: Singles, target: Target): Target[] {
  if (made.last?.[0] === target) return made.last;
  if (made.prev?.[0] === target) return made.prev;
  made.prev = made.last;
  return (made.last = [target]);
}

/** Adds a form given as its folded tokens. */
function addTokens(made: Singles, root: TrieNode, toks: readonly string[], target: Target): void {
  if (!toks.length || toks.length > MAX_FORM_TOKENS) return;
  let parent = root;
  const last = toks.length - 1;
  for (let d = 0; d < last; d++) parent = parent.inner(toks[d]);
  // Most nodes get one target: a new leaf holds it without a list (see `TrieLeaf`); a node that
  // has none yet gets an exact one-element array (`push` on `[]` reserves 17 slots), shared by
  // the nodes one target reaches one after another (`single`). Such an array may be shared, so a
  // one-element list is replaced, never changed in place.
  const node = parent.get(toks[last]);
  if (!node || !node.targets) {
    if (node) node.targets = single(made, target);
    // A new node is a leaf until a longer form goes on from it.
    else parent.addChild(toks[last], new TrieLeaf(target));
    return;
  }
  // A full build adds each entity's forms one after another, and no entity has two targets at a
  // node: a target of this entity here can only be the last one. (Looking further would make
  // common surnames quadratic; looking at the last four, as before, cost a cache miss for each.)
  const ts = node.targets;
  // (The same id is the same entity: one snapshot has one member per id. Comparing the objects
  // saves comparing the ids' texts, which differ only in their last digits.)
  const k = ts.length - 1;
  if (ts[k].entity === target.entity) {
    if (rank(target.form) < rank(ts[k].form)) {
      if (ts.length === 1) node.targets = single(made, target);
      else ts[k] = target;
    }
    return;
  }
  if (ts.length === 1) node.targets = [ts[0], target];
  // A short list grows to exactly its length (see `appended`); a long one by `push` (its spare
  // room is then a small part of it).
  else if (ts.length < 8) node.targets = appended(ts, target);
  else ts.push(target);
}

function rank(f: Form): number {
  return f === 'name' ? 0 : f === 'alias' ? 1 : f === 'demonym' ? 2 : 3;
}

const cache = new WeakMap<RegistrySnapshot, EntityIndex>();

/**
 * The index of a snapshot: from the cache; else, when the snapshot was made from an indexed one by
 * an incremental update (a few entities edited), that index updated in place (see `updateIndex`);
 * else built.
 */
export function buildEntityIndex(registry: RegistrySnapshot): EntityIndex {
  const hit = cache.get(registry);
  if (hit) return hit;
  const index = updateIndex(registry) ?? fullIndex(registry);
  dropRegistryDelta(registry);
  cache.set(registry, index);
  return index;
}

function fullIndex(registry: RegistrySnapshot): EntityIndex {
  const root = new TrieNode();
  const made: Singles = { last: undefined, prev: undefined };
  const visit = (toks: readonly string[], target: Target): void => addTokens(made, root, toks, target);
  for (const e of registry.entities.values()) entityForms(e, visit);
  return { registry, root, rootTable: new KeyTable(root), rootStarts: startPairs(root), officeForms: officeFormsOf(registry), scanner: new EntityScanner() };
}

/**
 * `index`'s trie written out for threads that read it in place (flatTrie.ts), entities numbered
 * in `registry.entities` order.
 */
export function shareEntityIndex(index: EntityIndex): SharedArrayBuffer {
  const ordinals = new Map<Entity, number>();
  for (const e of index.registry.entities.values()) ordinals.set(e, ordinals.size);
  return flattenTrie(index.root as TrieNode, (e) => ordinals.get(e)!);
}

/**
 * The index `shareEntityIndex` wrote for `registry` (the same entities, in the same order), read
 * in place; `entityAt(n)` is its entity number n (by default read from `registry.entities`),
 * `rootStarts` the built index's, and `officeForms` its office forms, when given (else found in
 * `registry`, which reads every office).
 */
export function sharedEntityIndex(registry: RegistrySnapshot, sab: SharedArrayBuffer, entityAt?: (n: number) => Entity, rootStarts?: Uint8Array, officeForms?: OfficeForms): EntityIndex {
  const hit = cache.get(registry);
  if (hit) return hit;
  let at = entityAt;
  if (!at) {
    const list = [...registry.entities.values()];
    at = (n) => list[n];
  }
  const root = new FlatTrie(sab, at).root;
  const index: EntityIndex = {
    registry, root, rootTable: { find: (text, s, e) => root.childAt(text, s, e), findUnits: (units, s, e) => root.childUnits(units, s, e) },
    rootStarts: rootStarts ?? startPairs(root), officeForms: officeForms ?? officeFormsOf(registry), scanner: new EntityScanner(),
  };
  cache.set(registry, index);
  return index;
}

/** Every form an entity puts in the trie, as folded tokens, in the order a full build adds them. */
function entityForms(e: Entity, visit: (toks: readonly string[], target: Target) => void): void {
  const nameToks = words(foldText(e.name));
  const nameTarget: Target = { id: e.id, form: 'name', entity: e };
  visit(nameToks, nameTarget);
  for (const a of e.aliases) visit(words(foldText(a)), { id: e.id, form: 'alias', entity: e });
  if (e.type === 'country') {
    for (const d of e.demonyms) visit(words(foldText(d)), { id: e.id, form: 'demonym', entity: e });
  }
  if (e.type === 'person') personVariants(visit, e, nameToks, nameTarget);
}

export function officeFormsOf(registry: RegistrySnapshot): Map<string, Set<string>> {
  const officeForms = new Map<string, Set<string>>();
  for (const e of entitiesOfType(registry, 'office')) {
    for (const f of [e.name, ...e.aliases]) {
      const k = foldText(f);
      let s = officeForms.get(k);
      if (!s) officeForms.set(k, (s = new Set()));
      s.add(e.id);
    }
  }
  return officeForms;
}

/**
 * The index of `registry` from the index of an earlier snapshot it was made from by incremental
 * updates (registryDelta): the members that left are taken out of the trie (nodes left empty are
 * removed), those that entered are put in at their place in member order, so every node's targets
 * are in the order a full build gives them. The earlier snapshot's index is consumed (its trie is
 * this one's). Undefined when there is no such index.
 */
function updateIndex(registry: RegistrySnapshot): EntityIndex | undefined {
  const chain: RegistryDelta[] = [];
  for (let s = registry; ;) {
    const d = registryDelta(s);
    if (!d || chain.length > 32) return undefined;
    chain.push(d);
    if (cache.has(d.base)) break;
    s = d.base;
  }
  const baseSnapshot = chain[chain.length - 1].base;
  const base = cache.get(baseSnapshot)!;
  // A shared (read-only) trie is never updated in place.
  if (!(base.root instanceof TrieNode)) return undefined;
  cache.delete(baseSnapshot);
  const index = { ...base, registry } as MutableIndex;
  let rootGrown = false;
  const offices = new Map<string, number>();
  const officeKey = (e: Entity): string => `${e.id}\u0000${e.name}\u0000${e.aliases.join('\u0000')}`;
  for (let i = chain.length - 1; i >= 0; i--) {
    for (const step of chain[i].steps) {
      for (const e of step.leaving) {
        entityForms(e, (toks) => removeTarget(index, toks, e));
        if (e.type === 'office') offices.set(officeKey(e), (offices.get(officeKey(e)) ?? 0) + 1);
      }
      for (const e of step.entering) {
        entityForms(e, (toks, target) => {
          if (!insertTarget(index, toks, target)) rootGrown = true;
        });
        if (e.type === 'office') offices.set(officeKey(e), (offices.get(officeKey(e)) ?? 0) - 1);
      }
    }
  }
  if (rootGrown) index.rootTable = new KeyTable(index.root);
  // Office ids by form: the same unless an office's id, name or aliases changed.
  if ([...offices.values()].some((n) => n !== 0)) index.officeForms = officeFormsOf(registry);
  return index;
}

/** An index built here (`fullIndex`): its trie is made of `TrieNode`s and its root table is a `KeyTable`. */
interface MutableIndex {
  registry: RegistrySnapshot;
  root: TrieNode;
  rootTable: KeyTable;
  rootStarts: Uint8Array;
  officeForms: ReadonlyMap<string, Set<string>>;
  scanner: EntityScanner;
}

/** Takes `e`'s target off the node `toks` leads to, and removes the nodes left empty. */
function removeTarget(index: MutableIndex, toks: readonly string[], e: Entity): void {
  if (!toks.length || toks.length > MAX_FORM_TOKENS) return;
  const path: TrieChild[] = [index.root];
  for (const key of toks) {
    const next = path[path.length - 1].get(key);
    if (!next) return;
    path.push(next);
  }
  const node = path[path.length - 1];
  const ts = node.targets;
  if (!ts) return;
  const k = ts.findIndex((t) => t.entity === e);
  if (k < 0) return;
  if (ts.length === 1) node.targets = undefined;
  else ts.splice(k, 1);
  for (let d = toks.length; d > 0; d--) {
    const n = path[d];
    if (n.targets || n.hasChildren()) break;
    // (A node with a child is a `TrieNode`.)
    (path[d - 1] as TrieNode).removeChild(toks[d - 1]);
    if (d === 1) index.rootTable.remove(toks[0]);
  }
}

/**
 * Adds a target at its place in member order (as addTokens does in a full build, where members
 * come in order). False when the root got a key its table has no room for.
 */
function insertTarget(index: MutableIndex, toks: readonly string[], target: Target): boolean {
  if (!toks.length || toks.length > MAX_FORM_TOKENS) return true;
  let fits = true;
  let parent = index.root;
  const last = toks.length - 1;
  const rootKey = (key: string, child: TrieChild): void => {
    fits = index.rootTable.add(key, child);
    const c0 = key.charCodeAt(0);
    const c1 = key.length > 1 ? key.charCodeAt(1) : 0;
    if (c0 < 0x80 && c1 < 0x80) index.rootStarts[(c0 << 7) | c1] |= rootLengthBit(key.length);
  };
  const replaced = (key: string, node: TrieNode): void => index.rootTable.replace(key, node);
  for (let d = 0; d < last; d++) {
    const key = toks[d];
    const had = d === 0 && parent.get(key) !== undefined;
    parent = parent.inner(key, d === 0 ? replaced : undefined);
    if (d === 0 && !had) rootKey(key, parent);
  }
  let node = parent.get(toks[last]);
  if (!node) {
    node = new TrieLeaf(undefined);
    parent.addChild(toks[last], node);
    if (last === 0) rootKey(toks[0], node);
  }
  const ts = node.targets;
  if (!ts) {
    node.targets = [target];
    return fits;
  }
  const e = target.entity;
  const k = ts.findIndex((t) => t.entity === e);
  if (k >= 0) {
    if (rank(target.form) < rank(ts[k].form)) {
      if (ts.length === 1) node.targets = [target];
      else ts[k] = target;
    }
    return fits;
  }
  const lo = partitionPoint(0, ts.length, (i) => entityOrder(ts[i].entity, e) < 0);
  if (ts.length === 1) node.targets = lo === 0 ? [target, ts[0]] : [ts[0], target];
  else ts.splice(lo, 0, target);
  return fits;
}

function startPairs(root: TrieLike): Uint8Array {
  const pairs = new Uint8Array(1 << 14);
  for (const k of root.keys()) {
    const c0 = k.charCodeAt(0);
    const c1 = k.length > 1 ? k.charCodeAt(1) : 0;
    if (c0 < 0x80 && c1 < 0x80) pairs[(c0 << 7) | c1] |= rootLengthBit(k.length);
  }
  return pairs;
}

/** The bit of a key's length in `rootStarts`: one per length from 1 to 7, one for 8 and more. */
export function rootLengthBit(length: number): number {
  return 1 << ((length < 8 ? length : 8) - 1);
}

const NO_TOKENS: readonly string[] = Object.freeze([]) as readonly string[];

/** Whether `s` is printable ASCII without spaces: `s.split(/\s+/)` is then `[s]`. */
function isOneWord(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c >= 127) return false;
  }
  return true;
}

/** `a` then `b`, in a packed list as `words` makes (see `appended`). */
function concat(a: readonly string[], b: readonly string[]): string[] {
  return a.concat(b);
}

/** Whether `a` followed by `b` is `c`. */
function sameConcat(a: readonly string[], b: readonly string[], c: readonly string[]): boolean {
  if (a.length + b.length !== c.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== c[i]) return false;
  for (let i = 0; i < b.length; i++) if (b[i] !== c[a.length + i]) return false;
  return true;
}

function personVariants(visit: (toks: readonly string[], target: Target) => void, e: Entity, nameToks: readonly string[], nameTarget: Target): void {
  let family = e.familyName;
  let given = e.givenName;
  if (!family || !given) {
    // Without explicit parts, the name splits by its order (see `derivedParts`).
    const d = derivedParts(e);
    if (d) [given, family] = d;
  }
  // Folding and tokenizing work token by token, so a variant's tokens are its parts' tokens joined.
  // (Made per person: remembering them per distinct name cost more than it saved, 1.4 → 2.5 s of
  // index build at 100,000 generated entities.)
  const f = family ? words(foldText(family)) : NO_TOKENS;
  const g = given ? words(foldText(given)) : NO_TOKENS;
  if (family && given) {
    // Usually the name itself, already added with the same form: adding it again changes nothing.
    if (!sameConcat(g, f, nameToks)) visit(concat(g, f), nameTarget);
    visit(concat(f, g), nameTarget);
  }
  if (family) visit(f, { id: e.id, form: 'family-name', entity: e });
  if (given) visit(g, { id: e.id, form: 'given-name', entity: e });
  // Several given names: the first with the family name ("Sergei Lavrov" of "Sergei Viktorovich Lavrov").
  // (A given name without spaces is one word: most are, and need no split.)
  const givenWords = given && !isOneWord(given) ? given.split(/\s+/).filter(Boolean) : NO_TOKENS;
  if (family && givenWords.length > 1) visit(concat(words(foldText(givenWords[0])), f), nameTarget);
  // Double surnames (Spanish "Sánchez Pérez-Castejón", Portuguese "Iecker Vieira"): the first
  // alone (Spanish use), the last alone with its particles (Portuguese use), and each after the first given name
  // or all of them ("Pedro Sánchez", "Mauro Vieira").
  const surnames = family ? doubleSurnames(family) : undefined;
  if (surnames) {
    const famTarget: Target = { id: e.id, form: 'family-name', entity: e };
    const g0 = g.length ? words(foldText(given!.split(/\s+/)[0])) : NO_TOKENS;
    for (const sn of surnames) {
      const st = words(foldText(sn));
      visit(st, famTarget);
      if (g.length) {
        visit(concat(g, st), nameTarget);
        if (g0.length < g.length) visit(concat(g0, st), nameTarget);
      }
    }
  }
}

/**
 * A person's [given, family] parts from the name alone, when the registry does not declare them:
 * a two-word name splits by its order; a name of three or four words without particles has its
 * family name last (first when `name_order: family-first`: "Kim Jong Un"). Undefined otherwise
 * (particle names have their own short forms, see `variants.ts`).
 */
export function derivedParts(e: Entity): [string, string] | undefined {
  const parts = e.name.split(/\s+/).filter(Boolean);
  if (parts.length === 2) return familyFirst(e, parts) ? [parts[1], parts[0]] : [parts[0], parts[1]];
  if (parts.length < 3 || parts.length > 4 || parts.some((p) => NAME_PARTICLES.has(p.toLowerCase()))) return undefined;
  return e.nameOrder === 'family-first' ? [parts.slice(1).join(' '), parts[0]] : [parts.slice(0, -1).join(' '), parts[parts.length - 1]];
}

/**
 * Whether a two-word name without declared parts is written family name first: declared so, or
 * (with no `name_order`) its second word is a common given name and its first is not
 * ("Hayashi Yoshimasa", "Iwaya Takeshi").
 */
function familyFirst(e: Entity, parts: readonly string[]): boolean {
  if (e.nameOrder) return e.nameOrder === 'family-first';
  return GIVEN_NAMES.has(foldText(parts[1])) && !GIVEN_NAMES.has(foldText(parts[0]));
}

/**
 * The first and last of a family name of two surnames or more ("Albares Bueno" → Albares, Bueno;
 * "Lula da Silva" → Lula, da Silva); undefined for a single surname, particles and all ("von der Leyen").
 */
export function doubleSurnames(family: string): [string, string] | undefined {
  if (isOneWord(family)) return undefined;
  const all = family.split(/\s+/).filter(Boolean);
  const parts = all.filter((p) => !NAME_PARTICLES.has(p.toLowerCase()));
  if (parts.length < 2) return undefined;
  // The last with the particles before it: "da Silva", not "Silva".
  let k = all.length - 1;
  while (k > 0 && NAME_PARTICLES.has(all[k - 1].toLowerCase())) k--;
  return [parts[0], all.slice(k).join(' ')];
}
