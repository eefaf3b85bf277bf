/**
 * One article's analysis: parse the article, recognize dates and entities, run the per-article
 * checks. The CLI and the language server both call `analyzeArticle`; neither adds findings of its
 * own. Pure: text and a registry snapshot in, plain data out.
 */

import { normalizeLoneCr } from './lines';
import { Article, parseArticle } from './article';
import { AnchoredAnnotation, applyAnnotations, parseSidecar } from './annotations';
import { ArticleCache } from './articleCache';
import { reparseArticle } from './articleReparse';
import { isChunked, recognizeInChunks } from './chunks';
import { ARTICLE_CHECKS } from './checks';
import { CheckMemo, checkMemo } from './checks/memo';
import { CheckScratch } from './checks/scratch';
import { DateScanner, recognizeDates } from './dates';
import { EntityIndex, EntityScanner, recognizeEntities } from './entities';
import { dropIgnored } from './ignore';
import { diffRegion } from './splice';
import { CoreSettings, DateMention, EntityMention, Finding, RegistrySnapshot, Severity, applySeverity } from './types';

export interface AnalysisContext {
  registry: RegistrySnapshot;
  /** Built once per registry snapshot with `buildEntityIndex`. */
  entityIndex: EntityIndex;
  settings?: CoreSettings;
  /** Reused by every article analyzed with this context (one is made per article when absent). */
  dateScanner?: DateScanner;
  /** The checks' buffers, reused by every article analyzed with this context (made per article when absent). */
  checkScratch?: CheckScratch;
  /** Reused by every article analyzed with this context (the entity index's own when absent). */
  entityScanner?: EntityScanner;
}

export interface ArticleAnalysis {
  path: string;
  article: Article;
  /** Sorted by start. */
  entities: EntityMention[];
  /** Sorted by start. */
  dates: DateMention[];
  /** Article-local findings, severities applied, sorted by start. */
  findings: Finding[];
  /** Notes and tags from the user's annotation file, anchored in the current text. */
  notes?: AnnotationNote[];
  /** With a sidecar: each annotation and where it is anchored now (null span: orphaned). */
  annotations?: AnchoredAnnotation[];
  /** With a sidecar: findings on the sidecar file itself (annotation-syntax, orphaned-annotation), severities applied. */
  annotationFindings?: Finding[];
  /**
   * What the checks of this analysis computed and the workspace summary reuses (paragraph
   * fingerprints, dated event mentions): held here, so it goes when the analysis does. Not
   * enumerable: a copy of the analysis (spread, a message to a thread) leaves it behind and
   * computes its own.
   */
  readonly memo?: CheckMemo;
}

/** A note or tag a person attached to a span (from the article's annotation sidecar). */
export interface AnnotationNote {
  kind: 'note' | 'tag';
  start: number;
  end: number;
  /** The note text, or the tag label. */
  body: string;
  /** The annotation's id in the sidecar file. */
  annotation: string;
}

export interface ArticleOptions {
  /** A publication date known from outside the text (`YYYY-MM-DD`); wins over front matter and dateline. */
  publicationDate?: string;
  /**
   * The document's cache (`createArticleCache`), kept by a caller that analyzes successive
   * versions of one article: the analysis reuses what the last one computed for unchanged
   * paragraphs and leaves its own for the next. The result is the same without it.
   */
  cache?: ArticleCache;
}

/**
 * `annotations` is the text of the article's sidecar (`X.annotations.yaml`), when it has one: its
 * decisions are applied before the checks run, so the checks see the links a person chose.
 */
export function analyzeArticle(path: string, text: string, ctx: AnalysisContext, annotations?: string, opts: ArticleOptions = {}): ArticleAnalysis {
  return finished(analyzeArticleSteps(path, text, ctx, annotations, opts));
}

/**
 * `analyzeArticle` as steps: the generator yields between the phases (parse, dates, entities,
 * annotations, each check) and returns the analysis. A caller that must stay responsive (the
 * language server) runs the steps with pauses between them and drops the rest when the text has
 * changed meanwhile; everyone else calls `analyzeArticle`.
 */
