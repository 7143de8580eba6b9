#!/usr/bin/env bash
# `jaarverslag init`: a project folder for Zuid-Holland Zuid 2019-2020 lists
# the municipalities of the 2020 indeling (Hoeksche Waard, Molenlanden,
# Vijfheerenlanden) and none of their predecessors; a second init changes no
# file; a next year is added beside it; a gone code in --gemeenten is refused
# naming its successor; an unknown region needs --gemeenten; the report of a
# filled-in year uses the project's own template.
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"
p=$tmp/zhz
"$bin" init "$p" --regio "Zuid-Holland Zuid" --schooljaar 2019-2020 >"$tmp/out1.txt" ||
  { cat "$tmp/out1.txt"; echo "FAIL: init"; exit 1; }
for f in project.csv gemeenten.csv LEESMIJ.md sjabloon/jaarverslag.md sjabloon/voorwoord.md \
  sjabloon/interviews/thuiszitters.md 2019-2020/regio.csv 2019-2020/leerplichtigen.csv \
  2019-2020/verzuim.csv 2019-2020/relatief.csv 2019-2020/thuiszitters.csv; do
  [ -s "$p/$f" ] && ok || bad "init did not write $f"
done
grep -qx "indeling,2020" "$p/2019-2020/regio.csv" && ok || bad "regio.csv indeling"
# the 2020 municipalities, in the output and in every data file, and not their predecessors
for name in "Hoeksche Waard" Molenlanden Vijfheerenlanden Dordrecht Alblasserdam; do
  grep -q "^  GM[0-9]* $name\$" "$tmp/out1.txt" && ok || bad "init output lacks $name"
  grep -q ",$name,,\$" "$p/2019-2020/verzuim.csv" && ok || bad "verzuim.csv lacks $name"
done
for name in Binnenmaas Cromstrijen Korendijk Oud-Beijerland Strijen Giessenlanden Molenwaard \
  Leerdam Zederik Vianen; do
  grep -q "$name" "$tmp/out1.txt" && bad "init lists predecessor $name" || ok
  grep -rq "$name" "$p/2019-2020" && bad "2019-2020 files name predecessor $name" || ok
  grep -q "^Zuid-Holland Zuid,2020,.*,$name\$" "$p/gemeenten.csv" && bad "gemeenten.csv 2020 has $name" || ok
done
[ "$(grep -c '^GM' "$p/2019-2020/leerplichtigen.csv")" = 11 ] && ok || bad "not 11 municipalities"
[ "$(grep -c '^Zuid-Holland Zuid,2018,' "$p/gemeenten.csv")" = 17 ] && ok || bad "2018 composition"
# a fresh year is not filled in yet: check says where
rc=0
"$bin" check --data "$p/2019-2020" >/dev/null 2>"$tmp/err.txt" || rc=$?
[ "$rc" = 65 ] && grep -q "leerplichtigen.csv:2:3: error" "$tmp/err.txt" && ok ||
  bad "check on an empty year: rc $rc $(head -2 "$tmp/err.txt")"
