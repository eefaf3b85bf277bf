/**
 * The seam between the server and the core's cross-article index (`core/workspace.ts`:
 * boilerplate paragraphs and event dates that disagree between articles). The server feeds it
 * every article analysis it makes, open or on disk, and asks it for one article's findings when
 * publishing that article's diagnostics.
 */

import { ArticleAnalysis } from '../core/analyze';
import { Finding, RegistrySnapshot } from '../core/types';

export interface CrossArticleIndex {
  update(path: string, analysis: ArticleAnalysis): void;
  remove(path: string): void;
  findingsFor(path: string): Finding[];
}

/** Until `core/workspace.ts` lands, an index that finds nothing (same shape, so nothing else changes). */
export function createCrossArticleIndex(_registry: RegistrySnapshot): CrossArticleIndex {
  return { update: () => undefined, remove: () => undefined, findingsFor: () => [] };
}
