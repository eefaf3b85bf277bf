/**
 * Protocol tests of the server's workspace behaviour: versions (a stale result is never
 * published), multi-root folders with their own registries, and `attache.*` settings read through
 * `workspace/configuration`. Run `npm run build` first.
 */

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { CodeAction, Diagnostic, Hover, Location, MarkupContent, TextEdit } from 'vscode-languageserver/node';
import { joinLines } from '../helpers';
import { TestClient, applyTextEdits, makeWorkspace, positionOf, serverPath, stoppedAfterTests } from './client';

const skip = existsSync(serverPath) ? false : 'server/out/server.js is missing: run `npm run build`';

const REGISTRY_A = joinLines(
  'version: 1',
  'entities:',
  '  - id: kenya',
  '    type: country',
  '    name: Kenya',
  '    demonyms: [Kenyan]',
  '',
);
const REGISTRY_B = joinLines(
  'version: 1',
  'entities:',
  '  - id: peru',
  '    type: country',
  '    name: Peru',
  '    demonyms: [Peruvian]',
  '',
);
const ARTICLE = joinLines('---', 'date: 2024-06-03', '---', 'Trade envoys from Kenya and Peru met Osamu Izawa in Geneva to discuss coffee tariffs.', '');

describe('workspace behaviour', { skip }, () => {
  const { roots, clients } = stoppedAfterTests();

  async function start(files: Record<string, string>, settings: Record<string, unknown> = {}, folders?: string[]): Promise<TestClient> {
    const root = makeWorkspace(files);
    roots.push(root);
    const c = await TestClient.start(root, settings, folders);
    clients.push(c);
    return c;
  }

  test('a burst of edits publishes only the last version', async () => {
    const c = await start({ 'registry.yaml': REGISTRY_A });
    const uri = c.open('x.article', ARTICLE);
    await c.waitForDiagnostics(uri, (_d, p) => p.version === 1);
    let last = 1;
    for (let i = 0; i < 8; i++) last = c.change('x.article', ARTICLE.replace('coffee', `coffee ${'and tea '.repeat(i)}`));
    await c.waitForDiagnostics(uri, (_d, p) => p.version === last);
    const versions = (c.history.get(uri) ?? []).map((p) => p.version);
    assert.deepEqual(versions, [1, last]);
  });

  test('each folder of a multi-root workspace has its own registry', async () => {
    const c = await start({ 'a/registry.yaml': REGISTRY_A, 'a/one.article': ARTICLE, 'b/registry.yaml': REGISTRY_B, 'b/two.article': ARTICLE }, {}, ['a', 'b']);
    c.open('a/one.article', ARTICLE);
    c.open('b/two.article', ARTICLE);
    const def = (rel: string, word: string): Promise<Location[] | null> =>
      c.request<Location[] | null>('textDocument/definition', { textDocument: { uri: c.uri(rel) }, position: positionOf(ARTICLE, word, 1) });
    assert.deepEqual((await def('a/one.article', 'Kenya'))?.map((l) => l.uri), [c.uri('a/registry.yaml')]);
    assert.equal(await def('a/one.article', 'Peru'), null);
    assert.deepEqual((await def('b/two.article', 'Peru'))?.map((l) => l.uri), [c.uri('b/registry.yaml')]);
    assert.equal(await def('b/two.article', 'Kenya'), null);
  });

  test('severity settings apply, and `off` hides a code', async () => {
    const files = { 'registry.yaml': REGISTRY_A, 'x.article': ARTICLE };
    const unknown = (d: Diagnostic[]): Diagnostic | undefined => d.find((x) => x.code === 'unknown-entity' && /Osamu Izawa/.test(x.message));
    const normal = await start(files);
    const p = await normal.waitForDiagnostics(normal.open('x.article', ARTICLE), (d) => !!unknown(d));
    assert.equal(unknown(p.diagnostics)!.severity, 3);
    const raised = await start(files, { diagnostics: { 'unknown-entity': 'warning' } });
    const q = await raised.waitForDiagnostics(raised.open('x.article', ARTICLE), (d) => !!unknown(d));
    assert.equal(unknown(q.diagnostics)!.severity, 2);
    const off = await start(files, { diagnostics: { 'unknown-entity': 'off' } });
    const r = await off.waitForDiagnostics(off.open('x.article', ARTICLE));
    assert.equal(unknown(r.diagnostics), undefined);
    // A settings change re-publishes open articles with the new severity.
    off.setSettings({ diagnostics: { 'unknown-entity': 'error' } });
    await off.waitForDiagnostics(off.uri('x.article'), (d) => unknown(d)?.severity === 1);
  });

  test('an unknown entity goes to the registry file named for its type, or a new registry.yaml', async () => {
    const persons = joinLines('# People', 'entities:', '- id: someone', '  type: person', '  name: Some One', '');
    const c = await start({ 'registry/countries.yaml': REGISTRY_A, 'registry/persons.yaml': persons });
    const uri = c.open('x.article', ARTICLE);
    await c.waitForDiagnostics(uri);
    const range = { start: positionOf(ARTICLE, 'Osamu'), end: positionOf(ARTICLE, 'Osamu', 3) };
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
    const add = actions.find((a) => a.title === "Add 'Osamu Izawa' to the registry…");
    assert.ok(add?.command, JSON.stringify(actions.map((a) => a.title)));
    type Added = { uri: string; edit: { changes?: Record<string, TextEdit[]>; documentChanges?: unknown[] }; range: { start: { line: number } } };
    const r = await c.request<Added>('attache/addEntityEdit', { uri, name: 'Osamu Izawa', type: 'person' });
    assert.deepEqual(Object.keys(r.edit.changes ?? {}), [c.uri('registry/persons.yaml')]);
    // The file's own indentation (entries at column 0) is kept.
    assert.equal(applyTextEdits(persons, r.edit.changes![c.uri('registry/persons.yaml')]), `${persons}- id: osamu-izawa\n  type: person\n  name: Osamu Izawa\n`);
    assert.equal(r.range.start.line, 5);

    const bare = await start({ 'x.article': ARTICLE });
    const u2 = bare.open('x.article', ARTICLE);
    await bare.waitForDiagnostics(u2);
    const acts = await bare.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u2 }, range, context: { diagnostics: [] } });
    assert.ok(acts.some((a) => a.title === "Add 'Osamu Izawa' to the registry…"), JSON.stringify(acts.map((a) => a.title)));
    const created = await bare.request<Added>('attache/addEntityEdit', { uri: u2, name: 'Osamu Izawa', type: 'person', country: 'kenya' });
    const changes = created.edit.documentChanges as ({ kind?: string; uri?: string } | { edits: { newText: string }[] })[] | undefined;
    assert.ok(changes);
    assert.equal(created.uri, bare.uri('registry.yaml'));
    assert.deepEqual(changes[0], { kind: 'create', uri: bare.uri('registry.yaml'), options: { ignoreIfExists: true } });
    assert.equal((changes[1] as { edits: { newText: string }[] }).edits[0].newText, 'version: 1\nentities:\n  - id: osamu-izawa\n    type: person\n    name: Osamu Izawa\n    country: kenya\n');
    assert.deepEqual(created.range, { start: { line: 2, character: 2 }, end: { line: 5, character: '    country: kenya'.length } });
  });

  test('a registry deleted on disk: its diagnostics are withdrawn and articles lose its entities', async () => {
    const c = await start({ 'registry.yaml': REGISTRY_A.replace('    name: Kenya', '    name: Kenya\n    colour: red') });
    const reg = c.uri('registry.yaml');
    const uri = c.open('x.article', ARTICLE);
    await c.waitForDiagnostics(uri);
    const def = (): Promise<Location[] | null> => c.request<Location[] | null>('textDocument/definition', { textDocument: { uri }, position: positionOf(ARTICLE, 'Kenya', 1) });
    assert.equal((await def())?.length, 1);
    // The unknown key `colour` is a registry-schema warning on the file.
    await c.waitForDiagnostics(reg, (d) => d.some((x) => x.code === 'registry-schema' && /colour/.test(x.message)));
    rmSync(join(c.root, 'registry.yaml'));
    void c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: reg, type: 3 }] });
    await c.waitForDiagnostics(uri, undefined, { fresh: true });
    assert.equal(await def(), null);
    await c.waitForDiagnostics(reg, (d) => d.length === 0);
  });

  test('registry files created, renamed and moved out of the globs on disk update open articles', async () => {
    const unknown = (d: Diagnostic[]): Diagnostic | undefined => d.find((x) => x.code === 'unknown-entity' && /Osamu Izawa/.test(x.message));
    const c = await start({ 'registry.yaml': REGISTRY_A });
    const uri = c.open('x.article', ARTICLE);
    await c.waitForDiagnostics(uri, (d) => !!unknown(d));
    const person = joinLines('version: 1', 'entities:', '  - id: osamu-izawa', '    type: person', '    name: Osamu Izawa', '');
    const moved = (from: string, to: string): void => {
      mkdirSync(join(c.root, dirname(to)), { recursive: true });
      renameSync(join(c.root, from), join(c.root, to));
      // What the editor's file watcher reports for a rename: the old file deleted, the new one created.
      void c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: c.uri(from), type: 3 }, { uri: c.uri(to), type: 1 }] });
    };
    mkdirSync(join(c.root, 'registry'));
    c.writeFile('registry/people.yaml', person, 1);
    await c.waitForDiagnostics(uri, (d) => !unknown(d));
    moved('registry/people.yaml', 'registry/persons/all.yaml');
    await c.waitForDiagnostics(uri, undefined, { fresh: true });
    const def = await c.request<Location[] | null>('textDocument/definition', { textDocument: { uri }, position: positionOf(ARTICLE, 'Izawa', 1) });
    assert.equal(def?.[0]?.uri, c.uri('registry/persons/all.yaml'));
    // Outside `registry.yaml` and `registry/**/*.yaml` it is no registry file: the name is unknown again.
    moved('registry/persons/all.yaml', 'notes/people.yaml');
    await c.waitForDiagnostics(uri, (d) => !!unknown(d));
  });

  test('attache.articles makes other files articles; attache.registry finds other registry files', async () => {
    const c = await start({ 'data/entities.yaml': REGISTRY_B, 'notes/x.txt': ARTICLE }, { articles: ['notes/*.txt'], registry: ['data/*.yaml'] });
    c.open('notes/x.txt', ARTICLE, 'plaintext');
    const h = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri: c.uri('notes/x.txt') }, position: positionOf(ARTICLE, 'Peru', 1) });
    assert.ok(h, 'a hover on Peru');
    assert.match((h.contents as MarkupContent).value, /^\*\*Peru\*\* · country/);
  });
});
