/**
 * Nested mentions through the built server (issue #17, item 2): the EU inside "the EU foreign
 * policy chief" is coloured inside the office, highlighted with the other EU mentions, found by
 * references and counted by the registry's code lens, and the office keeps its own hover.
 */

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Location, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import { joinLines } from '../helpers';
import { TestClient, decodeTokens, makeWorkspace, positionOf, removeWorkspace, serverPath } from './client';

const REGISTRY = joinLines(
  'version: 1',
  'entities:',
  '  - id: eu',
  '    type: organization',
  '    name: European Union',
  '    aliases: [EU]',
  '  - id: eu-hr',
  '    type: office',
  '    name: High Representative of the Union for Foreign Affairs and Security Policy',
  '    aliases: [EU foreign policy chief]',
  '    of: eu',
  '',
);

const ARTICLE = joinLines(
  '---', 'date: 2025-06-01', '---',
  'The EU foreign policy chief flew to the border on Monday.',
  '',
  'The EU said the crossing would reopen in the spring.',
  '',
);


describe('nested mentions in the editor', { skip: existsSync(serverPath) ? false : 'server/out/server.js is missing: run `npm run build`' }, () => {
  let root: string;
  let client: TestClient;
  let uri: string;
  before(async () => {
    root = makeWorkspace({ 'registry.yaml': REGISTRY, 'x.article': ARTICLE });
    client = await TestClient.start(root);
    uri = client.open('x.article', ARTICLE);
    await client.waitForDiagnostics(uri);
  });
  after(async () => {
    await client.stop();
    removeWorkspace(root);
  });

  test('semantic tokens colour the EU inside the office, and the office around it', async () => {
    const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const legend = (client.initializeResult.capabilities.semanticTokensProvider as { legend: SemanticTokensLegend }).legend;
    const decoded = decodeTokens(tokens, legend, ARTICLE).filter((t) => !/=number$/.test(t));
    const org = decoded[0].split('=')[1];
    const office = decoded[1].split('=')[1];
    assert.notEqual(org, office);
    assert.deepEqual(decoded, [`EU=${org}`, ` foreign policy chief=${office}`, `EU=${org}`]);
  });

  test('highlights and references from the nested EU find both EU mentions', async () => {
    const hl = await client.request<{ range: { start: { line: number; character: number } } }[]>('textDocument/documentHighlight', { textDocument: { uri }, position: positionOf(ARTICLE, 'EU', 1) });
    assert.deepEqual(hl.map((h) => h.range.start), [positionOf(ARTICLE, 'EU'), positionOf(ARTICLE, 'EU', 0, 1)]);
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: positionOf(ARTICLE, 'EU', 1), context: { includeDeclaration: false } });
    assert.equal(refs.length, 2);
  });

  test('the office keeps its hover, and the code lens counts both EU mentions', async () => {
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: positionOf(ARTICLE, 'policy', 1) });
    assert.match(hover.contents.value, /High Representative/);
    type Lens = { range: { start: { line: number } }; command?: { title: string }; data?: unknown };
    const lenses = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri: client.uri('registry.yaml') } });
    const lens = lenses.find((l) => l.data && l.range.start.line === positionOf(REGISTRY, 'id: eu\n').line)!;
    const resolved = await client.request<Lens>('codeLens/resolve', lens);
    assert.equal(resolved.command?.title, '2 mentions in 1 article');
  });
});
