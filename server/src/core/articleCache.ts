/**
 * What the analysis of one version of an article keeps for the analysis of the next version of
 * the same article, so that an edit costs about what it touched (issue #14: "incremental
 * re-analysis by paragraph, cached results keyed by content"). The caller owns one per document
 * (the language server, per open article) and passes it in `ArticleOptions.cache`; nothing in
 * the core keeps it. A cached analysis equals an analysis from scratch of the same text
 * (`test/unit/article-cache.test.ts` compares them over random edit sequences).
 *
 * Kept (each replaced by the next analysis, so it holds one version's worth, never more):
 * - paragraph fingerprints by paragraph text (`checks/duplicate-paragraph.ts`);
 * - the near-duplicate check's word and shingle tables, per-paragraph shingles, posting lists and
 *   results (`checks/near-duplicate-paragraph.ts`): after an edit, only the paragraphs whose
 *   candidates can have changed are compared again.
 * - the parse (paragraphs and sentences), reused outside the edited paragraphs (`articleReparse.ts`);
 * - the dates and entities of a chunked article's windows, by window text (`chunks.ts`), with the
 *   registry snapshot, entity index and settings they were recognized with (others are dropped).
 * The paragraph tables do not depend on the registry or the settings.
 */

import type { Article } from './article';
import type { KeptParagraphs } from './articleReparse';
import type { Fingerprint } from './checks/text';
import type { NearDuplicateState } from './checks/near-duplicate-paragraph';
import type { ChunkCache } from './chunks';

export interface ArticleCache {
  /** Fingerprints of the last analysis's paragraphs, by paragraph text. */
  prints?: Map<string, Fingerprint>;
  /** The near-duplicate check's state after the last analysis. */
  nearDuplicates?: NearDuplicateState;
  /**
   * The last analysis's parse, the publication date it was given (`articleReparse.ts`), and the
   * parse it came from with the paragraphs whose text it kept.
   */
  parsed?: { article: Article; given: string | undefined; from?: Article; kept: KeptParagraphs };
  /** The last analysis's paragraph texts (the strings the fingerprints are keyed by), by paragraph. */
  paragraphTexts?: { article: Article; texts: string[] };
  /** The windows of the last analysis of a chunked (large) article. */
  chunks?: ChunkCache;
}

/** A new, empty cache for one document. */
export function createArticleCache(): ArticleCache {
  return {};
}
