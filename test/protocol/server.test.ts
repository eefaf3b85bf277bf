/**
 * Protocol tests: the built language server driven over stdio on a temporary workspace (a
 * registry and a few articles), as an editor would drive it. Run `npm run build` first.
 */

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import {
  CodeAction,
  Diagnostic,
  Hover,
  InlayHint,
  Location,
  MarkupContent,
  Range,
  SemanticTokens,
  SemanticTokensLegend,
  TextEdit,
} from 'vscode-languageserver/node';
import { joinLines } from '../helpers';
import { TestClient, applyTextEdits, decodeTokens, makeWorkspace, positionOf, removeWorkspace, serverPath } from './client';

const REGISTRY = joinLines(
  '# Registry for the protocol tests: facts only.',
  'version: 1',
  'entities:',
  '  - id: japan',
  '    type: country',
  '    name: Japan',
  '    demonyms: [Japanese]',
  '  - id: qatar',
  '    type: country',
  '    name: Qatar',
  '    demonyms: [Qatari]',
  '  - id: japan-foreign-minister',
  '    type: office',
  '    name: Minister for Foreign Affairs of Japan',
  '    aliases: [Foreign Minister]',
  '    of: japan',
  '    single_holder: true',
  '  - id: hayashi-yoshimasa',
  '    type: person',
  '    name: Hayashi Yoshimasa',
  '    family_name: Hayashi',
  '    given_name: Yoshimasa',
  '    name_order: family-first',
  '    country: japan',
  '    wikidata: Q1000000',
  '    roles:',
  '      - office: japan-foreign-minister',
  '        start: 2021-11-10',
  '        end: 2023-09-13',
  '  - id: iwaya-takeshi',
  '    type: person',
  '    name: Iwaya Takeshi',
  '    family_name: Iwaya',
  '    given_name: Takeshi',
  '    name_order: family-first',
  '    country: japan',
  '    roles:',
  '      - office: japan-foreign-minister',
  '        start: 2024-10-01',
  '        end: 2025-10-21',
  '# New entries go above this line.',
  '',
);

const ARTICLE_A = joinLines(
  '---',
  'date: 2025-03-20',
  '---',
  'Iwaya Takeshi welcomed a Qatari delegation to Tokyo on Monday.',
  'Japan and Qatar agreed in February to widen their energy talks, and Osamu Izawa took notes.',
  '',
);

const ARTICLE_B = joinLines(
  '---',
  'date: 2023-05-02',
  '---',
  'Hayashi Yoshimasa telephoned his counterpart in Qatar last week about shipping lanes.',
  '',
);

const ARTICLE_C = joinLines(
  'October 26, 2025',
  'Officials from Japan met in September to review the plan.',
  '',
);

function markdown(h: Hover | null): string {
  assert.ok(h, 'expected a hover');
  return (h.contents as MarkupContent).value;
}


