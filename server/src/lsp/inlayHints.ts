/**
 * Inlay hints: after a date resolved against another date — the publication date (`in July`,
 * `last week`, `Thursday`) or an earlier date of the text (`two days later`) — the value it was
 * resolved to, as `[2025-07]`; the reader sees at a glance what the analysis assumed. The tooltip
 * is the date card, which says what the value means and what it was anchored to.
 */

import { InlayHint, InlayHintKind, Range } from 'vscode-languageserver';
import { dateAnchor, timexType } from '../core/dateInfo';
import { DateMention } from '../core/types';
import { dateCard } from './hover';
import { toOffsets, toPosition } from './convert';
import { AttacheService } from './service';

/** Dates and times whose value depends on another date; durations and sets are as written. */
function hinted(d: DateMention): boolean {
  const type = timexType(d);
  return d.value !== null && (type === 'DATE' || type === 'TIME') && dateAnchor(d) !== 'none';
}

export function inlayHints(service: AttacheService, uri: string, range: Range): InlayHint[] {
  const a = service.articleView(uri);
  if (!a) return [];
  const text = a.rec.text;
  const [from, to] = toOffsets(text, range);
  const out: InlayHint[] = [];
  for (const d of a.analysis.dates) {
    if (d.end < from || d.start > to || !hinted(d)) continue;
    out.push({
      position: toPosition(text, d.end),
      label: `[${d.value}]`,
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip: { kind: 'markdown', value: dateCard(d, a.analysis) },
    });
  }
  return out;
}
