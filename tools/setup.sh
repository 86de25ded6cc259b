#!/usr/bin/env bash
# Installs the Debian libraries Arkisto builds against, when they are missing.
# Safe to run repeatedly: it does nothing when everything is already present.
set -euo pipefail

packages=(
  libsqlite3-dev   # SQLite headers GRDB compiles against (the programs link 3.54.1: tools/fetch-sqlite)
  git              # tools/fetch-sqlite fetches SQLite with it
  libicu-dev       # charset converters, word segmentation, normalisation
  libstemmer-dev   # Snowball stemmers (Finnish)
  libvoikko-dev    # Finnish morphology
  voikko-fi        # the Finnish dictionary Voikko reads
  libzstd-dev      # compression of archived originals
  libssl-dev       # SHA-256 (libcrypto)
  pkg-config
  sqlite3          # the sqlite3 shell: tests tamper with the audit log through it
  isync            # mbsync: the IMAP capture mirrors a mailbox read-only with it
  dovecot-imapd    # a real IMAP server on loopback for the IMAP capture tests (tools/capture/dovecot.py)
  openssl          # the throw-away CA and server certificate of that test server
  zlib1g-dev       # inflating ZIP entries: Office Open XML, OpenDocument, .zip attachments
  poppler-utils    # pdftotext, pdfinfo, pdftoppm: PDF text layers and page images for OCR
  tesseract-ocr    # OCR of images and scanned PDF pages
  tesseract-ocr-fin
  tesseract-ocr-swe
  tesseract-ocr-eng
  antiword         # legacy Word .doc
  catdoc           # catdoc, xls2csv, catppt: legacy Word, Excel and PowerPoint
  tnef             # Outlook winmail.dat
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# SQLite 3.54.1 for the CSQLite target (see tools/fetch-sqlite).
"$(dirname "$0")/fetch-sqlite"
