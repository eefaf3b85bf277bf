/**
 * The article pipeline of `check` and `analyze`: each article is read, analyzed, and reduced at
 * once to what the reports need (`ReportedArticle`) and to its workspace summary (the input of the
 * cross-article checks). The analysis itself (parse tree, sentences, paragraph fingerprints) is
 * dropped right away, so a run over a big corpus holds the findings and mentions, not every parse
 * tree; that also keeps the garbage collector's work small.
 *
 * The same function runs in the worker threads of `--jobs` (jobs.ts), which send back exactly these
 * two values; the main thread merges them in input order, so the output does not depend on `--jobs`.
 */

import { AnalysisContext } from '../core/analyze';
import { officeHolders } from '../core/checks/role-conflict';
import { DateScanner } from '../core/dates';
import { buildEntityIndex } from '../core/entities';
import { CoreSettings, Finding, RegistrySnapshot } from '../core/types';
import { ArticleSummary, WorkspaceIndex, summarize } from '../core/workspace';
import { loadArticle } from './project';
import { ReportInput, ReportedArticle, reportedArticle } from './report';

/** One article's outcome: its report and workspace summary, or the messages saying why it could not be read. */
export interface ArticleOutcome {
  article?: { report: ReportedArticle; summary: ArticleSummary };
  /** Unreadable article or sidecar, in the order loading reports them. */
  errors: string[];
}

/**
 * The context every article of a run is analyzed with: the entity index and the per-snapshot
 * tables of the checks are built here, once (they depend on the registry, not on the articles).
 */
export function runContext(registry: RegistrySnapshot, settings: CoreSettings | undefined): AnalysisContext {
  const ctx = { registry, entityIndex: buildEntityIndex(registry), settings, dateScanner: new DateScanner() };
  officeHolders(registry);
  return ctx;
}

/** `exists` answers whether an article has a sidecar (`folderListings()` for a run over folders). */
export function processArticle(file: string, ctx: AnalysisContext, exists?: (file: string) => boolean): ArticleOutcome {
  const errors: string[] = [];
  const a = loadArticle(file, ctx, errors, exists);
  if (!a) return { errors };
  return { article: { report: reportedArticle(a.file, a.text, a.analysis, a), summary: summarize(a.analysis) }, errors };
}

/** Reports and summaries in input order, errors appended to `errors` in the same order. */
export function collectOutcomes(outcomes: readonly ArticleOutcome[], errors: string[]): { articles: ReportedArticle[]; summaries: ArticleSummary[] } {
  const articles: ReportedArticle[] = [];
  const summaries: ArticleSummary[] = [];
  for (const o of outcomes) {
    errors.push(...o.errors);
    if (!o.article) continue;
    articles.push(o.article.report);
    summaries.push(o.article.summary);
  }
  return { articles, summaries };
}

/** The cross-article findings of each article, from the summaries of all of them. */
export function workspaceFindingsOf(input: ReportInput, summaries: readonly ArticleSummary[], settings: ReportSettings): (file: string) => Finding[] {
  const index = new WorkspaceIndex(input.registry);
  input.articles.forEach((a, i) => index.updateSummary(a.file, summaries[i]));
  return (file) => index.findingsFor(file, settings);
}

type ReportSettings = Parameters<WorkspaceIndex['findingsFor']>[1];
