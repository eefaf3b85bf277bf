/**
 * Document highlights: on a linked mention, every mention of the same entity in the article (the
 * editor shades them), so a reader sees at a glance where one official or country recurs.
 */

import { DocumentHighlight, DocumentHighlightKind, Position } from 'vscode-languageserver';
import { toOffset, toRange } from './convert';
import { AttacheService } from './service';

export function documentHighlights(service: AttacheService, uri: string, position: Position): DocumentHighlight[] | null {
  const a = service.articleView(uri);
  if (!a) return null;
  const t = service.targetAt(a.analysis, a.folder, toOffset(a.rec.text, position));
  if (t.kind !== 'entity' || !t.mention.id) return null;
  const id = t.mention.id;
  return a.analysis.entities
    .filter((m) => m.id === id)
    .map((m) => ({ range: toRange(a.rec.text, m.start, m.end), kind: DocumentHighlightKind.Text }));
}
