/**
 * One article's analysis: parse the article, recognize dates and entities, run the per-article
 * checks. The CLI and the language server both call `analyzeArticle`; neither adds findings of its
 * own. Pure: text and a registry snapshot in, plain data out.
 */

import { Article, parseArticle } from './article';
import { AnchoredAnnotation, applyAnnotations, parseSidecar } from './annotations';
import { ARTICLE_CHECKS } from './checks';
import { DateScanner, recognizeDates } from './dates';
import { EntityIndex, recognizeEntities } from './entities';
import { CoreSettings, DateMention, EntityMention, Finding, RegistrySnapshot, applySeverity } from './types';

export interface AnalysisContext {
  registry: RegistrySnapshot;
  /** Built once per registry snapshot with `buildEntityIndex`. */
  entityIndex: EntityIndex;
  settings?: CoreSettings;
  /** Reused by every article analyzed with this context (one is made per article when absent). */
  dateScanner?: DateScanner;
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

/**
 * `annotations` is the text of the article's sidecar (`X.annotations.yaml`), when it has one: its
 * decisions are applied before the checks run, so the checks see the links a person chose.
 */
export function analyzeArticle(path: string, text: string, ctx: AnalysisContext, annotations?: string): ArticleAnalysis {
  const article = parseArticle(text);
  const d = recognizeDates(article, ctx.dateScanner);
  const e = recognizeEntities(article, ctx.entityIndex);
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
  }
  const checkCtx = { path, article, entities, dates, registry: ctx.registry };
  for (const check of ARTICLE_CHECKS) raw.push(...check(checkCtx));
  return { path, article, entities, dates, findings: finalizeFindings(raw, ctx.settings), ...extra };
}

/** Apply severity settings and sort by position (then code), so output is stable. */
export function finalizeFindings(raw: readonly Finding[], settings: CoreSettings | undefined): Finding[] {
  const out: Finding[] = [];
  for (const f of raw) {
    const g = applySeverity(f, settings);
    if (g) out.push(g);
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
}
