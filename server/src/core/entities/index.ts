/**
 * Entity recognition (spec §2 "Entities"): finds every mention of a registry entity in an article
 * and links it, then reports ambiguous and unknown names.
 *
 * Pipeline: fold the text (same length, so offsets hold) → tokens → longest matches in the
 * surface-form trie (`trie.ts`, built once per registry snapshot) → resolution of short mentions
 * and offices (`resolve.ts`) → unknown-entity detection on what is left (`unknown.ts`).
 */

import { Article } from '../article';
import { EntityMention, Finding } from '../types';
import { matchTokens } from './match';
import { ambiguityFindings, resolveMatches } from './resolve';
import { foldText, tokenize } from './tokens';
import { EntityIndex, buildEntityIndex } from './trie';
import { unknownEntities } from './unknown';

export type { EntityIndex } from './trie';
export { buildEntityIndex };

export function recognizeEntities(article: Article, index: EntityIndex): { mentions: EntityMention[]; findings: Finding[] } {
  const folded = foldText(article.text);
  const tokens = tokenize(folded, article.bodyStart);
  const raw = matchTokens(folded, tokens, index.root);
  const linked = resolveMatches(article.text, raw, index);
  const findings = ambiguityFindings(linked, index.registry);
  const unknown = unknownEntities(article, folded, tokens, linked);
  const mentions = [...linked, ...unknown.mentions].sort((a, b) => a.start - b.start || a.end - b.end);
  return { mentions, findings: [...findings, ...unknown.findings] };
}
