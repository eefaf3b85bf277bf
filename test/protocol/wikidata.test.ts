/**
 * "Import from Wikidata" through the protocol: the built server, pointed at a local HTTP server on
 * 127.0.0.1 that replays Wikidata API answers from the fixtures (ATTACHE_WIKIDATA_API), fetches a
 * QID with what it references and sends the merge as one workspace/applyEdit: hand edits and
 * comments stay, a differing date is reported, new entities are appended to persons.yaml.
 */

import assert from 'node:assert/strict';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ApplyWorkspaceEditParams, TextDocumentEdit, TextEdit } from 'vscode-languageserver/node';
import { loadRegistry } from '../../server/src/core/registry';
import { fixturesDir, joinLines } from '../helpers';
import { TestClient, applyTextEdits, makeWorkspace, removeWorkspace } from './client';

const dir = join(fixturesDir, 'wikidata');
const KNOWN: Record<string, unknown> = {
  ...JSON.parse(readFileSync(join(dir, 'wbgetentities-jp-de.json'), 'utf8')).entities,
  ...Object.assign({}, ...readdirSync(join(dir, 'entitydata')).map((f) => JSON.parse(readFileSync(join(dir, 'entitydata', f), 'utf8')).entities)),
};

const PERSONS = joinLines(
  '# Officials, written by hand.',
  'version: 1',
  'entities:',
  '  - id: merkel',
  '    type: person',
  '    name: Angela Merkel',
  '    aliases: [Mutti]   # hand-added',
  '    wikidata: Q567',
  '    roles:',
  '      - office: chancellor',
  '        start: 2005-11-23',
  '',
);
const OFFICES = joinLines('version: 1', 'entities:', '  - id: chancellor', '    type: office', '    name: Chancellor of Germany', '    of: germany', '  - id: germany', '    type: country', '    name: Germany', '');

