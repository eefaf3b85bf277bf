/**
 * The manifest's settings agree with the server: package.json's `attache.diagnostics.*` defaults
 * are the core's `DIAGNOSTIC_CODES` (the one definition of the default severities), every code has
 * its setting, and `attache.diagnostics.scope` offers exactly what the server reads.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIAGNOSTIC_CODES, NUMERIC_ORDERS } from '../../server/src/core/types';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../server/src/lsp/settings';
import { repoRoot } from '../helpers';

interface Property {
  default?: unknown;
  enum?: string[];
  scope?: string;
}

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, Property> } };
};
const properties = manifest.contributes.configuration.properties;
const PREFIX = 'attache.diagnostics.';

test('every diagnostic code has a setting whose default is the core default', () => {
  for (const [code, severity] of Object.entries(DIAGNOSTIC_CODES)) {
    const p = properties[`${PREFIX}${code}`];
    assert.ok(p, `package.json lacks ${PREFIX}${code}`);
    assert.equal(p.default, severity, `${PREFIX}${code}: package.json and core/types.ts disagree`);
    assert.deepEqual(p.enum, ['off', 'hint', 'information', 'warning', 'error']);
    assert.equal(p.scope, 'resource');
  }
  const settings = Object.keys(properties).filter((k) => k.startsWith(PREFIX)).map((k) => k.slice(PREFIX.length));
  assert.deepEqual(settings.filter((k) => !(k in DIAGNOSTIC_CODES)), ['scope'], 'a diagnostics setting names no code');
});

test('no code defaults to hint: the Problems panel lists every default finding', () => {
  assert.deepEqual(Object.entries(DIAGNOSTIC_CODES as Record<string, string>).filter(([, s]) => s === 'hint'), []);
});

test('attache.diagnostics.scope: workspace by default, or open; the server reads both and ignores garbage', () => {
  const p = properties[`${PREFIX}scope`];
  assert.deepEqual(p.enum, ['workspace', 'open']);
  assert.equal(p.default, DEFAULT_SETTINGS.diagnosticsScope);
  assert.equal(p.default, 'workspace');
  assert.equal(normalizeSettings({ diagnostics: { scope: 'open' } }).diagnosticsScope, 'open');
  assert.equal(normalizeSettings({ diagnostics: { scope: 'workspace', boilerplate: 'hint' } }).diagnosticsScope, 'workspace');
  assert.equal(normalizeSettings({ diagnostics: { scope: 'everything' } }).diagnosticsScope, 'workspace');
  assert.equal(normalizeSettings(undefined).diagnosticsScope, 'workspace');
  // The scope sits beside the severities in the same object: it is not taken for a code.
  assert.deepEqual(normalizeSettings({ diagnostics: { scope: 'open', boilerplate: 'hint' } }).core.severities, { boilerplate: 'hint' });
});

test('attache.dates.numericOrder: auto by default, or mdy, dmy; the server reads each and ignores garbage', () => {
  const p = properties['attache.dates.numericOrder'];
  assert.deepEqual(p.enum, [...NUMERIC_ORDERS]);
  assert.equal(p.default, 'auto');
  assert.equal(p.scope, 'resource');
  assert.equal(normalizeSettings({ dates: { numericOrder: 'dmy' } }).core.numericOrder, 'dmy');
  assert.equal(normalizeSettings({ dates: { numericOrder: 'mdy' } }).core.numericOrder, 'mdy');
  assert.equal(normalizeSettings({ dates: { numericOrder: 'ymd' } }).core.numericOrder, 'auto');
  assert.equal(normalizeSettings({ dates: 'dmy' }).core.numericOrder, 'auto');
  assert.equal(normalizeSettings(undefined).core.numericOrder, 'auto');
});
