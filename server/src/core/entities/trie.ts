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
import { NAME_PARTICLES, foldText, words } from './tokens';
import { GIVEN_NAMES } from './evidence';
import { memoize } from '../registry/memo';

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
 * A trie node. Most nodes have a single child (the family name after a given name): it is held
 * inline. A few children are kept in two small arrays and compared with the text in place (no
 * substring); only a node with many children (the root) gets a Map. A Map per node would cost
 * more time and memory than the rest of the index. Every node has the same fields (one object
 * shape for the matcher).
 */
export class TrieNode {
  key: string | undefined = undefined;
  child: TrieNode | undefined = undefined;
  /** Two to `SMALL` children (then `key` and `child` are unused). */
  keyList: string[] | undefined = undefined;
  childList: TrieNode[] | undefined = undefined;
  /** More children than that. */
  more: Map<string, TrieNode> | undefined = undefined;
  targets: Target[] | undefined = undefined;

  get(key: string): TrieNode | undefined {
    if (this.more) return this.more.get(key);
    if (this.keyList) {
      const k = this.keyList.indexOf(key);
      return k < 0 ? undefined : this.childList![k];
    }
    return this.key === key ? this.child : undefined;
  }

  /** `get(text.slice(s, e))`, without the substring unless the node has a Map. */
  childAt(text: string, s: number, e: number): TrieNode | undefined {
    if (this.more) return this.more.get(text.slice(s, e));
    const list = this.keyList;
    if (list) {
      for (let k = 0; k < list.length; k++) if (sameKey(list[k], text, s, e)) return this.childList![k];
      return undefined;
    }
    return this.key !== undefined && sameKey(this.key, text, s, e) ? this.child : undefined;
  }

  hasChildren(): boolean {
    return this.child !== undefined || this.keyList !== undefined || this.more !== undefined;
  }

  keys(): Iterable<string> {
    if (this.more) return this.more.keys();
    if (this.keyList) return this.keyList;
    return this.key === undefined ? [] : [this.key];
  }

  /** The child for `key`, created if missing (its key interned: the same given names and family
   * names are keys of thousands of nodes). */
  childFor(key: string): TrieNode {
    const found = this.get(key);
    if (found) return found;
    key = internKey(key);
    const next = new TrieNode();
    if (this.more) this.more.set(key, next);
    else if (this.keyList) {
      if (this.keyList.length < SMALL) {
        this.keyList.push(key);
        this.childList!.push(next);
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
    return next;
  }
}

/** Whether `key` is text[s, e). */
function sameKey(key: string, text: string, s: number, e: number): boolean {
  if (key.length !== e - s) return false;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== text.charCodeAt(s + i)) return false;
  return true;
}

/**
 * A node's children again, in an open-addressing hash table over the keys' code units: the
 * matcher finds an article's token in it straight from the text, with no substring and no string
 * hashing. Used for the root, where every candidate token is looked up (it has one key per
 * distinct first word of a form: some 180,000 for 100,000 entities).
 */
export class KeyTable {
  private readonly mask: number;
  /** Per slot: the key's hash, and 1 + its index in `keys`/`nodes` (0: empty slot). */
  private readonly hashes: Int32Array;
  private readonly slots: Int32Array;
  private readonly keys: string[] = [];
  private readonly nodes: TrieNode[] = [];

  constructor(node: TrieNode) {
    const keys = [...node.keys()];
    let size = 16;
    while (size < 2 * keys.length) size *= 2;
    this.mask = size - 1;
    this.hashes = new Int32Array(size);
    this.slots = new Int32Array(size);
    for (const key of keys) {
      const h = hashRange(key, 0, key.length);
      let i = h & this.mask;
      while (this.slots[i] !== 0) i = (i + 1) & this.mask;
      this.keys.push(key);
      this.nodes.push(node.get(key)!);
      this.hashes[i] = h;
      this.slots[i] = this.keys.length;
    }
  }

