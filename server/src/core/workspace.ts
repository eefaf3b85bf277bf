/**
 * The workspace index: the cross-article checks, kept up to date one article at a time.
 *
 * - `boilerplate`: a paragraph (six words or more, folded as `duplicate-paragraph` folds) that also
 *   occurs in two or more OTHER articles — legal disclaimers, "Most popular stories" lists.
 * - `event-date-conflict` (cross-article part): an event this article dates (a date in the sentence
 *   of its mention) that another article dates with no day in common. Events the registry itself
 *   dates are left to the article-local check, which compares each article with the registry.
 *
 * Each article is reduced to a small summary (paragraph fingerprints with their ranges, dated event
 * mentions), and the index keeps inverted maps fingerprint → articles and event → articles.
 * Architecture Invariant: `update` and `remove` cost O(size of that article) and never look at
 * another article's text; they return the OTHER articles whose workspace findings changed, so the
 * server republishes exactly those.
 *
 * To keep that set small even for a disclaimer shared by thousands of articles, findings never
 * carry a count of the other articles: a boilerplate finding names only the next few articles
 * after this one in the fingerprint's member ring (each member shows its successors), and an
 * event-date finding names the first few articles of each bucket of disagreeing dates. Adding or
 * removing one article then changes the findings of a bounded number of others, except when it
 * creates or ends a disagreement, which every article on the other side must show.
 */

import { ArticleAnalysis, finalizeFindings } from './analyze';
import { paragraphPrints } from './checks/duplicate-paragraph';
import { dayInterval, describeIsoDate } from './calendar';
import { eventDateClaims } from './checks/event-date-conflict';
import { MIN_WORDS, baseName } from './checks/text';
import { CoreSettings, Finding, RegistrySnapshot, finding } from './types';

/** How many other articles a boilerplate finding names in its related information. */
export const BOILERPLATE_RELATED = 3;
/** A paragraph is boilerplate when it occurs in at least this many other articles. */
export const BOILERPLATE_MIN_OTHERS = 2;
/** How many conflicting articles an event-date finding names in its related information. */
export const EVENT_RELATED = 5;

export interface Range {
  start: number;
  end: number;
}

export interface DatedValue extends Range {
  value: string;
  text: string;
  /** The value's days (inclusive), precomputed so comparisons across articles are cheap. */
  days: [number, number];
  /** Why the recognizer was unsure of this date, if it was. */
  uncertain?: string;
}

export interface EventSummary {
  /** The surface text of the first dated mention (the name shown when the registry has no entry). */
  mention: string;
  /** The dates the article gives the event; the first is the one nearest its first dated mention. */
  values: DatedValue[];
  /** The distinct values, sorted: articles with the same key give the event the same dates. */
  key: string;
  /** For change detection: the values with their ranges. */
  signature: string;
}

/**
 * The articles that date one event, bucketed by the dates they give it. Dates vary little between
 * articles, so there are few buckets, and finding the articles that disagree with one article
 * costs O(buckets), not O(articles).
 */
interface EventBucket {
  days: [number, number][];
  /** In insertion order; the first ones are named in findings. */
  paths: Set<string>;
}

/** True when two sets of dates have no day in common. */
export function conflicts(a: readonly { days: [number, number] }[], b: readonly [number, number][]): boolean {
  for (const x of a) for (const y of b) if (x.days[0] <= y[1] && y[0] <= x.days[1]) return false;
  return true;
}

/**
 * What the workspace checks keep of one article. Built from an analysis (`summarize`) or, for a
 * sharded run, from the claims an earlier process wrote (`summaryOf`), so the index never needs
 * the article's text.
 */
export interface ArticleSummary {
  /** Fingerprint → range of its first paragraph in the article (paragraphs of six words or more). */
  paragraphs: Map<string, Range>;
  events: Map<string, EventSummary>;
}

/** The articles sharing one fingerprint, in a ring: each member's findings name its successors. */
class Ring {
  readonly members: string[] = [];
  /**
   * Member → index, made only once the ring grows past a few members: most paragraphs occur in
   * one article, and a Map per ring made the index of a big corpus several times heavier.
   */
  private pos: Map<string, number> | null = null;

  indexOf(path: string): number {
    return this.pos ? this.pos.get(path)! : this.members.indexOf(path);
  }

  push(path: string): void {
    this.members.push(path);
    if (this.pos) this.pos.set(path, this.members.length - 1);
    else if (this.members.length > 8) this.pos = new Map(this.members.map((p, i) => [p, i]));
  }

