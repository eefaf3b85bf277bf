/**
 * Growing the registry from the corpus (`attache suggest`, the editor's "Unknown names" view): the
 * unknown names of many articles, grouped by name and ranked by how often they occur, each with
 * its guessed type, a few example sentences, and the offices mentioned next to it ("Secretary
 * General of the Gulf Cooperation Council Ahmed Al-Jaber", "Ahmed Al-Jaber, the GCC Secretary
 * General") with the date the sentence refers to as a hint of when the person held the office.
 *
 * Two steps, so that a big corpus is never held whole: `unknownOccurrences` reduces one analyzed
 * article to small plain records (the CLI drops the analysis right after; the server caches them
 * per analysis), and `rankSuggestions` groups the records of every article. Both are pure and
 * deterministic: ties are broken by name, then by path and offset.
 */

import { ArticleAnalysis } from './analyze';
import { sentenceAt } from './checks/text';
import { ignoreKey } from './ignore';
import { LineIndex } from './lines';
import { referenceDate } from './reference';
import { ENTITY_TYPES, EntityMention, EntityType, RegistrySnapshot } from './types';

/** An office mentioned next to an unknown name. */
export interface OfficeNextTo {
  /** The office's registry id; null when the title matched several offices and none could be chosen. */
  id: string | null;
  /** The registry name of the office, or the text as written when `id` is null. */
  name: string;
}

/** One unknown name in one article: plain data, small enough to keep for a whole corpus. */
export interface UnknownOccurrence {
  path: string;
  start: number;
  end: number;
  /** 1-based line and column (UTF-16 code units) of `start`. */
  line: number;
  column: number;
  /** The name as written. */
  text: string;
  type: EntityType;
  confidence: number;
  /** The sentence holding the name, white space collapsed, at most `SENTENCE_MAX` characters. */
  sentence: string;
  /** The date the sentence refers to (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), or null when unknown. */
  date: string | null;
  office?: OfficeNextTo;
}

export interface SuggestionOffice extends OfficeNextTo {
  /** How many of the name's mentions have this office next to them. */
  count: number;
  /** The earliest date among those mentions: a hint for the role's `start`. */
  start: string | null;
}

export interface SuggestionPlace {
  path: string;
  line: number;
  column: number;
  start: number;
  end: number;
  text: string;
}

export interface SuggestionExample {
  path: string;
  line: number;
  column: number;
  sentence: string;
}

/** One unknown name across the articles. */
export interface Suggestion {
  /** The most frequent spelling (ties: the first in path order). */
  name: string;
  /** The most frequent guessed type (ties: in the order of `ENTITY_TYPES`). */
  type: EntityType;
  count: number;
  /** How many articles mention it. */
  articles: number;
  /** The highest confidence of its mentions. */
  confidence: number;
  /** Most frequent first, then by name. */
  offices: SuggestionOffice[];
  /** The first mention of each article first (path order), at most `examples` of them. */
  examples: SuggestionExample[];
  /** Every mention, in path and offset order. */
  occurrences: SuggestionPlace[];
}

export interface SuggestOptions {
  /** Names mentioned fewer times are left out (default 1). */
  minCount?: number;
  /** Mentions guessed with less confidence are left out (0..1; default: every mention given). */
  minConfidence?: number;
  /** Example sentences per name (default 3). */
  examples?: number;
}

/** Longest example sentence kept; a longer one is cut around the name. */
export const SENTENCE_MAX = 240;

/** The unknown names of one analyzed article (its annotations already applied), in text order. */
export function unknownOccurrences(path: string, analysis: ArticleAnalysis, registry: RegistrySnapshot): UnknownOccurrence[] {
  const { entities, article, dates } = analysis;
  const out: UnknownOccurrence[] = [];
  let lines: LineIndex | undefined;
  for (let i = 0; i < entities.length; i++) {
    const m = entities[i];
    if (m.form !== 'unknown') continue;
    lines ??= new LineIndex(article.text);
    const pos = lines.position(m.start);
    const type = m.guessedType ?? m.type;
    const office = type === 'person' ? officeNextTo(article.text, entities, i, registry) : undefined;
    out.push({
      path, start: m.start, end: m.end, line: pos.line + 1, column: pos.character + 1, text: m.text, type,
      confidence: m.confidence ?? 1, sentence: sentenceAround(analysis, m), date: registryDate(referenceDate(article, dates, m.start, m.end).value),
      ...(office ? { office } : {}),
    });
  }
  return out;
}

