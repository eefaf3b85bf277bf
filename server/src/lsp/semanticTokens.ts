/**
 * Semantic tokens for entity mentions and dates in articles. Two legends with the same order (a
 * token's type index means the same thing in both), chosen at initialize:
 *
 * | Attaché      | VS Code client (`entityTokenTypes`) | any other client: standard type |
 * | ------------ | ----------------------------------- | ------------------------------- |
 * | person       | `person`                            | `variable`                      |
 * | organization | `organization`                      | `class`                         |
 * | country      | `country`                           | `namespace`                     |
 * | place        | `place`                             | `struct`                        |
 * | office       | `office`                            | `enumMember`                    |
 * | event        | `namedEvent`                        | `event`                         |
 * | date         | `date`                              | `number`                        |
 *
 * Other editors colour the standard types without configuration. In VS Code the standard types
 * did not work: the built-in themes give persons and events the colour of variables (close to
 * the prose colour in Light Modern, and the same colour for both in dark themes) and give
 * countries, organizations and places one type colour. So the VS Code client asks, through the
 * initialization option `entityTokenTypes`, for Attaché's own types, which `package.json`
 * contributes with the standard type as super type (themes that style the standard type style
 * ours alike) and with `semanticTokenScopes`: one TextMate scope per type, chosen so that every
 * built-in theme colours the seven types apart and apart from prose (`test/unit/theme-colours.test.ts`
 * checks it on the themes themselves; `scripts/theme-scopes.mjs` finds such scopes). Events are
 * `namedEvent` because `event` is a standard type.
 *
 * Modifiers: `declaration` on a mention linked by a user annotation (it was decided, not
 * guessed). Deliberately not `deprecated` for unresolved dates: editors strike such tokens
 * through, and the `unresolved-date` diagnostic already marks them.
 * Ambiguous mentions get their type without a modifier; unknown spans get no token (their
 * `unknown-entity` hint marks them). Tokens never span lines (clients need not support it) and
 * never overlap (an overlapped later span is skipped).
 */

import { SemanticTokens, SemanticTokensBuilder, SemanticTokensLegend } from 'vscode-languageserver';
import { EntityType } from '../core/types';
import { lineIndexOf } from './convert';
import { AttacheService } from './service';

/** The token types in legend order: the index is what a token carries. Never reorder. */
const TYPES: readonly (EntityType | 'date')[] = ['person', 'organization', 'country', 'place', 'office', 'event', 'date'];
type Kind = EntityType | 'date';
const STANDARD_NAME: Record<Kind, string> = {
  person: 'variable',
  organization: 'class',
  country: 'namespace',
  place: 'struct',
  office: 'enumMember',
  event: 'event',
  date: 'number',
};
/** Attaché's own names, as contributed in `package.json` (`semanticTokenTypes`). */
const ENTITY_NAME: Record<Kind, string> = {
  person: 'person',
  organization: 'organization',
  country: 'country',
  place: 'place',
  office: 'office',
  event: 'namedEvent',
  date: 'date',
};
const MODIFIERS = ['declaration'] as const;

/** The legend: Attaché's own type names when the client contributes them, else standard ones. */
export function semanticTokensLegend(entityTokenTypes: boolean): SemanticTokensLegend {
  const names = entityTokenTypes ? ENTITY_NAME : STANDARD_NAME;
  return { tokenTypes: TYPES.map((t) => names[t]), tokenModifiers: [...MODIFIERS] };
}


interface Span {
  start: number;
  end: number;
  type: number;
  modifiers: number;
}

export function semanticTokens(service: AttacheService, uri: string): SemanticTokens {
  const a = service.articleView(uri);
  if (!a) return { data: [] };
  const spans: Span[] = [];
  for (const m of a.analysis.entities) {
    if (m.form === 'unknown' || (!m.id && !m.candidates.length)) continue;
    spans.push({ start: m.start, end: m.end, type: TYPES.indexOf(m.type), modifiers: m.annotation ? 1 : 0 });
  }
  for (const d of a.analysis.dates) {
    spans.push({ start: d.start, end: d.end, type: TYPES.indexOf('date'), modifiers: d.annotation ? 1 : 0 });
  }
  const text = a.rec.text;
  const lines = lineIndexOf(text);
  const builder = new SemanticTokensBuilder();
  for (const s of flatten(spans)) {
    // Split at line breaks: a token is pushed per line piece.
    let from = s.start;
    while (from < s.end) {
      const nl = text.indexOf('\n', from);
      const to = nl >= 0 && nl < s.end ? nl : s.end;
      const pieceEnd = to > from && text.charCodeAt(to - 1) === 13 ? to - 1 : to;
      if (pieceEnd > from) {
        const p = lines.position(from);
        builder.push(p.line, p.character, pieceEnd - from, s.type, s.modifiers);
      }
      from = to + 1;
    }
  }
  return builder.build();
}

/**
 * Spans without overlaps, in order, as semantic tokens must be: a span nested inside another
 * (the country in "Prime Minister of Japan", issue #17) splits it, so both show; a span that
 * overlaps another without nesting in it is dropped.
 */
export function flatten<T extends { start: number; end: number }>(spans: T[]): T[] {
  spans.sort((x, y) => x.start - y.start || y.end - x.end);
  const out: T[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (!last || s.start >= last.end) out.push(s);
    else if (s.end <= last.end && (s.start > last.start || s.end < last.end)) {
      // Nested: the outer piece before it, the nested span, the outer piece after it.
      out.pop();
      if (s.start > last.start) out.push({ ...last, end: s.start });
      out.push(s);
      if (s.end < last.end) out.push({ ...last, start: s.end });
    }
  }
  return out;
}
