/**
 * Making every feature respect what a person decided: the sidecar's annotations are anchored in
 * the current text and applied to the recognized mentions and dates before the checks run, so role
 * checks, references and the CLI's JSON all see the overridden links.
 *
 * An annotation that cannot be anchored is never dropped silently: it becomes an
 * `orphaned-annotation` finding on the sidecar, at the annotation's node.
 */

import { FIX_COMMANDS } from '../commands';
import { calendarGranularity } from './granularity';
import { DateMention, EntityMention, EntityType, Finding, RegistrySnapshot, entityMention, finding } from '../types';
import { Span, anchor } from './anchor';
import { Annotation } from './sidecar';

/** A note or tag on a span (the same shape as `AnnotationNote` in analyze.ts). */
export interface AppliedNote {
  kind: 'note' | 'tag';
  start: number;
  end: number;
  body: string;
  annotation: string;
}

/** An annotation with where it is in the current text (null: orphaned). */
export interface AnchoredAnnotation {
  annotation: Annotation;
  span: Span | null;
}

export interface ApplyInput {
  text: string;
  annotations: readonly Annotation[];
  entities: readonly EntityMention[];
  dates: readonly DateMention[];
  /** Article findings found before the checks (recognition, dates). */
  findings: readonly Finding[];
  registry: RegistrySnapshot;
}

export interface ApplyResult {
  entities: EntityMention[];
  dates: DateMention[];
  findings: Finding[];
  notes: AppliedNote[];
  anchored: AnchoredAnnotation[];
  /** Findings on the sidecar: orphans, links to ids the registry does not have. */
  sidecarFindings: Finding[];
}

/** The command a client implements to re-attach an orphan to the current selection. */
export const REATTACH_COMMAND = FIX_COMMANDS.reattachAnnotation;

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
const within = (inner: Span, outer: Span): boolean => inner.start >= outer.start && inner.end <= outer.end;

/** The article's lists as the annotations change them, one annotation after another. */
interface Applied {
  text: string;
  registry: RegistrySnapshot;
  entities: EntityMention[];
  dates: DateMention[];
  findings: Finding[];
  notes: AppliedNote[];
  sidecarFindings: Finding[];
}

export function applyAnnotations(input: ApplyInput): ApplyResult {
  const st: Applied = { text: input.text, registry: input.registry, entities: [...input.entities], dates: [...input.dates], findings: [...input.findings], notes: [], sidecarFindings: [] };
  const anchored: AnchoredAnnotation[] = [];
  for (const a of input.annotations) {
    const span = anchor(input.text, a.target);
    anchored.push({ annotation: a, span });
    if (!span) {
      st.sidecarFindings.push(finding('orphaned-annotation', a.range[0], a.range[1],
        `Annotation '${a.id}' (${a.kind}) cannot be placed: '${short(a.target.quote)}' is no longer in the article. Select the text it belongs to and re-attach it, or remove it.`,
        { fixes: [{ title: `Re-attach annotation '${a.id}' to the selection`, edits: [], command: { name: REATTACH_COMMAND, args: [a.id] } }] }));
      continue;
    }
    switch (a.kind) {
      case 'link':
      case 'entity':
        applyEntity(st, a, span);
        break;
      case 'not-entity': {
        // On a nested mention ("EU" in "EU foreign policy chief"), only the nested one goes.
        const nestedHit = st.entities.some((m) => m.nested && m.start === span.start && m.end === span.end);
        st.entities = st.entities.filter((m) => !overlaps(m, span) || (nestedHit && !m.nested && within(span, m) && m.end - m.start > span.end - span.start));
        dropFindings(st, span, ['ambiguous-mention', 'unknown-entity']);
        break;
      }
      case 'date':
        applyDate(st, a, span);
        break;
      case 'note':
      case 'tag':
        st.notes.push({ kind: a.kind, start: span.start, end: span.end, body: (a.kind === 'note' ? a.body : a.tag) ?? '', annotation: a.id });
        break;
    }
  }
  const { entities, dates, notes } = st;
  // `unresolved-date` is reported once per article for all its unresolved dates: it goes only when
  // every one of them has a value (or an explicit null) from an annotation.
  if (!dates.some((d) => d.value === null && d.annotation === undefined)) st.findings = st.findings.filter((f) => f.code !== 'unresolved-date');
  entities.sort((x, y) => x.start - y.start || x.end - y.end);
  dates.sort((x, y) => x.start - y.start || x.end - y.end);
  notes.sort((x, y) => x.start - y.start || x.end - y.end);
  return { entities, dates, findings: st.findings, notes, anchored, sidecarFindings: st.sidecarFindings };
}

