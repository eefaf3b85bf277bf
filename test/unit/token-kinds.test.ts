/**
 * `tokenKinds` decides once per token what the matcher, the short forms and the headline and
 * unknown-name scans used to ask of every token: each bit must agree with the test it stands for,
 * for ASCII tokens (decided inline) and the others alike.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildEntityIndex } from '../../server/src/core/entities';
import { K_CAP, K_DIGIT, K_JOINED, K_PARTICLE, K_START, isParticleAt, tokenKinds } from '../../server/src/core/entities/match';
import { EntityScanner, NAME_PARTICLES, foldCode, foldText, isAscii, isCapitalCode, isWordCode, paragraphTokens, tokenize } from '../../server/src/core/entities/tokens';
import { loadRegistry } from '../../server/src/core/registry';
import { joinLines } from '../helpers';

const index = buildEntityIndex(loadRegistry([{
  path: 'r.yaml',
  text: joinLines(
    'version: 1',
    'entities:',
    '  - { id: tokyo, type: place, name: Tokyo }',
    '  - { id: eu, type: organization, name: European Union, aliases: [EU] }',
    '  - { id: the-hague, type: place, name: the Hague }',
    '  - { id: ecowas, type: organization, name: Économie Ouest }',
    '  - { id: thessaly, type: place, name: Thessaloniki Region }',
    '  - { id: eurostat, type: organization, name: Eurostat }',
    '',
  ),
}]));

/**
 * Whether the trie walk may start at folded[s, e): a non-ASCII token always may; an ASCII one when
 * a root key has its first two units and its length (from 8 units on, any length of 8 or more),
 * or those of its title case when it is in capitals, or when it is a particle.
 */
function mayStartName(folded: string, s: number, e: number): boolean {
  const c0 = folded.charCodeAt(s);
  const c1 = e - s > 1 ? folded.charCodeAt(s + 1) : 0;
  if (c0 >= 0x80 || c1 >= 0x80) return true;
  const bucket = (n: number): number => Math.min(n, 8);
  for (const key of index.root.keys()) {
    if (bucket(key.length) !== bucket(e - s)) continue;
    const k1 = key.length > 1 ? key.charCodeAt(1) : 0;
    if (key.charCodeAt(0) !== c0) continue;
    if (k1 === c1 || (c0 >= 65 && c0 <= 90 && c1 >= 65 && c1 <= 90 && k1 === (c1 | 0x20))) return true;
  }
  return isParticleAt(folded, s, e);
}

test('each kind bit agrees with the per-token test it replaces', () => {
  const text = 'TOKYO Tokyo tokyo To T Tokyos Tok EU Eu EUROPE Eurostat EUROSTAT Eurostats their there Thessaloniki Thessalonike Thessalonikis Thessaly the The THE al Al AL-Jaber Aljaber ALJABER Elsisi elsisi Elba ' +
    'bin Bin BIN bint ibn von VON der De dos Dos del 2023 7th 5é 5ω Économie économie Ébola Øresund Ωmega ωmega ' +
    'ẞtraße Çelik çelik Ağa Δx 日本 x y 9';
  const folded = foldText(text);
  const tokens = tokenize(new EntityScanner(), text);
  tokens.foldUnits(text.length);
  const kinds = tokenKinds(folded, tokens, index);
  assert.ok(tokens.count > 40);
  for (let i = 0; i < tokens.count; i++) {
    const s = tokens.start[i];
    const e = tokens.end[i];
    const word = text.slice(s, e);
    const c0 = folded.charCodeAt(s);
    const c1 = folded.charCodeAt(s + 1);
    assert.equal((kinds[i] & K_START) !== 0, mayStartName(folded, s, e), `start: ${word}`);
    assert.equal((kinds[i] & K_CAP) !== 0, isCapitalCode(c0), `capital: ${word}`);
    assert.equal((kinds[i] & K_DIGIT) !== 0, c0 >= 48 && c0 <= 57, `digit: ${word}`);
    assert.equal((kinds[i] & K_PARTICLE) !== 0, isParticleAt(folded, s, e), `particle: ${word}`);
    assert.equal((kinds[i] & K_JOINED) !== 0, e - s >= 5 && (c0 === 65 || c0 === 69) && (c1 === 108 || c1 === 76), `joined: ${word}`);
  }
});

test('the kinds of a long text grow their buffer and keep no bits of an earlier text', () => {
  const long = 'Tokyo said '.repeat(3000) + 'al';
  const scanner = new EntityScanner();
  const t1 = tokenize(scanner, long);
  const k1 = tokenKinds(long, t1, index);
  assert.equal(k1[t1.count - 1] & K_PARTICLE, K_PARTICLE);
  const short = 'said Tokyo';
  const t2 = tokenize(scanner, short);
  const k2 = tokenKinds(short, t2, index);
  assert.equal(k2[0], 0);
  assert.equal(k2[1] & (K_CAP | K_START), K_CAP | K_START);
});

