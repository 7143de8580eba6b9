#!/usr/bin/env bash
# Plausibility against the project's earlier year: a project folder with the
# bundled 2017-2018 data and a 2016-2017 year made from it, in which
# Dordrecht had 10.000 leerplichtigen (17.117 in 2017-2018: +71 %) and 40
# absoluut verzuim (9 in 2017-2018: more than a factor 3). `check` of
# 2017-2018 warns about both, at the 2017-2018 cells; without the earlier
# year it does not.
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"
p=$tmp/zhz
mkdir -p "$p"
cp -r "$src/data/zuid-holland-zuid/2017-2018" "$p/"
cp -r "$src/data/zuid-holland-zuid/2017-2018" "$p/2016-2017"
sed -i -e "s/^schooljaar,2017-2018/schooljaar,2016-2017/" -e "s/^indeling,2018/indeling,2017/" \
  "$p/2016-2017/regio.csv"
sed -i "5s/,14246,2871,17117\$/,8000,2000,10000/" "$p/2016-2017/leerplichtigen.csv"
sed -i "5s/,Dordrecht,9,678\$/,Dordrecht,40,678/" "$p/2016-2017/verzuim.csv"
grep -q "^GM0505,Dordrecht,8000,2000,10000" "$p/2016-2017/leerplichtigen.csv"
grep -q "^GM0505,Dordrecht,40,678" "$p/2016-2017/verzuim.csv"

"$bin" check --data "$p/2017-2018" >"$tmp/out" 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
grep -qF "2017-2018/leerplichtigen.csv:5:5: warning: Dordrecht: leerplichtigen_5_17 is 17.117, 10.000 in 2016-2017: a change of more than 20 %" "$tmp/err" ||
  bad "no leerplichtigen change warning"
grep -qF "2017-2018/verzuim.csv:5:3: warning: Dordrecht: absoluut_verzuim is 9, 40 in 2016-2017: a change of more than a factor 3" "$tmp/err" ||
  bad "no factor 3 warning"
[ "$(grep -c "in 2016-2017: a change" "$tmp/err")" = 2 ] || bad "expected exactly two change warnings"
rm -rf "$p/2016-2017"
"$bin" check --data "$p/2017-2018" >"$tmp/out" 2>"$tmp/err"
! grep -q "a change of" "$tmp/err" || bad "change warning without an earlier year"
[ $fail = 0 ] || cat "$tmp/err"
e2e_end
