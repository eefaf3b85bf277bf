#!/usr/bin/env bash
# `npm test`: every test level, in order of cost, with the counts of each and a closing
# "N passed, N failed" line. Exits non-zero if anything failed.
#   1. lint (architecture rules)      2. unit tests of the core and the CLI (node --test)
#   3. protocol tests (built server over stdio)
#   3b. the Dask example (test/dask/run.mjs): a scheduler and two workers on 127.0.0.1 run
#      examples/dask/attache_dask.py; needs Debian's python3-distributed (fails without it only
#      under CI=true, and says how to install it)
#   4. in-host tests inside VS Code (code-server) and 5. browser end-to-end tests (Playwright),
#      both through scripts/vscode-tests.sh, which installs code-server and Chromium when missing.
#   6. the README's `npm start` on a fresh copy of the project (test/start/fresh-start.mjs): it
#      installs everything from nothing, serves VS Code, answers HTTP 200 and stops on Ctrl-C.
# npm packages are installed first when node_modules/ is missing (a fresh clone), so `npm test` is
# the one command CI runs after the Debian packages.
# Set ATTACHE_SKIP_VSCODE=1 to run levels 1-3 only (a quick local loop); CI never sets it.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p artifacts
total_pass=0
total_fail=0
summary=()

record() { # name pass fail
  summary+=("$(printf '%-22s %4d passed, %d failed' "$1" "$2" "$3")")
  total_pass=$((total_pass + $2))
  total_fail=$((total_fail + $3))
}

run_node_tests() { # name dir
  local name=$1 dir=$2 log="artifacts/$1.tap"
  # Test files are listed by the shell: Node 20 takes a folder, Node 22 reads arguments as globs
  # and no longer expands a folder, so only a file list means the same to both.
  node --test --test-reporter=tap "$dir"/*.test.js >"$log" 2>&1
  local rc=$?
  local pass fail
  pass=$(grep -E '^# pass ' "$log" | tail -1 | awk '{print $3}')
  fail=$(grep -E '^# fail ' "$log" | tail -1 | awk '{print $3}')
  pass=${pass:-0}
  fail=${fail:-0}
  if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then fail=1; fi
  if [ "$fail" -ne 0 ]; then
    echo "---- $name failures (full log: $log) ----"
    grep -E '^not ok|^\s+(error|expected|actual|location):' "$log" | head -60
  fi
  record "$name" "$pass" "$fail"
}

bash scripts/ensure-deps.sh || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }

echo "== build"
if ! npm run -s build; then echo "build failed"; echo "0 passed, 1 failed"; exit 1; fi

echo "== lint"
if npm run -s lint; then record lint 1 0; else record lint 0 1; fi

echo "== unit tests"
run_node_tests unit build/test/unit
echo "== protocol tests"
run_node_tests protocol build/test/protocol

echo "== Dask example"
node test/dask/run.mjs 2>&1 | tee artifacts/dask.txt
line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' artifacts/dask.txt | tail -1)
if [ -z "$line" ]; then record dask 0 1
else record dask "$(echo "$line" | awk '{print $1}')" "$(echo "$line" | awk '{print $3}')"; fi

if [ "${ATTACHE_SKIP_VSCODE:-}" != "1" ] && [ -x scripts/vscode-tests.sh ]; then
  echo "== tests inside VS Code"
  # Prints "LEVEL PASS FAIL" lines for the in-host and browser levels.
  while read -r level pass fail; do
    record "$level" "$pass" "$fail"
  done < <(bash scripts/vscode-tests.sh | tee artifacts/vscode-tests.log | grep -E '^RESULT ' | sed 's/^RESULT //')
fi

if [ "${ATTACHE_SKIP_VSCODE:-}" != "1" ]; then
  echo "== npm start on a fresh copy"
  node test/start/fresh-start.mjs 2>&1 | tee artifacts/fresh-start.txt
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' artifacts/fresh-start.txt | tail -1)
  if [ -z "$line" ]; then record fresh-start 0 1
  else record fresh-start "$(echo "$line" | awk '{print $1}')" "$(echo "$line" | awk '{print $3}')"; fi
fi

echo
echo "== summary"
printf '%s\n' "${summary[@]}"
echo "${total_pass} passed, ${total_fail} failed"
[ "$total_fail" -eq 0 ]
