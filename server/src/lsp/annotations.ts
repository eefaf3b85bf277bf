/**
 * Annotation edits: what the editor's annotation commands and the "Link to …" quick fixes change
 * in an article's sidecar (`X.article.annotations.yaml`). The server never writes the file: it
 * returns a WorkspaceEdit that appends the new annotation (creating the sidecar when needed) or
 * deletes one, so the user's comments and order stay and every change can be undone.
 */

import { Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { AnnotationKind, NewAnnotation, annotationAppendText, makeTarget, nextAnnotationId, sidecarPath } from '../core/annotations';
import { LineIndex } from '../core/lines';
import { toRange } from './convert';
import { AnnotationItem } from './protocol';
import { AttacheService } from './service';

export interface AnnotateArgs {
  /** The article. */
  uri: string;
  /** The span, as offsets into the article's current text. */
  start: number;
  end: number;
  kind: AnnotationKind;
  entity?: string;
  type?: string;
  value?: string | null;
  body?: string;
  tag?: string;
  author?: string;
}

function position(text: string, offset: number): Position {
  return new LineIndex(text).position(offset);
}

/** The edit that adds one annotation on [start, end) of the article to its sidecar. */
export function annotationEdit(service: AttacheService, args: AnnotateArgs): WorkspaceEdit | undefined {
  const text = service.textOf(args.uri);
  if (text === undefined || args.start < 0 || args.end > text.length || args.end <= args.start) return undefined;
  const folder = service.folderFor(args.uri);
  const sidecar = sidecarPath(args.uri);
  const existing = folder.sidecarText(sidecar);
  const a: NewAnnotation = {
    // Works while the sidecar does not parse too, so a new id never collides with a broken entry.
    id: nextAnnotationId(existing ?? ''),
    kind: args.kind,
    target: makeTarget(text, args.start, args.end),
    ...(args.entity !== undefined ? { entity: args.entity } : {}),
    ...(args.type !== undefined ? { type: args.type } : {}),
    ...(args.kind === 'date' ? { value: args.value ?? null } : {}),
    ...(args.body !== undefined ? { body: args.body } : {}),
    ...(args.tag !== undefined ? { tag: args.tag } : {}),
    ...(args.author ? { author: args.author } : {}),
    created: new Date().toISOString(),
  };
  const insert = annotationAppendText(existing ?? '', a);
  if (existing === undefined) {
    return {
      documentChanges: [
        { kind: 'create', uri: sidecar, options: { ignoreIfExists: true } },
        { textDocument: { uri: sidecar, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: insert }] },
      ],
    };
  }
  const end = position(existing, existing.length);
  return { changes: { [sidecar]: [{ range: { start: end, end }, newText: insert }] } };
}

/** The edit that deletes the annotations covering `offset` in the article (their whole list items). */
export function removeAnnotationEdit(service: AttacheService, uri: string, offset: number): WorkspaceEdit | undefined {
  const a = service.article(uri);
  if (!a) return undefined;
  const sidecar = sidecarPath(uri);
  const text = a.folder.sidecarText(sidecar);
  if (text === undefined) return undefined;
  const hits = (a.analysis.annotations ?? []).filter((x) => x.span && x.span.start <= offset && offset <= x.span.end);
  if (!hits.length) return undefined;
  const li = new LineIndex(text);
  const edits = hits.map((h) => {
    // The item runs from the start of the line holding its "- " to the end of its last line.
    const first = li.position(h.annotation.range[0]).line;
    const last = li.position(Math.max(h.annotation.range[0], h.annotation.range[1] - 1)).line;
    return { range: { start: { line: first, character: 0 }, end: { line: last + 1, character: 0 } }, newText: '' };
  });
  return { changes: { [sidecar]: edits } };
}

