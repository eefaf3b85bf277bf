// Bundles the language server, the CLI and the VS Code client with esbuild, so the extension and
// the VSIX need no node_modules at run time. `tsc -b` (type checking, tests) runs separately.
// The timeline webview's script (with d3) and style sheet are bundled for the browser into
// client/out/media/, the one folder the webview may load from (localResourceRoots).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
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

// V8's code cache of the CLI (bin/attache.js loads it: some 50 ms less CPU per run), made by a
// warm-up run over the samples with this Node. Without it (a failed run) the CLI compiles the
// bundle at each start, as before.
const cli = join(root, 'server/out/cli.js');
rmSync(`${cli}.cache`, { force: true });
if (existsSync(cli) && existsSync(join(root, 'samples'))) {
  const r = spawnSync(process.execPath, [join(root, 'scripts/code-cache.cjs'), cli, 'check', '--format', 'json', 'samples'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0 && r.status !== 1) console.warn(`bundle: no code cache for the CLI (warm-up run exited ${r.status}): ${r.stderr}`);
}
