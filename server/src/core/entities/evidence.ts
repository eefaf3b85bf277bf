/**
 * Evidence for and against an unknown-entity guess (`unknown.ts`): what stands around a
 * capitalized span that makes it a name (a title before it, a verb of saying after it, a known
 * given or family name) or not a name (document furniture at the line start, a heading in title
 * case, a cut-off title). Everything here runs once per candidate span, never per token, and
 * reads the text with plain character loops and set look-ups.
 */

import { EntityIndex } from './trie';
import { entitiesOfType } from '../registry';
import { foldText } from './tokens';

/** Default of `attache.unknownNames.minConfidence`: a bare pair of capitalized words (0.5) is reported. */
export const DEFAULT_MIN_CONFIDENCE = 0.5;

/** Words that open a line of document furniture (captions, credits, notices, link lists). */
export const FURNITURE = new Set(('Photo Photos Photograph Picture Image Images Video File Files Reuters AFP AP Kyodo Xinhua Getty ' +
  'Translation Translated Copyright Related Read Source Sources Caption Credit Credits Editing Edited Reporting Reported Writing ' +
  'Follow Subscribe Share Advertisement Advertising Tags Topics Disclaimer Note Editor Contact Email Click Sign Download Listen ' +
  'Print Home Published Updated Posted Courtesy Illustration Graphic Map More Also Watch See Comments Footnote Footnotes').split(' '));

/** Verbs of saying, after a name ("Osamu Izawa said") or before it ("said Osamu Izawa"). */
export const SAYING = new Set(('said says told tells added adds noted notes stressed stresses explained explains stated states wrote writes ' +
  'announced announces urged urges warned warns insisted insists asked asks replied replies confirmed confirms commented comments ' +
  'emphasized emphasised underlined reiterated declared acknowledged argued argues').split(' '));

/** Lower-case titles in an apposition after a name ("Osamu Izawa, Japan's first ambassador"). */
const APPOSED_TITLE = new Set(('ambassador minister secretary spokesperson spokesman spokeswoman director president chairman chairwoman chair ' +
  'envoy adviser advisor official chief head commander general governor mayor senator lawmaker diplomat deputy undersecretary').split(' '));

/** Words that leave a title unfinished when they end a span ("Parliamentary Vice", "Deputy Assistant"). */
export const TITLE_TAIL = new Set(('Vice Deputy Acting Assistant Under Parliamentary Senior Executive Permanent Special Principal State ' +
  'Associate Interim Former Incoming Outgoing').split(' '));

/** Function words that only a title-case heading capitalizes inside a span ("Council Of The Region"). */
export const CAPITAL_FUNCTION = new Set('Of The And For In On At To With From By A An Or As Is Are Was Were Its'.split(' '));

/** Head words of document titles ("Joint Statement", "Press Release", "Fact Sheet"). */
export const DOCUMENT_TITLE = new Set(('Statement Statements Communique Communiqué Declaration Readout Release Sheet Transcript Remarks ' +
  'Briefing Minutes Report Bulletin Notice Advisory Factsheet Summary').split(' '));

/** The word (letters only) ending right before `pos`, skipping spaces, quotes and commas; '' if none. */
export function wordBefore(text: string, pos: number, limit = 0): { word: string; start: number } {
  let i = pos - 1;
  while (i >= limit && isSkip(text.charCodeAt(i))) i--;
  const end = i + 1;
  while (i >= limit && isLetter(text.charCodeAt(i))) i--;
  return { word: text.slice(i + 1, end), start: i + 1 };
}

/** The word starting right after `pos`, skipping spaces, quotes and commas; '' if none. */
export function wordAfter(text: string, pos: number): { word: string; end: number } {
  let i = pos;
  while (i < text.length && isSkip(text.charCodeAt(i))) i++;
  const start = i;
  while (i < text.length && isLetter(text.charCodeAt(i))) i++;
  return { word: text.slice(start, i), end: i };
}

