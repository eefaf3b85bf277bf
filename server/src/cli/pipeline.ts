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

import { AnalysisContext, ArticleInput, analyzeArticles } from '../core/analyze';
import { officeHolders } from '../core/checks/role-conflict';
import { DateScanner } from '../core/dates';
import { CheckScratch } from '../core/checks/scratch';
import { EntityIndex, EntityScanner, buildEntityIndex, prepareEntityTables } from '../core/entities';
import { CoreSettings, Finding, RegistrySnapshot } from '../core/types';
import { ArticleSummary, WorkspaceIndex, summarize } from '../core/workspace';
import { paragraphDigest } from './claims';
import { DiskWorkspace } from './crossArticle';
import { Listing, LoadedArticle, ReadArticle, loaded, readArticle } from './project';
import { ReportedArticle, renderFindings, reportedArticle, spillArticle } from './report';
import { SpillFile } from './spill';

/** One article's outcome: its report and workspace summary, or the messages saying why it could not be read. */
export interface ArticleOutcome {
  article?: { report: ReportedArticle; summary: ArticleSummary };
  /** Unreadable article or sidecar, in the order loading reports them. */
  errors: string[];
  /** Characters read (for the progress line), kept even when the text is not. */
  chars: number;
}

/**
 * The context every article of a run is analyzed with: the entity index and the per-snapshot
 * tables of the checks are built here, once (they depend on the registry, not on the articles).
 */
export function runContext(registry: RegistrySnapshot, settings: CoreSettings | undefined, entityIndex: EntityIndex = buildEntityIndex(registry)): AnalysisContext {
  // Every scanner and scratch buffer of the run owned here, one of each (core keeps none at module level).
  const ctx = { registry, entityIndex, settings, dateScanner: new DateScanner(), entityScanner: new EntityScanner(), checkScratch: new CheckScratch() };
  officeHolders(registry);
  prepareEntityTables(ctx.entityIndex);
  return ctx;
}

/**
 * What the report of a run reads beyond the findings: the text (line and column numbers of the
 * text and SARIF formats) and the mentions (`analyze`). Left out, they are neither kept nor sent
 * back by a worker.
 */
export interface Keep {
  text: boolean;
  mentions: boolean;
  /**
   * `check --format json` and `analyze --json`: the folder paths are shown relative to. Each
   * finding's text in that report (the same in both) is then written where the article is
   * analyzed (`renderFindings`: on the worker threads with `--jobs`), so the main thread only
   * copies it into the report.
   */
  json?: string;
}

export const KEEP_ALL: Keep = { text: true, mentions: true };

/** `exists` answers whether an article has a sidecar (`folderListings()` for a run over folders). */
export function processArticle(file: string, ctx: AnalysisContext, exists?: Listing, keep: Keep = KEEP_ALL): ArticleOutcome {
  return processArticles([file], ctx, exists, keep)[0];
}

/** How many articles a corpus run reads and analyzes at a time (`processArticles`; `analyze --jsonl`'s line groups too). */
export const ARTICLE_BATCH = 32;

/**
 * A batch is analyzed as soon as the texts read for it reach this many characters, so that it
 * holds the analyses of a few long articles at once, never of `ARTICLE_BATCH` of them.
 */
export const BATCH_CHARS = 1 << 18;

/**
 * `processArticle` of each file, in order, the same outcomes: the files read first, then analyzed
 * phase by phase over the batch (`analyzeArticles`), which costs a corpus run 10–16% less CPU
 * than reading and analyzing one article at a time (docs/corpus.md). A batch is cut where its
 * texts reach `BATCH_CHARS`.
 */
export function processArticles(files: readonly string[], ctx: AnalysisContext, exists?: Listing, keep: Keep = KEEP_ALL): ArticleOutcome[] {
  const out: ArticleOutcome[] = [];
  for (const batch of readBatches(files, exists)) analyzeBatch(batch, ctx, keep, out);
  return out;
}

/** A file of a batch as read: its text and sidecar, or undefined and why in `errors`. */
export interface ReadItem {
  errors: string[];
  article: ReadArticle | undefined;
}

