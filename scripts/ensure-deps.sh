#!/usr/bin/env bash
# Installs the npm packages from the lock file when node_modules/ is missing or was installed from
# another lock file. Shared by `npm start` and `npm test`, so both work on a fresh clone as the
# README says. The lock file's hash is kept in node_modules/.attache-lock-sha256: comparing
# contents, not dates, means a checkout that only touches the lock file's date reinstalls nothing.
# A node_modules that is a symbolic link (one install shared by several git worktrees) is left alone.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -L node_modules ]; then exit 0; fi
want=$(sha256sum package-lock.json | cut -d' ' -f1)
have=$(cat node_modules/.attache-lock-sha256 2>/dev/null || true)
if [ ! -f node_modules/.package-lock.json ] || [ "$want" != "$have" ]; then
  echo "Installing npm packages (npm ci)..."
  npm ci --no-audit --no-fund
  echo "$want" > node_modules/.attache-lock-sha256
fi
