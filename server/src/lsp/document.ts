/**
 * The server's open documents: the text the editor has, updated by the editor's incremental
 * changes without copying the whole text per keystroke (issue #14: a 5 MB article).
 *
 * `vscode-languageserver-textdocument` rebuilds its content with `substring(…) + change +
 * substring(…)`, which makes JavaScript copy every character of the previous version (V8
 * flattens a concatenated string the first time it is sliced or read), so each keystroke in a
 * 5 MB article allocated and copied 5 MB. Here the text is a list of pieces — slices of the text
 * the document was opened with (a slice of a flat string is not copied) and the typed text — and
 * each version's string is the pieces concatenated (a rope, not a copy), made when asked for.
 * Nothing on the typing path reads the whole string: the line starts are updated from the
 * changed region only (`lines`), the region where two versions differ is known from the changes
 * (`diffSince`), and a window of the text is read from the pieces (`slice`). A reader that does
 * read the whole string (the exact analysis) copies it once; when the pieces become many they are
 * joined into one string again.
 *
 * Line breaks are LF, CRLF and lone CR, as `LineIndex` (core/lines.ts) has them, and a position
 * converts to an offset as `LineIndex.offset` does (clamped to the line's content).
 */

import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { TextDiff } from '../core/splice';
import { lowerBound } from '../core/search';

/** More pieces than this are joined into one string (a copy, once per this many scattered edits). */
const MAX_PIECES = 64;
/** Typed text is appended to the piece before it while that piece is short. */
const MAX_APPEND = 4096;
/** How many changes `diffSince` can look back over. */
const MAX_LOG = 2048;

/** Offsets ↔ positions of one version of a text: the part of `LineIndex` the server's conversions use. */
export interface LineLookup {
  readonly lineCount: number;
  position(offset: number): { line: number; character: number };
  offset(line: number, character: number): number;
  lineStart(line: number): number;
}

/** One version's pieces and where each starts (immutable: an update makes new arrays). */
interface Version {
  pieces: string[];
  /** `starts[i]`: offset of `pieces[i]`; one more entry, the length. */
  starts: number[];
  /** Line starts (the first is 0), as `LineIndex` computes them. */
  lines: Int32Array;
}

/** A change as offsets: `[start, oldEnd)` of the version before became `[start, newEnd)` of `version`. */
interface LoggedChange extends TextDiff {
  version: number;
}

export class EditableDocument {
  private v: Version;
  private text: string | undefined;
  private lookup: LineLookup | undefined;
  private log: LoggedChange[] = [];
  /** The oldest version `diffSince` can answer for. */
  private logFrom: number;

  constructor(readonly uri: string, readonly languageId: string, public version: number, content: string) {
    this.v = { pieces: content.length ? [content] : [], starts: [0, content.length], lines: lineStarts(content) };
    this.text = content;
    this.logFrom = version;
  }

  get length(): number {
    return this.v.starts[this.v.starts.length - 1];
  }

  get lineCount(): number {
    return this.v.lines.length;
  }

  /** The whole text (the same string for the same version); with a range, that part of it. */
  getText(range?: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
    if (range) return this.slice(this.offsetAt(range.start), this.offsetAt(range.end));
    if (this.text === undefined) {
      let s = '';
      // Concatenation, not `join`: the result refers to the pieces instead of copying them.
      for (const p of this.v.pieces) s += p;
      this.text = s;
    }
    return this.text;
  }

  /** `getText().slice(start, end)` read from the pieces: only the window is copied. */
  slice(start: number, end: number): string {
    return sliceOf(this.v, start, end);
  }

  offsetAt(position: { line: number; character: number }): number {
    return this.lines().offset(position.line, position.character);
  }

  positionAt(offset: number): { line: number; character: number } {
    return this.lines().position(offset);
  }

  /** Line lookups for the current version; they stay valid for that version's text after later updates. */
  lines(): LineLookup {
    return (this.lookup ??= lineLookup(this.v));
  }

