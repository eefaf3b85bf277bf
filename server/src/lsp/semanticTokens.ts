/**
 * Semantic tokens for entity mentions and dates in articles, mapped to STANDARD token types so
 * that every colour theme colours them without configuration:
 *
 * | Attaché       | token type   | why this one                                             |
 * | ------------- | ------------ | -------------------------------------------------------- |
 * | person        | `variable`   | the most common actor; themes give it a quiet colour      |
 * | organization  | `class`      | a named institution, like a type: themes make it stand out|
 * | country       | `namespace`  | a container of people and offices                         |
 * | place         | `struct`     | a named thing that is not an actor                        |
 * | office        | `enumMember` | one of a fixed set of positions                           |
 * | event         | `event`      | the standard type of that very name                       |
 * | date          | `number`     | themes colour numbers distinctly, and dates are values    |
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

const TYPES = ['variable', 'class', 'namespace', 'struct', 'enumMember', 'event', 'number'] as const;
const MODIFIERS = ['declaration'] as const;

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: [...MODIFIERS] };

const TYPE_OF: Record<EntityType | 'date', (typeof TYPES)[number]> = {
  person: 'variable',
  organization: 'class',
  country: 'namespace',
  place: 'struct',
  office: 'enumMember',
  event: 'event',
  date: 'number',
};

interface Span {
  start: number;
  end: number;
  type: number;
  modifiers: number;
}

export function semanticTokens(service: AttacheService, uri: string): SemanticTokens {
  const a = service.article(uri);
  if (!a) return { data: [] };
  const spans: Span[] = [];
  for (const m of a.analysis.entities) {
    if (m.form === 'unknown' || (!m.id && !m.candidates.length)) continue;
    spans.push({ start: m.start, end: m.end, type: TYPES.indexOf(TYPE_OF[m.type]), modifiers: m.annotation ? 1 : 0 });
  }
  for (const d of a.analysis.dates) {
    spans.push({ start: d.start, end: d.end, type: TYPES.indexOf('number'), modifiers: d.annotation ? 1 : 0 });
  }
  spans.sort((x, y) => x.start - y.start || y.end - x.end);
  const text = a.rec.text;
  const lines = lineIndexOf(text);
  const builder = new SemanticTokensBuilder();
  let covered = 0;
  for (const s of spans) {
    if (s.start < covered) continue;
    covered = s.end;
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
