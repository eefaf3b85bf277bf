/**
 * Tests of the workspace index: boilerplate across articles, cross-article event dates, and the
 * incremental contract — after any update or removal, every other article whose workspace findings
 * changed is in the returned set (checked against a full recomputation on random edit sequences).
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from '../../bench/generate';
import { ArticleAnalysis } from '../../server/src/core/analyze';
import { parseArticle } from '../../server/src/core/article';
import { WorkspaceIndex, summarize } from '../../server/src/core/workspace';
import { DateMention, Entity, EntityMention, RegistrySnapshot } from '../../server/src/core/types';
import { joinLines } from '../helpers';

const DISCLAIMER = 'Legal Disclaimer: the provider gives this information as is, without warranty of any kind.';
const POPULAR = 'Most popular stories this week from our network of regional partner sites';

interface EventSpec {
  surface: string;
  id: string;
  dateText: string;
  value: string;
}

/** An analysis built from text, with an optional dated event sentence appended. */
function analysis(path: string, paragraphs: string[], ev?: EventSpec): ArticleAnalysis {
  const lines = [...paragraphs];
  if (ev) lines.push(`The ${ev.surface} was held in Tokyo in ${ev.dateText}, officials said.`);
  const text = joinLines(...lines, '');
  const article = parseArticle(text);
  const entities: EntityMention[] = [];
  const dates: DateMention[] = [];
  if (ev) {
    const s = text.lastIndexOf(ev.surface);
    entities.push({ start: s, end: s + ev.surface.length, text: ev.surface, type: 'event', id: ev.id, candidates: [], form: 'name' });
    const d = text.lastIndexOf(ev.dateText);
    dates.push({ start: d, end: d + ev.dateText.length, text: ev.dateText, value: ev.value, kind: 'absolute', granularity: 'month', resolution: { rule: 'test' } });
  }
  return { path, article, entities, dates, findings: [] };
}

const story = (n: number): string => `Story number ${n} tells how the ministers of two nations met to discuss maritime security.`;

test('boilerplate: a paragraph in two other articles is reported (information) with related information; in one other it is not', () => {
  const ws = new WorkspaceIndex();
  ws.update('a.article', analysis('a.article', [story(1), DISCLAIMER]));
  ws.update('b.article', analysis('b.article', [story(2), DISCLAIMER]));
  assert.deepEqual(ws.findingsFor('a.article'), []);
  const affected = ws.update('c.article', analysis('c.article', [story(3), DISCLAIMER.toUpperCase(), 'Comments']));
  assert.deepEqual([...affected].sort(), ['a.article', 'b.article']);
  const fa = ws.findingsFor('a.article');
  assert.equal(fa.length, 1);
  const a = analysis('a.article', [story(1), DISCLAIMER]);
  assert.equal(fa[0].code, 'boilerplate');
  assert.equal(fa[0].severity, 'information');
  assert.equal(a.article.text.slice(fa[0].start, fa[0].end), DISCLAIMER);
  assert.equal(fa[0].message, 'This paragraph also occurs in at least 2 other articles of the workspace (b.article, c.article), so it is probably boilerplate such as a disclaimer or a list of links, not part of the story.');
  const c = analysis('c.article', [story(3), DISCLAIMER.toUpperCase()]);
  const rc = fa[0].related!.find((r) => r.path === 'c.article')!;
  assert.equal(c.article.text.slice(rc.start, rc.end), DISCLAIMER.toUpperCase());
  // Severity settings apply.
  assert.equal(ws.findingsFor('a.article', { severities: { boilerplate: 'off' } }).length, 0);
  // Removing one copy drops everyone below the threshold.
  assert.deepEqual([...ws.remove('b.article')].sort(), ['a.article', 'c.article']);
  assert.deepEqual(ws.findingsFor('a.article'), []);
  assert.deepEqual(ws.findingsFor('b.article'), []);
});

test('boilerplate: short shared lines never count', () => {
  const ws = new WorkspaceIndex();
  for (const p of ['a', 'b', 'c', 'd']) ws.update(p, analysis(p, [story(p.charCodeAt(0)), 'Comments', 'No comment']));
  for (const p of ['a', 'b', 'c', 'd']) assert.deepEqual(ws.findingsFor(p), []);
});

const DIALOGUE = 'japan-qatar-strategic-dialogue-2';

test('event-date-conflict across articles: another article dating the event differently, with related information', () => {
  const ws = new WorkspaceIndex();
  const ev = (dateText: string, value: string): EventSpec => ({ surface: 'second Strategic Dialogue', id: DIALOGUE, dateText, value });
  ws.update('a.article', analysis('a.article', [story(1)], ev('January 2025', '2025-01')));
  const affected = ws.update('b.article', analysis('b.article', [story(2)], ev('February 2025', '2025-02')));
  assert.deepEqual([...affected], ['a.article']);
  ws.update('c.article', analysis('c.article', [story(3)], ev('January 2025', '2025-01')));
  const fa = ws.findingsFor('a.article');
  assert.equal(fa.length, 1);
  assert.equal(fa[0].code, 'event-date-conflict');
  const a = analysis('a.article', [story(1)], ev('January 2025', '2025-01'));
  assert.equal(a.article.text.slice(fa[0].start, fa[0].end), 'January 2025');
  assert.equal(fa[0].message, 'second Strategic Dialogue is dated January 2025 here, but b.article dates it February 2025. At most one of them is right: check the date and record it in the registry.');
  assert.equal(fa[0].related![0].path, 'b.article');
  assert.equal(fa[0].related![0].message, "b.article dates second Strategic Dialogue February 2025 ('February 2025')");
  const fb = ws.findingsFor('b.article');
  assert.equal(fb[0].message, 'second Strategic Dialogue is dated February 2025 here, but a.article dates it January 2025 (other articles disagree too: see the related information). At most one of them is right: check the date and record it in the registry.');
  assert.deepEqual(fb[0].related!.map((r) => r.path), ['a.article', 'c.article']);
  // Removing the odd one out clears the others.
  assert.deepEqual([...ws.remove('b.article')].sort(), ['a.article', 'c.article']);
  assert.deepEqual(ws.findingsFor('a.article'), []);
  assert.deepEqual(ws.findingsFor('c.article'), []);
});

