#!/usr/bin/env bash
# `jaarverslag invoer` writes the workbook for Zuid-Holland Zuid 2017-2018:
# one sheet per indicator group with the region's 17 municipalities of the
# indeling 2018, labels as comments, validated cells, a regio sheet. Filled
# (openpyxl, tests/e2e/lib/fill_invoer.py) with the bundled CSV figures and
# read back, it gives a report whose text equals the CSV report's, and
# `check` the same summary. Same input, same bytes; usage errors exit 64.
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"
data=$src/data/zuid-holland-zuid/2017-2018

"$bin" invoer --regio "Zuid-Holland Zuid" --schooljaar 2017-2018 -o "$tmp/invoer.xlsx" >/dev/null
"$bin" invoer --regio "Zuid-Holland Zuid" --schooljaar 2017-2018 -o "$tmp/again.xlsx" >/dev/null
cmp -s "$tmp/invoer.xlsx" "$tmp/again.xlsx" || bad "two runs wrote different bytes"
/usr/bin/python3 - "$tmp/invoer.xlsx" "$src/assets/gemeenten/gemeenten_2018.csv" <<'PY' || bad "workbook contents"
import csv, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
names = dict(list(csv.reader(open(sys.argv[2], encoding="utf-8")))[1:])
assert wb.sheetnames == ["leerplichtigen", "verzuim", "relatief", "processen_verbaal",
                         "vrijstellingen", "thuiszitters", "regio"], wb.sheetnames
ws = wb["verzuim"]
rows = [(r[0].value, r[1].value) for r in ws.iter_rows(min_row=2)]
assert len(rows) == 17, len(rows)
assert ("GM0505", "Dordrecht") in rows
assert all(names[c] == n for c, n in rows), rows
assert [r[1].value for r in wb["regio"].iter_rows(min_row=2)] == ["Zuid-Holland Zuid", "2017-2018", 2018]
PY
"$bin" indicators | awk -F'\t' '{print $1 "\t" $2 "\t" $3}' > "$tmp/labels.tsv"
mkdir "$tmp/filled"
cp "$tmp/invoer.xlsx" "$tmp/leeg.xlsx"
/usr/bin/python3 "$src/tests/e2e/lib/fill_invoer.py" "$tmp/invoer.xlsx" "$data" \
  "$tmp/filled/gegevens.xlsx" "$tmp/labels.tsv" || bad "filling the workbook"

"$bin" check --data "$data" > "$tmp/csv.out" 2>/dev/null
"$bin" check --data "$tmp/filled" > "$tmp/xlsx.out" 2>"$tmp/xlsx.err" || { cat "$tmp/xlsx.err"; bad "check of the filled workbook"; }
cmp -s "$tmp/csv.out" "$tmp/xlsx.out" || bad "check summaries differ: $(cat "$tmp/csv.out" "$tmp/xlsx.out")"
"$bin" report --no-charts --data "$data" -o "$tmp/csv.pdf" >/dev/null 2>&1
"$bin" report --no-charts --data "$tmp/filled" -o "$tmp/xlsx.pdf" >/dev/null 2>&1 || bad "report of the filled workbook"
pdftotext -layout "$tmp/csv.pdf" "$tmp/csv.txt"
pdftotext -layout "$tmp/xlsx.pdf" "$tmp/xlsx.txt" 2>/dev/null || true
grep -q "76.533" "$tmp/csv.txt" || bad "CSV report lacks 76.533"
cmp -s "$tmp/csv.txt" "$tmp/xlsx.txt" || { diff "$tmp/csv.txt" "$tmp/xlsx.txt" | head; bad "reports differ"; }

# the unfilled workbook is refused, cell by cell (an empty cell is never a zero)
mkdir "$tmp/leeg"
mv "$tmp/leeg.xlsx" "$tmp/leeg/invoer.xlsx"
rc=0
"$bin" check --data "$tmp/leeg" >/dev/null 2>"$tmp/leeg.err" || rc=$?
[ $rc = 65 ] || bad "unfilled workbook: exit $rc, expected 65"
grep -q "invoer.xlsx:leerplichtigen!C2: error: empty cell" "$tmp/leeg.err" || bad "unfilled: $(head -2 "$tmp/leeg.err")"

rc=0; "$bin" invoer --regio Nergensland --schooljaar 2017-2018 -o "$tmp/x.xlsx" 2>/dev/null || rc=$?
[ $rc = 64 ] || bad "unknown region exit $rc"
[ ! -e "$tmp/x.xlsx" ] || bad "a workbook for an unknown region"
rc=0; "$bin" invoer --regio "Zuid-Holland Zuid" --schooljaar 2017 -o "$tmp/x.xlsx" 2>/dev/null || rc=$?
[ $rc = 64 ] || bad "bad school year exit $rc"
e2e_end
