/**
 * The checks' scratch buffers, owned by the caller as `DateScanner` is for the dates: a run keeps
 * one (`AnalysisContext.checkScratch`) and every article's checks reuse its buffers and tables;
 * an analysis without one makes its own. Nothing at module level in core/checks is written
 * (test/unit/checks-state.test.ts), so analyses with different contexts (the language server's
 * sliced steps, threads) never share a buffer; and nothing in a scratch outlives one check's call
 * (what an analysis keeps goes to its `CheckMemo`), so analyses of one context may interleave at
 * their steps.
 */

import { ShingleHashes } from './sharing';
import { NearScratch } from './tables';
import { KeyScratch } from './text';

export class CheckScratch {
  /** The fingerprint walk's key bytes and word hashes (text.ts). */
  readonly key = new KeyScratch();
  /** The shingle hashes of the near-duplicate filter (sharing.ts). */
  readonly shingles = new ShingleHashes();
  /** The near-duplicate check's word and shingle tables (tables.ts). */
  readonly near = new NearScratch();
}
