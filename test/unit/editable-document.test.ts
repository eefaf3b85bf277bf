/**
 * The server's open documents (`lsp/document.ts`) against plain strings: over random edit
 * sequences (deterministic seed) with LF, CRLF and lone CR, typing, deleting, pasting and
 * replacing across line breaks, the document's text, windows, line lookups and the regions
 * where versions differ equal what the plain string, `LineIndex` and `diffRegion` give; and the
 * service's provisional analyses made from such a document equal those made by comparing texts.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditableDocument } from '../../server/src/lsp/document';
import { LineIndex } from '../../server/src/core/lines';
import { diffRegion, spliceAnalysis } from '../../server/src/core/splice';
import { AttacheService } from '../../server/src/lsp/service';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { hover } from '../../server/src/lsp/hover';
import { seededRandom } from '../../bench/generate';
import { sampleFiles } from '../helpers';
import { ROOT, memoryHost } from './memoryHost';

const BITS = ['a', 'b', ' ', '\n', '\r', '\r\n', 'word ', '\n\n', 'é', 'Doha '];

function randomText(rnd: () => number, n: number): string {
  let s = '';
  while (s.length < n) s += BITS[Math.floor(rnd() * BITS.length)];
  return s;
}

test('an edited document equals the string edited the same way: text, windows, lines, diffs', () => {
  for (const seed of [1, 2, 3, 4]) {
    const rnd = seededRandom(seed);
    let text = randomText(rnd, 400);
    const doc = new EditableDocument('file:///a.article', 'diplomatic-article', 1, text);
    const versions: string[] = [];
    versions[1] = text;
    for (let version = 2; version < 400; version++) {
      // One to three changes per version, each in the coordinates of the text before it.
      const changes = [];
      for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) {
        // Positions never fall between the CR and the LF of a line break (they have no position).
        const outsideCrlf = (o: number): number => (text[o - 1] === '\r' && text[o] === '\n' ? o - 1 : o);
        const a = outsideCrlf(Math.floor(rnd() * (text.length + 1)));
        const kind = rnd();
        // Mostly typing next to the last edit, sometimes a deletion or a paste elsewhere.
        const b = kind < 0.6 ? a : outsideCrlf(Math.min(text.length, a + Math.floor(rnd() * 40)));
        const inserted = kind < 0.8 ? randomText(rnd, 1 + Math.floor(rnd() * 3)) : kind < 0.9 ? '' : randomText(rnd, 60);
        const li = new LineIndex(text);
        changes.push({ range: { start: li.position(a), end: li.position(b) }, text: inserted });
        text = text.slice(0, a) + inserted + text.slice(b);
      }
      doc.update(changes, version);
      versions[version] = text;
      assert.equal(doc.getText(), text, `seed ${seed}, version ${version}`);
      assert.equal(doc.length, text.length);
      const li = new LineIndex(text);
      const lines = doc.lines();
      assert.equal(lines.lineCount, li.lineCount, `seed ${seed}, version ${version}: line count`);
      for (let t = 0; t < 12; t++) {
        const o = Math.floor(rnd() * (text.length + 2));
        assert.deepEqual(lines.position(o), li.position(o), `position of ${o}`);
        const line = Math.floor(rnd() * (li.lineCount + 1)) - (t === 0 ? 1 : 0);
        const character = Math.floor(rnd() * 30);
        assert.equal(lines.offset(line, character), li.offset(line, character), `offset of ${line}:${character}`);
        assert.equal(lines.lineStart(line), li.lineStart(line));
        const s = Math.floor(rnd() * (text.length + 1));
        const e = s + Math.floor(rnd() * 80);
        assert.equal(doc.slice(s, e), text.slice(s, e), `slice ${s}-${e}`);
      }
      // The region where an earlier version differs: replacing it in the earlier text gives this one.
      const back = Math.max(1, version - 1 - Math.floor(rnd() * 20));
      const d = doc.diffSince(back);
      const exact = diffRegion(versions[back], text);
      if (exact === null) assert.ok(d === null || (d && versions[back].slice(d.start, d.oldEnd) === text.slice(d.start, d.newEnd)));
      else {
        assert.ok(d, `seed ${seed}: a diff since ${back}`);
        assert.equal(d.newEnd - d.oldEnd, exact.newEnd - exact.oldEnd);
        assert.equal(versions[back].slice(0, d.start) + text.slice(d.start, d.newEnd) + versions[back].slice(d.oldEnd), text);
      }
    }
    // Line lookups of a version stay right after later updates.
    const kept = doc.lines();
    const keptText = doc.getText();
    doc.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x\r\n' }], 1000);
    const li = new LineIndex(keptText);
    assert.equal(kept.lineCount, li.lineCount);
    assert.deepEqual(kept.position(keptText.length - 1), li.position(keptText.length - 1));
  }
});

test('a whole-text change replaces the text, and the versions before it are no longer known', () => {
  const doc = new EditableDocument('file:///a.article', 'diplomatic-article', 1, 'one\ntwo\n');
  doc.update([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'and ' }], 2);
  assert.deepEqual(doc.diffSince(1), { start: 4, oldEnd: 4, newEnd: 8 });
  doc.update([{ text: 'three\r\nfour' }], 3);
  assert.equal(doc.getText(), 'three\r\nfour');
  assert.equal(doc.diffSince(2), undefined);
  assert.equal(doc.diffSince(3), null);
  assert.deepEqual(doc.positionAt(8), { line: 1, character: 1 });
  assert.equal(doc.offsetAt({ line: 0, character: 99 }), 5);
});

test('typing in a large open article: hovers answer from a splice made from the document, equal to one made by comparing texts', async () => {
  const files = sampleFiles();
  const registry = Object.fromEntries(Object.entries(files).filter(([k]) => k.startsWith('registry')));
  const service = new AttacheService(memoryHost(registry), [{ uri: ROOT, name: 'ws' }]);
  const folder = service.folders[0];
  service.loadFolder(folder, DEFAULT_SETTINGS);
  const uri = `${ROOT}/articles/big.article`;
  const paragraph = (i: number): string => `Mark Rutte met officials in Doha on Monday to discuss item ${i}, and two days later he flew to Tokyo, an aide said.`;
  const lines = ['---', 'date: 2025-10-20', '---', 'TOKYO, Oct. 20', ''];
  for (let i = 0; lines.join('\n').length < 120_000; i++) lines.push(paragraph(i), '');
  const doc = new EditableDocument(uri, 'diplomatic-article', 1, lines.join('\n'));
  const open = (): void => {
    service.openOrChange({ uri, languageId: 'diplomatic-article', version: doc.version, text: doc.getText(), source: doc });
  };
  open();
  await service.prepare(uri);
  const exact = service.article(uri)!;
  const line = 401;
  let character = 30;
  for (let version = 2; version < 12; version++) {
    doc.update([{ range: { start: { line, character }, end: { line, character } }, text: version % 3 ? 'x' : ' and' }], version);
    character += version % 3 ? 1 : 4;
    open();
    const view = service.articleView(uri)!;
    assert.notEqual(view.analysis, exact.analysis, 'a provisional analysis');
    assert.ok(view.analysis.article.read, 'made from the document (its windows read without the whole text)');
    const compared = spliceAnalysis(exact.analysis, doc.getText(), { registry: folder.snapshot, entityIndex: folder.entityIndex, settings: exact.rec.analyzedSettings }, undefined)!;
    const plain = (a: typeof compared): unknown => ({ entities: [...a.entities].map((m) => ({ ...m })), dates: [...a.dates].map((d) => ({ ...d })), paragraphs: [...a.article.paragraphs].map((p) => ({ ...p })) });
    assert.deepEqual(plain(view.analysis), plain(compared), `version ${version}`);
    const h = hover(service, uri, { line, character: 1 });
    assert.match(JSON.stringify(h?.contents), /Rutte/);
  }
});
