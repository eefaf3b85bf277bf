/**
 * The cross-article checks of a CLI run over a big corpus (`boilerplate`, the cross-article part
 * of `event-date-conflict`) made on disk, so that what a run keeps in memory does not grow with
 * the corpus (#14): the same findings as the core's `WorkspaceIndex` fed every article in input
 * order (the order decides which articles a finding names), not 2.4 KB per article held to the end.
 *
 * 1. As each article comes in (`add`, article number k in input order), its claims go to an
 *    unlinked temporary file (spill.ts), partitioned by hash: each paragraph fingerprint
 *    (`k j start end fp`, j its place among the article's paragraphs) to one of P paragraph
 *    partitions, each dated event (JSON) to one of P event partitions. P grows with the number of
 *    articles the run expects, so a partition holds the claims of about 2,000 articles whatever
 *    the corpus; lines are buffered per partition (a few megabytes in all) and written in chunks.
 * 2. Once every article is in (`finish`), one partition at a time:
 *    - paragraphs: a first read counts the articles of each fingerprint (`FingerprintCount`, a
 *      few bytes each); a second keeps, for each fingerprint in three articles or more, its member
 *      count so far, its first three members and the members still waiting for their three
 *      successors (a member's finding names the next three members, cyclically, as the index's
 *      ring does). So even a disclaimer shared by every article costs a few records, not one per
 *      article.
 *    - events: a first read collects, per event, its buckets of equal dates in order of first
 *      appearance with their days and first five articles (the ones a finding may name); a second
 *      makes each article's finding from them.
 *    Each finding goes, as `k kind seq JSON`, to the bucket of its article's number range.
 * 3. `findingsFor`, asked for the articles in input order while the report is written, reads one
 *    bucket at a time and gives each article its findings in the index's order (paragraphs, then
 *    events, each in the article's order; then `finalizeFindings`).
 *
 * Fingerprints here are paragraph digests (`summarize` with `paragraphDigest`: base64url, no tab or line break).
 */

import { finalizeFindings } from '../core/analyze';
import { CoreSettings, Finding, RegistrySnapshot } from '../core/types';
import { ArticleSummary, BOILERPLATE_MIN_OTHERS, BOILERPLATE_RELATED, EVENT_RELATED, EventSummary, boilerplateFinding, conflicts, eventDateFinding } from '../core/workspace';
import { jsonString } from './jsonWrite';
import { FingerprintCount } from './fingerprintCount';
import { Segment, SpillFile } from './spill';

/** About this many articles' claims go to one partition. */
const ARTICLES_PER_PARTITION = 2048;
/** Articles per bucket of findings (read back one bucket at a time). */
const ARTICLES_PER_BUCKET = 256;
/** A partition's buffered lines are written once this long (characters)… */
const CHUNK = 1 << 15;
/** …and every buffer once all together are this long. */
const BUDGET = 1 << 22;

/**
 * Corpus size (articles) from which a CLI run makes its cross-article checks on disk: below it the
 * index in memory is faster and small. `ATTACHE_CROSS_ARTICLE=disk` or `=memory` chooses (tests).
 */
export const DISK_FROM_ARTICLES = 2000;

/**
 * The temporary file for a run over `articles` articles that makes its cross-article checks on
 * disk, or undefined when it keeps them in memory (a small corpus, or no usable temporary folder:
 * the same findings either way).
 */
export function crossArticleFile(articles: number, env: NodeJS.ProcessEnv = process.env): SpillFile | undefined {
  const mode = env.ATTACHE_CROSS_ARTICLE;
  if (mode === 'memory' || (mode !== 'disk' && articles < DISK_FROM_ARTICLES)) return undefined;
  try {
    return new SpillFile();
  } catch {
    return undefined;
  }
}

/** Lines appended to numbered partitions of one temporary file, buffered. */
class Partitions {
  private readonly bufs: string[];
  private readonly segs: Segment[][];
  private buffered = 0;

