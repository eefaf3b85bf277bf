import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ABBREVIATIONS, parseArticle, paragraphAt, splitSentences, stripBom } from '../../server/src/core/article';
import { seededRandom } from '../../bench/generate';
import { LineIndex } from '../../server/src/core/lines';
import { applyEdits } from '../../server/src/core/edits';
import { joinLines, seedsDir } from '../helpers';

const paraTexts = (text: string): string[] => parseArticle(text).paragraphs.map((p) => text.slice(p.start, p.end));

test('front matter gives the publication date and the body starts after it', () => {
  const text = joinLines('---', 'title: Talks in Tokyo', 'date: 2025-10-26', 'source: Example Wire', '---', 'Japan and Qatar met.', '');
  const a = parseArticle(text);
  assert.equal(a.publicationDate, '2025-10-26');
  assert.equal(a.publicationDateSource, 'front-matter');
  assert.equal(a.frontMatter?.fields.title.value, 'Talks in Tokyo');
  assert.equal(text.slice(a.frontMatter!.fields.date.start, a.frontMatter!.fields.date.end), '2025-10-26');
  assert.equal(a.bodyStart, text.indexOf('Japan'));
  assert.deepEqual(paraTexts(text), ['Japan and Qatar met.']);
});

test('front matter with an ISO date-time keeps the date part', () => {
  const a = parseArticle(joinLines('---', 'date: 2025-07-29T04:52:00Z', '---', 'Body.'));
  assert.equal(a.publicationDate, '2025-07-29');
});

test('an invalid front matter date is an invalid-date finding on the value', () => {
  const text = joinLines('---', 'date: 2025-02-30', '---', 'Body.');
  const a = parseArticle(text);
  assert.equal(a.publicationDate, null);
  assert.equal(a.findings.length, 1);
  assert.equal(a.findings[0].code, 'invalid-date');
  assert.equal(text.slice(a.findings[0].start, a.findings[0].end), '2025-02-30');
});

test('broken front matter YAML is reported, not thrown', () => {
  const text = joinLines('---', 'date: [2025', '---', 'Body.');
  const a = parseArticle(text);
  assert.equal(a.findings[0].code, 'front-matter-syntax');
  assert.ok(a.findings[0].start >= 4 && a.findings[0].start <= text.indexOf('\n---') + 1);
  assert.match(a.findings[0].message, /^Front matter is not valid YAML: Flow sequence/);
});

test('dateline of the "date YYYY-MM-DD N" form (no front matter)', () => {
  const text = joinLines(' date 2025-10-26 403', 'Japan, Qatar Widen Defence Links', 'The two governments met in Tokyo on Monday.');
  const a = parseArticle(text);
  assert.equal(a.publicationDate, '2025-10-26');
  assert.equal(a.publicationDateSource, 'dateline');
  assert.equal(text.slice(a.dateline!.start, a.dateline!.end), 'date 2025-10-26 403');
});

test('dateline of the "Published Date: 04:52 | 29 July 2025" form, inside a bullet list', () => {
  const text = joinLines('Japan and NATO plan talks', 'A short standfirst sentence about the talks.', '- World', '- Example Agency', '- Published Date: 04:52 | 29 July 2025', 'NATO and Japan will meet.');
  const a = parseArticle(text);
  assert.equal(a.publicationDate, '2025-07-29');
  assert.equal(a.dateline?.form, 'published-date');
});

test('wire datelines, with and without a year, and a long-date line', () => {
  const withYear = parseArticle('TOKYO, Oct. 26, 2025 (Reuters) - Japan said on Sunday it would act.');
  assert.equal(withYear.publicationDate, '2025-10-26');
  const noYear = parseArticle('TOKYO, Oct. 26 (Reuters) - Japan said on Sunday it would act.');
  assert.equal(noYear.publicationDate, null);
  assert.equal(noYear.dateline?.month, 10);
  assert.equal(noYear.dateline?.day, 26);
  assert.equal(parseArticle(joinLines('Headline here', 'October 26, 2025', 'Body text.')).publicationDate, '2025-10-26');
});

test('an article with no date has no publication date', () => {
  const a = parseArticle(joinLines('Talks continue', 'Officials met in July to discuss the plan.'));
  assert.equal(a.publicationDate, null);
  assert.equal(a.publicationDateSource, null);
});

