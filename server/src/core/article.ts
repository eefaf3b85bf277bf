/**
 * The article model: front matter, dateline, publication date, paragraphs and sentences, with
 * offsets into the article text.
 *
 * Input is the article text without BOM (callers strip it: `stripBom`). Both paragraph layouts
 * of scraped news are handled: one paragraph per line, and blocks of hard-wrapped lines separated
 * by blank lines. A line continues the previous one only when the previous line does not end a
 * sentence and the next line starts in lower case (or the previous line ends with a comma or a
 * function word), so headlines, captions and datelines stay paragraphs of their own. Bullet lines
 * (`•`, `-`, `*`) always start a paragraph.
 */

import { parseDocument, isMap, isScalar } from 'yaml';
import { MONTH_BY_NAME, isValidDate, parseIsoDate, pad } from './calendar';
import { upperBound } from './search';
import { Finding, finding } from './types';

export interface FrontMatterField {
  value: string;
  /** Range of the value in the article text. */
  start: number;
  end: number;
}

export interface FrontMatter {
  /** From the opening `---` to the end of the closing `---` line. */
  start: number;
  end: number;
  fields: Record<string, FrontMatterField>;
}

export interface Dateline {
  start: number;
  end: number;
  /** The ISO date it gives (`YYYY-MM-DD`), or null when it lacks a year (`TOKYO, Oct. 26 (Reuters)`). */
  date: string | null;
  /** Month and day even when the year is missing. */
  month: number;
  day: number;
  /** Which form it was recognized as, for the hover. */
  form: 'date-line' | 'published-date' | 'wire' | 'long-date';
}

export interface Sentence {
  start: number;
  end: number;
}

export interface Paragraph {
  /** First non-blank character. */
  start: number;
  /** End of the last non-blank character (exclusive). */
  end: number;
  /** Start of the first line and end of the last line including its line break: what deleting the paragraph removes. */
  lineStart: number;
  lineEnd: number;
  bullet: boolean;
  sentences: Sentence[];
}

export interface Article {
  text: string;
  frontMatter: FrontMatter | null;
  dateline: Dateline | null;
  /** `YYYY-MM-DD` or null. */
  publicationDate: string | null;
  /** `given`: supplied beside the text (the `date` of an `analyze --jsonl` input line). */
  publicationDateSource: 'given' | 'front-matter' | 'dateline' | null;
  /** Offset where the body (after front matter) starts. */
  bodyStart: number;
  paragraphs: Paragraph[];
  /** Problems in the article's own metadata (front matter syntax, invalid dates). */
  findings: Finding[];
  /**
   * `text.slice(start, end)` without reading the rest of `text`: a provisional analysis of an
   * editor's large document (core/splice.ts) has one, because reading any part of its text
   * would first copy all of it. Readers of short spans use `textSlice`.
   */
  read?: (start: number, end: number) => string;
}

