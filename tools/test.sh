#!/usr/bin/env bash
# Installs what Arkisto needs and runs the whole test suite: the Swift tests, then every fuzz target
# of tools/fuzz for a short while (ARKISTO_FUZZ_SECONDS each, default 30; 0 skips), then the browser
# test of the web app (tools/browser-test: headless Chromium against `arkisto serve` on Samples/), after
# the hostile-attachments test and the capture tests (tools/capture/: Maildir, CDR, kill -9, IMAP with
# a real Dovecot).
# ARKISTO_BROWSER_TEST=0 skips the browser test.
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

# A step after the Swift tests: prints "LABEL: passed" or "LABEL: FAILED"; a failure fails the run.
after_tests() {
  local label=$1 result
  shift
  set +e
  "$@"
  result=$?
  set -e
  if [ "$result" -eq 0 ]; then
    echo "$label: passed"
  else
    echo "$label: FAILED"
    [ "$status" -ne 0 ] || status=$result
  fi
}

# Coverage-guided fuzzing (libFuzzer), two targets at once (one a core): one line per target with
# its executions and crashes; a crasher fails the run and is printed in base64 (reproduce it with
# `tools/fuzz repro TARGET FILE`).
fuzz_seconds=${ARKISTO_FUZZ_SECONDS:-30}
if [ "$fuzz_seconds" != 0 ]; then
  after_tests fuzzing env ARKISTO_FUZZ_JOBS="${ARKISTO_FUZZ_JOBS:-2}" bash tools/fuzz all "$fuzz_seconds"
fi

# The arithmetic and table of tools/bench (import windows from progress lines, verdicts of the cost
# curve, the byte scan): no archive, under a second.
after_tests "bench tools" python3 tools/test_bench_tools.py

# Hostile attachments end to end (issue 15): every file of Tests/ExtractTests/Fixtures/hostile/ (PDF,
# image, ZIP, Office, RTF, TNEF and forward bombs) attached to its own message, imported and passed over
# by the OCR pass: all archived, each with its reason, no crash or hang, RSS under 500 MiB.
after_tests "hostile attachments" python3 tools/hostile-attachments-test --binary "$PWD/.build/debug/arkisto"

# Continuous capture against real feeds, with the debug binary: a Maildir written as an MDA does,
# Asterisk's CDR appended to and rotated with transcripts coming later, kill -9 of `watch` at 10
# random moments under all feeds, and IMAP through a real Dovecot on loopback (tools/capture/).
# ARKISTO_CAPTURE_TESTS=0 skips them.
if [ "${ARKISTO_CAPTURE_TESTS:-1}" != 0 ]; then
  for script in maildir-test cdr-test kill-test imap-test; do
    after_tests "capture $script" python3 "tools/capture/$script" --binary "$PWD/.build/debug/arkisto"
  done
  # The systemd units of tools/systemd/ (systemd-analyze verify and security, offline; skipped without systemd).
  after_tests "systemd units" bash tools/systemd/verify --binary "$PWD/.build/debug/arkisto"
fi

# The browser test reuses the debug binary `swift build` just made.
if [ "${ARKISTO_BROWSER_TEST:-1}" != 0 ]; then
  after_tests "browser test" bash tools/browser-test --binary .build/debug/arkisto
fi
exit "$status"