  constructor(private readonly file: SpillFile, readonly count: number) {
    this.bufs = Array.from({ length: count }, () => '');
    this.segs = Array.from({ length: count }, () => []);
  }

  add(i: number, line: string): void {
    this.bufs[i] += line;
    this.buffered += line.length;
    if (this.bufs[i].length >= CHUNK) this.flush(i);
    else if (this.buffered >= BUDGET) for (let j = 0; j < this.count; j++) this.flush(j);
  }

  private flush(i: number): void {
    const s = this.bufs[i];
    if (!s) return;
    this.segs[i].push(this.file.segment((w) => w(s)));
    this.buffered -= s.length;
    this.bufs[i] = '';
  }

  /** The lines of partition `i` in the order they were added (may be read again). */
  *lines(i: number): Generator<string> {
    this.flush(i);
    for (const seg of this.segs[i]) yield* this.file.lines(seg);
  }

  /** Forgets partition `i` (its bytes stay in the file until it is closed). */
  drop(i: number): void {
    this.segs[i] = [];
  }
}

/**
 * The paragraph and event partitions: `Partitions` whose lines (`k j start end fp`, an event
 * record's JSON) are written as bytes into one buffer per partition, numbers by their digits, so
 * that adding a paragraph or an event makes no string (the collector's time was mostly those
 * strings and their UTF-8). Read back as bytes, a line at a time.
 */
class BytePartitions {
  private readonly bufs: Uint8Array<ArrayBuffer>[];
  private readonly used: Int32Array;
  private readonly segs: Segment[][];
  private buffered = 0;

  constructor(private readonly file: SpillFile, readonly count: number) {
    this.bufs = Array.from({ length: count }, () => new Uint8Array(0));
    this.used = new Int32Array(count);
    this.segs = Array.from({ length: count }, () => []);
  }

  /** Appends the line `k\tj\tstart\tend\tfp\n` to partition `i` (numbers: non-negative integers). */
  add(i: number, k: number, j: number, start: number, end: number, fp: string): void {
    // Digits of four numbers and their separators, and the fingerprint's UTF-8 (3 bytes a code unit at most).
    const need = 4 * 25 + 3 * fp.length + 1;
    const buf = this.room(i, need);
    let at = this.used[i];
    at = putCount(buf, at, k);
    buf[at++] = 9;
    at = putCount(buf, at, j);
    buf[at++] = 9;
    at = putCount(buf, at, start);
    buf[at++] = 9;
    at = putCount(buf, at, end);
    buf[at++] = 9;
    let ascii = true;
    for (let c = 0; c < fp.length; c++) {
      const code = fp.charCodeAt(c);
      if (code >= 0x80) {
        ascii = false;
        break;
      }
      buf[at + c] = code;
    }
    at = ascii ? at + fp.length : at + UTF8.encodeInto(fp, buf.subarray(at)).written;
    buf[at++] = 10;
    this.done(i, at);
  }