describe('language server over stdio', { skip: existsSync(serverPath) ? false : 'server/out/server.js is missing: run `npm run build`' }, () => {
  let root: string;
  let client: TestClient;

  before(async () => {
    root = makeWorkspace({ 'registry.yaml': REGISTRY, 'articles/a.article': ARTICLE_A, 'articles/b.article': ARTICLE_B, 'c.article': ARTICLE_C });
    client = await TestClient.start(root);
    client.open('articles/a.article', ARTICLE_A);
    client.open('articles/b.article', ARTICLE_B);
    client.open('c.article', ARTICLE_C);
  });

  after(async () => {
    await client?.stop();
    removeWorkspace(root);
  });

  test('initialize announces the features and a semantic token legend with standard types', () => {
    const caps = client.initializeResult.capabilities;
    assert.equal(caps.hoverProvider, true);
    assert.equal(caps.definitionProvider, true);
    assert.equal(caps.referencesProvider, true);
    const legend = (caps.semanticTokensProvider as { legend: SemanticTokensLegend }).legend;
    assert.deepEqual(legend.tokenTypes, ['variable', 'class', 'namespace', 'struct', 'enumMember', 'event', 'number']);
    assert.deepEqual((caps.executeCommandProvider?.commands ?? []).includes('attache.checkWorkspace'), true);
  });

  test('an open article gets diagnostics published for its version', async () => {
    const p = await client.waitForDiagnostics(client.uri('articles/a.article'));
    assert.equal(p.version, 1);
  });

  test('hover on the dateline says it is the publication date', async () => {
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: client.uri('c.article') }, position: { line: 0, character: 3 } });
    assert.match(markdown(h), /used as the publication date: \*\*2025-10-26\*\*/);
  });

  test('hover on an official shows the card with the office held at the reference date', async () => {
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: client.uri('articles/a.article') }, position: positionOf(ARTICLE_A, 'Iwaya', 2) });
    const md = markdown(h);
    assert.match(md, /^\*\*Iwaya Takeshi\*\* · person · Japan/);
    // "on Monday" after the name, in the same sentence, is the reference date.
    assert.match(md, /At 17 March 2025 \(date in the sentence\): Minister for Foreign Affairs of Japan/);
    assert.match(md, /- Minister for Foreign Affairs of Japan \(2024-10-01 – 2025-10-21\)/);
    assert.deepEqual(h!.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 13 } });
  });

  test('hover on a person shows the wikidata link and the workspace mention count', async () => {
    const md = markdown(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: client.uri('articles/b.article') }, position: positionOf(ARTICLE_B, 'Hayashi', 1) }));
    assert.match(md, /\[Q1000000\]\(https:\/\/www\.wikidata\.org\/wiki\/Q1000000\)/);
    assert.match(md, /1 mention in 1 article/);
    assert.match(md, /At week 17 of 2023 \(date in the sentence\): Minister for Foreign Affairs of Japan/);
  });

  test('hover on an office names who held it at the reference date', async () => {
    const text = joinLines('---', 'date: 2022-01-15', '---', 'The Foreign Minister flew to Qatar for the talks.', '');
    const uri = client.open('articles/office.article', text);
    const md = markdown(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'Foreign Minister', 3) }));
    assert.match(md, /^\*\*Minister for Foreign Affairs of Japan\*\* · office · Japan/);
    assert.match(md, /Held by Hayashi Yoshimasa on 15 January 2022/);
    client.close('articles/office.article');
  });

  test('hover in the registry: on an id reference the card of its target, on an entry id its mention count', async () => {
    const reg = client.uri('registry.yaml');
    const onRef = markdown(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: reg }, position: positionOf(REGISTRY, 'of: japan', 5) }));
    assert.match(onRef, /^\*\*Japan\*\* · country/);
    const onId = markdown(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: reg }, position: positionOf(REGISTRY, 'id: qatar', 5) }));
    assert.match(onId, /^\*\*Qatar\*\* · country/);
    assert.match(onId, /3 mentions in 2 articles/);
  });

  test('hover on a weekday shows the day in words, the value and the anchor with its source', async () => {
    const md = markdown(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: client.uri('articles/a.article') }, position: positionOf(ARTICLE_A, 'on Monday', 4) }));
    assert.match(md, /^\*\*Monday 17 March 2025\*\*\n\n`2025-03-17` · weekday · anchored to the publication date 2025-03-20 from the front matter/);
  });

  test('definition of a mention lands on the id of its registry entry', async () => {
    const locs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: client.uri('articles/a.article') }, position: positionOf(ARTICLE_A, 'Qatar', 1, 1) });
    assert.deepEqual(locs, [{ uri: client.uri('registry.yaml'), range: { start: positionOf(REGISTRY, 'qatar'), end: positionOf(REGISTRY, 'qatar', 5) } }]);
  });

  test('definition of an office id inside the registry lands on the office entry', async () => {
    const locs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: client.uri('registry.yaml') }, position: positionOf(REGISTRY, 'office: japan-foreign-minister', 10) });
    assert.deepEqual(locs, [{ uri: client.uri('registry.yaml'), range: { start: positionOf(REGISTRY, 'japan-foreign-minister'), end: positionOf(REGISTRY, 'japan-foreign-minister', 22) } }]);
  });

  test('references of a country span both articles, including its demonym', async () => {
    const locs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: client.uri('articles/b.article') }, position: positionOf(ARTICLE_B, 'Qatar', 1), context: { includeDeclaration: false } });
    const got = locs.map((l) => `${l.uri.replace(/.*\//, '')}:${l.range.start.line}:${l.range.start.character}`).sort();
    const at = (name: string, text: string, needle: string, n = 0): string => {
      const p = positionOf(text, needle, 0, n);
      return `${name}:${p.line}:${p.character}`;
    };
    assert.deepEqual(got, [at('a.article', ARTICLE_A, 'Qatari'), at('a.article', ARTICLE_A, 'Qatar', 1), at('b.article', ARTICLE_B, 'Qatar')].sort());
  });

  test('references from a registry entry find its mentions', async () => {
    const locs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: client.uri('registry.yaml') }, position: positionOf(REGISTRY, 'name: Hayashi', 8), context: { includeDeclaration: true } });
    assert.equal(locs.length, 2);
    assert.equal(locs[0].uri, client.uri('registry.yaml'));
    assert.equal(locs[1].uri, client.uri('articles/b.article'));
  });

  test('document highlights mark every mention of the entity in the article', async () => {
    const hl = await client.request<{ range: { start: { line: number; character: number } } }[]>('textDocument/documentHighlight', { textDocument: { uri: client.uri('articles/a.article') }, position: positionOf(ARTICLE_A, 'Qatar', 1, 1) });
    assert.deepEqual(hl.map((h) => h.range.start), [positionOf(ARTICLE_A, 'Qatari'), positionOf(ARTICLE_A, 'Qatar', 0, 1)]);
  });

  test('semantic tokens mark persons, countries and dates with the legend types', async () => {
    const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: client.uri('articles/a.article') } });
    const legend = (client.initializeResult.capabilities.semanticTokensProvider as { legend: SemanticTokensLegend }).legend;
    const decoded = decodeTokens(tokens, legend, ARTICLE_A);
    for (const t of ['Iwaya Takeshi=variable', 'Qatari=namespace', 'Japan=namespace', 'Qatar=namespace']) assert.ok(decoded.includes(t), `${t} in ${decoded.join(', ')}`);
    assert.ok(decoded.some((t) => /February=number$/.test(t)), decoded.join(', '));
  });

  test('inlay hints show the resolved value after partial and relative dates', async () => {
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: client.uri('articles/a.article') }, range: { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } } });
    const labels = hints.map((h) => h.label);
    assert.ok(labels.includes('[2025-03-17]'), JSON.stringify(labels));
    assert.ok(labels.includes('[2025-02]'), JSON.stringify(labels));
  });

  test('code lens over a registry entry counts mentions and articles', async () => {
    type Lens = { range: { start: { line: number } }; command?: { title: string; arguments?: unknown[] }; data?: unknown };
    const all = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri: client.uri('registry.yaml') } });
    // People, offices and events also get "Show on timeline", resolved already.
    const timeline = all.filter((l) => l.command?.title === 'Show on timeline');
    const lenses = all.filter((l) => l.data);
    assert.equal(lenses.length, 5);
    assert.deepEqual(timeline.map((l) => (l.command?.arguments?.[0] as { entity: string }).entity), ['japan-foreign-minister', 'hayashi-yoshimasa', 'iwaya-takeshi']);
    const at = async (id: string): Promise<Lens> => {
      const lens = lenses.find((l) => l.range.start.line === positionOf(REGISTRY, `id: ${id}`).line);
      assert.ok(lens, id);
      return client.request<Lens>('codeLens/resolve', lens);
    };
    const qatar = await at('qatar');
    assert.equal(qatar.command?.title, '3 mentions in 2 articles');
    assert.equal((qatar.command?.arguments?.[2] as Location[]).length, 3);
    assert.equal((await at('hayashi-yoshimasa')).command?.title, '1 mention in 1 article');
  });

  test('"Add to the registry…" runs the editor\'s command, whose edit appends an entry after the last one, keeping comments', async () => {
    const articleUri = client.uri('articles/a.article');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: articleUri },
      range: { start: positionOf(ARTICLE_A, 'Osamu'), end: positionOf(ARTICLE_A, 'Osamu', 2) },
      context: { diagnostics: [] },
    });
    const add = actions.find((a) => a.title === "Add 'Osamu Izawa' to the registry…");
    assert.ok(add?.command, JSON.stringify(actions.map((a) => a.title)));
    // No silent edit: the editor asks the type (the guess first) and the country, then asks for the edit.
    assert.equal(add.edit, undefined);
    assert.deepEqual(add.command, { title: add.title, command: 'attache.addToRegistry', arguments: [articleUri, 'Osamu Izawa', 'person'] });
    const r = await client.request<{ id: string; uri: string; edit: { changes: Record<string, TextEdit[]> }; range: Range } | null>('attache/addEntityEdit', { uri: articleUri, name: 'Osamu Izawa', type: 'person', country: 'japan' });
    assert.ok(r);
    assert.equal(r.id, 'osamu-izawa');
    assert.equal(r.uri, client.uri('registry.yaml'));
    const next = applyTextEdits(REGISTRY, r.edit.changes[r.uri]);
    const entry = joinLines('  - id: osamu-izawa', '    type: person', '    name: Osamu Izawa', '    country: japan');
    assert.equal(next, REGISTRY.replace('# New entries', `${entry}\n# New entries`));
    // The range the editor reveals is the new entry, from its `- id:`.
    const lines = next.split('\n');
    assert.equal(lines[r.range.start.line].slice(r.range.start.character), '- id: osamu-izawa');
    assert.equal(lines[r.range.end.line], '    country: japan');
    assert.equal(r.range.end.character, '    country: japan'.length);
    // An office gets `of:`; a bad type or an empty name gets no edit.
    const office = await client.request<{ edit: { changes: Record<string, TextEdit[]> } }>('attache/addEntityEdit', { uri: articleUri, name: 'Defence Minister', type: 'office', country: 'japan' });
    assert.match(applyTextEdits(REGISTRY, office.edit.changes[client.uri('registry.yaml')]), /name: Defence Minister\n {4}of: japan\n/);
    assert.equal(await client.request('attache/addEntityEdit', { uri: articleUri, name: 'X', type: 'planet' }), null);
    assert.equal(await client.request('attache/addEntityEdit', { uri: articleUri, name: ' ', type: 'person' }), null);
  });

  test('"Insert front matter" uses the dateline date', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: client.uri('c.article') },
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
      context: { diagnostics: [] },
    });
    const fm = actions.find((a) => a.title === 'Insert front matter with a publication date');
    assert.ok(fm?.edit?.changes);
    assert.equal(applyTextEdits(ARTICLE_C, fm.edit.changes[client.uri('c.article')]), `---\ndate: 2025-10-26\n---\n${ARTICLE_C}`);
  });

  test('without any date, the front matter action asks the editor for one', async () => {
    const text = joinLines('Officials from Japan and Qatar met in July to prepare the talks.', '');
    const uri = client.open('articles/nodate.article', text);
    const p = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'unresolved-date'));
    const diag = p.diagnostics.find((x) => x.code === 'unresolved-date')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } });
    const asks = actions.filter((a) => a.command?.command === 'attache.insertFrontMatter');
    assert.equal(asks.length, 1, JSON.stringify(actions.map((a) => a.title)));
    assert.deepEqual(asks[0].command?.arguments, [uri]);
    assert.equal(asks[0].kind, 'quickfix');
    client.close('articles/nodate.article');
  });

  test('the duplicate-paragraph quick fix, applied, removes the repeat and nothing else', async () => {
    const text = joinLines(
      '---',
      'date: 2025-03-20',
      '---',
      'The talks in Doha covered shipping lanes, energy prices and the grain corridor.',
      'Both delegations promised a joint statement before the end of the month.',
      'The talks in Doha covered shipping lanes, energy prices and the grain corridor.',
      'A second round is planned for the autumn.',
      '',
    );
    const uri = client.open('articles/dup.article', text);
    const p = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'duplicate-paragraph'));
    const diag = p.diagnostics.find((x) => x.code === 'duplicate-paragraph')!;
    assert.equal(diag.range.start.line, 5);
    assert.equal(diag.relatedInformation?.[0]?.location.range.start.line, 3);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } });
    const del = actions.find((a) => a.title === 'Delete the repeated paragraph');
    assert.ok(del?.edit?.changes, JSON.stringify(actions.map((a) => a.title)));
    assert.deepEqual(del.diagnostics?.map((d) => d.code), ['duplicate-paragraph']);
    assert.equal(applyTextEdits(text, del.edit.changes[uri]), text.replace('The talks in Doha covered shipping lanes, energy prices and the grain corridor.\nA second', 'A second'));
    client.close('articles/dup.article');
  });

  test('a code switched off offers no quick fix (code actions read the visible findings)', async () => {
    const text = joinLines(
      '---',
      'date: 2025-03-20',
      '---',
      'The envoys discussed fishing quotas, port access and a joint coast guard exercise.',
      'Neither side gave a date for the next round.',
      'The envoys discussed fishing quotas, port access and a joint coast guard exercise.',
      '',
    );
    const uri = client.open('articles/dup-off.article', text);
    const p = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'duplicate-paragraph'));
    const range = p.diagnostics.find((x) => x.code === 'duplicate-paragraph')!.range;
    const titles = async (): Promise<string[]> =>
      (await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } })).map((a) => a.title);
    assert.ok((await titles()).includes('Delete the repeated paragraph'));
    client.setSettings({ diagnostics: { 'duplicate-paragraph': 'off' } });
    await client.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'duplicate-paragraph'), { fresh: true });
    assert.deepEqual((await titles()).filter((t) => t === 'Delete the repeated paragraph'), []);
    client.setSettings({});
    await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'duplicate-paragraph'), { fresh: true });
    client.close('articles/dup-off.article');
  });

  test('workspace symbols find entities by a fuzzy query', async () => {
    const syms = await client.request<{ name: string; location: Location }[]>('workspace/symbol', { query: 'hysh' });
    assert.equal(syms[0]?.name, 'Hayashi Yoshimasa');
    assert.equal(syms[0].location.uri, client.uri('registry.yaml'));
  });

  test('document symbols list paragraphs with their entities and dates', async () => {
    const syms = await client.request<{ name: string; children?: { name: string }[] }[]>('textDocument/documentSymbol', { textDocument: { uri: client.uri('articles/b.article') } });
    const para = syms.find((s) => s.name.startsWith('Hayashi Yoshimasa telephoned'));
    assert.ok(para, JSON.stringify(syms.map((s) => s.name)));
    const names = para.children?.map((c) => c.name) ?? [];
    for (const n of ['Hayashi Yoshimasa', 'Qatar', 'last week']) assert.ok(names.includes(n), `${n} in ${names.join(', ')}`);
    assert.ok(names.indexOf('Hayashi Yoshimasa') < names.indexOf('Qatar'), 'children are in text order');
  });

  test('context spans list the dates of an article (the editor\'s `attache.onDate` key) and no annotations', async () => {
    const spans = await client.request<{ dates: Range[]; annotations: Range[] }>('attache/contextSpans', { uri: client.uri('articles/b.article') });
    assert.deepEqual(spans.dates, [{ start: positionOf(ARTICLE_B, 'last week'), end: positionOf(ARTICLE_B, 'last week', 9) }]);
    assert.deepEqual(spans.annotations, []);
    // Not an article: nothing.
    assert.deepEqual(await client.request('attache/contextSpans', { uri: client.uri('registry.yaml') }), { dates: [], annotations: [] });
  });

  test('outline kinds fit each entity type and none is a variable', async () => {
    type Sym = { name: string; kind: number; children?: Sym[] };
    const syms = await client.request<Sym[]>('textDocument/documentSymbol', { textDocument: { uri: client.uri('articles/b.article') } });
    const kinds = new Map(syms.flatMap((s) => s.children ?? []).map((c) => [c.name, c.kind]));
    // SymbolKind numbers (LSP): Object 19, Package 4, Number 16; paragraphs are String 15.
    assert.equal(kinds.get('Hayashi Yoshimasa'), 19);
    assert.equal(kinds.get('Qatar'), 4);
    assert.equal(kinds.get('last week'), 16);
    assert.ok(syms.every((s) => s.kind === 15), JSON.stringify(syms.map((s) => s.kind)));
    const registry = await client.request<Sym[]>('textDocument/documentSymbol', { textDocument: { uri: client.uri('registry.yaml') } });
    const byName = new Map(registry.map((s) => [s.name, s.kind]));
    // Office → Property 7, country → Package 4, person → Object 19.
    assert.deepEqual([byName.get('Minister for Foreign Affairs of Japan'), byName.get('Japan'), byName.get('Iwaya Takeshi')], [7, 4, 19]);
    const all = [...syms, ...syms.flatMap((s) => s.children ?? []), ...registry];
    assert.ok(!all.some((s) => s.kind === 13), 'no symbol is a Variable (13)');
  });

  test('completion offers office ids after `office:` in the registry', async () => {
    const text = REGISTRY.replace('      - office: japan-foreign-minister\n        start: 2024', '      - office: jap\n        start: 2024');
    client.open('registry.yaml', REGISTRY);
    client.change('registry.yaml', text);
    const list = await client.request<{ items: { label: string }[] }>('textDocument/completion', { textDocument: { uri: client.uri('registry.yaml') }, position: positionOf(text, 'office: jap', 11, 1) });
    assert.deepEqual(list.items.map((i) => i.label), ['japan-foreign-minister']);
    client.change('registry.yaml', REGISTRY);
    client.close('registry.yaml');
  });

  test('completion offers any id in participants lists, flow and block style', async () => {
    const flow = `${REGISTRY}  - id: talks\n    type: event\n    name: Energy Talks\n    participants: [japan, qa`;
    client.open('registry.yaml', REGISTRY);
    client.change('registry.yaml', flow);
    const complete = async (text: string): Promise<string[]> => {
      const lines = text.split('\n');
      const position = { line: lines.length - 1, character: lines[lines.length - 1].length };
      const list = await client.request<{ items: { label: string }[] }>('textDocument/completion', { textDocument: { uri: client.uri('registry.yaml') }, position });
      return list.items.map((i) => i.label);
    };
    assert.deepEqual(await complete(flow), ['qatar']);
    const block = `${REGISTRY}  - id: talks\n    type: event\n    name: Energy Talks\n    participants:\n      - japan\n      - hay`;
    client.change('registry.yaml', block);
    assert.deepEqual(await complete(block), ['hayashi-yoshimasa']);
    client.change('registry.yaml', REGISTRY);
    client.close('registry.yaml');
  });
});

