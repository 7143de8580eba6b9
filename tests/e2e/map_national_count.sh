#!/usr/bin/env bash
# The national 2015 map draws all 393 municipalities of the CBS 2015 boundary
# file (counted independently from the TopoJSON), in PNG, SVG and PDF; the
# legend counts add up to 393; the credit line is there.
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"
want=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); \
print(len({g['properties']['statcode'] for o in d['objects'].values() for g in o['geometries']}))" \
  "$src/assets/geo/gemeente_2015.topojson")
[ "$want" = 393 ] || { echo "FAIL: the 2015 boundary file has $want municipalities"; exit 1; }
"$bin" map --indicator vrijstelling_5a --year 2014-2015 --national -o "$tmp/nl.png" \
  --debug-points >"$tmp/points.txt" 2>"$tmp/warn.txt"
n=$(cut -f1 "$tmp/points.txt" | sort -u | wc -l)
[ "$n" = "$want" ] || { echo "FAIL: $n municipalities drawn, expected $want"; exit 1; }
"$bin" map --indicator vrijstelling_5a --year 2014-2015 --national --explain --all >"$tmp/explain.txt" \
  2>/dev/null
n=$(tail -n +2 "$tmp/explain.txt" | cut -f1 | sort -u | wc -l)
[ "$n" = "$want" ] || { echo "FAIL: --explain lists $n municipalities, expected $want"; exit 1; }
grep -q "357 of 393 municipalities of 2015 are not in the data" "$tmp/warn.txt" ||
  { cat "$tmp/warn.txt"; echo "FAIL: expected the geen gegevens summary warning"; exit 1; }
# vector outputs: SVG parses as XML; PDF holds title, legend and credit as text
"$bin" map --indicator vrijstelling_5a --year 2014-2015 --national -o "$tmp/nl.svg" 2>/dev/null
python3 -c "import sys, xml.dom.minidom as m; m.parse(sys.argv[1])" "$tmp/nl.svg"
"$bin" map --indicator vrijstelling_5a --year 2014-2015 --national -o "$tmp/nl.pdf" 2>/dev/null
qpdf --check "$tmp/nl.pdf" >/dev/null
pdftotext "$tmp/nl.pdf" "$tmp/nl.txt" 2>/dev/null
for s in "Leerplichttelling 2015: Vrijstelling artikel 5 onder a 2014-2015 naar gemeenten" \
  "Bron grenzen: CBS/Kadaster (PDOK)" "5 of meer per 1.000" "geen gegevens" "non-respons"; do
  grep -qF "$s" "$tmp/nl.txt" || { echo "FAIL: '$s' not in the PDF"; exit 1; }
done
# legend counts per class (the numbers after the labels) sum to 393
python3 - "$tmp/nl.txt" <<'PY'
import re, sys
t = open(sys.argv[1], encoding="utf-8").read().split("\n")
labels = ["geen", "tot 1 per 1.000", "1 tot 2 per 1.000", "2 tot 3 per 1.000",
          "3 tot 5 per 1.000", "5 of meer per 1.000", "non-respons", "geen gegevens"]
nums = [int(l.replace(".", "")) for l in t if re.fullmatch(r"\d[\d.]*", l.strip())]
# pdftotext lists the 8 counts in legend order after the labels
counts = nums[:8]
assert sum(counts) == 393 and counts == [0, 7, 10, 12, 7, 0, 0, 357], counts
PY
echo "PASS"
