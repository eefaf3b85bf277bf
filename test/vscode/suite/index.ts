/**
 * Mocha entry point loaded by VS Code inside the extension host (`extensionTestsPath`), under
 * @vscode/test-electron or code-server alike. Runs every `*.test.js` next to it and writes a JSON
 * summary to $ATTACHE_VSCODE_RESULTS for the harness; run() rejects when a test fails.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface Result {
  title: string;
  state: 'passed' | 'failed';
  error?: string;
  durationMs?: number;
}

export function run(): Promise<void> {
  const resultsFile = process.env.ATTACHE_VSCODE_RESULTS;
  // ATTACHE_VSCODE_GREP runs only the tests whose full title matches (a quicker loop while developing).
  const grep = process.env.ATTACHE_VSCODE_GREP;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000, ...(grep ? { grep } : {}) });
  for (const f of fs.readdirSync(__dirname).sort()) if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  const results: Result[] = [];
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const summary = { passed: results.filter((r) => r.state === 'passed').length, failed: failures, durationMs: Date.now() - started, results };
      if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify(summary, null, 2));
      console.log(`${summary.passed} passed, ${summary.failed} failed`);
      if (failures > 0) reject(new Error(`${failures} tests failed.`));
      else resolve();
    });
    runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
    runner.on('fail', (t, err) => results.push({ title: t.fullTitle(), state: 'failed', error: String((err as Error)?.stack ?? err) }));
  });
}
