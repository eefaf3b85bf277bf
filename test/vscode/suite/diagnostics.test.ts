/**
 * The Problems panel inside a real VS Code, before any article is opened (this file runs first:
 * the suite loads test files in name order). With default settings every planted problem of the
 * samples is in `vscode.languages.getDiagnostics()` at a severity the panel lists, and "Attaché:
 * Check Workspace" reports exactly as many problems as the panel lists. The expected problems are
 * the golden file's (`test/fixtures/golden/samples-check.json`, what `attache check samples` says).
 * Waits are on diagnostics events, never on fixed sleeps.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

interface GoldenDiagnostic {
  code: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  line: number;
}

const golden = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'golden', 'samples-check.json'), 'utf8')) as Record<string, GoldenDiagnostic[]>;
const SEVERITY: Record<GoldenDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

function root(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder is open');
  return f.uri;
}

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);
const ours = (ds: readonly vscode.Diagnostic[]): vscode.Diagnostic[] => ds.filter((d) => d.source === 'attache');
const summary = (ds: readonly vscode.Diagnostic[]): string => ours(ds).map((d) => `${codeOf(d)} ${d.severity} line ${d.range.start.line + 1}`).sort().join(', ');
const expected = (rel: string): string => golden[rel].map((g) => `${g.code} ${SEVERITY[g.severity]} line ${g.line}`).sort().join(', ');

/** Resolves once `predicate` holds, checked now and whenever any diagnostics change. */
function until<T>(compute: () => T, predicate: (x: T) => boolean, what: string, timeoutMs = 30000): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const x = compute();
      if (!predicate(x)) return;
      sub.dispose();
      clearTimeout(timer);
      resolve(x);
    };
    const sub = vscode.languages.onDidChangeDiagnostics(check);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}; now: ${JSON.stringify(compute())}`));
    }, timeoutMs);
    check();
  });
}

/** Attaché's diagnostics the Problems panel lists (it lists no hints), over the whole workspace. */
function listed(): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics().flatMap(([, ds]) => ours(ds)).filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint);
}

suite('The Problems panel', () => {
  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension('attache.attache');
    assert.ok(ext, 'the extension is installed');
    await ext.activate();
  });

  test('lists the planted problems of articles never opened', async () => {
    const articles = Object.keys(golden).filter((k) => k.startsWith('articles/'));
    for (const rel of articles) {
      const uri = vscode.Uri.joinPath(root(), ...rel.split('/'));
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), `${rel} is not open`);
      await until(() => summary(vscode.languages.getDiagnostics(uri)), (s) => s === expected(rel), `the problems of ${rel}`);
    }
    // The codes a user must act on that used to be hints: listed as information.
    const nato = ours(vscode.languages.getDiagnostics(vscode.Uri.joinPath(root(), 'articles', 'nato-japan-partnership.article')));
    for (const code of ['unknown-entity', 'boilerplate']) {
      assert.equal(nato.find((d) => codeOf(d) === code)?.severity, vscode.DiagnosticSeverity.Information, code);
    }
  });

  test('"Check Workspace" reports as many problems as the panel lists', async () => {
    const r = await vscode.commands.executeCommand<{ articles: number; registryFiles: number; errors: number; warnings: number; infos: number; hints: number }>('attache.checkWorkspace');
    assert.ok(r, 'the command returns its counts');
    assert.equal(r.articles, Object.keys(golden).filter((k) => k.startsWith('articles/')).length);
    const total = r.errors + r.warnings + r.infos;
    assert.equal(total, Object.values(golden).flat().length, 'the golden file\'s problems, no more');
    await until(() => listed().length, (n) => n === total, `${total} problems listed`);
    const bySeverity = (s: vscode.DiagnosticSeverity): number => listed().filter((d) => d.severity === s).length;
    assert.deepEqual([bySeverity(vscode.DiagnosticSeverity.Error), bySeverity(vscode.DiagnosticSeverity.Warning), bySeverity(vscode.DiagnosticSeverity.Information)], [r.errors, r.warnings, r.infos]);
    assert.equal(r.hints, 0);
  });
});