function isSkip(c: number): boolean {
  // space, tab, quotes, comma, curly quotes; never a line break (evidence stays on its line)
  return c === 32 || c === 9 || c === 0x22 || c === 0x27 || c === 0x2c || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0xa0;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c < 0x250);
}

/** Whether a verb of saying is next to the span: "X said", "X, who told", "said X", "according to X". */
export function sayingNear(text: string, start: number, end: number): boolean {
  const after = wordAfter(text, end);
  if (SAYING.has(after.word)) return true;
  if (after.word === 'who' && SAYING.has(wordAfter(text, after.end).word)) return true;
  const before = wordBefore(text, start);
  if (SAYING.has(before.word)) return true;
  return before.word === 'to' && wordBefore(text, before.start).word.toLowerCase() === 'according';
}

/** Whether a comma after the span opens an apposition with a title ("…, Japan's first ambassador to NATO"). */
export function apposedTitle(text: string, end: number): boolean {
  let i = end;
  while (i < text.length && text.charCodeAt(i) === 32) i++;
  if (text.charCodeAt(i) !== 0x2c) return false;
  // At most six words after the comma, on the same line.
  let words = 0;
  let pos = i + 1;
  while (words < 6) {
    const w = wordAfter(text, pos);
    if (!w.word) return false;
    if (APPOSED_TITLE.has(w.word)) return true;
    pos = w.end;
    words++;
  }
  return false;
}

/** The first word of the line holding `pos` (after bullets, brackets and spaces), title-cased. */
export function lineFirstWord(text: string, lineStart: number): string {
  let i = lineStart;
  while (i < text.length && !isLetter(text.charCodeAt(i)) && text.charCodeAt(i) !== 10) i++;
  const s = i;
  while (i < text.length && isLetter(text.charCodeAt(i))) i++;
  const w = text.slice(s, i);
  // PHOTO, FILE → Photo, File; AFP, AP stay as written.
  return w.length > 3 && w === w.toUpperCase() ? w[0] + w.slice(1).toLowerCase() : w;
}

/** How far the line checks look: a line longer than this is prose, not furniture or a heading. */
const LINE_REACH = 300;

/** Start of the line holding `pos`, or -1 when it is more than `LINE_REACH` back (bounded: no quadratic scan on a one-line 20 MB text). */
export function lineStartOf(text: string, pos: number): number {
  for (let i = pos - 1; i >= 0 && i >= pos - LINE_REACH; i--) if (text.charCodeAt(i) === 10) return i + 1;
  return pos <= LINE_REACH ? 0 : -1;
}

/** End of the line holding `pos`, or -1 when it is more than `LINE_REACH` ahead. */
export function lineEndOf(text: string, pos: number): number {
  const limit = Math.min(text.length, pos + LINE_REACH);
  for (let i = pos; i < limit; i++) if (text.charCodeAt(i) === 10) return i;
  return limit === text.length ? limit : -1;
}

/**
 * Whether a line is a heading in title case: three words or more of four letters or more, nearly
 * all capitalized, and no verb of saying (a verb would make it a sentence, not a heading).
 */
export function isTitleCaseLine(text: string, from: number, to: number): boolean {
  if (to - from > 200) return false;
  let long = 0;
  let caps = 0;
  let i = from;
  while (i < to) {
    while (i < to && !isLetter(text.charCodeAt(i))) i++;
    const s = i;
    while (i < to && isLetter(text.charCodeAt(i))) i++;
    if (i - s < 4) continue;
    long++;
    const c = text.charCodeAt(s);
    if (c >= 65 && c <= 90) caps++;
    // A line of prose fails after a few words: stop once even capitals in every long word the
    // rest could hold (one separator and four letters each) would leave it under 85% (in
    // hundredths, with a margin, so that the test below decides every line near the limit).
    else {
      const more = ((to - i) / 5) | 0;
      if (100 * (caps + more) < 85 * (long + more) - 1) return false;
    }
  }
  if (long < 3 || caps < long * 0.85) return false;
  // Nearly all capitalized: only now look for a verb of saying (a lower-case word), which most
  // lines never need, as they fail the count first.
  i = from;
  while (i < to) {
    while (i < to && !isLetter(text.charCodeAt(i))) i++;
    const s = i;
    while (i < to && isLetter(text.charCodeAt(i))) i++;
    if (i - s >= 4 && SAYING.has(text.slice(s, i))) return false;
  }
  return true;
}

