/**
 * Dates and entities of a large article, recognized chunk by chunk (issue #14: a change to a
 * 5 MB article re-analyzes what it touched, not the article).
 *
 * An article of at least `CHUNKED_ARTICLE` characters that has a publication date is cut into
 * chunks of whole paragraphs, about `CHUNK_MIN`–`CHUNK_MAX` characters each, where the cuts
 * depend only on the paragraphs around them (`chunkStarts`: content-defined, so an edit moves
 * the cuts of its own chunk at most, and the chunks after it are the same text as before). Each
 * chunk's dates and entities are recognized in a window: the chunk with up to `CONTEXT_BEFORE`
 * characters of the paragraphs before it (so a short name still links to a full mention just
 * before the chunk, and a relative date still finds the date before it) and the paragraph after
 * it (a date or name running over the cut), behind a front matter with the article's
 * publication date. What starts inside the chunk is kept. So a chunk's result is a function of
 * its window's text, and the document's cache (`ArticleCache.chunks`) reuses it, moved, for
 * every window whose text did not change: a keystroke recognizes one or two windows again.
 *
 * What the article as a whole would give differs only across chunks: a short name whose full
 * mention is more than a window back, a relative date whose previous date is, an ambiguous
 * numeric date whose order is read from the chunk's own numeric dates. Articles below the size,
 * and articles without a publication date (whose unresolved dates are one finding for the whole
 * article), are recognized whole, as before.
 */

import { Article, Paragraph, parseArticle } from './article';
import type { AnalysisContext } from './analyze';
import { FIX_COMMANDS } from './commands';
import { recognizeDates } from './dates';
import { recognizeEntities } from './entities';
import { dropIgnored } from './ignore';
import { DateMention, EntityMention, Finding } from './types';

/** From this many characters (with a publication date), an article's dates and entities are recognized by chunks. */
export const CHUNKED_ARTICLE = 100_000;
const CHUNK_MIN = 16_384;
const CHUNK_MAX = 65_536;
/** Characters of whole paragraphs before a chunk that its window includes. */
const CONTEXT_BEFORE = 8_192;
/** A chunk is cut after a paragraph whose signature is 0 modulo this (after `CHUNK_MIN`). */
const CUT_EVERY = 8;

/** What recognition gives, for a chunk or for the whole article. */
export interface Recognized {
  dates: DateMention[];
  entities: EntityMention[];
  dateFindings: Finding[];
  entityFindings: Finding[];
}

/** One window's result, with offsets into a text where the window starts at `at` (the article's, once stored). */
interface ChunkEntry extends Recognized {
  at: number;
  /** The chunk inside the window (offsets from the window's start), and the publication date. */
  from: number;
  to: number;
  pub: string;
}

/** The chunks of the last analysis, by window text, and what they were computed with. */
export interface ChunkCache {
  registry: unknown;
  entityIndex: unknown;
  settings: unknown;
  byWindow: Map<string, ChunkEntry>;
}

/** Whether `article` is recognized by chunks. */
export function isChunked(article: Article): boolean {
  return article.text.length >= CHUNKED_ARTICLE && article.publicationDate !== null;
}

/**
 * Indexes of the paragraphs that start a chunk (the first is 0). A chunk ends after a paragraph
 * once it holds `CHUNK_MIN` characters and that paragraph's signature (its length and a few of
 * its characters) says so, or once it holds `CHUNK_MAX`.
 */
export function chunkStarts(article: Article): number[] {
  const ps = article.paragraphs;
  const out = [0];
  let start = ps.length ? ps[0].lineStart : 0;
  for (let i = 0; i + 1 < ps.length; i++) {
    const size = ps[i].lineEnd - start;
    if (size >= CHUNK_MAX || (size >= CHUNK_MIN && signature(article.text, ps[i]) % CUT_EVERY === 0)) {
      out.push(i + 1);
      start = ps[i + 1].lineStart;
    }
  }
  return out;
}

/** A number from a paragraph's length and a few of its characters (no need to read all of it). */
function signature(text: string, p: Paragraph): number {
  let h = p.end - p.start;
  for (let k = 0; k < 8 && p.start + k < p.end; k++) h = (h * 31 + text.charCodeAt(p.start + k)) | 0;
  for (let k = 1; k <= 8 && p.end - k >= p.start; k++) h = (h * 31 + text.charCodeAt(p.end - k)) | 0;
  return h >>> 0;
}

/**
 * The article's dates and entities, chunk by chunk, yielding after each chunk recognized again.
 * With `cache`, windows whose text the last analysis saw are not recognized again, and the cache
 * is left holding this analysis's windows.
 */
