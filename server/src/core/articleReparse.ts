/**
 * The parse of an edited article from the parse of the text before the edit (issue #14: an edit
 * to a 5 MB article parses what it touched). Equal to `parseArticle` of the new text: the
 * paragraphs the edit touched, with one unchanged paragraph on each side, are parsed again as a
 * text of their own, the paragraphs before them are kept and those after them moved.
 *
 * Why that is exact: a line starts a paragraph or continues the one before depending only on
 * itself and the line before it, so the unchanged paragraph before the edit still starts where it
 * did and the unchanged one after it still ends where it did; sentences are split within a
 * paragraph. The front matter, the dateline and the publication date come from the first
 * paragraphs: an edit there (or any doubt) parses the whole text.
 */

import { Article, DATELINE_WINDOW, Paragraph, parseArticle } from './article';
import { lowerBound } from './search';

/** Where two texts differ: `[start, oldEnd)` of the old text became `[start, newEnd)` of the new one. */
interface Edit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** An empty front matter: the window's own text starts right after it. */
const HEADER = '---\n---\n';

/**
 * `parseArticle(text, givenDate)`, reusing `prev`, the parse of the text before `edit` with the
 * same `givenDate`. `text` is read only in the window around the edit.
 */
export function reparseArticle(prev: Article, text: string, givenDate: string | undefined, edit: Edit | null, kept?: KeptParagraphs): Article {
  if (kept) {
    kept.before = 0;
    kept.after = Number.MAX_SAFE_INTEGER;
  }
  if (!edit) {
    if (kept) kept.before = prev.paragraphs.length;
    return { ...prev, text };
  }
  const ps = prev.paragraphs;
  // The paragraphs the edit touches (an edit at a paragraph's edge may join it to its neighbour),
  // widened by one unchanged paragraph on each side.
  let first = firstEndingAtOrAfter(ps, edit.start);
  let last = first;
  while (last + 1 < ps.length && ps[last + 1].lineStart <= edit.oldEnd) last++;
  first--;
  last++;
  // The dateline is looked for in the first paragraphs, and they must keep their places.
  if (first <= DATELINE_WINDOW || first >= ps.length || edit.start < prev.bodyStart) return parseArticle(text, givenDate);
  const ws = ps[first].lineStart;
  const weOld = last < ps.length ? ps[last].lineEnd : prev.text.length;
  if (ws > edit.start || weOld < edit.oldEnd) return parseArticle(text, givenDate);
  const delta = text.length - prev.text.length;
  const weNew = weOld + delta;
  const local = parseArticle(HEADER + text.slice(ws, weNew)).paragraphs;
  const off = ws - HEADER.length;
  const paragraphs: Paragraph[] = ps.slice(0, first);
  for (const p of local) paragraphs.push(move(p, off));
  if (kept) {
    kept.before = first;
    kept.after = paragraphs.length;
  }
  for (let i = last + 1; i < ps.length; i++) paragraphs.push(move(ps[i], delta));
  return { ...prev, text, paragraphs };
}

/**
 * Which paragraphs of the new parse have the text of the old parse's paragraph at the same place
 * counted from the start (`i < before`) or from the end (`i >= after`). Full parses keep none.
 */
export interface KeptParagraphs {
  before: number;
  after: number;
}

/** Index of the first paragraph whose lines end at or after `offset` (`ps.length` when none). */
function firstEndingAtOrAfter(ps: readonly Paragraph[], offset: number): number {
  return lowerBound(ps, offset, (p) => p.lineEnd);
}

function move(p: Paragraph, d: number): Paragraph {
  if (d === 0) return p;
  return { start: p.start + d, end: p.end + d, lineStart: p.lineStart + d, lineEnd: p.lineEnd + d, bullet: p.bullet, sentences: p.sentences.map((s) => ({ start: s.start + d, end: s.end + d })) };
}