/** The article's annotations as the tree view and the decorations show them, in text order (orphans last). */
export function annotationItems(service: AttacheService, uri: string): AnnotationItem[] {
  const a = service.article(uri);
  if (!a) return [];
  const reg = a.folder.snapshot;
  const items = (a.analysis.annotations ?? []).map(({ annotation: x, span }) => {
    const label = x.kind === 'link' || x.kind === 'entity'
      ? `${x.kind === 'link' ? 'linked to' : 'entity'} ${x.entity ? reg.entities.get(x.entity)?.name ?? x.entity : x.type ?? ''}`
      : x.kind === 'note' ? `note: ${x.body ?? ''}`
        : x.kind === 'tag' ? `tag: ${x.tag ?? ''}`
          : x.kind === 'date' ? `date: ${x.value ?? 'unresolved'}`
            : 'not an entity';
    return { id: x.id, kind: x.kind, label, quote: x.target.quote, range: span ? toRange(a.rec.text, span.start, span.end) : null, start: span?.start ?? Infinity };
  });
  items.sort((p, q) => p.start - q.start);
  return items.map(({ start: _start, ...rest }) => rest);
}

/**
 * The edit that re-attaches annotation `id` to [start, end) of the article: its `target:` block is
 * replaced by a new quote, context and position hint; the rest of the entry and the file stay.
 */
export function reattachEdit(service: AttacheService, uri: string, id: string, start: number, end: number): WorkspaceEdit | undefined {
  const text = service.textOf(uri);
  const a = service.article(uri);
  if (text === undefined || !a || end <= start || end > text.length) return undefined;
  const sidecar = sidecarPath(uri);
  const sidecarText = a.folder.sidecarText(sidecar);
  const entry = (a.analysis.annotations ?? []).find((x) => x.annotation.id === id)?.annotation;
  if (sidecarText === undefined || !entry) return undefined;
  const edit = targetBlockEdit(sidecarText, entry.range, makeTarget(text, start, end));
  return edit ? { changes: { [sidecar]: [edit] } } : undefined;
}

/**
 * On save of an article: the edit that stores where each annotation is now (quote, context and
 * position hint), for the annotations whose stored target no longer describes their place. The
 * anchors followed the edits in memory; the sidecar is rewritten only now, entry by entry.
 */
export function refreshAnchorsEdit(service: AttacheService, uri: string): WorkspaceEdit | undefined {
  const a = service.article(uri);
  if (!a) return undefined;
  const sidecar = sidecarPath(uri);
  const sidecarText = a.folder.sidecarText(sidecar);
  if (sidecarText === undefined) return undefined;
  const edits: TextEdit[] = [];
  for (const { annotation, span } of a.analysis.annotations ?? []) {
    if (!span) continue;
    const now = makeTarget(a.rec.text, span.start, span.end);
    const t = annotation.target;
    if (t.start === now.start && t.quote === now.quote && (t.prefix ?? '') === now.prefix && (t.suffix ?? '') === now.suffix) continue;
    const e = targetBlockEdit(sidecarText, annotation.range, now);
    if (e) edits.push(e);
  }
  return edits.length ? { changes: { [sidecar]: edits } } : undefined;
}

/** Replaces the block-style `target:` mapping inside one sidecar entry (flow style is left alone). */
function targetBlockEdit(sidecarText: string, range: [number, number], target: ReturnType<typeof makeTarget>): TextEdit | undefined {
  const [s0, s1] = range;
  const item = sidecarText.slice(s0, s1);
  const m = /(^|\n)([ \t]*)target:[ \t]*\r?\n((?:\2[ \t]+\S.*(?:\r?\n|$))+)/.exec(item);
  if (!m) return undefined;
  const eol = sidecarText.includes('\r\n') ? '\r\n' : '\n';
  const indent = m[2];
  const inner = /^([ \t]+)/.exec(m[3])![1];
  const fresh = annotationAppendText('annotations:\n', { id: 'x', kind: 'note', target })
    .split('\n').filter((l) => /^ {6}(quote|prefix|suffix|start):/.test(l)).map((l) => inner + l.trimStart());
  const blockStart = s0 + m.index + m[1].length;
  const blockEnd = blockStart + m[0].length - m[1].length;
  const replacement = `${indent}target:${eol}${fresh.join(eol)}${m[3].endsWith('\n') ? eol : ''}`;
  const li = new LineIndex(sidecarText);
  return { range: { start: li.position(blockStart), end: li.position(blockEnd) }, newText: replacement };
}
