#!/usr/bin/env bash
# A project's own template: placeholders in the front matter and in all text
# ({regio}, {schooljaar}, {organisatie} from project.csv, {vorig_schooljaar}),
# key figures of other years of the project (jaar=-1, jaar=YYYY-YYYY), each
# with its own label and year; a block whose data is missing that year is
# left out with a warning at its template line; an unknown placeholder is a
# located error.
set -euo pipefail
bin=$1
src=${JV_SRC:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }
p=$tmp/zhz
. "$src/tests/e2e/lib/zhz_project.sh"
zhz_project "$p" --init "$bin" "Bureau ZHZ"
cat >"$p/sjabloon/jaarverslag.md" <<'MD'
---
titel: Jaarverslag {organisatie} {schooljaar}
regio: {regio}
---

::omslag{ondertitel="Cijfers van {regio} naast {vorig_schooljaar}"}

# Vergelijking met {vorig_schooljaar}

Dit verslag van {organisatie} gaat over {schooljaar}.

::kerncijfer{indicator=relatief_verzuim label="Relatief verzuimers {regio}"}
::kerncijfer{indicator=relatief_verzuim jaar=-1 label="Eerder: {vorig_schooljaar}"}
::kerncijfer{indicator=absoluut_verzuim jaar=2017-2018}

::tabel{soort=overzicht indicatoren="thuiszitters_3m" titel="Langer dan drie maanden"}

::tabel{soort=relatief_per_1000}

::grafiek{soort=trend indicator=absoluut_verzuim eenheid=aantal titel="Absoluut verzuim in {regio}"}
MD
# the office's logo and colour from project.csv
python3 - "$p/logo.png" <<'PY'
import struct, sys, zlib
w, h = 200, 80
raw = b"".join(b"\x00" + bytes([170, 0, 0]) * w for _ in range(h))
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
PY
sed -i 's/^logo,$/logo,logo.png/; s/^kleur,.*/kleur,#AA0000/' "$p/project.csv"
"$bin" report --data "$p/2019-2020" -o "$tmp/r.pdf" >/dev/null 2>"$tmp/err.txt" ||
  { cat "$tmp/err.txt"; echo "FAIL: report"; exit 1; }
pdfimages -list "$tmp/r.pdf" 2>/dev/null | awk 'NR > 2 && $1 == 1 && $4 == 200 && $5 == 80 { found = 1 } END { exit !found }' ||
  bad "project logo not on the cover"
pdftoppm -r 20 -png -f 1 -l 1 "$tmp/r.pdf" "$tmp/cover"
python3 - "$tmp/cover-1.png" <<'PY' || bad "cover not in the project's colour"
import sys
sys.path.insert(0, __import__("os").environ["JV_SRC"] + "/tests/e2e/lib")
import pngread
w, h, px = pngread.read(sys.argv[1])
r, g, b = px(w // 2, h // 4)[:3]
sys.exit(0 if r > 150 and g < 60 and b < 60 else 1)
PY
pdftotext "$tmp/r.pdf" "$tmp/r.txt" 2>/dev/null
flat=$(tr -s ' \n' '  ' <"$tmp/r.txt")
for s in "Jaarverslag Bureau ZHZ 2019-2020" "Cijfers van Zuid-Holland Zuid naast 2017-2018" \
  "Vergelijking met 2017-2018" "Dit verslag van Bureau ZHZ gaat over 2019-2020." \
  "Relatief verzuimers Zuid-Holland Zuid" "Eerder: 2017-2018" "Absoluut verzuim in Zuid-Holland Zuid"; do
  case "$flat" in *"$s"*) ;; *) bad "PDF lacks '$s'" ;; esac
done
grep -q "{" "$tmp/r.txt" && bad "a placeholder left in the PDF: $(grep -m1 "{" "$tmp/r.txt")"
pdfinfo "$tmp/r.pdf" | grep -q "^Title: *Jaarverslag Bureau ZHZ 2019-2020$" || bad "PDF title: $(pdfinfo "$tmp/r.pdf" | grep Title)"
# key figures: 2019-2020 relatief 2.186, 2017-2018 relatief 2.086 and absoluut 49, each with its year
"$bin" report --data "$p/2019-2020" --outline-text >"$tmp/outline.txt" 2>/dev/null
for s in "2.186" "2.086" "49"; do grep -q "$s" "$tmp/outline.txt" || bad "key figure $s missing"; done
# the missing indicator: left out, located at its template line
grep -q "sjabloon/jaarverslag.md:16: warning: ::tabel left out: the data of this year has no thuiszitters_3m" "$tmp/err.txt" ||
  bad "no located warning for the missing indicator: $(cat "$tmp/err.txt")"
grep -q "Langer dan drie maanden" "$tmp/r.txt" && bad "left-out table printed"
# an unknown placeholder is a located error
sed -i 's/Dit verslag van {organisatie}/Dit verslag van {organsatie}/' "$p/sjabloon/jaarverslag.md"
rc=0
"$bin" report --data "$p/2019-2020" -o "$tmp/r2.pdf" >/dev/null 2>"$tmp/err.txt" || rc=$?
[ "$rc" = 65 ] && grep -qF "sjabloon/jaarverslag.md:10:17: error: unknown placeholder {organsatie} in the text: known are {regio}, {schooljaar}, {organisatie}, {vorig_schooljaar}" "$tmp/err.txt" ||
  bad "unknown placeholder: rc $rc $(cat "$tmp/err.txt")"
# ... also on a paragraph's later line, inside emphasis: its own line and column
sed -i 's/Dit verslag van {organsatie} gaat over {schooljaar}./Dit verslag van {organisatie}\ngaat over *het jaar {schooljar}*./' "$p/sjabloon/jaarverslag.md"
rc=0
"$bin" report --data "$p/2019-2020" -o "$tmp/r2.pdf" >/dev/null 2>"$tmp/err.txt" || rc=$?
[ "$rc" = 65 ] && grep -qF "sjabloon/jaarverslag.md:11:21: error: unknown placeholder {schooljar} in the text" "$tmp/err.txt" ||
  bad "unknown placeholder on a paragraph's second line: rc $rc $(cat "$tmp/err.txt")"
sed -i 's/^titel: .*/titel: Verslag {jaar}/' "$p/sjabloon/jaarverslag.md"
rc=0
"$bin" report --data "$p/2019-2020" -o "$tmp/r2.pdf" >/dev/null 2>"$tmp/err.txt" || rc=$?
[ "$rc" = 65 ] && grep -q "sjabloon/jaarverslag.md:2:8: error: unknown placeholder {jaar} in titel" "$tmp/err.txt" ||
  bad "unknown placeholder in titel: rc $rc $(cat "$tmp/err.txt")"
[ ! -e "$tmp/r2.pdf" ] || bad "a PDF was written despite the error"
[ "$fails" = 0 ] || exit 1
echo ok
