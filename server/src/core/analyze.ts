/**
 * One article's analysis: parse the article, recognize dates and entities, run the per-article
 * checks. The CLI and the language server both call `analyzeArticle`; neither adds findings of its
 * own. Pure: text and a registry snapshot in, plain data out.
 */

import { Article, parseArticle } from './article';
import { ARTICLE_CHECKS } from './checks';
import { recognizeDates } from './dates';
import { EntityIndex, recognizeEntities } from './entities';
import { CoreSettings, DateMention, EntityMention, Finding, RegistrySnapshot, applySeverity } from './types';

export interface AnalysisContext {
  registry: RegistrySnapshot;
  /** Built once per registry snapshot with `buildEntityIndex`. */
  entityIndex: EntityIndex;
  settings?: CoreSettings;
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

export function analyzeArticle(path: string, text: string, ctx: AnalysisContext): ArticleAnalysis {
  const article = parseArticle(text);
  const d = recognizeDates(article);
  const e = recognizeEntities(article, ctx.entityIndex);
  const checkCtx = { path, article, entities: e.mentions, dates: d.dates, registry: ctx.registry };
  const raw: Finding[] = [...article.findings, ...d.findings, ...e.findings];
  for (const check of ARTICLE_CHECKS) raw.push(...check(checkCtx));
  return { path, article, entities: e.mentions, dates: d.dates, findings: finalizeFindings(raw, ctx.settings) };
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
