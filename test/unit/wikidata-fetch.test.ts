/**
 * `attache import wikidata Q…` over the network, against a local HTTP server on 127.0.0.1 that
 * replays Wikidata API answers built from the fixtures (wbgetentities format), including the
 * failures a real client meets: HTTP 429 with Retry-After, a `maxlag` error, a 200 with a
 * truncated body, HTML instead of JSON, no answer at all, and no server.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { importCommand } from '../../server/src/cli/importWikidata';
import { fetchEntities, qidFromInput, searchEntities } from '../../server/src/node/wikidataFetch';
import { loadRegistry } from '../../server/src/core/registry';
import { fixturesDir } from '../helpers';
import { workspace } from './cliRun';

const dir = join(fixturesDir, 'wikidata');
const KNOWN: Record<string, unknown> = {
  ...JSON.parse(readFileSync(join(dir, 'wbgetentities-jp-de.json'), 'utf8')).entities,
  ...Object.assign({}, ...readdirSync(join(dir, 'entitydata')).map((f) => JSON.parse(readFileSync(join(dir, 'entitydata', f), 'utf8')).entities)),
};

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;

/** A replay of the wbgetentities API: known ids answered from the fixtures, others `missing`. */
const wbgetentities: Handler = (_req, res, url) => {
  const ids = (url.searchParams.get('ids') ?? '').split('|');
  const entities = Object.fromEntries(ids.map((id) => [id, KNOWN[id] ?? { id, missing: '' }]));
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ entities, success: 1 }));
};

async function serve(handlers: Handler[]): Promise<{ api: string; requests: { url: URL; agent?: string }[]; close: () => Promise<void> }> {
  const requests: { url: URL; agent?: string }[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ url, agent: req.headers['user-agent'] });
    // Each request takes the next handler; the last one answers all the rest.
    (handlers[requests.length - 1] ?? handlers[handlers.length - 1])(req, res, url);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    api: `http://127.0.0.1:${port}/w/api.php`,
    requests,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}

async function run(args: string[], api: string, fetch = {}): Promise<{ code: number; out: string; err: string; cwd: string }> {
  let out = '';
  let err = '';
  const cwd = workspace({}, 'attache-wd-net-');
  const code = await importCommand(args, { cwd, out: (s) => (out += s), err: (s) => (err += s), date: '2025-12-01', api, fetch: { sleep: async () => {}, ...fetch } });
  return { code, out, err, cwd };
}

test('QIDs and Wikidata URLs are recognized as inputs to fetch', () => {
  assert.equal(qidFromInput('Q61053'), 'Q61053');
  assert.equal(qidFromInput('wd:Q61053'), 'Q61053');
  assert.equal(qidFromInput('https://www.wikidata.org/wiki/Q61053'), 'Q61053');
  assert.equal(qidFromInput('https://m.wikidata.org/wiki/Q61053#P39'), 'Q61053');
  assert.equal(qidFromInput('http://www.wikidata.org/entity/Q61053'), 'Q61053');
  assert.equal(qidFromInput('https://www.wikidata.org/wiki/Special:EntityData/Q61053.json'), 'Q61053');
  for (const x of ['Q0', 'q61053', 'P39', 'https://example.org/wiki/Q61053', 'Q61053.json']) assert.equal(qidFromInput(x), undefined, x);
});

test('a QID is fetched with the items it references; a polite client (User-Agent, maxlag, 50 ids a request)', async () => {
  const s = await serve([wbgetentities]);
  try {
    const r = await run(['wikidata', 'Q61053', 'https://www.wikidata.org/wiki/Q567'], s.api);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /- id: olaf-scholz\n/);
    assert.match(r.out, /- id: angela-merkel\n(.*\n)* {4}family_name: Merkel\n/);
    assert.match(r.out, /- id: chancellor-of-germany\n(.*\n)* {4}of: germany\n {4}single_holder: true\n/);
    // Q1939555 (the Bundestag seat) is not in the replay: it stays a stub, said so once.
    assert.match(r.out, /# Stub: Q1939555/);
    assert.match(r.err, /Q1939555 does not exist on Wikidata \(it stays a stub\)/);
    assert.deepEqual(s.requests.map((q) => q.url.searchParams.get('ids')), ['Q61053|Q567', 'Q183|Q1939555|Q4356853|Q4970706|Q18628710']);
    for (const q of s.requests) {
      assert.match(q.agent ?? '', /^Attache\/0\.1 \(https:\/\/github\.com\/attache-project\/attache; registry import\)/);
      assert.equal(q.url.searchParams.get('maxlag'), '5');
      assert.equal(q.url.searchParams.get('action'), 'wbgetentities');
      assert.equal(q.url.searchParams.get('languages'), 'en|mul');
    }
    const snap = loadRegistry([{ path: 'r.yaml', text: r.out }]);
    assert.deepEqual([...snap.files.values()].flatMap((f) => f.findings.map((x) => x.message)), []);
  } finally {
    await s.close();
  }
});

