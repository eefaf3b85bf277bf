// Writes V8's code cache of the bundled CLI for bin/attache.js: `node scripts/code-cache.cjs
// server/out/cli.js ARGS...` loads the bundle with the loader bin/attache.js uses, runs the CLI
// with ARGS (a warm-up: the cache then holds the functions a run compiles, not only those
// compiled at load) and, as the process exits, writes BUNDLE.cache (bin/bundle-loader.js).
// Run by scripts/bundle.mjs with the output of the run discarded.
'use strict';
const path = require('node:path');
const { loadWritingCache } = require('../bin/bundle-loader.js');

const file = path.resolve(process.argv[2]);
const cli = loadWritingCache(file);
process.argv = [process.argv[0], file, ...process.argv.slice(3)];
cli.run();
