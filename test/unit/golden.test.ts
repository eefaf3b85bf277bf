/**
 * Golden test: what `attache check samples` reports, kept in `test/fixtures/golden/samples-check.json`
 * so that any new false positive (or a lost true positive) fails. The samples plant known problems;
 * the golden file was reviewed by hand to hold only those.
 *
 * The analysis is the CLI's, built from the same parts: the articles and registry files found by
 * the default globs (`node/files.ts`), the core pipeline per article, and the workspace index for
 * cross-article findings. Each diagnostic is recorded with its line and the text it covers, so a
 * change shows up readably in the diff. Run with UPDATE_GOLDEN=1 to rewrite the file, then review
 * the diff.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { analyzeArticle } from '../../server/src/core/analyze';
import { buildEntityIndex } from '../../server/src/core/entities';
import { LineIndex } from '../../server/src/core/lines';
import { RegistryStore } from '../../server/src/core/registry';
import { Finding } from '../../server/src/core/types';
import { WorkspaceIndex } from '../../server/src/core/workspace';
import { DEFAULT_ARTICLE_GLOBS, DEFAULT_REGISTRY_GLOBS, findFiles, readTextFile } from '../../server/src/node/files';
import { fixturesDir, samplesDir } from '../helpers';

const GOLDEN = join(fixturesDir, 'golden', 'samples-check.json');

interface GoldenDiagnostic {
  code: string;
  severity: string;
  line: number;
  start: number;
  end: number;
  text: string;
  message: string;
}

function rel(file: string): string {
  return relative(samplesDir, file).split(sep).join('/');
}

function record(text: string, fs: readonly Finding[]): GoldenDiagnostic[] {
  const li = new LineIndex(text);
  return [...fs]
    .sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code))
    .map((f) => {
      const covered = text.slice(f.start, f.end).replace(/\s+/g, ' ');
      return {
        code: f.code, severity: f.severity, line: li.position(f.start).line + 1, start: f.start, end: f.end,
        text: covered.length > 80 ? `${covered.slice(0, 77)}...` : covered,
        message: f.message,
      };
    });
}

/** The `attache check samples` result, as plain data. */
function checkSamples(): Record<string, GoldenDiagnostic[]> {
  const registryFiles = findFiles(samplesDir, DEFAULT_REGISTRY_GLOBS);
  const store = new RegistryStore();
  for (const f of registryFiles) {
    const r = readTextFile(f);
    assert.ok(r.ok, r.ok ? '' : r.error);
    store.setFile(f, r.text);
  }
  const registry = store.snapshot();
  const entityIndex = buildEntityIndex(registry);
  const registrySet = new Set(registryFiles);
  const articles = findFiles(samplesDir, DEFAULT_ARTICLE_GLOBS).filter((f) => !registrySet.has(f));
  const workspace = new WorkspaceIndex(registry);
  const loaded: { file: string; text: string; findings: Finding[] }[] = [];
  for (const f of articles) {
    const r = readTextFile(f);
    assert.ok(r.ok, r.ok ? '' : r.error);
    const sidecar = existsSync(`${f}.annotations.yaml`) ? readFileSync(`${f}.annotations.yaml`, 'utf8') : undefined;
    const a = analyzeArticle(f, r.text, { registry, entityIndex }, sidecar);
    workspace.update(f, a);
    loaded.push({ file: f, text: r.text, findings: a.findings });
  }
  const out: Record<string, GoldenDiagnostic[]> = {};
  for (const a of loaded) out[rel(a.file)] = record(a.text, [...a.findings, ...workspace.findingsFor(a.file)]);
  for (const [path, status] of registry.files) out[rel(path)] = record(status.text, status.findings);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const haveSamples = existsSync(samplesDir) && findFiles(samplesDir, DEFAULT_ARTICLE_GLOBS).length > 0;

test('attache check samples reports exactly the planted problems (golden file)', { skip: haveSamples ? false : 'samples/ has no articles yet' }, () => {
  const actual = checkSamples();
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(GOLDEN), { recursive: true });
    writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 2)}\n`);
  }
  assert.ok(existsSync(GOLDEN), `${GOLDEN} is missing: run the tests with UPDATE_GOLDEN=1, then review it by hand`);
  const expected = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, GoldenDiagnostic[]>;
  assert.deepEqual(Object.keys(actual), Object.keys(expected), 'the set of sample files changed');
  for (const file of Object.keys(expected)) assert.deepEqual(actual[file], expected[file], `diagnostics of ${file} differ from the golden file`);
});