  /**
   * Appends the JSON line of an event record (`EventRecord`: article, place among its events, id,
   * the event's summary) to partition `i`, written into the bytes as `JSON.stringify` would give
   * the values (`JSON.parse` reads them back the same), no array or string made for it.
   */
  addEvent(i: number, k: number, e: number, id: string, ev: EventSummary): void {
    let need = 16 + 2 * 25 + 6 * (id.length + ev.mention.length + ev.key.length);
    for (const v of ev.values) need += 16 + 4 * 25 + 6 * (v.value.length + v.text.length + (v.uncertain?.length ?? 0));
    const buf = this.room(i, need);
    let at = this.used[i];
    buf[at++] = 91;
    at = putJsonNumber(buf, at, k);
    buf[at++] = 44;
    at = putJsonNumber(buf, at, e);
    buf[at++] = 44;
    at = putJsonString(buf, at, id);
    buf[at++] = 44;
    at = putJsonString(buf, at, ev.mention);
    buf[at++] = 44;
    at = putJsonString(buf, at, ev.key);
    buf[at++] = 44;
    buf[at++] = 91;
    for (let d = 0; d < ev.values.length; d++) {
      const v = ev.values[d];
      if (d) buf[at++] = 44;
      buf[at++] = 91;
      at = putJsonString(buf, at, v.value);
      buf[at++] = 44;
      at = putJsonNumber(buf, at, v.start);
      buf[at++] = 44;
      at = putJsonNumber(buf, at, v.end);
      buf[at++] = 44;
      at = putJsonString(buf, at, v.text);
      buf[at++] = 44;
      if (v.uncertain === undefined || v.uncertain === null) buf[at++] = 48;
      else at = putJsonString(buf, at, v.uncertain);
      buf[at++] = 44;
      at = putJsonNumber(buf, at, v.days[0]);
      buf[at++] = 44;
      at = putJsonNumber(buf, at, v.days[1]);
      buf[at++] = 93;
    }
    buf[at++] = 93;
    buf[at++] = 93;
    buf[at++] = 10;
    this.done(i, at);
  }

  /** Partition `i`'s buffer, with room for `need` more bytes after `used[i]`. */
  private room(i: number, need: number): Uint8Array {
    const buf = this.bufs[i];
    const at = this.used[i];
    if (buf.length >= at + need) return buf;
    const bigger = new Uint8Array(Math.max(at + need, 2 * buf.length, 1024));
    bigger.set(buf.subarray(0, at));
    return (this.bufs[i] = bigger);
  }

  /** Partition `i` now written up to `at`: flushed when it, or all of them together, are long. */
  private done(i: number, at: number): void {
    this.buffered += at - this.used[i];
    this.used[i] = at;
    if (at >= CHUNK) this.flush(i);
    else if (this.buffered >= BUDGET) for (let p = 0; p < this.count; p++) this.flush(p);
  }

  private flush(i: number): void {
    const n = this.used[i];
    if (!n) return;
    const buf = this.bufs[i];
    this.segs[i].push(this.file.segmentBytes((w) => w(buf, n)));
    this.buffered -= n;
    this.used[i] = 0;
  }

  /**
   * Each line of partition `i` in the order they were added (may be read again), as bytes:
   * `line(buf, start, end)`, the line `buf[start, end)` without its line break, valid during the
   * call. No string per line: most paragraphs are only counted.
   */
  eachLine(i: number, line: (buf: Uint8Array, start: number, end: number) => void): void {
    this.flush(i);
    // A line the read split between two pieces (a segment longer than one read) is put together here.
    let rest: Uint8Array | undefined;
    for (const seg of this.segs[i]) {
      this.file.readBytes(seg, (buf, start, end) => {
        let from = start;
        for (let nl = buf.indexOf(10, from); nl >= 0 && nl < end; nl = buf.indexOf(10, from)) {
          if (rest) {
            const whole = joined(rest, buf, from, nl);
            rest = undefined;
            line(whole, 0, whole.length);
          } else line(buf, from, nl);
          from = nl + 1;
        }
        if (from < end) rest = joined(rest ?? new Uint8Array(0), buf, from, end);
      });
    }
    if (rest) line(rest, 0, rest.length);
  }

  /** Forgets partition `i` (its bytes stay in the file until it is closed). */
  drop(i: number): void {
    this.segs[i] = [];
    this.bufs[i] = new Uint8Array(0);
  }
}

const UTF8 = new TextEncoder();
const UTF8_TEXT = new TextDecoder();

/** `a` followed by `buf[from, to)`, in a new array. */
function joined(a: Uint8Array, buf: Uint8Array, from: number, to: number): Uint8Array {
  const out = new Uint8Array(a.length + to - from);
  out.set(a);
  out.set(buf.subarray(from, to), a.length);
  return out;
}

