/**
 * Protocol tests of the date card and inlay hints on the real sample workspace (`samples/`, copied
 * to a temporary folder): the value in words, its relation to the article, and the anchor with
 * where the publication date came from, each on a line of its own.
 */

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Hover, InlayHint, MarkupContent } from 'vscode-languageserver/node';
import { sampleFiles } from '../helpers';
import { TestClient, makeWorkspace, positionOf, removeWorkspace, serverPath } from './client';

describe('date hovers on the samples', { skip: existsSync(serverPath) ? false : 'server/out/server.js is missing: run `npm run build`' }, () => {
  let root: string;
  let client: TestClient;
  let files: Record<string, string>;
  const opened = new Map<string, string>();
  /** Opens a sample once; returns its URI. */
  const openSample = (file: string): string => {
    if (!opened.has(file)) opened.set(file, client.open(file, files[file]));
    return opened.get(file)!;
  };

  before(async () => {
    files = sampleFiles();
    root = makeWorkspace(files);
    client = await TestClient.start(root);
  });

  after(async () => {
    await client?.stop();
    removeWorkspace(root);
  });

  async function hoverText(file: string, surface: string, at = 1): Promise<string> {
    const text = files[file];
    const uri = openSample(file);
    const pos = positionOf(text, surface, at);
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: pos });
    assert.ok(h, `no hover on '${surface}'`);
    return (h.contents as MarkupContent).value;
  }

  test('a partial date: its day in words, then value, kind and the anchor with its source on one line', async () => {
    const md = await hoverText('articles/qatar-japan-defense.article', 'September 29');
    assert.equal(md.split('\n\n')[0], '**Monday 29 September 2025**');
    assert.equal(md.split('\n\n')[1], '`2025-09-29` · partial date · anchored to the publication date 2025-10-26 from the dateline');
    // Every paragraph is separated by a blank line: nothing runs on into the next.
    for (const para of md.split('\n\n')) assert.ok(!para.includes('\n'), JSON.stringify(para));
  });

  test('the dateline date is the publication date, and the front matter is named as the source where it is one', async () => {
    const dl = await hoverText('articles/qatar-japan-defense.article', '2025-10-26');
    assert.match(dl, /\*\*Sunday 26 October 2025\*\* · the publication date, from the dateline/);
    const fm = await hoverText('articles/tokyo-briefing.article', 'five days ago');
    assert.equal(fm.split('\n\n')[0], '**Wednesday 22 October 2025**');
    assert.equal(fm.split('\n\n')[1], '`2025-10-22` · relative date · anchored to the publication date 2025-10-27 from the front matter');
  });

  test('iwaya-qatar-energy: the dateline date, a date after a name, and the card of the official at that date', async () => {
    const file = 'articles/iwaya-qatar-energy.article';
    const dl = await hoverText(file, 'October 17, 2025');
    assert.match(dl, /\*\*Friday 17 October 2025\*\* · the publication date, from the dateline/);
    const jan = await hoverText(file, '31 January 2023');
    assert.equal(jan.split('\n\n').slice(0, 2).join('\n\n'), '**Tuesday 31 January 2023**\n\n`2023-01-31` · absolute date');
    const last = await hoverText(file, 'last month');
    assert.equal(last.split('\n\n')[1], '`2025-09` · relative date · anchored to the publication date 2025-10-17 from the dateline');
    const hayashi = await hoverText(file, 'Hayashi Yoshimasa');
    assert.match(hayashi, /At 31 January 2023 \(date in the sentence\): Minister for Foreign Affairs of Japan/);
  });

  test('inlay hints after relative dates carry the card as their tooltip', async () => {
    const file = 'articles/qatar-japan-defense.article';
    const uri = openSample(file);
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } });
    const byLabel = new Map(hints.map((h) => [h.label as string, h]));
    assert.deepEqual([...byLabel.keys()].sort(), ['[2025-09-29]', '[2025-09]']);
    assert.match((byLabel.get('[2025-09]')!.tooltip as MarkupContent).value, /^\*\*September 2025\*\*\n\n`2025-09` · relative date · anchored to the publication date 2025-10-26 from the dateline/);
  });
});