/** A reference value in the shape a registry `start:` takes, or null (decades, weeks, ranges' open ends). */
function registryDate(value: string | null): string | null {
  if (!value) return null;
  const m = /^\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(value);
  return m ? m[0] : null;
}

function sentenceAround(analysis: ArticleAnalysis, m: EntityMention): string {
  const text = analysis.article.text;
  // The sentence the name starts in, to the name's end if it runs past it; outside every
  // paragraph (never in practice), the name alone.
  const s = sentenceAt(analysis.article, m.start);
  const from = s?.start ?? m.start;
  const to = Math.max(s?.end ?? m.end, m.end);
  if (to - from > SENTENCE_MAX) {
    // Cut around the name, at word boundaries.
    const half = Math.max(0, (SENTENCE_MAX - (m.end - m.start)) >> 1);
    const a = Math.max(from, m.start - half);
    const b = Math.min(to, m.end + half);
    const left = a > from ? '… ' + text.slice(a, m.start).replace(/^\S*\s/, '') : text.slice(a, m.start);
    const right = b < to ? text.slice(m.end, b).replace(/\s\S*$/, '') + ' …' : text.slice(m.end, b);
    return collapse(left + m.text + right);
  }
  return collapse(text.slice(from, to));
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Words that may stand between a title and the name it belongs to ("Secretary General H.E. Ahmed …"). */
const BETWEEN_TITLE_AND_NAME = String.raw`(?:H\.?E\.?|HE|HRH|Dr\.?|Sheikh|Sheikha|Prince|Princess|Mr\.?|Mrs\.?|Ms\.?|Madam|Sir|Dame|Lord|Lady|Staff|Brigadier|General|Gen\.?|Major|Colonel|Col\.?|Admiral|Ambassador|His|Her|Excellency|Highness|Professor|Prof\.?)`;

/**
 * Between an office and the name after it, with the organization or country mentions in between
 * written as `X`: "of the X", possessives, commas and honorifics.
 */
const OFFICE_BEFORE = new RegExp(String.raw`^(?:\s*(?:of|for|the|to|X|,|'s|’s|${BETWEEN_TITLE_AND_NAME}))*\s*$`);

/** Between a name and an office in apposition after it: ", the X", ", Kuwait's", ", former". */
const OFFICE_AFTER = /^\s*,\s*(?:(?:the|his|her|its|their|then|former|now|current|a|an|X|'s|’s|of|Deputy|Vice|Acting|Senior|First|Chief)\s*)*$/;

/** How far an office may be from the name it belongs to (characters). */
const OFFICE_REACH = 100;

/**
 * The office mentioned next to the unknown name `entities[i]`: the nearest office before it with
 * only an organization or country ("of the Gulf Cooperation Council"), possessives and honorifics
 * between, else an office apposed after it (", the GCC Secretary General"). Never across a
 * sentence end or a line break.
 */
export function officeNextTo(text: string, entities: readonly EntityMention[], i: number, registry: RegistrySnapshot): OfficeNextTo | undefined {
  const u = entities[i];
  for (let j = i - 1; j >= 0; j--) {
    const p = entities[j];
    if (u.start - p.end > OFFICE_REACH) break;
    if (p.type === 'office') {
      if (OFFICE_BEFORE.test(gapText(text, entities, j, i))) return officeOf(p, registry);
      break;
    }
    if (p.type !== 'country' && p.type !== 'organization') break;
  }
  for (let j = i + 1; j < entities.length; j++) {
    const n = entities[j];
    if (n.start - u.end > OFFICE_REACH) break;
    if (n.type === 'office') {
      if (OFFICE_AFTER.test(gapText(text, entities, i, j))) return officeOf(n, registry);
      break;
    }
    if (n.type !== 'country' && n.type !== 'organization') break;
  }
  return undefined;
}

/** The text between `entities[a]` and `entities[b]`, the mentions between written as `X`; '.' for a sentence end or line break. */
function gapText(text: string, entities: readonly EntityMention[], a: number, b: number): string {
  let out = '';
  let pos = entities[a].end;
  for (let k = a + 1; k < b; k++) {
    // Nested mentions (an organization inside an office) are skipped with their container.
    if (entities[k].start < pos) continue;
    out += text.slice(pos, entities[k].start) + 'X';
    pos = entities[k].end;
  }
  out += text.slice(pos, Math.max(pos, entities[b].start));
  // A dot of an abbreviated title ("H.E.", "Dr.") ends no sentence.
  return /[\n\r]|[.!?;:]\s/.test(out.replace(/\b(?:H\.E|Dr|Mr|Mrs|Ms|Gen|Col|Prof)\./g, '')) ? '.' : out;
}

function officeOf(m: EntityMention, registry: RegistrySnapshot): OfficeNextTo {
  const e = m.id ? registry.entities.get(m.id) : undefined;
  return e ? { id: e.id, name: e.name } : { id: null, name: m.text };
}

interface Group {
  key: string;
  occurrences: UnknownOccurrence[];
}

/** Groups the occurrences of every article by name and ranks them (see `Suggestion`). */
export function rankSuggestions(occurrences: Iterable<UnknownOccurrence>, opts: SuggestOptions = {}): Suggestion[] {
  const minCount = opts.minCount ?? 1;
  const minConfidence = opts.minConfidence ?? 0;
  const groups = new Map<string, Group>();
  for (const o of occurrences) {
    if (o.confidence < minConfidence) continue;
    const key = ignoreKey(o.text);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, occurrences: [] }));
    g.occurrences.push(o);
  }
  const out: Suggestion[] = [];
  for (const g of groups.values()) {
    if (g.occurrences.length < minCount) continue;
    out.push(suggestion(g, opts.examples ?? 3));
  }
  return out.sort((a, b) => b.count - a.count || b.articles - a.articles || compare(a.name, b.name) || compare(a.type, b.type));
}

