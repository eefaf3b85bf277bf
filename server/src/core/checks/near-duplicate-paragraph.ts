/**
 * `near-duplicate-paragraph`: a paragraph that is mostly the same as an earlier one of the same
 * article — an edited re-paste, a lede repeated with a changed word, a caption inside the body.
 *
 * Similarity is measured on word 5-shingles (sequences of five folded words): the Jaccard index
 * of the two shingle sets ≥ 0.8, or the shorter paragraph contained in the longer one (≥ 0.8 of
 * its shingles occur there). Exact repeats are left to `duplicate-paragraph`, and paragraphs
 * under six words are ignored. Candidates are found through an inverted index from shingle to
 * paragraph, so the cost grows with the text, not with the square of the number of paragraphs;
 * very common shingles (repeated boilerplate) stop being indexed after a bound for the same reason.
 */

import { Finding, finding } from '../types';
import type { CheckContext } from './index';
import { ParagraphPrint, paragraphPrints } from './duplicate-paragraph';
import { LineIndex } from '../lines';
import { MIN_WORDS, keyWordHashesOf } from './text';
import { MAX_WORDS, SHINGLE } from './sharing';
import { CheckScratch } from './scratch';
import { NearScratch, ShingleTable } from './tables';

export { ShingleTable } from './tables';

export const NEAR_DUPLICATE_THRESHOLD = 0.8;
/** A shingle shared by more paragraphs than this is not used to find candidates. */
const MAX_POSTINGS = 64;

/** A paragraph's most similar earlier paragraph (index `i`), with the measures the message gives. */
interface Best {
  i: number;
  jaccard: number;
  containment: number;
  score: number;
}

/**
 * The check's state after an article's analysis, kept in an `ArticleCache` for the next version
 * of the same article. Word and shingle ids stay valid across versions (the tables only grow,
 * and start over when they hold far more than the article uses).
 */
export interface NearDuplicateState {
  /** Null in a state made with the run's scratch tables (no cache): such a state is never kept. */
  words: Map<string, number> | null;
  table: ShingleTable;
  /** Per paragraph: its fingerprint key when it has MIN_WORDS to MAX_WORDS words, else ''. */
  keys: string[];
  /** Per paragraph: compared (a key, and the first copy of it). */
  eligible: Uint8Array;
  /** Per paragraph with a key: its distinct shingles in order of first occurrence. */
  shingles: (Int32Array | null)[];
  /** Posting lists: the first MAX_POSTINGS eligible paragraphs holding shingle `s` are `items[start[s] .. start[s + 1])`. */
  start: Int32Array;
  items: Int32Array;
  /** The paragraphs that have a similar earlier one. */
  results: Map<number, Best>;
}

