#!/usr/bin/env bash
# Installs what Arkisto needs, builds it, imports the bundled Samples/ (register, mail, helpdesk,
# calls) into ./arkisto.sqlite and shows what an agent sees. Run it again: nothing new is archived.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
swift build -c release --product arkisto
arkisto=.build/release/arkisto
$arkisto settings own-domains esimerkkiverkko.fi
$arkisto import customers Samples/register/customers.jsonl
$arkisto import mail Samples/mail
$arkisto import helpdesk Samples/helpdesk/tickets.jsonl
$arkisto import calls Samples/calls/cdr.csv
echo; echo '$ arkisto search laskuja'
$arkisto search laskuja --limit 5
echo; echo '$ arkisto search attachment:laskutusvirhe   # a word only the attached PDF invoice holds'
$arkisto search attachment:laskutusvirhe
echo; echo '$ arkisto customer show matti.virtanen@example.fi'
$arkisto customer show matti.virtanen@example.fi
echo; echo '$ arkisto complaints'
$arkisto complaints
echo; echo '$ arkisto quarantine list'
$arkisto quarantine list
