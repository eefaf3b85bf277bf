#!/usr/bin/env node
// The `attache` command: runs the bundled CLI (built by `npm run build`).
//
// With V8's code cache of the bundle when `npm run build` wrote one (`server/out/cli.js.cache`,
// scripts/code-cache.cjs): the bundle's functions then come compiled to bytecode instead of
// being parsed and compiled at each start, some 50 ms of CPU per run (docs/performance.md).
'use strict';
const path = require('node:path');
const { loadCached } = require('./bundle-loader.js');

loadCached(path.join(__dirname, '..', 'server', 'out', 'cli.js')).run();
