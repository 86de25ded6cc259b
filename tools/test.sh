#!/usr/bin/env bash
# Installs what Arkisto needs and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
swift build --build-tests
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
swift test --skip-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One plain closing line for CI: the suite is Swift Testing (XCTest's own line reports 0 tests).
summary=$(grep -E "Test run with [0-9]+ tests?" "$log" | tail -1)
total=$(sed -E 's/.*Test run with ([0-9]+) tests?.*/\1/' <<<"$summary")
failed=$(grep -oE "with [0-9]+ issues?" <<<"$summary" | grep -oE "[0-9]+" || true)
if [ -n "$total" ]; then
  if [ "$status" -eq 0 ]; then
    echo "tests: $total passed, 0 failed"
  else
    echo "tests: $total run, ${failed:-some} failed"
  fi
fi
exit "$status"
