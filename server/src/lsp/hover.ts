/**
 * Hover: an entity card on a mention, a date card on a date expression, a note on the dateline.
 * Markdown, a few lines: what a reader needs to trust (or doubt) the link.
 */

import { Hover, MarkupKind, Position } from 'vscode-languageserver';
import { ArticleAnalysis } from '../core/analyze';
import { dayInterval } from '../core/calendar';
import { describeAnchor, describeDateValue, describeRelation, valueInWords } from '../core/dateInfo';
import { describeWhen, officeHolders, tenureInterval } from '../core/checks/role-conflict';
import { ReferenceDate, referenceDate } from '../core/reference';
import { DateMention, Entity, EntityMention, RegistrySnapshot, Role } from '../core/types';
import { toOffset, toRange } from './convert';
import { CLIENT_COMMANDS } from './protocol';
import { AttacheService, Folder } from './service';

export function hover(service: AttacheService, uri: string, position: Position): Hover | null {
  const a = service.articleView(uri);
  if (!a) return registryHover(service, uri, position);
  const text = a.rec.text;
  const offset = toOffset(text, position);
  const target = service.targetAt(a.analysis, a.folder, offset);
  let value: string;
  let range: Hover['range'];
  // Entities first, then dates, then the dateline; notes are added to whichever it is.
  switch (target.kind) {
    case 'entity':
      value = entityCard(target.mention, target.entity, a.analysis, a.folder);
      range = toRange(text, target.mention.start, target.mention.end);
      break;
    case 'date': {
      value = dateCard(target.date, a.analysis);
      range = toRange(text, target.date.start, target.date.end);
      // The date of a dateline: say what it is used for as well.
      const dl = a.analysis.article.dateline;
      if (dl && dl.start <= target.date.start && target.date.end <= dl.end) value = `${datelineNote(a.analysis)}\n\n${value}`;
      break;
    }
    case 'dateline': {
      const dl = a.analysis.article.dateline!;
      value = datelineNote(a.analysis);
      range = toRange(text, dl.start, dl.end);
      break;
    }
    default: {
      // Only notes and tags here: they get a hover of their own.
      const notes = notesAt(a.analysis, offset);
      if (!notes.length) return null;
      return { contents: { kind: MarkupKind.Markdown, value: noteLines(notes).join('\n') }, range: toRange(text, notes[0].start, notes[0].end) };
    }
  }
  const notes = notesAt(a.analysis, offset);
  if (notes.length) value += `\n\n---\n${noteLines(notes).join('\n')}`;
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}

/** The user's notes and tags (annotation sidecar) on spans that contain `offset`. */
function notesAt(a: ArticleAnalysis, offset: number): NonNullable<ArticleAnalysis['notes']> {
  return (a.notes ?? []).filter((n) => n.start <= offset && offset <= n.end);
}

function noteLines(notes: NonNullable<ArticleAnalysis['notes']>): string[] {
  return notes.map((n) => (n.kind === 'tag' ? `Tag: **${esc(n.body)}**` : `Note: ${esc(n.body)}`));
}

/** Hover over an entry of a registry file: the same card, with the workspace mention count. */
function registryHover(service: AttacheService, uri: string, position: Position): Hover | null {
  const folder = service.folderFor(uri);
  const status = folder.snapshot.files.get(uri);
  if (!status) return null;
  const offset = toOffset(status.text, position);
  // Over a reference value (`office: japan-foreign-minister`): the card of the entity it names.
  const e = service.entityAtRegistryOffset(folder, uri, offset);
  if (!e) return null;
  // Over the entry's own id: its card, with how often the workspace mentions it.
  if (e.source.idRange[0] <= offset && offset <= e.source.idRange[1]) {
    return { contents: { kind: MarkupKind.Markdown, value: entitySummary(e, folder) }, range: toRange(status.text, e.source.idRange[0], e.source.idRange[1]) };
  }
  const r = e.source.references.find((x) => x.range[0] <= offset && offset <= x.range[1]);
  if (!r) return null;
  const target = folder.snapshot.entities.get(r.id);
  const value = target ? entitySummary(target, folder) : `No entity has the id \`${r.id}\` in this workspace's registry.`;
  return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(status.text, r.range[0], r.range[1]) };
}