describe('registry changes reach open articles', { skip: existsSync(serverPath) ? false : 'server/out/server.js is missing: run `npm run build`' }, () => {
  let root: string;
  let client: TestClient;

  before(async () => {
    root = makeWorkspace({ 'registry.yaml': REGISTRY, 'articles/a.article': ARTICLE_A });
    client = await TestClient.start(root);
  });

  after(async () => {
    await client?.stop();
    removeWorkspace(root);
  });

  const hasUnknownIzawa = (d: { code?: string | number; message: string }[]): boolean => d.some((x) => x.code === 'unknown-entity' && /Osamu Izawa/.test(x.message));
  const ADDED = REGISTRY.replace('# New entries', joinLines('  - id: osamu-izawa', '    type: person', '    name: Osamu Izawa', '# New entries'));

  test('an unknown name is flagged, and disappears when an open registry buffer defines it', async () => {
    const a = client.open('articles/a.article', ARTICLE_A);
    await client.waitForDiagnostics(a, hasUnknownIzawa);
    client.open('registry.yaml', REGISTRY);
    client.change('registry.yaml', ADDED);
    await client.waitForDiagnostics(a, (d) => !hasUnknownIzawa(d));
  });

  test('a registry syntax error is published at its place and the last good registry stays in use', async () => {
    // `key: value: value` is not YAML (a mapping cannot be an implicit key): the error is on that line.
    const broken = ADDED.replace('    name: Qatar', '    name: Qatar: State');
    client.change('registry.yaml', broken);
    const p = await client.waitForDiagnostics(client.uri('registry.yaml'), (d) => d.some((x: Diagnostic) => x.code === 'registry-syntax'));
    const err = p.diagnostics.find((x) => x.code === 'registry-syntax')!;
    assert.equal(err.severity, 1);
    assert.equal(err.range.start.line, positionOf(broken, 'name: Qatar: State').line);
    // The article still links Qatar (last good snapshot): no unknown-entity for it.
    const a = await client.waitForDiagnostics(client.uri('articles/a.article'));
    assert.ok(!a.diagnostics.some((x) => x.code === 'unknown-entity' && /Qatar/.test(x.message)));
  });

  test('a change on disk (outside the editor) updates open articles', async () => {
    client.change('registry.yaml', ADDED);
    await client.waitForDiagnostics(client.uri('registry.yaml'), (d) => !d.some((x: Diagnostic) => x.code === 'registry-syntax'));
    client.close('registry.yaml');
    // The disk still has the original registry, without Osamu Izawa: closing the buffer brings it back.
    await client.waitForDiagnostics(client.uri('articles/a.article'), hasUnknownIzawa);
    client.writeFile('registry.yaml', ADDED);
    await client.waitForDiagnostics(client.uri('articles/a.article'), (d) => !hasUnknownIzawa(d));
  });

  test('"Check Workspace" publishes diagnostics for articles that are not open', async () => {
    const rootB = 'articles/b.article';
    client.writeFile(rootB, ARTICLE_B, 1);
    const r = await client.request<{ articles: number }>('workspace/executeCommand', { command: 'attache.checkWorkspace', arguments: [] });
    assert.equal(r.articles, 2);
    const p = await client.waitForDiagnostics(client.uri(rootB));
    assert.equal(p.version, undefined);
  });
});