export function nearDuplicateParagraph(ctx: CheckContext): Finding[] {
  const { article } = ctx;
  const ps = article.paragraphs;
  const prints = paragraphPrints(article, ctx.cache, ctx.memo, ctx.scratch);
  // Without a cache to fill, only the paragraphs that share a 5-word sequence with another one
  // can have or be a similar paragraph: an article with none (most articles) has nothing to
  // compare, and the word and shingle tables are not built; otherwise only those paragraphs are
  // compared (in a typical article, the one or two that repeat something).
  const scratch = ctx.cache ? undefined : ctx.scratch ?? new CheckScratch();
  const sharing = scratch && memoSharing(ctx, prints, scratch);
  if (sharing === null) return [];
  const old = ctx.cache?.nearDuplicates;
  // Without a cache the state is dropped after this call: the word and shingle tables are the
  // run's scratch ones, not new ones per article.
  const state = nearDuplicates(prints, old, scratch?.near, sharing);
  if (ctx.cache) ctx.cache.nearDuplicates = state;
  const lines = new LineIndex(article.text);
  const out: Finding[] = [];
  for (const j of [...state.results.keys()].sort((a, b) => a - b)) {
    const best = state.results.get(j)!;
    const other = ps[best.i];
    const line = lines.lineNumber(other.start);
    const pct = (x: number): string => `${Math.round(x * 100)}%`;
    const contained = best.containment >= 0.995 ? 'contained' : 'mostly contained';
    const otherSize = state.shingles[best.i]!.length;
    const size = state.shingles[j]!.length;
    let message: string;
    if (best.jaccard >= NEAR_DUPLICATE_THRESHOLD || Math.min(otherSize, size) >= 0.8 * Math.max(otherSize, size)) {
      // Paragraphs of similar length: one is an edited copy of the other.
      message = `This paragraph is mostly the same as the paragraph at line ${line}: Jaccard similarity ${best.jaccard.toFixed(2)} of their 5-word sequences, and ${pct(best.containment)} of the shorter one's occur in the other. Keep one of them.`;
    } else if (otherSize < size) {
      message = `The paragraph at line ${line} is ${contained} in this one: ${pct(best.containment)} of its 5-word sequences occur here. Delete the shorter copy if it was pasted by mistake.`;
    } else {
      message = `This paragraph is ${contained} in the paragraph at line ${line}: ${pct(best.containment)} of its 5-word sequences occur there. Delete it if it was pasted by mistake.`;
    }
    out.push(finding('near-duplicate-paragraph', ps[j].start, ps[j].end, message, {
      related: [{ path: ctx.path, start: other.start, end: other.end, message: 'The similar earlier paragraph' }],
    }));
  }
  return out;
}

/** `sharingParagraphs(prints)`, as `paragraphPrints` found it when it made them for the memo. */
function memoSharing(ctx: CheckContext, prints: readonly ParagraphPrint[], scratch: CheckScratch): Uint8Array | null {
  const m = ctx.memo?.prints;
  return m && m.prints === prints && m.sharing !== undefined ? m.sharing : sharingParagraphs(prints, scratch);
}

/**
 * For each paragraph in order, the earlier paragraphs it shares shingles with are found through
 * posting lists (shingle → the first MAX_POSTINGS eligible paragraphs holding it): a paragraph is
 * compared with the members of its shingles' lists that come before it. Exact repeats are left
 * to `duplicate-paragraph`, and their first copy stands for them as a candidate.
 *
 * With `old` (the state of another version of the article), the paragraphs are matched to the
 * old ones by their common first and last paragraphs; a paragraph outside the changed middle
 * keeps its old result unless one of its shingles' posting lists changed (a member added,
 * removed or edited), since its result depends only on those lists and their members.
 *
 * `scratch` (a state that is not kept): the tables the state uses, emptied first; `only` (then): the paragraphs that may share a shingle with another one
 * (`sharingParagraphs`); the others are left out as if they had no key. A left-out paragraph
 * shares no shingle, so it is in no posting list a compared paragraph reads, and the results are
 * those of comparing every paragraph.
 */
