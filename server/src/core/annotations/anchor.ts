/**
 * Anchoring: finding an annotation's span again in a text that may have been edited since the
 * annotation was made, as Hypothesis does with the W3C TextQuoteSelector (quote, prefix, suffix)
 * and TextPositionSelector (a start offset hint).
 *
 * The order is: the quote at the hint; else the exact occurrence of the quote nearest the hint
 * (context as a tie-breaker); else the best approximate match within an edit distance of a quarter
 * of the quote's length, scored on the quote, the context and the distance from the hint. All
 * offsets are UTF-16 code units, end exclusive, like everywhere in the core.
 */

/** Where an annotation points: the quote with its context, and where it was when last saved. */
export interface AnnotationTarget {
  quote: string;
  /** Up to 32 characters just before the quote. */
  prefix?: string;
  /** Up to 32 characters just after the quote. */
  suffix?: string;
  /** Start offset hint (UTF-16 code units). */
  start?: number;
}

export interface Span {
  start: number;
  end: number;
}

/** A content change as the editor reports it: a replacement in the text as it was before it. */
export interface ContentChange {
  start: number;
  end: number;
  newText: string;
}

/** Context length kept on each side of the quote. */
export const CONTEXT_LENGTH = 32;

/** Weights of the approximate match score (the ones Hypothesis uses). */
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;

/** Above this many candidate end positions, only the closest matches are scored. */
const MAX_APPROXIMATE_CANDIDATES = 200;
/** Longer quotes are only found exactly: approximate matching costs grow with the quote's square. */
const MAX_APPROXIMATE_QUOTE = 2000;
/** Work bound (errors allowed × characters scanned) of one approximate search; beyond it the scan is a window around the hint. */
const MAX_APPROXIMATE_WORK = 1e8;
/** Work bound (quote length squared × candidates) of finding the candidates' starts. */
const MAX_START_WORK = 5e7;
/**
 * Edits an approximate match may have: a quarter of the quote's length, at most this many. The
 * search's work grows with it, and with the cap a long quote splits into pieces long enough to
 * look for exactly (see `candidateRegions`).
 */
export const MAX_APPROXIMATE_ERRORS = 64;
/** Pieces shorter than this find too many places to be worth looking for. */
const MIN_PIECE = 8;

/**
 * Work done by approximate searches (text characters scanned × pattern rows), counted for tests:
 * the caller passes one and reads it afterwards (`anchor(text, target, { work })`).
 */
export interface AnchorWork {
  cells: number;
}

export interface AnchorOptions {
  /** Incremented by the work the search does. */
  work?: AnchorWork;
}

/** Build the target of the span [start, end) of `text`, with context that never splits a surrogate pair. */
export function makeTarget(text: string, start: number, end: number): AnnotationTarget {
  let p = Math.max(0, start - CONTEXT_LENGTH);
  if (p > 0 && isLowSurrogate(text.charCodeAt(p))) p++;
  let s = Math.min(text.length, end + CONTEXT_LENGTH);
  if (s < text.length && isLowSurrogate(text.charCodeAt(s))) s--;
  return { quote: text.slice(start, end), prefix: text.slice(p, start), suffix: text.slice(end, s), start };
}

/** Where the target is in `text` now, or null when it cannot be placed (an orphan). */
export function anchor(text: string, target: AnnotationTarget, opts: AnchorOptions = {}): Span | null {
  const { quote } = target;
  if (!quote) return null;
  const hint = target.start;
  if (hint !== undefined && hint >= 0 && text.startsWith(quote, hint)) return { start: hint, end: hint + quote.length };
  const exact = exactMatch(text, target);
  if (exact) return exact;
  return approximateMatch(text, target, opts.work ?? { cells: 0 });
}

function exactMatch(text: string, target: AnnotationTarget): Span | null {
  const { quote, start: hint } = target;
  let best: Span | null = null;
  let bestDistance = Infinity;
  let bestContext = -1;
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
    const distance = hint === undefined ? 0 : Math.abs(i - hint);
    if (distance > bestDistance) {
      // Occurrences only get further from the hint once past it.
      if (hint !== undefined && i > hint) break;
      continue;
    }
    const context = contextScore(text, i, i + quote.length, target);
    if (distance < bestDistance || context > bestContext) {
      best = { start: i, end: i + quote.length };
      bestDistance = distance;
      bestContext = context;
    }
  }
  return best;
}

