/**
 * "Annotate all occurrences" through the protocol: beside "Link to …" on an ambiguous mention, a
 * quick fix links every identical mention of the workspace with one WorkspaceEdit over the
 * sidecars (a new one created, existing ones appended to at their end), every edit under one change
 * annotation that needs confirmation (VS Code previews it); `attache/sameMentions` counts them,
 * and `attache.server.annotateAll` applies a decision through workspace/applyEdit.
 */

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AnnotatedTextEdit, ApplyWorkspaceEditParams, CodeAction, CreateFile, TextDocumentEdit } from 'vscode-languageserver/node';
import { parseSidecar } from '../../server/src/core/annotations';
import { TWO_HAYASHIS, joinLines } from '../helpers';
import { TestClient, applyTextEdits, makeWorkspace, removeWorkspace, serverPath } from './client';

const REGISTRY = TWO_HAYASHIS;
const A = joinLines('---', 'date: 2025-10-01', '---', 'Hayashi met envoys in Osaka on Monday.', 'Later, Hayashi said Japan would keep talking.', '');
const B = joinLines('---', 'date: 2025-10-02', '---', 'Hayashi opened the session.', 'Reporters asked Hayashi about the port deal.', '');
const C = joinLines('---', 'date: 2025-10-03', '---', 'In Tokyo, Hayashi welcomed the delegation.', 'Osamu Izawa, a researcher, took notes.', '').replace(/\n/g, '\r\n');
const D = joinLines('---', 'date: 2025-10-04', '---', 'Hayashi Yoshimasa chaired the meeting. Osamu Izawa attended.', '');
const B_SIDECAR = joinLines('version: 1', 'annotations:', '  - id: a1', '    kind: link', '    entity: hayashi-mitsuko', '    target:', '      quote: Hayashi', `      start: ${B.indexOf('Hayashi')}`, '');
const C_SIDECAR = ['# Desk decisions', 'version: 1', 'annotations:', '  # check the venue', '  - id: a3', '    kind: note', '    body: Venue?', `    target: {quote: Tokyo, start: ${C.indexOf('Tokyo')}}`, ''].join('\r\n');