# init twice changes no file, and says so
(cd "$p" && find . -type f -exec sha256sum {} + | sort) >"$tmp/sum1.txt"
"$bin" init "$p" --regio "Zuid-Holland Zuid" --schooljaar 2019-2020 >"$tmp/out2.txt"
(cd "$p" && find . -type f -exec sha256sum {} + | sort) >"$tmp/sum2.txt"
cmp -s "$tmp/sum1.txt" "$tmp/sum2.txt" && ok || bad "second init changed files"
grep -q "^geschreven" "$tmp/out2.txt" && bad "second init wrote a file" || ok
grep -q "^bestaat al, ongewijzigd: .*project.csv" "$tmp/out2.txt" && ok || bad "second init silent"
# a next year is added; nothing else changes
"$bin" init "$p" --regio "Zuid-Holland Zuid" --schooljaar 2020-2021 >/dev/null
[ -s "$p/2020-2021/verzuim.csv" ] && ok || bad "2020-2021 not added"
(cd "$p" && find . -type f -not -path './2020-2021/*' -exec sha256sum {} + | sort) >"$tmp/sum3.txt"
cmp -s "$tmp/sum1.txt" "$tmp/sum3.txt" && ok || bad "adding a year changed files"
# a code that is gone, given with --gemeenten
rc=0
"$bin" init "$tmp/x" --regio X --schooljaar 2019-2020 --gemeenten GM0482,GM0585 >/dev/null 2>"$tmp/err.txt" || rc=$?
[ "$rc" = 65 ] && grep -q "GM0585 Binnenmaas is per 1 januari 2019 opgegaan in GM1963 Hoeksche Waard" "$tmp/err.txt" &&
  ok || bad "gone code: rc $rc $(cat "$tmp/err.txt")"
[ ! -e "$tmp/x" ] && ok || bad "a failed init left a folder"
# a region the program does not know needs --gemeenten; with them it works
rc=0
"$bin" init "$tmp/hr" --regio "Holland Rijnland" --schooljaar 2019-2020 >/dev/null 2>"$tmp/err.txt" || rc=$?
[ "$rc" = 64 ] && grep -q "give its municipalities with --gemeenten" "$tmp/err.txt" && ok || bad "unknown region: rc $rc"
"$bin" init "$tmp/hr" --regio "Holland Rijnland" --schooljaar 2019-2020 --gemeenten GM0546,GM0547 \
  --organisatie "Bureau Leerplicht Plus" >/dev/null
grep -qx "organisatie,Bureau Leerplicht Plus" "$tmp/hr/project.csv" && ok || bad "organisatie"
grep -q "^GM0546,Leiden,," "$tmp/hr/2019-2020/verzuim.csv" && ok || bad "Leiden row"
grep -qx "regio: Holland Rijnland" "$tmp/hr/sjabloon/jaarverslag.md" && ok || bad "sjabloon region"
# maps of a project take the region from its gemeenten.csv: Leiderdorp, a
# member without data, is drawn as geen gegevens (not left out as a neighbour)
for f in "$tmp/hr/2019-2020"/*.csv; do
  [ "$(basename "$f")" = regio.csv ] && continue
  sed -i -e '/^GM0547,/d' -e '/^GM0546,/s/,$/,0/; /^GM0546,/{:a; s/,,/,0,/; ta}' "$f"
done
sed -i 's/^\(GM0546,Leiden\),.*/\1,9000,1000,10000/' "$tmp/hr/2019-2020/leerplichtigen.csv"
"$bin" map --indicator relatief_verzuim --data "$tmp/hr/2019-2020" --explain >"$tmp/hr.txt" 2>"$tmp/hr.err" ||
  bad "map of the Holland Rijnland project: $(cat "$tmp/hr.err")"
grep -q "GM0547 Leiderdorp: in the region but not in the data; drawn as geen gegevens" "$tmp/hr.err" && ok ||
  bad "project region not used: $(cat "$tmp/hr.err")"
# filled in (synthetic figures), the report uses the project's own template
. "$src/tests/e2e/lib/zhz_project.sh"
zhz_project "$p"
sed -i 's/^# 1 Leerplicht en absoluut verzuim$/# 1 Leerplicht in onze eigen woorden/' "$p/sjabloon/jaarverslag.md"
"$bin" report --data "$p/2019-2020" -o "$tmp/r.pdf" >/dev/null 2>"$tmp/err.txt" ||
  { cat "$tmp/err.txt"; bad "report of the project"; }
pdftotext "$tmp/r.pdf" "$tmp/r.txt" 2>/dev/null
grep -q "Leerplicht in onze eigen woorden" "$tmp/r.txt" && ok ||
  bad "report does not use the project's template"
e2e_end
