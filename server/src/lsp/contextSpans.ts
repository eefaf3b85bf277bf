/**
 * The spans the editor's context keys depend on: where the article's dates are and which spans
 * carry an annotation. The client keeps them per article and sets `attache.onDate` and
 * `attache.onAnnotation` on every selection change without a round trip, so the context menu
 * is right the moment it opens.
 */

import { toRange } from './convert';
import { ContextSpans } from './protocol';
import { AttacheService } from './service';

export function contextSpans(service: AttacheService, uri: string): ContextSpans {
  const a = service.articleView(uri);
  if (!a) return { dates: [], annotations: [] };
  const text = a.rec.text;
  return {
    dates: a.analysis.dates.map((d) => toRange(text, d.start, d.end)),
    annotations: (a.analysis.annotations ?? []).flatMap((x) => (x.span ? [toRange(text, x.span.start, x.span.end)] : [])),
  };
}
