/**
 * Short forms of particle and hyphenated names (issue #17, item 1): after "Ahmed Al-Jaber", a
 * later "Al-Jaber" links to him even when the registry spells the family name "Aljaber"; the same
 * for "Al Thani", "bin Salman", "von der Leyen", "de Gaulle". The forms are derived from the
 * registry's person names, aliases and family names (the part from a particle on), compared
 * without case, spaces or hyphens. A short form links to the person whose full form came earlier
 * in the article, else to the only person having it; otherwise it is an ambiguous mention.
 */

import { Article } from '../article';
import { EntityMention, Finding, entityMention } from '../types';
import { NAME_PARTICLES, Tokens, foldText, isAscii, isCapitalCode, isNameGap } from './tokens';
import { K_JOINED, K_PARTICLE } from './match';
import { EntityIndex, derivedParts } from './trie';
import { STOP } from './unknown';

const PARTICLES = NAME_PARTICLES;

/** Particles that make a patronymic ("bin Salman", "bint Bandar"): the pair is a short form of its own. */
const PATRONYMIC = new Set(['bin', 'ibn', 'bint']);

/** A name's letters in lower case, without spaces, hyphens or apostrophes: "Al-Jaber" → "aljaber". */
export function variantKey(s: string): string {
  // ASCII (most names): the letters and digits lower-cased, without a regular expression.
  if (isAscii(s)) return asciiKey(s);
  return foldText(s).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** `variantKey` of an ASCII string: [A-Za-z0-9] runs, lower-cased and joined. */
function asciiKey(s: string): string {
  let out = '';
  let run = -1;
  let upper = false;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    const lower = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    const cap = c >= 65 && c <= 90;
    if (lower || cap) {
      if (run < 0) run = i;
      upper ||= cap;
    } else if (run >= 0) {
      out += run === 0 && i === s.length ? s : s.slice(run, i);
      run = -1;
    }
  }
  return upper ? out.toLowerCase() : out;
}

/**
 * Whether an ASCII form may hold a particle between two other parts (what `shortForms` looks
 * for): a particle with a separator on each side. Non-ASCII forms are always looked at.
 */
const PARTICLE_INSIDE = new RegExp(`[\\s\\-](?:${[...NAME_PARTICLES].join('|')})[\\s\\-]`, 'i');

/** Whether a name has a word starting with "al" or "el" (either case): a family name told by the name alone may be one of them. */
const AL_WORD = /(?:^|\s)[ae]l/i;

/** Person ids by key: a Map, or a shared table a `--jobs` worker reads (the main thread's). */
export interface IdLookup {
  readonly size: number;
  get(key: string): readonly string[] | undefined;
}

const keyMaps = new WeakMap<EntityIndex, IdLookup>();

/** Gives `index` its short-form and full-form tables made elsewhere (a `--jobs` worker: the main thread's). */
export function presetNameForms(index: EntityIndex, short: IdLookup, full: IdLookup): void {
  keyMaps.set(index, short);
  fullMaps.set(index, full);
}

/** Short-form key → person ids, built once per index (no tokenizer: its buffers are in use). */
export function shortForms(index: EntityIndex): IdLookup {
  const found = keyMaps.get(index);
  if (found) return found;
  const m = new Map<string, string[]>();
  const add = (key: string, id: string): void => {
    if (key.length < 3) return;
    const ids = m.get(key);
    if (!ids) m.set(key, [id]);
    // Persons come one at a time, so an id already listed is the last one (a whole-list search
    // made common family names quadratic: seconds at 100,000 persons).
    else if (ids[ids.length - 1] !== id) ids.push(id);
  };
  for (const e of index.registry.entities.values()) {
    if (e.type !== 'person') continue;
    if (e.familyName) add(variantKey(e.familyName), e.id);
    else if (!e.givenName && AL_WORD.test(e.name)) {
      // A family name told by the name alone, when it may be written with a particle apart
      // ("Alkhater" as "Al-Khater"): the other keys are never looked up. (The family name is a
      // word of the name, so a name without a word starting "al"/"el" has none.)
      const family = derivedParts(e)?.[1];
      if (family && /^(?:al|el)/i.test(family)) add(variantKey(family), e.id);
    }
    for (let f = -1; f < e.aliases.length; f++) {
      const form = f < 0 ? e.name : e.aliases[f];
      if (isAscii(form) && !PARTICLE_INSIDE.test(form)) continue;
      const parts = foldText(form).split(/[\s\-]+/).filter(Boolean);
      // From each particle on (not the first word: "Abu" may be a given name's start).
      for (let k = 1; k < parts.length - 1; k++) {
        const p = parts[k].toLowerCase();
        if (!PARTICLES.has(p)) continue;
        add(variantKey(parts.slice(k).join('')), e.id);
        // A patronymic on its own: "bin Farhan" of "Faisal bin Farhan Al Saud".
        if (PATRONYMIC.has(p) && k + 2 < parts.length) add(variantKey(parts[k] + parts[k + 1]), e.id);
      }
    }
  }
  keyMaps.set(index, m);
  return m;
}