/** Characters of prefix and suffix that agree with the text around [start, end). */
function contextScore(text: string, start: number, end: number, target: AnnotationTarget): number {
  let n = 0;
  const prefix = target.prefix ?? '';
  for (let k = 1; k <= prefix.length && start - k >= 0 && text.charCodeAt(start - k) === prefix.charCodeAt(prefix.length - k); k++) n++;
  const suffix = target.suffix ?? '';
  for (let k = 0; k < suffix.length && end + k < text.length && text.charCodeAt(end + k) === suffix.charCodeAt(k); k++) n++;
  return n;
}

function approximateMatch(text: string, target: AnnotationTarget, work: AnchorWork): Span | null {
  const { quote } = target;
  const m = quote.length;
  const maxErrors = Math.min(Math.floor(m / 4), MAX_APPROXIMATE_ERRORS);
  if (maxErrors < 1 || m > MAX_APPROXIMATE_QUOTE) return null;
  const hint = Math.min(target.start ?? 0, text.length);
  // A huge article is scanned only around the hint, so re-anchoring stays bounded (bad input never hangs).
  let from = 0;
  let to = text.length;
  const window = Math.floor(MAX_APPROXIMATE_WORK / maxErrors);
  if (text.length > window) {
    from = Math.max(0, hint - Math.floor(window / 2));
    to = Math.min(text.length, from + window);
  }
  const ends: { end: number; errors: number }[] = [];
  for (const [a, b] of candidateRegions(text, quote, maxErrors, from, to, work)) {
    for (const e of approximateEnds(text, quote, maxErrors, a, b, work)) ends.push(e);
  }
  if (!ends.length) return null;
  const limit = Math.max(1, Math.min(MAX_APPROXIMATE_CANDIDATES, Math.floor(MAX_START_WORK / (m * m))));
  let candidates = ends;
  if (candidates.length > limit) {
    candidates = [...ends].sort((a, b) => a.errors - b.errors || Math.abs(a.end - hint) - Math.abs(b.end - hint)).slice(0, limit);
  }
  let best: Span | null = null;
  let bestScore = -Infinity;
  for (const c of candidates) {
    const start = approximateStart(text, quote, c.end, c.errors);
    const prefix = target.prefix ?? '';
    const suffix = target.suffix ?? '';
    const prefixSim = prefix ? similarity(prefix, text.slice(Math.max(0, start - prefix.length), start)) : 1;
    const suffixSim = suffix ? similarity(suffix, text.slice(c.end, c.end + suffix.length)) : 1;
    const positionSim = target.start === undefined ? 1 : 1 - Math.abs(start - hint) / Math.max(1, text.length);
    const score = QUOTE_WEIGHT * (1 - c.errors / m) + PREFIX_WEIGHT * prefixSim + SUFFIX_WEIGHT * suffixSim + POSITION_WEIGHT * positionSim;
    if (score > bestScore) {
      bestScore = score;
      best = { start, end: c.end };
    }
  }
  return best;
}

/**
 * The parts of `[from, to)` where a match of `pattern` with at most `k` edits can be. Split into
 * k + 1 pieces, such a match contains one piece exactly (each edit spoils at most one piece), so
 * only the surroundings of the pieces' exact occurrences need the approximate search. An orphan
 * whose text is gone costs k + 1 exact searches; without long enough pieces, the whole range.
 */
function candidateRegions(text: string, pattern: string, k: number, from: number, to: number, work: AnchorWork): [number, number][] {
  const m = pattern.length;
  const len = Math.floor(m / (k + 1));
  if (len < MIN_PIECE) return [[from, to]];
  const regions: [number, number][] = [];
  for (let p = 0; p <= k; p++) {
    const off = p * len;
    const piece = pattern.slice(off, p === k ? m : off + len);
    work.cells += to - from;
    for (let i = text.indexOf(piece, from); i >= 0 && i + piece.length <= to; i = text.indexOf(piece, i + 1)) {
      regions.push([Math.max(from, i - off - k), Math.min(to, i - off + m + k)]);
    }
  }
  regions.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of regions) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/**
 * End offsets where `pattern` matches a substring of `text` with at most `k` edits (Sellers'
 * algorithm with Ukkonen's cut-off, so the work is about k × text length). Of each run of adjacent
 * matching ends, only the one with the fewest errors is kept.
 */
