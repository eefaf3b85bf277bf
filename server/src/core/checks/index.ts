/**
 * The list of per-article checks. Each check is one module with one stable code (spec §3) and a
 * function from the article's analysis to findings. Workspace-wide checks live in `../workspace.ts`.
 */

import { Article } from '../article';
import type { ArticleCache } from '../articleCache';
import { DateMention, EntityMention, Finding, RegistrySnapshot } from '../types';
import { duplicateParagraph } from './duplicate-paragraph';
import { eventDateConflict } from './event-date-conflict';
import type { CheckMemo } from './memo';
import type { CheckScratch } from './scratch';
import { metadataDateConflict } from './metadata-date-conflict';
import { nearDuplicateParagraph } from './near-duplicate-paragraph';
import { roleConflict } from './role-conflict';

export interface CheckContext {
  path: string;
  article: Article;
  entities: readonly EntityMention[];
  /** Sorted by start. */
  dates: readonly DateMention[];
  registry: RegistrySnapshot;
  /** The document's cache from its last analysis, when the caller keeps one (`ArticleOptions.cache`). */
  cache?: ArticleCache;
  /** What the checks of one analysis share (`checkMemo()`); without it, each computes its own. */
  memo?: CheckMemo;
  /** The caller's scratch buffers (`CheckScratch`, reused from analysis to analysis); without them, a check makes its own. */
  scratch?: CheckScratch;
}

export type ArticleCheck = (ctx: CheckContext) => Finding[];

export const ARTICLE_CHECKS: readonly ArticleCheck[] = [
  duplicateParagraph,
  nearDuplicateParagraph,
  roleConflict,
  eventDateConflict,
  metadataDateConflict,
];
