/**
 * A provisional analysis of an edited text, made from the analysis of the text before the edit:
 * the paragraphs the edit touched (plus one on each side) are analyzed again on their own, and
 * everything outside them is the old analysis with offsets moved by the length change. Its cost
 * is that of the edited paragraphs plus a copy of the mentions after them, whatever the size of
 * the article, so an editor can answer hovers on a large article while the user types.
 *
 * It is an approximation: a mention in the re-analyzed window does not see the rest of the
 * article (a short name resolved by an earlier full name, a date anaphora to a date before the
 * window), and it carries no findings. The exact analysis (`analyzeArticle`) replaces it as soon as
 * it is computed; nothing that reports problems may use a provisional analysis.
 */

import { AnalysisContext, ArticleAnalysis, analyzeArticle } from './analyze';
import { Paragraph } from './article';
import { normalizeLoneCr } from './lines';
import { lowerBound, partitionPoint } from './search';
import { DateMention, EntityMention } from './types';

/** The first paragraphs (dateline, headline) decide the publication date: edits there are not spliced. */
const LEADING_PARAGRAPHS = 3;
/** A larger window (a big paste) is not worth splicing: the caller analyzes the whole text. */
export const MAX_SPLICE_WINDOW = 64 * 1024;

/** Where two texts differ: `[start, oldEnd)` of the old text became `[start, newEnd)` of the new one. */
export interface TextDiff {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The one changed region between `a` and `b` (common prefix and suffix), or null when equal. */
export function diffRegion(a: string, b: string): TextDiff | null {
  const n = Math.min(a.length, b.length);
  const p = commonPrefix(a, b, n);
  if (p === n && a.length === b.length) return null;
  const s = commonSuffix(a, b, n - p);
  return { start: p, oldEnd: a.length - s, newEnd: b.length - s };
}

/**
 * Texts are compared a block at a time (string equality is a memory comparison), then character by
 * character inside the first block that differs: a keystroke in a 5 MB article costs a few
 * milliseconds, not a loop over five million characters.
 */
const DIFF_BLOCK = 4096;

/** Length of the common prefix of `a` and `b`, at most `n`. */
function commonPrefix(a: string, b: string, n: number): number {
  let p = 0;
  while (p + DIFF_BLOCK <= n && a.slice(p, p + DIFF_BLOCK) === b.slice(p, p + DIFF_BLOCK)) p += DIFF_BLOCK;
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p;
}

/** Length of the common suffix of `a` and `b`, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let s = 0;
  while (s + DIFF_BLOCK <= max && a.slice(a.length - s - DIFF_BLOCK, a.length - s) === b.slice(b.length - s - DIFF_BLOCK, b.length - s)) s += DIFF_BLOCK;
  while (s < max && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return s;
}

/**
 * The provisional analysis of `newText` from `base` (the analysis of another version of the same
 * article), or null when the edit cannot be spliced (front matter, the leading paragraphs, a
 * window over `MAX_SPLICE_WINDOW`): then the caller analyzes the whole text. `ctx` must be the
 * context `base` was computed with (same registry snapshot). `known`: the caller's `diffRegion`
 * of the two texts, when it has it.
 */
export function spliceAnalysis(base: ArticleAnalysis, newText: string, ctx: AnalysisContext, known?: TextDiff | null, work: SpliceWork = { made: 0 }, slice?: (start: number, end: number) => string): ArticleAnalysis | null {
  const oldText = base.article.text;
  // With `slice` (an editor's document, which reads a window without copying the whole text) and
  // a known diff, the whole new text is never read: the provisional article's text is the new
  // text as given (lone CRs are normalized in the window only; same length, so offsets agree).
  const text = slice && known !== undefined ? newText : normalizeLoneCr(newText);
  // Lone CRs become LFs, one for one: the region where the raw texts differ is the same.
  const diff = known !== undefined ? known : diffRegion(oldText, text);
  if (!diff) return { ...base, article: { ...base.article, text } };
  const ps = base.article.paragraphs;
  if (ps.length <= LEADING_PARAGRAPHS + 1) return null;
  // Paragraphs touching the changed region (inclusive: an edit at a paragraph's edge may join it
  // to its neighbour), widened by one on each side.
  let first = firstWithLineEndAtLeast(ps, diff.start);
  let last = first;
  while (last + 1 < ps.length && ps[last + 1].lineStart <= diff.oldEnd) last++;
  first = Math.max(0, first - 1);
  last = Math.min(ps.length - 1, last + 1);
  if (first < LEADING_PARAGRAPHS) return null;
  const ws = ps[first].lineStart;
  const weOld = last === ps.length - 1 ? oldText.length : ps[last].lineEnd;
  if (ws > diff.start || weOld < diff.oldEnd) return null;
  const delta = text.length - oldText.length;
  const weNew = weOld + delta;
  if (weNew - ws > MAX_SPLICE_WINDOW || ws < base.article.bodyStart) return null;

  // The window alone, behind a front matter that gives the same publication date.
  const pub = base.article.publicationDate;
  const header = pub ? `---\ndate: ${pub}\n---\n` : '';
  const windowText = slice && known !== undefined ? normalizeLoneCr(slice(ws, weNew)) : text.slice(ws, weNew);
  const local = analyzeArticle(base.path, header + windowText, ctx);
  const off = ws - header.length;
  const inWindow = (x: { start: number }): boolean => x.start >= header.length;

  // Before the window: the old objects; in it: the window's; after it: the old ones moved, made
  // when read (a keystroke must not copy a hundred thousand mentions).
  const entities = lazyConcat(base.entities, firstStartingAtOrAfter(base.entities, ws),
    local.entities.filter(inWindow).map((m) => moveEntity(m, off, work)), firstStartingAtOrAfter(base.entities, weOld), (m) => moveEntity(m, delta, work));
  const dates = lazyConcat(base.dates, firstStartingAtOrAfter(base.dates, ws),
    local.dates.filter(inWindow).map((d) => moveDate(d, off, header.length, work)), firstStartingAtOrAfter(base.dates, weOld), (d) => moveDate(d, delta, weOld, work));
  const paragraphs = lazyConcat(ps, first, local.article.paragraphs.filter(inWindow).map((p) => moveParagraph(p, off, work)), last + 1, (p) => moveParagraph(p, delta, work));

  const moveSpan = <T extends { start: number; end: number }>(s: T): T | null =>
    s.end <= ws ? s : s.start >= weOld ? { ...s, start: s.start + delta, end: s.end + delta } : null;
  const article: ArticleAnalysis['article'] = { ...base.article, text, paragraphs };
  if (slice && known !== undefined) article.read = slice;
  const out: ArticleAnalysis = { path: base.path, article, entities, dates, findings: [] };
  if (base.notes) out.notes = base.notes.flatMap((n) => moveSpan(n) ?? []);
  if (base.annotations) out.annotations = base.annotations.map((a) => ({ annotation: a.annotation, span: a.span && moveSpan(a.span) }));
  if (base.annotationFindings) out.annotationFindings = base.annotationFindings;
  return out;
}

/**
 * Elements a splice makes (moved or re-analyzed), counted for tests: the caller passes one to
 * `spliceAnalysis` and reads it afterwards (moved elements count when first read).
 */
export interface SpliceWork {
  made: number;
}

/**
 * `head[0, i0)`, then `mid`, then `head[i1, …)` passed through `move`, as an array that copies
 * nothing: elements are looked up when read, and a moved one is made once, on its first read.
 */
function lazyConcat<T extends object>(head: readonly T[], i0: number, mid: readonly T[], i1: number, move: (x: T) => T): T[] {
  const length = i0 + mid.length + (head.length - i1);
  const moved = new Map<number, T>();
  const at = (i: number): T => {
    if (i < i0) return head[i];
    if (i < i0 + mid.length) return mid[i - i0];
    let m = moved.get(i);
    if (!m) moved.set(i, (m = move(head[i - i0 - mid.length + i1])));
    return m;
  };
  // An empty array (an array for Array.isArray and the array methods), its length given by the
  // trap: setting a length of a hundred thousand on it would allocate that many holes per splice.
  const target: T[] = [];
  return new Proxy(target, {
    get(t, prop, receiver) {
      if (prop === 'length') return length;
      const i = typeof prop === 'string' ? arrayIndex(prop) : -1;
      if (i >= 0) return i < length ? at(i) : undefined;
      return Reflect.get(t, prop, receiver) as unknown;
    },
    has(t, prop) {
      const i = typeof prop === 'string' ? arrayIndex(prop) : -1;
      return i >= 0 ? i < length : Reflect.has(t, prop);
    },
  });
}

function arrayIndex(prop: string): number {
  const c = prop.charCodeAt(0);
  if (c < 48 || c > 57) return -1;
  const i = Number(prop);
  return Number.isInteger(i) ? i : -1;
}

/** Index of the first span starting at or after `offset` in a list sorted by start. */
function firstStartingAtOrAfter(xs: readonly { start: number }[], offset: number): number {
  return lowerBound(xs, offset, (x) => x.start);
}

/** Index of the first paragraph whose last line ends at or after `offset` (the last one if none). */
function firstWithLineEndAtLeast(ps: readonly Paragraph[], offset: number): number {
  return partitionPoint(0, ps.length - 1, (i) => ps[i].lineEnd < offset);
}

function moveEntity(m: EntityMention, d: number, work: SpliceWork): EntityMention {
  work.made++;
  const out = { ...m, start: m.start + d, end: m.end + d };
  if (m.officeRange) out.officeRange = [m.officeRange[0] + d, m.officeRange[1] + d];
  return out;
}

/** Moves a date by `d`; an anchor on a previous date moves too when that date is at or after `from`. */
function moveDate(m: DateMention, d: number, from: number, work: SpliceWork): DateMention {
  work.made++;
  const out = { ...m, start: m.start + d, end: m.end + d };
  const a = m.anchor;
  if (a && typeof a === 'object') out.anchor = { previous: a.previous >= from ? a.previous + d : a.previous };
  return out;
}

function moveParagraph(p: Paragraph, d: number, work: SpliceWork): Paragraph {
  work.made++;
  return {
    ...p,
    start: p.start + d,
    end: p.end + d,
    lineStart: p.lineStart + d,
    lineEnd: p.lineEnd + d,
    sentences: p.sentences.map((s) => ({ start: s.start + d, end: s.end + d })),
  };
}
