/**
 * From raw trie matches to linked mentions: full forms link directly; short forms (a surname or a
 * given name alone) link to the most recent full mention with that name part; offices resolve
 * whose office they are from the country word beside them and attach to the adjacent person.
 * What stays undecided is reported (`ambiguous-mention`), never guessed.
 */

import { FIX_COMMANDS } from '../commands';
import { Entity, EntityMention, Finding, RegistrySnapshot, entityMention, finding } from '../types';
import { RawMatch } from './match';
import { EntityIndex, Target, derivedParts, doubleSurnames } from './trie';
import { foldText } from './tokens';

/** Forms that name an entity in full (not a name part alone). */
function isFull(f: Target['form']): boolean {
  return f === 'name' || f === 'alias' || f === 'demonym';
}

export function resolveMatches(text: string, raw: readonly RawMatch[], index: EntityIndex): EntityMention[] {
  const reg = index.registry;
  const mentions: EntityMention[] = [];
  /** Folded name part → person id of the most recent full mention having it. */
  const recent = new Map<string, string>();

  for (const r of raw) {
    const only = r.targets.length === 1 ? r.targets[0] : undefined;
    if (only && isFull(only.form)) {
      // The common case: one entity, one form.
      const e = only.entity;
      mentions.push(mention(r.start, r.end, text.slice(r.start, r.end), e.type, e.id, NONE, only.form));
      if (e.type === 'person') remember(recent, e);
      continue;
    }
    let full: Target[] | undefined;
    for (const t of r.targets) if (isFull(t.form)) (full ??= []).push(t);
    const mText = text.slice(r.start, r.end);
    if (full) fullMention(r, full, mText, reg, recent, mentions);
    else shortMention(r, mText, recent, mentions);
  }
  resolveOffices(text, mentions, index);
  return mentions;
}

/** A match with several targets, some of them full forms: the entity they name, or an ambiguous mention of them all. */
function fullMention(r: RawMatch, full: Target[], mText: string, reg: EntityIndex['registry'], recent: Map<string, string>, mentions: EntityMention[]): void {
  if (full.length === 1) {
    // The common case: one entity, one form.
    const e = reg.entities.get(full[0].id);
    if (!e) return;
    mentions.push(mention(r.start, r.end, mText, e.type, e.id, NONE, full[0].form));
    if (e.type === 'person') remember(recent, e);
    return;
  }
  const ids = uniqueIds(full);
  // A loop, not map + filter: the array map() returns changes its elements kind with what it
  // holds, and the optimized code of this function was thrown away (and compiled again) the
  // first time it met another kind.
  const ents: Entity[] = [];
  for (const id of ids) {
    const e = reg.entities.get(id);
    if (e) ents.push(e);
  }
  if (!ents.length) return;
  if (ents.length === 1) {
    const e = ents[0];
    mentions.push(mention(r.start, r.end, mText, e.type, e.id, NONE, full[0].form));
    if (e.type === 'person') remember(recent, e);
  } else {
    const type = ents.every((e) => e.type === 'office') ? 'office' : ents[0].type;
    mentions.push(mention(r.start, r.end, mText, type, null, ids, full[0].form));
  }
}

/** A short mention, the name part alone: the person of the latest full mention with that part, else by its candidates. */
function shortMention(r: RawMatch, mText: string, recent: Map<string, string>, mentions: EntityMention[]): void {
  const key = foldText(mText).toLowerCase();
  const ante = recent.get(key);
  const ids = uniqueIds(r.targets);
  const form = r.targets[0].form;
  if (ante && ids.includes(ante)) {
    mentions.push(mention(r.start, r.end, mText, 'person', ante, NONE, form));
  } else if (form === 'family-name' && ids.length === 1) {
    mentions.push(mention(r.start, r.end, mText, 'person', ids[0], NONE, form));
  } else if (ids.length > 1 || form === 'family-name') {
    mentions.push(mention(r.start, r.end, mText, 'person', null, ids, form));
  }
  // A given name alone with a single candidate and no full mention before it is too weak: skipped.
}

const NONE: string[] = [];

/** Mentions are built in one place so they all share one object shape (fast property access). */
function mention(start: number, end: number, text: string, type: EntityMention['type'], id: string | null, candidates: string[], form: EntityMention['form']): EntityMention {
  return entityMention(start, end, text, type, id, candidates === NONE ? [] : candidates, form);
}

/** The targets' ids without repeats, in order. */
function uniqueIds(ts: readonly Target[]): string[] {
  if (ts.length === 1) return [ts[0].id];
  return [...new Set(ts.map((t) => t.id))];
}

function remember(recent: Map<string, string>, e: Entity): void {
  for (const key of partKeys(e)) recent.set(key, e.id);
}

/**
 * The folded, lower-case name parts of a person, in the order `remember` records them; memoized
 * per entity (registry entities are immutable), since popular people are mentioned again and again.
 */
const partKeysMemo = new WeakMap<Entity, string[]>();

