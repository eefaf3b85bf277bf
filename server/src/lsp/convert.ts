/**
 * The one place where the core's plain data meets LSP types: offsets ↔ positions, findings →
 * diagnostics, core text edits → LSP text edits, entity types → symbol kinds.
 *
 * The core speaks in UTF-16 offsets into a text (end exclusive); LSP speaks in (line, character)
 * pairs with UTF-16 characters, so a conversion only needs a line index of the same text. Line
 * indexes are cached per text string (by identity, in a small LRU) because the same registry file
 * text is converted again and again by definition, references and code lens.
 */

import {
  Diagnostic,
  DiagnosticRelatedInformation,
  DiagnosticSeverity,
  DiagnosticTag,
  Position,
  Range,
  SymbolKind,
  TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import { LineIndex } from '../core/lines';
import { EntityType, Finding, Severity, TextEdit } from '../core/types';
import type { LineLookup } from './document';

const LINE_INDEX_CACHE_SIZE = 64;
/**
 * Characters of text the cache may keep alive: while a 5 MB article is edited every version is a
 * new string, and 64 of them would hold hundreds of megabytes.
 */
const LINE_INDEX_CACHE_CHARS = 16_000_000;
const lineIndexes = new Map<string, LineLookup>();
let cachedChars = 0;

/**
 * A line index for `text`. Keyed by the string itself: equal strings give equal indexes, and a
 * changed document gives a new string, so the cache can never answer for stale text.
 */
export function lineIndexOf(text: string): LineLookup {
  let idx = lineIndexes.get(text);
  if (idx) {
    // Refresh its LRU position.
    lineIndexes.delete(text);
    lineIndexes.set(text, idx);
    return idx;
  }
  idx = new LineIndex(text);
  remember(text, idx);
  return idx;
}

/**
 * Caches the line lookups an open document keeps for its version `text` (`EditableDocument.lines`),
 * so converting positions in that version never scans (or copies) the text. They count like any
 * entry: a reader may still make the text a flat copy that the key then holds.
 */
export function rememberLines(text: string, lines: LineLookup): void {
  if (!lineIndexes.has(text)) remember(text, lines);
}

/**
 * Caches the line index of `newText`, an edit of `oldText` (`[start, oldEnd)` became
 * `[start, newEnd)`), derived from `oldText`'s cached index in O(lines) rather than a scan of the
 * whole text: each keystroke in a 5 MB article makes a new string.
 */
export function lineIndexAfterEdit(oldText: string, newText: string, diff: { start: number; oldEnd: number; newEnd: number }): void {
  if (lineIndexes.has(newText)) return;
  // The old text's index is built once when nothing converted positions in it yet (an article
  // without problems): every later version derives from it.
  const old = lineIndexOf(oldText);
  if (!(old instanceof LineIndex)) return;
  // The analyzed text's index serves every edit until the next analysis: keep it the most recent.
  lineIndexes.delete(oldText);
  lineIndexes.set(oldText, old);
  remember(newText, new LineIndex(newText, { index: old, ...diff }));
}

function remember(text: string, idx: LineLookup): void {
  lineIndexes.set(text, idx);
  cachedChars += text.length;
  while (lineIndexes.size > 1 && (lineIndexes.size > LINE_INDEX_CACHE_SIZE || cachedChars > LINE_INDEX_CACHE_CHARS)) {
    const oldest = lineIndexes.keys().next().value as string;
    lineIndexes.delete(oldest);
    cachedChars -= oldest.length;
  }
}

export function toPosition(text: string, offset: number): Position {
  return lineIndexOf(text).position(offset);
}

export function toRange(text: string, start: number, end: number): Range {
  const idx = lineIndexOf(text);
  return { start: idx.position(start), end: idx.position(end) };
}

export function toOffset(text: string, position: Position): number {
  return lineIndexOf(text).offset(position.line, position.character);
}

export function toOffsets(text: string, range: Range): [number, number] {
  const idx = lineIndexOf(text);
  return [idx.offset(range.start.line, range.start.character), idx.offset(range.end.line, range.end.character)];
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Where the text of another file comes from when a related location points into it. */
export type TextOf = (uri: string) => string | undefined;

export function toDiagnostic(uri: string, text: string, f: Finding, textOf: TextOf): Diagnostic {
  const d: Diagnostic = {
    range: toRange(text, f.start, f.end),
    severity: SEVERITIES[f.severity],
    code: f.code,
    source: 'attache',
    message: f.message,
  };
  if (f.unnecessary) d.tags = [DiagnosticTag.Unnecessary];
  if (f.related?.length) {
    const related: DiagnosticRelatedInformation[] = [];
    for (const r of f.related) {
      const rUri = r.path || uri;
      const rText = rUri === uri ? text : textOf(rUri);
      // A related place in a file we cannot read any more is left out rather than pointing nowhere.
      if (rText === undefined) continue;
      related.push({ location: { uri: rUri, range: toRange(rText, r.start, r.end) }, message: r.message });
    }
    if (related.length) d.relatedInformation = related;
  }
  return d;
}

export function toTextEdit(text: string, e: TextEdit): LspTextEdit {
  return { range: toRange(text, e.start, e.end), newText: e.newText };
}

/**
 * Entity types as symbol kinds, for the Outline, breadcrumbs and "Go to Symbol". VS Code names
 * and draws each kind; none is "variable". The choice (README, "Outline"):
 * a person is an `Object` (a someone with properties), an organization a `Module` (a body with
 * members), a country a `Package` (what contains the organizations, places and offices of a
 * state), a place a `Namespace` (a named area), an office a `Property` (what a person holds), an
 * event an `Event`, a date a `Number`, and a paragraph a `String` (a run of text).
 */
export const SYMBOL_KINDS: Record<EntityType | 'date' | 'paragraph', SymbolKind> = {
  person: SymbolKind.Object,
  organization: SymbolKind.Module,
  country: SymbolKind.Package,
  place: SymbolKind.Namespace,
  office: SymbolKind.Property,
  event: SymbolKind.Event,
  date: SymbolKind.Number,
  paragraph: SymbolKind.String,
};

/** True when `offset` lies inside [start, end] (the end counts: a cursor just after a word is on it). */
export function touches(start: number, end: number, offset: number): boolean {
  return start <= offset && offset <= end;
}
