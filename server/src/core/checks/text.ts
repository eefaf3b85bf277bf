/**
 * Text helpers shared by the paragraph checks (duplicates, near-duplicates) and the workspace
 * index (boilerplate): folding a paragraph to a comparable fingerprint, word lists, 5-word
 * shingles, line numbers for messages, and the sentence around an offset.
 *
 * Folding is what makes "the same paragraph" robust to what scrapers and editors change without
 * changing the text: case, runs of white space and line breaks, punctuation, typographic quotes
 * and apostrophes, and diacritics.
 */

import { Article, Sentence, paragraphAt } from '../article';

/** Paragraphs with fewer words than this are never reported as duplicates or boilerplate. */
export const MIN_WORDS = 6;

/** The words of a text after folding case, diacritics and apostrophes. */
export function foldedWords(text: string): string[] {
  // ASCII text (most news paragraphs): NFKD and the combining marks change nothing, and the
  // Unicode classes are [a-z0-9] once lower-cased, so one scan gives the same words.
  if (ASCII.test(text)) return asciiWords(text);
  return folded(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * `text` in NFKD without combining marks and apostrophes, lower-cased. Apostrophes join the parts
 * of a word (`Japan’s` → `japans`), so straight and curly forms agree. (The global expressions
 * are literals here, one per call, so that no `lastIndex` is shared at module level; this is the
 * path of text outside ASCII and the Latin characters `foldedChar` knows.)
 */
function folded(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/['’‘ʼ`´]/g, '').toLowerCase();
}

const ASCII = /^[\x00-\x7f]*$/;

function asciiWords(text: string): string[] {
  const out: string[] = [];
  let word = '';
  /** Start of the run of word characters not yet added to `word`. */
  let run = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const isWord = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    if (isWord) {
      if (run < 0) run = i;
      continue;
    }
    if (run >= 0) {
      word += text.slice(run, i);
      run = -1;
    }
    // An apostrophe (' or `) joins the letters around it; anything else ends the word.
    if (c === 39 || c === 96) continue;
    if (word) {
      out.push(word.toLowerCase());
      word = '';
    }
  }
  return out;
}

/**
 * A paragraph's folded words joined by single spaces (equal keys: the same paragraph), and how
 * many there are. Words hold no space, so `key.split(' ')` gives them back; only the key is kept
 * (a 5 MB article's words as separate strings took six times the memory).
 */
export interface Fingerprint {
  key: string;
  wordCount: number;
}

/**
 * The buffers of the fingerprint walk, owned by the caller (a run keeps one in its
 * `CheckScratch`, scratch.ts): nothing at module level is written, so walks of different callers
 * never share a buffer. Each call that writes `buf` decodes what it wrote before returning.
 */
export class KeyScratch {
  /** The key's bytes while a walk writes them (grown as needed). */
  buf = new Uint8Array(256);
  /**
   * The FNV-1a hash of each word of the last walked key (its `words` of them): written during the
   * same walk, so the near-duplicate check's shingles need no second pass over the key.
   */
  hashes = new Int32Array(128);
  /** How many words the last walk counted. */
  words = 0;
  /** The folding of each character below FOLDED_CHARS, made when first met (`foldedChar`). */
  readonly folded: (string | null | undefined)[] = [];
}

/** ASCII bytes to a string: every byte below 0x80 decodes to itself in windows-1252. */
const LATIN1 = new TextDecoder('latin1');
/** FNV-1a's offset basis and prime, for the words' and shingles' hashes. */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;
/** What an ASCII character is in a key: its lower-case self (a letter or digit), 1 (an apostrophe, ' or `, which joins), 0 (a separator). */
const ASCII_FOLD = asciiFold();

function asciiFold(): Uint8Array {
  const t = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    t[c] = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? c : c >= 65 && c <= 90 ? c | 0x20 : c === 39 || c === 96 ? 1 : 0;
  }
  return t;
}

/**
 * The fingerprint of `text[start, end)` (a paragraph): its folded words joined by single spaces.
 * Text in ASCII and the Latin and punctuation characters `foldedChar` folds (most news
 * paragraphs) is read in place, its words lower-cased into one byte buffer decoded once — no copy
 * of the paragraph, no string per word, no list; anything else is folded in full. The hashes of
 * its words are left in `scratch.hashes` until the scratch's next use.
 */
export function fingerprint(text: string, start = 0, end = text.length, scratch: KeyScratch = new KeyScratch()): Fingerprint {
  const n = walkKey(scratch, text, start, end, 0);
  if (n < 0) return foldedFingerprint(scratch, start === 0 && end === text.length ? text : text.slice(start, end));
  return { key: n ? LATIN1.decode(scratch.buf.subarray(0, n)) : '', wordCount: scratch.words };
}

/**
 * `fingerprint` of each range `[starts[i], ends[i])` of `text` (paragraphs), the keys of all
 * decoded at once (one call, where a call per paragraph cost as much as the walk of its text).
 * After each range's walk, `each(i, wordCount)` is called while `scratch.hashes` holds its words.
 */
export function fingerprints(text: string, ranges: readonly { start: number; end: number }[], each: (i: number, words: number) => void, scratch: KeyScratch = new KeyScratch()): Fingerprint[] {
  const out: Fingerprint[] = new Array<Fingerprint>(ranges.length);
  /** Per range: where its key ends in the buffer, or -1 when it was folded in full (its key in `out`). */
  const keyEnds = new Int32Array(ranges.length);
  const counts = new Int32Array(ranges.length);
  let at = 0;
  /** The first range whose key is in the buffer, not decoded yet. */
  let pending = 0;
  // The keys of ranges [pending, upTo) decoded, the buffer emptied.
  const decode = (upTo: number): void => {
    const all = at ? LATIN1.decode(scratch.buf.subarray(0, at)) : '';
    let from = 0;
    for (let i = pending; i < upTo; i++) {
      const e = keyEnds[i];
      if (e < 0) continue;
      out[i] = { key: from === 0 && e === all.length ? all : all.slice(from, e), wordCount: counts[i] };
      from = e;
    }
    at = 0;
    pending = upTo;
  };
  for (let i = 0; i < ranges.length; i++) {
    const { start, end } = ranges[i];
    // The buffer holds a few hundred kilobytes of keys at most, whatever the article.
    if (at && at + end - start > KEY_BATCH) decode(i);
    const n = walkKey(scratch, text, start, end, at);
    if (n < 0) {
      out[i] = foldedFingerprint(scratch, text.slice(start, end));
      keyEnds[i] = -1;
      counts[i] = out[i].wordCount;
    } else {
      keyEnds[i] = at = n;
      counts[i] = scratch.words;
    }
    each(i, counts[i]);
  }
  decode(ranges.length);
  return out;
}

/** How many bytes of keys `fingerprints` decodes at a time at most (but for one long range). */
const KEY_BATCH = 1 << 18;

/**
 * Writes the key of `text[start, end)` into `s.buf` from `at` (grown as needed, what lies before
 * `at` kept), its word count to `s.words` and its words' hashes to `s.hashes`; gives where the
 * key ends, or -1 (nothing kept) when a character needs the full folding.
 */
function walkKey(s: KeyScratch, text: string, start: number, end: number, at: number): number {
  // The key is never longer than the text (a space stands for at least one separator) but where a
  // character folds to several letters (then the buffer grows as it goes).
  if (s.buf.length < at + end - start) s.buf = grown(s.buf, at + end - start);
  // A word takes a character and a separator at least: at most half the text's words, plus one.
  if (s.hashes.length <= (end - start) >> 1) s.hashes = new Int32Array(Math.max((end - start) >> 1, s.hashes.length) + 1);
  const hashes = s.hashes;
  let buf = s.buf;
  let n = at;
  let count = 0;
  /** FNV-1a of the open word's letters so far. */
  let h = FNV_OFFSET;
  /** A word is open: nothing but apostrophes (' or `) since its last letters, which join what follows to it. */
  let open = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) {
      // Latin letters with diacritics, typographic quotes, dashes, bullets: folded by their own
      // folding (`foldedChar`), the same as in the whole text; anything else folds the whole text.
      const f = c < FOLDED_CHARS ? foldedChar(s, c) : null;
      if (f === null) return -1;
      if (f === ' ') open = false;
      else if (f !== '') {
        if (buf.length < n + f.length + 1) buf = s.buf = grown(buf, n + f.length + 1);
        for (let k = 0; k < f.length; k++) {
          if (!open) {
            if (count) {
              buf[n++] = 32;
              hashes[count - 1] = h;
              h = FNV_OFFSET;
            }
            count++;
            open = true;
          }
          const b = f.charCodeAt(k);
          buf[n++] = b;
          h = Math.imul(h ^ b, FNV_PRIME);
        }
      }
      continue;
    }
    const b = ASCII_FOLD[c];
    if (b > 1) {
      if (!open) {
        if (count) {
          buf[n++] = 32;
          hashes[count - 1] = h;
          h = FNV_OFFSET;
        }
        count++;
        open = true;
      }
      buf[n++] = b;
      h = Math.imul(h ^ b, FNV_PRIME);
    } else if (b === 0) open = false;
  }
  if (count) hashes[count - 1] = h;
  s.words = count;
  return n;
}