function partKeys(e: Entity): string[] {
  let keys = partKeysMemo.get(e);
  if (!keys) {
    keys = [];
    for (const part of [e.familyName, e.givenName, ...namePartsOf(e), ...(e.familyName ? doubleSurnames(e.familyName) ?? [] : [])]) if (part) keys.push(foldText(part).toLowerCase());
    partKeysMemo.set(e, keys);
  }
  return keys;
}

function namePartsOf(e: Entity): string[] {
  if (e.familyName || e.givenName) return [];
  return derivedParts(e) ?? [];
}

// ---------------------------------------------------------------------------------------------
// Offices

/** Words allowed between a title and the name it belongs to ("Foreign Minister HE Dr Khalid"). */
const HONORIFICS = /^,?(?:\s|H\.?E\.?|HE|HRH|Dr\.?|Sheikh|Sheikha|Prince|Princess|Crown|Mr\.?|Mrs\.?|Ms\.?|Madam|Sir|Dame|Lord|Lady|Staff|Brigadier|General|Gen\.?|Major|Maj\.?|Colonel|Col\.?|Admiral|Adm\.?|King|Queen|Emir|Amir|His|Her|Excellency|Highness|Professor|Prof\.?)*$/;

/** Between a person and an apposed title: ", " then optional article/pronoun and modifiers. */
const APPOSITION = /^,\s*(?:(?:the|his|her|its|their|then|former|now)\s+)?(?:C(?:'s|’s)?\s+)?(?:(?:Deputy|Vice|Acting|Senior|First|Second|Chief|State|Federal|Former|former|then)[-\s]+)*$/;

/** Between a country word and a title: possessive, and capitalized modifiers ("Qatar's Deputy"). */
const COUNTRY_GAP = /^(?:'s|’s|')?\s*(?:(?:[A-Z][\w-]*|and|of|the|&)\s+)*$/;

function resolveOffices(text: string, mentions: EntityMention[], index: EntityIndex): void {
  resolveOfficePass(text, mentions, index);
  // "his German counterpart" needs the office mentioned before it resolved first; a second pass
  // attaches the counterparts (it leaves what the first pass decided alone).
  if (addCounterparts(text, mentions, index)) resolveOfficePass(text, mentions, index);
}

function resolveOfficePass(text: string, mentions: EntityMention[], index: EntityIndex): void {
  const reg = index.registry;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    if (m.type !== 'office') continue;
    const person = personFor(text, mentions, i);
    if (m.id === null && m.candidates.length) {
      // Whose office: the nearest country word before it (possessive, demonym, "of"). Only an
      // undecided office needs it.
      const country = countryBefore(text, mentions, i) ?? countryAfter(text, mentions, i);
      let c = m.candidates;
      if (country) c = narrow(c, (o) => reg.entities.get(o)?.of === country);
      if (c.length > 1 && person?.id) {
        const p = reg.entities.get(person.id)!;
        c = narrow(c, (o) => p.roles.some((r) => r.office === o));
        if (c.length > 1 && p.country) c = narrow(c, (o) => reg.entities.get(o)?.of === p.country);
      }
      if (c.length === 1) {
        m.id = c[0];
        m.candidates = [];
      }
    }
    if (person && person.office === undefined && m.id) {
      person.office = m.id;
      person.officeRange = [m.start, m.end];
    }
  }
}

function narrow(c: string[], keep: (id: string) => boolean): string[] {
  const n = c.filter(keep);
  return n.length ? n : c;
}

function countryBefore(text: string, mentions: EntityMention[], i: number): string | undefined {
  const m = mentions[i];
  for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
    const p = mentions[j];
    if (m.start - p.end > 60) return undefined;
    if (p.type === 'country') return p.id && COUNTRY_GAP.test(text.slice(p.end, mentions[j + 1].start)) ? p.id : undefined;
    // Titles chain: "Qatar's Deputy Prime Minister and Minister of Foreign Affairs".
    if (p.type !== 'office' || !/^\s+(?:and|&)\s+$/.test(text.slice(p.end, mentions[j + 1].start))) return undefined;
  }
  return undefined;
}

function countryAfter(text: string, mentions: EntityMention[], i: number): string | undefined {
  const n = mentions[i + 1];
  if (n && n.type === 'country' && n.id && /^\s+of\s+(?:the\s+)?$/.test(text.slice(mentions[i].end, n.start))) return n.id;
  return undefined;
}

/** The person this title belongs to: the name right after it, or the name it is apposed to. */
function personFor(text: string, mentions: EntityMention[], i: number): EntityMention | undefined {
  const m = mentions[i];
  const n = mentions[i + 1];
  if (n && n.type === 'person' && n.start - m.end <= 40 && HONORIFICS.test(text.slice(m.end, n.start))) return n;
  // Apposition: "Hayashi Yoshimasa, Japan's Minister of Foreign Affairs".
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const p = mentions[j];
    if (m.start - p.end > 80) return undefined;
    if (p.type === 'person') {
      let gap = '';
      for (let k = j + 1; k <= i; k++) {
        const prevEnd = mentions[k - 1].end;
        gap += text.slice(prevEnd, mentions[k].start);
        if (k < i) {
          if (mentions[k].type !== 'country') return undefined;
          gap += 'C';
        }
      }
      return APPOSITION.test(gap) ? p : undefined;
    }
    if (p.type === 'office' && /^\s+(?:and|&)\s+$/.test(text.slice(p.end, mentions[j + 1].start))) continue;
    if (p.type !== 'country') return undefined;
  }
  return undefined;
}