describe('Import from Wikidata (protocol)', () => {
  let c: TestClient;
  let root: string;
  let api: Server;
  const requests: string[] = [];
  let merged = '';

  before(async () => {
    api = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      requests.push(`${req.headers['user-agent']} ${url.searchParams.get('ids')}`);
      const ids = (url.searchParams.get('ids') ?? '').split('|');
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ entities: Object.fromEntries(ids.map((id) => [id, KNOWN[id] ?? { id, missing: '' }])), success: 1 }));
    });
    await new Promise<void>((r) => api.listen(0, '127.0.0.1', () => r()));
    process.env.ATTACHE_WIKIDATA_API = `http://127.0.0.1:${(api.address() as AddressInfo).port}/w/api.php`;
    root = makeWorkspace({ 'registry/persons.yaml': PERSONS, 'registry/offices.yaml': OFFICES, 'a.article': 'Chancellor of Germany Olaf Scholz spoke.\n' });
    c = await TestClient.start(root);
  });
  after(async () => {
    await c.stop();
    delete process.env.ATTACHE_WIKIDATA_API;
    api.closeAllConnections();
    await new Promise<void>((r) => api.close(() => r()));
    removeWorkspace(root);
  });

  test('a QID is fetched and merged into the registry as one undoable edit', async () => {
    let applied: ApplyWorkspaceEditParams | undefined;
    c.conn.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      applied = p;
      return { applied: true };
    });
    const r = await c.request<{ applied: boolean; message: string; drifts: string[] }>('workspace/executeCommand', { command: 'attache.server.importWikidata', arguments: [c.uri('a.article'), 'https://www.wikidata.org/wiki/Q567', 'Q61053'] });
    assert.equal(r.applied, true, r.message);
    assert.equal(applied?.label, 'Import from Wikidata');
    assert.match(r.message, /^Imported from Wikidata: 3 updated; 2 added; 1 difference kept as written; matched by name: chancellor = Chancellor of Germany\. Q1939555 does not exist on Wikidata \(it stays a stub\)\.$/);
    assert.equal(r.drifts.length, 1);
    assert.match(r.drifts[0], /persons\.yaml:\d+: merkel: chancellor start is 2005-11-23 here but 2005-11-22 on Wikidata \(Q567\); kept as written$/);
    assert.ok(requests.every((x) => x.startsWith('Attache/0.1 ')), requests.join('\n'));

    const changes = applied!.edit.documentChanges as TextDocumentEdit[];
    const texts: { path: string; text: string }[] = [];
    for (const [rel, before] of [['registry/persons.yaml', PERSONS], ['registry/offices.yaml', OFFICES]]) {
      const change = changes.find((x) => x.textDocument.uri === c.uri(rel));
      assert.ok(change, rel);
      texts.push({ path: rel, text: applyTextEdits(before, change.edits) });
    }
    const persons = texts[0].text;
    // Hand edits stay: the comment, the alias, the differing start date.
    assert.ok(persons.startsWith(joinLines('# Officials, written by hand.', 'version: 1', 'entities:', '  - id: merkel', '    type: person', '    name: Angela Merkel', '    aliases: [Mutti, Angela Dorothea Merkel]   # hand-added', '')), persons);
    assert.match(persons, / {8}start: 2005-11-23\n {8}end: 2021-12-08\n/);
    assert.match(persons, /- id: olaf-scholz\n(.*\n)* {6}- office: chancellor\n {8}start: 2021-12-08\n/);
    assert.match(texts[1].text, /- id: chancellor\n {4}type: office\n {4}name: Chancellor of Germany\n {4}of: germany\n {4}aliases: \[German Chancellor, Federal Chancellor\]\n {4}single_holder: true\n {4}wikidata: Q4970706\n/);
    // The differing start date is recorded in the entry's provenance for the editor to show.
    assert.match(persons, / {4}provenance:\n {6}wikidata_revision: \d+\n {6}imported: \d{4}-\d\d-\d\d\n {6}wikidata_values:\n {8}roles\.0\.start: 2005-11-22\n/);
    const snap = loadRegistry(texts);
    assert.deepEqual([...snap.files.values()].flatMap((f) => f.findings.map((x) => `${x.code}: ${x.message}`)), [
      `wikidata-drift: chancellor start is 2005-11-23 here but 2005-11-22 on Wikidata (Q567, as imported on ${/imported: (\S+)/.exec(persons)![1]}). The import kept the entry as written; take Wikidata's value if it is right.`,
    ]);
    merged = persons;
  });

  test('the recorded difference is a wikidata-drift diagnostic on the value, with a quick fix taking Wikidata\'s', async () => {
    assert.ok(merged, 'the import test ran first');
    const uri = c.open('registry/persons.yaml', merged);
    const d = await c.waitForDiagnostics(uri, (x) => x.some((y) => y.code === 'wikidata-drift'));
    const diag = d.diagnostics.find((y) => y.code === 'wikidata-drift')!;
    assert.equal(diag.severity, 3, 'information');
    const lines = merged.split('\n');
    assert.equal(lines[diag.range.start.line].slice(diag.range.start.character, diag.range.end.character), '2005-11-23');
    assert.match(lines[diag.range.start.line], /^ {8}start: 2005-11-23$/);
    const actions = await c.request<{ title: string; kind?: string; edit?: { changes?: Record<string, TextEdit[]>; documentChanges?: TextDocumentEdit[] } }[]>('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } });
    const fix = actions.find((x) => x.title === "Use Wikidata's value (2005-11-22)");
    assert.ok(fix, JSON.stringify(actions.map((x) => x.title)));
    assert.equal(fix.kind, 'quickfix');
    const edits = fix.edit?.changes?.[uri] ?? fix.edit?.documentChanges?.find((x) => x.textDocument.uri === uri)?.edits;
    assert.ok(edits, JSON.stringify(fix.edit));
    const after = applyTextEdits(merged, edits);
    assert.match(after, / {8}start: 2005-11-22\n/);
    assert.doesNotMatch(after, /wikidata_values/);
    c.change('registry/persons.yaml', after);
    await c.waitForDiagnostics(uri, (x) => !x.some((y) => y.code === 'wikidata-drift'), { fresh: true });
    c.close('registry/persons.yaml');
  });

  test('an unknown name gets the quick fix "Find on Wikidata…", which runs the client command with the name', async () => {
    const uri = c.uri('a.article');
    c.open('a.article', joinLines('---', 'date: 2025-10-26', '---', 'Germany said it would keep talking.', 'Kenji Moriyama, an adviser, declined to comment.', ''));
    const d = await c.waitForDiagnostics(uri, (x) => x.some((y) => y.code === 'unknown-entity'));
    const diag = d.diagnostics.find((y) => y.code === 'unknown-entity')!;
    const actions = await c.request<{ title: string; command?: { command: string; arguments?: unknown[] } }[]>('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } });
    const find = actions.find((x) => x.title === "Find 'Kenji Moriyama' on Wikidata…");
    assert.ok(find, JSON.stringify(actions.map((x) => x.title)));
    assert.deepEqual(find.command, { title: 'Find on Wikidata', command: 'attache.importFromWikidata', arguments: ['Kenji Moriyama'] });
  });

  test('an input that is not an item id: a message, no edit', async () => {
    let edits = 0;
    c.conn.onRequest('workspace/applyEdit', () => {
      edits++;
      return { applied: true };
    });
    const r = await c.request<{ applied: boolean; message: string }>('workspace/executeCommand', { command: 'attache.server.importWikidata', arguments: [c.uri('a.article'), 'Olaf Scholz'] });
    assert.equal(r.applied, false);
    assert.match(r.message, /'Olaf Scholz' is not a Wikidata item id \(Q…\) or item URL/);
    assert.equal(edits, 0);
  });
});
