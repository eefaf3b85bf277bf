/**
 * `duplicate-paragraph`: a paragraph that repeats an earlier one of the same article once case,
 * white space, punctuation, typographic quotes and diacritics are folded away.
 *
 * Scrapers often paste an article (or its headline and photo caption) twice. A run of consecutive
 * repeats is ONE finding spanning the run, saying how many paragraphs it holds and where the first
 * copy is, so a doubled article gives one warning rather than a wall of them. Lines under six
 * words (bylines, "TT", section labels) are never reported: they repeat legitimately. A short line
 * that repeats a line of the same stretch of the original (after the previous copy's original) is
 * allowed inside a run, so a pasted copy that carries its short lines along stays one run.
 *
 * The fix deletes the repeat (the whole run) by whole lines, and also removes the blank lines that
 * would otherwise be left doubled, so paragraph spacing stays as it was. It is marked safe: the
 * deleted text exists, word for word, earlier in the same file.
 */

import { Article, Paragraph } from '../article';
import { Finding, TextEdit, finding } from '../types';
import type { CheckContext } from './index';
import { LineIndex } from '../lines';
import { Fingerprint, MIN_WORDS, fingerprint, fingerprints } from './text';
import { comparedSize } from './sharing';
import { CheckScratch } from './scratch';
import type { ArticleCache } from '../articleCache';
import type { CheckMemo } from './memo';

export interface ParagraphPrint {
  /** Folded words joined by spaces. */
  key: string;
  wordCount: number;
  /** Index of the first paragraph with the same key (itself when it is the first). */
  first: number;
}

/** Up to this many paragraphs, `paragraphPrints` finds first copies without a map. */
const FEW_PARAGRAPHS = 32;

/** Paragraphs longer than this (in UTF-16 code units) are not compared: see `paragraphPrints`. */
export const MAX_PARAGRAPH_CHARS = 20_000;

/**
 * Fingerprints of every paragraph, with the index of each one's first copy. Kept in `memo` (the
 * analysis's: core/checks/memo.ts), so the checks and the summary of one analysis make them once;
 * with an `ArticleCache`, a paragraph whose text the last analysis saw reuses its fingerprint.
 * `scratch`: the run's buffers (`CheckScratch`); without it, the call makes its own.
 */
export function paragraphPrints(article: Article, articleCache?: ArticleCache, memo?: CheckMemo, scratch?: CheckScratch): ParagraphPrint[] {
  if (memo?.prints && memo.prints.article === article) return memo.prints.prints;
  scratch ??= new CheckScratch();
  // The first copies so far, looked up one by one in an article of a few paragraphs (most news):
  // keys of other lengths differ at once, where a map would hash every key, character by character.
  const firstByKey = article.paragraphs.length > FEW_PARAGRAPHS ? new Map<string, number>() : undefined;
  const firstKeys: string[] = [];
  const firsts: number[] = [];
  const before = articleCache?.prints;
  const now = articleCache ? new Map<string, Fingerprint>() : undefined;
  // Paragraphs the parse kept from the last analysis's (articleReparse.ts) reuse its text strings:
  // no slice, and map lookups with the strings' hashes already computed.
  const parsed = articleCache?.parsed;
  const last = parsed?.article === article && parsed.from && articleCache?.paragraphTexts?.article === parsed.from ? articleCache.paragraphTexts.texts : undefined;
  const kept = parsed?.kept;
  const shift = article.paragraphs.length - (last ? last.length : 0);
  const texts: string[] = [];
  // For the memo of a run without a cache: the compared paragraphs' shingles, hashed from the
  // word hashes each fingerprint walk leaves (near-duplicate-paragraph's first filter, sharing.ts);
  // the first copies among them are known once every paragraph is fingerprinted.
  const gathered = memo && !articleCache ? scratch.shingles.reset() : undefined;
  const keys = scratch.key;
  // Without a cache, every paragraph is fingerprinted at once (`fingerprints`: one decoding of
  // the keys); a paragraph too long to compare is walked as an empty range.
  const walked = now ? undefined : fingerprints(article.text, article.paragraphs.map((p) => (p.end - p.start > MAX_PARAGRAPH_CHARS ? { start: p.start, end: p.start } : p)), (i, words) => {
    if (gathered && comparedSize(words)) gathered.add(i, keys.hashes, words);
  }, keys);
  const out = article.paragraphs.map((p, i): ParagraphPrint => {
    // A "paragraph" longer than any news paragraph (a base64 image, a table dump) is not prose:
    // it is left out of the paragraph checks, so their work stays bounded per paragraph.
    let print: Fingerprint;
    if (p.end - p.start > MAX_PARAGRAPH_CHARS) {
      print = { key: `\u0000${i}`, wordCount: 0 };
      texts.push('');
    } else if (now) {
      const text = last && kept && (i < kept.before || i >= kept.after) ? last[i < kept.before ? i : i - shift] : article.text.slice(p.start, p.end);
      texts.push(text);
      print = now.get(text) ?? before?.get(text) ?? fingerprint(text, 0, text.length, keys);
      now.set(text, print);
    } else print = walked![i];
    const { key, wordCount } = print;
    let first = firstByKey ? firstByKey.get(key) : undefined;
    if (!firstByKey) {
      for (let k = 0; k < firstKeys.length; k++) {
        if (firstKeys[k] === key) {
          first = firsts[k];
          break;
        }
      }
    }
    if (first === undefined) {
      first = i;
      if (firstByKey) firstByKey.set(key, i);
      else {
        firstKeys.push(key);
        firsts.push(i);
      }
    }
    return { key, wordCount, first };
  });
  if (articleCache) {
    articleCache.prints = now;
    articleCache.paragraphTexts = { article, texts };
  }
  if (memo) memo.prints = { article, prints: out, sharing: gathered?.sharing(out.length, out) };
  return out;
}