export function* recognizeInChunks(article: Article, ctx: AnalysisContext, cache?: { chunks?: ChunkCache }): Generator<void, Recognized, void> {
  const text = article.text;
  const ps = article.paragraphs;
  const pub = article.publicationDate!;
  const header = `---\ndate: ${pub}\n---\n`;
  const before = cache?.chunks && cache.chunks.registry === ctx.registry && cache.chunks.entityIndex === ctx.entityIndex && cache.chunks.settings === ctx.settings ? cache.chunks.byWindow : undefined;
  const now = cache ? new Map<string, ChunkEntry>() : undefined;
  const out: Recognized = { dates: [], entities: [], dateFindings: [], entityFindings: [] };
  const starts = chunkStarts(article);
  for (let c = 0; c < starts.length; c++) {
    const a = starts[c];
    const b = c + 1 < starts.length ? starts[c + 1] : ps.length;
    const chunkStart = c === 0 ? article.bodyStart : ps[a].lineStart;
    const chunkEnd = b < ps.length ? ps[b].lineStart : text.length;
    // Whole paragraphs before (up to CONTEXT_BEFORE characters) and the paragraph after.
    let k = a;
    while (k > 0 && chunkStart - ps[k - 1].lineStart <= CONTEXT_BEFORE) k--;
    const windowStart = k < a ? ps[k].lineStart : chunkStart;
    const windowEnd = b < ps.length ? ps[b].lineEnd : chunkEnd;
    const windowText = text.slice(windowStart, windowEnd);
    const from = chunkStart - windowStart;
    const to = chunkEnd - windowStart;
    const known = before?.get(windowText) ?? now?.get(windowText);
    const fresh = !known || known.from !== from || known.to !== to || known.pub !== pub;
    // A window recognized now has offsets into `header + windowText`, where it starts at header.length.
    const entry = move(fresh ? { at: header.length, from, to, pub, ...recognizeWindow(header + windowText, header.length + from, header.length + to, ctx) } : known, windowStart);
    now?.set(windowText, entry);
    for (const x of entry.dates) out.dates.push(x);
    for (const x of entry.entities) out.entities.push(x);
    for (const x of entry.dateFindings) out.dateFindings.push(x);
    for (const x of entry.entityFindings) out.entityFindings.push(x);
    // Moving windows' objects costs too: a pause every few windows keeps each step short.
    if (fresh || c % 16 === 15) yield;
  }
  if (cache && now) cache.chunks = { registry: ctx.registry, entityIndex: ctx.entityIndex, settings: ctx.settings, byWindow: now };
  return out;
}

/** Dates and entities of a window's text (a front matter, then the paragraphs), those starting in `[from, to)`. */
function recognizeWindow(windowText: string, from: number, to: number, ctx: AnalysisContext): Recognized {
  const sub = parseArticle(windowText);
  const d = recognizeDates(sub, ctx.dateScanner, { numericOrder: ctx.settings?.numericOrder });
  const e = dropIgnored(recognizeEntities(sub, ctx.entityIndex, { unknownMinConfidence: ctx.settings?.unknownMinConfidence, scanner: ctx.entityScanner }), ctx.settings?.ignore);
  const inside = (x: { start: number }): boolean => x.start >= from && x.start < to;
  return { dates: d.dates.filter(inside), entities: e.mentions.filter(inside), dateFindings: d.findings.filter(inside), entityFindings: e.findings.filter(inside) };
}

/** An entry whose window now starts at `at` (its objects moved, or itself when it did not move). */
function move(e: ChunkEntry, at: number): ChunkEntry {
  const d = at - e.at;
  if (d === 0) return e;
  return {
    at, from: e.from, to: e.to, pub: e.pub,
    dates: e.dates.map((m) => moveDate(m, d)),
    entities: e.entities.map((m) => moveEntity(m, d)),
    dateFindings: e.dateFindings.map((f) => moveFinding(f, d)),
    entityFindings: e.entityFindings.map((f) => moveFinding(f, d)),
  };
}

function moveEntity(m: EntityMention, d: number): EntityMention {
  const out = { ...m, start: m.start + d, end: m.end + d };
  if (m.officeRange) out.officeRange = [m.officeRange[0] + d, m.officeRange[1] + d];
  return out;
}

function moveDate(m: DateMention, d: number): DateMention {
  const out = { ...m, start: m.start + d, end: m.end + d };
  const a = m.anchor;
  // The previous date a date is anchored to is in the same window.
  if (a && typeof a === 'object') out.anchor = { previous: a.previous + d };
  return out;
}

/** A recognizer's finding moved by `d`: its range, related places in the article, fix edits, and the offsets a link command carries. */
function moveFinding(f: Finding, d: number): Finding {
  const out: Finding = { ...f, start: f.start + d, end: f.end + d };
  if (f.related) out.related = f.related.map((r) => (r.path ? r : { ...r, start: r.start + d, end: r.end + d }));
  if (f.fixes) {
    out.fixes = f.fixes.map((x) => {
      const fix = { ...x, edits: x.edits.map((e) => ({ ...e, start: e.start + d, end: e.end + d })) };
      // Arguments of linkMention: start, end, entity id (core/commands.ts).
      if (x.command?.name === FIX_COMMANDS.linkMention) fix.command = { ...x.command, args: [(x.command.args[0] as number) + d, (x.command.args[1] as number) + d, ...x.command.args.slice(2)] };
      return fix;
    });
  }
  return out;
}