/** Folded given and family names of the registry's persons, built once per index. */
const nameParts = new WeakMap<EntityIndex, ReadonlySetLike>();

/** What `knownNameParts` answers: a Set, or a shared table a `--jobs` worker reads. */
export interface ReadonlySetLike {
  has(key: string): boolean;
}

/** Gives `index` its name parts made elsewhere (a `--jobs` worker: the main thread's). */
export function presetNameParts(index: EntityIndex, parts: ReadonlySetLike): void {
  nameParts.set(index, parts);
}

export function knownNameParts(index: EntityIndex): ReadonlySetLike {
  let s = nameParts.get(index) as Set<string> | undefined;
  if (!s) {
    s = new Set();
    for (const e of index.registry.entities.values()) {
      if (e.type !== 'person') continue;
      if (e.familyName) s.add(foldText(e.familyName));
      if (e.givenName) s.add(foldText(e.givenName));
    }
    nameParts.set(index, s);
  }
  return s;
}

/**
 * Common given names of the languages the news covers (evidence that a bare pair of capitalized
 * words is a person: "Lars Henning" is, "Locked Shields" is not). Not meant to be complete: a
 * name missing from it is still reported when other evidence (a title, a verb of saying, an
 * apposition, a registry name part) supports it.
 */
export const GIVEN_NAMES = new Set((
  // Arabic, Persian, Turkish
  'Abdullah Abdulaziz Abdulrahman Abdel Abdul Adel Ahmad Ahmed Ali Amal Amin Amina Amir Amr Anwar Ayman Aziz Badr Bandar Basil Bassam ' +
  'Faisal Fahad Fahd Farid Fatima Fatma Hamad Hamid Hamdan Hassan Hasan Hussein Hussain Hana Hani Haitham Hisham Ibrahim Ismail Issa ' +
  'Jamal Jassim Jasim Kamal Karim Khalid Khaled Khalifa Layla Leila Majid Mansour Mariam Maryam Mohammed Mohamed Muhammad Mohammad Mahmoud ' +
  'Mustafa Mostafa Nabil Nadia Nasser Nassir Nawaf Noura Nour Omar Osama Qasim Rania Rashid Saad Saeed Said Salem Salim Salman Sami Samir ' +
  'Sara Sarah Saud Sultan Tamim Tarek Tariq Turki Walid Yasser Yousef Youssef Yusuf Zayed Zaid Ziad Abbas Ebrahim Hossein Javad Mehdi ' +
  'Reza Ali Masoud Abbas Recep Mevlut Hakan Ahmet Mehmet Mustafa Emine Ayse Cemal Kemal Murat Ozlem ' +
  // Japanese, Korean, Chinese
  'Akira Aiko Ayumi Daisuke Fumio Haruki Hiroshi Hiroko Hideki Ichiro Jun Junichiro Kazuo Kenji Koichi Katsunobu Kenta Makoto Masahiro ' +
  'Minoru Mitsuko Naoki Nobuo Osamu Ryota Satoshi Shigeru Shinjiro Shinzo Sanae Takeshi Taro Tomoko Toshimitsu Yoshimasa Yoshihide ' +
  'Yoko Yuko Yukiko Yuki Yuichi Yasuhiro Kiyoshi Tetsuya Gen Kenichi Fumiko Keiko Jin Min Seo Ji Hyun Yoon Jae Tae Kang Wei Ming Li ' +
  // English, French, German, Dutch, Nordic
  'Adam Alan Albert Alexander Alice Andrew Anna Anne Annalena Antony Antonio Arthur Barbara Ben Benjamin Bernard Boris Catherine Charles ' +
  'Christian Christine Christopher Claire Daniel David Diana Donald Edward Elizabeth Emily Emma Emmanuel Eric Frank Friedrich Gabriel ' +
  'George Georg Grace Hans Harry Heinz Helen Henry Hugo Isabel Jack James Jane Jean Jennifer Jens John Johann Jonathan Joseph Julia ' +
  'Karen Karl Kate Keir Kevin Klaus Lars Laura Linda Lisa Lucas Marc Marco Margaret Maria Marie Mark Martin Mary Matthew Michael Michel ' +
  'Nicolas Nicholas Olaf Olivier Oliver Patrick Paul Peter Philip Philippe Pierre Pieter Rachel Richard Robert Rose Ruth Samuel Sebastian ' +
  'Simon Sophie Stefan Stephen Steven Susan Thomas Tom Ursula Victor Victoria Walter William Wolfgang Rutger Mark Mette Jonas Ulf Magnus ' +
  'Erik Sven Ingrid Karin Kaja Kaja Petteri Sauli Alexander Frans Hendrik Jan Joost Kees Willem Wopke Dick Sigrid Ole Per Nils ' +
  // Spanish, Portuguese, Italian
  'Alberto Alejandro Ana Carlos Carmen Diego Eduardo Elena Enrique Fernando Francisco Gabriela Giorgia Giuseppe Gustavo Isabel Javier ' +
  'Jorge Jose Juan Luis Luiz Manuel Marcelo Mario Matteo Mauro Miguel Pablo Pedro Rafael Ricardo Roberto Sergio Teresa Sergio Paolo ' +
  'Luigi Giovanni Antonio Francesca Lula Joao Rui Marcelo Inacio Dilma ' +
  // Russian and other Slavic, Baltic
  'Aleksandr Alexei Alexey Andrei Anatoly Dmitry Dmitri Igor Ivan Maria Mikhail Natalia Nikolai Olga Pavel Sergei Sergey Vladimir Viktor ' +
  'Volodymyr Yulia Oleksandr Andrzej Radoslaw Donald Petr Jiri Robert Gitanas Edgars Krisjanis Kaja Andrus Ingrida ' +
  // South Asian, African, other
  'Narendra Rahul Subrahmanyam Jaishankar Shehbaz Imran Nawaz Bilawal Cyril Abiy Bola William Uhuru Paul Nana Ngozi Amina Kofi Antonio'
).split(' '));

/** Combining forms and demonym shapes that make a hyphenated compound an adjective ("Israeli-Palestine"). */
const DEMONYM_SHAPE = /^[A-Z][a-z]{2,}(?:i|ian|ean|ese|ish)$/;

/** Demonyms of the registry's countries, built once per index. */
const demonymSets = new WeakMap<EntityIndex, ReadonlySetLike>();

/** Gives `index` its demonyms made elsewhere (a `--jobs` worker: the main thread's). */
export function presetDemonyms(index: EntityIndex, demonyms: ReadonlySetLike): void {
  demonymSets.set(index, demonyms);
}

export function knownDemonyms(index: EntityIndex): ReadonlySetLike {
  let s = demonymSets.get(index);
  if (!s) {
    const set = new Set<string>();
    for (const e of entitiesOfType(index.registry, 'country')) for (const d of e.demonyms) set.add(foldText(d));
    demonymSets.set(index, (s = set));
  }
  return s;
}

/** Whether a word looks like a demonym ("Israeli", "Palestinian", "Japanese"), or is one the registry knows. */
export function isDemonymLike(word: string, known?: ReadonlySetLike): boolean {
  return DEMONYM_SHAPE.test(word) || !!known?.has(word);
}