/** `article.text.slice(start, end)`, through the article's `read` when it has one. */
export function textSlice(article: Article, start: number, end: number): string {
  return article.read ? article.read(start, end) : article.text.slice(start, end);
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * `givenDate` (`YYYY-MM-DD`, already validated by the caller) is a publication date known from
 * outside the text, as corpora of scraped articles carry one beside each text: it wins over the
 * front matter and the dateline, which are still parsed (and checked) as usual.
 */
export function parseArticle(text: string, givenDate?: string): Article {
  const findings: Finding[] = [];
  const frontMatter = parseFrontMatter(text, findings);
  const bodyStart = frontMatter ? frontMatter.end : 0;
  const paragraphs = splitParagraphs(text, bodyStart);
  const dateline = findDateline(text, paragraphs);

  let publicationDate: string | null = givenDate ?? null;
  let publicationDateSource: Article['publicationDateSource'] = givenDate ? 'given' : null;
  const fmDate = frontMatter?.fields['date'];
  if (fmDate) {
    const p = parseIsoDate(fmDate.value);
    if (p && p.m !== undefined && p.d !== undefined) {
      if (!givenDate) {
        publicationDate = `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}`;
        publicationDateSource = 'front-matter';
      }
    } else {
      findings.push(finding('invalid-date', fmDate.start, fmDate.end,
        `Front matter date '${fmDate.value}' is not a valid date: write it as YYYY-MM-DD (or an ISO date-time).`));
    }
  }
  if (!publicationDate && dateline?.date) {
    publicationDate = dateline.date;
    publicationDateSource = 'dateline';
  }
  return { text, frontMatter, dateline, publicationDate, publicationDateSource, bodyStart, paragraphs, findings };
}

// ---------------------------------------------------------------------------------------------
// Front matter

const FM_OPEN = /^---[ \t]*\r?\n/;
const FM_CLOSE = /^---[ \t]*(?:\r?\n|$)/m;

function parseFrontMatter(text: string, findings: Finding[]): FrontMatter | null {
  const open = FM_OPEN.exec(text);
  if (!open) return null;
  const rest = text.slice(open[0].length);
  const close = FM_CLOSE.exec(rest);
  if (!close) return null;
  const yamlStart = open[0].length;
  const yamlText = rest.slice(0, close.index);
  const end = yamlStart + close.index + close[0].length;
  return { start: 0, end, fields: plainFrontMatter(yamlText, yamlStart) ?? yamlFrontMatter(yamlText, yamlStart, findings) };
}

/** The front matter's fields as the `yaml` package reads them; its errors become findings. Exported for tests. */
export function yamlFrontMatter(yamlText: string, yamlStart: number, findings: Finding[]): Record<string, FrontMatterField> {
  const fields: Record<string, FrontMatterField> = {};
  const doc = parseDocument(yamlText);
  for (const e of doc.errors) {
    const [s, t] = e.pos;
    findings.push(finding('front-matter-syntax', yamlStart + s, yamlStart + Math.max(t, s + 1),
      `Front matter is not valid YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}. Fix the YAML between the --- lines.`));
  }
  if (doc.errors.length === 0 && isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (!isScalar(pair.key) || !isScalar(pair.value) || !pair.value.range) continue;
      const key = String(pair.key.value);
      const v = pair.value.value;
      fields[key] = {
        value: v instanceof Date ? v.toISOString().slice(0, 10) : String(v),
        start: yamlStart + pair.value.range[0],
        end: yamlStart + pair.value.range[1],
      };
    }
  }
  return fields;
}

/** `key: value` with a plain key at the start of the line and a value that starts with a letter or digit. */
const PLAIN_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):[ ]+([A-Za-z0-9][^\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff#:"{}[\]|>&*!%@`]*?)[ ]*\r?$/;
/** Plain scalars the YAML core schema reads as something other than the same string. */
const NOT_A_STRING = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0[oO][0-7]+|0[xX][0-9a-fA-F]+)$/;

/**
 * The front matter most articles have — one `key: plain text` per line — read without the YAML
 * parser (it dominated the cost of small articles). Anything else (quotes, comments, colons,
 * flow or block collections, values the core schema reads as numbers, booleans or null, a
 * repeated key, a blank line) returns null and the `yaml` package reads it, so both give the
 * same fields and offsets (`test/unit/front-matter.test.ts` compares them).
 */
export function plainFrontMatter(yamlText: string, at: number): Record<string, FrontMatterField> | null {
  const fields: Record<string, FrontMatterField> = {};
  let pos = 0;
  while (pos < yamlText.length) {
    let nl = yamlText.indexOf('\n', pos);
    if (nl < 0) nl = yamlText.length;
    const m = PLAIN_LINE.exec(yamlText.slice(pos, nl));
    if (!m || NOT_A_STRING.test(m[2]) || NOT_A_STRING.test(m[1]) || Object.prototype.hasOwnProperty.call(fields, m[1])) return null;
    const start = at + pos + m[0].indexOf(m[2], m[1].length + 1);
    fields[m[1]] = { value: m[2], start, end: start + m[2].length };
    pos = nl + 1;
  }
  return fields;
}

// ---------------------------------------------------------------------------------------------
// Paragraphs and sentences

/**
 * A line's own tests, on character codes of the text in place (no copy of each line): a bullet
 * (`•▪◦‣●·`, or `-`/`*` before a space or tab), the end of a sentence (`.!?:;"”’')]…`), a
 * lower-case start (after an opening quote or bracket), and an end that continues (a comma, a
 * dash, or one of the function words `CONTINUES` lists as the line's last word).
 */
const BULLETS = new Set([0x2022, 0x25aa, 0x25e6, 0x2023, 0x25cf, 0xb7]);
const SENTENCE_ENDS = new Set([...'.!?:;"\u201d\u2019\')]\u2026'].map((c) => c.charCodeAt(0)));
const OPENERS = new Set([...'"\u201c\u2018\'('].map((c) => c.charCodeAt(0)));
const CONTINUES = new Set(['the', 'a', 'an', 'of', 'and', 'or', 'to', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'as', 'its', 'his', 'her', 'their', 'our', 'that', 'which', 'who', 'is', 'was', 'were', 'are', 'be', 'not', 'than', 'between', 'into', 'about']);

function isBullet(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  if (BULLETS.has(c)) return true;
  if (c !== 45 && c !== 42) return false;
  const d = start + 1 < end ? text.charCodeAt(start + 1) : -1;
  return d === 32 || d === 9;
}

function startsLower(text: string, start: number, end: number): boolean {
  let c = text.charCodeAt(start);
  if (OPENERS.has(c) && start + 1 < end) c = text.charCodeAt(start + 1);
  return c >= 97 && c <= 122;
}

const isWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/** A comma, a dash, or a function word (the whole last word, case as listed) at the end of `text[start, end)`. */
function endContinues(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(end - 1);
  if (c === 44 || c === 45 || c === 0x2013) return true;
  let w = end;
  while (w > start && isWordChar(text.charCodeAt(w - 1))) w--;
  return end - w >= 1 && end - w <= 7 && CONTINUES.has(text.slice(w, end));
}

function splitParagraphs(text: string, from: number): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let cur: Paragraph | null = null;
  /** The last non-blank line's content, `text[prevStart, prevEnd)`. */
  let prevStart = 0;
  let prevEnd = 0;
  let pos = from;
  const n = text.length;
  while (pos < n) {
    let eol = text.indexOf('\n', pos);
    const lineEnd = eol < 0 ? n : eol + 1;
    if (eol < 0) eol = n;
    let contentEnd = eol;
    while (contentEnd > pos && isSpace(text.charCodeAt(contentEnd - 1))) contentEnd--;
    let contentStart = pos;
    while (contentStart < contentEnd && isSpace(text.charCodeAt(contentStart))) contentStart++;
    if (contentStart === contentEnd) {
      cur = null;
    } else {
      const bullet = isBullet(text, contentStart, contentEnd);
      const continuation = cur !== null && !bullet && !SENTENCE_ENDS.has(text.charCodeAt(prevEnd - 1)) &&
        (startsLower(text, contentStart, contentEnd) || endContinues(text, prevStart, prevEnd));
      if (continuation && cur) {
        cur.end = contentEnd;
        cur.lineEnd = lineEnd;
      } else {
        cur = { start: contentStart, end: contentEnd, lineStart: pos, lineEnd, bullet, sentences: [] };
        paragraphs.push(cur);
      }
      prevStart = contentStart;
      prevEnd = contentEnd;
    }
    pos = lineEnd;
  }
  for (const p of paragraphs) p.sentences = splitSentences(text, p.start, p.end);
  return paragraphs;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10 || c === 0xa0 || c === 0x3000 || c === 0xfeff;
}

