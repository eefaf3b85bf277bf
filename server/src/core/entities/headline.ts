/**
 * Event names in headline title case (issue #17, item 3): a headline writes "61St Council
 * Meeting" for the event "61st Council Meeting", which the case-sensitive matcher misses (and
 * then links "Council" to the body the event is named after). In headline-case paragraphs only,
 * event names and aliases are matched without regard to case, and such a match replaces the
 * mentions it covers: the event is preferred over the body it names.
 */

import { Article } from '../article';
import { EntityMention, entityMention } from '../types';
import { Tokens, foldText, isNameGap } from './tokens';
import { K_CAP, K_DIGIT } from './match';
import { EntityIndex, Target } from './trie';
import { entitiesOfType } from '../registry';

export interface EventForm {
  toks: string[];
  target: Target;
  /** Which of the event's forms: -1 its name, else the index of the alias. */
  source: number;
}

/**
 * Event forms by the lower-case first token, longest first: a Map built here, or a `--jobs`
 * worker's view of the main thread's table (which reads an event's row only when a headline word
 * starts one of its forms).
 */
export interface EventForms {
  readonly size: number;
  get(first: string): readonly EventForm[] | undefined;
  keys(): Iterable<string>;
}

/** Lower-case first token → event forms starting with it (longest first), built once per index. */
const formsMemo = new WeakMap<EntityIndex, EventForms>();

/** Gives `index` its event forms made elsewhere (a `--jobs` worker: the main thread's). */
export function presetEventForms(index: EntityIndex, forms: EventForms): void {
  formsMemo.set(index, forms);
}

/** The lower-case tokens of an event's name or alias, split as the tokenizer would, without it (its buffers hold the article's tokens). */
export function eventFormTokens(form: string): string[] {
  return foldText(form).toLowerCase().split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);
}

export function eventForms(index: EntityIndex): EventForms {
  const found = formsMemo.get(index);
  if (found) return found;
  const m = new Map<string, EventForm[]>();
  for (const e of entitiesOfType(index.registry, 'event')) {
    for (let source = -1; source < e.aliases.length; source++) {
      const toks = eventFormTokens(source < 0 ? e.name : e.aliases[source]);
      // One word is too weak to match without case ("Summit" in any headline).
      if (toks.length < 2) continue;
      let list = m.get(toks[0]);
      if (!list) m.set(toks[0], (list = []));
      list.push({ toks, target: { id: e.id, form: source < 0 ? 'name' : 'alias', entity: e }, source });
    }
  }
  for (const list of m.values()) list.sort((a, b) => b.toks.length - a.toks.length);
  formsMemo.set(index, m);
  return m;
}

/** The first two code units of a token, lower-cased and packed (7 bits each; non-ASCII → 127). */
function pairOf(s: string, from: number, to: number): number {
  return (lowUnit(s.charCodeAt(from)) << 7) | (to - from > 1 ? lowUnit(s.charCodeAt(from + 1)) : 0);
}

function lowUnit(c: number): number {
  return c >= 65 && c <= 90 ? c | 0x20 : c < 128 ? c : 127;
}

/**
 * Filters on the first token of the event forms, made once per table: `pairs` has a 1 at each
 * `pairOf` of a first token; `words` a bit at the `lowerHash` of each first token that is ASCII.
 * With many events the first two letters rule out little (2,000 invented names start with 20
 * syllables: "Minister" passes for "Mira…"), while the whole word's bit spares most words the
 * substring, lower-casing and Map look-up.
 */
interface FirstTokenFilter {
  pairs: Uint8Array;
  words: Int32Array;
}

const filterMemo = new WeakMap<EventForms, FirstTokenFilter>();

/** 2^16 bits. */
const WORD_BITS = 16;

function firstTokenFilter(forms: EventForms): FirstTokenFilter {
  let f = filterMemo.get(forms);
  if (!f) {
    f = { pairs: new Uint8Array(1 << 14), words: new Int32Array(1 << (WORD_BITS - 5)) };
    for (const k of forms.keys()) {
      f.pairs[pairOf(k, 0, k.length)] = 1;
      const h = lowerHash(k, 0, k.length);
      if (h >= 0) f.words[h >>> 5] |= 1 << (h & 31);
    }
    filterMemo.set(forms, f);
  }
  return f;
}