  /**
   * Where the current text differs from the text of `version` (an earlier version of this
   * document): null when they are equal, undefined when that is not known any more (a version
   * older than the change log, or replaced whole).
   */
  diffSince(version: number): TextDiff | null | undefined {
    if (version === this.version) return null;
    if (version < this.logFrom || version > this.version) return undefined;
    let d: TextDiff | null = null;
    for (const c of this.log) {
      if (c.version <= version) continue;
      d = d ? compose(d, c) : { start: c.start, oldEnd: c.oldEnd, newEnd: c.newEnd };
    }
    return d;
  }

  /** Applies the editor's changes (`TextDocuments` calls it for each `didChange`). */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change && change.range) {
        let start = this.offsetAt(change.range.start);
        let end = this.offsetAt(change.range.end);
        if (end < start) [start, end] = [end, start];
        this.replace(start, end, change.text, version);
      } else {
        this.v = { pieces: change.text.length ? [change.text] : [], starts: [0, change.text.length], lines: lineStarts(change.text) };
        this.text = change.text;
        this.lookup = undefined;
        this.log = [];
        this.logFrom = version;
      }
    }
    this.version = version;
  }

  private replace(start: number, end: number, inserted: string, version: number): void {
    const old = this.v;
    const pieces = withReplaced(old, start, end, inserted);
    const starts = [0];
    for (const p of pieces) starts.push(starts[starts.length - 1] + p.length);
    let next: Version = { pieces, starts, lines: old.lines };
    next.lines = linesAfter(old.lines, next, start, end, start + inserted.length);
    if (pieces.length > MAX_PIECES) {
      // Join the pieces once (a copy): typing in many places would otherwise make reads slow.
      const joined = flat(pieces.join(''));
      next = { pieces: joined.length ? [joined] : [], starts: [0, joined.length], lines: next.lines };
    }
    this.v = next;
    this.text = undefined;
    this.lookup = undefined;
    this.log.push({ version, start, oldEnd: end, newEnd: start + inserted.length });
    if (this.log.length > MAX_LOG) {
      const dropped = this.log.splice(0, this.log.length - MAX_LOG);
      this.logFrom = Math.max(this.logFrom, dropped[dropped.length - 1].version);
    }
  }
}

/** The configuration `TextDocuments` takes to manage `EditableDocument`s. */
export const EditableDocuments = {
  create: (uri: string, languageId: string, version: number, content: string): EditableDocument => new EditableDocument(uri, languageId, version, content),
  update: (doc: EditableDocument, changes: TextDocumentContentChangeEvent[], version: number): EditableDocument => {
    doc.update(changes, version);
    return doc;
  },
};

/** `a` then `b` (b in the coordinates of a's new text) as one changed region of a's old text. */
function compose(a: TextDiff, b: TextDiff): TextDiff {
  const start = Math.min(a.start, b.start);
  // The end of the region in the coordinates between the two changes.
  const mid = Math.max(a.newEnd, b.oldEnd);
  return { start, oldEnd: a.oldEnd + (mid - a.newEnd), newEnd: mid + (b.newEnd - b.oldEnd) };
}

/** Forces a string to be stored flat (one copy now rather than one per later slice). */
function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

/** Index of the piece containing `offset` (the last piece for the end). */
function pieceAt(v: Version, offset: number): number {
  return Math.max(0, Math.min(v.pieces.length - 1, lowerBound(v.starts, offset + 1) - 1));
}

function sliceOf(v: Version, start: number, end: number): string {
  const len = v.starts[v.starts.length - 1];
  start = Math.max(0, Math.min(start, len));
  end = Math.max(start, Math.min(end, len));
  if (start === end) return '';
  let s = '';
  for (let i = pieceAt(v, start); i < v.pieces.length && v.starts[i] < end; i++) {
    const p = v.pieces[i];
    const from = Math.max(0, start - v.starts[i]);
    const to = Math.min(p.length, end - v.starts[i]);
    s += from === 0 && to === p.length ? p : p.slice(from, to);
  }
  return s;
}

