#!/usr/bin/env bash
# Installs what Arkisto needs, builds it, imports the bundled Samples/ into ./arkisto.sqlite and
# runs a search. Run it again: the second import archives nothing new.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
swift build -c release --product arkisto
arkisto=.build/release/arkisto
$arkisto import mail Samples/mail
$arkisto search lasku
$arkisto quarantine list