/**
 * A hash (`WORD_BITS` bits) of s[from, to) lower-cased, when it is all ASCII; -1 otherwise. An
 * ASCII word lower-cases unit by unit, so equal lower-case words hash alike; a word with other
 * units is never ruled out by it (its lower case could be anything `toLowerCase` makes).
 */
function lowerHash(s: string, from: number, to: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return -1;
    h = Math.imul(h ^ (c >= 65 && c <= 90 ? c | 0x20 : c), 0x01000193);
  }
  return (h ^ (h >>> WORD_BITS)) & ((1 << WORD_BITS) - 1);
}

/** Whether the token s[from, to) may be the first token of an event form (no when it cannot). */
function mayStartEvent(filter: FirstTokenFilter, s: string, from: number, to: number): boolean {
  if (!filter.pairs[pairOf(s, from, to)]) return false;
  const h = lowerHash(s, from, to);
  return h < 0 || (filter.words[h >>> 5] & (1 << (h & 31))) !== 0;
}

/** Whether tokens [from, to) are a headline: most words capitalized (as `unknown.ts` judges). */
function isHeadline(tokens: Tokens, kinds: Uint8Array, from: number, to: number): boolean {
  if (to - from > 30) return false;
  let n = 0;
  let caps = 0;
  // caps / n >= 0.7 needs n - caps <= 0.3 n <= 0.3 (to - from): past that, prose (most paragraphs) stops early.
  const most = 3 * (to - from);
  const capOrDigit = K_CAP | K_DIGIT;
  const { start, end } = tokens;
  for (let i = from; i < to; i++) {
    const cap = (kinds[i] & capOrDigit) !== 0;
    if (end[i] - start[i] <= 3 && !cap) continue;
    n++;
    if (cap) caps++;
    else if (10 * (n - caps) > most) return false;
  }
  return n >= 3 && caps / n >= 0.7;
}

/**
 * `mentions` with the title-case event names of headline paragraphs linked (sorted by start).
 * Returns `mentions` itself when nothing changes (the common case: no event in a headline).
 */
export function headlineEvents(article: Article, folded: string, tokens: Tokens, kinds: Uint8Array, ranges: Int32Array, mentions: EntityMention[], index: EntityIndex): EntityMention[] {
  const forms = eventForms(index);
  if (!forms.size) return mentions;
  const filter = firstTokenFilter(forms);
  const found: EntityMention[] = [];
  const { start, end } = tokens;
  const paragraphs = article.paragraphs.length;
  for (let p = 0; p < paragraphs; p++) {
    const t = ranges[2 * p];
    const e = ranges[2 * p + 1];
    if (e - t <= 30 && isHeadline(tokens, kinds, t, e)) {
      for (let i = t; i < e; i++) {
        // Most words start no event name: their first two letters or their hash rule them out.
        if (!mayStartEvent(filter, folded, start[i], end[i])) continue;
        const list = forms.get(folded.slice(start[i], end[i]).toLowerCase());
        if (!list) continue;
        for (const f of list) {
          if (i + f.toks.length > e) continue;
          let ok = true;
          for (let k = 1; k < f.toks.length && ok; k++) {
            const j = i + k;
            ok = isNameGap(folded, end[j - 1], start[j]) && folded.slice(start[j], end[j]).toLowerCase() === f.toks[k];
          }
          if (!ok) continue;
          const s = start[i];
          const x = end[i + f.toks.length - 1];
          found.push(entityMention(s, x, article.text.slice(s, x), 'event', f.target.id, [], f.target.form));
          i += f.toks.length - 1;
          break;
        }
      }
    }
  }
  if (!found.length) return mentions;
  // Both lists are sorted and `found` does not overlap itself: one walk drops the mentions a
  // found event covers (the same event matched in its exact case too) and puts the events in.
  const out: EntityMention[] = [];
  let k = 0;
  for (const m of mentions) {
    while (k < found.length && found[k].end <= m.start) out.push(found[k++]);
    if (k < found.length && m.start < found[k].end && found[k].start < m.end) continue;
    out.push(m);
  }
  while (k < found.length) out.push(found[k++]);
  return out;
}