test('one paragraph per line layout', () => {
  const text = joinLines(
    'Qatar and Japan Deepen Ties',
    'Qatar and Japan continue to expand defence co-operation, officials said.',
    'The dialogue was held in Tokyo on September 29.',
    'Both sides agreed to meet again.',
  );
  assert.deepEqual(paraTexts(text), text.split('\n'));
});

test('blank-line blocks with hard-wrapped lines join into one paragraph each', () => {
  const text = joinLines(
    'Gulf Ministers Meet in Doha',
    '',
    'The interior ministers of the Gulf states met in Doha on Wednesday to',
    'discuss joint security cooperation, officials said, and agreed to meet',
    'again next year.',
    '',
    'The talks were chaired by Qatar and focused on cybercrime and the',
    'Japanese proposal for an exchange programme.',
  );
  assert.deepEqual(paraTexts(text), [
    'Gulf Ministers Meet in Doha',
    'The interior ministers of the Gulf states met in Doha on Wednesday to\ndiscuss joint security cooperation, officials said, and agreed to meet\nagain next year.',
    'The talks were chaired by Qatar and focused on cybercrime and the\nJapanese proposal for an exchange programme.',
  ]);
});

test('bullets are paragraphs of their own', () => {
  const text = joinLines('Key areas', '', '  • Cyber defence: joint exercises.', '  • Maritime security: port calls.', '- World', '* Asia');
  const a = parseArticle(text);
  assert.deepEqual(paraTexts(text), ['Key areas', '• Cyber defence: joint exercises.', '• Maritime security: port calls.', '- World', '* Asia']);
  assert.deepEqual(a.paragraphs.map((p) => p.bullet), [false, true, true, true, true]);
});

test('CRLF line ends: paragraphs exclude the CR, lineEnd includes the CRLF', () => {
  const text = 'First paragraph here.\r\nSecond paragraph here.\r\n\r\nThird one.\r\n';
  const a = parseArticle(text);
  assert.deepEqual(paraTexts(text), ['First paragraph here.', 'Second paragraph here.', 'Third one.']);
  assert.equal(text.slice(a.paragraphs[0].lineStart, a.paragraphs[0].lineEnd), 'First paragraph here.\r\n');
  const li = new LineIndex(text);
  assert.deepEqual(li.position(text.indexOf('Second')), { line: 1, character: 0 });
  assert.equal(li.offset(0, 999), text.indexOf('\r'));
});

test('a BOM is stripped before analysis so offsets match the spec (UTF-8 without BOM)', () => {
  const withBom = '\uFEFFdate 2025-10-26 403\nBody.';
  const text = stripBom(withBom);
  assert.equal(text[0], 'd');
  assert.equal(parseArticle(text).publicationDate, '2025-10-26');
});

test('sentences split at full stops but not after abbreviations or initials', () => {
  const text = 'Dr. Sato met Gen. Tanaka on Oct. 26 in Tokyo. They agreed. "We will act," he said! Next?';
  const a = parseArticle(text);
  const s = a.paragraphs[0].sentences.map((x) => text.slice(x.start, x.end));
  assert.deepEqual(s, ['Dr. Sato met Gen. Tanaka on Oct. 26 in Tokyo.', 'They agreed.', '"We will act," he said!', 'Next?']);
});

test('a clock time followed by its conversion in brackets does not end the sentence', () => {
  const text = 'The shelling began at 6 a.m. (0300 GMT) on Monday. It stopped at 9 p.m. Officials counted the dead.';
  const s = parseArticle(text).paragraphs[0].sentences.map((x) => text.slice(x.start, x.end));
  assert.deepEqual(s, ['The shelling began at 6 a.m. (0300 GMT) on Monday.', 'It stopped at 9 p.m.', 'Officials counted the dead.']);
});

test('paragraphAt finds the paragraph around an offset', () => {
  const text = joinLines('One line here.', 'Two line here.');
  const a = parseArticle(text);
  assert.equal(paragraphAt(a, text.indexOf('Two') + 2), a.paragraphs[1]);
  assert.equal(paragraphAt(a, text.indexOf('\n')), undefined);
});

