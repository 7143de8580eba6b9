#!/usr/bin/env bash
# The report is driven by its template: a changed sentence changes only that
# text in the PDF; a template error names file:line, exits 65 and writes
# nothing; --outline-text prints the structure with text alternatives; the
# second template (ministry annex) builds from the G4/G32 data.
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"

cp -r "$src/templates/zuid-holland-zuid" "$tmp/tpl"
"$bin" report --template "$tmp/tpl/jaarverslag.md" -o "$tmp/a.pdf"
# change one sentence: a word of the chapter-1 introduction
sed -i 's/wordt nageleefd en werkt/wordt nageleefd, en werkt/' "$tmp/tpl/jaarverslag.md"
grep -q "nageleefd, en werkt" "$tmp/tpl/jaarverslag.md" || { echo "FAIL: sentence not found in template"; exit 1; }
"$bin" report --template "$tmp/tpl/jaarverslag.md" -o "$tmp/b.pdf"
pa=$(pdfinfo "$tmp/a.pdf" | awk '/^Pages/{print $2}')
pb=$(pdfinfo "$tmp/b.pdf" | awk '/^Pages/{print $2}')
[ "$pa" = "$pb" ] && ok || bad "page count changed ($pa -> $pb)"
changed=0
for ((p = 1; p <= pa; p++)); do
  if ! cmp -s <(pdftotext -layout -f $p -l $p "$tmp/a.pdf" - 2>/dev/null) \
              <(pdftotext -layout -f $p -l $p "$tmp/b.pdf" - 2>/dev/null); then
    changed=$((changed + 1))
    rc=0
    diff <(pdftotext -layout -f $p -l $p "$tmp/a.pdf" - 2>/dev/null) \
         <(pdftotext -layout -f $p -l $p "$tmp/b.pdf" - 2>/dev/null) >"$tmp/diff.txt" || rc=$?
    [ "$rc" -eq 1 ] || bad "diff of page $p: exit $rc"
  fi
done
[ "$changed" -eq 1 ] && ok || bad "$changed pages changed, expected exactly one"
grep -q "nageleefd, en" "$tmp/diff.txt" && ok || bad "the new text is not in the changed page"
# only lines of that paragraph differ (3 lines at most on each side)
n=$(awk '/^[<>]/ {n++} END {print n + 0}' "$tmp/diff.txt")
[ "$n" -le 6 ] && ok || bad "$n lines differ"

# a template error: file:line, exit 65, no output, existing output untouched
printf '\n::tabel{soort=onbekend}\n' >>"$tmp/tpl/definities.md"
line=$(wc -l <"$tmp/tpl/definities.md")
cp "$tmp/a.pdf" "$tmp/keep.pdf"
set +e
"$bin" report --template "$tmp/tpl/jaarverslag.md" -o "$tmp/keep.pdf" 2>"$tmp/err.txt"; rc=$?
set -e
[ "$rc" -eq 65 ] && ok || bad "template error exit $rc, want 65"
grep -q "definities.md:$line:" "$tmp/err.txt" && ok || bad "error does not name definities.md:$line: $(cat "$tmp/err.txt")"
cmp -s "$tmp/a.pdf" "$tmp/keep.pdf" && ok || bad "existing output changed"
[ -z "$(find "$tmp" -maxdepth 1 -name '.keep.pdf.*')" ] && ok || bad "temporary file left"
# an include escaping the template directory is refused
printf '::voeg-in{bestand="../../etc/passwd.md"}\n' >"$tmp/tpl/definities.md"
set +e
"$bin" report --template "$tmp/tpl/jaarverslag.md" -o "$tmp/x.pdf" 2>"$tmp/err2.txt"; rc=$?
set -e
[ "$rc" -eq 65 ] && [ ! -e "$tmp/x.pdf" ] && ok || bad "escaping include: exit $rc"

# structure with text alternatives, and no PDF written for it
mkdir "$tmp/outline"
(cd "$tmp/outline" && "$bin" report --outline-text >"$tmp/outline.txt")
grep -q "^H1: 1 Leerplicht en absoluut verzuim" "$tmp/outline.txt" && ok || bad "outline lacks H1"
grep -q "^  TH: Gemeente | Totaal 5 t/m 15 jaar" "$tmp/outline.txt" && ok || bad "outline lacks table header cells"
grep -q "hoogst Alblasserdam en Strijen (1,7)" "$tmp/outline.txt" && ok || bad "comparison alt text"
grep -q "Regio 0,6" "$tmp/outline.txt" && ok || bad "regional average in alt text"
grep -q "^  alt: .*kaart\|^  alt: .*Kaart\|^  alt: .*klasse" "$tmp/outline.txt" && ok || bad "map alt text"
[ -z "$(ls -A "$tmp/outline")" ] && ok || bad "--outline-text wrote $(ls "$tmp/outline")"

# placeholders take the data's region; a template for another region warns
# (from a file: piped into grep -q, pdftotext's SIGPIPE would hide a match)
pdftotext "$tmp/a.pdf" "$tmp/a.txt" 2>/dev/null
grep -q "{regio}" "$tmp/a.txt" && bad "unfilled {regio} in the PDF" || ok
pdfinfo "$tmp/a.pdf" | grep -q "^Author: *Leerplicht en Voortijdig Schoolverlaten Zuid-Holland Zuid" && ok || bad "author placeholder"
cp -r "$src/templates/zuid-holland-zuid" "$tmp/other"
sed -i 's/^regio: .*/regio: Andere Regio/' "$tmp/other/jaarverslag.md"
"$bin" report --template "$tmp/other/jaarverslag.md" -o "$tmp/other.pdf" 2>"$tmp/warn.txt" >/dev/null
grep -q "written for Andere Regio, the data is of Zuid-Holland Zuid" "$tmp/warn.txt" && ok || bad "no region mismatch warning: $(cat "$tmp/warn.txt")"