/**
 * Writes a string as JSON text (as `JSON.stringify` gives it) at `at`, with room for 6 bytes a
 * code unit; gives where it ends. ASCII with nothing to escape (nearly every id, key and date
 * text) is copied code unit by code unit.
 */
function putJsonString(buf: Uint8Array, at: number, s: string): number {
  if (typeof s !== 'string') return putAscii(buf, at, JSON.stringify(s) ?? 'null');
  buf[at] = 34;
  let n = at + 1;
  for (let c = 0; c < s.length; c++) {
    const code = s.charCodeAt(c);
    if (code < 32 || code > 126 || code === 34 || code === 92) return at + UTF8.encodeInto(jsonString(s), buf.subarray(at)).written;
    buf[n++] = code;
  }
  buf[n++] = 34;
  return n;
}

/** Writes a number as `JSON.stringify` writes it (`null` when it is not finite). */
function putJsonNumber(buf: Uint8Array, at: number, v: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return putAscii(buf, at, JSON.stringify(v) ?? 'null');
  return putCount(buf, at, v);
}

function putAscii(buf: Uint8Array, at: number, s: string): number {
  for (let c = 0; c < s.length; c++) buf[at++] = s.charCodeAt(c);
  return at;
}

/** The number `putCount` wrote at `buf[from, to)`. */
function countAt(buf: Uint8Array, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const d = buf[i] - 48;
    // Not only digits, or more than a double holds exactly: read as `Number` reads its text.
    if (d < 0 || d > 9 || to - from > 15) return Number(UTF8_TEXT.decode(buf.subarray(from, to)));
    v = 10 * v + d;
  }
  return from < to ? v : 0;
}

/** Writes the decimal digits of a non-negative integer at `at`; gives where they end. */
function putCount(buf: Uint8Array, at: number, v: number): number {
  if (!(v >= 0 && v <= Number.MAX_SAFE_INTEGER && Number.isInteger(v))) {
    // Not an offset (never in a summary): its text as `${v}` writes it.
    const s = String(v);
    for (let c = 0; c < s.length; c++) buf[at++] = s.charCodeAt(c);
    return at;
  }
  let digits = 1;
  for (let x = v; x >= 10; x = Math.floor(x / 10)) digits++;
  for (let d = at + digits - 1, x = v; d >= at; d--, x = Math.floor(x / 10)) buf[d] = 48 + (x % 10);
  return at + digits;
}

/** A string's partition among `n` (FNV-1a). */
function partitionOf(s: string, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0) % n;
}

interface Member {
  k: number;
  start: number;
  end: number;
}

interface Waiting extends Member {
  /** The article's place among its paragraphs (the order of its findings). */
  j: number;
  /** Its ring successors so far (at most `BOILERPLATE_RELATED`). */
  next: Member[];
}

/** What the second read of a paragraph partition keeps of one fingerprint in enough articles. */
interface RingState {
  n: number;
  first: Member[];
  waiting: Waiting[];
  /** Members with all their successors whose message still depends on the final count. */
  done: Waiting[];
}

/** A date of an event as stored: value, start, end, text, uncertain (or 0), first day, last day. */
type StoredDate = [string, number, number, string, string | 0, number, number];
/** An event record: article, place among its events, event id, mention, dates key, dates. */
type EventRecord = [number, number, string, string, string, StoredDate[]];

interface Bucket {
  days: [number, number][];
  /** The first articles of the bucket with the first date each gives the event. */
  first: [number, StoredDate][];
}

/** A date as findings read it. */
function shownDate(d: StoredDate): { value: string; start: number; end: number; text: string; uncertain?: string } {
  return { value: d[0], start: d[1], end: d[2], text: d[3], ...(d[4] ? { uncertain: d[4] } : {}) };
}

export class DiskWorkspace {
  private readonly paragraphs: BytePartitions;
  private readonly events: BytePartitions;
  private readonly found: Partitions;
  private articles = 0;
  private finished = false;
  /** The bucket read back last, its findings by article (kind, seq, finding). */
  private bucket = -1;
  private bucketFindings = new Map<number, [number, number, Finding][]>();

