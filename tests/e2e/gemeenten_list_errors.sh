#!/usr/bin/env bash
# A broken municipality list of the program itself (assets/gemeenten, here in
# a copy of the program's home given by JAARVERSLAG_HOME) is reported row by
# row in one run: exit 65, every error with file:line:column and what was
# expected, and no report written; the data's own value error with them.
# The data's codes are not checked against a broken list (no cascade).
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"

. "$src/tests/e2e/lib/program_home.sh"
home=$tmp/home
program_home "$src" "$home" assets/gemeenten
[ -L "$home/assets/fonts" ] && [ ! -L "$home/assets/gemeenten" ] || bad "the copied home is not as meant"
list=$home/assets/gemeenten/gemeenten_2018.csv
sed -i -e '3s/^GM/XX/' -e '6s/,.*$//' "$list"
data=$tmp/data
cp -r "$src/data/zuid-holland-zuid/2017-2018" "$data"
sed -i "3s/,0,67\$/,twaalf,67/" "$data/verzuim.csv"

rc=0
JAARVERSLAG_HOME=$home "$bin" check --data "$data" >/dev/null 2>"$tmp/err" || rc=$?
[ $rc = 65 ] || bad "check: exit $rc, expected 65"
grep -q "gemeenten_2018.csv:3:1: error: 'XX[0-9]*' is not a CBS municipality code: expected GM and 4 digits" "$tmp/err" ||
  bad "bad code in the list not reported: $(cat "$tmp/err")"
grep -q "gemeenten_2018.csv:6:2: error: expected two fields (cbs_code,gemeente)" "$tmp/err" ||
  bad "short row in the list not reported: $(cat "$tmp/err")"
# the data's values do not depend on the list; its codes are not checked against a broken one
grep -q "verzuim.csv:3:3: error: 'twaalf' is not a count" "$tmp/err" || bad "the data's value error not reported"
[ "$(grep -c ': error: ' "$tmp/err")" = 3 ] || bad "expected the list's 2 errors and the data's 1: $(cat "$tmp/err")"
# sorted by file and line: line 3 before line 6
[ "$(grep -n ':3:1: error' "$tmp/err" | cut -d: -f1)" -lt "$(grep -n ':6:2: error' "$tmp/err" | cut -d: -f1)" ] ||
  bad "not sorted by line"

rc=0
JAARVERSLAG_HOME=$home "$bin" report --no-charts --data "$data" -o "$tmp/out.pdf" >/dev/null 2>"$tmp/err2" || rc=$?
[ $rc = 65 ] || bad "report: exit $rc, expected 65"
[ ! -e "$tmp/out.pdf" ] || bad "report wrote a PDF from a broken list"
grep -q "gemeenten_2018.csv:3:1: error" "$tmp/err2" || bad "report does not name the list's error"
e2e_end
