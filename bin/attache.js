#!/usr/bin/env node
// The `attache` command: runs the bundled CLI (built by `npm run build`).
//
// With V8's code cache of the bundle when `npm run build` wrote one (`server/out/cli.js.cache`,
// scripts/code-cache.cjs): the bundle's functions then come compiled to bytecode instead of
// being parsed and compiled at each start, some 50 ms of CPU per run (docs/performance.md). The
// cache starts with the SHA-1 of the bundle it was made from and is used only for that bundle
// (V8 itself checks only its length); V8 rejects it for another Node or other V8 flags, and the
// bundle is then compiled as without it.
'use strict';
const path = require('node:path');

function load(file) {
  let script;
  try {
    const fs = require('node:fs');
    const data = fs.readFileSync(`${file}.cache`);
    const source = fs.readFileSync(file, 'utf8');
    const hash = require('node:crypto').createHash('sha1').update(source).digest();
    if (data.length > hash.length && hash.equals(data.subarray(0, hash.length))) {
      const { Script } = require('node:vm');
      script = new Script(require('node:module').wrap(source), { filename: file, cachedData: data.subarray(hash.length) });
    }
  } catch {
    script = undefined;
  }
  if (!script) return require(file);
  const m = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext().call(m.exports, m.exports, require('node:module').createRequire(file), m, file, path.dirname(file));
  m.loaded = true;
  return m.exports;
}

load(path.join(__dirname, '..', 'server', 'out', 'cli.js')).run();
