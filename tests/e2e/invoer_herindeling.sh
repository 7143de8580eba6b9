#!/usr/bin/env bash
# `jaarverslag invoer` maps the region through the herindelingen onto the
# school year's indeling exactly as `init` does (one function,
# pipeline/region_members.c): for Zuid-Holland Zuid 2019-2020 the workbook
# lists Hoeksche Waard, Molenlanden and Vijfheerenlanden and none of their
# predecessors, also when the program's regios.csv knows the region only up
# to the indeling 2018 (a copy of the program's home, JAARVERSLAG_HOME), and
# it lists the same municipalities as `init` for that year. --gemeenten with
# a code that is gone names its successor.
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"

. "$src/tests/e2e/lib/program_home.sh"
home=$tmp/home
program_home "$src" "$home" assets/geo/regios.csv
[ -L "$home/assets/geo/gemeente_2018.topojson" ] && [ ! -L "$home/assets/geo/regios.csv" ] ||
  bad "the copied home is not as meant"
awk -F, 'NR == 1 || $2 <= 2018' "$src/assets/geo/regios.csv" >"$home/assets/geo/regios.csv"
grep -q ',2020,' "$home/assets/geo/regios.csv" && bad "the trimmed regios.csv still lists 2020"

# names of the workbook's verzuim sheet, one per line
names() {
  /usr/bin/python3 - "$1" <<'PY'
import sys, openpyxl
for r in openpyxl.load_workbook(sys.argv[1])["verzuim"].iter_rows(min_row=2):
    print(r[0].value, r[1].value)
PY
}
for h in "$src" "$home"; do
  out=$tmp/invoer-$(basename "$h").xlsx
  JAARVERSLAG_HOME=$h "$bin" invoer --regio "Zuid-Holland Zuid" --schooljaar 2019-2020 -o "$out" >/dev/null 2>"$tmp/err" ||
    { bad "invoer with home $h: $(cat "$tmp/err")"; continue; }
  names "$out" >"$tmp/names.txt"
  [ "$(wc -l <"$tmp/names.txt")" = 11 ] || bad "$h: $(wc -l <"$tmp/names.txt") municipalities, expected 11"
  for n in "GM1963 Hoeksche Waard" "GM1978 Molenlanden" "GM1961 Vijfheerenlanden" "GM0505 Dordrecht"; do
    grep -qx "$n" "$tmp/names.txt" || bad "$h: workbook lacks $n"
  done
  for n in Binnenmaas Cromstrijen Korendijk Oud-Beijerland Strijen Giessenlanden Molenwaard Leerdam Zederik Vianen; do
    grep -q "$n" "$tmp/names.txt" && bad "$h: workbook lists predecessor $n"
  done
  # the same municipalities as init's data files for that year
  rm -rf "$tmp/p"
  JAARVERSLAG_HOME=$h "$bin" init "$tmp/p" --regio "Zuid-Holland Zuid" --schooljaar 2019-2020 >/dev/null
  tail -n +2 "$tmp/p/2019-2020/verzuim.csv" | cut -d, -f1,2 | tr , ' ' >"$tmp/init.txt"
  cmp -s "$tmp/names.txt" "$tmp/init.txt" || bad "$h: invoer and init differ: $(diff "$tmp/init.txt" "$tmp/names.txt")"
done
rc=0
"$bin" invoer --regio X --schooljaar 2019-2020 --gemeenten GM0482,GM0585 -o "$tmp/x.xlsx" 2>"$tmp/err" || rc=$?
[ $rc = 65 ] && grep -q "GM0585 Binnenmaas is per 1 januari 2019 opgegaan in GM1963 Hoeksche Waard" "$tmp/err" ||
  bad "gone code: exit $rc $(cat "$tmp/err")"
[ ! -e "$tmp/x.xlsx" ] || bad "a workbook for a gone code"
"$bin" invoer --regio "Holland Rijnland" --schooljaar 2019-2020 --gemeenten GM0546,GM0547 -o "$tmp/hr.xlsx" >/dev/null
names "$tmp/hr.xlsx" | tr '\n' ';' | grep -qx "GM0546 Leiden;GM0547 Leiderdorp;" || bad "--gemeenten: $(names "$tmp/hr.xlsx")"
e2e_end