describe('annotate all occurrences over the protocol', { skip: existsSync(serverPath) ? false : 'run npm run build first' }, () => {
  let root: string;
  let c: TestClient;
  before(async () => {
    root = makeWorkspace({
      'registry.yaml': REGISTRY, 'a.article': A, 'b.article': B, 'c.article': C, 'd.article': D,
      'b.article.annotations.yaml': B_SIDECAR, 'c.article.annotations.yaml': C_SIDECAR,
    });
    c = await TestClient.start(root);
  });
  after(async () => {
    await c.stop();
    removeWorkspace(root);
  });

  test('attache/sameMentions counts the undecided identical mentions of the workspace', async () => {
    const uri = c.uri('a.article');
    const start = A.indexOf('Hayashi');
    const same = await c.request<{ role: unknown; occurrences: number; articles: number } | null>('attache/sameMentions', { uri, start, end: start + 7 });
    assert.deepEqual(same, { role: { text: 'Hayashi', id: null, candidates: ['hayashi-mitsuko', 'hayashi-yoshimasa'] }, occurrences: 4, articles: 3 });
    assert.equal(await c.request('attache/sameMentions', { uri, start, end: start + 5 }), null, 'no mention is exactly there');
  });

  // The quick fixes count only once every article has been analyzed (the request above did it).
  test('the quick fix "Link all 4 occurrences" is one WorkspaceEdit over three sidecars, previewed', async () => {
    const uri = c.open('a.article', A);
    const d = await c.waitForDiagnostics(uri, (x) => x.some((y) => y.code === 'ambiguous-mention'));
    const amb = d.diagnostics.find((y) => y.code === 'ambiguous-mention')!;
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: amb.range, context: { diagnostics: [amb] } });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Link to Hayashi Yoshimasa'), titles.join(' | '));
    const all = actions.find((a) => a.title === "Link all 4 occurrences of 'Hayashi' in the workspace to Hayashi Yoshimasa");
    assert.ok(all?.edit, titles.join(' | '));
    assert.ok(titles.includes("Link all 4 occurrences of 'Hayashi' in the workspace to Hayashi Mitsuko"));
    assert.deepEqual(all.diagnostics?.map((x) => x.code), ['ambiguous-mention']);
    const edit = all.edit;
    assert.deepEqual(edit.changeAnnotations, { 'attache.annotateAll': { label: "Link 'Hayashi' to Hayashi Yoshimasa", description: '4 occurrences in 3 articles', needsConfirmation: true } });
    const changes = edit.documentChanges as (CreateFile | TextDocumentEdit)[];
    // a.article has no sidecar: created, then written from the top; b and c get an insertion at their end.
    assert.deepEqual(changes.map((x) => ('kind' in x ? `create ${x.uri}` : `edit ${x.textDocument.uri}`)), [
      `create ${c.uri('a.article.annotations.yaml')}`,
      `edit ${c.uri('a.article.annotations.yaml')}`,
      `edit ${c.uri('b.article.annotations.yaml')}`,
      `edit ${c.uri('c.article.annotations.yaml')}`,
    ]);
    assert.equal((changes[0] as CreateFile).annotationId, 'attache.annotateAll');
    const edits = changes.slice(1).map((x) => (x as TextDocumentEdit).edits as AnnotatedTextEdit[]);
    for (const e of edits) {
      assert.equal(e.length, 1);
      assert.equal(e[0].annotationId, 'attache.annotateAll');
    }
    assert.deepEqual(edits.map((e) => e[0].range), [
      { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } },
      { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } },
    ]);
    const [a, b, cc] = [applyTextEdits('', edits[0]), applyTextEdits(B_SIDECAR, edits[1]), applyTextEdits(C_SIDECAR, edits[2])];
    assert.deepEqual(parseSidecar(a).annotations.map((x) => [x.id, x.kind, x.entity, x.target.start]), [
      ['a1', 'link', 'hayashi-yoshimasa', A.indexOf('Hayashi')],
      ['a2', 'link', 'hayashi-yoshimasa', A.lastIndexOf('Hayashi')],
    ]);
    assert.ok(b.startsWith(B_SIDECAR));
    assert.deepEqual(parseSidecar(b).annotations.map((x) => [x.id, x.entity, x.target.start]), [['a1', 'hayashi-mitsuko', B.indexOf('Hayashi')], ['a2', 'hayashi-yoshimasa', B.lastIndexOf('Hayashi')]]);
    assert.ok(cc.startsWith(C_SIDECAR) && !cc.replace(/\r\n/g, '').includes('\n'), 'CRLF kept, comments kept');
    assert.deepEqual(parseSidecar(cc).annotations.map((x) => [x.id, x.kind]), [['a3', 'note'], ['a4', 'link']]);
  });

  test('an unknown name offers "Mark all … as not an entity"; the command applies it through workspace/applyEdit', async () => {
    const uri = c.open('c.article', C);
    const d = await c.waitForDiagnostics(uri, (x) => x.some((y) => y.code === 'unknown-entity'));
    const unknown = d.diagnostics.find((y) => y.code === 'unknown-entity')!;
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: unknown.range, context: { diagnostics: [unknown] } });
    const mark = actions.find((a) => a.title === "Mark all 2 occurrences of 'Osamu Izawa' in the workspace as not an entity");
    assert.ok(mark?.edit, actions.map((a) => a.title).join(' | '));
    // The same decision as a command (what the editor runs after "Mark as Not an Entity").
    let applied: ApplyWorkspaceEditParams | undefined;
    c.conn.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      applied = p;
      return { applied: true };
    });
    const start = C.indexOf('Osamu Izawa');
    const report = await c.request('workspace/executeCommand', { command: 'attache.server.annotateAll', arguments: [{ uri, start, end: start + 11, kind: 'not-entity', author: 'desk' }] });
    assert.deepEqual(report, { applied: true, occurrences: 2, articles: 2, unreadable: [] });
    assert.equal(applied?.label, "Mark 'Osamu Izawa' as not an entity");
    assert.equal(applied?.edit.changeAnnotations?.['attache.annotateAll'].needsConfirmation, true);
    const files = (applied!.edit.documentChanges as (CreateFile | TextDocumentEdit)[]).map((x) => ('kind' in x ? `create ${x.uri}` : `edit ${x.textDocument.uri}`));
    assert.deepEqual(files, [`edit ${c.uri('c.article.annotations.yaml')}`, `create ${c.uri('d.article.annotations.yaml')}`, `edit ${c.uri('d.article.annotations.yaml')}`]);
    // A role passed explicitly (as the client does after the first mention was decided) and a bad kind.
    const role = { text: 'Osamu Izawa', id: null, candidates: [] };
    assert.equal((await c.request<{ occurrences: number }>('workspace/executeCommand', { command: 'attache.server.annotateAll', arguments: [{ uri, role, kind: 'not-entity' }] })).occurrences, 2);
    assert.deepEqual(await c.request('workspace/executeCommand', { command: 'attache.server.annotateAll', arguments: [{ uri, role, kind: 'date' }] }), { applied: false, occurrences: 0, articles: 0, unreadable: [] });
  });

  test('after a single link, "annotate all" with the role asked before it leaves that mention alone', async () => {
    const uri = c.uri('b.article');
    const start = B.lastIndexOf('Hayashi');
    // What the editor does: ask first, then link the one mention, then offer the others.
    const same = await c.request<{ role: { text: string; id: null; candidates: string[] }; occurrences: number }>('attache/sameMentions', { uri, start, end: start + 7 });
    assert.equal(same.occurrences, 4);
    let applied: ApplyWorkspaceEditParams | undefined;
    c.conn.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      applied = p;
      return { applied: true };
    });
    assert.equal(await c.request('workspace/executeCommand', { command: 'attache.server.annotate', arguments: [{ uri, start, end: start + 7, kind: 'link', entity: 'hayashi-yoshimasa' }] }), true);
    const sidecar = c.uri('b.article.annotations.yaml');
    const written = applyTextEdits(readFileSync(join(root, 'b.article.annotations.yaml'), 'utf8'), applied!.edit.changes![sidecar]);
    c.writeFile('b.article.annotations.yaml', written);
    await c.waitForDiagnostics(c.open('b.article', B), (x) => !x.some((y) => y.code === 'ambiguous-mention'));
    const report = await c.request<{ occurrences: number; articles: number }>('workspace/executeCommand', { command: 'attache.server.annotateAll', arguments: [{ uri, role: same.role, kind: 'link', entity: 'hayashi-yoshimasa' }] });
    assert.deepEqual([report.occurrences, report.articles], [3, 2]);
    const touched = (applied!.edit.documentChanges as (CreateFile | TextDocumentEdit)[]).filter((x): x is TextDocumentEdit => !('kind' in x)).map((x) => x.textDocument.uri);
    assert.deepEqual(touched, [c.uri('a.article.annotations.yaml'), c.uri('c.article.annotations.yaml')]);
  });
});

