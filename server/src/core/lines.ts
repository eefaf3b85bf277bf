/**
 * Offsets ↔ (line, character) for a text, both 0-based, characters in UTF-16 code units (what
 * LSP and JavaScript use). Lines end at LF, CRLF or a lone CR (old Mac files, some scrapers), as
 * LSP defines them; a CR before the LF belongs to the line break. Built once per text in O(n);
 * each lookup is a binary search.
 */

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string, from?: { index: LineIndex; start: number; oldEnd: number; newEnd: number }) {
    if (!from) {
      this.scan(0, text.length);
      return;
    }
    // An edited text: the old index's line starts before the edit, the edited region scanned
    // again, and the old starts after it moved by the length change (O(lines), not O(text)).
    const { index, start, oldEnd, newEnd } = from;
    const old = index.starts;
    // A break at i depends on the characters at i and i + 1; both are unchanged for i < start - 1.
    for (let k = 1; k < old.length && old[k] - 1 < start - 1; k++) this.starts.push(old[k]);
    this.scan(Math.max(0, start - 1), newEnd);
    const delta = newEnd - oldEnd;
    for (let k = 1; k < old.length; k++) if (old[k] - 1 >= oldEnd) this.starts.push(old[k] + delta);
  }

  private scan(from: number, to: number): void {
    const text = this.text;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): { line: number; character: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offset(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    const start = this.starts[line];
    let end = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    if (end > start && this.text.charCodeAt(end) === 10 && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.min(start + Math.max(0, character), end);
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
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