  /** Swap-remove: the last member takes the place of the member at `j`. */
  removeAt(j: number): void {
    const path = this.members[j];
    const last = this.members[this.members.length - 1];
    this.members[j] = last;
    this.pos?.set(last, j);
    this.members.pop();
    this.pos?.delete(path);
  }

  /** The up to `k` members before index `i`, cyclically (those whose successors include `i`). */
  predecessors(i: number, k: number): string[] {
    const n = this.members.length;
    const out: string[] = [];
    for (let d = 1; d <= Math.min(k, n - 1); d++) out.push(this.members[(i - d + n) % n]);
    return out;
  }

  successors(i: number, k: number): string[] {
    const n = this.members.length;
    const out: string[] = [];
    for (let d = 1; d <= Math.min(k, n - 1); d++) out.push(this.members[(i + d) % n]);
    return out;
  }
}

/** Adds every article of the buckets whose dates disagree with `e`'s. */
function addDisagreeing(buckets: Map<string, EventBucket>, e: EventSummary, affected: Set<string>): void {
  for (const b of buckets.values()) if (conflicts(e.values, b.days)) for (const p of b.paths) affected.add(p);
}

function firstOf<T>(xs: Iterable<T>, n: number): T[] {
  const out: T[] = [];
  for (const x of xs) {
    if (out.length >= n) break;
    out.push(x);
  }
  return out;
}

/**
 * What the index keeps of one article: its summary, packed. A big corpus keeps one per article, so
 * the paragraph ranges are a flat array of numbers (start, end, start, end, …, in the order of
 * `keys`) rather than a Map of range objects; looking a fingerprint up is a scan of the article's
 * few paragraphs. Articles dating no event share one empty map.
 */
interface Stored {
  keys: string[];
  spans: number[];
  events: ReadonlyMap<string, EventSummary>;
}

const NO_EVENTS: ReadonlyMap<string, EventSummary> = new Map();
const EMPTY: Stored = { keys: [], spans: [], events: NO_EVENTS };

function pack(s: ArticleSummary): Stored {
  const keys: string[] = [];
  const spans: number[] = [];
  for (const [fp, r] of s.paragraphs) {
    keys.push(fp);
    spans.push(r.start, r.end);
  }
  if (!s.events.size) return { keys, spans, events: NO_EVENTS };
  const events = new Map<string, EventSummary>();
  for (const [id, e] of s.events) {
    const values = e.values.map((v) => ({ ...v, value: own(v.value), text: own(v.text) }));
    events.set(id, { mention: own(e.mention), values, key: e.key, signature: e.signature });
  }
  return { keys, spans, events };
}

/**
 * A copy of `s` that holds no reference to a longer string: a mention's text sliced out of its
 * article would otherwise keep the whole article text in memory for as long as the index lives.
 */