export function* analyzeArticleSteps(path: string, text: string, ctx: AnalysisContext, annotations?: string, opts: ArticleOptions = {}): Generator<void, ArticleAnalysis, void> {
  // Lone-CR line endings read as LF (same length, so offsets into `text` stay exact).
  const normalized = normalizeLoneCr(text);
  // With the document's cache, the last version's parse is reused outside the edit (core/articleReparse.ts).
  const last = opts.cache?.parsed;
  const kept = { before: 0, after: Number.MAX_SAFE_INTEGER };
  const article = last && last.given === opts.publicationDate
    ? reparseArticle(last.article, normalized, opts.publicationDate, diffRegion(last.article.text, normalized), kept)
    : parseArticle(normalized, opts.publicationDate);
  if (opts.cache) opts.cache.parsed = { article, given: opts.publicationDate, from: last?.article, kept };
  yield;
  let d: Recognized['d'];
  let e: Recognized['e'];
  if (isChunked(article)) {
    // A large article: by chunks, each window's result reused while its text is unchanged (core/chunks.ts).
    ({ d, e } = yield* chunkedRecognition(article, ctx, opts.cache));
  } else {
    d = datesOf(article, ctx);
    yield;
    e = entitiesOf(article, ctx);
  }
  yield;
  return yield* checkedAnalysis(path, text, article, { d, e }, ctx, annotations, opts.cache);
}

/** What recognition gives the rest of an analysis: the dates and the entity mentions, with their findings. */
interface Recognized {
  d: { dates: DateMention[]; findings: Finding[] };
  e: { mentions: EntityMention[]; findings: Finding[] };
}

function datesOf(article: Article, ctx: AnalysisContext): Recognized['d'] {
  return recognizeDates(article, ctx.dateScanner, { numericOrder: ctx.settings?.numericOrder });
}

function entitiesOf(article: Article, ctx: AnalysisContext): Recognized['e'] {
  // Names the workspace's attache.ignore.yaml lists are not unknown names (core/ignore.ts).
  return dropIgnored(recognizeEntities(article, ctx.entityIndex, { unknownMinConfidence: ctx.settings?.unknownMinConfidence, scanner: ctx.entityScanner }), ctx.settings?.ignore);
}

function* chunkedRecognition(article: Article, ctx: AnalysisContext, cache: ArticleCache | undefined): Generator<void, Recognized, void> {
  const r = yield* recognizeInChunks(article, ctx, cache);
  return { d: { dates: r.dates, findings: r.dateFindings }, e: { mentions: r.entities, findings: r.entityFindings } };
}

/** The steps of an analysis after recognition: the annotations applied, then each check. */
function* checkedAnalysis(path: string, text: string, article: Article, { d, e }: Recognized, ctx: AnalysisContext, annotations: string | undefined, cache: ArticleCache | undefined): Generator<void, ArticleAnalysis, void> {
  let entities = e.mentions;
  let dates = d.dates;
  const raw: Finding[] = [...article.findings, ...d.findings, ...e.findings];
  let extra: Pick<ArticleAnalysis, 'notes' | 'annotations' | 'annotationFindings'> = {};
  if (annotations !== undefined) {
    const sidecar = parseSidecar(annotations);
    const applied = applyAnnotations({ text, annotations: sidecar.annotations, entities, dates, findings: raw, registry: ctx.registry });
    entities = applied.entities;
    dates = applied.dates;
    raw.splice(0, raw.length, ...applied.findings);
    extra = { notes: applied.notes, annotations: applied.anchored, annotationFindings: finalizeFindings([...sidecar.findings, ...applied.sidecarFindings], ctx.settings) };
    yield;
  }
  markUncertainDates(raw, dates);
  const memo = checkMemo();
  const checkCtx = { path, article, entities, dates, registry: ctx.registry, cache, memo, scratch: ctx.checkScratch ?? new CheckScratch() };
  for (const check of ARTICLE_CHECKS) {
    // One check at a time; `push(...)` of a long list would overflow the stack.
    for (const f of check(checkCtx)) raw.push(f);
    yield;
  }
  const analysis: ArticleAnalysis = { path, article, entities, dates, findings: finalizeFindings(raw, ctx.settings), ...extra };
  Object.defineProperty(analysis, 'memo', { value: memo });
  return analysis;
}