/** Words whose trailing dot does not end a sentence (exported for the tests). */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm', 'gov', 'sen', 'rep', 'amb',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'vs', 'etc', 'inc',
  'ltd', 'co', 'corp', 'jr', 'sr', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'approx', 'dept', 'est', 'fig', 'vol', 'pp',
]);

/** The longest of ABBREVIATIONS. */
const MAX_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((w) => w.length));
/** `/^["“‘'(]/`: what may open the word before a period, left out of the abbreviation looked up. */
const OPENING = new Set([...'"\u201c\u2018\'('].map((c) => c.charCodeAt(0)));

/** ABBREVIATIONS by length. */
const ABBREVIATIONS_BY_LENGTH: string[][] = Array.from({ length: MAX_ABBREVIATION + 2 }, (_, n) => [...ABBREVIATIONS].filter((w) => w.length === n));

/**
 * Whether the sentence goes on after the period that ends the word `text[from, to)` (the next
 * sentence would start at `k`), as `splitSentences` decides it on the lower-cased word without an
 * opening quote or bracket: an abbreviation, a single letter, "p.m. (": 1 yes, 0 no, -1 when the
 * word is not all ASCII (the caller then reads it as a lower-cased copy).
 */
function asciiGoesOn(text: string, from: number, to: number, k: number): number {
  for (let j = from; j < to; j++) if (text.charCodeAt(j) >= 128) return -1;
  // The ASCII openers are no letters: left out before lower-casing or after, the same.
  const a = from < to && OPENING.has(text.charCodeAt(from)) ? from + 1 : from;
  const n = to - a;
  if (n === 1) {
    const c = asciiLower(text.charCodeAt(a));
    if (c >= 97 && c <= 122) return 1;
  }
  const ws = ABBREVIATIONS_BY_LENGTH[n];
  for (let j = 0; j < ws.length; j++) if (sameLower(text, a, ws[j])) return 1;
  if (n === 3 && text.charCodeAt(k) === 40 && (sameLower(text, a, 'a.m') || sameLower(text, a, 'p.m'))) return 1;
  return 0;
}

