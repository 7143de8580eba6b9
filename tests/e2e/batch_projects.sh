#!/usr/bin/env bash
# batch over several projects: two project folders of `jaarverslag init` and
# a folder of regions given on one command line, all outputs in one -o
# folder named after each project's folder; each report from its own data
# (the absoluut-verzuim table's region row, computed here from the CSVs),
# template and project.csv, a template warning named after its output and
# located at its line; the folder-of-projects form gives the same report;
# two projects of one name, or several without -o, are refused (64); a
# malformed year in one project fails that output (65) and the annex of
# that year, keeps their old files and still builds the others.
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"
. "$src/tests/e2e/lib/zhz_project.sh"
cd "$tmp"
# a folder of regions (the synthetic batch layout) and two init projects:
# Zuid-Holland Zuid (2017-2018 and a synthetic 2019-2020) and "kop", a
# synthetic region of other municipalities, with its own template
python3 "$src/scripts/synthetic_project.py" syn --regions 39 --take 2 >/dev/null
mkdir projects
zhz_project projects/zhz --init "$bin"
kop=syn/synthetische-regio-02
codes=$(awk -F, 'NR > 1 {printf "%s%s", s, $1; s = ","}' "$kop/2017-2018/leerplichtigen.csv")
"$bin" init projects/kop --regio "Synthetische regio 02" --schooljaar 2017-2018 --gemeenten "$codes" \
  --organisatie "Bureau Kop" >/dev/null
