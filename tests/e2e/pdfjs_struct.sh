#!/usr/bin/env bash
# pdf.js (pdfjs-dist from npm, installed into the build directory from the committed
# tests/pdfjs/package-lock.json) reads the structure tree of the report and the annex:
# every page has one, and its text holds every heading, table header cell and figure
# text alternative of --outline-text in template order.
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"
mods=$(cd "$(dirname "$bin")" && pwd)/pdfjs

mkdir -p "$mods"
(
  flock 9
  if ! cmp -s "$here/../pdfjs/package-lock.json" "$mods/package-lock.json" ||
    [ ! -f "$mods/node_modules/pdfjs-dist/legacy/build/pdf.mjs" ]; then
    cp "$here/../pdfjs/package.json" "$here/../pdfjs/package-lock.json" "$mods/"
    (cd "$mods" && npm ci --omit=optional --ignore-scripts --no-audit --no-fund >/dev/null)
  fi
) 9>"$mods/.lock"

annex=(--template "$src/templates/ministerie-bijlage/bijlage.md" --data "$src/data/g4-g32/2014-2015")
"$bin" report -o "$tmp/report.pdf" 2>/dev/null
"$bin" report --outline-text >"$tmp/report.txt" 2>/dev/null
"$bin" report "${annex[@]}" -o "$tmp/annex.pdf" 2>/dev/null
"$bin" report "${annex[@]}" --outline-text >"$tmp/annex.txt" 2>/dev/null
for f in report annex; do
  node "$here/lib/pdfjs_struct.mjs" "$mods/node_modules" "$tmp/$f.pdf" >"$tmp/$f.pdfjs" \
    2>"$tmp/$f.err" || { cat "$tmp/$f.err"; bad "$f: pdf.js found no structure tree"; continue; }
  python3 "$here/lib/struct_order.py" "$tmp/$f.txt" "$tmp/$f.pdfjs" || bad "$f: pdf.js structure text"
done
python3 "$here/lib/struct_order.py" "$tmp/report.txt" "$tmp/report.pdfjs" \
  "Zuid-Holland Zuid=76.533" "Korendijk=0,6" || bad "report: pdf.js table rows"
e2e_end