test('HTTP 429 and a maxlag error are waited out as Retry-After says, then retried', async () => {
  const tooMany: Handler = (_q, res) => {
    res.writeHead(429, { 'Retry-After': '7', 'Content-Type': 'text/plain' });
    res.end('Too many requests');
  };
  const lag: Handler = (_q, res) => {
    res.writeHead(200, { 'Retry-After': '3', 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'maxlag', info: 'Waiting for 10.64.0.1: 6 seconds lagged', lag: 6 } }));
  };
  const s = await serve([tooMany, lag, wbgetentities]);
  const waits: number[] = [];
  try {
    const r = await run(['wikidata', 'Q44218'], s.api, { sleep: async (ms: number) => void waits.push(ms) });
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(waits, [7000, 3000]);
    assert.match(r.err, /Wikidata answered HTTP 429 \(too many requests\); waiting 7 s before trying again/);
    assert.match(r.err, /Wikidata is lagging \(Waiting for 10\.64\.0\.1: 6 seconds lagged\); waiting 3 s/);
    assert.match(r.out, /- id: giorgia-meloni\n/);
  } finally {
    await s.close();
  }
});

test('a truncated 200 answer and HTML instead of JSON: retried, then a clear message and nothing written', async () => {
  const full = JSON.stringify({ entities: { Q44218: KNOWN.Q44218 } });
  const truncated: Handler = (_q, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(full.slice(0, 300));
  };
  const html: Handler = (_q, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!DOCTYPE html><html><body>Wikimedia Error</body></html>');
  };
  for (const [handler, message] of [[truncated, /not complete JSON \(300 characters\); try again later/], [html, /not complete JSON \(\d+ characters, HTML\); try again later/]] as const) {
    const s = await serve([handler]);
    try {
      const r = await run(['wikidata', '--out', 'wd.yaml', 'Q44218'], s.api);
      assert.equal(r.code, 2);
      assert.match(r.err, message);
      assert.match(r.err, /nothing was written/);
      assert.equal(existsSync(join(r.cwd, 'wd.yaml')), false);
      assert.equal(s.requests.length, 4, 'the first attempt and three retries');
    } finally {
      await s.close();
    }
  }
});

test('no answer in time, no server, an API error: messages that say so', async () => {
  const silent = await serve([() => {}]);
  try {
    await assert.rejects(fetchEntities(['Q1'], { api: silent.api, timeoutMs: 200, retries: 1, sleep: async () => {} }), /no answer from Wikidata within 0\.2 s; gave up after 2 attempts/);
  } finally {
    await silent.close();
  }
  const gone = await serve([wbgetentities]);
  const api = gone.api;
  await gone.close();
  await assert.rejects(fetchEntities(['Q1'], { api, retries: 0 }), /cannot reach Wikidata \(ECONNREFUSED\): are you offline\?; gave up after 1 attempt$/);
  const refused = await serve([(_q, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'no-such-entity', info: 'Could not find an entity with the ID "Q0".' } }));
  }]);
  try {
    await assert.rejects(fetchEntities(['Q0'], { api: refused.api }), /the Wikidata API refused the request: no-such-entity: Could not find an entity/);
    assert.equal(refused.requests.length, 1, 'an API error is not retried');
  } finally {
    await refused.close();
  }
});

test('search: candidates with their description and positions held, for a picker', async () => {
  const search: Handler = (req, res, url) => {
    if (url.searchParams.get('action') !== 'wbsearchentities') return wbgetentities(req, res, url);
    assert.equal(url.searchParams.get('search'), 'Scholz');
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({
      searchinfo: { search: 'Scholz' },
      search: [
        { id: 'Q61053', title: 'Q61053', label: 'Olaf Scholz', description: 'Chancellor of Germany from 2021 to 2025', match: { type: 'label', language: 'en', text: 'Olaf Scholz' } },
        { id: 'Q999999999', title: 'Q999999999', label: 'Scholz', description: 'family name', match: { type: 'label', language: 'en', text: 'Scholz' } },
      ],
      success: 1,
    }));
  };
  const s = await serve([search]);
  try {
    const found = await searchEntities('Scholz', { api: s.api });
    assert.deepEqual(found, [
      { id: 'Q61053', label: 'Olaf Scholz', description: 'Chancellor of Germany from 2021 to 2025', positions: ['Chancellor of Germany (2021–2025)', 'Q1939555 (2002–2011)'] },
      { id: 'Q999999999', label: 'Scholz', description: 'family name', positions: [] },
    ]);
    assert.deepEqual(s.requests.map((q) => q.url.searchParams.get('action')), ['wbsearchentities', 'wbgetentities', 'wbgetentities']);
    assert.equal(s.requests[0].url.searchParams.get('type'), 'item');
  } finally {
    await s.close();
  }
});