function approximateEnds(text: string, pattern: string, k: number, from: number, to: number, work: AnchorWork): { end: number; errors: number }[] {
  const m = pattern.length;
  const col = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) col[i] = i;
  let lastActive = Math.min(k, m);
  const out: { end: number; errors: number }[] = [];
  let run: { end: number; errors: number; tail: number } | null = null;
  let cells = 0;
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    let diag = 0;
    cells += lastActive + 1;
    // col[0] stays 0: a match may start anywhere.
    for (let i = 1; i <= lastActive + 1 && i <= m; i++) {
      const up = col[i];
      const cost = pattern.charCodeAt(i - 1) === c ? 0 : 1;
      const v = Math.min(diag + cost, up + 1, col[i - 1] + 1);
      diag = up;
      col[i] = v;
    }
    if (lastActive + 1 <= m && col[lastActive + 1] <= k) lastActive++;
    while (lastActive > 0 && col[lastActive] > k) lastActive--;
    // Rows beyond lastActive keep values above k (stale ones too), which is all the next column needs.
    if (lastActive === m && col[m] <= k) {
      if (run && run.tail === j) {
        if (col[m] < run.errors) {
          run.errors = col[m];
          run.end = j + 1;
        }
        run.tail = j + 1;
      } else {
        if (run) out.push({ end: run.end, errors: run.errors });
        run = { end: j + 1, errors: col[m], tail: j + 1 };
      }
    }
  }
  if (run) out.push({ end: run.end, errors: run.errors });
  work.cells += cells;
  return out;
}

/** The start of the best alignment of `pattern` ending at `end` (edit distance DP on the reversed strings). */
function approximateStart(text: string, pattern: string, end: number, errors: number): number {
  const m = pattern.length;
  const from = Math.max(0, end - m - errors);
  const n = end - from;
  // prev[i]: distance between the last i characters of pattern and the last j characters of the window.
  let prev = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  let bestStart = end - m;
  let bestDistance = prev[m];
  if (bestDistance <= errors) bestStart = end;
  for (let j = 1; j <= n; j++) {
    const cur = new Int32Array(m + 1);
    cur[0] = j;
    const c = text.charCodeAt(end - j);
    for (let i = 1; i <= m; i++) {
      const cost = pattern.charCodeAt(m - i) === c ? 0 : 1;
      cur[i] = Math.min(prev[i - 1] + cost, prev[i] + 1, cur[i - 1] + 1);
    }
    if (cur[m] < bestDistance || (cur[m] === bestDistance && Math.abs(j - m) < Math.abs(end - bestStart - m))) {
      bestDistance = cur[m];
      bestStart = end - j;
    }
    prev = cur;
  }
  return Math.max(0, bestStart);
}

/** 1 − normalized Levenshtein distance (both strings are at most a few dozen characters). */
function similarity(a: string, b: string): number {
  if (!a.length && !b.length) return 1;
  let prev = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const cur = new Int32Array(b.length + 1);
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1), prev[j] + 1, cur[j - 1] + 1);
    }
    prev = cur;
  }
  return 1 - prev[b.length] / Math.max(a.length, b.length);
}

/**
 * Carry a span through editor content changes, applied in order (each change's offsets refer to
 * the text after the previous ones, as LSP incremental changes do). Text inserted at the span's
 * start goes before it; at its end, after it. Returns null when the span's text was deleted or
 * replaced across a boundary so that nothing is left of it: the caller re-anchors from the quote.
 */
export function mapThroughEdits(span: Span, changes: readonly ContentChange[]): Span | null {
  let { start, end } = span;
  for (const c of changes) {
    const delta = c.newText.length - (c.end - c.start);
    const s = start >= c.end ? start + delta : start <= c.start ? start : c.start + c.newText.length;
    const e = end <= c.start ? end : end >= c.end ? end + delta : c.start;
    if (e <= s) return null;
    start = s;
    end = e;
  }
  return { start, end };
}

/**
 * Where an anchored span is after the editor's changes: carried through them while any of its text
 * is left (an edit inside the span is the person changing the annotated words, so the annotation
 * follows), else re-anchored from the quote in the new text with the mapped position as the hint.
 * The caller rewrites the sidecar's target (`makeTarget`) on save.
 */
export function followEdits(newText: string, target: AnnotationTarget, span: Span, changes: readonly ContentChange[]): Span | null {
  const mapped = mapThroughEdits(span, changes);
  if (mapped) return mapped;
  const hint = mapThroughEdits({ start: span.start, end: span.start + 1 }, changes)?.start ?? span.start;
  return anchor(newText, { ...target, start: Math.min(hint, newText.length) });
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
