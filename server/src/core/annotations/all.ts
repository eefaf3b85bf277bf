/**
 * "Annotate all occurrences": a decision a person made about one mention (link it to an entity,
 * mark it as not an entity, mark it as a new entity) applied to every identical mention of the
 * workspace, as one insertion per article sidecar. The language server turns the result into one
 * WorkspaceEdit the editor previews; nothing is written here, and the function does no IO: it takes
 * the analyzed articles with their sidecar texts.
 *
 * Identical means the same text in the same role: a mention whose text is exactly the same and
 * that the analysis resolved the same way (unknown; ambiguous between the same candidates; linked
 * to the same entity). Spans a person already decided (a mention carrying an annotation, or a
 * `link`/`not-entity`/`entity` annotation anchored on exactly that span) are left alone, so running
 * it twice adds nothing. A sidecar that does not parse is not touched (the article is reported), nor
 * is one that would not parse with the new annotations appended (flow-style `annotations: [...]`).
 */

import { EntityMention, TextEdit } from '../types';
import { Span, makeTarget } from './anchor';
import { AnchoredAnnotation } from './apply';
import { NewAnnotation, annotationAppendText, nextAnnotationId, parseSidecar } from './sidecar';

/** The decisions that can be applied to every occurrence: the ones about what a mention is. */
export type BulkAnnotationKind = 'link' | 'not-entity' | 'entity';
export const BULK_ANNOTATION_KINDS: readonly BulkAnnotationKind[] = ['link', 'not-entity', 'entity'];

/** What makes two mentions "the same mention in the same role". */
export interface MentionRole {
  text: string;
  /** The linked entity; null for unknown and ambiguous mentions. */
  id: string | null;
  /** The candidates of an ambiguous mention (any order); empty otherwise. */
  candidates: readonly string[];
}

export interface BulkDecision {
  kind: BulkAnnotationKind;
  /** link (required), entity: the registry id. */
  entity?: string;
  /** entity: the type of a new entity. */
  type?: string;
  author?: string;
  /** ISO time written as `created` (the caller's clock: the core reads none). */
  created?: string;
}

/** One article as the workspace has it now. */
export interface BulkArticle {
  /** The article's path or URI; its sidecar is `sidecarPath`. */
  path: string;
  sidecarPath: string;
  text: string;
  /** The analysis's mentions of `text` (annotations applied). */
  entities: readonly EntityMention[];
  /** The analysis's anchored annotations (`ArticleAnalysis.annotations`). */
  annotations?: readonly AnchoredAnnotation[];
  /** The sidecar's text; undefined when the article has none yet. */
  sidecar: string | undefined;
}

export interface SidecarChange {
  article: string;
  sidecarPath: string;
  /** True when the sidecar does not exist: the change creates it, with this text. */
  create: boolean;
  /** One insertion at the end of the sidecar (offsets into its current text, or 0 for a new one). */
  edit: TextEdit;
  /** The annotated spans of the article, in text order, and the ids given to them. */
  spans: Span[];
  ids: string[];
}

export interface AnnotateAllResult {
  /** One per article that gets annotations, in path order. */
  changes: SidecarChange[];
  /** Mentions annotated (the sum of the changes' spans). */
  occurrences: number;
  /** Spans with the role's text that a person already decided (link, not-entity, entity): left alone. */
  decided: number;
  /** Articles not touched because their sidecar does not parse, or would not with the additions. */
  unreadable: string[];
}

/** The role of a mention, to find the others like it. */
export function roleOf(m: EntityMention): MentionRole {
  return { text: m.text, id: m.id, candidates: [...m.candidates].sort() };
}

/** Is `m` the same mention as `role` describes (text and resolution), whatever its place? */
export function sameRole(m: EntityMention, role: MentionRole): boolean {
  if (m.text !== role.text || m.id !== role.id || m.candidates.length !== role.candidates.length) return false;
  if (!m.candidates.length) return true;
  const want = new Set(role.candidates);
  return m.candidates.every((c) => want.has(c));
}