function nearDuplicates(prints: readonly ParagraphPrint[], old: NearDuplicateState | undefined, scratch?: NearScratch, only?: Uint8Array): NearDuplicateState {
  const n = prints.length;
  // Ids are kept while the tables stay within a few times what an article uses.
  if (old && (!old.words || old.table.size > 2 * old.items.length + 65_536)) old = undefined;
  const words = scratch ? null : old?.words ?? new Map<string, number>();
  const { keys, eligible, expected, wordTotal } = paragraphKeys(prints, only);
  const table = old?.table ?? (scratch ? scratch.shingles.reset(expected) : new ShingleTable(expected));
  if (scratch) scratch.words.reset(wordTotal);
  // The changed middle: [p, n - s) here, [p, oldN - s) in the old version.
  const oldN = old ? old.keys.length : 0;
  let p = 0;
  let s = 0;
  if (old) {
    while (p < n && p < oldN && old.keys[p] === keys[p]) p++;
    while (s < n - p && s < oldN - p && old.keys[oldN - 1 - s] === keys[n - 1 - s]) s++;
  }
  const delta = n - oldN;
  const toNew = (i: number): number => (i < p ? i : i >= oldN - s ? i + delta : -1);
  const changedEnd = n - s;
  const shingles: (Int32Array | null)[] = new Array<Int32Array | null>(n);
  const marks: number[] = [];
  for (let j = 0; j < n; j++) {
    if (keys[j] === '') shingles[j] = null;
    else if (old && (j < p || j >= changedEnd)) shingles[j] = old.shingles[j < p ? j : j - delta];
    else shingles[j] = scratch ? scratchShingleIds(scratch, prints[j].key, table, marks, j) : shingleIds(prints[j].key.split(' '), words!, table, marks, j);
  }
  // Paragraphs outside the middle whose first-copy status changed count as changed too.
  const changed: number[] = [];
  const oldChanged: number[] = [];
  if (old) {
    for (let j = 0; j < n; j++) {
      if (j >= p && j < changedEnd) changed.push(j);
      else if (eligible[j] !== old.eligible[j < p ? j : j - delta]) {
        changed.push(j);
        oldChanged.push(j < p ? j : j - delta);
      }
    }
    for (let i = p; i < oldN - s; i++) oldChanged.push(i);
  }
  const { start, items } = postingLists(eligible, shingles, table.size);

  const results = new Map<number, Best>();
  const sharedWith = new Int32Array(n);
  const touched: number[] = [];
  const compare = (j: number): void => {
    const best = mostSimilar(j, shingles, start, items, sharedWith, touched);
    if (best) results.set(j, best);
  };
  if (!old) {
    for (let j = 0; j < n; j++) if (eligible[j]) compare(j);
    return { words, table, keys, eligible, shingles, start, items, results };
  }
  const recompute = toRecompute(old, { changed, oldChanged }, { eligible, shingles, start, items }, table.size, toNew);
  for (const [jOld, b] of old.results) {
    const j = toNew(jOld);
    if (j >= 0 && !recompute[j] && eligible[j]) results.set(j, { ...b, i: toNew(b.i) });
  }
  for (let j = 0; j < n; j++) if (recompute[j] && eligible[j]) compare(j);
  return { words, table, keys, eligible, shingles, start, items, results };
}

/**
 * Each paragraph's shingle key ('' when it is not compared: too short or long, or left out by
 * `only`), whether it is eligible (compared, and the first copy of its text), and the sizes the
 * shingle and word tables will need.
 */
function paragraphKeys(prints: readonly ParagraphPrint[], only: Uint8Array | undefined): { keys: string[]; eligible: Uint8Array; expected: number; wordTotal: number } {
  const n = prints.length;
  const keys: string[] = new Array<string>(n);
  const eligible = new Uint8Array(n);
  let expected = 0;
  let wordTotal = 0;
  for (let j = 0; j < n; j++) {
    const w = prints[j].wordCount;
    keys[j] = w >= MIN_WORDS && w <= MAX_WORDS && (!only || only[j]) ? prints[j].key : '';
    eligible[j] = keys[j] !== '' && prints[j].first === j ? 1 : 0;
    if (keys[j] !== '') {
      expected += w - SHINGLE + 1;
      wordTotal += w;
    }
  }
  return { keys, eligible, expected, wordTotal };
}

/**
 * The paragraphs whose result must be computed again: the changed ones, and every eligible one
 * with a shingle whose posting list may differ from the old version's. Only the shingles of the
 * changed paragraphs (old and new) can have such a list; a list holding an old paragraph of the
 * changed middle differs (`toNew` gives it no index).
 */
