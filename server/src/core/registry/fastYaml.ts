/**
 * A fast reader for the YAML that registry files are written in: block maps and sequences, one-line
 * plain and quoted scalars, flow sequences and maps (`[a, b]`, `- {id: x, roles: [{office: y}]}`,
 * nested, over several lines), and comments. It exists because the `yaml` package needs 15 s or
 * more for a 100,000-entity file; this reads it in well under a second, whichever style it uses.
 *
 * It never guesses. Anything outside that subset, and anything the subset would read as an error
 * (a duplicate key, an unclosed quote, a tab, an anchor, a tag, a block scalar, a multi-line plain
 * scalar, a second document...), makes it return `undefined`, and the caller parses the file with
 * the `yaml` package instead, which gives the exact YAML 1.2 reading and its error messages. On
 * what it accepts, it returns the same tree (tree.ts) as that path; test/unit/fast-yaml.test.ts
 * compares the two on the samples, the fixtures, a generated registry and many mutations of them.
 */

import { YMap, YNode, YPair, YScalar, YSeq } from './tree';

/** Thrown inside the reader to abandon the fast path; never escapes `readFastYaml`. */
class Unsupported {}
const UNSUPPORTED = new Unsupported();

const enum C {
  Tab = 9, LF = 10, CR = 13, Space = 32, Bang = 33, DQuote = 34, Hash = 35, Percent = 37, Amp = 38, SQuote = 39,
  Star = 42, Comma = 44, Dash = 45, Dot = 46, Colon = 58, Gt = 62, Question = 63, At = 64,
  LBracket = 91, Backslash = 92, RBracket = 93, Backtick = 96, LBrace = 123, Pipe = 124, RBrace = 125,
}

/** Nesting beyond this goes to the `yaml` path, whose depth check reports it. */
const MAX_DEPTH = 60;

/**
 * The tree of `text`, or undefined when the text is not in the subset this reader handles.
 *
 * With `onEntity`, each item of the top-level `entities` sequence is handed to it as soon as it is
 * read and is not kept in the tree (that sequence's `items` stay empty): a big registry's tree
 * then never exists whole, which saves most of the reader's garbage-collection time. The items
 * handed over before the reader gives up (it returns undefined) must be discarded by the caller.
 */
export function readFastYaml(text: string, onEntity?: (item: YNode, lineStart: number) => void, info?: EntitiesInfo): YNode | undefined {
  if (!plainCharacters(text)) return undefined;
  try {
    return new Reader(text, onEntity, info).document();
  } catch (e) {
    if (e === UNSUPPORTED) return undefined;
    throw e;
  }
}

/** Where a block `entities:` sequence read with `onEntity` lies: its dashes' column, and where the
 * first line after it starts (the text's length when it runs to the end). */
export interface EntitiesInfo {
  block?: { indent: number; tail: number };
}

/**
 * Reads items of a block sequence whose dashes are at column `indent`, from the line starting at
 * `from` up to the line starting at `stopAt` (the text's length: the end), as `readFastYaml` reads
 * the items of `entities`; each goes to `onItem` with the start of its `-` line. False when the
 * text there is not exactly such items in the subset this reader handles (then nothing handed to
 * `onItem` may be used). The caller guarantees that the text before `from` and from `stopAt` on is
 * what an earlier full read accepted: this is how one edited entity is read again alone.
 */
export function readFastYamlItems(text: string, from: number, stopAt: number, indent: number, onItem: (item: YNode, lineStart: number) => void): boolean {
  if (!plainCharacters(text.slice(from, stopAt))) return false;
  try {
    new Reader(text).items(from, stopAt, indent, onItem);
    return true;
  } catch (e) {
    if (e === UNSUPPORTED) return false;
    throw e;
  }
}

/** No tabs, no stray carriage returns, no control characters, no BOM, no lone surrogates: the
 * `yaml` path reports those. (One regular expression: far faster than a loop over the text.) */
function plainCharacters(text: string): boolean {
  // A quick test that passes plain ASCII/BMP text without CR; the exact one only when it fails.
  return !MAYBE_ODD.test(text) || !ODD_CHARACTER.test(text);
}

const MAYBE_ODD = /[\x00-\x09\x0b-\x1f\x7f-\x9f\ufeff\ud800-\udfff]/;