  /** The child whose key is text[s, e), as `node.get(text.slice(s, e))`. */
  find(text: string, s: number, e: number): TrieNode | undefined {
    const h = hashRange(text, s, e);
    const len = e - s;
    for (let i = h & this.mask; this.slots[i] !== 0; i = (i + 1) & this.mask) {
      if (this.hashes[i] !== h) continue;
      const k = this.slots[i] - 1;
      const key = this.keys[k];
      if (key.length !== len) continue;
      let j = 0;
      while (j < len && key.charCodeAt(j) === text.charCodeAt(s + j)) j++;
      if (j === len) return this.nodes[k];
    }
    return undefined;
  }
}

/** FNV-1a over the code units of text[s, e). */
function hashRange(text: string, s: number, e: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = s; i < e; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

export interface EntityIndex {
  readonly registry: RegistrySnapshot;
  readonly root: TrieNode;
  /** `root`'s children, for lookups from the text. */
  readonly rootTable: KeyTable;
  /**
   * Which ASCII code-unit pairs start a key of `root` (`(c0 << 7) | c1`, `c1` = 0 for a one-unit
   * key): most tokens of an article start no name, and this rules them out without a substring.
   */
  readonly rootStarts: Uint8Array;
  /** Office ids by folded office name/alias, for `counterpart` resolution. */
  readonly officeForms: ReadonlyMap<string, Set<string>>;
}

/** Longest name (in tokens) the matcher will try; longer forms are still indexed up to this. */
export const MAX_FORM_TOKENS = 12;

/** The last one-element target list made (see addTokens): an entity adds its name's forms one
 * after another, so they share it. */
let lastSingle: Target[] | undefined;

function add(root: TrieNode, form: string, target: Target): void {
  addTokens(root, words(foldText(form)), target);
}

/** Adds a form given as its folded tokens. */
function addTokens(root: TrieNode, toks: readonly string[], target: Target): void {
  if (!toks.length || toks.length > MAX_FORM_TOKENS) return;
  let node = root;
  for (const key of toks) node = node.childFor(key);
  // Most nodes get one target: an exact one-element array (`push` on `[]` reserves 17 slots),
  // the same array for every node an entity's name reaches (name, family-first variant). Such an
  // array may be shared, so a one-element list is replaced, never changed in place.
  if (!node.targets) {
    if (lastSingle?.[0] !== target) lastSingle = [target];
    node.targets = lastSingle;
    return;
  }
  // One entity adds its forms one after another, so a repeat of the same id can only be among the
  // last few targets; looking further would make common surnames quadratic.
  const ts = node.targets;
  for (let k = ts.length - 1; k >= 0 && k >= ts.length - 4; k--) {
    if (ts[k].id !== target.id) continue;
    if (rank(target.form) < rank(ts[k].form)) {
      if (ts.length === 1) node.targets = [target];
      else ts[k] = target;
    }
    return;
  }
  if (ts.length === 1) node.targets = [ts[0], target];
  else ts.push(target);
}

function rank(f: Form): number {
  return f === 'name' ? 0 : f === 'alias' ? 1 : f === 'demonym' ? 2 : 3;
}

const cache = new WeakMap<RegistrySnapshot, EntityIndex>();

export function buildEntityIndex(registry: RegistrySnapshot): EntityIndex {
  const hit = cache.get(registry);
  if (hit) return hit;
  const root = new TrieNode();
  const officeForms = new Map<string, Set<string>>();
  for (const e of registry.entities.values()) {
    const nameToks = words(foldText(e.name));
    const nameTarget: Target = { id: e.id, form: 'name', entity: e };
    addTokens(root, nameToks, nameTarget);
    for (const a of e.aliases) add(root, a, { id: e.id, form: 'alias', entity: e });
    if (e.type === 'country') {
      for (const d of e.demonyms) add(root, d, { id: e.id, form: 'demonym', entity: e });
    }
    if (e.type === 'office') {
      for (const f of [e.name, ...e.aliases]) {
        const k = foldText(f);
        let s = officeForms.get(k);
        if (!s) officeForms.set(k, (s = new Set()));
        s.add(e.id);
      }
    }
    if (e.type === 'person') personVariants(root, e, nameToks, nameTarget);
  }
  lastSingle = undefined;
  const index: EntityIndex = { registry, root, rootTable: new KeyTable(root), rootStarts: startPairs(root), officeForms };
  cache.set(registry, index);
  return index;
}

function startPairs(root: TrieNode): Uint8Array {
  const pairs = new Uint8Array(1 << 14);
  for (const k of root.keys()) {
    const c0 = k.charCodeAt(0);
    const c1 = k.length > 1 ? k.charCodeAt(1) : 0;
    if (c0 < 0x80 && c1 < 0x80) pairs[(c0 << 7) | c1] = 1;
  }
  return pairs;
}

function personVariants(root: TrieNode, e: Entity, nameToks: readonly string[], nameTarget: Target): void {
  let family = e.familyName;
  let given = e.givenName;
  if (!family || !given) {
    // Without explicit parts, the name splits by its order (see `derivedParts`).
    const d = derivedParts(e);
    if (d) [given, family] = d;
  }
  // Folding and tokenizing work token by token, so a variant's tokens are its parts' tokens joined.
  const f = family ? words(foldText(family)) : [];
  const g = given ? words(foldText(given)) : [];
  if (family && given) {
    const gf = [...g, ...f];
    // Usually the name itself, already added with the same form: adding it again changes nothing.
    if (!sameTokens(gf, nameToks)) addTokens(root, gf, nameTarget);
    addTokens(root, [...f, ...g], nameTarget);
  }
  if (family) addTokens(root, f, { id: e.id, form: 'family-name', entity: e });
  if (given) addTokens(root, g, { id: e.id, form: 'given-name', entity: e });
  // Several given names: the first with the family name ("Sergei Lavrov" of "Sergei Viktorovich Lavrov").
  const givenWords = given ? given.split(/\s+/).filter(Boolean) : [];
  if (family && givenWords.length > 1) addTokens(root, [...words(foldText(givenWords[0])), ...f], nameTarget);
  // Double surnames (Spanish "Sánchez Pérez-Castejón", Portuguese "Iecker Vieira"): the first
  // alone (Spanish use), the last alone with its particles (Portuguese use), and each after the first given name
  // or all of them ("Pedro Sánchez", "Mauro Vieira").
  const surnames = family ? doubleSurnames(family) : undefined;
  if (surnames) {
    const famTarget: Target = { id: e.id, form: 'family-name', entity: e };
    const g0 = g.length ? words(foldText(given!.split(/\s+/)[0])) : [];
    for (const sn of surnames) {
      const st = words(foldText(sn));
      addTokens(root, st, famTarget);
      if (g.length) {
        addTokens(root, [...g, ...st], nameTarget);
        if (g0.length < g.length) addTokens(root, [...g0, ...st], nameTarget);
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
  const all = family.split(/\s+/).filter(Boolean);
  const parts = all.filter((p) => !NAME_PARTICLES.has(p.toLowerCase()));
  if (parts.length < 2) return undefined;
  // The last with the particles before it: "da Silva", not "Silva".
  let k = all.length - 1;
  while (k > 0 && NAME_PARTICLES.has(all[k - 1].toLowerCase())) k--;
  return [parts[0], all.slice(k).join(' ')];
}

function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