function toRecompute(
  old: NearDuplicateState,
  diff: { changed: readonly number[]; oldChanged: readonly number[] },
  now: { eligible: Uint8Array; shingles: readonly (Int32Array | null)[]; start: Int32Array; items: Int32Array },
  shingleCount: number,
  toNew: (i: number) => number,
): Uint8Array {
  const { eligible, shingles, start, items } = now;
  const listChanged = new Uint8Array(shingleCount);
  const consider = (sh: number): void => {
    if (listChanged[sh] === 2) return;
    listChanged[sh] = 2; // considered; 1: changed
    const a = sh + 1 < old.start.length ? old.start[sh] : 0;
    const b = sh + 1 < old.start.length ? old.start[sh + 1] : 0;
    const c = start[sh];
    const d = start[sh + 1];
    let same = b - a === d - c;
    for (let k = 0; same && k < d - c; k++) same = toNew(old.items[a + k]) === items[c + k];
    if (!same) listChanged[sh] = 1;
  };
  for (const j of diff.changed) for (const sh of shingles[j] ?? []) consider(sh);
  for (const i of diff.oldChanged) for (const sh of old.shingles[i] ?? []) consider(sh);
  const recompute = new Uint8Array(shingles.length);
  for (const j of diff.changed) recompute[j] = 1;
  for (let j = 0; j < shingles.length; j++) {
    const sj = shingles[j];
    if (!eligible[j] || recompute[j] || !sj) continue;
    for (let k = 0; k < sj.length; k++) {
      if (listChanged[sj[k]] === 1) {
        recompute[j] = 1;
        break;
      }
    }
  }
  return recompute;
}

/** Whether paragraph `j` is compared: MIN_WORDS to MAX_WORDS words, and the first copy of its text (as in `nearDuplicates`). */
function isEligible(prints: readonly ParagraphPrint[], j: number): boolean {
  const w = prints[j].wordCount;
  return w >= MIN_WORDS && w <= MAX_WORDS && prints[j].key !== '' && prints[j].first === j;
}

/**
 * Whether two compared paragraphs may share a 5-word shingle. False proves that no paragraph has
 * a similar earlier one (`mostSimilar` finds candidates only through shared shingles); true may
 * be a hash collision, and then the exact comparison runs.
 */
export function mayShareShingles(prints: readonly ParagraphPrint[], scratch?: CheckScratch): boolean {
  return sharingParagraphs(prints, scratch) !== null;
}

/**
 * The compared paragraphs that may share a 5-word shingle with another compared paragraph (1 in
 * the array), or null when none does (`ShingleHashes.sharing`), the words hashed from the
 * fingerprint keys (words are separated by single spaces): no word strings, no tables of ids.
 * `paragraphPrints` gives the same answer, made during its walk, in a run without a cache.
 */
export function sharingParagraphs(prints: readonly ParagraphPrint[], scratch: CheckScratch = new CheckScratch()): Uint8Array | null {
  const gathered = scratch.shingles.reset();
  for (let j = 0; j < prints.length; j++) {
    if (!isEligible(prints, j)) continue;
    // Counted first: a long key gives the scratch array a new one.
    const words = keyWordHashesOf(prints[j].key, scratch.key);
    gathered.add(j, scratch.key.hashes, words);
  }
  return gathered.sharing(prints.length);
}

/** A paragraph's distinct shingles (as ids), in order of first occurrence. */
function shingleIds(ws: readonly string[], words: Map<string, number>, table: ShingleTable, marks: number[], stamp: number): Int32Array {
  const ids = new Int32Array(ws.length);
  for (let k = 0; k < ids.length; k++) {
    let id = words.get(ws[k]);
    if (id === undefined) words.set(ws[k], (id = words.size));
    ids[k] = id;
  }
  const out: number[] = [];
  // `marks[sh] === stamp + 1`: already counted for this paragraph.
  for (let k = 0; k + SHINGLE <= ids.length; k++) {
    const sh = table.idOf(ids, k);
    if (marks[sh] === stamp + 1) continue;
    marks[sh] = stamp + 1;
    out.push(sh);
  }
  return Int32Array.from(out);
}