/** True when paragraph `i` is a reportable repeat: long enough and not the first copy. */
export function isRepeat(prints: readonly ParagraphPrint[], i: number): boolean {
  return prints[i].wordCount >= MIN_WORDS && prints[i].first !== i;
}

export function duplicateParagraph(ctx: CheckContext): Finding[] {
  const { article } = ctx;
  const ps = article.paragraphs;
  const prints = paragraphPrints(article, ctx.cache, ctx.memo, ctx.scratch);
  const lines = new LineIndex(article.text);
  const out: Finding[] = [];
  let i = 0;
  while (i < ps.length) {
    if (!isRepeat(prints, i)) {
      i++;
      continue;
    }
    // Extend the run over further repeats; short lines are taken along only when they repeat an
    // earlier line themselves and a long repeat follows them.
    let last = i;
    let count = 1;
    let pendingShort = 0;
    let lastOriginal = prints[i].first;
    for (let k = i + 1; k < ps.length; k++) {
      if (isRepeat(prints, k)) {
        last = k;
        count += pendingShort + 1;
        pendingShort = 0;
        lastOriginal = prints[k].first;
      } else if (prints[k].wordCount < MIN_WORDS && prints[k].first !== k && prints[k].first > lastOriginal) {
        // A short line copied from the same stretch of the original (after the previous copy).
        pendingShort++;
        lastOriginal = prints[k].first;
      } else break;
    }
    out.push(report(ctx, ps, prints, lines, i, last, count));
    i = last + 1;
  }
  return out;
}

function report(ctx: CheckContext, ps: readonly Paragraph[], prints: readonly ParagraphPrint[], lines: LineIndex,
  from: number, to: number, count: number): Finding {
  const text = ctx.article.text;
  const firstCopy = ps[prints[from].first];
  const firstLine = lines.lineNumber(firstCopy.start);
  // The related range covers the whole original run when the repeats copy paragraphs in order.
  const origLast = prints[to].first;
  const originalIsRun = to > from && origLast > prints[from].first && ps[origLast].end <= ps[from].start;
  const related = [{
    path: ctx.path,
    start: firstCopy.start,
    end: originalIsRun ? ps[origLast].end : firstCopy.end,
    message: count === 1 ? 'First copy of this paragraph' : `First copy of the ${count} repeated paragraphs`,
  }];
  const message = count === 1
    ? `This paragraph repeats the paragraph at line ${firstLine} (compared ignoring case, spacing and punctuation). Delete the repeat.`
    : `These ${count} paragraphs repeat earlier text; the first copy starts at line ${firstLine}. The article was probably pasted twice: delete the repeated run.`;
  const fix = {
    title: count === 1 ? 'Delete the repeated paragraph' : `Delete the ${count} repeated paragraphs`,
    edits: [deletion(text, ps[from].lineStart, ps[to].lineEnd)],
    safe: true,
    isPreferred: true,
  };
  return finding('duplicate-paragraph', ps[from].start, ps[to].end, message, { related, fixes: [fix], unnecessary: true });
}

function isBlankLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 10 && c !== 0xa0 && c !== 0x3000) return false;
  }
  return true;
}

/** Start of the line that ends just before `lineStart` (which is a line start), or -1 at the top. */
function previousLineStart(text: string, lineStart: number): number {
  if (lineStart === 0) return -1;
  return text.lastIndexOf('\n', lineStart - 2) + 1;
}

/**
 * Deletes whole lines [start, end) and the blank lines the deletion would leave doubled: when a
 * blank line precedes the deleted lines, the blank lines after them go too; at the end of the
 * text, the blank lines before them go instead, so the file does not end in blank lines.
 */
export function deletion(text: string, start: number, end: number): TextEdit {
  const prev = previousLineStart(text, start);
  const blankBefore = prev < 0 || isBlankLine(text, prev, start);
  if (!blankBefore) return { start, end, newText: '' };
  let e = end;
  while (e < text.length) {
    let nl = text.indexOf('\n', e);
    nl = nl < 0 ? text.length : nl + 1;
    if (!isBlankLine(text, e, nl)) break;
    e = nl;
  }
  let s = start;
  if (e >= text.length) {
    // Nothing follows: drop the blank lines before instead (keeping the previous line's break).
    while (s > 0) {
      const p = previousLineStart(text, s);
      if (p < 0 || !isBlankLine(text, p, s)) break;
      s = p;
    }
  }
  return { start: s, end: e, newText: '' };
}
