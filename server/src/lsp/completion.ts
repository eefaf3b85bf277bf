/**
 * Completion of entity ids where YAML expects one: in registry files after `office:`,
 * `country:`, `of:` and in `participants:` lists; in annotation sidecars
 * (`*.annotations.yaml`) after `entity:`. Items are filtered on the server (a registry may hold
 * 100,000 entities) and the list says it is incomplete, so the client asks again as the user types.
 */

import { CompletionItem, CompletionItemKind, CompletionList, Position } from 'vscode-languageserver';
import { isSidecarPath } from '../core/annotations';
import { Entity, EntityType } from '../core/types';
import { toOffset } from './convert';
import { AttacheService } from './service';

export const COMPLETION_TRIGGERS = [' ', '[', ','];
const MAX_ITEMS = 100;

const KINDS: Record<EntityType, CompletionItemKind> = {
  person: CompletionItemKind.Variable,
  organization: CompletionItemKind.Class,
  country: CompletionItemKind.Module,
  place: CompletionItemKind.Struct,
  office: CompletionItemKind.EnumMember,
  event: CompletionItemKind.Event,
};

/** Which entity types fit the value of a key; undefined means any. */
const KEY_TYPES: Record<string, EntityType[] | undefined> = {
  office: ['office'],
  country: ['country'],
  of: ['country', 'organization', 'place'],
  participants: undefined,
  entity: undefined,
};

/**
 * The id-valued key the cursor is in the value of, and the part of the id typed so far, from the
 * text before the cursor; undefined when the cursor is not in such a value.
 */
export function idContext(text: string, offset: number, annotationFile: boolean): { key: string; prefix: string; prefixStart: number } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const line = text.slice(lineStart, offset);
  const keys = annotationFile ? 'entity' : 'office|country|of|participants';
  const inline = new RegExp(`^\\s*(?:-\\s+)?(${keys}):\\s*(?:\\[(?:[^\\],]*,\\s*)*)?([a-z0-9._-]*)$`).exec(line);
  if (inline) return { key: inline[1], prefix: inline[2], prefixStart: offset - inline[2].length };
  // A block list item (`    - qa`) under `participants:`.
  const item = /^(\s*)-\s+([a-z0-9._-]*)$/.exec(line);
  if (!item || annotationFile) return undefined;
  const indent = item[1].length;
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const prev = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (!prev.trim() || /^\s*#/.test(prev)) continue;
    const m = /^(\s*)(?:-\s+)?([A-Za-z_]+):\s*$/.exec(prev);
    const prevIndent = /^\s*/.exec(prev)![0].length;
    if (m && m[2] === 'participants' && prevIndent <= indent) return { key: 'participants', prefix: item[2], prefixStart: offset - item[2].length };
    if (prevIndent < indent || !/^\s*-/.test(prev)) return undefined;
  }
  return undefined;
}

export function completion(service: AttacheService, uri: string, position: Position): CompletionList | null {
  const annotationFile = isSidecarPath(uri);
  if (!annotationFile && !service.isRegistry(uri)) return null;
  const text = service.textOf(uri);
  if (text === undefined) return null;
  const offset = toOffset(text, position);
  const ctx = idContext(text, offset, annotationFile);
  if (!ctx) return null;
  const folder = service.folderFor(uri);
  const types = KEY_TYPES[ctx.key];
  const prefix = ctx.prefix.toLowerCase();
  const items: CompletionItem[] = [];
  const consider = (e: Entity): boolean => (!types || types.includes(e.type)) && (e.id.includes(prefix) || e.name.toLowerCase().includes(prefix));
  let more = false;
  for (const e of folder.snapshot.entities.values()) {
    if (!consider(e)) continue;
    if (items.length >= MAX_ITEMS) {
      more = true;
      break;
    }
    items.push({
      label: e.id,
      kind: KINDS[e.type],
      detail: `${e.type} · ${e.name}`,
      filterText: e.id,
      // Ids that start with what was typed come first.
      sortText: `${e.id.startsWith(prefix) ? 0 : 1}${e.id}`,
    });
  }
  return { isIncomplete: more, items };
}
