/**
 * `event-date-conflict` (article-local part): an event mention whose sentence dates it, when no
 * date of that sentence overlaps the event's registry `date`.
 *
 * Requiring that NO date of the sentence fits is deliberate: a sentence may name other dates
 * ("held on 29 September, a month after the announcement"), and one fitting date is enough to
 * believe the article agrees with the registry. The finding is on the date nearest the mention,
 * the one to correct. Dates of any precision compare as day intervals, so "January 2023" agrees
 * with `2023-01-31`. The cross-article part (another article dates the event differently) lives
 * in `../workspace.ts`, which reuses `eventDateClaims` from here.
 */

import { Article } from '../article';
import { dayInterval, describeIsoDate } from '../calendar';
import { DateMention, EntityMention, Finding, finding } from '../types';
import { lowerBound } from '../search';
import type { CheckContext } from './index';
import type { CheckMemo } from './memo';
import { sentenceAt } from './text';

/** One event mention and the resolved dates written in its sentence. */
export interface EventDateClaim {
  event: string;
  mention: EntityMention;
  /** Resolved dates of the sentence, nearest to the mention first. */
  dates: DateMention[];
}

/**
 * The dated event mentions of an article (mentions whose sentence holds a resolved date).
 * Read-only: kept in `memo` (the analysis's: core/checks/memo.ts), so the check and the workspace
 * summary (`summarize`) of one analysis share them.
 */
export function eventDateClaims(article: Article, entities: readonly EntityMention[], dates: readonly DateMention[], memo?: CheckMemo): readonly EventDateClaim[] {
  const hit = memo?.claims;
  if (hit && hit.entities === entities && hit.article === article && hit.dates === dates && hit.count === entities.length) return hit.claims;
  const claims = findEventDateClaims(article, entities, dates);
  if (memo) memo.claims = { article, entities, count: entities.length, dates, claims };
  return claims;
}

function findEventDateClaims(article: Article, entities: readonly EntityMention[], dates: readonly DateMention[]): EventDateClaim[] {
  const out: EventDateClaim[] = [];
  for (const m of entities) {
    if (m.type !== 'event' || !m.id) continue;
    const s = sentenceAt(article, m.start);
    if (!s) continue;
    const inSentence = datingDates(dates, s.start, s.end);
    if (!inSentence) continue;
    if (inSentence.length > 1) {
      const distance = (d: DateMention): number => (d.end <= m.start ? m.start - d.end : d.start >= m.end ? d.start - m.end : 0);
      inSentence.sort((a, b) => distance(a) - distance(b) || a.start - b.start);
    }
    out.push({ event: m.id, mention: m, dates: inSentence });
  }
  return out;
}

/**
 * The dates lying within [start, end) (by binary search on the sorted list) that date something:
 * dates and times, resolved to days; a duration ("for five years") or a set ("every week") dates
 * nothing. Undefined when there is none: most event mentions' sentences have none, and no list
 * is made for them.
 */
function datingDates(dates: readonly DateMention[], start: number, end: number): DateMention[] | undefined {
  let out: DateMention[] | undefined;
  for (let i = lowerBound(dates, start, startOf); i < dates.length && dates[i].start < end; i++) {
    const d = dates[i];
    if (d.end <= end && (d.type === undefined || d.type === 'DATE' || d.type === 'TIME') && d.value !== null && dayInterval(d.value) !== null) (out ??= []).push(d);
  }
  return out;
}

function startOf(d: DateMention): number {
  return d.start;
}

/** True when two TIMEX3 values share at least one day. */
export function valuesOverlap(a: string, b: string): boolean {
  const x = dayInterval(a);
  const y = dayInterval(b);
  return !!x && !!y && x[0] <= y[1] && y[0] <= x[1];
}

export function eventDateConflict(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const reported = new Set<number>();
  for (const claim of eventDateClaims(ctx.article, ctx.entities, ctx.dates, ctx.memo)) {
    const event = ctx.registry.entities.get(claim.event);
    if (!event?.date || !dayInterval(event.date)) continue;
    if (claim.dates.some((d) => valuesOverlap(d.value!, event.date!))) continue;
    const d = claim.dates[0];
    if (reported.has(d.start)) continue;
    reported.add(d.start);
    const message = `The registry dates ${event.name} ${describeIsoDate(event.date)} (${event.date}), but this sentence dates it ${describeIsoDate(d.value!)} ('${d.text}'). Correct the date here, or the event's date in the registry.`;
    // The verdict rests on every date of the sentence: if one was read uncertainly, so is it.
    const uncertain = claim.dates.find((x) => x.uncertain)?.uncertain;
    out.push(finding('event-date-conflict', d.start, d.end, message, {
      ...(uncertain ? { uncertain } : {}),
      related: [
        { path: event.source.path, start: event.source.range[0], end: event.source.range[1], message: `${event.name} in the registry` },
        { path: ctx.path, start: claim.mention.start, end: claim.mention.end, message: `The mention of ${event.name}` },
      ],
    }));
  }
  return out;
}
