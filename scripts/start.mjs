// `npm start` (after scripts/start.sh has installed and built): packages the extension, installs
// it into a cached code-server profile and serves VS Code on samples/ at a loopback address until
// Ctrl-C. The profile lives in .cache/start/ so settings and open editors survive restarts.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { installVsix, makeUserDataDir, startCodeServer } from '../test/vscode-harness/lib.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const STATE = path.join(ROOT, '.cache', 'start');
const folder = path.resolve(process.env.ATTACHE_FOLDER ?? path.join(ROOT, 'samples'));
const vsix = path.join(ROOT, 'attache.vsix');

function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

const wanted = Number(process.env.PORT ?? 8080);
const port = (await portFree(wanted)) ? wanted : undefined;
if (port === undefined) console.log(`Port ${wanted} is busy; using a free port instead.`);

fs.mkdirSync(STATE, { recursive: true });
const userDataDir = path.join(STATE, 'user-data');
if (!fs.existsSync(path.join(userDataDir, 'User', 'settings.json'))) makeUserDataDir(userDataDir, { 'editor.hover.delay': 300 });
const extensionsDir = path.join(STATE, 'extensions');
fs.rmSync(extensionsDir, { recursive: true, force: true });
fs.mkdirSync(extensionsDir, { recursive: true });
const logFile = path.join(STATE, 'code-server.log');
await installVsix({ vsix, userDataDir, extensionsDir, logFile });
const server = await startCodeServer({ userDataDir, extensionsDir, folder, logFile, port });
console.log(`\nAttaché is running in VS Code (code-server) on ${path.relative(ROOT, folder) || folder}:\n\n    ${server.url}/?folder=${encodeURIComponent(folder)}\n\nOpen it in a browser. Server log: ${path.relative(ROOT, logFile)}. Press Ctrl-C to stop.`);
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.proc.on('exit', (code) => {
  console.log(`code-server exited (${code}); see ${logFile}`);
  process.exit(code ?? 1);
});