test('event-date-conflict across articles is left to the local check when the registry dates the event', () => {
  const event: Entity = {
    id: DIALOGUE, type: 'event', name: 'Second Japan-Qatar Strategic Dialogue', aliases: [], demonyms: [], roles: [], participants: [], date: '2023-01-31',
    source: { path: 'registry.yaml', range: [0, 10], idRange: [4, 10], references: [] },
  };
  const registry: RegistrySnapshot = { version: 1, entities: new Map([[DIALOGUE, event]]), files: new Map() };
  const ws = new WorkspaceIndex(registry);
  const ev = (dateText: string, value: string): EventSpec => ({ surface: 'second Strategic Dialogue', id: DIALOGUE, dateText, value });
  ws.update('a.article', analysis('a.article', [story(1)], ev('January 2025', '2025-01')));
  ws.update('b.article', analysis('b.article', [story(2)], ev('February 2025', '2025-02')));
  assert.deepEqual(ws.findingsFor('a.article'), []);
  ws.setRegistry(undefined);
  assert.equal(ws.findingsFor('a.article').length, 1);
});

// ---------------------------------------------------------------------------------------------
// The incremental contract, on random edit sequences.


test('update/remove report every other article whose workspace findings changed', () => {
  const shared = [DISCLAIMER, POPULAR, 'Subscribe to our newsletter to receive the daily briefing in your inbox every morning.'];
  const allMonths = [['January 2025', '2025-01'], ['February 2025', '2025-02'], ['2025', '2025']];
  // Small workspaces cross every threshold; a larger one with two dates gives buckets and rings
  // longer than the few articles a finding names.
  for (const [seed, count, months] of [[1, 14, allMonths], [2, 14, allMonths], [3, 30, allMonths.slice(0, 2)]] as const) {
    const rand = seededRandom(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    const ws = new WorkspaceIndex();
    const paths = Array.from({ length: count }, (_, i) => `p${i}.article`);
    const holds = new Map<string, Set<string>>();
    const snapshot = (): Map<string, string> => new Map(ws.paths().map((p) => [p, JSON.stringify(ws.findingsFor(p))]));
    for (let step = 0; step < 500; step++) {
      const path = pick(paths);
      const before = snapshot();
      let affected: Set<string>;
      if (rand() < 0.2) {
        affected = ws.remove(path);
        holds.delete(path);
      } else {
        const paras = [story(step)];
        // Extra lines shift the shared paragraphs' offsets, which changes related information.
        const mine = new Set<string>();
        for (let k = Math.floor(rand() * 3); k > 0; k--) {
          paras.push(`Filler line ${k} about nothing in particular at all today.`);
          mine.add(`filler ${k}`);
        }
        for (const s of shared) if (rand() < 0.5) {
          paras.push(s);
          mine.add(s);
        }
        holds.set(path, mine);
        const [dateText, value] = pick(months);
        const ev = rand() < 0.5 ? { surface: 'second Strategic Dialogue', id: DIALOGUE, dateText, value } : undefined;
        if (ev) mine.add(`event ${dateText}`);
        affected = ws.update(path, analysis(path, paras, ev));
      }
      const after = snapshot();
      for (const [p, f] of after) {
        if (p === path) continue;
        if (before.get(p) !== f) assert.ok(affected.has(p), `seed ${seed} step ${step}: ${p} changed but was not reported after editing ${path}`);
      }
      assert.ok(!affected.has(path));
      // Boilerplate flags agree with a direct count of who holds which shared paragraph.
      for (const [p, mine] of holds) {
        const expected = [...mine].filter((s) => [...holds].filter(([q, h]) => q !== p && h.has(s)).length >= 2).length;
        assert.equal(ws.findingsFor(p).filter((f) => f.code === 'boilerplate').length, expected, `seed ${seed} step ${step}: ${p}`);
      }
    }
  }
});

test('addSummary (a CLI run) builds the same index as updateSummary, findings and all', () => {
  const shared = [DISCLAIMER, POPULAR];
  const months = [['January 2025', '2025-01'], ['February 2025', '2025-02']];
  const rand = seededRandom(7);
  const added = new WorkspaceIndex();
  const updated = new WorkspaceIndex();
  const paths: string[] = [];
  for (let i = 0; i < 40; i++) {
    const path = `p${i}.article`;
    paths.push(path);
    const paras = [story(i), ...shared.filter(() => rand() < 0.6)];
    const [dateText, value] = months[Math.floor(rand() * months.length)];
    const a = analysis(path, paras, rand() < 0.5 ? { surface: 'second Strategic Dialogue', id: DIALOGUE, dateText, value } : undefined);
    added.addSummary(path, summarize(a));
    updated.updateSummary(path, summarize(a));
  }
  // Adding an article again replaces it, as updateSummary does.
  const again = analysis('p3.article', [story(99), DISCLAIMER]);
  added.addSummary('p3.article', summarize(again));
  updated.updateSummary('p3.article', summarize(again));
  let reported = 0;
  for (const p of paths) {
    const f = added.findingsFor(p);
    reported += f.length;
    assert.deepEqual(f, updated.findingsFor(p), p);
  }
  assert.ok(reported > 40, `boilerplate and event-date findings expected, got ${reported}`);
});
