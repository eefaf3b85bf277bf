/**
 * Timeline data (core/timeline.ts) on the samples, analyzed as the CLI analyzes them: tenures
 * with their registry dates, open-ended tenures up to `today`, events as points and ranges,
 * mentions at the date their sentence refers to, and the planted conflicts as flagged markers
 * outside the holder's bar. A small fixture registry covers a tenure without a start date.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename, join } from 'node:path';
import { loadProject } from '../../server/src/cli/project';
import { analyzeArticle } from '../../server/src/core/analyze';
import { buildEntityIndex } from '../../server/src/core/entities';
import { loadRegistry } from '../../server/src/core/registry';
import { TimelineData, TimelineMarker, buildTimeline } from '../../server/src/core/timeline';
import { joinLines, repoRoot, samplesDir } from '../helpers';

const TODAY = '2026-12-01';

function samplesTimeline(paths: string[], extra: { entity?: string; include?: string[] } = {}): { t: TimelineData; texts: Map<string, string> } {
  const project = loadProject({ cwd: repoRoot, paths: paths.map((p) => join(samplesDir, p)), registryGlobs: [] });
  assert.deepEqual(project.errors, []);
  const t = buildTimeline({ registry: project.registry, articles: project.articles.map((a) => ({ path: a.file, analysis: a.analysis })), today: TODAY, ...extra });
  return { t, texts: new Map(project.articles.map((a) => [a.file, a.text])) };
}

const brief = (m: TimelineMarker): string => `${basename(m.location.path)} ${m.row} ${m.label} ${m.start}..${m.end} ${m.dateSource}${m.conflict ? ` ${m.conflict.code}` : ''}`;

test('tenures: every holder of an office involved, with the registry dates, closed and open-ended', () => {
  const { t } = samplesTimeline(['articles/qatar-japan-defense.article']);
  const fm = t.spans.filter((s) => s.row === 'japan-foreign-minister').map((s) => `${s.label} ${s.start}..${s.end}${s.openEnd ? ' open' : ''}`);
  assert.deepEqual(fm, [
    'Kishida Fumio 2012-12-26..2017-08-03',
    'Motegi Toshimitsu 2019-09-11..2021-11-04',
    'Kishida Fumio 2021-11-04..2021-11-10',
    'Hayashi Yoshimasa 2021-11-10..2023-09-13',
    'Kamikawa Yoko 2023-09-13..2024-10-01',
    'Iwaya Takeshi 2024-10-01..2025-10-21',
    `Motegi Toshimitsu 2025-10-21..${TODAY} open`,
  ]);
  const hayashi = t.spans.find((s) => s.row === 'japan-foreign-minister' && s.entity === 'hayashi-yoshimasa')!;
  assert.equal(hayashi.startValue, '2021-11-10');
  assert.equal(hayashi.endValue, '2023-09-13');
  assert.match(hayashi.source.path, /persons\.yaml$/);
  // Every row has its registry entry, for "click a bar → open the registry".
  for (const r of t.rows) assert.ok(r.source.end > r.source.start, r.id);
  assert.deepEqual(t.rows.map((r) => `${r.kind}:${r.id}`), [
    'office:japan-foreign-minister', 'office:qatar-foreign-minister', 'office:qatar-defense-minister', 'office:qatar-deputy-prime-minister',
    'event:japan-qatar-strategic-dialogue-2',
  ]);
  assert.equal(t.end, TODAY);
});

test('an open-ended tenure ends on the given today', () => {
  const project = loadProject({ cwd: repoRoot, paths: [join(samplesDir, 'articles/tokyo-briefing.article')], registryGlobs: [] });
  const a = project.articles.map((x) => ({ path: x.file, analysis: x.analysis }));
  const early = buildTimeline({ registry: project.registry, articles: a, today: '2026-01-15' });
  const late = buildTimeline({ registry: project.registry, articles: a, today: '2030-06-30' });
  const motegi = (t: TimelineData): string => t.spans.filter((s) => s.openEnd && s.entity === 'motegi-toshimitsu').map((s) => `${s.start}..${s.end}`).join();
  assert.equal(motegi(early), '2025-10-21..2026-01-15');
  assert.equal(motegi(late), '2025-10-21..2030-06-30');
});

test('events: a day is a point, a registry range a span; each mention at its sentence date', () => {
  const { t } = samplesTimeline(['articles'], { include: ['nato-summit-2023'] });
  const ev = (id: string): string => t.spans.filter((s) => s.row === id).map((s) => `${s.kind} ${s.start}..${s.end} ${s.startValue}${s.endValue ? `/${s.endValue}` : ''}`).join();
  assert.equal(ev('japan-qatar-strategic-dialogue-2'), 'event 2023-01-31..2023-01-31 2023-01-31');
  assert.equal(ev('nato-summit-2022'), 'event 2022-06-28..2022-06-30 2022-06-28/2022-06-30');
  // Included without any mention.
  assert.equal(ev('nato-summit-2023'), 'event 2023-07-11..2023-07-12 2023-07-11/2023-07-12');
  const dialogue = t.markers.filter((m) => m.row === 'japan-qatar-strategic-dialogue-2').map(brief);
  assert.deepEqual(dialogue, [
    'iwaya-qatar-energy.article japan-qatar-strategic-dialogue-2 Second Japan-Qatar Strategic Dialogue (\'31 January 2023\') 2023-01-31..2023-01-31 event',
    'second-strategic-dialogue.article japan-qatar-strategic-dialogue-2 Second Japan-Qatar Strategic Dialogue (\'31 January 2023\') 2023-01-31..2023-01-31 event',
    'qatar-japan-defense.article japan-qatar-strategic-dialogue-2 Second Japan-Qatar Strategic Dialogue (\'January 2025\') 2025-01-01..2025-01-31 event event-date-conflict',
  ]);
  // "would be held on Monday" in an article of Sunday 17 August 2025: the next day, the registry's.
  assert.ok(t.markers.some((m) => m.row === 'japan-germany-strategic-dialogue-1' && m.start === '2025-08-18' && !m.conflict));
});

test('mentions sit at the date their sentence refers to, not the publication date', () => {
  const { t, texts } = samplesTimeline(['articles/iwaya-qatar-energy.article']);
  assert.deepEqual(t.markers.filter((m) => m.row === 'japan-foreign-minister').map(brief), [
    // "…Hayashi Yoshimasa chaired the second Japan-Qatar Strategic Dialogue in Tokyo on 31 January 2023": a date after the name.
    'iwaya-qatar-energy.article japan-foreign-minister Hayashi Yoshimasa as Minister for Foreign Affairs of Japan 2023-01-31..2023-01-31 sentence',
    // "said Friday" in an article of Friday 17 October 2025.
    'iwaya-qatar-energy.article japan-foreign-minister Iwaya Takeshi as Minister for Foreign Affairs of Japan 2025-10-17..2025-10-17 sentence',
  ]);
  const m = t.markers.find((x) => x.entity === 'hayashi-yoshimasa')!;
  const text = texts.get(m.location.path)!;
  assert.match(text.slice(m.location.start, m.location.end), /Foreign Minister Hayashi Yoshimasa$/);
  assert.ok(m.quote.includes('31 January 2023'), m.quote);
  // Both within their holders' bars: no conflict.
  assert.ok(t.markers.every((x) => !x.conflict));
});

test('the planted office error is a flagged marker outside the holder\'s bar', () => {
  const project = loadProject({ cwd: repoRoot, paths: [join(samplesDir, 'articles/qatar-japan-defense.article')], registryGlobs: [] });
  const a = project.articles[0];
  const t = buildTimeline({ registry: project.registry, articles: [{ path: a.file, analysis: a.analysis }], today: TODAY });
  const conflicts = t.markers.filter((m) => m.conflict);
  assert.deepEqual(conflicts.map(brief), [
    'qatar-japan-defense.article qatar-deputy-prime-minister Mohammed bin Abdulrahman Al Thani as Deputy Prime Minister of Qatar 2025-01-01..2025-01-31 sentence role-conflict',
    'qatar-japan-defense.article japan-foreign-minister Hayashi Yoshimasa as Minister for Foreign Affairs of Japan 2025-01-01..2025-01-31 sentence role-conflict',
    'qatar-japan-defense.article japan-qatar-strategic-dialogue-2 Second Japan-Qatar Strategic Dialogue (\'January 2025\') 2025-01-01..2025-01-31 event event-date-conflict',
  ]);
  // Each carries the message of the finding the Problems panel shows.
  const findings = a.analysis.findings.filter((f) => f.code === 'role-conflict' || f.code === 'event-date-conflict');
  assert.deepEqual(conflicts.map((m) => m.conflict!.message).sort(), findings.map((f) => f.message).sort());
  for (const m of conflicts.filter((x) => x.conflict!.code === 'role-conflict')) {
    const bars = t.spans.filter((s) => s.row === m.row && s.entity === m.entity);
    assert.ok(bars.length, `${m.entity} has a bar on ${m.row}`);
    for (const b of bars) assert.ok(m.start > b.end || m.end < b.start, `${m.label} ${m.start}..${m.end} outside ${b.start}..${b.end}`);
  }
  const hayashi = conflicts.find((m) => m.entity === 'hayashi-yoshimasa')!;
  assert.equal(a.text.slice(hayashi.location.start, hayashi.location.end), 'Hayashi Yoshimasa, Japan\'s Minister of Foreign Affairs');
  assert.equal(hayashi.value, '2025-01');
});

test('an entity timeline: a person\'s roles and every dated mention of them', () => {
  const { t } = samplesTimeline(['articles'], { entity: 'hayashi-yoshimasa' });
  assert.equal(t.title, 'Timeline of Hayashi Yoshimasa');
  assert.ok(t.spans.every((s) => s.entity === 'hayashi-yoshimasa'));
  assert.deepEqual(t.spans.map((s) => `${s.row} ${s.start}..${s.end}`), ['japan-foreign-minister 2021-11-10..2023-09-13']);
  assert.ok(t.markers.length >= 4);
  assert.ok(t.markers.every((m) => m.entity === 'hayashi-yoshimasa'));
  // Named without a title: on his own row.
  assert.ok(t.markers.some((m) => m.row === 'hayashi-yoshimasa'));
  assert.ok(t.rows.some((r) => r.kind === 'person' && r.id === 'hayashi-yoshimasa'));
  assert.equal(t.markers.filter((m) => m.conflict).length, 1);
});

test('a tenure without a start date starts with the timeline; unreadable dates draw nothing', () => {
  const registry = loadRegistry([{ path: 'registry.yaml', text: joinLines(
    'version: 1',
    'entities:',
    '  - id: land-minister',
    '    type: office',
    '    name: Minister of the Land',
    '    aliases: [Land Minister]',
    '  - id: ana-vale',
    '    type: person',
    '    name: Ana Vale',
    '    roles:',
    '      - office: land-minister',
    '        end: 2019-05',
    '  - id: bo-lind',
    '    type: person',
    '    name: Bo Lind',
    '    roles:',
    '      - office: land-minister',
    '        start: 2019-06',
    '        end: 2021',
  ) }]);
  const text = joinLines('---', 'date: 2024-02-02', '---', 'In March 2015, Land Minister Ana Vale opened the bridge.');
  const analysis = analyzeArticle('a.article', text, { registry, entityIndex: buildEntityIndex(registry) });
  const t = buildTimeline({ registry, articles: [{ path: 'a.article', analysis }], today: '2024-02-02' });
  assert.deepEqual(t.spans.map((s) => `${s.label} ${s.start}..${s.end}${s.openStart ? ' open-start' : ''}`), [
    'Ana Vale 2015-03-01..2019-05-31 open-start',
    'Bo Lind 2019-06-01..2021-12-31',
  ]);
  assert.deepEqual(t.markers.map((m) => `${m.label} ${m.start}..${m.end}`), ['Ana Vale as Minister of the Land 2015-03-01..2015-03-31']);
});