function charAt(v: Version, offset: number): number {
  if (offset < 0 || offset >= v.starts[v.starts.length - 1]) return NaN;
  const i = pieceAt(v, offset);
  return v.pieces[i].charCodeAt(offset - v.starts[i]);
}

/** The pieces of `v` with `[start, end)` replaced by `inserted`. */
function withReplaced(v: Version, start: number, end: number, inserted: string): string[] {
  const out: string[] = [];
  const ps = v.pieces;
  let i = 0;
  for (; i < ps.length && v.starts[i + 1] <= start; i++) out.push(ps[i]);
  // The piece holding `start` contributes what is before it.
  if (i < ps.length && v.starts[i] < start) out.push(ps[i].slice(0, start - v.starts[i]));
  if (inserted.length) {
    const prev = out.length - 1;
    // Typing: append to the piece before when it is typed text already (short), else a new piece.
    if (prev >= 0 && out[prev].length + inserted.length <= MAX_APPEND && out[prev].length < MAX_APPEND) out[prev] += inserted;
    else out.push(inserted);
  }
  // Skip the pieces wholly inside the replaced range; the one holding `end` keeps what is after it.
  for (; i < ps.length && v.starts[i + 1] <= end; i++);
  if (i < ps.length && v.starts[i] < end) {
    out.push(ps[i].slice(end - v.starts[i]));
    i++;
  }
  for (; i < ps.length; i++) out.push(ps[i]);
  return out.filter((p) => p.length > 0);
}

/** Line starts of a whole text. */
function lineStarts(text: string): Int32Array {
  const out = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) out.push(i + 1);
  }
  return Int32Array.from(out);
}

/**
 * Line starts after `[start, oldEnd)` became `[start, newEnd)`: a line starts at s when the
 * character at s - 1 is LF, or CR not followed by LF; so starts up to `start - 1` and from
 * `oldEnd + 1` (moved) are unchanged, and only `[start - 1, newEnd]` is read.
 */
function linesAfter(old: Int32Array, v: Version, start: number, oldEnd: number, newEnd: number): Int32Array {
  // The old starts kept: those up to start - 1 (the first, 0, always), and from oldEnd + 1.
  const a = Math.max(1, lowerBound(old, start));
  const b = Math.max(a, lowerBound(old, oldEnd + 1));
  const added: number[] = [];
  const window = sliceOf(v, Math.max(0, start - 1), newEnd + 1);
  const base = Math.max(0, start - 1);
  for (let i = 0; i < newEnd - base; i++) {
    const c = window.charCodeAt(i);
    if (c === 10 || (c === 13 && window.charCodeAt(i + 1) !== 10)) added.push(base + i + 1);
  }
  const out = new Int32Array(a + added.length + (old.length - b));
  out.set(old.subarray(0, a));
  out.set(added, a);
  const delta = newEnd - oldEnd;
  for (let k = b, j = a + added.length; k < old.length; k++, j++) out[j] = old[k] + delta;
  return out;
}

function lineLookup(v: Version): LineLookup {
  const lines = v.lines;
  const length = v.starts[v.starts.length - 1];
  return {
    lineCount: lines.length,
    position(offset: number) {
      const o = Math.max(0, Math.min(offset, length));
      const line = lowerBound(lines, o + 1) - 1;
      return { line, character: o - lines[line] };
    },
    offset(line: number, character: number) {
      if (line < 0) return 0;
      if (line >= lines.length) return length;
      const start = lines[line];
      let end = line + 1 < lines.length ? lines[line + 1] - 1 : length;
      if (end > start && charAt(v, end) === 10 && charAt(v, end - 1) === 13) end--;
      return Math.min(start + Math.max(0, character), end);
    },
    lineStart(line: number) {
      return lines[Math.max(0, Math.min(line, lines.length - 1))];
    },
  };
}
