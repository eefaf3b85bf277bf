// Registry cross-checks stay linear on entities with many forms and on forms shared by many
// entities (issue #14, item 4): an entity's own repeated aliases count once whatever their number,
// and an alias-collision message names at most ten others ("and N more").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRegistry } from '../../server/src/core/registry';

function registry(lines: string[]): string {
  return ['version: 1', 'entities:', ...lines, ''].join('\n');
}

test('an entity with many aliases, some repeated, collides with nobody', () => {
  const aliases: string[] = [];
  for (let i = 0; i < 2000; i++) aliases.push(`      - Envoy Alias ${i}`, `      - envoy alias ${i}`.replace('envoy alias', 'Envoy Alias'));
  const snap = loadRegistry([{ path: 'r.yaml', text: registry(['  - id: envoy', '    type: person', '    name: Special Envoy', '    aliases:', ...aliases]) }]);
  assert.equal(snap.entities.size, 1);
  const findings = [...snap.files.values()][0].findings;
  assert.deepEqual(findings.filter((f) => f.code === 'alias-collision'), []);
});

test('a name shared by many entities gives short messages that count the rest', () => {
  const lines: string[] = [];
  for (let k = 0; k < 40; k++) lines.push(`  - id: person-${k}`, '    type: person', '    name: Ahmed Hassan');
  const snap = loadRegistry([{ path: 'r.yaml', text: registry(lines) }]);
  const collisions = [...snap.files.values()][0].findings.filter((f) => f.code === 'alias-collision');
  assert.equal(collisions.length, 40);
  assert.match(collisions[0].message, /^'Ahmed Hassan' is also a name of 'person-1', 'person-2', .*'person-10' and 29 more: /);
  assert.equal(collisions[0].related?.length, 10);
});
