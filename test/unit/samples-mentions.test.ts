/**
 * Every mention in every sample article, linked as a person would link it: the expected ids are
 * written down in test/fixtures/samples-mentions.json (reviewed by hand), so a lost link, a false
 * link or a new false mention fails. The analysis is the CLI's (registry, sidecars and all).
 * UPDATE_GOLDEN=1 rewrites the fixture; review its diff.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { loadProject } from '../../server/src/cli/project';
import { fixturesDir, repoRoot, samplesDir } from '../helpers';

const FIXTURE = join(fixturesDir, 'samples-mentions.json');

test('samples: every mention is linked to the expected entity, with no false links', () => {
  const project = loadProject({ cwd: repoRoot, paths: [join(samplesDir, 'articles')], registryGlobs: [] });
  assert.deepEqual(project.errors, []);
  const actual: Record<string, string[]> = {};
  for (const a of project.articles) {
    const key = relative(samplesDir, a.file).split(sep).join('/');
    actual[key] = a.analysis.entities.map((m) => {
      const id = m.id ?? (m.candidates.length ? `ambiguous:${m.candidates.join('|')}` : `unknown:${m.type}`);
      return `${m.text} → ${id}${m.office ? ` [${m.office}]` : ''}`;
    });
  }
  if (process.env.UPDATE_GOLDEN) writeFileSync(FIXTURE, JSON.stringify(actual, null, 2) + '\n');
  const expected = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, string[]>;
  assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort());
  for (const k of Object.keys(expected)) assert.deepEqual(actual[k], expected[k], k);
  // The planted cases: unknown officials (Jasem Mohamed Albudaiwi next to an office of the registry), a
  // place and an organization the registry lacks, one ambiguous surname, nothing else unlinked.
  const unlinked = Object.values(actual).flat().filter((x) => /→ (unknown|ambiguous):/.test(x));
  assert.deepEqual(unlinked, [
    'Strait of Hormuz → unknown:place', 'Jasem Mohamed Albudaiwi → unknown:person', 'Jasem Mohamed Albudaiwi → unknown:person',
    'European Union → unknown:organization', 'Yousef Al-Dosari → unknown:person',
    'Osamu Izawa → unknown:person', 'Hayashi → ambiguous:hayashi-yoshimasa|hayashi-mitsuko',
  ]);
});

test('samples: every mention has the same fields in the same order (one object shape), whatever its kind', () => {
  // Unknown, nested, office-holding and annotated mentions alike (entityMention): code reading
  // mentions then sees one shape, not one per combination of optional fields.
  const project = loadProject({ cwd: repoRoot, paths: [join(samplesDir, 'articles')], registryGlobs: [] });
  const all = project.articles.flatMap((a) => a.analysis.entities);
  const shapes = new Set(all.map((m) => Object.keys(m).join(',')));
  assert.deepEqual([...shapes], ['start,end,text,type,id,candidates,form,office,officeRange,guessedType,confidence,nested,annotation']);
  for (const kind of ['unknown', 'annotation'] as const) assert.ok(all.some((m) => m.form === kind), `the samples have ${kind} mentions`);
  assert.ok(all.some((m) => m.nested) && all.some((m) => m.office), 'the samples have nested mentions and office holders');
});