/**
 * `shingleIds` for a state that is not kept: the key's words are given ids by the run's scratch
 * word table in place (no string per word, no Map); equal words get equal ids, which is all the
 * shingle table needs.
 */
function scratchShingleIds(scratch: NearScratch, key: string, table: ShingleTable, marks: number[], stamp: number): Int32Array {
  // A key of L characters holds at most L / 2 + 1 words (single spaces between them).
  if (scratch.ids.length < (key.length >> 1) + 1) scratch.ids = new Int32Array(Math.max(key.length, 2 * scratch.ids.length));
  const ids = scratch.ids;
  const words = scratch.words;
  let n = 0;
  let from = 0;
  let h = 0x811c9dc5;
  for (let i = 0; i <= key.length; i++) {
    const c = i < key.length ? key.charCodeAt(i) : 32;
    if (c !== 32) {
      h = Math.imul(h ^ c, 0x01000193);
      continue;
    }
    ids[n++] = words.idOf(key, from, i, h);
    from = i + 1;
    h = 0x811c9dc5;
  }
  // The distinct shingles (at most one per word) go to a scratch buffer, then out in one copy.
  const out = scratch.out.length >= n ? scratch.out : (scratch.out = new Int32Array(2 * n));
  let m = 0;
  for (let k = 0; k + SHINGLE <= n; k++) {
    const sh = table.idOf(ids, k);
    if (marks[sh] === stamp + 1) continue;
    marks[sh] = stamp + 1;
    out[m++] = sh;
  }
  return out.slice(0, m);
}


/** The first MAX_POSTINGS eligible paragraphs holding each shingle, as flat arrays. */
function postingLists(eligible: Uint8Array, shingles: readonly (Int32Array | null)[], size: number): { start: Int32Array; items: Int32Array } {
  const count = new Int32Array(size);
  for (let j = 0; j < eligible.length; j++) {
    const sj = shingles[j];
    if (!eligible[j] || !sj) continue;
    for (let k = 0; k < sj.length; k++) if (count[sj[k]] < MAX_POSTINGS) count[sj[k]]++;
  }
  const start = new Int32Array(size + 1);
  for (let sh = 0; sh < size; sh++) start[sh + 1] = start[sh] + count[sh];
  const items = new Int32Array(start[size]);
  const fill = start.slice(0, size);
  for (let j = 0; j < eligible.length; j++) {
    const sj = shingles[j];
    if (!eligible[j] || !sj) continue;
    for (let k = 0; k < sj.length; k++) {
      const sh = sj[k];
      if (fill[sh] < start[sh + 1]) items[fill[sh]++] = j;
    }
  }
  return { start, items };
}

/** The earlier paragraph most similar to paragraph `j` above the threshold (the first on a tie), or null. */
function mostSimilar(j: number, shingles: readonly (Int32Array | null)[], start: Int32Array, items: Int32Array, sharedWith: Int32Array, touched: number[]): Best | null {
  const sj = shingles[j]!;
  for (let k = 0; k < sj.length; k++) {
    const sh = sj[k];
    // Lists are in paragraph order: the members before `j` are the list as it was when `j` came.
    for (let x = start[sh]; x < start[sh + 1]; x++) {
      const i = items[x];
      if (i >= j) break;
      if (sharedWith[i]++ === 0) touched.push(i);
    }
  }
  const size = sj.length;
  let best: Best | null = null;
  for (const i of touched) {
    const c = sharedWith[i];
    sharedWith[i] = 0;
    const other = shingles[i]!.length;
    const jaccard = c / (other + size - c);
    const containment = c / Math.min(other, size);
    const score = Math.max(jaccard, containment);
    if (score >= NEAR_DUPLICATE_THRESHOLD && (!best || score > best.score || (score === best.score && i < best.i))) {
      best = { i, jaccard, containment, score };
    }
  }
  touched.length = 0;
  return best;
}
