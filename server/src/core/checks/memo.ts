/**
 * What the checks and the workspace summary of one analysis compute once and share: the
 * article's paragraph fingerprints (`paragraphPrints`) and its dated event mentions
 * (`eventDateClaims`). Made by `analyzeArticleSteps` and held by the analysis it returns
 * (`ArticleAnalysis.memo`), so it is dropped with the analysis: no module-level table keeps an
 * article's parse tree or mentions (a `WeakMap` did, and each young-generation collection of a
 * corpus run copied them: docs/performance.md, "the garbage collector's share").
 */

import type { Article } from '../article';
import type { DateMention, EntityMention } from '../types';
import type { ParagraphPrint } from './duplicate-paragraph';
import type { EventDateClaim } from './event-date-conflict';

export interface CheckMemo {
  /**
   * The fingerprints of `article`'s paragraphs; made without a cache, also which paragraphs may
   * share a 5-word shingle (`sharingParagraphs` of them), else undefined.
   */
  prints: { article: Article; prints: ParagraphPrint[]; sharing: Uint8Array | null | undefined } | undefined;
  /** The claims made from these mentions (compared by identity, and the list by length). */
  claims: { article: Article; entities: readonly EntityMention[]; count: number; dates: readonly DateMention[]; claims: readonly EventDateClaim[] } | undefined;
}

/** An empty memo (every field present, so all memos share one object layout). */
export function checkMemo(): CheckMemo {
  return { prints: undefined, claims: undefined };
}
