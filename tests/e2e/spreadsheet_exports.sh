#!/usr/bin/env bash
# The bundled 2017-2018 data as offices export it: Windows-1252 ';' CSV with
# CRLF and a ';' after every line, UTF-16LE tab-separated "Unicode-tekst",
# and one .xlsx workbook (made here with openpyxl, one formula whose cached
# value is a count). Each gives a report whose text (every table number)
# equals the CSV report's (pdftotext), with a warning naming the encoding
# where one was assumed. Then a workbook with a date, a formula without a
# count, a formula with text and a cell left out mid-row: each error located
# as file:sheet!cell.
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"
data=$src/data/zuid-holland-zuid/2017-2018

report() { # DIR NAME: report text in $tmp/NAME.txt, stderr in $tmp/NAME.err
  "$bin" report --no-charts --data "$1" -o "$tmp/$2.pdf" >/dev/null 2>"$tmp/$2.err" ||
    { cat "$tmp/$2.err"; bad "report of $2 failed"; return 0; }
  pdftotext -layout "$tmp/$2.pdf" "$tmp/$2.txt"
}
report "$data" csv
grep -q "76.533" "$tmp/csv.txt" || bad "the CSV report lacks the region's 76.533 leerplichtigen"

# Windows-1252 ';' with CRLF and a trailing ';'; a title row with a non-ASCII letter
mkdir "$tmp/cp1252"
cp "$data/regio.csv" "$tmp/cp1252/"
for f in "$data"/*.csv; do
  b=$(basename "$f")
  [ "$b" = regio.csv ] && continue
  { printf 'Tabel %s \xe9\xe9n regio\r\n' "${b%.csv}"
    sed -e 's/,/;/g' -e 's/$/;\r/' "$f"; } > "$tmp/cp1252/$b"
done
report "$tmp/cp1252" cp1252
# UTF-16LE with BOM, tab-separated (what Excel's "Unicode-tekst" is)
mkdir "$tmp/utf16"
for f in "$data"/*.csv; do
  sed -e 's/,/\t/g' -e 's/$/\r/' "$f" | iconv -f UTF-8 -t UTF-16 > "$tmp/utf16/$(basename "$f")"
done
head -c 2 "$tmp/utf16/verzuim.csv" | od -An -tx1 | grep -q "ff fe" || bad "iconv wrote no LE BOM"
report "$tmp/utf16" utf16
# one workbook; verzuim!C2 (Alblasserdam's 6) as the formula 3+3 with its value
mkdir "$tmp/xlsx"
/usr/bin/python3 "$src/tests/e2e/lib/xlsx_from_csv.py" "$data" "$tmp/xlsx/gegevens.xlsx" \
  --formula 'verzuim!C2=3+3=6'
report "$tmp/xlsx" xlsx

for v in cp1252 utf16 xlsx; do
  [ -s "$tmp/$v.txt" ] || continue
  cmp -s "$tmp/csv.txt" "$tmp/$v.txt" || { diff "$tmp/csv.txt" "$tmp/$v.txt" | head; bad "$v report differs"; }
done
grep -q "leerplichtigen.csv: warning: not UTF-8: read as Windows-1252" "$tmp/cp1252.err" ||
  bad "no Windows-1252 warning: $(head -3 "$tmp/cp1252.err")"
! grep -q "Windows-1252" "$tmp/utf16.err" "$tmp/xlsx.err" || bad "an encoding warning where none was assumed"
grep -q "gegevens.xlsx:thuiszitters!H5: warning: Dordrecht: thuiszitters_actueel is 17" "$tmp/xlsx.err" ||
  bad "no sheet!cell warning: $(head -3 "$tmp/xlsx.err")"

# a workbook with errors: all of them, each at its cell
mkdir "$tmp/badx"
/usr/bin/python3 "$src/tests/e2e/lib/xlsx_from_csv.py" "$data" "$tmp/badx/gegevens.xlsx" \
  --date 'verzuim!C7' --text-formula 'verzuim!D4' --formula 'relatief!C3=1/2=0.5' \
  --blank 'verzuim!C9'
rc=0
"$bin" check --data "$tmp/badx" >/dev/null 2>"$tmp/badx.err" || rc=$?
[ $rc = 65 ] || bad "check of the bad workbook exited $rc, expected 65"
for want in "gegevens.xlsx:relatief!C3: error: a formula whose value 0.5 is not a count" \
            "gegevens.xlsx:verzuim!D4: error: a formula with the text 'x' as its value" \
            "gegevens.xlsx:verzuim!C7: error: a date or time" \
            "gegevens.xlsx:verzuim!C9: error: empty cell"; do
  grep -qF "$want" "$tmp/badx.err" || bad "missing '$want': $(cat "$tmp/badx.err")"
done
[ "$(grep -c ': error: ' "$tmp/badx.err")" = 4 ] || bad "expected exactly 4 errors: $(cat "$tmp/badx.err")"
e2e_end