describe('annotate all occurrences with codeAction/resolve', { skip: existsSync(serverPath) ? false : 'run npm run build first' }, () => {
  test('a client that resolves edits gets the quick fix without its edit, then the edit on resolve', async () => {
    const root = makeWorkspace({ 'registry.yaml': REGISTRY, 'a.article': A, 'b.article': B, 'c.article': C, 'd.article': D, 'b.article.annotations.yaml': B_SIDECAR });
    const c = await TestClient.start(root, {}, undefined, undefined, { codeActionResolve: true });
    try {
      const uri = c.uri('a.article');
      // Every article analyzed (the quick fixes count only then).
      assert.equal((await c.request<{ occurrences: number }>('attache/sameMentions', { uri, start: A.indexOf('Hayashi'), end: A.indexOf('Hayashi') + 7 })).occurrences, 4);
      c.open('a.article', A);
      const d = await c.waitForDiagnostics(uri, (x) => x.some((y) => y.code === 'ambiguous-mention'));
      const amb = d.diagnostics.find((y) => y.code === 'ambiguous-mention')!;
      const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: amb.range, context: { diagnostics: [amb] } });
      const all = actions.find((a) => a.title === "Link all 4 occurrences of 'Hayashi' in the workspace to Hayashi Yoshimasa");
      assert.ok(all, actions.map((a) => a.title).join(' | '));
      assert.equal(all.edit, undefined, 'the edit over every sidecar is built only when the fix is picked');
      const resolved = await c.request<CodeAction>('codeAction/resolve', all);
      const files = (resolved.edit?.documentChanges as (CreateFile | TextDocumentEdit)[]).map((x) => ('kind' in x ? `create ${x.uri}` : `edit ${x.textDocument.uri}`));
      assert.deepEqual(files, [`create ${c.uri('a.article.annotations.yaml')}`, `edit ${c.uri('a.article.annotations.yaml')}`, `edit ${c.uri('b.article.annotations.yaml')}`, `create ${c.uri('c.article.annotations.yaml')}`, `edit ${c.uri('c.article.annotations.yaml')}`]);
      assert.equal(resolved.edit?.changeAnnotations?.['attache.annotateAll'].needsConfirmation, true);
      // The single fixes keep their edits; resolving one returns it unchanged.
      const single = actions.find((a) => a.title === 'Link to Hayashi Yoshimasa')!;
      assert.ok(single.edit);
      assert.deepEqual(await c.request('codeAction/resolve', single), single);
    } finally {
      await c.stop();
      removeWorkspace(root);
    }
  });
});
