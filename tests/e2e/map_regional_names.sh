#!/usr/bin/env bash
# The regional 2018 map of Zuid-Holland Zuid (vector PDF) names all 17
# municipalities of the region as real text, has its legend and the CBS
# credit, is a sound PDF with embedded fonts, and warns about nothing: every
# data row has a polygon and every polygon of the region has data.
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"
"$bin" map --indicator vrijstelling_5a --data "$src/data/zuid-holland-zuid/2017-2018" \
  --region "Zuid-Holland Zuid" -o "$tmp/zhz.pdf" 2>"$tmp/warn.txt"
[ ! -s "$tmp/warn.txt" ] || { cat "$tmp/warn.txt"; echo "FAIL: unexpected warnings"; exit 1; }
qpdf --check "$tmp/zhz.pdf" >/dev/null
pdffonts "$tmp/zhz.pdf" | awk 'NR>2 { if ($(NF-4) != "yes") bad=1; n++ } END { exit (bad || !n) }' ||
  { echo "FAIL: fonts not embedded"; exit 1; }
pdftotext "$tmp/zhz.pdf" "$tmp/zhz.txt" 2>/dev/null
# the region's members, from the data itself (not the map code)
tail -n +2 "$src/data/zuid-holland-zuid/2017-2018/leerplichtigen.csv" | cut -d, -f1,2 |
  grep -v '^totaal' | cut -d, -f2 >"$tmp/names.txt"
[ "$(wc -l <"$tmp/names.txt")" = 17 ] || { echo "FAIL: expected 17 names in the data"; exit 1; }
missing=0
while IFS= read -r name; do
  # each name once, on a line of its own: a label, not part of other text
  c=$(awk -v n="$name" '$0 == n {c++} END {print c + 0}' "$tmp/zhz.txt")
  [ "$c" = 1 ] || { echo "FAIL: '$name' appears $c times as a label"; missing=1; }
done <"$tmp/names.txt"
[ $missing = 0 ] || exit 1
for s in "Zuid-Holland Zuid" "Bron grenzen: CBS/Kadaster (PDOK)" "5 of meer per 1.000" \
  "3 tot 5 per 1.000" "kleine aantallen: klasse onzeker"; do
  grep -qF "$s" "$tmp/zhz.txt" || { echo "FAIL: '$s' not in the PDF"; exit 1; }
done
grep -qxE "[0-9]+ km" "$tmp/zhz.txt" || { echo "FAIL: no scale bar"; exit 1; }
# the neighbours are drawn but not named: no 2018 municipality outside the region
grep -qxF "Rotterdam" "$tmp/zhz.txt" && { echo "FAIL: a neighbour is labelled"; exit 1; }
# the region is the default map of this data set too
"$bin" map --indicator vrijstelling_5a --data "$src/data/zuid-holland-zuid/2017-2018" \
  --explain >"$tmp/explain.txt"
# a header row and the 17 municipalities
[ "$(wc -l <"$tmp/explain.txt")" = 18 ] || { echo "FAIL: default map is not the region"; exit 1; }
grep -qP '^GM0610\tSliedrecht\t31\t3.926\t7,9\t5 of meer per 1.000\t5,4 - 11,2\tnee$' "$tmp/explain.txt" ||
  { echo "FAIL: Sliedrecht line"; exit 1; }
echo "PASS"