/**
 * Finds particle-led short forms among the tokens not covered by `linked` and links them.
 * Returns the new mentions (sorted) and the spans they take, so that unknown-entity guesses
 * overlapping them can be dropped.
 */
export function linkShortForms(article: Article, folded: string, tokens: Tokens, kinds: Uint8Array, linked: readonly EntityMention[], index: EntityIndex): EntityMention[] {
  const map = shortForms(index);
  const out: EntityMention[] = [];
  if (!map.size) return out;
  const { count, start, end } = tokens;
  const text = article.text;
  let k = 0;
  // In a local: as compiled for Node (CommonJS) an imported constant is a property load.
  const joinedOrParticle = K_JOINED | K_PARTICLE;
  for (let i = 0; i < count; i++) {
    const kind = kinds[i];
    // Most tokens are neither: one test rules them out.
    if ((kind & joinedOrParticle) === 0) continue;
    if (kind & K_JOINED) {
      // "Aljaber", "Elsisi": the Arabic article joined to the name, for a registry "Al-Jaber".
      while (k < linked.length && linked[k].end <= start[i]) k++;
      if (k < linked.length && linked[k].start <= start[i]) continue;
      const ids = map.get(variantKey(folded.slice(start[i], end[i])));
      if (ids) out.push(shortMention(text, start[i], end[i], ids, linked, out));
      continue;
    }
    // Skip tokens inside a linked mention.
    while (k < linked.length && linked[k].end <= start[i]) k++;
    if (k < linked.length && linked[k].start <= start[i]) continue;
    // Whether a capitalized word comes right before the particle (a given name, or "Later").
    const prevCap = i > 0 && isNameGap(folded, end[i - 1], start[i]) && isCapitalCode(folded.charCodeAt(start[i - 1])) && !STOP.has(folded.slice(start[i - 1], end[i - 1]));
    let j = i + 1;
    let last = -1;
    while (j < count && j - i < 5 && isNameGap(folded, end[j - 1], start[j]) && !(k < linked.length && linked[k].start < end[j])) {
      const t = folded.slice(start[j], end[j]);
      if (PARTICLES.has(t.toLowerCase())) j++;
      else if (isCapitalCode(t.charCodeAt(0))) {
        last = j;
        j++;
        break;
      } else break;
    }
    if (last < 0) continue;
    if (prevCap) {
      // A full name spelled differently from the registry ("Ahmed Al-Jaber" for "Ahmed Aljaber"):
      // one or two given names before the particle.
      const full = fullMention(text, folded, tokens, i, last, linked, k, index);
      if (full) {
        out.push(full);
        i = last;
        continue;
      }
      // Otherwise the particle must begin the name: the word before it is no name part, unless it
      // opens a sentence ("Later Al Saud met the press"). ("Then von der Leyen": a function word.)
      if (!opensSentence(folded, start[i - 1])) continue;
    }
    const s = start[i];
    const e = end[last];
    const ids = map.get(variantKey(folded.slice(s, e)));
    if (!ids) continue;
    out.push(shortMention(text, s, e, ids, linked, out));
    i = last;
  }
  return out;
}

const fullMaps = new WeakMap<EntityIndex, IdLookup>();

/**
 * Person ids by key, where a key of one person (nearly every full form: 160,000 of them at
 * 100,000 entities) holds the id itself rather than a list of one: 9 MB less kept, and as many
 * fewer objects made and copied by the garbage collector. `get` gives a list either way.
 */