# a region that assets/geo/regios.csv does not know: its maps zoom to the
# municipalities of its data, not to the whole country
python3 "$src/scripts/synthetic_project.py" --regions 39 --take 1 --home "$src" "$tmp/syn" >/dev/null
"$bin" report --data "$tmp/syn/synthetische-regio-01/2017-2018" --outline-text 2>/dev/null >"$tmp/syn.txt"
n=$(grep -o "voor [0-9]* gemeenten in Synthetische regio 01" "$tmp/syn.txt" | head -1 | awk '{print $2}')
[ -n "$n" ] && [ "$n" -lt 30 ] && ok || bad "synthetic region map covers '${n:-?}' municipalities"

# a big region (95 municipalities): tables split over pages, charts that
# cannot hold every municipality are left out with a warning, and nothing
# is drawn outside the page
python3 "$src/scripts/synthetic_project.py" --regions 4 --take 1 --home "$src" "$tmp/big" >/dev/null
"$bin" report --data "$tmp/big/synthetische-regio-01/2017-2018" -o "$tmp/big.pdf" 2>"$tmp/big.err" >/dev/null &&
  ok || bad "big region report failed: $(tail -n 2 "$tmp/big.err")"
grep -q "left out: 95 municipalities" "$tmp/big.err" && ok || bad "no warning about left-out charts"
pdftotext -layout "$tmp/big.pdf" "$tmp/big.txt" 2>/dev/null
grep -q "(vervolg)" "$tmp/big.txt" && ok || bad "no continued table"
for f in "$tmp/big.pdf" "$tmp/a.pdf"; do
  pdftotext -bbox "$f" - 2>/dev/null | python3 -c '
import re, sys
bad = 0
for line in sys.stdin:
    m = re.search(r"<page width=\"([\d.]+)\" height=\"([\d.]+)\"", line)
    if m:
        W, H = float(m.group(1)), float(m.group(2))
    m = re.search(r"xMin=\"([-\d.]+)\" yMin=\"([-\d.]+)\" xMax=\"([-\d.]+)\" yMax=\"([-\d.]+)\"", line)
    if m:
        x0, y0, x1, y1 = map(float, m.groups())
        if x0 < 0 or y0 < 0 or x1 > W or y1 > H:
            bad += 1
sys.exit(1 if bad else 0)' && ok || bad "text outside the page in $(basename "$f")"
done

# a logo from the front matter lands on the cover as the only image
cp -r "$src/templates/zuid-holland-zuid" "$tmp/logo"
python3 - "$tmp/logo/logo.png" <<'PY'
import struct, sys, zlib
w, h = 300, 120
raw = b"".join(b"\x00" + bytes([11, 95, 115]) * w for _ in range(h))
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
sed -i 's/^kleur: /logo: logo.png\nkleur: /' "$tmp/logo/jaarverslag.md"
"$bin" report --template "$tmp/logo/jaarverslag.md" -o "$tmp/logo.pdf" 2>/dev/null
imgs=$(pdfimages -list "$tmp/logo.pdf" 2>/dev/null | tail -n +3)
[ "$(echo "$imgs" | grep -c .)" -eq 1 ] && echo "$imgs" | awk '{exit !($1 == 1 && $4 == 300 && $5 == 120)}' && ok || bad "logo: $imgs"
printf 'not a png' >"$tmp/logo/logo.png"
set +e
"$bin" report --template "$tmp/logo/jaarverslag.md" -o "$tmp/logo2.pdf" 2>"$tmp/err3.txt"; rc=$?
set -e
[ "$rc" -eq 65 ] && grep -q "logo.png" "$tmp/err3.txt" && [ ! -e "$tmp/logo2.pdf" ] && ok || bad "bad logo: exit $rc"

# the second template: ministry annex over the G4/G32 data of 2014-2015
"$bin" report --template "$src/templates/ministerie-bijlage/bijlage.md" \
  --data "$src/data/g4-g32/2014-2015" -o "$tmp/annex.pdf" 2>/dev/null
pdftotext -layout "$tmp/annex.pdf" "$tmp/annex.txt" 2>/dev/null
grep -Eq "^ *Amsterdam +98\.243 +1\.513 +364 +2\.780 +143 +n\.b\. +350" "$tmp/annex.txt" && ok || bad "annex Amsterdam row"
grep -Eq "^ *Rotterdam +83\.305 +0,1% +28% +5,7% +0,1% +75% +0,38%" "$tmp/annex.txt" && ok || bad "annex Rotterdam percentages"
[ "$(grep -c "Bron grenzen: CBS/Kadaster (PDOK)" "$tmp/annex.txt")" -ge 3 ] && ok || bad "three national maps with credit"
[ "$(pdfimages -list "$tmp/annex.pdf" 2>/dev/null | tail -n +3 | wc -l)" -eq 0 ] && ok || bad "annex has raster images"
e2e_end
