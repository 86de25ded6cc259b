#!/usr/bin/env bash
# Section "tools" (PDF, image, scanned PDF, .doc, .xls, winmail.dat): made from the Finnish texts
# in Fixtures/sources by LibreOffice headless, poppler's pdftoppm and tnef_writer.py.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${FIXTURES:?run through tools/make-attachment-fixtures}"
src="$out/sources"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
soffice=(soffice --headless "-env:UserInstallation=file://$work/profile")

# A 2-page A4 PDF with a text layer.
python3 "$here/fodt.py" "$work/lasku.fodt" 21 29.7 12 "$src/lasku-sivu1.txt" "$src/lasku-sivu2.txt"
"${soffice[@]}" --convert-to pdf --outdir "$work" "$work/lasku.fodt" >/dev/null
cp "$work/lasku.pdf" "$out/lasku.pdf"

# A 200-dpi PNG "screenshot": a small LibreOffice page rendered by pdftoppm, grey.
python3 "$here/fodt.py" "$work/kuvakaappaus.fodt" 16 10 11 "$src/kuvakaappaus.txt"
"${soffice[@]}" --convert-to pdf --outdir "$work" "$work/kuvakaappaus.fodt" >/dev/null
pdftoppm -r 200 -gray -png -singlefile "$work/kuvakaappaus.pdf" "$out/kuvakaappaus"

# The same picture as LibreOffice Draw exports it (an A4 page at 96 dpi: 794 × 1123) in the
# other formats whose headers ImageSize reads.
mkdir -p "$out/images"
for format in gif jpg tiff webp; do
    "${soffice[@]}" --convert-to "$format" --outdir "$out/images" "$out/kuvakaappaus.png" >/dev/null
done

# An image-only (scanned) PDF: an A5 page rendered at 200 dpi in black and white, the PNG
# turned into a PDF by LibreOffice (Draw).
python3 "$here/fodt.py" "$work/sopimus.fodt" 14.8 21 11 "$src/skannattu-sopimus.txt"
"${soffice[@]}" --convert-to pdf --outdir "$work" "$work/sopimus.fodt" >/dev/null
mkdir "$work/scan"
pdftoppm -r 200 -mono -png -singlefile "$work/sopimus.pdf" "$work/scan/skannattu-sopimus"
"${soffice[@]}" --convert-to pdf --outdir "$work/scan" "$work/scan/skannattu-sopimus.png" >/dev/null
cp "$work/scan/skannattu-sopimus.pdf" "$out/skannattu-sopimus.pdf"

# Legacy Word and Excel files.
python3 "$here/fodt.py" "$work/muistio.fodt" 21 29.7 12 "$src/muistio.txt"
"${soffice[@]}" --convert-to doc --outdir "$work" "$work/muistio.fodt" >/dev/null
cp "$work/muistio.doc" "$out/muistio.doc"
"${soffice[@]}" --infilter=CSV:44,34,76 --convert-to xls --outdir "$work" "$src/reskontra.csv" >/dev/null
cp "$work/reskontra.xls" "$out/reskontra.xls"

# winmail.dat: a Finnish body, a text attachment, the PDF and the scanned PDF above.
cp "$src/winmail-liite.txt" "$work/aikajana.txt"
python3 "$here/tnef_writer.py" "$out/winmail.dat" "Katkoksen selvitys" "$src/winmail-body.txt" "$work/aikajana.txt" "$out/lasku.pdf" "$out/skannattu-sopimus.pdf"
tnef -t -f "$out/winmail.dat"

# Hostile files, each named for what it is.
mkdir -p "$out/hostile"
# A PDF that opens only with a password (LibreOffice's PDF export options).
python3 "$here/fodt.py" "$work/salattu.fodt" 14.8 21 11 "$src/muistio.txt"
"${soffice[@]}" --convert-to 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"salasana"}}' \
    --outdir "$work" "$work/salattu.fodt" >/dev/null
cp "$work/salattu.pdf" "$out/hostile/encrypted.pdf"
python3 "$here/hostile_tools.py" "$out" "$out/hostile"
ls -l "$out" "$out/hostile"
