/**
 * Unknown entities: capitalized, name-like spans that match nothing in the registry (`Osamu
 * Izawa`, `Staff Brigadier Nassir bin Ali al-Thani` without its title), reported as hints with a
 * guessed type and a fix that adds them to the registry.
 *
 * False alarms cost users more than misses, so the rules are conservative: at least two
 * capitalized words; function words, titles, months and weekdays are not names; headline-case
 * lines, bullets of links and spans touching a registry match are skipped.
 */

import { FIX_COMMANDS } from '../commands';
import { Article } from '../article';
import { EntityMention, EntityType, Finding, entityMention, finding } from '../types';
import { Tokens, isAllCaps, isCapitalized, isNameGapUnits, tokenText } from './tokens';
import { K_CAP, K_COVERED } from './match';
import {
  CAPITAL_FUNCTION, DEFAULT_MIN_CONFIDENCE, DOCUMENT_TITLE, FURNITURE, GIVEN_NAMES, TITLE_TAIL, apposedTitle, isDemonymLike, isTitleCaseLine, knownDemonyms, knownNameParts,
  lineEndOf, lineFirstWord, lineStartOf, sayingNear, wordBefore, ReadonlySetLike,
} from './evidence';
import { EntityIndex } from './trie';

/** What the guess may use besides the text: the registry (known name parts) and the threshold. */
export interface UnknownOptions {
  index?: EntityIndex;
  /** Only guesses with at least this confidence (0..1) are reported; default `DEFAULT_MIN_CONFIDENCE`. */
  minConfidence?: number;
}

/** Per-call state of `consider` (recognition is synchronous). */
interface Scan {
  text: string;
  known: ReadonlySetLike | undefined;
  demonyms: ReadonlySetLike | undefined;
  min: number;
  mentions: EntityMention[];
  findings: Finding[];
  /** The last line `titleCaseLine` was asked about (start, end; -1: none), and its answer. */
  lineFrom: number;
  lineTo: number;
  lineTitle: boolean;
}

export const STOP = new Set(('The A An In On At For During After Before This That These Those It He She They We I You But And Or As By From With While ' +
  'When Since Both Its His Her Their Our Such Also However Meanwhile According Last Next Speaking Currently Previously Recent Recently ' +
  'Building Related Most Key Many Some All Each Every Other Another No Not Yes Why What Where Who How Which Whose If Then Than Through ' +
  'Under Over Between Among Against Into Onto Upon Within Without About Across Along Around Despite Following Including Like Unlike ' +
  'Via Per Today Tomorrow Yesterday There Here Of To Is Was Were Are Be Been Has Have Had Do Does Did Will Would Can Could May Might ' +
  'Must Shall Should Mr Mrs Ms Our Your My New Old First Second Third Further More Less Any Much So Yet Still Even Only Just Photo ' +
  'Comments Published Updated Posted Read Watch See Source Sources Legal Disclaimer Market Research World Tags Share').split(' '));

const MONTHS_DAYS = new Set(('January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec ' +
  'Monday Tuesday Wednesday Thursday Friday Saturday Sunday').split(' '));

const HONORIFIC = new Set('HE H.E HRH Dr Sheikh Sheikha Prince Princess Crown Mr Mrs Ms Madam Sir Dame Lord Lady Staff Brigadier General Gen Major Colonel Col Admiral Lieutenant Captain King Queen Emir Amir Professor Prof Ambassador President Chancellor Senator Governor Mayor Minister Secretary Director Chief Deputy Spokesperson Spokesman Chairman Chair Envoy Commander Premier'.split(' '));

const PARTICLE = new Set(['bin', 'bint', 'ibn', 'al', 'el', 'abu', 'de', 'van', 'von', 'der', 'da', 'di', 'la', 'le', 'du', 'dos']);
const CONNECTOR = new Set(['of', 'for', 'the']);

/** Bit `c - 97` of each lower-case letter a particle or connector starts with: other words end a run unsliced. */
const RUN_WORD_FIRST = [...PARTICLE, ...CONNECTOR].reduce((bits, w) => bits | (1 << (w.charCodeAt(0) - 97)), 0);