  /**
   * `expected`: about how many articles the run has (it sizes the partitions); `pathOf(k)`: the
   * path of article number k, for the findings naming it.
   */
  constructor(private readonly file: SpillFile, private readonly registry: RegistrySnapshot | undefined, expected: number, private readonly pathOf: (k: number) => string) {
    const parts = Math.max(1, Math.min(4096, Math.ceil(expected / ARTICLES_PER_PARTITION)));
    this.paragraphs = new BytePartitions(file, parts);
    this.events = new BytePartitions(file, parts);
    this.found = new Partitions(file, Math.max(1, Math.ceil(expected / ARTICLES_PER_BUCKET)));
  }

  /** Writes what the temporary file holds in memory still (`SpillFile.flush`). */
  flush(): void {
    this.file.flush();
  }

  /** Adds the next article (number k = the count so far) by its summary. */
  add(summary: ArticleSummary): void {
    if (this.finished) throw new Error('DiskWorkspace.add after finish');
    const k = this.articles++;
    let j = 0;
    for (const [fp, r] of summary.paragraphs) this.paragraphs.add(partitionOf(fp, this.paragraphs.count), k, j++, r.start, r.end, fp);
    let e = 0;
    for (const [id, ev] of summary.events) this.events.addEvent(partitionOf(id, this.events.count), k, e++, id, ev);
  }