/** The files read in order, in batches cut where their texts reach `BATCH_CHARS`. */
export function* readBatches(files: readonly string[], exists?: Listing): Generator<ReadItem[]> {
  let batch: ReadItem[] = [];
  let chars = 0;
  for (const file of files) {
    const errors: string[] = [];
    const article = readArticle(file, errors, exists);
    batch.push({ errors, article });
    chars += article ? article.text.length : 0;
    if (chars >= BATCH_CHARS) {
      yield batch;
      batch = [];
      chars = 0;
    }
  }
  if (batch.length) yield batch;
}

/** The outcomes of articles read, appended to `out` in order. */
function analyzeBatch(read: readonly ReadItem[], ctx: AnalysisContext, keep: Keep, out: ArticleOutcome[]): void {
  const inputs: ArticleInput[] = [];
  for (const r of read) if (r.article) inputs.push({ path: r.article.file, text: r.article.text, annotations: r.article.sidecar?.text });
  const analyses = analyzeArticles(inputs, ctx);
  let k = 0;
  for (const { errors, article } of read) out.push(article ? outcome(loaded(article, analyses[k++]), errors, keep) : { errors, chars: 0 });
}

function outcome(a: LoadedArticle, errors: string[], keep: Keep): ArticleOutcome {
  const report = reportedArticle(a.file, a.text, a.analysis, a);
  if (!keep.text) {
    report.text = '';
    if (report.sidecar) report.sidecar = { file: report.sidecar.file, text: '' };
  }
  if (!keep.mentions) {
    report.entities = [];
    report.dates = [];
    report.creationTime = null;
  }
  if (keep.json !== undefined) renderFindings(report, keep.json);
  const summary = summarize(a.analysis, paragraphDigest);
  return { article: { report, summary }, errors, chars: a.text.length };
}

/**
 * Gathers the outcomes of a run in input order: the reports, the read errors, and the workspace
 * index fed with each summary as it comes (so with `--jobs` it is built while workers analyze).
 * With a `spill` file (`analyze --json`), each report's mentions and findings go there as it comes
 * (`spillArticle`): what stays in memory per article is its path, publication date and summary.
 */
export class RunCollector {
  readonly articles: ReportedArticle[] = [];
  private readonly index: WorkspaceIndex | DiskWorkspace;

  /**
   * `errors`: the errors so far, which the articles' read errors follow. With `crossArticle` (a
   * temporary file, `crossArticleFile`, and about how many articles the run has), the
   * cross-article checks are made on disk (crossArticle.ts): same findings, memory that does not
   * grow with the corpus.
   */
  constructor(registry: RegistrySnapshot, readonly errors: string[], private readonly spill?: SpillFile, crossArticle?: { file: SpillFile; articles: number }) {
    this.index = crossArticle
      ? new DiskWorkspace(crossArticle.file, registry, crossArticle.articles, (k) => this.articles[k].file)
      : new WorkspaceIndex(registry);
  }

  add(o: ArticleOutcome): void {
    this.errors.push(...o.errors);
    if (!o.article) return;
    if (this.spill) spillArticle(o.article.report, this.spill);
    this.articles.push(o.article.report);
    if (this.index instanceof DiskWorkspace) this.index.add(o.article.summary);
    else this.index.addSummary(o.article.report.file, o.article.summary);
  }

  /**
   * Writes what the run's temporary files hold in memory still: called once every outcome is in,
   * so a full disk stops the run there, before any of the report is written.
   */
  flush(): void {
    this.spill?.flush();
    if (this.index instanceof DiskWorkspace) this.index.flush();
  }

  /**
   * The cross-article findings of each article, once every outcome is in. On disk, they are read
   * back as the articles are asked for, cheapest in input order (as the reports ask).
   */
  workspaceFindings(settings: CoreSettings | undefined): (file: string) => Finding[] {
    const index = this.index;
    if (!(index instanceof DiskWorkspace)) return (file) => index.findingsFor(file, settings);
    let next = 0;
    return (file) => {
      const k = next < this.articles.length && this.articles[next].file === file ? next : this.articles.findIndex((a) => a.file === file);
      if (k < 0) return [];
      next = k + 1;
      return index.findingsFor(k, settings);
    };
  }
}