cp "$kop/2017-2018"/* projects/kop/2017-2018/
cp "$kop/reeksen.csv" projects/kop/
rm -r "$kop"
printf '\n# Eigen hoofdstuk van Kop\n\n::grafiek{soort=trend indicator=absoluut_verzuim}\n' \
  >>projects/kop/sjabloon/jaarverslag.md
line=$(grep -n '^::grafiek{soort=trend indicator=absoluut_verzuim}$' projects/kop/sjabloon/jaarverslag.md | cut -d: -f1)

# the region row of the absoluut-verzuim table: 5-15, 16-17, 5-17, count, per 1.000
region_row() { /usr/bin/python3 "$src/tests/e2e/lib/region_row.py" "$1"; }
check_report() { # pdf, data dir, region name
  local want got
  want=$(region_row "$2")
  pdftotext -layout "$1" page.txt 2>/dev/null
  got=$(grep "^ *$3  .*  " page.txt | head -n 1 | tr -s ' ' | sed 's/^ //')
  case "$got" in "$3 $want"*) ;; *) bad "$1: region row '$got', want '$3 $want'" ;; esac
}

# 1. two project folders and a folder of regions, one -o
rc=0
"$bin" batch projects/zhz projects/kop syn -o out -j 2 >out.txt 2>err.txt || rc=$?
[ "$rc" = 0 ] || { cat out.txt err.txt; bad "batch of three: exit $rc"; }
for f in jaarverslag-zhz-2017-2018 jaarverslag-zhz-2019-2020 jaarverslag-kop-2017-2018 \
  jaarverslag-synthetische-regio-01-2017-2018 bijlage-kaarten-2017-2018 bijlage-kaarten-2019-2020; do
  [ -s "out/$f.pdf" ] || bad "out/$f.pdf not built"
done
grep -q "^klaar: 6 gebouwd, 0 actueel, 0 mislukt" out.txt || bad "summary: $(tail -1 out.txt)"
check_report out/jaarverslag-kop-2017-2018.pdf projects/kop/2017-2018 "Synthetische regio 02"
check_report out/jaarverslag-synthetische-regio-01-2017-2018.pdf syn/synthetische-regio-01/2017-2018 "Synthetische regio 01"
check_report out/jaarverslag-zhz-2019-2020.pdf projects/zhz/2019-2020 "Zuid-Holland Zuid"
pdftotext out/jaarverslag-kop-2017-2018.pdf kop.txt 2>/dev/null
grep -q "Eigen hoofdstuk van Kop" kop.txt || bad "kop: not its own template"
grep -q "Bureau Kop" kop.txt || bad "kop: not its own project.csv"
pdftotext out/jaarverslag-zhz-2019-2020.pdf zhz.txt 2>/dev/null
grep -q "Eigen hoofdstuk van Kop" zhz.txt && bad "zhz got kop's template"
grep -qF "jaarverslag batch: kop/2017-2018: projects/kop/sjabloon/jaarverslag.md:$line: warning: ::grafiek left out: a trend needs two or more school years" err.txt ||
  { cat err.txt; bad "kop's template warning not reported with its location"; }
# each its own series: kop's reeksen.csv holds vsv, zhz has none
grep -q "^jaarverslag batch: kop/2017-2018: .*no series vsv" err.txt && bad "kop: its reeksen.csv not used"
grep -q "^jaarverslag batch: zhz/2019-2020: .*no series vsv" err.txt || bad "zhz: got a series it does not have"
# the annex of 2017-2018 over every project's municipalities of that year
n_munis=$(cat projects/zhz/2017-2018/leerplichtigen.csv projects/kop/2017-2018/leerplichtigen.csv \
  syn/synthetische-regio-01/2017-2018/leerplichtigen.csv | grep -c '^GM')
pdftotext out/bijlage-kaarten-2017-2018.pdf annex.txt 2>/dev/null
tr -s ' \n' ' ' <annex.txt | grep -q "cijfers van 3 regio's ($n_munis gemeenten)" ||
  bad "annex 2017-2018 does not cover the $n_munis municipalities of the 3 projects"

# 2. a folder holding an init project: the same report, byte for byte
mkdir kantoren && ln -s ../projects/kop kantoren/kop
"$bin" batch kantoren -o out2 -j 2 >out2.txt 2>err2.txt || { cat err2.txt; bad "batch kantoren/"; }
cmp -s out/jaarverslag-kop-2017-2018.pdf out2/jaarverslag-kop-2017-2018.pdf || bad "folder form: kop's report differs"
grep -qF "jaarverslag batch: kop/2017-2018: kantoren/kop/sjabloon/jaarverslag.md:$line: warning" err2.txt || bad "folder form: no located warning"

# 3. refused before anything is built
mkdir other && cp -r projects/kop other/kop
rc=0
"$bin" batch projects/kop other/kop -o out3 >o.txt 2>e.txt || rc=$?
[ "$rc" = 64 ] && grep -q "two projects named 'kop' (projects/kop and other/kop)" e.txt || bad "same name: exit $rc: $(cat e.txt)"
[ ! -e out3/jaarverslag-kop-2017-2018.pdf ] || bad "same name: something was built"
rc=0
"$bin" batch projects/zhz projects/kop >o.txt 2>e.txt || rc=$?
[ "$rc" = 64 ] && grep -q "2 projects given: say with -o OUTDIR" e.txt || bad "no -o: exit $rc: $(cat e.txt)"
rc=0
"$bin" batch projects/zhz nowhere -o out >o.txt 2>e.txt || rc=$?
[ "$rc" = 66 ] && grep -q "nowhere: error: no such project directory" e.txt || bad "missing project: exit $rc: $(cat e.txt)"

# 4. an error in one project: that output and its year's annex fail, their old
# files stay; another project's correction is still built
cp out/jaarverslag-synthetische-regio-01-2017-2018.pdf old-01.pdf
cp out/bijlage-kaarten-2017-2018.pdf old-annex.pdf
sed -i '2s/^\(GM[0-9]*,[^,]*\),[0-9]*,/\1,veel,/' syn/synthetische-regio-01/2017-2018/verzuim.csv
mkdir -p projects/kop/2017-2018/correcties
first=$(sed -n 2p projects/kop/2017-2018/verzuim.csv | cut -d, -f1,2)
printf 'cbs_code,gemeente,absoluut_verzuim,datum,reden\n%s,1,2018-10-01,nagekomen\n' "$first" \
  >projects/kop/2017-2018/correcties/c.csv
rc=0
"$bin" batch projects/zhz projects/kop syn -o out -j 2 >out.txt 2>err.txt || rc=$?
[ "$rc" = 65 ] || bad "a malformed year: exit $rc, want 65"
grep -q "gebouwd kop/2017-2018" out.txt || bad "kop's correction not built: $(cat out.txt)"
grep -q "mislukt synthetische-regio-01/2017-2018" out.txt || bad "regio 01 did not fail"
grep -q "mislukt bijlage/2017-2018" out.txt || bad "annex 2017-2018 did not fail"
grep -q "actueel zhz/2019-2020" out.txt || bad "zhz not current"
grep -q "synthetische-regio-01/2017-2018/verzuim.csv:2:3: " err.txt || bad "error not located: $(cat err.txt)"
cmp -s old-01.pdf out/jaarverslag-synthetische-regio-01-2017-2018.pdf || bad "regio 01: old report not kept"
cmp -s old-annex.pdf out/bijlage-kaarten-2017-2018.pdf || bad "old annex not kept"
e2e_end
