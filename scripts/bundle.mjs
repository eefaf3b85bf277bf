// Bundles the language server, the CLI and the VS Code client with esbuild, so the extension and
// the VSIX need no node_modules at run time. `tsc -b` (type checking, tests) runs separately.
// The timeline webview's script (with d3) and style sheet are bundled for the browser into
// client/out/media/, the one folder the webview may load from (localResourceRoots).
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entries = [
  { in: 'server/src/server.ts', out: 'server/out/server.js' },
  { in: 'server/src/cli/main.ts', out: 'server/out/cli.js' },
  // The worker threads of `attache check/analyze --jobs N`, loaded from beside cli.js.
  { in: 'server/src/cli/jobsWorker.ts', out: 'server/out/jobsWorker.js' },
  { in: 'client/src/extension.ts', out: 'client/out/extension.js', external: ['vscode'] },
  { in: 'client/webview/timeline.ts', out: 'client/out/media/timeline.js', browser: true },
  { in: 'client/webview/timeline.css', out: 'client/out/media/timeline.css', browser: true },
];
const production = process.argv.includes('--production');
await Promise.all(entries.filter((e) => existsSync(join(root, e.in))).map((e) =>
  esbuild.build({
    absWorkingDir: root,
    entryPoints: [e.in],
    outfile: e.out,
    bundle: true,
    platform: e.browser ? 'browser' : 'node',
    format: e.browser ? 'iife' : 'cjs',
    target: e.browser ? 'es2022' : 'node18',
    sourcemap: !production,
    minify: production,
    external: e.external ?? [],
    logLevel: 'warning',
  })));
