/**
 * The editor features tested in process: the language service is built on an in-memory `Host`
 * holding the sample workspace (`samples/`), and hover, definition, references, diagnostics and
 * code actions are called as the server's handlers call them, with no server process and no
 * connection. The stdio protocol tests (`test/protocol/`) stay the outer check of the same
 * features; these are quicker to write and to debug, and reach cases a client cannot set up.
 */

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { CodeAction, Diagnostic, DiagnosticSeverity, MarkupContent, Position, Range } from 'vscode-languageserver';
import { codeActions } from '../../server/src/lsp/codeActions';
import { articleDiagnostics } from '../../server/src/lsp/diagnostics';
import { definition } from '../../server/src/lsp/definition';
import { hover } from '../../server/src/lsp/hover';
import { references } from '../../server/src/lsp/references';
import { AttacheService } from '../../server/src/lsp/service';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { CoreSettings } from '../../server/src/core/types';
import { sampleFiles } from '../helpers';
import { ROOT, memoryHost } from './memoryHost';

/** The sample workspace, loaded and indexed as the server does after start-up. */
async function samples(): Promise<AttacheService> {
  const service = new AttacheService(memoryHost(sampleFiles()), [{ uri: ROOT, name: 'samples' }]);
  const folder = service.folders[0];
  await service.loadFolder(folder, DEFAULT_SETTINGS);
  await service.loadArticles(folder);
  assert.ok(service.indexStep(Number.POSITIVE_INFINITY));
  return service;
}

let service: AttacheService;
const article = (name: string): string => `${ROOT}/articles/${name}.article`;

/** The position of the `n`th occurrence of `needle` in the text of `uri`, `delta` characters in. */
function at(uri: string, needle: string, delta = 1, n = 0): Position {
  const text = service.textOf(uri)!;
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `'${needle}' not in ${uri}`);
  }
  const before = text.slice(0, i + delta);
  return { line: before.split('\n').length - 1, character: before.length - (before.lastIndexOf('\n') + 1) };
}

function diagnostics(uri: string, settings: CoreSettings = {}): Diagnostic[] {
  return articleDiagnostics(service, uri, settings)?.diagnostics ?? [];
}

function actionsAt(uri: string, range: Range, settings: CoreSettings = {}): CodeAction[] {
  return codeActions(service, uri, range, { diagnostics: diagnostics(uri, settings) }, settings);
}

describe('editor features in process (samples, in-memory host)', () => {
  before(async () => {
    service = await samples();
  });

  test('hover on an official shows the entity card with the office held', () => {
    const h = hover(service, article('iwaya-qatar-energy'), at(article('iwaya-qatar-energy'), 'Iwaya Takeshi'));
    assert.ok(h);
    const md = (h.contents as MarkupContent).value;
    assert.match(md, /Iwaya Takeshi/);
    assert.match(md, /Minister for Foreign Affairs/);
    assert.deepEqual(h.range, { start: at(article('iwaya-qatar-energy'), 'Iwaya Takeshi', 0), end: at(article('iwaya-qatar-energy'), 'Iwaya Takeshi', 'Iwaya Takeshi'.length) });
  });

  test('definition goes from a mention to the id of its registry entry', () => {
    const uri = article('second-strategic-dialogue');
    const locs = definition(service, uri, at(uri, 'Hayashi Yoshimasa'));
    assert.ok(locs);
    assert.equal(locs.length, 1);
    assert.equal(locs[0].uri, `${ROOT}/registry/persons.yaml`);
    const line = service.textOf(locs[0].uri)!.split('\n')[locs[0].range.start.line];
    assert.match(line, /id: hayashi-yoshimasa/);
  });

  test('references list every article that mentions the entity', () => {
    const uri = article('second-strategic-dialogue');
    const locs = references(service, uri, at(uri, 'Hayashi Yoshimasa'), false);
    assert.ok(locs);
    const files = new Set(locs.map((l) => l.uri.replace(`${ROOT}/articles/`, '')));
    for (const f of ['second-strategic-dialogue.article', 'iwaya-qatar-energy.article', 'qatar-japan-defense.article']) assert.ok(files.has(f), `${f} missing from ${[...files]}`);
    // With the declaration: the registry entry comes too.
    assert.ok(references(service, uri, at(uri, 'Hayashi Yoshimasa'), true)!.some((l) => l.uri === `${ROOT}/registry/persons.yaml`));
  });

  test('diagnostics: the planted problems at their lines, and none on a clean article', () => {
    const d = diagnostics(article('qatar-japan-defense'));
    assert.deepEqual(d.map((x) => `${x.code}@${x.range.start.line}`).sort(), ['event-date-conflict@5', 'role-conflict@5', 'role-conflict@5']);
    assert.deepEqual(diagnostics(article('iwaya-qatar-energy')), []);
    // A severity setting changes what is shown, not the analysis.
    const off = diagnostics(article('qatar-japan-defense'), { severities: { 'role-conflict': 'off', 'event-date-conflict': 'error' } });
    assert.deepEqual(off.map((x) => [x.code, x.severity]), [['event-date-conflict', DiagnosticSeverity.Error]]);
  });

  test('code actions: the quick fix of a problem, and none once its code is switched off', () => {
    const uri = article('japan-germany-dialogue');
    const dup = diagnostics(uri).find((x) => x.code === 'duplicate-paragraph');
    assert.ok(dup);
    const titles = actionsAt(uri, dup.range).map((a) => a.title);
    assert.ok(titles.some((t) => /repeated/i.test(t)), `no delete fix in ${titles}`);
    const hidden = actionsAt(uri, dup.range, { severities: { 'duplicate-paragraph': 'off' } }).map((a) => a.title);
    assert.ok(!hidden.some((t) => /repeated/i.test(t)), `fix offered for a hidden problem: ${hidden}`);
  });

  test('code actions: an unknown name offers to add it to the registry', () => {
    const uri = article('nato-japan-partnership');
    const p = at(uri, 'Osamu Izawa');
    const actions = actionsAt(uri, { start: p, end: p });
    assert.ok(actions.some((a) => a.title.includes('Osamu Izawa') && /registry/i.test(a.title)), `got ${actions.map((a) => a.title)}`);
  });
});