/** Code-unit order: the same in every locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byPlace(a: UnknownOccurrence, b: UnknownOccurrence): number {
  return compare(a.path, b.path) || a.start - b.start;
}

function mostFrequent<T extends string>(values: readonly T[], order: (a: T, b: T) => number): T {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0];
  for (const [v, n] of counts) {
    const bn = counts.get(best)!;
    if (n > bn || (n === bn && order(v, best) < 0)) best = v;
  }
  return best;
}

function suggestion(g: Group, examples: number): Suggestion {
  const occ = [...g.occurrences].sort(byPlace);
  const spellings = occ.map((o) => o.text);
  const firstSeen = (a: string, b: string): number => spellings.indexOf(a) - spellings.indexOf(b);
  const name = mostFrequent(spellings, firstSeen);
  const type = mostFrequent(occ.map((o) => o.type), (a, b) => ENTITY_TYPES.indexOf(a) - ENTITY_TYPES.indexOf(b));
  const paths = new Set(occ.map((o) => o.path));
  // One example per article first, then the next mentions in order.
  const firstOfArticle = occ.filter((o, k) => k === 0 || occ[k - 1].path !== o.path);
  const rest = occ.filter((o) => !firstOfArticle.includes(o));
  const ex = [...firstOfArticle, ...rest].slice(0, examples).sort(byPlace);
  return {
    name, type, count: occ.length, articles: paths.size,
    confidence: Math.max(...occ.map((o) => o.confidence)),
    offices: offices(occ),
    examples: ex.map((o) => ({ path: o.path, line: o.line, column: o.column, sentence: o.sentence })),
    occurrences: occ.map((o) => ({ path: o.path, line: o.line, column: o.column, start: o.start, end: o.end, text: o.text })),
  };
}

function offices(occ: readonly UnknownOccurrence[]): SuggestionOffice[] {
  const byOffice = new Map<string, SuggestionOffice>();
  for (const o of occ) {
    if (!o.office) continue;
    const key = o.office.id ?? `\0${o.office.name}`;
    let s = byOffice.get(key);
    if (!s) byOffice.set(key, (s = { ...o.office, count: 0, start: null }));
    s.count++;
    if (o.date && (s.start === null || earlier(o.date, s.start))) s.start = o.date;
  }
  return [...byOffice.values()].sort((a, b) => b.count - a.count || compare(a.name, b.name));
}

/** `2025-10` is earlier than `2025-10-20` only when it is a different month: compare the common prefix, then prefer the longer. */
function earlier(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  const c = compare(a.slice(0, n), b.slice(0, n));
  return c < 0 || (c === 0 && a.length > b.length);
}
