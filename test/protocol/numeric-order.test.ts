/**
 * Protocol test of `attache.dates.numericOrder` through the built server: the setting the client
 * answers `workspace/configuration` with decides how an ambiguous numeric date is read, and
 * changing it re-analyzes the article (its hover and its diagnostics follow).
 */

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, test } from 'node:test';
import { Hover, MarkupContent } from 'vscode-languageserver/node';
import { joinLines } from '../helpers';
import { TestClient, makeWorkspace, positionOf, serverPath, stoppedAfterTests } from './client';

const ARTICLE = joinLines('---', 'date: 2025-06-01', '---', 'The ceasefire signed in Doha on 03/04/2025 still holds, officials said.', '');

describe('attache.dates.numericOrder', { skip: existsSync(serverPath) ? false : 'server/out/server.js is missing: run `npm run build`' }, () => {
  const { roots, clients } = stoppedAfterTests();

  async function hover(c: TestClient, uri: string): Promise<string> {
    const h = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(ARTICLE, '03/04/2025', 1) });
    assert.ok(h, 'no hover on the date');
    return (h.contents as MarkupContent).value;
  }

  test('auto reads 03/04/2025 month first and says it is ambiguous; dmy reads it day first', async () => {
    const root = makeWorkspace({ 'x.article': ARTICLE });
    roots.push(root);
    const c = await TestClient.start(root);
    clients.push(c);
    const uri = c.open('x.article', ARTICLE);
    await c.waitForDiagnostics(uri);
    const auto = await hover(c, uri);
    assert.equal(auto.split('\n\n')[0], '**Tuesday 4 March 2025**');
    assert.match(auto, /ambiguous numeric date: read as month\/day\/year \(attache\.dates\.numericOrder\)/);
    // The new setting re-analyzes the open article: a fresh publication, then the new reading.
    c.setSettings({ dates: { numericOrder: 'dmy' } });
    await c.waitForDiagnostics(uri, () => true, { fresh: true });
    const dmy = await hover(c, uri);
    assert.equal(dmy.split('\n\n')[0], '**Thursday 3 April 2025**');
    assert.doesNotMatch(dmy, /ambiguous numeric date/);
    assert.match(dmy, /attache\.dates\.numericOrder: dmy/);
  });
});
