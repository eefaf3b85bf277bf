#!/usr/bin/env bash
# Installs the npm packages from the lock file when node_modules/ is missing or older than the
# lock file. Shared by `npm start` and `npm test`, so both work on a fresh clone as the README says.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm packages (npm ci)..."
  npm ci --no-audit --no-fund
fi
