#!/usr/bin/env bash
# `npm start`: from a fresh clone, install what is missing (npm packages, code-server in .cache/),
# build and package the extension, and open VS Code in the browser on samples/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/install-code-server.sh
npm run -s build
npm run -s package >/dev/null
exec node scripts/start.mjs