/** Would applying `decision` to a mention in this role change anything (linking X to X does not)? */
export function changesRole(role: MentionRole, decision: BulkDecision): boolean {
  return !(decision.kind === 'link' && role.id !== null && role.id === decision.entity);
}

const DECISION_KINDS = new Set<string>(BULK_ANNOTATION_KINDS);

/**
 * The mentions of one article in `role` that no person has decided yet, in text order, and how
 * many spans with the role's text a person has decided (link, not-entity or entity annotations).
 */
export function undecidedOccurrences(article: Pick<BulkArticle, 'entities' | 'annotations'>, role: MentionRole): { open: EntityMention[]; decided: number } {
  const decidedSpans = new Set<string>();
  let decided = 0;
  for (const a of article.annotations ?? []) {
    if (!a.span || !DECISION_KINDS.has(a.annotation.kind)) continue;
    decidedSpans.add(`${a.span.start}:${a.span.end}`);
    if (a.annotation.target.quote === role.text) decided++;
  }
  const seen = new Set<string>();
  const open: EntityMention[] = [];
  for (const m of article.entities) {
    const key = `${m.start}:${m.end}`;
    // Recognition can report one span twice (a nested mention); annotate each span once.
    if (!sameRole(m, role) || m.annotation !== undefined || m.form === 'annotation' || decidedSpans.has(key) || seen.has(key)) continue;
    seen.add(key);
    open.push(m);
  }
  return { open: open.sort((x, y) => x.start - y.start), decided };
}

/**
 * The sidecar edits that apply `decision` to every undecided mention in `role` across `articles`.
 * Each sidecar gets one insertion at its end (new ids after its largest, its line ending kept, its
 * comments and order untouched); an article without a sidecar gets a new one.
 */
export function annotateAllEdits(articles: Iterable<BulkArticle>, role: MentionRole, decision: BulkDecision): AnnotateAllResult {
  const out: AnnotateAllResult = { changes: [], occurrences: 0, decided: 0, unreadable: [] };
  if (!changesRole(role, decision) || (decision.kind === 'link' && !decision.entity)) return out;
  const sorted = [...articles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const article of sorted) {
    const { open, decided } = undecidedOccurrences(article, role);
    out.decided += decided;
    if (!open.length) continue;
    const existing = article.sidecar;
    if (existing !== undefined && parseSidecar(existing).unreadable) {
      out.unreadable.push(article.path);
      continue;
    }
    const change = sidecarChange(article, open, decision);
    if (!change) {
      out.unreadable.push(article.path);
      continue;
    }
    out.changes.push(change);
    out.occurrences += change.spans.length;
  }
  return out;
}

/** The insertion that adds one annotation per mention to the article's sidecar; undefined if the result would not parse. */
function sidecarChange(article: BulkArticle, mentions: readonly EntityMention[], decision: BulkDecision): SidecarChange | undefined {
  const existing = article.sidecar ?? '';
  let text = existing;
  const ids: string[] = [];
  for (const m of mentions) {
    const a: NewAnnotation = {
      id: nextAnnotationId(text),
      kind: decision.kind,
      target: makeTarget(article.text, m.start, m.end),
      ...(decision.entity !== undefined && decision.kind !== 'not-entity' ? { entity: decision.entity } : {}),
      ...(decision.type !== undefined && decision.kind === 'entity' ? { type: decision.type } : {}),
      ...(decision.author ? { author: decision.author } : {}),
      ...(decision.created ? { created: decision.created } : {}),
    };
    ids.push(a.id);
    text += annotationAppendText(text, a);
  }
  // Appending never rewrites the user's text; check that the whole still reads as they wrote it
  // plus our entries (a flow-style list, or a key after the list, would not).
  const parsed = parseSidecar(text);
  if (parsed.unreadable || !ids.every((id) => parsed.annotations.some((a) => a.id === id))) return undefined;
  return {
    article: article.path,
    sidecarPath: article.sidecarPath,
    create: article.sidecar === undefined,
    edit: { path: article.sidecarPath, start: existing.length, end: existing.length, newText: text.slice(existing.length) },
    spans: mentions.map((m) => ({ start: m.start, end: m.end })),
    ids,
  };
}
