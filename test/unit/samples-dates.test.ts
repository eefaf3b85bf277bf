/**
 * The two samples written for issue 13 (`samples/articles/iwaya-qatar-energy.article`,
 * `wadephul-tokyo-visit.article`), where the date a check uses decides whether a warning is right:
 * a title judged at a date written after the name, "said Friday" in an article published on a
 * Friday, and a meeting that "would be held on Monday" in an article published on a Sunday.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadProject } from '../../server/src/cli/project';
import { jsonDates } from '../../server/src/cli/report';
import { referenceDate } from '../../server/src/core/reference';
import { samplesDir } from '../helpers';


const project = loadProject({ cwd: samplesDir, paths: [join(samplesDir, 'articles')], registryGlobs: [] });
function sample(name: string) {
  const a = project.articles.find((x) => x.file.endsWith(name));
  assert.ok(a, `${name} is not among the samples`);
  return a.analysis;
}

test('sample iwaya-qatar-energy: a title is judged at the date after the name, not the publication date', () => {
  const a = sample('iwaya-qatar-energy.article');
  assert.equal(a.article.publicationDate, '2025-10-17');
  assert.equal(a.article.publicationDateSource, 'dateline');
  const hayashi = a.entities.find((m) => m.id === 'hayashi-yoshimasa')!;
  assert.equal(hayashi.office, 'japan-foreign-minister');
  const start = Math.min(hayashi.start, hayashi.officeRange![0]);
  const ref = referenceDate(a.article, a.dates, start, hayashi.end);
  assert.deepEqual([ref.value, ref.source, ref.date?.text], ['2023-01-31', 'sentence', '31 January 2023']);
  // Hayashi was Foreign Minister from 2021-11-10 to 2023-09-13: right on 31 January 2023, wrong at
  // the publication date. No role-conflict on his line, nor an event-date-conflict for the dialogue.
  const line = a.article.text.indexOf('The agenda goes back');
  const onLine = a.findings.filter((f) => f.start >= line && f.start < a.article.text.indexOf('\n', line));
  assert.deepEqual(onLine, []);
});

test('sample iwaya-qatar-energy: the dateline date is the creation time in analyze --json', () => {
  const a = sample('iwaya-qatar-energy.article');
  const dates = jsonDates(a);
  assert.deepEqual(dates[0], { start: 0, end: 24, text: 'Friday, October 17, 2025', value: '2025-10-17', kind: 'absolute', type: 'DATE', anchor: 'none', function: 'CREATION_TIME' });
  assert.equal(dates.filter((d) => d.function).length, 1);
});

test('sample iwaya-qatar-energy: "said Friday" on a Friday is the publication day, so Iwaya is rightly Foreign Minister', () => {
  const a = sample('iwaya-qatar-energy.article');
  const friday = a.dates.find((d) => d.text === 'Friday')!;
  assert.equal(friday.value, '2025-10-17');
  assert.deepEqual(a.findings.filter((f) => f.code === 'role-conflict'), []);
});

test('sample wadephul-tokyo-visit: "would be held on Monday" on a Sunday is the next day, as the registry dates the dialogue', () => {
  const a = sample('wadephul-tokyo-visit.article');
  assert.equal(a.article.publicationDate, '2025-08-17');
  assert.deepEqual(a.dates.filter((d) => d.text.endsWith('Monday')).map((d) => d.value), ['2025-08-18', '2025-08-18']);
  assert.deepEqual(a.findings.filter((f) => f.code === 'event-date-conflict'), []);
});
