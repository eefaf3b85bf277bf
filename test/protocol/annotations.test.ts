/**
 * Annotations through the protocol: the "Link to …" quick fix of an ambiguous surname writes a
 * `link` annotation into the article's sidecar (a WorkspaceEdit creating the file), the decision
 * then survives an edit above the span, changes hover and references, and the annotate command
 * marks a false match as not an entity.
 */

import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ApplyWorkspaceEditParams, CodeAction, Hover, Location, MarkupContent, Range, TextDocumentEdit, TextEdit } from 'vscode-languageserver/node';
import { joinLines } from '../helpers';
import { TestClient, applyTextEdits, makeWorkspace, positionOf, removeWorkspace, serverPath } from './client';

const REGISTRY = joinLines(
  'version: 1',
  'entities:',
  '  - { id: japan, type: country, name: Japan, demonyms: [Japanese] }',
  '  - { id: hayashi-yoshimasa, type: person, name: Hayashi Yoshimasa, family_name: Hayashi, given_name: Yoshimasa, name_order: family-first, country: japan, description: Foreign minister 2021-2023 }',
  '  - { id: hayashi-mitsuko, type: person, name: Hayashi Mitsuko, family_name: Hayashi, given_name: Mitsuko, name_order: family-first, country: japan, description: Defence official }',
  '',
);

const ARTICLE = joinLines('---', 'date: 2025-10-26', '---', 'Hayashi told reporters that Japan would keep talking.', 'Osamu Izawa, an envoy, agreed.', '');