/**
 * "his German counterpart Johann Wadephul": `counterpart` after a country word is an office of
 * the same kind as the last office mentioned (sharing one of its forms), of that country.
 */
function addCounterparts(text: string, mentions: EntityMention[], index: EntityIndex): boolean {
  // "counterpart" counts only right after a country word (spaces between) that follows a resolved
  // office: the country mentions are looked at, not the whole text searched (the mentions do not
  // overlap here, so nothing else can lie between the country and the word).
  const added: EntityMention[] = [];
  // White space then "counterpart(s)" as a word, right at `lastIndex` (made here: a module-level
  // sticky expression's `lastIndex` would be state shared by every caller).
  const after = /\s+(counterparts?)\b/y;
  // The last office with an id before mention k.
  let prev: EntityMention | undefined;
  for (let k = 0; k < mentions.length; k++) {
    const c = mentions[k];
    if (c.type === 'office') {
      if (c.id) prev = c;
      continue;
    }
    if (c.type !== 'country' || !c.id || !prev) continue;
    after.lastIndex = c.end;
    const m = after.exec(text);
    if (!m) continue;
    const start = after.lastIndex - m[1].length;
    const office = sameKindOffice(prev.id!, c.id, index);
    if (office) added.push(entityMention(start, start + m[1].length, m[1], 'office', office, [], 'alias'));
  }
  if (!added.length) return false;
  mentions.push(...added);
  mentions.sort((a, b) => a.start - b.start);
  return true;
}

/** `sameKindOffice` answers per index: office id, NUL, country id → the counterpart office (null: none). */
const counterpartMemo = new WeakMap<EntityIndex, Map<string, string | null>>();

/**
 * The office of `country` sharing a form with `officeId`, memoized per index: a form such as
 * "Foreign Minister" may be shared by thousands of offices of a large registry.
 */
function sameKindOffice(officeId: string, country: string, index: EntityIndex): string | undefined {
  let memo = counterpartMemo.get(index);
  if (!memo) counterpartMemo.set(index, (memo = new Map()));
  const key = `${officeId}\u0000${country}`;
  let r = memo.get(key);
  if (r === undefined) memo.set(key, (r = findSameKindOffice(officeId, country, index) ?? null));
  return r ?? undefined;
}

function findSameKindOffice(officeId: string, country: string, index: EntityIndex): string | undefined {
  const o = index.registry.entities.get(officeId);
  if (!o) return undefined;
  for (const f of [o.name, ...o.aliases]) {
    for (const id of index.officeForms.get(foldText(f)) ?? []) {
      if (id !== officeId && index.registry.entities.get(id)?.of === country) return id;
    }
  }
  return undefined;
}

export function ambiguityFindings(mentions: readonly EntityMention[], reg: RegistrySnapshot): Finding[] {
  const out: Finding[] = [];
  for (const m of mentions) {
    if (m.id !== null || m.candidates.length < 2 || m.type === 'office') continue;
    out.push(finding('ambiguous-mention', m.start, m.end,
      `'${m.text}' could be ${candidateList(m.candidates, reg)}: no earlier full mention in this article decides it. Write the full name once, or link this mention with a quick fix.`,
      { fixes: m.candidates.map((id) => ({ title: `Link to ${reg.entities.get(id)?.name ?? id}`, edits: [], command: { name: FIX_COMMANDS.linkMention, args: [m.start, m.end, id] } })) }));
  }
  return out;
}

/**
 * Candidates named in an ambiguity message. A surname shared by hundreds of people in a large
 * registry (a Wikidata import's Kims and Lees) would make a message of tens of kilobytes, unreadable
 * in the Problems panel and most of the cost of the finding; past this many the message counts
 * the rest (every candidate keeps its quick fix).
 */
export const NAMED_CANDIDATES = 8;

function candidateList(ids: readonly string[], reg: RegistrySnapshot): string {
  if (ids.length <= NAMED_CANDIDATES) return ids.map((id) => describe(reg.entities.get(id))).join(' or ');
  const named = ids.slice(0, NAMED_CANDIDATES).map((id) => describe(reg.entities.get(id)));
  const rest = ids.length - NAMED_CANDIDATES;
  return `${named.join(', ')} or one of ${rest.toLocaleString('en-US')} other ${rest === 1 ? 'entity' : 'entities'}`;
}

function describe(e: Entity | undefined): string {
  if (!e) return '?';
  const role = e.roles.find((r) => r.title || r.office);
  const what = role?.title ?? e.description;
  return what ? `${e.name} (${what})` : e.name;
}