function own(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** The range of fingerprint `fp` in a stored article (which has it). */
function rangeOf(s: Stored, fp: string): Range {
  const i = s.keys.indexOf(fp);
  return { start: s.spans[2 * i], end: s.spans[2 * i + 1] };
}

/**
 * The articles sharing one fingerprint: the article's path while only one has it (most paragraphs
 * occur in one article, and a Ring for each made the index of a big corpus much heavier).
 */
type Members = string | Ring;

function sizeOf(m: Members): number {
  return typeof m === 'string' ? 1 : m.members.length;
}

export class WorkspaceIndex {
  private readonly summaries = new Map<string, Stored>();
  private readonly rings = new Map<string, Members>();
  /** Event id → dates key → bucket. */
  private readonly eventBuckets = new Map<string, Map<string, EventBucket>>();
  private registry: RegistrySnapshot | undefined;

  constructor(registry?: RegistrySnapshot) {
    this.registry = registry;
  }

  /**
   * The registry decides which events are dated there (those are not compared across articles).
   * A new registry changes findings everywhere; callers re-publish all articles anyway then.
   */
  setRegistry(registry: RegistrySnapshot | undefined): void {
    this.registry = registry;
  }

  get size(): number {
    return this.summaries.size;
  }

  has(path: string): boolean {
    return this.summaries.has(path);
  }

  paths(): string[] {
    return [...this.summaries.keys()];
  }

  /** Adds or replaces one article. Returns the other articles whose workspace findings changed. */
  update(path: string, analysis: ArticleAnalysis): Set<string> {
    return this.replace(path, summarize(analysis));
  }

  /**
   * As `update`, from a summary made earlier: in a worker thread of `--jobs`, or by another
   * process of a sharded run (see `summaryOf`). Same result as `update` with that analysis.
   */
  updateSummary(path: string, summary: ArticleSummary): Set<string> {
    return this.replace(path, summary);
  }

  /**
   * `updateSummary` for a caller that needs no list of changed articles (a CLI run adds each
   * article once): the same index, without the work of finding whom the article affects.
   */
  addSummary(path: string, summary: ArticleSummary): void {
    if (this.summaries.has(path)) {
      this.replace(path, summary);
      return;
    }
    for (const fp of summary.paragraphs.keys()) this.push(fp, path);
    for (const [id, cur] of summary.events) {
      let buckets = this.eventBuckets.get(id);
      if (!buckets) this.eventBuckets.set(id, (buckets = new Map()));
      let b = buckets.get(cur.key);
      if (!b) buckets.set(cur.key, (b = { days: cur.values.map((v) => v.days), paths: new Set() }));
      b.paths.add(path);
    }
    this.summaries.set(path, pack(summary));
  }

  /** Adds `path` at the end of the fingerprint's members; returns them. */
  private push(fp: string, path: string): Members {
    const m = this.rings.get(fp);
    if (m === undefined) {
      this.rings.set(fp, path);
      return path;
    }
    if (typeof m !== 'string') {
      m.push(path);
      return m;
    }
    const ring = new Ring();
    ring.push(m);
    ring.push(path);
    this.rings.set(fp, ring);
    return ring;
  }

  /** Forgets one article. Returns the other articles whose workspace findings changed. */
  remove(path: string): Set<string> {
    if (!this.summaries.has(path)) return new Set();
    return this.replace(path, null);
  }

  private replace(path: string, next: ArticleSummary | null): Set<string> {
    const prev = this.summaries.get(path) ?? EMPTY;
    const now = next ? pack(next) : EMPTY;
    const affected = new Set<string>();
    const nowParagraphs = next?.paragraphs ?? new Map<string, Range>();
    const prevAt = new Map(prev.keys.map((fp, i) => [fp, i]));
    for (const fp of prev.keys) if (!nowParagraphs.has(fp)) this.leaveRing(fp, path, affected);
    for (const [fp, r] of nowParagraphs) {
      const i = prevAt.get(fp);
      if (i === undefined) this.joinRing(fp, path, affected);
      else if (prev.spans[2 * i] !== r.start || prev.spans[2 * i + 1] !== r.end) {
        // Only the related information of the members that show this article changes.
        const ring = this.rings.get(fp)!;
        if (typeof ring !== 'string' && ring.members.length - 1 >= BOILERPLATE_MIN_OTHERS) {
          for (const p of ring.predecessors(ring.indexOf(path), BOILERPLATE_RELATED)) affected.add(p);
        }
      }
    }
    // An article's event findings depend on this one only if the two conflict (before or after):
    // then the conflict itself, the count or the related information may change.
    // An article's event finding names only the first few articles of each bucket that disagrees
    // with it, so this article matters to others only while it is among the first few of its
    // bucket. Outside them its bucket has enough other members that no conflict appears or goes.
    for (const [id, old] of prev.events) {
      const cur = now.events.get(id);
      if (cur && cur.signature === old.signature) continue;
      const buckets = this.eventBuckets.get(id)!;
      const b = buckets.get(old.key)!;
      if (firstOf(b.paths, EVENT_RELATED).includes(path)) addDisagreeing(buckets, old, affected);
      // Same dates at new offsets: the article keeps its place in the bucket.
      if (cur && cur.key === old.key) continue;
      b.paths.delete(path);
      if (b.paths.size === 0) buckets.delete(old.key);
      if (buckets.size === 0) this.eventBuckets.delete(id);
    }
    for (const [id, cur] of now.events) {
      const old = prev.events.get(id);
      if (old && (old.signature === cur.signature || old.key === cur.key)) continue;
      let buckets = this.eventBuckets.get(id);
      if (!buckets) this.eventBuckets.set(id, (buckets = new Map()));
      let b = buckets.get(cur.key);
      if (!b) buckets.set(cur.key, (b = { days: cur.values.map((v) => v.days), paths: new Set() }));
      b.paths.add(path);
      if (b.paths.size <= EVENT_RELATED) addDisagreeing(buckets, cur, affected);
    }
    if (next) this.summaries.set(path, now);
    else this.summaries.delete(path);
    affected.delete(path);
    return affected;
  }

  private joinRing(fp: string, path: string, affected: Set<string>): void {
    const ring = this.push(fp, path);
    const n = sizeOf(ring);
    if (typeof ring === 'string') affected.add(ring);
    else if (n <= BOILERPLATE_RELATED + 2) {
      // Small rings: the threshold may have been crossed and every window grows.
      for (const p of ring.members) affected.add(p);
    } else {
      for (const p of ring.predecessors(n - 1, BOILERPLATE_RELATED)) affected.add(p);
    }
  }

  private leaveRing(fp: string, path: string, affected: Set<string>): void {
    const ring = this.rings.get(fp)!;
    if (typeof ring === 'string') {
      this.rings.delete(fp);
      return;
    }
    const n = ring.members.length;
    const j = ring.indexOf(path);
    const small = n <= BOILERPLATE_RELATED + 2;
    const last = ring.members[n - 1];
    if (!small) {
      for (const p of ring.predecessors(j, BOILERPLATE_RELATED)) affected.add(p);
      for (const p of ring.predecessors(n - 1, BOILERPLATE_RELATED)) affected.add(p);
      affected.add(last);
    }
    // Swap-remove: the last member takes the leaving member's place.
    ring.removeAt(j);
    if (ring.members.length === 0) {
      this.rings.delete(fp);
      return;
    }
    if (small) for (const p of ring.members) affected.add(p);
    else if (j < ring.members.length) for (const p of ring.predecessors(j, BOILERPLATE_RELATED)) affected.add(p);
    if (ring.members.length === 1) this.rings.set(fp, ring.members[0]);
  }

  /** The workspace findings of one article, severities applied, sorted by position. */
  findingsFor(path: string, settings?: CoreSettings): Finding[] {
    const s = this.summaries.get(path);
    if (!s) return [];
    const raw: Finding[] = [];
    for (let i = 0; i < s.keys.length; i++) {
      const fp = s.keys[i];
      const ring = this.rings.get(fp)!;
      if (typeof ring === 'string' || ring.members.length - 1 < BOILERPLATE_MIN_OTHERS) continue;
      const shown = ring.successors(ring.indexOf(path), BOILERPLATE_RELATED).map((p) => ({ path: p, ...rangeOf(this.summaries.get(p)!, fp) }));
      raw.push(boilerplateFinding(s.spans[2 * i], s.spans[2 * i + 1], ring.members.length, shown));
    }
    for (const [id, mine] of s.events) {
      if (this.registry?.entities.get(id)?.date) continue;
      const shown: [string, DatedValue][] = [];
      for (const b of this.eventBuckets.get(id)!.values()) {
        if (shown.length >= EVENT_RELATED) break;
        if (!conflicts(mine.values, b.days)) continue;
        for (const p of firstOf(b.paths, EVENT_RELATED - shown.length)) shown.push([p, this.summaries.get(p)!.events.get(id)!.values[0]]);
      }
      const f = eventDateFinding(this.registry, id, mine, shown);
      if (f) raw.push(f);
    }
    return finalizeFindings(raw, settings);
  }
}

/**
 * The `boilerplate` finding on a paragraph at `start`–`end` whose fingerprint `members` articles
 * share (this one included), naming `shown`, the ring's next members after this article with the
 * range of the paragraph in each. Shared with the CLI's on-disk pass (cli/crossArticle.ts).
 */
export function boilerplateFinding(start: number, end: number, members: number, shown: readonly { path: string; start: number; end: number }[]): Finding {
  const names = shown.map((r) => baseName(r.path));
  const message = `This paragraph also occurs in at least ${BOILERPLATE_MIN_OTHERS} other articles of the workspace (${names.join(', ')}${members - 1 > shown.length ? ', …' : ''}), so it is probably boilerplate such as a disclaimer or a list of links, not part of the story.`;
  const related = shown.map((r) => ({ path: r.path, start: r.start, end: r.end, message: `The same paragraph in ${baseName(r.path)}` }));
  return finding('boilerplate', start, end, message, { related, unnecessary: true });
}

/** A date of an event as a finding reads it. */
type ShownDate = Pick<DatedValue, 'value' | 'start' | 'end' | 'text' | 'uncertain'>;

/**
 * The `event-date-conflict` finding of an article that dates event `id` with `mine` while the
 * articles of `shown` (path, the first date each gives the event) disagree; null when none does or
 * the registry dates the event. Shared with the CLI's on-disk pass (cli/crossArticle.ts).
 */
export function eventDateFinding(registry: RegistrySnapshot | undefined, id: string, mine: { mention: string; values: readonly ShownDate[] }, shown: readonly [string, ShownDate][]): Finding | null {
  const entity = registry?.entities.get(id);
  if (entity?.date || !shown.length) return null;
  const name = entity?.name ?? mine.mention;
  const here = mine.values[0];
  const [p0, v0] = shown[0];
  const others = shown.length > 1 ? ' (other articles disagree too: see the related information)' : '';
  const message = `${name} is dated ${describeIsoDate(here.value)} here, but ${baseName(p0)} dates it ${describeIsoDate(v0.value)}${others}. At most one of them is right: check the date and record it in the registry.`;
  const related = shown.map(([p, v]) => ({
    path: p, start: v.start, end: v.end,
    message: `${baseName(p)} dates ${name} ${describeIsoDate(v.value)} ('${v.text}')`,
  }));
  // Uncertain when a date it compares was read uncertainly: one of this article's, or the other article's.
  const uncertain = mine.values.find((v) => v.uncertain)?.uncertain ?? v0.uncertain;
  return finding('event-date-conflict', here.start, here.end, message, { related, ...(uncertain ? { uncertain } : {}) });
}

/** A date an article gives an event, as the workspace checks keep it (offsets into that article). */
export interface EventDateClaim extends Range {
  value: string;
  text: string;
  uncertain?: string;
}

/**
 * The part of an article the workspace checks need: O(size of the article) to build. `keyOf`
 * turns each paragraph fingerprint into the key kept: the CLI keeps a digest (`paragraphDigest`
 * in cli/claims.ts, or the claims' `fingerprintHash`; 16 characters per paragraph instead of the
 * folded paragraph; the same findings), made here rather than in a second summary with the keys
 * replaced.
 */
export function summarize(a: ArticleAnalysis, keyOf?: (key: string) => string): ArticleSummary {
  const paragraphs: [string, Range][] = [];
  const prints = paragraphPrints(a.article, undefined, a.memo);
  const ps = a.article.paragraphs;
  for (let i = 0; i < ps.length; i++) {
    const pr = prints[i];
    if (pr.wordCount >= MIN_WORDS && pr.first === i) paragraphs.push([keyOf ? keyOf(pr.key) : pr.key, { start: ps[i].start, end: ps[i].end }]);
  }
  const events: { event: string; mention: string; dates: EventDateClaim[] }[] = [];
  const byId = new Map<string, EventDateClaim[]>();
  for (const c of eventDateClaims(a.article, a.entities, a.dates, a.memo)) {
    let dates = byId.get(c.event);
    if (!dates) {
      byId.set(c.event, (dates = []));
      events.push({ event: c.event, mention: c.mention.text, dates });
    }
    for (const d of c.dates) dates.push({ value: d.value!, start: d.start, end: d.end, text: d.text, ...(d.uncertain ? { uncertain: d.uncertain } : {}) });
  }
  return summaryOf(paragraphs, events);
}

/**
 * A summary from its parts: paragraph fingerprints with the range of their first paragraph, and
 * per event (in order of first mention) the surface text of its first dated mention and the
 * dates given to it. Dates without a day interval and repeats of one offset are dropped here, so
 * a summary made from claims equals the one made from the analysis.
 */
export function summaryOf(paragraphs: Iterable<[string, Range]>, events: Iterable<{ event: string; mention: string; dates: readonly EventDateClaim[] }>): ArticleSummary {
  const out: ArticleSummary = { paragraphs: new Map(paragraphs), events: new Map() };
  for (const { event, mention, dates } of events) {
    let e = out.events.get(event);
    if (!e) out.events.set(event, (e = { mention, values: [], key: '', signature: '' }));
    for (const d of dates) {
      const days = d.value ? dayInterval(d.value) : null;
      if (days && !e.values.some((v) => v.start === d.start)) e.values.push({ value: d.value, start: d.start, end: d.end, text: d.text, days, ...(d.uncertain ? { uncertain: d.uncertain } : {}) });
    }
  }
  for (const [id, e] of out.events) {
    if (!e.values.length) {
      out.events.delete(id);
      continue;
    }
    e.key = [...new Set(e.values.map((v) => v.value))].sort().join(',');
    e.signature = e.values.map((v) => `${v.value}@${v.start}-${v.end}${v.uncertain ? '?' : ''}`).join(',');
  }
  return out;
}
