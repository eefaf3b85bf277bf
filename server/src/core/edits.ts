/**
 * Applying plain text edits (the form every core fix takes) to a text: the CLI's `check --fix`
 * and the tests use it; the server hands the same edits to the editor as a WorkspaceEdit.
 */

import { TextEdit } from './types';

/**
 * Applies edits given in offsets of the original text. Overlapping edits are skipped (the first
 * by start wins), so applying several fixes at once can never corrupt the text.
 * Returns the new text and the edits that were applied.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const applied: TextEdit[] = [];
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos || e.end < e.start || e.end > text.length) continue;
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
    applied.push(e);
  }
  return { text: out + text.slice(pos), applied };
}
