#!/usr/bin/env bash
# `jaarverslag init --werkmap`: the year's figures as one workbook
# (DIR/YYYY-YYYY/gegevens.xlsx, the one `invoer` writes) instead of regio.csv
# and CSV data files. Filled with the bundled 2017-2018 figures (openpyxl,
# tests/e2e/lib/fill_invoer.py), the project's report has the same text, so
# every table number, as a project made the CSV way and filled with the same
# figures. init twice changes no file; init without --werkmap on a year that
# has its workbook writes no CSV beside it. batch builds the workbook year,
# and rebuilds it only when the workbook changes.
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"
data=$src/data/zuid-holland-zuid/2017-2018
sums() { (cd "$1" && find . -type f -exec sha256sum {} + | sort); }

"$bin" init --help | grep -q -- "--werkmap" || bad "init --help does not name --werkmap"
w=$tmp/werkmap c=$tmp/csv
"$bin" init "$w" --regio "Zuid-Holland Zuid" --schooljaar 2017-2018 --werkmap >"$tmp/w1.txt"
"$bin" init "$c" --regio "Zuid-Holland Zuid" --schooljaar 2017-2018 >/dev/null
[ "$(ls "$w/2017-2018")" = gegevens.xlsx ] || bad "werkmap year folder holds $(ls "$w/2017-2018")"
grep -q "^geschreven: .*2017-2018/gegevens.xlsx" "$tmp/w1.txt" || bad "init does not say it wrote the workbook"
/usr/bin/python3 - "$w/2017-2018/gegevens.xlsx" <<'PY' || bad "workbook contents"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames[-1] == "regio" and "verzuim" in wb.sheetnames, wb.sheetnames
assert [r[1].value for r in wb["regio"].iter_rows(min_row=2)] == ["Zuid-Holland Zuid", "2017-2018", 2018]
assert wb["verzuim"].max_row == 18, wb["verzuim"].max_row  # header + 17 municipalities of 2018
PY
# the unfilled workbook is what check reads for the year
rc=0
"$bin" check --data "$w/2017-2018" >/dev/null 2>"$tmp/empty.err" || rc=$?
[ $rc = 65 ] && grep -q "gegevens.xlsx:leerplichtigen!C2: error: empty cell" "$tmp/empty.err" ||
  bad "unfilled workbook: exit $rc $(head -2 "$tmp/empty.err")"

# init twice changes no file; without --werkmap it writes no CSV beside the workbook
sums "$w" >"$tmp/s1"
"$bin" init "$w" --regio "Zuid-Holland Zuid" --schooljaar 2017-2018 --werkmap >"$tmp/w2.txt"
"$bin" init "$w" --regio "Zuid-Holland Zuid" --schooljaar 2017-2018 >>"$tmp/w2.txt"
sums "$w" >"$tmp/s2"
cmp -s "$tmp/s1" "$tmp/s2" || bad "a second init changed files: $(diff "$tmp/s1" "$tmp/s2")"
grep -q "^geschreven" "$tmp/w2.txt" && bad "a second init wrote: $(grep '^geschreven' "$tmp/w2.txt")"
# --werkmap on a year that has CSV files writes no workbook beside them
"$bin" init "$c" --regio "Zuid-Holland Zuid" --schooljaar 2017-2018 --werkmap >/dev/null
[ ! -e "$c/2017-2018/gegevens.xlsx" ] || bad "--werkmap wrote a workbook beside the CSV files"

# fill both the way an office would: the workbook in Excel, the CSV files by code
"$bin" indicators | awk -F'\t' '{print $1 "\t" $2 "\t" $3}' >"$tmp/labels.tsv"
/usr/bin/python3 "$src/tests/e2e/lib/fill_invoer.py" "$w/2017-2018/gegevens.xlsx" "$data" \
  "$tmp/filled.xlsx" "$tmp/labels.tsv" || bad "filling the workbook"