/**
 * Capitalized common nouns that make a span a title, a programme or a topic rather than a
 * name ("Chiefs of Staff", "Military Talks", "International Affairs"): such spans are skipped
 * unless an organization word makes them an organization.
 */
const COMMON = new Set(('International Affairs Military Memorandum Defense Defence Exchanges Exchange Chiefs Chief Staff Talks Talk Security ' +
  'Cooperation Co Strategic Partnership Partnerships Foreign Interior Economic Economy National Global Regional Joint Free Open ' +
  'Concept Theme Relations Relation Policy Declaration Agreement Treaty Statement Meeting Meetings Dialogue Dialogues Summit Talks ' +
  'Trust Funds Fund Comprehensive Assistance Support Operations Operation Mission Missions Partners Partner Allies Ally Peace ' +
  'Technology Technologies Science Cyber Maritime Humanitarian Disaster Relief Emergency Nuclear Energy Trade Aid Development ' +
  'Minister Ministers Secretary Secretaries Director Directors General Press Deputy Ambassador Ambassadors Officials Official ' +
  'Government Governments State States Heads Head Leaders Leader Public Private Capital Standard Times Daily Weekly Online ' +
  'Stories Popular Research Data Hub Records Attendees Platform Study Dangers Tools Traders Coins Coin Launches Breaks Expands ' +
  'Charter Taps Raises Publishes Transform Trading Transparency Prop Web Event Largest World').split(' '));

const ORG_WORDS = new Set(('Ministry Agency Forces Force Council Organization Organisation Authority Office Committee Commission Bank Fund Group ' +
  'Institute University Times News Program Programme Alliance Union Association Centre Center Command Army Navy Party Corporation Company ' +
  'Electric Industries Inc Ltd Foundation Secretariat Department Bureau Service Services Federation League Court Parliament Assembly Cabinet ' +
  'Survey Nations Coalition Platform Initiative Summit Conference Dialogue Forum Meeting Herald Post Journal Press Agency Network ' +
  'Gazette Tribune Telegraph Chronicle Awsat Observer Courier Guardian Broadcasting Radio Television').split(' '));

const PLACE_WORDS = new Set(('Sea Seas Strait Straits Peninsula Region Prefecture Islands Island Ocean Gulf Mountains River City Province ' +
  'East West North South Middle Pacific Atlantic Asia Europe Euro Indo Central Balkans Bay Valley Coast Republic Kingdom').split(' '));

export function unknownEntities(article: Article, folded: string, tokens: Tokens, kinds: Uint8Array, ranges: Int32Array, known: readonly EntityMention[], opts: UnknownOptions = {}): { mentions: EntityMention[]; findings: Finding[] } {
  const mentions: EntityMention[] = [];
  const findings: Finding[] = [];
  const text = article.text;
  const scan: Scan = { text, known: opts.index ? knownNameParts(opts.index) : undefined, demonyms: opts.index ? knownDemonyms(opts.index) : undefined, min: opts.minConfidence ?? DEFAULT_MIN_CONFIDENCE, mentions, findings, lineFrom: -1, lineTo: -1, lineTitle: false };
  markCovered(tokens, kinds, known);
  const paragraphs = article.paragraphs;
  for (let p = 0; p < paragraphs.length; p++) {
    const t = ranges[2 * p];
    const e = ranges[2 * p + 1];
    if (t < e && !isHeadline(tokens, kinds, t, e)) scanParagraph(scan, folded, tokens, kinds, t, e, paragraphs[p].start);
  }
  return { mentions, findings };
}

/**
 * Marks the tokens that overlap a registry match (`known` is sorted by start) with `K_COVERED` in
 * their kinds (made fresh for each article, so nothing needs clearing).
 */
function markCovered(tokens: Tokens, kinds: Uint8Array, known: readonly EntityMention[]): void {
  const { count, start, end } = tokens;
  const covered = K_COVERED;
  let t = 0;
  for (const m of known) {
    // The first token ending after the mention's start; mentions are sorted by start, so this
    // never moves back.
    while (t < count && end[t] <= m.start) t++;
    for (let u = t; u < count && start[u] < m.end; u++) kinds[u] |= covered;
  }
}