export class IdTable implements IdLookup {
  private readonly map = new Map<string, string | string[]>();

  get size(): number {
    return this.map.size;
  }

  get(key: string): readonly string[] | undefined {
    const v = this.map.get(key);
    return typeof v === 'string' ? [v] : v;
  }

  /** Adds `id` under `key`, unless it is the last id there (a person's forms come one after another). */
  add(key: string, id: string): void {
    const v = this.map.get(key);
    if (v === undefined) this.map.set(key, id);
    else if (typeof v === 'string') {
      if (v !== id) this.map.set(key, [v, id]);
    } else if (v[v.length - 1] !== id) v.push(id);
  }

  /** Each key with its id (one person) or ids, in the order keys were added. */
  forEach(f: (ids: string | readonly string[], key: string) => void): void {
    this.map.forEach(f);
  }
}

/** Full-form key (`variantKey` of a person's name or alias) → person ids, built once per index when first needed. */
export function fullForms(index: EntityIndex): IdLookup {
  const found = fullMaps.get(index);
  if (found) return found;
  const m = new IdTable();
  for (const e of index.registry.entities.values()) {
    if (e.type !== 'person') continue;
    // One entity at a time, as in `shortForms`.
    for (let f = -1; f < e.aliases.length; f++) m.add(variantKey(f < 0 ? e.name : e.aliases[f]), e.id);
  }
  fullMaps.set(index, m);
  return m;
}

/**
 * The full name ending with the particle form at tokens [i, last], with one or two capitalized
 * words before it not taken by another mention, when its letters are those of a registry name.
 */
function fullMention(text: string, folded: string, tokens: Tokens, i: number, last: number, linked: readonly EntityMention[], k: number, index: EntityIndex): EntityMention | undefined {
  const { start, end } = tokens;
  const takenBefore = k > 0 ? linked[k - 1].end : -1;
  for (let b = 1; b <= 2 && i - b >= 0; b++) {
    const t = i - b;
    if (start[t] < takenBefore || !isCapitalCode(folded.charCodeAt(start[t])) || !isNameGap(folded, end[t], start[t + 1])) return undefined;
    const ids = fullForms(index).get(variantKey(folded.slice(start[t], end[last])));
    if (ids) {
      const s = start[t];
      const e = end[last];
      return entityMention(s, e, text.slice(s, e), 'person', ids.length === 1 ? ids[0] : null, ids.length === 1 ? [] : [...ids], 'name');
    }
  }
  return undefined;
}

/** A short-form mention: the most recent earlier mention of a candidate decides, else a single candidate. */
function shortMention(text: string, s: number, e: number, ids: readonly string[], linked: readonly EntityMention[], out: readonly EntityMention[]): EntityMention {
  let ante: string | undefined;
  for (let q = linked.length - 1; q >= 0; q--) {
    const p = linked[q];
    if (p.start < s && p.id && ids.includes(p.id)) {
      ante = p.id;
      break;
    }
  }
  if (!ante) for (const p of out) if (p.id && ids.includes(p.id)) ante = p.id;
  const id = ante ?? (ids.length === 1 ? ids[0] : null);
  return entityMention(s, e, text.slice(s, e), 'person', id, id ? [] : [...ids], 'family-name');
}

/** Drops unknown mentions and their findings that overlap a linked short form. */
export function dropOverlapping(unknown: { mentions: EntityMention[]; findings: Finding[] }, short: readonly EntityMention[]): { mentions: EntityMention[]; findings: Finding[] } {
  if (!short.length) return unknown;
  const hit = (s: number, e: number): boolean => short.some((m) => m.start < e && s < m.end);
  return { mentions: unknown.mentions.filter((m) => !hit(m.start, m.end)), findings: unknown.findings.filter((f) => !hit(f.start, f.end)) };
}

/** Whether the word at `s` opens a sentence: nothing but spaces and quotes between it and a full stop, or the start of a line. */
function opensSentence(text: string, s: number): boolean {
  let i = s - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 0x22 || text.charCodeAt(i) === 0x27)) i--;
  if (i < 0) return true;
  const c = text.charCodeAt(i);
  return c === 10 || c === 0x2e || c === 0x21 || c === 0x3f;
}
