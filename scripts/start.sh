#!/usr/bin/env bash
# `npm start`: from a fresh clone, install what is missing (npm packages, code-server in .cache/),
# build and package the extension, and open VS Code in the browser on samples/.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
bash scripts/install-code-server.sh
npm run -s build
npm run -s package >/dev/null
exec node scripts/start.mjs
