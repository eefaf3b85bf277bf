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
import { foldText, words } from './tokens';

export type Form = EntityMention['form'];

export interface Target {
  id: string;
  form: Form;
}

export interface TrieNode {
  children?: Map<string, TrieNode>;
  targets?: Target[];
}

export interface EntityIndex {
  readonly registry: RegistrySnapshot;
  readonly root: TrieNode;
  /**
   * Which ASCII code-unit pairs start a key of `root` (`(c0 << 7) | c1`, `c1` = 0 for a one-unit
   * key): most tokens of an article start no name, and this rules them out without a substring.
   */
  readonly rootStarts: Uint8Array;
  /** Person ids by family name and by given name (folded), for short mentions. */
  readonly byFamilyName: ReadonlyMap<string, string[]>;
  readonly byGivenName: ReadonlyMap<string, string[]>;
  /** Office ids by folded office name/alias, for `counterpart` resolution. */
  readonly officeForms: ReadonlyMap<string, Set<string>>;
  /** Country id by folded demonym or name (the words that decide whose office it is). */
  readonly countryWords: ReadonlyMap<string, string>;
}

/** Longest name (in tokens) the matcher will try; longer forms are still indexed up to this. */
export const MAX_FORM_TOKENS = 12;

function add(root: TrieNode, form: string, target: Target): void {
  const toks = words(foldText(form));
  if (!toks.length || toks.length > MAX_FORM_TOKENS) return;
  let node = root;
  for (const key of toks) {
    if (!node.children) node.children = new Map();
    let next = node.children.get(key);
    if (!next) {
      next = {};
      node.children.set(key, next);
    }
    node = next;
  }
  if (!node.targets) node.targets = [];
  // One entity adds its forms one after another, so a repeat of the same id can only be among the
  // last few targets; looking further would make common surnames quadratic.
  const ts = node.targets;
  for (let k = ts.length - 1; k >= 0 && k >= ts.length - 4; k--) {
    if (ts[k].id !== target.id) continue;
    if (rank(target.form) < rank(ts[k].form)) ts[k] = target;
    return;
  }
  ts.push(target);
}

function rank(f: Form): number {
  return f === 'name' ? 0 : f === 'alias' ? 1 : f === 'demonym' ? 2 : 3;
}

const cache = new WeakMap<RegistrySnapshot, EntityIndex>();

export function buildEntityIndex(registry: RegistrySnapshot): EntityIndex {
  const hit = cache.get(registry);
  if (hit) return hit;
  const root: TrieNode = {};
  const byFamilyName = new Map<string, string[]>();
  const byGivenName = new Map<string, string[]>();
  const officeForms = new Map<string, Set<string>>();
  const countryWords = new Map<string, string>();
  // Each entity pushes each of its name parts once, so no duplicate check is needed.
  const push = (m: Map<string, string[]>, k: string, id: string): void => {
    const l = m.get(k);
    if (!l) m.set(k, [id]);
    else if (l[l.length - 1] !== id) l.push(id);
  };
  for (const e of registry.entities.values()) {
    add(root, e.name, { id: e.id, form: 'name' });
    for (const a of e.aliases) add(root, a, { id: e.id, form: 'alias' });
    if (e.type === 'country') {
      for (const d of e.demonyms) {
        add(root, d, { id: e.id, form: 'demonym' });
        countryWords.set(foldText(d), e.id);
      }
      countryWords.set(foldText(e.name), e.id);
      for (const a of e.aliases) countryWords.set(foldText(a), e.id);
    }
    if (e.type === 'office') {
      for (const f of [e.name, ...e.aliases]) {
        const k = foldText(f);
        let s = officeForms.get(k);
        if (!s) officeForms.set(k, (s = new Set()));
        s.add(e.id);
      }
    }
    if (e.type === 'person') personVariants(root, e, byFamilyName, byGivenName, push);
  }
  const index: EntityIndex = { registry, root, rootStarts: startPairs(root), byFamilyName, byGivenName, officeForms, countryWords };
  cache.set(registry, index);
  return index;
}

function startPairs(root: TrieNode): Uint8Array {
  const pairs = new Uint8Array(1 << 14);
  for (const k of root.children?.keys() ?? []) {
    const c0 = k.charCodeAt(0);
    const c1 = k.length > 1 ? k.charCodeAt(1) : 0;
    if (c0 < 0x80 && c1 < 0x80) pairs[(c0 << 7) | c1] = 1;
  }
  return pairs;
}

function personVariants(
  root: TrieNode,
  e: Entity,
  byFamilyName: Map<string, string[]>,
  byGivenName: Map<string, string[]>,
  push: (m: Map<string, string[]>, k: string, id: string) => void,
): void {
  let family = e.familyName;
  let given = e.givenName;
  if (!family || !given) {
    // Without explicit parts, a two-word name splits by its declared order.
    const parts = e.name.split(/\s+/);
    if (parts.length === 2) {
      [given, family] = e.nameOrder === 'family-first' ? [parts[1], parts[0]] : [parts[0], parts[1]];
    }
  }
  if (family && given) {
    add(root, `${given} ${family}`, { id: e.id, form: 'name' });
    add(root, `${family} ${given}`, { id: e.id, form: 'name' });
  }
  if (family) {
    add(root, family, { id: e.id, form: 'family-name' });
    push(byFamilyName, foldText(family), e.id);
  }
  if (given) {
    add(root, given, { id: e.id, form: 'given-name' });
    push(byGivenName, foldText(given), e.id);
  }
}
