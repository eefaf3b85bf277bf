/**
 * Inlay hints: after a partial or relative date (`in July`, `last week`, `Thursday`), the value it
 * was resolved to, as `[2025-07]`; the reader sees at a glance what the analysis assumed.
 */

import { InlayHint, InlayHintKind, Range } from 'vscode-languageserver';
import { dateCard } from './hover';
import { toOffsets, toPosition } from './convert';
import { AttacheService } from './service';

const HINTED = new Set(['partial', 'relative', 'weekday']);

export function inlayHints(service: AttacheService, uri: string, range: Range): InlayHint[] {
  const a = service.article(uri);
  if (!a) return [];
  const text = a.rec.text;
  const [from, to] = toOffsets(text, range);
  const out: InlayHint[] = [];
  for (const d of a.analysis.dates) {
    if (d.end < from || d.start > to || !HINTED.has(d.kind) || d.value === null) continue;
    out.push({
      position: toPosition(text, d.end),
      label: `[${d.value}]`,
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip: { kind: 'markdown', value: dateCard(d) },
    });
  }
  return out;
}