/** An ASCII code lower-cased. */
function asciiLower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Whether `text` from `at`, lower-cased, begins with `w` (lower-case ASCII). */
function sameLower(text: string, at: number, w: string): boolean {
  for (let j = 0; j < w.length; j++) if (asciiLower(text.charCodeAt(at + j)) !== w.charCodeAt(j)) return false;
  return true;
}

/** `/["”’')\]]/`: closing quotes and brackets, which stay in the sentence they end. */
const CLOSERS = new Set([...'"\u201d\u2019\')]'].map((c) => c.charCodeAt(0)));

/** `/\s/` of JavaScript, on a character code. */
function isJsSpace(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `/["“‘'(\[A-Z0-9À-ÖØ-Þ•-]/`: what a new sentence may start with. */
function startsSentence(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 34 || c === 0x201c || c === 0x2018 || c === 39 || c === 40 || c === 91 ||
    (c >= 0xc0 && c <= 0xd6) || (c >= 0xd8 && c <= 0xde) || c === 0x2022 || c === 45;
}

export function splitSentences(text: string, start: number, end: number): Sentence[] {
  const out: Sentence[] = [];
  let s = start;
  // The candidates ('.', '!', '?') are found by the native search in the paragraph alone (a slice
  // of a long text shares its characters), not read character by character.
  const para = start === 0 && end === text.length ? text : text.slice(start, end);
  let dot = para.indexOf('.');
  let bang = para.indexOf('!');
  let ask = para.indexOf('?');
  for (;;) {
    let r = dot;
    if (bang >= 0 && (r < 0 || bang < r)) r = bang;
    if (ask >= 0 && (r < 0 || ask < r)) r = ask;
    if (r < 0) break;
    if (r === dot) dot = para.indexOf('.', r + 1);
    else if (r === bang) bang = para.indexOf('!', r + 1);
    else ask = para.indexOf('?', r + 1);
    const i = start + r;
    const code = text.charCodeAt(i);
    // Include closing quotes and brackets in the sentence.
    let j = i + 1;
    while (j < end && CLOSERS.has(text.charCodeAt(j))) j++;
    if (j < end && !isJsSpace(text.charCodeAt(j))) continue;
    let k = j;
    while (k < end && isJsSpace(text.charCodeAt(k))) k++;
    if (k >= end) break;
    if (!startsSentence(text.charCodeAt(k))) continue;
    if (code === 46) {
      const wordStart = Math.max(text.lastIndexOf(' ', i - 1) + 1, s);
      // A longer word is none of these (lower-casing never shortens a word, the opening quote is
      // one character): most sentence ends are read without a copy of their last word.
      if (i - wordStart <= MAX_ABBREVIATION + 1) {
        // An ASCII word (nearly every one) is read in place: no copy, no lower-cased copy.
        const ascii = asciiGoesOn(text, wordStart, i, k);
        if (ascii === 1) continue;
        if (ascii < 0) {
          let word = text.slice(wordStart, i).toLowerCase();
          if (OPENING.has(word.charCodeAt(0))) word = word.slice(1);
          if (ABBREVIATIONS.has(word) || (word.length === 1 && word.charCodeAt(0) >= 97 && word.charCodeAt(0) <= 122)) continue;
          // "at 3:20 p.m. (1020 GMT) on Thursday": a clock time's conversion in brackets goes on.
          if ((word === 'a.m' || word === 'p.m') && text.charCodeAt(k) === 40) continue;
        }
      }
    }
    out.push({ start: s, end: j });
    s = k;
    // The next sentence starts at k: what lies between is closers and spaces, no candidate.
    if (dot >= 0 && dot < k - start) dot = para.indexOf('.', k - start);
    if (bang >= 0 && bang < k - start) bang = para.indexOf('!', k - start);
    if (ask >= 0 && ask < k - start) ask = para.indexOf('?', k - start);
  }
  if (s < end) out.push({ start: s, end });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Datelines

/** How many paragraphs from the top a dateline may be in. */
export const DATELINE_WINDOW = 8;

const DL_DATE_LINE = /^date\s+(\d{4})-(\d{2})-(\d{2})(?:\s+\d+)?$/i;
const DL_PUBLISHED = /^(?:[-•*]\s*)?(?:Published|Updated|Posted)(?:\s+(?:Date|on))?\s*:?\s*(?:\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:GMT|UTC)?\s*[|,-]?\s*)?(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})\b/;
const DL_PUBLISHED_US = /^(?:[-•*]\s*)?(?:Published|Updated|Posted)(?:\s+(?:Date|on))?\s*:?\s*(?:\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:GMT|UTC)?\s*[|,-]?\s*)?([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})\b/;
const DL_WIRE = /^[A-Z][A-Z .'-]+(?:,\s*[A-Za-z .'-]+)?,\s+([A-Z][a-z]+)\.?\s+(\d{1,2})(?:,\s*(\d{4}))?\s*\(([^)]+)\)\s*[-–—]/;
const DL_LONG = /^(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?([A-Z][a-z]+)\.?\s+(\d{1,2}),\s+(\d{4})$|^(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})$/;