  /** Makes every article's findings (once every article is in). */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    for (let i = 0; i < this.paragraphs.count; i++) {
      this.paragraphPartition(i);
      this.paragraphs.drop(i);
    }
    for (let i = 0; i < this.events.count; i++) {
      this.eventPartition(i);
      this.events.drop(i);
    }
  }

  private emit(k: number, kind: number, seq: number, f: Finding): void {
    // Articles past the expected count (none in a CLI run) go to the last bucket.
    const b = Math.min(Math.floor(k / ARTICLES_PER_BUCKET), this.found.count - 1);
    this.found.add(b, `${k}\t${kind}\t${seq}\t${JSON.stringify(f)}\n`);
  }

  private paragraphPartition(i: number): void {
    // Read as bytes, the fingerprint keyed from its bytes: a line becomes strings and numbers only
    // for a fingerprint in enough articles.
    const count = new FingerprintCount(BOILERPLATE_MIN_OTHERS + 1);
    this.paragraphs.eachLine(i, (buf, _from, to) => count.addBytes(buf, buf.lastIndexOf(9, to - 1) + 1, to));
    const rings = new Map<string, RingState>();
    this.paragraphs.eachLine(i, (buf, from, to) => {
      const t4 = buf.lastIndexOf(9, to - 1);
      // Too few articles (the count may be too high, never too low): no finding, none names it.
      if (count.getBytes(buf, t4 + 1, to) < BOILERPLATE_MIN_OTHERS + 1) return;
      const t1 = buf.indexOf(9, from);
      const t2 = buf.indexOf(9, t1 + 1);
      const t3 = buf.indexOf(9, t2 + 1);
      const k = countAt(buf, from, t1);
      const j = countAt(buf, t1 + 1, t2);
      const start = countAt(buf, t2 + 1, t3);
      const end = countAt(buf, t3 + 1, t4);
      const fp = UTF8_TEXT.decode(buf.subarray(t4 + 1, to));
      let ring = rings.get(fp);
      if (!ring) rings.set(fp, (ring = { n: 0, first: [], waiting: [], done: [] }));
      const m: Member = { k, start, end };
      ring.n++;
      for (const w of ring.waiting) w.next.push(m);
      while (ring.waiting.length && ring.waiting[0].next.length === BOILERPLATE_RELATED) this.completed(ring, ring.waiting.shift()!);
      if (ring.first.length < BOILERPLATE_RELATED) ring.first.push(m);
      ring.waiting.push({ k, j, start, end, next: [] });
      // Past this many members, every message says there are more: the count no longer matters.
      if (ring.n > BOILERPLATE_RELATED + 1) for (const w of ring.done.splice(0)) this.boilerplate(w, ring.n);
    });
    for (const ring of rings.values()) {
      if (ring.n < BOILERPLATE_MIN_OTHERS + 1) continue;
      for (const w of ring.done) this.boilerplate(w, ring.n);
      // The last members' successors wrap around to the first members.
      const want = Math.min(BOILERPLATE_RELATED, ring.n - 1);
      for (const w of ring.waiting) {
        for (let t = 0; w.next.length < want; t++) w.next.push(ring.first[t]);
        this.boilerplate(w, ring.n);
      }
    }
  }

  private completed(ring: RingState, w: Waiting): void {
    if (ring.n > BOILERPLATE_RELATED + 1) this.boilerplate(w, ring.n);
    else ring.done.push(w);
  }

  private boilerplate(w: Waiting, members: number): void {
    const shown = w.next.map((m) => ({ path: this.pathOf(m.k), start: m.start, end: m.end }));
    this.emit(w.k, 0, w.j, boilerplateFinding(w.start, w.end, members, shown));
  }

  private eventPartition(i: number): void {
    const byEvent = new Map<string, Map<string, Bucket>>();
    const records: EventRecord[] = [];
    this.events.eachLine(i, (buf, from, to) => void records.push(JSON.parse(UTF8_TEXT.decode(buf.subarray(from, to))) as EventRecord));
    for (const [k, , id, , key, dates] of records) {
      let buckets = byEvent.get(id);
      if (!buckets) byEvent.set(id, (buckets = new Map()));
      let b = buckets.get(key);
      if (!b) buckets.set(key, (b = { days: dates.map((d) => [d[5], d[6]]), first: [] }));
      if (b.first.length < EVENT_RELATED) b.first.push([k, dates[0]]);
    }
    for (const [k, e, id, mention, , dates] of records) {
      if (this.registry?.entities.get(id)?.date) continue;
      const mine = dates.map((d) => ({ days: [d[5], d[6]] as [number, number] }));
      const shown: [string, ReturnType<typeof shownDate>][] = [];
      for (const b of byEvent.get(id)!.values()) {
        if (shown.length >= EVENT_RELATED) break;
        if (!conflicts(mine, b.days)) continue;
        for (const [p, d] of b.first.slice(0, EVENT_RELATED - shown.length)) shown.push([this.pathOf(p), shownDate(d)]);
      }
      const f = eventDateFinding(this.registry, id, { mention, values: dates.map(shownDate) }, shown);
      if (f) this.emit(k, 1, e, f);
    }
  }

  /**
   * The workspace findings of article number k, severities applied, sorted by position: those
   * `WorkspaceIndex.findingsFor` gives. Cheapest asked in increasing k (one bucket read at a time).
   */
  findingsFor(k: number, settings?: CoreSettings): Finding[] {
    this.finish();
    const b = Math.min(Math.floor(k / ARTICLES_PER_BUCKET), this.found.count - 1);
    if (b !== this.bucket) {
      this.bucket = b;
      this.bucketFindings = new Map();
      for (const line of this.found.lines(b)) {
        const t1 = line.indexOf('\t');
        const t2 = line.indexOf('\t', t1 + 1);
        const t3 = line.indexOf('\t', t2 + 1);
        const a = Number(line.slice(0, t1));
        let list = this.bucketFindings.get(a);
        if (!list) this.bucketFindings.set(a, (list = []));
        list.push([Number(line.slice(t1 + 1, t2)), Number(line.slice(t2 + 1, t3)), JSON.parse(line.slice(t3 + 1)) as Finding]);
      }
    }
    const list = this.bucketFindings.get(k);
    if (!list) return [];
    list.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    return finalizeFindings(list.map((x) => x[2]), settings);
  }
}