function dropFindings(st: Applied, span: Span, codes: readonly string[]): void {
  st.findings = st.findings.filter((f) => !(codes.includes(f.code) && overlaps(f, span)));
}

/** `link` relinks the mention on the span (or makes one); `entity` marks the span as a mention. */
function applyEntity(st: Applied, a: Annotation, span: Span): void {
  const entity = a.entity !== undefined ? st.registry.entities.get(a.entity) : undefined;
  if (a.entity !== undefined && !entity && a.kind === 'link') {
    st.sidecarFindings.push(finding('annotation-syntax', a.entityRange?.[0] ?? a.range[0], a.entityRange?.[1] ?? a.range[1],
      `Annotation '${a.id}' links to '${a.entity}', which is not in the registry: the link is not applied. Correct the id or add the entity to the registry.`));
    return;
  }
  const exact = st.entities.find((m) => m.start === span.start && m.end === span.end);
  const type: EntityType = entity?.type ?? (a.type as EntityType | undefined) ?? exact?.type ?? 'person';
  const id = entity ? entity.id : null;
  if (exact && a.kind === 'link') {
    const linked: EntityMention = { ...exact, id, candidates: [], type, annotation: a.id };
    if (linked.form === 'unknown') {
      linked.form = 'annotation';
      linked.guessedType = undefined;
    }
    st.entities = st.entities.map((m) => (m === exact ? linked : m));
  } else {
    st.entities = st.entities.filter((m) => !overlaps(m, span));
    st.entities.push(entityMention(span.start, span.end, st.text.slice(span.start, span.end), type, id, [], 'annotation', { annotation: a.id }));
  }
  // A decided link answers the ambiguity; a marked span with an id is no longer unknown.
  dropFindings(st, span, id ? ['ambiguous-mention', 'unknown-entity'] : ['ambiguous-mention']);
}

/** `date` gives the date on the span its value (null: it cannot be resolved), or adds one. */
function applyDate(st: Applied, a: Annotation, span: Span): void {
  const value = a.value ?? null;
  const exact = st.dates.find((d) => d.start === span.start && d.end === span.end) ?? st.dates.find((d) => overlaps(d, span));
  if (exact) {
    // The person's value is certain and absolute: what the recognizer doubted or derived goes.
    const { uncertain: _u, range: _r, mod: _m, ...recognized } = exact;
    const corrected: DateMention = { ...recognized, value, anchor: 'none', annotation: a.id, resolution: { rule: `corrected by annotation ${a.id}` } };
    if (value) corrected.granularity = calendarGranularity(value);
    st.dates = st.dates.map((d) => (d === exact ? corrected : d));
  } else {
    st.dates.push({ start: span.start, end: span.end, text: st.text.slice(span.start, span.end), value, kind: 'absolute', granularity: value ? calendarGranularity(value) : 'day', resolution: { rule: `given by annotation ${a.id}` }, annotation: a.id });
  }
  // The person gave the value: the date is not invalid any more, and its weekday is theirs.
  st.findings = st.findings.filter((f) => !((f.code === 'invalid-date' || f.code === 'weekday-mismatch') && (within(f, span) || within(span, f))));
}

function short(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}