function esc(s: string): string {
  // Only what would change the rendering inside a line: names are plain text, not markup.
  return s.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

function nameOf(snap: RegistrySnapshot, id: string | undefined): string {
  if (!id) return '';
  return snap.entities.get(id)?.name ?? id;
}

/** `2021-11-10 – 2023-09-13`, `since 2012`, `until 2019`. */
export function tenure(r: Pick<Role, 'start' | 'end'>): string {
  if (r.start && r.end) return `${r.start} – ${r.end}`;
  if (r.start) return `since ${r.start}`;
  if (r.end) return `until ${r.end}`;
  return 'dates unknown';
}

function roleLabel(snap: RegistrySnapshot, r: Role): string {
  if (r.office) return nameOf(snap, r.office);
  const of = r.of ? `, ${nameOf(snap, r.of)}` : '';
  return `${r.title ?? 'role'}${of}`;
}

/** Roles whose tenure overlaps the date `value` (any TIMEX3 precision). */
export function rolesAt(roles: readonly Role[], value: string): Role[] {
  const at = dayInterval(value);
  if (!at) return [];
  // The same tenure reading as the role-conflict check, so hover and diagnostics agree.
  return roles.filter((r) => {
    const t = tenureInterval(r);
    return !!t && t[0] <= at[1] && at[0] <= t[1];
  });
}

function mentionCount(folder: Folder, id: string): string {
  const s = folder.mentionStats().get(id);
  if (!s) return 'no mentions in the workspace';
  return `${s.mentions} mention${s.mentions === 1 ? '' : 's'} in ${s.articles} article${s.articles === 1 ? '' : 's'}`;
}

/** The header, facts and links of an entity: shared by the article and registry hovers. */
function entitySummary(e: Entity, folder: Folder, roleLines?: string[]): string {
  const snap = folder.snapshot;
  const head = [`**${esc(e.name)}**`, e.type];
  const country = e.country ?? (e.type === 'office' ? e.of : undefined);
  if (country) head.push(esc(nameOf(snap, country)));
  const lines = [head.join(' · ')];
  // Each fact its own paragraph: Markdown joins consecutive lines into one.
  for (const l of roleLines ?? []) if (l) lines.push('', l);
  if (e.roles.length) {
    lines.push('', ...e.roles.map((r) => `- ${esc(roleLabel(snap, r))} (${tenure(r)})`));
  }
  if (e.type === 'event' && e.date) lines.push('', `Date: ${e.date}`);
  const aliases = [...e.aliases, ...e.demonyms];
  if (aliases.length) lines.push('', `Also: ${aliases.map(esc).join(', ')}`);
  if (e.description) lines.push('', esc(e.description));
  const foot: string[] = [];
  if (e.wikidata && /^Q\d+$/.test(e.wikidata)) foot.push(`[${e.wikidata}](https://www.wikidata.org/wiki/${e.wikidata})`);
  foot.push(mentionCount(folder, e.id));
  lines.push('', foot.join(' · '));
  return lines.join('\n');
}

export function entityCard(m: EntityMention, e: Entity | undefined, a: ArticleAnalysis, folder: Folder): string {
  const snap = folder.snapshot;
  if (!e) {
    if (m.candidates.length) {
      return [`**${esc(m.text)}** is ambiguous: it may be`, ...m.candidates.map((id) => `- ${esc(nameOf(snap, id))} (\`${id}\`)`)].join('\n');
    }
    const guess = m.guessedType ? ` (looks like ${/^[aeiou]/.test(m.guessedType) ? 'an' : 'a'} ${m.guessedType})` : '';
    return `**${esc(m.text)}** is not in the registry${guess}. The quick fix adds it.`;
  }
  const roleLines: string[] = [];
  if (e.type === 'person') {
    const ref = referenceDate(a.article, a.dates, m.officeRange ? Math.min(m.start, m.officeRange[0]) : m.start, m.officeRange ? Math.max(m.end, m.officeRange[1]) : m.end);
    if (ref.value) {
      const held = rolesAt(e.roles, ref.value);
      const when = `${valueInWords(ref.value)} (${REFERENCE_SOURCE[ref.source]})`;
      roleLines.push('', held.length ? `At ${when}: ${held.map((r) => esc(roleLabel(snap, r))).join('; ')}` : `At ${when}: no registered office`);
    }
    if (m.office) roleLines.push(`Named here as: ${esc(nameOf(snap, m.office))}`);
  } else if (e.type === 'office') {
    // Who held the office at the mention's reference date.
    const ref = referenceDate(a.article, a.dates, m.start, m.end);
    const at = ref.value ? dayInterval(ref.value) : null;
    if (ref.value && at) {
      const holders = (officeHolders(snap).get(e.id) ?? []).filter((t) => t.interval[0] <= at[1] && at[0] <= t.interval[1]);
      roleLines.push('', `${holders.length ? `Held by ${holders.map((t) => esc(t.person.name)).join(', ')}` : 'No registered holder'} ${esc(describeWhen(ref.value))}`);
    }
  }
  // Its last line is the foot (Wikidata, mentions): the timeline link joins it.
  return entitySummary(e, folder, roleLines) + timelineLink(a.path, e);
}

/**
 * ` · [Show on timeline](command:…)` for a person, an office or an event: the client's timeline of
 * that entity (the client trusts this one command in hovers, and no other).
 */
function timelineLink(uri: string, e: Entity): string {
  if (e.type !== 'person' && e.type !== 'office' && e.type !== 'event') return '';
  const args = encodeURIComponent(JSON.stringify([{ uri, entity: e.id }]));
  return ` · [Show on timeline](command:${CLIENT_COMMANDS.showTimeline}?${args} "All the roles and dated mentions of ${esc(e.name).replace(/"/g, '')}")`;
}

/** How the hover names where a reference date comes from. */
const REFERENCE_SOURCE: Record<ReferenceDate['source'], string> = {
  sentence: 'date in the sentence',
  paragraph: 'date in the paragraph',
  publication: 'publication date',
  none: 'no date',
};

const KIND_LABEL: Record<DateMention['kind'], string> = {
  absolute: 'absolute date',
  partial: 'partial date',
  relative: 'relative date',
  weekday: 'weekday',
  range: 'range',
  decade: 'decade',
  season: 'season',
  quarter: 'quarter',
  half: 'half-year',
  fiscal: 'fiscal year',
  century: 'century',
  offset: 'offset date',
  anaphoric: 'date relative to an earlier date',
  duration: 'duration',
  set: 'recurring time',
  time: 'time of day',
  reference: 'general time reference',
};

/**
 * The date card: the value in words with its relation to the article ("Friday 22 March 2013 ·
 * the publication day", "Wednesday 5 March 2025 · 2 days after 3 March 2025 (line 4)"), then the
 * TIMEX3 value, kind and anchor with its source on one line, then the rule in the recognizer's
 * words. Paragraphs are separated by blank lines so Markdown never runs them together.
 */
export function dateCard(d: DateMention, a: ArticleAnalysis): string {
  const lines: string[] = [];
  const words = describeDateValue(d);
  if (words === null) lines.push(`**${esc(d.text)}** · unresolved ${KIND_LABEL[d.kind]}`);
  else {
    const relation = describeRelation(d, a.article, a.dates);
    lines.push(`**${esc(words)}**${relation ? ` · ${esc(relation)}` : ''}`);
  }
  const facts: string[] = [];
  if (d.value !== null) facts.push(`\`${d.value}\``);
  facts.push(KIND_LABEL[d.kind]);
  const anchor = describeAnchor(d, a.article, a.dates);
  if (anchor) facts.push(esc(anchor));
  lines.push('', facts.join(' · '));
  // The rule says how the value was obtained, in the recognizer's words.
  if (d.resolution.rule && d.resolution.rule !== KIND_LABEL[d.kind]) lines.push('', esc(d.resolution.rule));
  if (d.uncertain) lines.push('', `Uncertain: ${esc(d.uncertain)}`);
  if (d.annotation) lines.push('', `Value set by annotation \`${d.annotation}\``);
  return lines.join('\n');
}

function datelineNote(a: ArticleAnalysis): string {
  const art = a.article;
  const dl = art.dateline!;
  if (art.publicationDateSource === 'dateline') return `**Dateline** · used as the publication date: **${art.publicationDate}**`;
  if (art.publicationDateSource === 'front-matter') {
    return `**Dateline**${dl.date ? ` (${dl.date})` : ''} · the front matter date **${art.publicationDate}** is the publication date`;
  }
  return `**Dateline** without a year: not used as the publication date; add \`date:\` front matter`;
}