test("paragraphTokens gives each paragraph the tokens that start inside it, short and long paragraphs alike", () => {
  const text = joinLines('Title Line Here', '', 'word '.repeat(700).trim(), '', '', 'One.', 'x', '', ' ', 'Two words', '');
  const tokens = tokenize(new EntityScanner(), text);
  const paragraphs: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) if (m[0].trim()) paragraphs.push({ start: m.index! + m[0].length - m[0].trimStart().length, end: m.index! + m[0].trimEnd().length });
  // An empty paragraph between two others (no token starts in it).
  paragraphs.splice(2, 0, { start: paragraphs[1].end + 1, end: paragraphs[1].end + 1 });
  const ranges = paragraphTokens(paragraphs, tokens);
  paragraphs.forEach((p, k) => {
    let first = 0;
    while (first < tokens.count && tokens.start[first] < p.start) first++;
    let last = first;
    while (last < tokens.count && tokens.start[last] < p.end) last++;
    assert.deepEqual([ranges[2 * k], ranges[2 * k + 1]], [first, last], `paragraph ${k}`);
  });
  assert.equal(ranges[3] - ranges[2], 700);
  assert.equal(ranges[5] - ranges[4], 0);
});

test("the scanner's folded text and code units are foldText's, for any unit (accents, dashes, quotes, surrogates, lone ones too)", () => {
  const text = 'Économie – “Ağa” Øresund ’s ẞtraße 日本 \u{1F600} \ud800 x\u00a0y Ωmega' + String.fromCharCode(...Array.from({ length: 0x2200 }, (_, i) => i));
  const scanner = new EntityScanner();
  tokenize(scanner, text);
  const folded = scanner.foldedText(text);
  assert.equal(folded, foldText(text));
  let units = '';
  for (let i = 0; i < text.length; i++) units += String.fromCharCode(scanner.units[i]);
  assert.equal(units, folded);
  assert.equal(scanner.units[text.length], 0);
});

/** The tokens of text[from, to) found one character at a time: maximal runs of word characters (`isWordCode` of the folded unit). */
function plainTokens(text: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let s = -1;
  for (let i = from; i <= to; i++) {
    const w = i < to && isWordCode(foldCode(text.charCodeAt(i)));
    if (w && s < 0) s = i;
    else if (!w && s >= 0) {
      out.push([s, i]);
      s = -1;
    }
  }
  return out;
}

test('the tokenizer finds the same tokens wherever a round of units starts or ends', () => {
  // The tokenizer reads units in rounds of eight, then one at a time: tokens and separators of
  // every length, at every offset from a round's start, cut at every start and end of range.
  const pieces = ['a', 'Bc', 'déf', 'Ghij’k', '12345', 'ʼ', ' ', ', ', ' — ', '\n\n', '«', 'Ωmega', 'x'];
  let text = '';
  for (let k = 0; text.length < 90; k++) text += pieces[(k * 7) % pieces.length] + (k % 3 === 0 ? ' ' : '');
  const scanner = new EntityScanner();
  for (let from = 0; from < 12; from++) {
    for (let to = from; to <= text.length; to++) {
      tokenize(scanner, text, from, to);
      const got: [number, number][] = [];
      for (let i = 0; i < scanner.count; i++) got.push([scanner.start[i], scanner.end[i]]);
      assert.deepEqual(got, plainTokens(text, from, to), `[${from}, ${to})`);
      assert.equal(scanner.ascii, isAscii(text, from, to), `ascii [${from}, ${to})`);
    }
  }
});

test('folding in place gives the folded text wherever the non-ASCII units fall in a round', () => {
  // `foldUnits` skips eight ASCII units at a time: a unit to fold at each offset in a round, in
  // the last, partial round, and beyond the folding table (kept as it is).
  const scanner = new EntityScanner();
  for (const odd of ['é', '’', '—', '\u00a0', 'ß', '\u2212', '中', 'Ł']) {
    for (let len = 1; len <= 26; len++) {
      for (let at = 0; at < len; at++) {
        const text = 'abcdefghijklmnopqrstuvwxyz'.slice(0, at) + odd + 'ZYXWVUTSRQPONMLKJIHGFEDCBA'.slice(0, len - at - 1);
        scanner.setUnits(text);
        assert.equal(scanner.foldedText(text), foldText(text), JSON.stringify(text));
      }
    }
  }
});

test('a word is a particle exactly when the list of particles has it, in either case', () => {
  // Every particle, its capitalized and upper-case forms, and words of two to four letters that
  // share their first letters or packs with one ("dem", "alt", "vonn", "bi").
  const words = new Set<string>();
  for (const p of NAME_PARTICLES) {
    for (const w of [p, p[0].toUpperCase() + p.slice(1), p.toUpperCase(), p + 'x', p.slice(0, -1), 'x' + p, p.slice(1)]) words.add(w);
  }
  for (const w of ['the', 'last', 'led', 'team', 'does', 'dem', 'alt', 'vonn', 'bi', 'Ab', 'zz', 'a', 'bints']) words.add(w);
  for (const w of words) {
    const text = `(${w})`;
    assert.equal(isParticleAt(text, 1, 1 + w.length), NAME_PARTICLES.has(w.toLowerCase()), w);
  }
});
