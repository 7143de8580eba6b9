#!/usr/bin/env bash
# `chart --data DIR` for trend and keyfigure charts draws on the series a
# report of DIR uses: the national ones and the project's own reeksen.csv
# beside its year folders; --series replaces them; without --data the
# bundled series stay the default.
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"
p=$tmp/project
mkdir -p "$p/2019-2020"
cp "$src/data/zuid-holland-zuid/2017-2018/regio.csv" "$p/2019-2020/"
printf 'indicator,schooljaar,waarde,bron\nvsv,2017-2018,412,eigen telling\nvsv,2018-2019,398,eigen telling\nvsv,2019-2020,377,eigen telling\n' \
  >"$p/reeksen.csv"
# the figures the alternative text must name, from the file itself
first=$(awk -F, 'NR == 2 {print $3}' "$p/reeksen.csv")
last=$(awk -F, 'END {print $3}' "$p/reeksen.csv")
"$bin" chart --kind trend --indicator vsv --data "$p/2019-2020" -o "$tmp/t.png" --alt >"$tmp/alt.txt" 2>"$tmp/err.txt" ||
  { cat "$tmp/err.txt"; bad "trend chart of the project's series"; }
grep -q "van $first in 2017-2018 naar $last in 2019-2020" "$tmp/alt.txt" || bad "not the project's reeksen.csv: $(cat "$tmp/alt.txt")"
[ -s "$tmp/t.png" ] || bad "no chart written"
pdf_src=$("$bin" chart --kind trend --indicator vsv --data "$p/2019-2020" -o "$tmp/t.pdf" 2>&1 >/dev/null && pdftotext "$tmp/t.pdf" - 2>/dev/null)
grep -q "Bron: eigen telling" <<<"$pdf_src" || bad "source line is not the project's: $pdf_src"
"$bin" chart --kind keyfigure --indicator vsv --data "$p/2019-2020" -o "$tmp/k.png" --alt >"$tmp/alt.txt" 2>&1 ||
  bad "keyfigure chart of the project's series"
grep -q "$last" "$tmp/alt.txt" || bad "keyfigure not from the project's series: $(cat "$tmp/alt.txt")"
# --series replaces the project's series
bundled=$src/data/zuid-holland-zuid/reeksen.csv
b_first=$(awk -F, '$1 == "vsv" {print $3; exit}' "$bundled")
"$bin" chart --kind trend --indicator vsv --data "$p/2019-2020" --series "$bundled" -o "$tmp/t.png" --alt >"$tmp/alt.txt" 2>&1 ||
  bad "--series with --data"
grep -q "van $b_first in 2014-2015" "$tmp/alt.txt" || bad "--series did not override: $(cat "$tmp/alt.txt")"
# without --data: the bundled series
"$bin" chart --kind trend --indicator vsv -o "$tmp/t.png" --alt >"$tmp/alt.txt" 2>&1 || bad "default chart"
grep -q "van $b_first in 2014-2015" "$tmp/alt.txt" || bad "default series changed: $(cat "$tmp/alt.txt")"
# a data folder whose project has no reeksen.csv: only the national series, so vsv is unknown
mkdir -p "$tmp/other/2019-2020"
rc=0
"$bin" chart --kind trend --indicator vsv --data "$tmp/other/2019-2020" -o "$tmp/t.png" >/dev/null 2>"$tmp/err.txt" || rc=$?
[ "$rc" = 64 ] || bad "series missing from the project: exit $rc, want 64: $(cat "$tmp/err.txt")"
e2e_end