describe('semantic tokens for the VS Code client', { skip: existsSync(serverPath) ? false : 'server/out/server.js is missing: run `npm run build`' }, () => {
  let root: string;
  let client: TestClient;

  before(async () => {
    root = makeWorkspace({ 'registry.yaml': REGISTRY, 'articles/a.article': ARTICLE_A });
    client = await TestClient.start(root, {}, undefined, { entityTokenTypes: true });
    client.open('articles/a.article', ARTICLE_A);
  });

  after(async () => {
    await client?.stop();
    removeWorkspace(root);
  });

  test('a client that asks for entityTokenTypes gets Attaché\'s type names, in the order of the standard legend', async () => {
    const legend = (client.initializeResult.capabilities.semanticTokensProvider as { legend: SemanticTokensLegend }).legend;
    assert.deepEqual(legend.tokenTypes, ['person', 'organization', 'country', 'place', 'office', 'namedEvent', 'date']);
    const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: client.uri('articles/a.article') } });
    const decoded = decodeTokens(tokens, legend, ARTICLE_A);
    for (const t of ['Iwaya Takeshi=person', 'Qatari=country', 'Japan=country']) assert.ok(decoded.includes(t), `${t} in ${decoded.join(', ')}`);
    assert.ok(decoded.some((t) => /February=date$/.test(t)), decoded.join(', '));
  });
});