/**
 * The FNV-1a hashes of the words of a fingerprint key (words separated by single spaces) into
 * `scratch.hashes`, as the walk hashes them (equal words hash alike); how many.
 */
export function keyWordHashesOf(key: string, scratch: KeyScratch): number {
  if (scratch.hashes.length <= key.length >> 1) scratch.hashes = new Int32Array((key.length >> 1) + 1);
  const hashes = scratch.hashes;
  let count = 0;
  let h = FNV_OFFSET;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c !== 32) h = Math.imul(h ^ c, FNV_PRIME);
    else {
      hashes[count++] = h;
      h = FNV_OFFSET;
    }
  }
  if (key.length) hashes[count++] = h;
  return count;
}

function grown(buf: Uint8Array<ArrayBuffer>, need: number): Uint8Array<ArrayBuffer> {
  const bigger = new Uint8Array(Math.max(need, 2 * buf.length));
  bigger.set(buf);
  return bigger;
}

/** Characters below this have their folding looked up (`foldedChar`): Latin-1 to Latin Extended-B, combining marks, general punctuation. */
const FOLDED_CHARS = 0x2070;
const WORD_CHARS = /^[a-z0-9]*$/;
const NO_WORD_CHAR = /^[^\p{L}\p{N}]+$/u;

/**
 * What folding (`foldedWords`) makes of one character inside a text: letters and digits
 * (`é` → `e`, `²` → `2`), '' when it vanishes (a combining mark, an apostrophe: the letters
 * around it join), ' ' when it separates words (`“`, `—`, a no-break space), or null when it
 * folds to something else (a non-Latin letter, `½`): the whole text is folded then. Folding a
 * text character by character gives the same words as folding it whole for these: NFKD
 * decomposes each character by itself, reordering only moves combining marks (removed, or not
 * letters), and lower-casing is not context-sensitive outside Greek. Remembered in the scratch.
 */
function foldedChar(s: KeyScratch, c: number): string | null {
  let f = s.folded[c];
  if (f === undefined) {
    const x = folded(String.fromCharCode(c));
    s.folded[c] = f = WORD_CHARS.test(x) ? x : NO_WORD_CHAR.test(x) ? ' ' : null;
  }
  return f;
}

function foldedFingerprint(scratch: KeyScratch, text: string): Fingerprint {
  const words = foldedWords(text);
  const key = words.join(' ');
  keyWordHashesOf(key, scratch);
  return { key, wordCount: words.length };
}

/** The distinct 5-word shingles of a word list (empty for fewer than 5 words). */
export function shingles(words: readonly string[], size = 5): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + size <= words.length; i++) out.add(words.slice(i, i + size).join(' '));
  return out;
}

/** The sentence containing `offset`, or undefined outside every paragraph. */
export function sentenceAt(article: Article, offset: number): Sentence | undefined {
  const p = paragraphAt(article, offset);
  if (!p) return undefined;
  for (const s of p.sentences) if (offset >= s.start && offset < s.end) return s;
  return p.sentences[p.sentences.length - 1];
}

/** A file name for messages: the last segment of a path or URI. */
export function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i >= 0 ? path.slice(i + 1) : path;
}
