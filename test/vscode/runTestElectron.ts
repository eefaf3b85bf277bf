/**
 * Runs the in-host suite with @vscode/test-electron, for machines where desktop VS Code can be
 * downloaded or is given by path (VSCODE_EXECUTABLE). On this project's CI machines the same
 * suite runs through code-server instead (test/vscode-harness/run-in-host.mjs).
 */

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..', '..');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'attache-samples-'));
  fs.cpSync(path.join(root, 'samples'), workspace, { recursive: true });
  await runTests({
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