function findDateline(text: string, paragraphs: Paragraph[]): Dateline | null {
  for (let i = 0; i < paragraphs.length && i < DATELINE_WINDOW; i++) {
    const p = paragraphs[i];
    const nl = text.indexOf('\n', p.start);
    // The first line's end without trailing white space (as `trimEnd` would cut it), tested in
    // place: most paragraphs are sentences, and no copy of them is made.
    let end = nl < 0 ? p.end : Math.min(p.end, nl);
    while (end > p.start && isJsSpace(text.charCodeAt(end - 1))) end--;
    if (!mayBeDatelineAt(text, p.start, end)) continue;
    const line = text.slice(p.start, end);
    const d = matchDateline(line);
    if (d) return { ...d, start: p.start, end: p.start + line.length };
  }
  return null;
}

/**
 * False for a line none of the dateline patterns can match, by its first, second and last
 * characters: most paragraphs are sentences ("Japan and Qatar will …") that end in a period, and
 * then no pattern is tried. `DL_DATE_LINE` and `DL_LONG` end with a digit and start with `d`/`D`,
 * a capital or a digit; `DL_PUBLISHED(_US)` start with a bullet or `P`/`U`; `DL_WIRE` with two
 * capitals (or a capital and a space, `.`, `'` or `-`).
 */
export function mayBeDateline(line: string): boolean {
  return mayBeDatelineAt(line, 0, line.length);
}

/** `mayBeDateline(text.slice(start, end))`, read in place. */
function mayBeDatelineAt(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  const c0 = text.charCodeAt(start);
  const upper0 = c0 >= 65 && c0 <= 90;
  const last = text.charCodeAt(end - 1);
  if (last >= 48 && last <= 57 && (upper0 || (c0 >= 48 && c0 <= 57) || c0 === 100)) return true;
  // '-', '•', '*', 'P', 'U'
  if (c0 === 45 || c0 === 0x2022 || c0 === 42 || c0 === 80 || c0 === 85) return true;
  if (!upper0 || end - start < 2) return false;
  const c1 = text.charCodeAt(start + 1);
  // [A-Z .'-]
  return (c1 >= 65 && c1 <= 90) || c1 === 32 || c1 === 46 || c1 === 39 || c1 === 45;
}

export function matchDateline(line: string): Omit<Dateline, 'start' | 'end'> | null {
  let r = DL_DATE_LINE.exec(line);
  if (r) return make(Number(r[1]), Number(r[2]), Number(r[3]), 'date-line');
  r = DL_PUBLISHED.exec(line);
  if (r) return make(Number(r[3]), month(r[2]), Number(r[1]), 'published-date');
  r = DL_PUBLISHED_US.exec(line);
  if (r) return make(Number(r[3]), month(r[1]), Number(r[2]), 'published-date');
  r = DL_WIRE.exec(line);
  if (r) return make(r[3] ? Number(r[3]) : null, month(r[1]), Number(r[2]), 'wire');
  r = DL_LONG.exec(line);
  if (r) {
    return r[1] !== undefined
      ? make(Number(r[3]), month(r[1]), Number(r[2]), 'long-date')
      : make(Number(r[6]), month(r[5]), Number(r[4]), 'long-date');
  }
  return null;
}

function month(name: string): number {
  return MONTH_BY_NAME.get(name.toLowerCase().replace(/\.$/, '')) ?? 0;
}

function make(y: number | null, m: number, d: number, form: Dateline['form']): Omit<Dateline, 'start' | 'end'> | null {
  if (m === 0 || d < 1 || d > 31) return null;
  if (y !== null && !isValidDate(y, m, d)) return null;
  return { date: y === null ? null : `${pad(y, 4)}-${pad(m)}-${pad(d)}`, month: m, day: d, form };
}

/** The paragraph containing an offset, by binary search. */
export function paragraphAt(article: Article, offset: number): Paragraph | undefined {
  const ps = article.paragraphs;
  const p = ps[upperBound(ps, offset, (x) => x.end)];
  return p && p.start <= offset ? p : undefined;
}