mv "$tmp/filled.xlsx" "$w/2017-2018/gegevens.xlsx"
/usr/bin/python3 - "$c/2017-2018" "$data" <<'PY' || bad "filling the CSV files"
import csv, os, sys
year, data = sys.argv[1:3]
for name in os.listdir(year):
    if name == "regio.csv" or not name.endswith(".csv"):
        continue
    given = {r["cbs_code"]: r for r in csv.DictReader(open(os.path.join(data, name), encoding="utf-8"))}
    rows = list(csv.DictReader(open(os.path.join(year, name), encoding="utf-8")))
    assert rows, name
    with open(os.path.join(year, name), "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: (v if k in ("cbs_code", "gemeente") else given[r["cbs_code"]][k]) for k, v in r.items()})
PY
"$bin" check --data "$w/2017-2018" >"$tmp/w.check" 2>"$tmp/w.err" || bad "check of the filled workbook: $(head -3 "$tmp/w.err")"
"$bin" check --data "$c/2017-2018" >"$tmp/c.check" 2>/dev/null || bad "check of the filled CSV files"
cmp -s "$tmp/w.check" "$tmp/c.check" || bad "check summaries differ: $(cat "$tmp/w.check" "$tmp/c.check")"
"$bin" report --no-charts --data "$w/2017-2018" -o "$tmp/w.pdf" >/dev/null 2>"$tmp/w.rerr" || bad "report of the workbook project: $(head -3 "$tmp/w.rerr")"
"$bin" report --no-charts --data "$c/2017-2018" -o "$tmp/c.pdf" >/dev/null 2>&1 || bad "report of the CSV project"
pdftotext -layout "$tmp/w.pdf" "$tmp/w.txt"
pdftotext -layout "$tmp/c.pdf" "$tmp/c.txt"
grep -q "76.533" "$tmp/w.txt" || bad "the workbook project's report lacks 76.533"
cmp -s "$tmp/w.txt" "$tmp/c.txt" || { diff "$tmp/c.txt" "$tmp/w.txt" | head; bad "the two reports differ"; }

# a workbook year is an earlier year of the project too: a 2018-2019 year (CSV
# files, indeling 2018) beside it compares with it, as beside the CSV year
for p in "$w" "$c"; do
  mkdir "$p/2018-2019"
  cp "$data"/*.csv "$p/2018-2019/"
  sed -i 's/^schooljaar,.*/schooljaar,2018-2019/' "$p/2018-2019/regio.csv"
  "$bin" report --no-charts --data "$p/2018-2019" -o "$p.next.pdf" >/dev/null 2>"$tmp/next.err" ||
    bad "report 2018-2019 in $p: $(head -3 "$tmp/next.err")"
  pdftotext -layout "$p.next.pdf" "$p.next.txt"
  grep -q "2017-2018" "$p.next.txt" || bad "$p: the 2018-2019 report does not compare with 2017-2018"
done
cmp -s "$w.next.txt" "$c.next.txt" || { diff "$c.next.txt" "$w.next.txt" | head; bad "the 2018-2019 reports differ"; }

# batch builds the workbook year too (the region row from the workbook's own
# cells), leaves it alone while the workbook is unchanged and rebuilds it,
# with the new figures, when one cell changes
region_row() { /usr/bin/python3 "$src/tests/e2e/lib/region_row.py" "$1"; }
batch_row() { # batch output file -> its region row of the absoluut-verzuim table
  [ -s "$tmp/bw/$1" ] || { echo "no $1"; return; }
  pdftotext -layout "$tmp/bw/$1" "$tmp/bw.txt"
  grep -m 1 "^ *Zuid-Holland Zuid  .*  " "$tmp/bw.txt" | tr -s ' ' | sed 's/^ //'
}
rc=0
"$bin" batch "$w" -o "$tmp/bw" -j 2 >"$tmp/b1.txt" 2>"$tmp/b1.err" || rc=$?
[ $rc = 0 ] || bad "batch of the werkmap project: exit $rc $(cat "$tmp/b1.txt") $(head -3 "$tmp/b1.err")"
grep -q "^klaar: 4 gebouwd, 0 actueel, 0 mislukt" "$tmp/b1.txt" || bad "first batch: $(cat "$tmp/b1.txt")"
want=$(region_row "$w/2017-2018/gegevens.xlsx")
got=$(batch_row jaarverslag-werkmap-2017-2018.pdf)
case "$got" in "Zuid-Holland Zuid $want"*) ;; *) bad "batch, workbook year: region row '$got', want '$want'" ;; esac
printf 'Excel' >"$w/2017-2018/~\$gegevens.xlsx" # Excel's owner file while the workbook is open
"$bin" batch "$w" -o "$tmp/bw" -j 2 >"$tmp/b2.txt" 2>/dev/null || bad "second batch failed"
rm "$w/2017-2018/~\$gegevens.xlsx"
grep -q "^klaar: 0 gebouwd, 4 actueel, 0 mislukt" "$tmp/b2.txt" || bad "unchanged workbook (open in Excel) rebuilt: $(cat "$tmp/b2.txt")"
/usr/bin/python3 - "$w/2017-2018/gegevens.xlsx" <<'PY' || bad "changing a cell"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["verzuim"]
col = [c.value for c in ws[1]].index("absoluut_verzuim") + 1
ws.cell(2, col).value += 40
wb.save(sys.argv[1])
PY
"$bin" batch "$w" -o "$tmp/bw" -j 2 >"$tmp/b3.txt" 2>/dev/null || bad "third batch failed"
for built in "werkmap/2017-2018" "bijlage/2017-2018" "werkmap/2018-2019"; do
  grep -q "gebouwd $built " "$tmp/b3.txt" || bad "changed workbook: $built not rebuilt: $(cat "$tmp/b3.txt")"
done
grep -q "actueel bijlage/2018-2019" "$tmp/b3.txt" || bad "changed 2017-2018 workbook rebuilt the 2018-2019 annex"
want=$(region_row "$w/2017-2018/gegevens.xlsx")
case "$want" in *" 49 0,6") bad "the changed cell did not change the expected region row: $want" ;; esac
got=$(batch_row jaarverslag-werkmap-2017-2018.pdf)
case "$got" in "Zuid-Holland Zuid $want"*) ;; *) bad "batch after the change: region row '$got', want '$want'" ;; esac
e2e_end
