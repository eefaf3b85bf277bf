/**
 * Offsets ↔ (line, character) for a text, both 0-based, characters in UTF-16 code units (what
 * LSP and JavaScript use). Lines end at LF, CRLF or a lone CR (old Mac files, some scrapers), as
 * LSP defines them; a CR before the LF belongs to the line break. Built on the first lookup, once
 * per text, in O(n) (so a check that may need a line number makes one for nothing); each lookup
 * is a binary search. The one line index: the checks' line numbers in messages, the CLI's and the
 * server's positions all come from it.
 */

import { upperBound } from './search';

export class LineIndex {
  private built: number[] | undefined;

  constructor(private readonly text: string, private readonly from?: { index: LineIndex; start: number; oldEnd: number; newEnd: number }) {}

  /** The offsets at which lines start (the first is 0), built on first use. */
  private get starts(): number[] {
    return (this.built ??= this.build());
  }

  private build(): number[] {
    const starts = [0];
    if (!this.from) {
      this.scan(starts, 0, this.text.length);
      return starts;
    }
    // An edited text: the old index's line starts before the edit, the edited region scanned
    // again, and the old starts after it moved by the length change (O(lines), not O(text)).
    const { index, start, oldEnd, newEnd } = this.from;
    const old = index.starts;
    // A break at i depends on the characters at i and i + 1; both are unchanged for i < start - 1.
    for (let k = 1; k < old.length && old[k] - 1 < start - 1; k++) starts.push(old[k]);
    this.scan(starts, Math.max(0, start - 1), newEnd);
    const delta = newEnd - oldEnd;
    for (let k = 1; k < old.length; k++) if (old[k] - 1 >= oldEnd) starts.push(old[k] + delta);
    return starts;
  }

  private scan(starts: number[], from: number, to: number): void {
    const text = this.text;
    if (from === 0 && to === text.length && text.indexOf('\r') < 0) {
      // No CR (every text the analysis reads: lone CRs are read as LF): the line breaks are the
      // LFs, found by the native search rather than character by character.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      return;
    }
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The 1-based line number of `offset`, as messages and the CLI's text output give it. */
  lineNumber(offset: number): number {
    return this.position(offset).line + 1;
  }

  position(offset: number): { line: number; character: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.starts;
    // starts[0] is 0, so some line starts at or before o.
    const line = upperBound(starts, o) - 1;
    return { line, character: o - starts[line] };
  }

  offset(line: number, character: number): number {
    const starts = this.starts;
    if (line < 0) return 0;
    if (line >= starts.length) return this.text.length;
    const start = starts[line];
    let end = line + 1 < starts.length ? starts[line + 1] - 1 : this.text.length;
    if (end > start && this.text.charCodeAt(end) === 10 && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.min(start + Math.max(0, character), end);
  }

  lineStart(line: number): number {
    const starts = this.starts;
    return starts[Math.max(0, Math.min(line, starts.length - 1))];
  }
}

/**
 * The text with every lone CR (a CR not followed by LF) turned into LF. Same length, so every
 * offset stays valid: the analysis reads paragraphs and lines from this form, and the offsets it
 * returns point into the original text.
 */
export function normalizeLoneCr(text: string): string {
  if (text.indexOf('\r') < 0) return text;
  return text.replace(/\r(?!\n)/g, '\n');
}