test('applyEdits applies non-overlapping edits and skips overlapping ones', () => {
  const r = applyEdits('abcdef', [{ start: 4, end: 6, newText: 'X' }, { start: 0, end: 2, newText: '' }, { start: 1, end: 3, newText: 'Z' }]);
  assert.equal(r.text, 'cdX');
  assert.equal(r.applied.length, 2);
});

test('seed layouts: one-per-line seed and blank-line seed', (t) => {
  if (!seedsDir) return t.skip('seed articles not present (they live outside the repository)');
  const s0 = stripBom(readFileSync(join(seedsDir, '000_13d79ffccb08589f.txt'), 'utf8'));
  const a0 = parseArticle(s0);
  assert.equal(a0.publicationDate, '2025-10-26');
  assert.equal(a0.paragraphs.length, s0.split('\n').filter((l) => l.trim()).length);
  const s3 = readFileSync(join(seedsDir, '003_3d9694f0226b20af.txt'), 'utf8');
  assert.equal(parseArticle(s3).publicationDate, '2025-07-29');
  const s4 = readFileSync(join(seedsDir, '004_962bcefe631de004.txt'), 'utf8');
  const a4 = parseArticle(s4);
  // The wrapped legal disclaimer is one paragraph.
  const disclaimer = a4.paragraphs.find((p) => s4.slice(p.start, p.end).startsWith('MENAFN provides'));
  assert.ok(disclaimer && s4.slice(disclaimer.start, disclaimer.end).endsWith('provider above.'));
  const s1 = readFileSync(join(seedsDir, '001_8d965f6760b5d29d.txt'), 'utf8');
  const texts = paraTexts(s1);
  assert.equal(texts.filter((x) => x.startsWith('Okano Yukiko, deputy press secretary of Japan\'s Foreign Ministry (Photo')).length, 4);
});

/** Sentences as a character-by-character reading of the rule gives them (`splitSentences`' documented rule). */
function sentencesByRule(text: string, start: number, end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let s = start;
  for (let i = start; i < end; i++) {
    if (!/[.!?]/.test(text[i])) continue;
    let j = i + 1;
    while (j < end && /["”’')\]]/.test(text[j])) j++;
    if (j < end && !/\s/.test(text[j])) continue;
    let k = j;
    while (k < end && /\s/.test(text[k])) k++;
    if (k >= end) break;
    if (!/["“‘'(\[A-Z0-9À-ÖØ-Þ•-]/.test(text[k])) continue;
    if (text[i] === '.') {
      let word = text.slice(Math.max(text.lastIndexOf(' ', i - 1) + 1, s), i).toLowerCase().replace(/^["“‘'(]/, '');
      if (ABBREVIATIONS.has(word) || /^[a-z]$/.test(word)) continue;
      if ((word === 'a.m' || word === 'p.m') && text[k] === '(') continue;
    }
    out.push({ start: s, end: j });
    s = k;
    i = k - 1;
  }
  if (s < end) out.push({ start: s, end });
  return out;
}

test('splitSentences: the sentences a character-by-character reading of its rule gives', () => {
  const pieces = ['Talks', ' ', 'resumed', '.', '!', '?', '?!', '...', ' ', '  ', '\t', '"', '”', ')', ']', '(', 'Mr.', 'U.S.', 'p.m.', 'a.m.', 'Jan.', 'A.', 'x.', '3.5', 'In', 'Doha', 'É', '•', '-', '“Yes', "'", 'approx.', 'Sept.', 'Officials',
    // Read in place when ASCII (splitSentences' fast path): any case, after an opener, not quite an abbreviation.
    'MR.', 'P.M.', 'A.M.', '(Gen.', "'Inc.", '"Dr.', 'E.G.', 'b.', 'Z.', '1.', 'ST.', 'Mrs.', 'Mrx.', 'p.n.', 'Co.', '(x.', 'Dé.', '(('];
  const r = seededRandom(1843);
  for (let n = 0; n < 6000; n++) {
    let text = '';
    for (let k = Math.floor(r() * 40); k > 0; k--) text += pieces[Math.floor(r() * pieces.length)];
    const start = Math.floor(r() * Math.min(3, text.length + 1));
    const end = text.length - Math.floor(r() * Math.min(3, text.length - start + 1));
    assert.deepEqual(splitSentences(text, start, end), sentencesByRule(text, start, end), JSON.stringify([text, start, end]));
  }
});
