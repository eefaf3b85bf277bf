/**
 * The seam between the server and the core's cross-article index (`core/workspace.ts`:
 * boilerplate paragraphs and event dates that disagree between articles). The server feeds it
 * every article analysis it makes, open or on disk, asks it for one article's findings when
 * publishing that article's diagnostics, and re-publishes the other articles it reports affected.
 */

import { ArticleAnalysis } from '../core/analyze';
import { Finding, RegistrySnapshot } from '../core/types';
import { WorkspaceIndex } from '../core/workspace';

export interface CrossArticleIndex {
  /** Returns the other articles whose findings changed. */
  update(path: string, analysis: ArticleAnalysis): Set<string>;
  remove(path: string): Set<string>;
  findingsFor(path: string): Finding[];
  setRegistry(registry: RegistrySnapshot): void;
}

export function createCrossArticleIndex(registry: RegistrySnapshot): CrossArticleIndex {
  return new WorkspaceIndex(registry);
}
