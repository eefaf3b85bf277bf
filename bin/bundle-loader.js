// Loads a CommonJS bundle the way `require` would, optionally through V8's code cache: one
// loader for the reader (bin/attache.js) and the writer (scripts/code-cache.cjs), so that the
// cache is always made from the script it is read back into.
//
// The cache file (`BUNDLE.cache`) starts with the SHA-1 of the bundle it was made from and is used
// only for that bundle: V8 itself checks only the source's length. V8 rejects it for another Node
// or other V8 flags, and the bundle is then compiled as without it.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { Script } = require('node:vm');
const { createHash } = require('node:crypto');

function sha1(source) {
  return createHash('sha1').update(source).digest();
}

/** Runs the wrapped bundle as a module and returns its exports. */
function run(script, file) {
  const m = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext().call(m.exports, m.exports, Module.createRequire(file), m, file, path.dirname(file));
  m.loaded = true;
  return m.exports;
}

/** The bundle's exports, compiled from `FILE.cache` when it was made from this very bundle. */
function loadCached(file) {
  let script;
  try {
    const data = fs.readFileSync(`${file}.cache`);
    const source = fs.readFileSync(file, 'utf8');
    const hash = sha1(source);
    if (data.length > hash.length && hash.equals(data.subarray(0, hash.length))) {
      script = new Script(Module.wrap(source), { filename: file, cachedData: data.subarray(hash.length) });
    }
  } catch {
    script = undefined;
  }
  return script ? run(script, file) : require(file);
}

/**
 * The bundle's exports, compiled from source; `FILE.cache` is written as the process exits, so
 * that it holds what the process compiled (a warm-up run), not only what loading compiles.
 */
function loadWritingCache(file) {
  const source = fs.readFileSync(file, 'utf8');
  const script = new Script(Module.wrap(source), { filename: file });
  process.on('exit', () => fs.writeFileSync(`${file}.cache`, Buffer.concat([sha1(source), script.createCachedData()])));
  return run(script, file);
}

module.exports = { loadCached, loadWritingCache };
