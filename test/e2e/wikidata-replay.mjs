// A local stand-in for the Wikidata API (https://www.wikidata.org/w/api.php) for the browser and
// in-host tests: an HTTP server on 127.0.0.1 answering `wbgetentities` and `wbsearchentities`
// from the entity fixtures (test/fixtures/wikidata), in Wikidata's formats. Point the language
// server at it with ATTACHE_WIKIDATA_API=<url>.
//
// The search is a small imitation of Wikidata's: items whose English label or an alias contains the
// term as a whole word (case and diacritics ignored), exact label matches first.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const DIR = path.join(ROOT, 'test', 'fixtures', 'wikidata');

function known() {
  const all = { ...JSON.parse(fs.readFileSync(path.join(DIR, 'wbgetentities-jp-de.json'), 'utf8')).entities };
  for (const f of fs.readdirSync(path.join(DIR, 'entitydata'))) Object.assign(all, JSON.parse(fs.readFileSync(path.join(DIR, 'entitydata', f), 'utf8')).entities);
  return all;
}

const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Starts the replay; resolves to { url, requests, close() }. */
export async function startWikidataReplay() {
  const entities = known();
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const p = url.searchParams;
    requests.push(`${p.get('action')} ${p.get('ids') ?? p.get('search') ?? ''}`);
    let body;
    if (p.get('action') === 'wbgetentities') {
      const ids = (p.get('ids') ?? '').split('|').filter(Boolean);
      body = { entities: Object.fromEntries(ids.map((id) => [id, entities[id] ?? { id, missing: '' }])), success: 1 };
    } else if (p.get('action') === 'wbsearchentities') {
      const term = fold(p.get('search') ?? '').trim();
      const word = new RegExp(`(^|\\s)${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`);
      const hits = Object.values(entities)
        .map((e) => ({ e, label: e.labels?.en?.value ?? e.id, forms: [e.labels?.en?.value, ...(e.aliases?.en ?? []).map((a) => a.value)].filter(Boolean) }))
        .filter((x) => term && x.forms.some((f) => word.test(fold(f))))
        .sort((a, b) => Number(fold(b.label) === term) - Number(fold(a.label) === term) || Number(a.e.id.slice(1)) - Number(b.e.id.slice(1)));
      body = {
        searchinfo: { search: p.get('search') },
        search: hits.slice(0, Number(p.get('limit') ?? 7)).map(({ e, label }) => ({
          id: e.id, title: e.id, pageid: Number(e.id.slice(1)), concepturi: `http://www.wikidata.org/entity/${e.id}`,
          url: `//www.wikidata.org/wiki/${e.id}`, label, ...(e.descriptions?.en ? { description: e.descriptions.en.value } : {}),
          match: { type: 'label', language: 'en', text: label },
        })),
        success: 1,
      };
    } else {
      body = { error: { code: 'badvalue', info: `Unrecognized value for parameter "action": ${p.get('action')}.` } };
    }
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/w/api.php`,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
