#!/usr/bin/env bash
# The two test levels inside VS Code (code-server): the in-host mocha suite and the browser
# end-to-end test against the packaged VSIX. Installs code-server and Chromium when missing.
# Prints "RESULT <level> <passed> <failed>" lines for scripts/test-all.sh.
set -uo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" = "0" ] || SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
if ! bash scripts/install-code-server.sh; then
  echo "RESULT in-host 0 1"; echo "RESULT browser-e2e 0 1"; exit 1
fi
counts() { # log -> "passed failed" from the closing line
  local line
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$1" | tail -1)
  if [ -z "$line" ]; then echo "0 1"; else echo "$line" | sed -E 's/^([0-9]+) passed, ([0-9]+) failed$/\1 \2/'; fi
}
mkdir -p artifacts
node test/vscode-harness/run-in-host.mjs 2>&1 | tee artifacts/in-host.log
echo "RESULT in-host $(counts artifacts/in-host.log)"
if npm run -s package >artifacts/package.log 2>&1; then
  node test/e2e/ui.mjs attache.vsix 2>&1 | tee artifacts/e2e.log
  echo "RESULT browser-e2e $(counts artifacts/e2e.log)"
else
  cat artifacts/package.log
  echo "RESULT browser-e2e 0 1"
fi
