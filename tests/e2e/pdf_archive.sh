#!/usr/bin/env bash
# PDF/A-2a and PDF/UA-1 conditions that do not depend on the tags: XMP, sRGB output
# intent, valid shared ToUnicode maps, 1.7 header, content-derived /ID; standalone map
# and chart PDFs with Title and no date without SOURCE_DATE_EPOCH; SVG <title>/<desc>.
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"
check=(/usr/bin/python3 "$here/lib/pdfua_check.py")

"$bin" report -o "$tmp/report.pdf" 2>/dev/null
"$bin" report --template "$src/templates/ministerie-bijlage/bijlage.md" \
  --data "$src/data/g4-g32/2014-2015" -o "$tmp/annex.pdf" 2>/dev/null
"$bin" map -i vrijstelling_5a --national -y 2014-2015 -o "$tmp/map.pdf" 2>/dev/null
"$bin" chart --kind comparison --indicator absoluut_verzuim -o "$tmp/chart.pdf" 2>/dev/null
for f in report annex map chart; do
  pdf=$tmp/$f.pdf
  "${check[@]}" "$pdf" --no-tags || bad "$f: checker"
  qpdf --check "$pdf" >/dev/null || bad "$f: qpdf --check"
  # poppler reads every font's ToUnicode map without complaint
  pdftotext "$pdf" /dev/null 2>"$tmp/warn.txt"
  pdffonts "$pdf" >/dev/null 2>>"$tmp/warn.txt"
  if grep -i "unicode\|cmap" "$tmp/warn.txt"; then bad "$f: poppler warns about a CMap"; fi
  pdfinfo "$pdf" >"$tmp/info.txt"
  grep -q "^Metadata Stream: *yes" "$tmp/info.txt" || bad "$f: no XMP stream"
  grep -q "^PDF version: *1.7" "$tmp/info.txt" || bad "$f: not PDF 1.7"
  grep -q "^Title: *[^ ]" "$tmp/info.txt" || bad "$f: no Title"
  /usr/bin/python3 "$here/lib/font_subset.py" "$tmp/$f.pdf" || bad "$f: fonts not cut to the glyphs used"
done
pdftotext -layout "$tmp/report.pdf" "$tmp/report.txt"
grep -q "^ *Dordrecht  *14.246  *2.871  *17.117" "$tmp/report.txt" ||
  bad "report: the Dordrecht row does not read back"
# the /ID follows the content
id() { /usr/bin/python3 -c 'import pikepdf,sys; print(bytes(pikepdf.open(sys.argv[1]).trailer.ID[0]).hex())' "$1"; }
[ "$(id "$tmp/report.pdf")" != "$(id "$tmp/annex.pdf")" ] || bad "report and annex share an /ID"
SOURCE_DATE_EPOCH=1546300800 "$bin" map -i vrijstelling_5a --national -y 2014-2015 -o "$tmp/m2.pdf" 2>/dev/null
cmp -s "$tmp/map.pdf" "$tmp/m2.pdf" || bad "map: two runs with SOURCE_DATE_EPOCH differ"
# without SOURCE_DATE_EPOCH: no date at all, so two runs are still identical
for kind in map chart; do
  if [ $kind = map ]; then args=(map -i vrijstelling_5a --national -y 2014-2015); else
    args=(chart --kind comparison --indicator absoluut_verzuim); fi
  env -u SOURCE_DATE_EPOCH "$bin" "${args[@]}" -o "$tmp/n1.pdf" 2>/dev/null
  sleep 1
  env -u SOURCE_DATE_EPOCH "$bin" "${args[@]}" -o "$tmp/n2.pdf" 2>/dev/null
  cmp -s "$tmp/n1.pdf" "$tmp/n2.pdf" || bad "$kind: two runs without SOURCE_DATE_EPOCH differ"
  if pdfinfo "$tmp/n1.pdf" | grep -q "CreationDate"; then bad "$kind: a date without SOURCE_DATE_EPOCH"; fi
  /usr/bin/python3 -c 'import pikepdf,sys; sys.exit("xmp:CreateDate" in pikepdf.open(sys.argv[1]).open_metadata())' \
    "$tmp/n1.pdf" || bad "$kind: XMP date without SOURCE_DATE_EPOCH"
  # SVG: the same title and text alternative as <title> and <desc>
  "$bin" "${args[@]}" -o "$tmp/f.svg" 2>/dev/null
  title=$(pdfinfo "$tmp/n1.pdf" | sed -n 's/^Title: *//p')
  grep -qF "<title>$title</title>" "$tmp/f.svg" || bad "$kind: SVG <title> is not '$title'"
  grep -q "<desc>.*per 1.000" "$tmp/f.svg" || bad "$kind: SVG has no <desc> with the text alternative"
done
"$bin" map -i vrijstelling_5a --national -y 2014-2015 -o "$tmp/m.svg" 2>/dev/null
grep -q "<desc>.*Alkmaar 0,8" "$tmp/m.svg" || bad "map: SVG <desc> lacks the municipalities of a class"
e2e_end