describe('annotations over the protocol', { skip: existsSync(serverPath) ? false : 'run npm run build first' }, () => {
  let root: string;
  let c: TestClient;
  before(async () => {
    root = makeWorkspace({ 'registry.yaml': REGISTRY, 'a.article': ARTICLE });
    c = await TestClient.start(root);
  });
  after(async () => {
    await c.stop();
    removeWorkspace(root);
  });

  test('the link quick fix creates the sidecar with a link annotation, and the ambiguity goes', async () => {
    const uri = c.open('a.article', ARTICLE);
    const d = await c.waitForDiagnostics(uri, (x) => x.some((y) => y.code === 'ambiguous-mention'));
    const amb = d.diagnostics.find((y) => y.code === 'ambiguous-mention')!;
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: amb.range, context: { diagnostics: [amb] } });
    const link = actions.find((a) => a.title === 'Link to Hayashi Yoshimasa');
    assert.ok(link?.edit?.documentChanges, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    const [create, edit] = link.edit.documentChanges as [{ kind: string; uri: string }, TextDocumentEdit];
    assert.equal(create.kind, 'create');
    assert.equal(create.uri, c.uri('a.article.annotations.yaml'));
    const sidecar = applyTextEdits('', edit.edits as TextEdit[]);
    assert.match(sidecar, /^version: 1\nannotations:\n {2}- id: a1\n {4}kind: link\n {4}entity: hayashi-yoshimasa\n/);
    assert.match(sidecar, /quote: Hayashi\n/);
    // The editor applies the edit and the sidecar is written; the server sees it on disk.
    c.writeFile('a.article.annotations.yaml', sidecar, 1);
    const after1 = await c.waitForDiagnostics(uri, (x) => !x.some((y) => y.code === 'ambiguous-mention'), { fresh: true });
    assert.ok(after1.diagnostics.some((y) => y.code === 'unknown-entity'));
    const hover = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(ARTICLE, 'Hayashi told', 2) });
    assert.match((hover.contents as MarkupContent).value, /Hayashi Yoshimasa/);
    // What the Annotations view and the decorations show.
    const items = await c.request<{ id: string; kind: string; label: string; range: { start: { line: number } } | null }[]>('attache/annotations', { uri });
    assert.deepEqual(items.map((x) => [x.id, x.kind, x.label, x.range?.start.line]), [['a1', 'link', 'linked to Hayashi Yoshimasa', 3]]);
  });

  test('the link survives an edit above the span and counts in references', async () => {
    const edited = ARTICLE.replace('date: 2025-10-26\n---\n', 'date: 2025-10-26\n---\nTOKYO - A new first line.\n');
    c.change('a.article', edited);
    const uri = c.uri('a.article');
    await c.waitForDiagnostics(uri, (x, p) => p.version === 2 && !x.some((y) => y.code === 'ambiguous-mention'));
    const refs = await c.request<Location[]>('textDocument/references', { textDocument: { uri }, position: positionOf(edited, 'Hayashi told', 2), context: { includeDeclaration: false } });
    assert.ok(refs.some((r) => r.uri === uri && r.range.start.line === 4), JSON.stringify(refs));
  });

  test('the annotate command marks a false match as not an entity through workspace/applyEdit', async () => {
    const uri = c.uri('a.article');
    const text = ARTICLE.replace('date: 2025-10-26\n---\n', 'date: 2025-10-26\n---\nTOKYO - A new first line.\n');
    let applied: ApplyWorkspaceEditParams | undefined;
    c.conn.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      applied = p;
      return { applied: true };
    });
    const start = text.indexOf('Osamu Izawa');
    const ok = await c.request<boolean>('workspace/executeCommand', { command: 'attache.server.annotate', arguments: [{ uri, start, end: start + 'Osamu Izawa'.length, kind: 'not-entity', author: 'tester' }] });
    assert.equal(ok, true);
    const sidecarUri = c.uri('a.article.annotations.yaml');
    const edits = applied!.edit.changes![sidecarUri];
    const path = join(root, 'a.article.annotations.yaml');
    const next = applyTextEdits(readFileSync(path, 'utf8'), edits);
    assert.match(next, / {2}- id: a2\n {4}kind: not-entity\n/);
    assert.match(next, /author: tester/);
    writeFileSync(path, next);
    c.writeFile('a.article.annotations.yaml', next);
    await c.waitForDiagnostics(uri, (x) => !x.some((y) => y.code === 'unknown-entity'), { fresh: true });
  });

  test('on save, the anchors that moved are stored again: only their target blocks change', async () => {
    const uri = c.uri('a.article');
    const text = ARTICLE.replace('date: 2025-10-26\n---\n', 'date: 2025-10-26\n---\nTOKYO - A new first line.\n');
    let applied: ApplyWorkspaceEditParams | undefined;
    c.conn.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      applied = p;
      return { applied: true };
    });
    await c.waitForDiagnostics(uri, (x) => !x.some((y) => y.code === 'unknown-entity'));
    assert.equal(await c.request('workspace/executeCommand', { command: 'attache.server.refreshAnchors', arguments: [uri] }), true);
    const path = join(root, 'a.article.annotations.yaml');
    const before = readFileSync(path, 'utf8');
    const next = applyTextEdits(before, applied!.edit.changes![c.uri('a.article.annotations.yaml')]);
    assert.match(next, new RegExp(`quote: Hayashi\\n {6}prefix: .*\\n {6}suffix: .*\\n {6}start: ${text.indexOf('Hayashi told')}\\n`));
    assert.equal(next.replace(/ {4}target:\n(?: {6}.*\n)+/g, ''), before.replace(/ {4}target:\n(?: {6}.*\n)+/g, ''), 'only target blocks change');
    // Nothing moved since: no edit.
    writeFileSync(path, next);
    c.writeFile('a.article.annotations.yaml', next);
    await c.waitForDiagnostics(uri, () => true, { fresh: true });
    assert.equal(await c.request('workspace/executeCommand', { command: 'attache.server.refreshAnchors', arguments: [uri] }), false);
  });
});

