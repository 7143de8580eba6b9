#!/usr/bin/env bash
# batch over one project folder of `jaarverslag init`: a report per school
# year with the project's own template, the template's warnings named after
# their output; a correction to an earlier year rebuilds the later year's
# report too (it compares with it); --template overrides the project's.
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"
p=$tmp/zhz
. "$src/tests/e2e/lib/zhz_project.sh"
zhz_project "$p" --init "$bin"
sed -i 's/^# 1 Leerplicht en absoluut verzuim$/# 1 Leerplicht bij ons/' "$p/sjabloon/jaarverslag.md"
"$bin" batch "$p" -j 2 >"$tmp/out" 2>"$tmp/err" || { cat "$tmp/out" "$tmp/err"; echo "FAIL: batch"; exit 1; }
out=$p/out
for f in jaarverslag-zhz-2017-2018.pdf jaarverslag-zhz-2019-2020.pdf bijlage-kaarten-2019-2020.pdf; do
  [ -s "$out/$f" ] || { ls "$out"; echo "FAIL: $f not built"; exit 1; }
done
pdftotext "$out/jaarverslag-zhz-2019-2020.pdf" "$tmp/r.txt" 2>/dev/null
grep -q "Leerplicht bij ons" "$tmp/r.txt" || { echo "FAIL: not the project's template"; exit 1; }
grep -q "omgerekend naar de gemeentelijke indeling 2020" "$tmp/r.txt" || { echo "FAIL: no comparison"; exit 1; }
grep -q "^jaarverslag batch: zhz/2019-2020: .*sjabloon/jaarverslag.md:[0-9]*: warning: ::kerncijfer left out" "$tmp/err" ||
  { cat "$tmp/err"; echo "FAIL: template warnings not reported per output"; exit 1; }
# a correction in 2017-2018 rebuilds both reports
mkdir -p "$p/2017-2018/correcties"
printf 'cbs_code,gemeente,relatief_verzuim,datum,reden\nGM0585,Binnenmaas,68,2018-10-01,nagekomen\n' \
  >"$p/2017-2018/correcties/c.csv"
"$bin" batch "$p" -j 2 >"$tmp/out" 2>"$tmp/err" || { cat "$tmp/err"; echo "FAIL: batch 2"; exit 1; }
grep -q "gebouwd zhz/2019-2020" "$tmp/out" || { cat "$tmp/out"; echo "FAIL: 2019-2020 not rebuilt"; exit 1; }
grep -q "gebouwd zhz/2017-2018" "$tmp/out" || { cat "$tmp/out"; echo "FAIL: 2017-2018 not rebuilt"; exit 1; }
pdftotext -layout "$out/jaarverslag-zhz-2019-2020.pdf" "$tmp/r.txt" 2>/dev/null
# Hoeksche Waard 2017-2018 now (68 + 35 + 40 + 103 + 23) / 13.009 = 20,7
grep -q "^ *Hoeksche Waard .* 20,2 *20,7 *-0,5 " "$tmp/r.txt" || { grep "Hoeksche" "$tmp/r.txt"; echo "FAIL: corrected earlier year"; exit 1; }
# nothing changed: nothing rebuilt
"$bin" batch "$p" >"$tmp/out" 2>"$tmp/err"
grep -q "gebouwd zhz/" "$tmp/out" && { cat "$tmp/out"; echo "FAIL: rebuilt without a change"; exit 1; }
# --template: the bundled template for every report
"$bin" batch "$p" --template "$src/templates/zuid-holland-zuid/jaarverslag.md" >"$tmp/out" 2>"$tmp/err"
pdftotext "$out/jaarverslag-zhz-2019-2020.pdf" "$tmp/r.txt" 2>/dev/null
grep -q "Leerplicht en absoluut verzuim" "$tmp/r.txt" || { echo "FAIL: --template ignored"; exit 1; }
echo ok