/** Runs steps to the end. */
function finished<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** An article to analyze in a batch (`analyzeArticles`): its path, text, sidecar text and publication date. */
export interface ArticleInput {
  path: string;
  text: string;
  annotations?: string;
  /** As `ArticleOptions.publicationDate`. */
  publicationDate?: string;
}

/**
 * `analyzeArticle` of each item, the same analyses, made phase by phase over the batch: every
 * article parsed, then its dates recognized, then its entities, and only then each article's
 * checks. A corpus run (the CLI) spends 10–16% less CPU this way than article by article (its
 * article loop alone about a quarter less): each phase's code and tables stay in the processor's
 * caches and branch predictors across the batch instead of being evicted by the other phases' for
 * every article (docs/corpus.md,
 * "Where the steady state goes"). No cache of an edited document here: for the language
 * server's one document at a time, `analyzeArticleSteps`.
 */
export function analyzeArticles(items: readonly ArticleInput[], ctx: AnalysisContext): ArticleAnalysis[] {
  const articles = items.map((x) => parseArticle(normalizeLoneCr(x.text), x.publicationDate));
  const ds = articles.map((a) => (isChunked(a) ? undefined : datesOf(a, ctx)));
  const es = articles.map((a) => (isChunked(a) ? undefined : entitiesOf(a, ctx)));
  return items.map((x, i) => {
    const article = articles[i];
    const r = ds[i] && es[i] ? { d: ds[i], e: es[i] } : finished(chunkedRecognition(article, ctx, undefined));
    return finished(checkedAnalysis(x.path, x.text, article, r, ctx, x.annotations, undefined));
  });
}

/**
 * Apply severity settings, then lower a finding that depends on an uncertain date one level (and
 * say why in its message), and sort by position (then code), so output is stable. Finalizing
 * findings again (the server adds cross-article findings to an analysis) gives the same result.
 */
export function finalizeFindings(raw: readonly Finding[], settings: CoreSettings | undefined): Finding[] {
  const out: Finding[] = [];
  for (const f of raw) {
    const g = finalizeFinding(f, settings);
    if (g) out.push(g);
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
}

const LOWER: Record<Severity, Severity> = { error: 'warning', warning: 'information', information: 'hint', hint: 'hint' };

function finalizeFinding(f: Finding, settings: CoreSettings | undefined): Finding | null {
  const g = applySeverity(f.downgradedFrom ? { ...f, severity: f.downgradedFrom } : f, settings);
  if (!g || !g.uncertain) return g;
  const message = f.downgradedFrom ? g.message : `${g.message} (the date is uncertain: ${g.uncertain})`;
  return { ...g, severity: LOWER[g.severity], message, downgradedFrom: g.severity };
}

/** Codes whose findings are about the date expression they are reported on. */
const DATE_CODES: ReadonlySet<Finding['code']> = new Set(['weekday-mismatch', 'invalid-date']);

/**
 * A finding on a date expression (a weekday that contradicts its date, a date that does not
 * exist) depends on how that date was read: when the recognizer was unsure, the finding says so.
 * The checks mark their own findings (`role-conflict`, `event-date-conflict`).
 */
export function markUncertainDates(findings: Finding[], dates: readonly DateMention[]): void {
  const uncertain = dates.filter((d) => d.uncertain);
  if (!uncertain.length) return;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    if (f.uncertain || !DATE_CODES.has(f.code)) continue;
    const d = uncertain.find((x) => x.start < f.end && f.start < x.end);
    if (d) findings[i] = { ...f, uncertain: d.uncertain };
  }
}