describe('orphaned annotations over the protocol', { skip: existsSync(serverPath) ? false : 'run npm run build first' }, () => {
  test('an orphan is reported on the sidecar with a re-attach quick fix, and re-attaching places it again', async () => {
    const sidecarText = joinLines('version: 1', 'annotations:', '  - id: a1', '    kind: note', '    body: Check this', '    target:', '      quote: a sentence that was deleted', '      start: 40', '');
    const root = makeWorkspace({ 'registry.yaml': REGISTRY, 'a.article': ARTICLE, 'a.article.annotations.yaml': sidecarText });
    const c = await TestClient.start(root);
    try {
      c.open('a.article', ARTICLE);
      const sidecar = c.open('a.article.annotations.yaml', sidecarText);
      const d = await c.waitForDiagnostics(sidecar, (x) => x.some((y) => y.code === 'orphaned-annotation'));
      const orphan = d.diagnostics.find((y) => y.code === 'orphaned-annotation')!;
      assert.equal(orphan.range.start.line, 2);
      const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: sidecar }, range: orphan.range, context: { diagnostics: [orphan] } });
      const fix = actions.find((a) => a.command?.command === 'attache.reattachAnnotation');
      assert.ok(fix, actions.map((a) => a.title).join(' | '));
      assert.deepEqual(fix.command!.arguments, [c.uri('a.article'), 'a1']);
      // The editor then asks the server to attach it to the selection.
      let applied: ApplyWorkspaceEditParams | undefined;
      c.conn.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
        applied = p;
        return { applied: true };
      });
      const start = ARTICLE.indexOf('Japan would');
      assert.equal(await c.request('workspace/executeCommand', { command: 'attache.server.reattachAnnotation', arguments: [c.uri('a.article'), 'a1', start, start + 5] }), true);
      const next = applyTextEdits(sidecarText, applied!.edit.changes![sidecar]);
      assert.match(next, /^ {4}target:\n {6}quote: Japan\n {6}prefix: "/m);
      assert.match(next, / {4}body: Check this\n/);
      c.change('a.article.annotations.yaml', next);
      await c.waitForDiagnostics(sidecar, (x) => !x.some((y) => y.code === 'orphaned-annotation'), { fresh: true });
    } finally {
      await c.stop();
      removeWorkspace(root);
    }
  });
});

describe('notes in the hover', { skip: existsSync(serverPath) ? false : 'run npm run build first' }, () => {
  test('a note shows once, on an entity card and on plain text; the annotations list has it once too', async () => {
    const sidecarText = joinLines(
      'version: 1',
      'annotations:',
      '  - id: a1',
      '    kind: note',
      '    body: Ask the desk which ministry briefed',
      '    target:',
      '      quote: Japan',
      '  - id: a2',
      '    kind: note',
      '    body: Names of the reporters withheld',
      '    target:',
      '      quote: reporters',
      '',
    );
    const root = makeWorkspace({ 'registry.yaml': REGISTRY, 'a.article': ARTICLE, 'a.article.annotations.yaml': sidecarText });
    const c = await TestClient.start(root);
    try {
      const uri = c.open('a.article', ARTICLE);
      await c.waitForDiagnostics(uri, () => true);
      const onEntity = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(ARTICLE, 'Japan would', 1) });
      const entityText = (onEntity.contents as MarkupContent).value;
      assert.match(entityText, /^\*\*Japan\*\* · country/);
      assert.equal(entityText.split('Ask the desk which ministry briefed').length - 1, 1, entityText);
      assert.doesNotMatch(entityText, /note: /);
      const onText = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(ARTICLE, 'reporters', 2) });
      assert.equal((onText.contents as MarkupContent).value, 'Note: Names of the reporters withheld');
      const items = await c.request<{ label: string }[]>('attache/annotations', { uri });
      assert.deepEqual(items.map((x) => x.label), ['note: Names of the reporters withheld', 'note: Ask the desk which ministry briefed']);
      // The spans behind the editor's `attache.onAnnotation` context key: the two annotated words.
      const spans = await c.request<{ dates: Range[]; annotations: Range[] }>('attache/contextSpans', { uri });
      assert.deepEqual(spans.annotations, [
        { start: positionOf(ARTICLE, 'Japan'), end: positionOf(ARTICLE, 'Japan', 5) },
        { start: positionOf(ARTICLE, 'reporters'), end: positionOf(ARTICLE, 'reporters', 9) },
      ]);
      assert.deepEqual(spans.dates, []);
    } finally {
      await c.stop();
      removeWorkspace(root);
    }
  });
});
