#!/usr/bin/env node
// The `attache` command: runs the bundled CLI (built by `npm run build`).
require('../server/out/cli.js').run();
