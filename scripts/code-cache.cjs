// Writes V8's code cache of the bundled CLI for bin/attache.js: `node scripts/code-cache.cjs
// server/out/cli.js ARGS...` loads the bundle as bin/attache.js does, runs the CLI with ARGS (a
// warm-up: the cache then holds the functions a run compiles, not only those compiled at load)
// and, as the process exits, writes BUNDLE.cache: the SHA-1 of the bundle, then the cache.
// Run by scripts/bundle.mjs with the output of the run discarded.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { Script } = require('node:vm');
const { createHash } = require('node:crypto');
const Module = require('node:module');

const file = path.resolve(process.argv[2]);
const source = fs.readFileSync(file, 'utf8');
const hash = createHash('sha1').update(source).digest();
const script = new Script(Module.wrap(source), { filename: file });
process.on('exit', () => fs.writeFileSync(`${file}.cache`, Buffer.concat([hash, script.createCachedData()])));
const m = { exports: {}, filename: file, id: file, loaded: false };
script.runInThisContext().call(m.exports, m.exports, Module.createRequire(file), m, file, path.dirname(file));
process.argv = [process.argv[0], file, ...process.argv.slice(3)];
m.exports.run();
