/**
 * The shortcuts of the per-article path (issue #18, end-to-end throughput) give exactly what the
 * general code gives: ASCII fingerprints, the shingle pre-check of `near-duplicate-paragraph`,
 * ASCII name-variant keys, and the per-index tables built before the first article.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/core/article';
import { paragraphPrints } from '../../server/src/core/checks/duplicate-paragraph';
import { mayShareShingles, nearDuplicateParagraph, sharingParagraphs } from '../../server/src/core/checks/near-duplicate-paragraph';
import { createArticleCache } from '../../server/src/core/articleCache';
import { CheckScratch } from '../../server/src/core/checks/scratch';
import { KeyScratch, fingerprint, fingerprints, keyWordHashesOf } from '../../server/src/core/checks/text';
import { checkMemo } from '../../server/src/core/checks/memo';
import { buildEntityIndex, prepareEntityTables, recognizeEntities } from '../../server/src/core/entities';
import { IdTable, fullForms, shortForms, variantKey } from '../../server/src/core/entities/variants';
import { loadRegistry } from '../../server/src/core/registry';
import { seededRandom } from '../../bench/generate';
import { joinLines } from '../helpers';

/** The general (Unicode) fingerprint, as `foldedWords` computes it for any text. */
function generalKey(text: string): string {
  const folded = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/['’‘ʼ`´]/g, '').toLowerCase();
  return (folded.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

test('fingerprint: paragraphs give the words of the general folding, apostrophes joining, counted', () => {
  const pieces = ['Japan', "Japan's", 'O`Neil', "'quoted'", 'US-Japan', '2025', 'A1', ' ', '  ', ',', '.', '\t', "''", "x'", "'", '`', '--', 'MoD', 'ÉTAT'.normalize('NFD').replace(/[^\x00-\x7f]/g, ''),
    // Characters folded one by one (Latin letters, marks, typographic punctuation) and others.
    'café', 'ÉTAT', 'e\u0301', '\u0301', 'Japan’s', '‘quoted’', '“said”', '–', '—', '\u00a0', '…', '•', '«', '»', '²', '½', 'ʼ', '´', 'ǆ', 'İstanbul', 'ß', 'Æ', 'ŀ', 'ﬁ', 'Σοφία', 'Ωmega', '北京', '🎉', '\u00ad', 'Đ', 'ø'];
  const r = seededRandom(18);
  for (let n = 0; n < 3000; n++) {
    let text = '';
    const len = Math.floor(r() * 14);
    for (let k = 0; k < len; k++) text += pieces[Math.floor(r() * pieces.length)] + (r() < 0.6 ? ' ' : '');
    const f = fingerprint(text);
    const key = generalKey(text);
    assert.equal(f.key, key, JSON.stringify(text));
    assert.equal(f.wordCount, key ? key.split(' ').length : 0, JSON.stringify(text));
    // A range of a longer text (a paragraph of an article) reads the same as its copy.
    const wrapped = `Ab'c ${text} d’Été`;
    assert.deepEqual(fingerprint(wrapped, 5, 5 + text.length), f, JSON.stringify(text));
  }
  // Every character the lookup may meet folds as it does inside a whole text, between letters.
  for (let c = 0x80; c < 0x2070; c++) {
    const text = `ab${String.fromCharCode(c)}cd ${String.fromCharCode(c)} x${String.fromCharCode(c)}`;
    if (c >= 0xd800 && c <= 0xdfff) continue;
    assert.equal(fingerprint(text).key, generalKey(text), c.toString(16));
  }
  // Non-ASCII paragraphs take the full folding.
  assert.deepEqual(fingerprint('Le ministre d’État s’est rendu à Doha.'), { key: 'le ministre detat sest rendu a doha', wordCount: 7 });
  assert.deepEqual(fingerprint('x Çavuşoğlu met Ünal y', 2, 20), { key: 'cavusoglu met unal', wordCount: 3 });
  assert.deepEqual(fingerprint("The minister's visit, on Monday: 'a success'."), { key: 'the ministers visit on monday a success', wordCount: 7 });
});

test('mayShareShingles: false only when no two compared paragraphs share a 5-word sequence', () => {
  const prints = (...paras: string[]) => paragraphPrints(parseArticle(joinLines(...paras, '')));
  const a = 'The two ministers met in Tokyo on Monday to discuss maritime security.';
  const b = 'Trade between the countries grew by a third over the last five years.';
  assert.equal(mayShareShingles(prints(a, b)), false);
  // One shared 5-word sequence is enough to compare them.
  assert.equal(mayShareShingles(prints(a, 'Officials said the ministers met in Tokyo on Monday after a long delay.')), true);
  // A sequence repeated inside one paragraph is not shared with another.
  assert.equal(mayShareShingles(prints('the talks went on and on the talks went on and on the talks went on', b)), false);
  // Exact repeats are left to duplicate-paragraph: only the first copy is compared.
  assert.equal(mayShareShingles(prints(a, b, a)), false);
  // Paragraphs under six words are never compared.
  assert.equal(mayShareShingles(prints('Ministers met in Tokyo today', 'Ministers met in Tokyo today again')), false);
  assert.equal(mayShareShingles(prints(a)), false);
});

test('sharingParagraphs: the paragraphs sharing a 5-word sequence with another compared one', () => {
  const prints = (...paras: string[]) => paragraphPrints(parseArticle(joinLines(...paras, '')));
  const a = 'The two ministers met in Tokyo on Monday to discuss maritime security.';
  const b = 'Trade between the countries grew by a third over the last five years.';
  const c = 'Officials said the ministers met in Tokyo on Monday after a long delay.';
  const d = 'Analysts expect the agreement to be signed before the end of the year.';
  assert.equal(sharingParagraphs(prints(a, b, d)), null);
  // Paragraphs 0, 2 and 4 share "ministers met in tokyo on"; the repeat of a (5) is not compared.
  assert.deepEqual([...sharingParagraphs(prints(a, b, c, d, a.replace('Monday', 'Tuesday'), a))!], [1, 0, 1, 0, 1, 0]);
});

test('fingerprint: the word hashes it leaves are those of its key\'s words', () => {
  const texts = ['The minister’s visit, on Monday: \'a success\'.', 'Æsir and Straße — Çavuşoğlu met Ünal', 'Σοφία met the minister in 北京', '', '  ,. ', "x'y `z"];
  const scratch = new KeyScratch();
  for (const t of texts) {
    const f = fingerprint(t, 0, t.length, scratch);
    const got = [...scratch.hashes.subarray(0, f.wordCount)];
    assert.equal(keyWordHashesOf(f.key, scratch), f.wordCount, JSON.stringify(t));
    assert.deepEqual(got, [...scratch.hashes.subarray(0, f.wordCount)], JSON.stringify(t));
  }
});

test('fingerprints: each range\'s fingerprint and word hashes, as fingerprint gives them', () => {
  // Ranges read in place, folded in full (Greek), empty; and enough of them that the keys are
  // decoded in several batches.
  const pieces = ['The talks resumed on Monday.', "Japan's minister – in Doha", 'Σοφία met him', '', '  ,. ', 'Æsir café'];
  const r = seededRandom(4412);
  let text = '';
  const ranges: { start: number; end: number }[] = [];
  for (let n = 0; n < 40_000; n++) {
    const piece = pieces[Math.floor(r() * pieces.length)].repeat(1 + Math.floor(r() * 3));
    ranges.push({ start: text.length, end: text.length + piece.length });
    text += piece + '\n';
  }
  const hashes: number[][] = [];
  const scratch = new KeyScratch();
  const got = fingerprints(text, ranges, (_i, words) => hashes.push([...scratch.hashes.subarray(0, words)]), scratch);
  assert.equal(got.length, ranges.length);
  const one = new KeyScratch();
  ranges.forEach((x, i) => {
    const f = fingerprint(text, x.start, x.end, one);
    assert.deepEqual(got[i], f, `range ${i}`);
    assert.deepEqual(hashes[i], [...one.hashes.subarray(0, f.wordCount)], `range ${i}`);
  });
});

test('paragraphPrints: the sharing paragraphs it finds for the memo are sharingParagraphs of its prints', () => {
  // Paragraphs from few words (ASCII, folded Latin, and text folded whole) share 5-word sequences.
  const words = ['the', 'minister', 'said', 'talks', 'in', 'Tokyo', 'would', 'resume', 'Straße', 'Æsir', 'café', 'Σοφία', 'on', 'Monday', "won't", '“we”'];
  const r = seededRandom(2612);
  let shared = 0;
  for (let n = 0; n < 300; n++) {
    const paras: string[] = [];
    for (let k = 1 + Math.floor(r() * 8); k > 0; k--) {
      const earlier = paras.length && r() < 0.3 ? paras[Math.floor(r() * paras.length)] : '';
      const sentence = Array.from({ length: 3 + Math.floor(r() * 14) }, () => words[Math.floor(r() * (r() < 0.5 ? 5 : words.length))]).join(' ');
      // An exact repeat (not compared), or an edited copy (compared, sharing most sequences).
      paras.push(earlier && r() < 0.3 ? earlier : earlier ? `Officials ${earlier} ${sentence}.` : `${sentence}.`);
    }
    const article = parseArticle(joinLines(...paras, ''));
    const memo = checkMemo();
    const prints = paragraphPrints(article, undefined, memo);
    assert.ok(memo.prints?.sharing !== undefined);
    assert.deepEqual(memo.prints.sharing, sharingParagraphs(prints), joinLines(...paras));
    if (memo.prints.sharing) shared++;
  }
  assert.ok(shared > 50 && shared < 290, `${shared} articles with sharing paragraphs: the test compares too little`);
  // With a cache, the prints may come from the last analysis: no sharing is made for the memo.
  const memo = checkMemo();
  paragraphPrints(parseArticle('One two three four five six.\n'), createArticleCache(), memo);
  assert.equal(memo.prints?.sharing, undefined);
});

test('paragraphPrints: each paragraph\'s first copy, in short articles and long ones', () => {
  // Few distinct paragraphs (some differing only in case or punctuation), so many repeat.
  const forms = ['The talks resumed on Monday.', 'the talks resumed on monday', 'Talks resumed.', 'Officials met in Doha on Tuesday.', 'TT', 'Officials met in Doha, on Tuesday!'];
  const r = seededRandom(3212);
  for (let n = 0; n < 200; n++) {
    const paras = Array.from({ length: 1 + Math.floor(r() * 80) }, () => forms[Math.floor(r() * forms.length)]);
    const prints = paragraphPrints(parseArticle(joinLines(...paras.flatMap((p) => [p, '']))));
    assert.equal(prints.length, paras.length);
    prints.forEach((p, i) => assert.equal(p.first, prints.findIndex((q) => q.key === p.key), `paragraph ${i} of ${paras.length}`));
  }
});

test('near-duplicate-paragraph: comparing only the sharing paragraphs finds what comparing all finds', () => {
  // Paragraphs drawn from few words share many 5-word sequences; some are edited copies.
  const words = ['the', 'minister', 'said', 'talks', 'in', 'Tokyo', 'would', 'resume', 'on', 'Monday', 'after', 'a', 'delay', 'Ünal', 'Σοφία', 'café'];
  const r = seededRandom(1818);
  const shared = new CheckScratch();
  const sentence = (n: number) => Array.from({ length: n }, () => words[Math.floor(r() * (r() < 0.5 ? 4 : words.length))]).join(' ') + '.';
  let found = 0;
  for (let n = 0; n < 300; n++) {
    const paras: string[] = [];
    const count = 1 + Math.floor(r() * 8);
    for (let k = 0; k < count; k++) {
      const earlier = paras.length && r() < 0.4 ? paras[Math.floor(r() * paras.length)] : '';
      paras.push(earlier ? earlier.replace(/\w+/, 'Officials') + (r() < 0.5 ? ' ' + sentence(3) : '') : sentence(4 + Math.floor(r() * 14)));
    }
    const text = joinLines(...paras, '');
    const ctx = (cache?: ReturnType<typeof createArticleCache>) => ({ path: 'a.article', article: parseArticle(text), entities: [], dates: [], registry: loadRegistry([]), cache });
    const scratch = nearDuplicateParagraph(ctx());
    // With a cache to fill, every compared paragraph goes through the tables.
    assert.deepEqual(scratch, nearDuplicateParagraph(ctx(createArticleCache())), text);
    // With a memo, the words' hashes come from the fingerprint walk (one scratch for every article).
    assert.deepEqual(nearDuplicateParagraph({ ...ctx(), memo: checkMemo(), scratch: shared }), scratch, text);
    found += scratch.length;
  }
  assert.ok(found > 50, `only ${found} findings: the test compares too little`);
});

test('variantKey: ASCII names give the letters and digits of the general rule, lower-cased', () => {
  const r = seededRandom(7);
  const chars = "aZ09 -'._Al-Jaber von der Leyen\tX";
  for (let n = 0; n < 3000; n++) {
    let s = '';
    for (let k = Math.floor(r() * 16); k > 0; k--) s += chars[Math.floor(r() * chars.length)];
    assert.equal(variantKey(s), s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''), JSON.stringify(s));
  }
  assert.equal(variantKey('Al-Jaber'), 'aljaber');
  assert.equal(variantKey('Núñez Feijóo'), 'nunezfeijoo');
});

const REGISTRY = joinLines(
  'version: 1',
  'entities:',
  '  - { id: ahmed-aljaber, type: person, name: Ahmed Aljaber, family_name: Aljaber, given_name: Ahmed, aliases: [Ahmed Al-Jaber] }',
  '  - { id: omar-alkhater, type: person, name: Omar Alkhater }',
  '  - { id: khalid-bin-salman, type: person, name: Khalid bin Salman }',
  '  - { id: ana-de-la-fuente, type: person, name: Ana de la Fuente }',
  '  - { id: joao-dos-santos, type: person, name: João dos Santos }',
  '  - { id: ursula-vdl, type: person, name: Ursula von der Leyen, aliases: [Ursula von\u00a0der Leyen] }',
  '  - { id: sami-al-thani, type: person, name: Sami Al Thani, family_name: Al Thani }',
  '  - { id: hana-al-thani, type: person, name: Hana Al Thani, family_name: Al Thani }',
  '  - { id: gcc-summit, type: event, name: 45th GCC Summit }',
  '',
);

test('shortForms and fullForms: the keys of every person form, each person once per key, in registry order', () => {
  const index = buildEntityIndex(loadRegistry([{ path: 'r.yaml', text: REGISTRY }]));
  const short = Object.fromEntries([...(shortForms(index) as Map<string, readonly string[]>)].map(([k, ids]) => [k, ids]));
  assert.deepEqual(short, {
    aljaber: ['ahmed-aljaber'],
    alkhater: ['omar-alkhater'],
    binsalman: ['khalid-bin-salman'],
    delafuente: ['ana-de-la-fuente'],
    lafuente: ['ana-de-la-fuente'],
    dossantos: ['joao-dos-santos'],
    vonderleyen: ['ursula-vdl'],
    derleyen: ['ursula-vdl'],
    althani: ['sami-al-thani', 'hana-al-thani'],
  });
  const full = fullForms(index);
  assert.deepEqual(full.get('ahmedaljaber'), ['ahmed-aljaber']);
  assert.deepEqual(full.get('ursulavonderleyen'), ['ursula-vdl']);
  assert.deepEqual(full.get('joaodossantos'), ['joao-dos-santos']);
  assert.equal(full.get('45thgccsummit'), undefined);
});

test('IdTable: one id held alone, a list from the second; an id repeated last is added once', () => {
  const t = new IdTable();
  t.add('hanaalthani', 'hana-al-thani');
  t.add('hanaalthani', 'hana-al-thani');
  t.add('althani', 'sami-al-thani');
  t.add('althani', 'hana-al-thani');
  t.add('althani', 'hana-al-thani');
  t.add('althani', 'sami-al-thani');
  assert.equal(t.size, 2);
  assert.deepEqual(t.get('hanaalthani'), ['hana-al-thani']);
  assert.deepEqual(t.get('althani'), ['sami-al-thani', 'hana-al-thani', 'sami-al-thani']);
  assert.equal(t.get('thani'), undefined);
  const seen: [string, string | readonly string[]][] = [];
  t.forEach((ids, key) => seen.push([key, ids]));
  assert.deepEqual(seen, [['hanaalthani', 'hana-al-thani'], ['althani', ['sami-al-thani', 'hana-al-thani', 'sami-al-thani']]]);
});

test('prepareEntityTables: recognition gives the same mentions and findings with the tables built first', () => {
  const text = 'Ahmed Al-Jaber met Al Thani and Khalid Bin Salman. Later, von der Leyen and de la Fuente spoke to Alkhater.\n';
  const fresh = buildEntityIndex(loadRegistry([{ path: 'r.yaml', text: REGISTRY }]));
  const prepared = buildEntityIndex(loadRegistry([{ path: 'r.yaml', text: REGISTRY }]));
  prepareEntityTables(prepared);
  const a = recognizeEntities(parseArticle(text), fresh);
  const b = recognizeEntities(parseArticle(text), prepared);
  assert.deepEqual(b, a);
  assert.ok(a.mentions.some((m) => m.id === 'ahmed-aljaber'));
});