const ODD_CHARACTER = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff]|\r(?!\n)|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const NULL_RE = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_RE = /^[-+]?[0-9]+$/;
const OCT_RE = /^0o[0-7]+$/;
const HEX_RE = /^0x[0-9a-fA-F]+$/;
const NAN_INF_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXP_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar's value under the YAML 1.2 core schema, as the `yaml` package resolves it. */
function resolvePlain(s: string): string | number | boolean | null {
  const c = s.charCodeAt(0);
  // Most registry values start with a letter other than n/N/t/T/f/F: text, decided at once.
  const maybeSpecial = s.length === 0 || c === 126 || c === 43 || c === C.Dash || c === C.Dot || (c >= 48 && c <= 57) ||
    c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70;
  if (!maybeSpecial) return s;
  // A date (`2021-11-10`): a dash after the first character, not an exponent's, is no number.
  if (c >= 48 && c <= 57) {
    const k = s.indexOf('-', 1);
    if (k > 0 && (s.charCodeAt(k - 1) | 0x20) !== 101) return s;
  }
  if (NULL_RE.test(s)) return null;
  if (BOOL_RE.test(s)) return c === 116 || c === 84;
  if (OCT_RE.test(s)) return parseInt(s.slice(2), 8);
  if (INT_RE.test(s)) return parseInt(s, 10);
  if (HEX_RE.test(s)) return parseInt(s.slice(2), 16);
  if (NAN_INF_RE.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
  if (EXP_RE.test(s) || FLOAT_RE.test(s)) return parseFloat(s);
  return s;
}

/**
 * Keys whose values repeat across entities: types, referenced ids, name parts, dates. Their plain
 * values are read through a table of the texts seen (`repeatedText`), so that each distinct text
 * is one string: no substring per value, and the registry's interning and map look-ups then find
 * a string whose hash is already known.
 */
const REPEATED = new Set(['type', 'country', 'office', 'title', 'of', 'family_name', 'given_name', 'start', 'end', 'date', 'participants', 'name_order']);

/**
 * The table: open addressing over the texts' hashes, kept at most half full. It starts small and
 * doubles as texts come (a 100,000-entity registry has some 17,000 such texts: a table that fits
 * the processor's cache, where a table of the largest size would make most look-ups a cache
 * miss); at the largest size, half full, it starts over.
 */
const MAX_TABLE_BITS = 18;
let tableBits = 12;
let tableHashes = new Int32Array(1 << tableBits);
let tableTexts: (string | undefined)[] = new Array<string | undefined>(1 << tableBits).fill(undefined);
let tableCount = 0;

/** `resolvePlain(t.slice(from, to))`, the text found in the table when it is a string seen before. */
function repeatedText(t: string, from: number, to: number): string | number | boolean | null {
  if (to - from > 40) return resolvePlain(t.slice(from, to));
  let h = 0x811c9dc5 | 0;
  for (let i = from; i < to; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
  let mask = (1 << tableBits) - 1;
  let slot = h & mask;
  const n = to - from;
  for (let s = tableTexts[slot]; s !== undefined; s = tableTexts[slot]) {
    if (tableHashes[slot] === h && s.length === n) {
      let j = 0;
      while (j < n && s.charCodeAt(j) === t.charCodeAt(from + j)) j++;
      if (j === n) return s;
    }
    slot = (slot + 1) & mask;
  }
  const text = t.slice(from, to);
  const v = resolvePlain(text);
  if (v !== text) return v;
  if (2 * (tableCount + 1) > 1 << tableBits) {
    if (tableBits === MAX_TABLE_BITS) {
      tableTexts.fill(undefined);
      tableCount = 0;
      return text;
    }
    growTable();
    mask = (1 << tableBits) - 1;
    for (slot = h & mask; tableTexts[slot] !== undefined; slot = (slot + 1) & mask);
  }
  tableHashes[slot] = h;
  // A substring of 13 units or more is a view of the whole text in V8: the table keeps a copy, so
  // that it never keeps a registry file's text alive.
  tableTexts[slot] = text.length >= 13 ? (` ${text}`).slice(1) : text;
  tableCount++;
  return text;
}

/** The table at twice its size, its texts placed again. */
function growTable(): void {
  const hashes = tableHashes;
  const texts = tableTexts;
  tableBits++;
  const mask = (1 << tableBits) - 1;
  tableHashes = new Int32Array(1 << tableBits);
  tableTexts = new Array<string | undefined>(1 << tableBits).fill(undefined);
  for (let i = 0; i < texts.length; i++) {
    const s = texts[i];
    if (s === undefined) continue;
    let slot = hashes[i] & mask;
    while (tableTexts[slot] !== undefined) slot = (slot + 1) & mask;
    tableHashes[slot] = hashes[i];
    tableTexts[slot] = s;
  }
}

/**
 * The registry's own keys. A key read from the text is returned as one of these constants when it
 * is one: no string is allocated, and later comparisons are pointer checks. They are found by
 * length and first, second and last characters (one slot each: checked below), then compared in place.
 */
const KNOWN_KEYS = ['version', 'entities', 'id', 'type', 'name', 'aliases', 'demonyms', 'family_name', 'given_name', 'name_order',
  'country', 'description', 'wikidata', 'roles', 'of', 'single_holder', 'date', 'participants', 'office', 'title', 'start',
  'end', 'note'];
const KEY_SLOTS: (string | undefined)[] = new Array<string | undefined>(256).fill(undefined);
function keySlot(length: number, first: number, second: number, last: number): number {
  return (length * 37 + first * 5 + second * 3 + last) & 255;
}
/** Per slot, whether its key is one of REPEATED (a look-up in the set per pair cost more than the slot). */
const KEY_REPEATED = new Uint8Array(256);
for (const k of KNOWN_KEYS) {
  const slot = keySlot(k.length, k.charCodeAt(0), k.charCodeAt(1), k.charCodeAt(k.length - 1));
  if (KEY_SLOTS[slot] !== undefined) throw new Error(`known keys ${KEY_SLOTS[slot]} and ${k} share a slot`);
  KEY_SLOTS[slot] = k;
  KEY_REPEATED[slot] = REPEATED.has(k) ? 1 : 0;
}
for (const k of REPEATED) if (!KNOWN_KEYS.includes(k)) throw new Error(`repeated key ${k} is not a known key`);

/** Whether the key `keyText` returned last is one of REPEATED (every one of them is a known key). */
let keyRepeated = false;

/** The key written at [from, to): a plain word whose core-schema value is that same text. */
function keyText(t: string, from: number, to: number): string {
  const n = to - from;
  const slot = keySlot(n, t.charCodeAt(from), t.charCodeAt(from + 1), t.charCodeAt(to - 1));
  const k = KEY_SLOTS[slot];
  if (k !== undefined && k.length === n) {
    let j = 0;
    while (j < n && t.charCodeAt(from + j) === k.charCodeAt(j)) j++;
    if (j === n) {
      keyRepeated = KEY_REPEATED[slot] === 1;
      return k;
    }
  }
  keyRepeated = false;
  const key = t.slice(from, to);
  if (NULL_RE.test(key) || BOOL_RE.test(key)) throw UNSUPPORTED;
  return key;
}

function isKeyChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === C.Dash || c === C.Dot;
}

function isKeyStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

/** Characters that may not start a plain scalar (YAML's indicators). */
function isIndicator(c: number): boolean {
  return c === C.Dash || c === C.Question || c === C.Colon || c === C.Comma || c === C.LBracket || c === C.RBracket ||
    c === C.LBrace || c === C.RBrace || c === C.Hash || c === C.Amp || c === C.Star || c === C.Bang || c === C.Pipe ||
    c === C.Gt || c === C.SQuote || c === C.DQuote || c === C.Percent || c === C.At || c === C.Backtick;
}

class Reader {
  /** The current content line: where it starts, its indentation, where its text ends (before CR LF). */
  private lineStart = 0;
  private indent = 0;
  private lineEnd = 0;
  /** Where the line after the current one starts. */
  private next = 0;
  private eof = false;
  private depth = 0;

  constructor(private readonly text: string, private readonly onEntity?: (item: YNode, lineStart: number) => void, private readonly info?: EntitiesInfo) {
    this.advanceTo(0);
  }

  /** Where the items of the sequence being read go: into its `items`, or to `onEntity`. */
  private sinkFor(key: string): ((item: YNode, lineStart: number) => void) | undefined {
    return this.depth === 1 && key === 'entities' ? this.onEntity : undefined;
  }

  /** See readFastYamlItems. */
  items(from: number, stopAt: number, indent: number, onItem: (item: YNode, lineStart: number) => void): void {
    this.advanceTo(from);
    if (this.eof || this.lineStart !== from || this.indent !== indent) throw UNSUPPORTED;
    // As deep as the items of `entities` are: inside the top-level map and the sequence.
    this.depth = 2;
    for (;;) {
      const lineStart = this.lineStart;
      this.pool = this.itemPool.reset();
      onItem(this.seqItem(indent), lineStart);
      this.pool = null;
      if (this.lineStart === stopAt) return;
      if (this.eof || this.lineStart > stopAt || this.indent !== indent) throw UNSUPPORTED;
    }
  }

  document(): YNode {
    // An empty or comment-only file is reported by the yaml path, as every other odd file is.
    if (this.eof) throw UNSUPPORTED;
    if (this.indent !== 0) throw UNSUPPORTED;
    const c = this.text.charCodeAt(this.lineStart);
    if (c === C.Dash && this.text.startsWith('---', this.lineStart)) throw UNSUPPORTED;
    const top = this.blockMap(0);
    if (!this.eof) throw UNSUPPORTED;
    return top;
  }

  /** Moves to the first line at or after `pos` holding something other than spaces or a comment. */
  private advanceTo(pos: number): void {
    const t = this.text;
    const n = t.length;
    while (pos < n) {
      let i = pos;
      while (t.charCodeAt(i) === C.Space) i++;
      let nl = t.indexOf('\n', i);
      if (nl < 0) nl = n;
      const end = nl > i && t.charCodeAt(nl - 1) === C.CR ? nl - 1 : nl;
      const c = t.charCodeAt(i);
      if (i < end && c !== C.Hash) {
        // `...` and `---` at the left margin end or start documents.
        if (i === pos && (c === C.Dash || c === C.Dot) && (t.startsWith('---', i) || t.startsWith('...', i))) {
          const after = t.charCodeAt(i + 3);
          if (i + 3 >= end || after === C.Space) throw UNSUPPORTED;
        }
        if (c === C.Percent && i === pos) throw UNSUPPORTED;
        this.lineStart = pos;
        this.indent = i - pos;
        this.lineEnd = end;
        this.next = nl + 1;
        return;
      }
      pos = nl + 1;
    }
    this.eof = true;
    this.lineStart = this.lineEnd = this.next = n;
    this.indent = -1;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw UNSUPPORTED;
  }

  /**
   * The nodes of an item handed to a sink (`onEntity`, `readFastYamlItems`' `onItem`) come from
   * `itemPool` and are reused for the next item: the sink reads each item and keeps none of its
   * nodes, so a big registry's items make no garbage but their lists. (Most of the fast path's
   * garbage-collection time was these nodes, ~1.8 KB an entity.) Null outside such an item.
   */
  private pool: NodePool | null = null;
  private readonly itemPool = new NodePool();

  private newScalar(start: number, end: number, value: string | number | boolean | null): YScalar {
    const p = this.pool;
    if (p === null) return { kind: 'scalar', start, end, value };
    const s = p.scalars[p.scalarCount];
    if (s === undefined) {
      const fresh: YScalar = { kind: 'scalar', start, end, value };
      p.scalars[p.scalarCount++] = fresh;
      return fresh;
    }
    p.scalarCount++;
    s.start = start;
    s.end = end;
    s.value = value;
    return s;
  }

  private newPair(key: string, keyStart: number, keyEnd: number, value: YNode): YPair {
    const p = this.pool;
    if (p === null) return { key, keyStart, keyEnd, value };
    const q = p.pairs[p.pairCount];
    if (q === undefined) {
      const fresh: YPair = { key, keyStart, keyEnd, value };
      p.pairs[p.pairCount++] = fresh;
      return fresh;
    }
    p.pairCount++;
    q.key = key;
    q.keyStart = keyStart;
    q.keyEnd = keyEnd;
    q.value = value;
    return q;
  }

  /** A map with no pairs yet (a reused one keeps its list's storage). */
  private newMap(start: number, end: number): YMap {
    const p = this.pool;
    if (p === null) return { kind: 'map', start, end, pairs: [] };
    const m = p.maps[p.mapCount];
    if (m === undefined) {
      const fresh: YMap = { kind: 'map', start, end, pairs: [] };
      p.maps[p.mapCount++] = fresh;
      return fresh;
    }
    p.mapCount++;
    m.start = start;
    m.end = end;
    if (m.pairs.length >= 32) keySets.delete(m.pairs);
    clear(m.pairs);
    return m;
  }

  /** A sequence with no items yet (a reused one keeps its list's storage). */
  private newSeq(start: number, end: number): YSeq {
    const p = this.pool;
    if (p === null) return { kind: 'seq', start, end, items: [] };
    const q = p.seqs[p.seqCount];
    if (q === undefined) {
      const fresh: YSeq = { kind: 'seq', start, end, items: [] };
      p.seqs[p.seqCount++] = fresh;
      return fresh;
    }
    p.seqCount++;
    q.start = start;
    q.end = end;
    clear(q.items);
    return q;
  }

  /** A block map whose keys are at column `indent`, starting on the current line. */
  private blockMap(indent: number, firstKeyAt?: number): YMap {
    this.enter();
    const map = this.newMap(0, 0);
    const pairs = map.pairs;
    let at = firstKeyAt ?? this.lineStart + indent;
    for (;;) {
      const pair = this.pair(at, indent);
      if (hasKey(pairs, pair.key)) throw UNSUPPORTED;
      pairs.push(pair);
      if (this.eof || this.indent < indent) break;
      if (this.indent > indent) throw UNSUPPORTED;
      at = this.lineStart + indent;
    }
    map.start = pairs[0].keyStart;
    map.end = pairs[pairs.length - 1].value.end;
    this.depth--;
    return map;
  }

  /** `key: value` at `at` on the current line; leaves the reader on the line after the value. */
  private pair(at: number, indent: number): YPair {
    const t = this.text;
    if (!isKeyStart(t.charCodeAt(at))) throw UNSUPPORTED;
    let i = at + 1;
    while (isKeyChar(t.charCodeAt(i))) i++;
    if (t.charCodeAt(i) !== C.Colon) throw UNSUPPORTED;
    const key = keyText(t, at, i);
    const repeated = keyRepeated;
    const keyEnd = i;
    i++;
    if (i < this.lineEnd && t.charCodeAt(i) !== C.Space) throw UNSUPPORTED;
    while (i < this.lineEnd && t.charCodeAt(i) === C.Space) i++;
    if (i >= this.lineEnd || t.charCodeAt(i) === C.Hash) {
      // The value is on the lines below, or it is null (positioned where yaml puts it).
      const nullPos = i;
      this.advanceTo(this.next);
      if (this.eof || this.indent < indent) return this.newPair(key, at, keyEnd, this.newScalar(nullPos, nullPos, null));
      const c = t.charCodeAt(this.lineStart + this.indent);
      const isItem = c === C.Dash && this.isSeqIndicator(this.lineStart + this.indent);
      if (this.indent === indent) return this.newPair(key, at, keyEnd, isItem ? this.blockSeq(indent, this.sinkFor(key)) : this.newScalar(nullPos, nullPos, null));
      return this.newPair(key, at, keyEnd, isItem ? this.blockSeq(this.indent, this.sinkFor(key)) : this.blockMap(this.indent));
    }
    this.repeated = repeated;
    const value = this.inlineValue(i, indent, this.sinkFor(key));
    this.afterInline(indent);
    return this.newPair(key, at, keyEnd, value);
  }

  private isSeqIndicator(at: number): boolean {
    const d = this.text.charCodeAt(at + 1);
    return at + 1 >= this.lineEnd || d === C.Space;
  }

  /** A block sequence whose `-` are at column `indent`, starting on the current line. */
  private blockSeq(indent: number, sink?: (item: YNode, lineStart: number) => void): YSeq {
    this.enter();
    const t = this.text;
    const seq = this.newSeq(this.lineStart + indent, 0);
    const items = seq.items;
    let last: YNode;
    for (;;) {
      const lineStart = this.lineStart;
      if (sink) {
        this.pool = this.itemPool.reset();
        last = this.seqItem(indent);
        sink(last, lineStart);
        this.pool = null;
      } else {
        last = this.seqItem(indent);
        items.push(last);
      }
      if (this.eof || this.indent < indent) break;
      if (this.indent > indent) throw UNSUPPORTED;
      // A key at the dashes' column ends a sequence written flush with its parent's keys.
      const d = this.lineStart + indent;
      if (t.charCodeAt(d) !== C.Dash || !this.isSeqIndicator(d)) break;
    }
    if (sink && this.info) this.info.block = { indent, tail: this.lineStart };
    seq.end = last.end;
    this.depth--;
    return seq;
  }

  /** One item of a block sequence whose `-` is at column `indent` of the current line. */
  private seqItem(indent: number): YNode {
    const t = this.text;
    const dash = this.lineStart + indent;
    if (t.charCodeAt(dash) !== C.Dash || !this.isSeqIndicator(dash)) throw UNSUPPORTED;
    let i = dash + 1;
    while (i < this.lineEnd && t.charCodeAt(i) === C.Space) i++;
    // `-` alone, `- # comment` and `- - x` are valid YAML but not registry style.
    if (i >= this.lineEnd) throw UNSUPPORTED;
    const c = t.charCodeAt(i);
    if (c === C.Hash || (c === C.Dash && (i + 1 >= this.lineEnd || t.charCodeAt(i + 1) === C.Space))) throw UNSUPPORTED;
    if (this.startsKey(i)) return this.blockMap(i - this.lineStart, i);
    const last = this.inlineValue(i, indent);
    this.afterInline(indent);
    return last;
  }

  /** Whether a `key:` (followed by a space or the line end) starts at `i`. */
  private startsKey(i: number): boolean {
    const t = this.text;
    if (!isKeyStart(t.charCodeAt(i))) return false;
    let j = i + 1;
    while (isKeyChar(t.charCodeAt(j))) j++;
    return t.charCodeAt(j) === C.Colon && (j + 1 >= this.lineEnd || t.charCodeAt(j + 1) === C.Space);
  }

  /** After a one-line value: the rest of the line is spaces or a comment, and no continuation follows. */
  private afterInline(indent: number): void {
    const t = this.text;
    let i = this.pos;
    while (i < this.lineEnd && t.charCodeAt(i) === C.Space) i++;
    if (i < this.lineEnd && !(t.charCodeAt(i) === C.Hash && t.charCodeAt(i - 1) === C.Space)) throw UNSUPPORTED;
    this.advanceTo(this.next);
    // A more indented line would continue a plain scalar, or be an error: leave both to yaml.
    if (!this.eof && this.indent > indent) throw UNSUPPORTED;
  }

  /** Where the last inline value ended on the current line. */
  private pos = 0;

  /** A value that starts at `i` in a block collection at column `indent`. */
  private inlineValue(i: number, indent: number, sink?: (item: YNode, lineStart: number) => void): YNode {
    const c = this.text.charCodeAt(i);
    if (c === C.DQuote) return this.doubleQuoted(i);
    if (c === C.SQuote) return this.singleQuoted(i);
    if (c === C.LBracket || c === C.LBrace) {
      this.flowIndent = indent;
      return c === C.LBracket ? this.flowSeq(i, sink) : this.flowMap(i);
    }
    return this.plain(i, false);
  }

  /** A plain scalar; in flow context it also ends at `,` `]` `}`. */
  private plain(i: number, flow: boolean): YScalar {
    const t = this.text;
    const c0 = t.charCodeAt(i);
    if (isIndicator(c0)) {
      // `-5` and `-x` are plain scalars; other indicators (and `?x`, `:x`) are left to yaml.
      const d = t.charCodeAt(i + 1);
      if (c0 !== C.Dash || i + 1 >= this.lineEnd || d === C.Space) throw UNSUPPORTED;
      if (flow && (d === C.Comma || d === C.RBracket || d === C.RBrace || d === C.LBracket || d === C.LBrace)) throw UNSUPPORTED;
    }
    const end = flow ? this.plainFlowEnd(i) : this.plainBlockEnd(i);
    this.pos = end;
    return this.newScalar(i, end, this.repeated ? repeatedText(t, i, end) : resolvePlain(t.slice(i, end)));
  }

  /** Whether the value being read is one of a key whose values repeat (REPEATED). */
  private repeated = false;

  /** The next `#` and `:` at or after some point (text length when none): found with indexOf and
   * reused across lines, since most values hold neither. */
  private nextHash = -1;
  private nextColon = -1;

  /** A block plain scalar runs to the line end or a ` #` comment, trailing spaces excluded. */
  private plainBlockEnd(i: number): number {
    const t = this.text;
    const lineEnd = this.lineEnd;
    let stop = lineEnd;
    let h = this.nextHash;
    if (h < i) h = indexOrEnd(t, '#', i);
    while (h < lineEnd && t.charCodeAt(h - 1) !== C.Space) h = indexOrEnd(t, '#', h + 1);
    if (h < lineEnd) stop = h;
    this.nextHash = h;
    let k = this.nextColon;
    if (k < i) k = indexOrEnd(t, ':', i);
    for (; k < stop; k = indexOrEnd(t, ':', k + 1)) {
      // `a: b` inside a value is a nested mapping (an error in block context): leave it to yaml.
      if (k + 1 >= lineEnd || t.charCodeAt(k + 1) === C.Space) throw UNSUPPORTED;
    }
    this.nextColon = k;
    let end = stop;
    while (end > i && t.charCodeAt(end - 1) === C.Space) end--;
    return end;
  }

  private plainFlowEnd(i: number): number {
    const t = this.text;
    let end = i;
    for (let j = i; j < this.lineEnd; j++) {
      const c = t.charCodeAt(j);
      if (c === C.Space) continue;
      if (c === C.Hash && t.charCodeAt(j - 1) === C.Space) break;
      if (c === C.Colon) {
        const d = t.charCodeAt(j + 1);
        if (j + 1 >= this.lineEnd || d === C.Space || d === C.Comma || d === C.RBracket || d === C.RBrace) throw UNSUPPORTED;
      }
      if (c === C.Comma || c === C.RBracket || c === C.RBrace) break;
      if (c === C.LBracket || c === C.LBrace) throw UNSUPPORTED;
      end = j + 1;
    }
    return end;
  }

  private singleQuoted(i: number): YScalar {
    const t = this.text;
    let j = i + 1;
    let value = '';
    let from = j;
    for (;;) {
      const q = t.indexOf("'", j);
      if (q < 0 || q >= this.lineEnd) throw UNSUPPORTED;
      if (t.charCodeAt(q + 1) === C.SQuote) {
        value += t.slice(from, q + 1);
        j = from = q + 2;
        continue;
      }
      value += t.slice(from, q);
      this.pos = q + 1;
      return this.newScalar(i, q + 1, value);
    }
  }

  private doubleQuoted(i: number): YScalar {
    const t = this.text;
    let value = '';
    let from = i + 1;
    for (let j = i + 1; j < this.lineEnd; j++) {
      const c = t.charCodeAt(j);
      if (c === C.DQuote) {
        value += t.slice(from, j);
        this.pos = j + 1;
        return this.newScalar(i, j + 1, value);
      }
      if (c === C.Backslash) {
        value += t.slice(from, j);
        const e = t[j + 1];
        const simple = ESCAPES[e];
        if (simple !== undefined) {
          value += simple;
          j++;
        } else if (e === 'x' || e === 'u' || e === 'U') {
          const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
          const hex = t.slice(j + 2, j + 2 + n);
          if (hex.length !== n || !/^[0-9a-fA-F]+$/.test(hex) || j + 2 + n > this.lineEnd) throw UNSUPPORTED;
          const code = parseInt(hex, 16);
          if (code > 0x10ffff) throw UNSUPPORTED;
          value += String.fromCodePoint(code);
          j += 1 + n;
        } else throw UNSUPPORTED;
        from = j + 1;
      }
    }
    throw UNSUPPORTED;
  }

  /**
   * Flow collections: `[a, 'b', "c"]`, `{id: x, roles: [{office: y}]}`, nested, over several
   * lines, with comments. Lines inside one must be indented deeper than the block collection that
   * holds it (`flowIndent`), except a line starting with the outermost closing bracket; a plain or quoted scalar must end on the line it starts on (a
   * multi-line scalar folds, which is left to yaml), and every item must be followed by `,` or
   * the closing bracket. Keys are plain words or quoted text followed by `: `; `{a}`, `{a: }`,
   * `? a`, `[a: b]` and values starting on the next line are all left to yaml.
   */
  private flowIndent = 0;
  /** How many flow collections are open. */
  private flowDepth = 0;

  private flowNode(j: number): YNode {
    const c = this.text.charCodeAt(j);
    if (c === C.LBracket) return this.flowSeq(j);
    if (c === C.LBrace) return this.flowMap(j);
    return this.flowScalar(j);
  }

  private flowSeq(i: number, sink?: (item: YNode, lineStart: number) => void): YSeq {
    this.enter();
    this.flowDepth++;
    const seq = this.newSeq(i, 0);
    const items = seq.items;
    for (let j = this.firstFlowItem(i, C.RBracket); j >= 0; j = this.nextFlowItem(C.RBracket)) {
      if (sink) {
        this.pool = this.itemPool.reset();
        sink(this.flowNode(j), -1);
        this.pool = null;
      } else items.push(this.flowNode(j));
    }
    this.depth--;
    this.flowDepth--;
    seq.end = this.pos;
    return seq;
  }

  private flowMap(i: number): YMap {
    this.enter();
    this.flowDepth++;
    const t = this.text;
    const map = this.newMap(i, 0);
    const pairs = map.pairs;
    for (let j = this.firstFlowItem(i, C.RBrace); j >= 0; j = this.nextFlowItem(C.RBrace)) {
      const c = t.charCodeAt(j);
      let key: string;
      let k: number;
      let repeated: boolean;
      if (c === C.DQuote || c === C.SQuote) {
        const q = c === C.DQuote ? this.doubleQuoted(j) : this.singleQuoted(j);
        key = q.value as string;
        k = q.end;
        repeated = REPEATED.has(key);
      } else {
        if (!isKeyStart(c)) throw UNSUPPORTED;
        k = j + 1;
        while (isKeyChar(t.charCodeAt(k))) k++;
        key = keyText(t, j, k);
        repeated = keyRepeated;
      }
      // An implicit key is at most 1024 characters (yaml reports longer ones).
      if (k - j > 1000 || t.charCodeAt(k) !== C.Colon || t.charCodeAt(k + 1) !== C.Space) throw UNSUPPORTED;
      if (hasKey(pairs, key)) throw UNSUPPORTED;
      const v = this.skipSpaces(k + 1);
      const c0 = t.charCodeAt(v);
      if (v >= this.lineEnd || c0 === C.Comma || c0 === C.RBrace || c0 === C.Hash) throw UNSUPPORTED;
      this.repeated = repeated;
      pairs.push(this.newPair(key, j, k, this.flowNode(v)));
    }
    this.depth--;
    this.flowDepth--;
    map.end = this.pos;
    return map;
  }

  /** After the opening bracket at `open`: where the first item starts, or -1 for an empty
   * collection (`pos` after its closing bracket). */
  private firstFlowItem(open: number, close: number): number {
    const j = this.flowSkip(open + 1);
    if (this.text.charCodeAt(j) !== close) return j;
    this.pos = j + 1;
    return -1;
  }

  /** After an item (at `pos`): where the next one starts, past a `,`, or -1 at the closing bracket
   * (`pos` after it). A trailing comma is allowed, as YAML allows it. */
  private nextFlowItem(close: number): number {
    const t = this.text;
    let j = this.flowSkip(this.pos);
    if (t.charCodeAt(j) !== close) {
      if (t.charCodeAt(j) !== C.Comma) throw UNSUPPORTED;
      j = this.flowSkip(j + 1);
      if (t.charCodeAt(j) !== close) return j;
    }
    this.pos = j + 1;
    return -1;
  }

  /** The next significant character at or after `j` inside a flow collection: past spaces,
   * comments and line breaks (onto lines indented deeper than `flowIndent`). */
  private flowSkip(j: number): number {
    const t = this.text;
    for (;;) {
      while (j < this.lineEnd && t.charCodeAt(j) === C.Space) j++;
      if (j < this.lineEnd && !(t.charCodeAt(j) === C.Hash && t.charCodeAt(j - 1) === C.Space)) return j;
      this.advanceTo(this.skipFlowComments(this.next));
      if (this.eof || this.indent < this.flowIndent) throw UNSUPPORTED;
      j = this.lineStart + this.indent;
      // The outermost closing bracket may stand at the block's own column (`entities: [` ... `]`).
      if (this.indent === this.flowIndent && (this.flowDepth !== 1 || (t.charCodeAt(j) !== C.RBracket && t.charCodeAt(j) !== C.RBrace))) throw UNSUPPORTED;
    }
  }

  /** From `pos`, past blank lines and comment lines, which inside a flow collection must be
   * indented deeper than `flowIndent` (yaml rejects the others). */
  private skipFlowComments(pos: number): number {
    const t = this.text;
    for (;;) {
      let i = pos;
      while (t.charCodeAt(i) === C.Space) i++;
      const c = t.charCodeAt(i);
      if (c === C.Hash) {
        if (i - pos <= this.flowIndent) throw UNSUPPORTED;
      } else if (c !== C.LF && c !== C.CR) return pos;
      const nl = t.indexOf('\n', i);
      if (nl < 0) return t.length;
      pos = nl + 1;
    }
  }

  private flowScalar(j: number): YScalar {
    const c = this.text.charCodeAt(j);
    if (c === C.DQuote) return this.doubleQuoted(j);
    if (c === C.SQuote) return this.singleQuoted(j);
    if (c === C.LBracket || c === C.LBrace || c === C.Comma || c === C.RBracket || c === C.RBrace || c === C.Hash) throw UNSUPPORTED;
    return this.plain(j, true);
  }

  private skipSpaces(j: number): number {
    while (j < this.lineEnd && this.text.charCodeAt(j) === C.Space) j++;
    return j;
  }
}

/** Nodes to reuse (see `Reader.pool`): the first `...Count` of each list are in use. */
class NodePool {
  scalars: YScalar[] = [];
  pairs: YPair[] = [];
  maps: YMap[] = [];
  seqs: YSeq[] = [];
  scalarCount = 0;
  pairCount = 0;
  mapCount = 0;
  seqCount = 0;

  /** All nodes free again (the last item's are no longer used); returns itself. */
  reset(): this {
    this.scalarCount = this.pairCount = this.mapCount = this.seqCount = 0;
    return this;
  }
}

const ESCAPES: Record<string, string> = {
  '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', f: '\f', e: '\x1b', ' ': ' ',
  a: '\x07', v: '\v', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};

/** Whether a map already has `key` (duplicates go to yaml, which reports them). Entities have a
 * handful of keys; a map with thousands is checked through a set so it stays linear. */
const keySets = new WeakMap<YPair[], Set<string>>();
function hasKey(pairs: YPair[], key: string): boolean {
  if (pairs.length < 32) {
    for (const p of pairs) if (p.key === key) return true;
    return false;
  }
  let set = keySets.get(pairs);
  if (!set) keySets.set(pairs, (set = new Set(pairs.map((p) => p.key))));
  if (set.has(key)) return true;
  set.add(key);
  return false;
}

/** Empties a list, keeping its storage (`length = 0` would free it, and the next push allocate it again). */
function clear(list: unknown[]): void {
  while (list.length > 0) list.pop();
}

function indexOrEnd(t: string, ch: string, from: number): number {
  const i = t.indexOf(ch, from);
  return i < 0 ? t.length : i;
}