function isHeadline(tokens: Tokens, kinds: Uint8Array, from: number, to: number): boolean {
  if (to - from > 20) return false;
  let words = 0;
  let caps = 0;
  // caps / words >= 0.7 needs words - caps <= 0.3 (to - from): past that, prose stops early.
  const most = 3 * (to - from);
  const capBit = K_CAP;
  const { start, end } = tokens;
  for (let i = from; i < to; i++) {
    const cap = (kinds[i] & capBit) !== 0;
    if (end[i] - start[i] <= 3 && !cap) continue;
    words++;
    if (cap) caps++;
    else if (10 * (words - caps) > most) return false;
  }
  // Headlines and captions capitalize most words; a paragraph of prose never does.
  return words >= 3 && caps / words >= 0.7;
}

/** Whether token `i` is capitalized. */
function capitalAt(kinds: Uint8Array, i: number): boolean {
  return (kinds[i] & K_CAP) !== 0;
}

function isSentenceStart(text: string, pos: number, paraStart: number): boolean {
  let i = pos - 1;
  while (i >= paraStart && /[\s"“‘'(\[•*-]/.test(text[i])) i--;
  return i < paraStart || /[.!?:;]/.test(text[i]);
}

function scanParagraph(scan: Scan, folded: string, tokens: Tokens, kinds: Uint8Array, from: number, to: number, paraStart: number): void {
  const { start, end, units } = tokens;
  // Constants in locals: as compiled for Node (CommonJS) an imported one is a property load,
  // checked at every token.
  const capBit = K_CAP;
  const coveredOrCap = K_COVERED | K_CAP;
  let i = from;
  while (i < to) {
    // Covered or not capitalized: most tokens.
    if ((kinds[i] & coveredOrCap) !== capBit) {
      i++;
      continue;
    }
    // Grow a run of capitalized tokens, particles and connectors, joined by name gaps.
    let j = i + 1;
    if (hyphenatedWord(tokens, kinds, i, to)) {
      i++;
      continue;
    }
    while (j < to && (kinds[j] & K_COVERED) === 0 && isNameGapUnits(units, end[j - 1], start[j])) {
      if (capitalAt(kinds, j)) {
        if (hyphenatedWord(tokens, kinds, j, to)) break;
        j++;
        continue;
      }
      // Particles and connectors have at most four letters, and start with one of a few letters:
      // another word ends the run unread.
      const c0 = units[start[j]] - 97;
      if (end[j] - start[j] > 4 || c0 < 0 || c0 > 25 || ((RUN_WORD_FIRST >> c0) & 1) === 0) break;
      const w = tokenText(folded, tokens, j);
      if (PARTICLE.has(w)) j++;
      else if (CONNECTOR.has(w) && (w === 'of' || ORG_WORDS.has(tokenText(folded, tokens, j - 1)) || tokenText(folded, tokens, j - 1) === 'of') && j + 1 < to && (kinds[j + 1] & K_COVERED) === 0 && capitalAt(kinds, j + 1) && isNameGapUnits(units, end[j], start[j + 1])) j++;
      else break;
    }
    // A lone token is never reported (two capitalized words at least): no need to look at it.
    if (j - i >= 2) consider(scan, folded, tokens, i, j, paraStart);
    i = j;
  }
}

/** `Co-operation`, `Self-defence`: a capital joined by a hyphen to a lower-case word is a word, not a name. */
function hyphenatedWord(tokens: Tokens, kinds: Uint8Array, t: number, to: number): boolean {
  return t + 1 < to && tokens.start[t + 1] === tokens.end[t] + 1 && tokens.units[tokens.end[t]] === 0x2d && !capitalAt(kinds, t + 1);
}

/**
 * The run of tokens `i`..`j` (texts `w`, index 0 is token i) without its leading function words
 * and titles (`titled` when one was a title) and its trailing connectors and particles; undefined
 * when it ends on a title or an honorific, a name cut off ("H.E. Mr", "Parliamentary Vice").
 */
function trimRun(w: readonly string[], i: number, j: number): { a: number; b: number; titled: boolean } | undefined {
  let a = i;
  let titled = false;
  // "H.E." is two one-letter tokens.
  for (;;) {
    const x = w[a - i];
    if (a < j && (STOP.has(x) || HONORIFIC.has(x) || CONNECTOR.has(x))) {
      if (HONORIFIC.has(x)) titled = true;
      a++;
    } else if (a + 1 < j && x === 'H' && w[a + 1 - i] === 'E') {
      titled = true;
      a += 2;
    } else break;
  }
  let b = j;
  let cut = false;
  while (b > a && (CONNECTOR.has(w[b - 1 - i]) || PARTICLE.has(w[b - 1 - i]) || HONORIFIC.has(w[b - 1 - i]) || TITLE_TAIL.has(w[b - 1 - i]))) {
    if (!CONNECTOR.has(w[b - 1 - i]) && !PARTICLE.has(w[b - 1 - i])) cut = true;
    b--;
  }
  return cut ? undefined : { a, b, titled };
}

/** Words that cannot be a name whatever their context: a date or number in them, all capitals, only titles and initials, a heading's function words, a document's title. */
function notAName(words: readonly string[]): boolean {
  if (words.some((x) => MONTHS_DAYS.has(x) || /\d/.test(x))) return true;
  if (words.every((x) => isAllCaps(x) || PARTICLE.has(x) || CONNECTOR.has(x))) return true;
  if (words.every((x) => HONORIFIC.has(x) || CONNECTOR.has(x) || x.length === 1)) return true;
  // "Council Of The Region": only a title-case heading capitalizes function words inside a name.
  if (words.some((x) => CAPITAL_FUNCTION.has(x))) return true;
  // "Joint Statement", "Press Release": the title of a document, not an entity.
  return DOCUMENT_TITLE.has(words[words.length - 1]);
}

function consider(scan: Scan, folded: string, tokens: Tokens, i: number, j: number, paraStart: number): void {
  const text = scan.text;
  // The run's token texts; index 0 is token i.
  const w: string[] = [];
  for (let t = i; t < j; t++) w.push(tokenText(folded, tokens, t));
  const trimmed = trimRun(w, i, j);
  if (!trimmed) return;
  const { a, b, titled } = trimmed;
  const words = w.slice(a - i, b - i);
  const caps = words.filter((x) => isCapitalized(x) && !STOP.has(x));
  if (caps.length < 2 || notAName(words)) return;
  const start = tokens.start[a];
  const end = tokens.end[b - 1];
  // A sentence-initial pair could be an ordinary capitalized word: keep it only if it is clearly titled.
  if (a === i && caps.length === 2 && words.length === 2 && isSentenceStart(text, start, paraStart) && !titled) {
    if (STOP.has(words[0])) return;
  }
  // "Doha Talks" is an event; "Military Talks" a topic.
  const orgLike = words.some((x) => ORG_WORDS.has(x)) || (words[words.length - 1] === 'Talks' && !COMMON.has(words[0]));
  if (!orgLike && words.some((x) => COMMON.has(x))) return;
  if (!orgLike && /ern$/.test(words[words.length - 1])) return;
  const span = text.slice(start, end);
  if (/[\n\r]/.test(span)) return;
  // "Israeli-Palestine", "Saudi-Emirati": one hyphenated compound with a demonym in it is an
  // adjective, not a name ("Al-Hashemi", with a particle, stays a name).
  if (!/\s/.test(span) && words.some((x) => isDemonymLike(x, scan.demonyms)) && !words.some((x) => PARTICLE.has(x.toLowerCase()))) return;
  // Document furniture: a caption, credit or notice line ("Photo: …", "Translation by …"), or a
  // credit right before the span ("… | Photo: Jane Doe").
  const ls = lineStartOf(text, start);
  if (ls >= 0 && FURNITURE.has(lineFirstWord(text, ls))) return;
  if (FURNITURE.has(creditBefore(text, start, ls >= 0 ? ls : start - 80))) return;
  // A heading in title case: a line of capitalized words without a verb.
  const le = lineEndOf(text, end);
  if (ls >= 0 && le >= 0 && titleCaseLine(scan, ls, le)) return;
  const type = guessType(words, titled);
  const confidence = score(scan, text, words, type, titled || titleBefore(text, start, ls >= 0 ? ls : start - 80), start, end);
  if (confidence < scan.min) return;
  scan.mentions.push(entityMention(start, end, span, type, null, [], 'unknown', { guessedType: type, confidence }));
  scan.findings.push(finding('unknown-entity', start, end,
    `'${span}' is not in the registry (it looks like ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}). Add it to the registry to link and check its mentions.`,
    { fixes: [{ title: `Add '${span}' to the registry`, edits: [], command: { name: FIX_COMMANDS.addToRegistry, args: [span, type] } }] }));
}

/**
 * `isTitleCaseLine`, remembered for the last line asked about: the candidate spans of a line come
 * one after another, and each would read the whole line again.
 */
function titleCaseLine(scan: Scan, from: number, to: number): boolean {
  if (scan.lineFrom !== from || scan.lineTo !== to) {
    scan.lineFrom = from;
    scan.lineTo = to;
    scan.lineTitle = isTitleCaseLine(scan.text, from, to);
  }
  return scan.lineTitle;
}

/** The word before a colon, slash or bar right before the span ("Photo: Jane Doe"); '' if there is none. */
function creditBefore(text: string, start: number, lineStart: number): string {
  let i = start - 1;
  while (i > lineStart && text.charCodeAt(i) === 32) i--;
  const c = text.charCodeAt(i);
  if (c !== 0x3a && c !== 0x2f && c !== 0x7c) return '';
  return wordBefore(text, i, lineStart).word;
}

/** A title or honorific right before the span, outside the run ("Minister" then a line break is not one). */
function titleBefore(text: string, start: number, lineStart: number): boolean {
  const w = wordBefore(text, start, lineStart).word;
  return HONORIFIC.has(w) || w === 'Excellency' || w === 'Highness';
}

/** Labels of news decks and banners ("Breaking News", "Latest Updates"): a span with one is rarely a name. */
const DECK_LABEL = new Set('Breaking Trending Developing Latest Featured Sponsored Exclusive Live Updated Update Updates Opinion Analysis Explainer'.split(' '));

function verbLike(x: string): boolean {
  return DECK_LABEL.has(x);
}

/**
 * Confidence (0..1) that the span is a name of the guessed type: 0.5 for a bare run of
 * capitalized words, raised by evidence of a name (a title before it, a verb of saying or an
 * apposed title next to it, a known given or family name, the head word of an organization,
 * event or place), lowered by signs of a phrase (a verb-like word, a lone span on a short line).
 */
function score(scan: Scan, text: string, words: string[], type: EntityType, titled: boolean, start: number, end: number): number {
  let c = 0.5;
  if (titled) c += 0.3;
  if (sayingNear(text, start, end)) c += 0.3;
  else if (type === 'person' && apposedTitle(text, end)) c += 0.2;
  const knownPart = !!scan.known && words.some((x) => scan.known!.has(x));
  if (knownPart) c += 0.2;
  // A bare pair with no given name ("Locked Shields", an exercise) is a phrase more often than a
  // person: below the default threshold, unless some evidence above supports it.
  if (type === 'person' && c === 0.5 && !knownPart && !words.slice(0, 2).some((x) => GIVEN_NAMES.has(x))) c -= 0.1;
  if (type !== 'person') c += 0.1;
  if (words.some(verbLike)) c -= 0.3;
  if (words.length > 5) c -= 0.1;
  return Math.round(Math.max(0, Math.min(1, c)) * 100) / 100;
}

/** Head words of event names ("Vilnius Summit", "Strategic Dialogue", "Exercise Locked Shields"). */
const EVENT_WORDS = new Set(('Summit Conference Talks Dialogue Ministerial Meeting Exercise Exercises Operation War Election Elections ' +
  'Games Olympics Expo Symposium Negotiations Forum Meeting Meetings').split(' '));

function guessType(words: string[], titled: boolean): EntityType {
  // The last event or organization word is the head of the name: "Vilnius Summit" is an event,
  // "Summit Secretariat" an organization.
  for (let k = words.length - 1; k >= 0; k--) {
    if (EVENT_WORDS.has(words[k])) return 'event';
    if (ORG_WORDS.has(words[k])) return 'organization';
  }
  if (titled) return 'person';
  if (words.some((w) => PLACE_WORDS.has(w))) return 'place';
  return words.length <= 4 ? 'person' : 'organization';
}
