#!/usr/bin/env bash
# A report over five school years: the Zuid-Holland Zuid test project
# (tests/e2e/lib/zhz_project.sh) with 2014-2015, 2015-2016 and 2016-2017 as
# copies of 2017-2018 on their own indeling, and the bundled template plus
# four more regional trends and six key-figure cards of earlier years.
# Prints the report's median wall time and peak RSS (bench/run.py), or with
# JV_BASE=/path/to/other/jaarverslag the paired ratio base/this
# (bench/pair.py); then, when valgrind is there, how often one report calls
# jv_recompute (once per earlier year: 4) and its instruction count.
# Usage: bench/history.sh [RUNS]   (default 21; JV_BIN as in bench/bench.sh)
set -euo pipefail
runs=${1:-21}
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
p=$tmp/zhz
src=$PWD
. tests/e2e/lib/zhz_project.sh
zhz_project "$p"
zhz_earlier_years "$p" 2014 2015 2016
mkdir -p "$p/sjabloon"
cp -r templates/zuid-holland-zuid/. "$p/sjabloon/"
cat >>"$p/sjabloon/jaarverslag.md" <<'MD'

# Meer trends

::grafiek{soort=trend indicator=absoluut_verzuim eenheid=per_1000 titel="Absoluut verzuim per 1.000"}

::grafiek{soort=trend indicator=absoluut_verzuim eenheid=aantal titel="Absoluut verzuim"}

::grafiek{soort=trend indicator=relatief_verzuim eenheid=aantal titel="Relatief verzuim"}

::grafiek{soort=trend indicator=thuiszitters_actueel eenheid=aantal titel="Thuiszitters"}

::kerncijfer{indicator=relatief_verzuim jaar=-1}
::kerncijfer{indicator=relatief_verzuim jaar=-2}
::kerncijfer{indicator=relatief_verzuim jaar=-3}
::kerncijfer{indicator=absoluut_verzuim jaar=-1}
::kerncijfer{indicator=absoluut_verzuim jaar=-2}
::kerncijfer{indicator=absoluut_verzuim jaar=-4}
MD
report=(report --data "$p/2019-2020" -o "$tmp/r.pdf")
if [ -n "${JV_BASE:-}" ]; then
  python3 bench/pair.py -n "$runs" --label "5-year report, base/this" -- "$JV_BASE" "${report[@]}" \
    -- "$bin" "${report[@]}"
else
  python3 bench/run.py -n "$runs" --label "5-year report" -- "$bin" "${report[@]}"
fi
if command -v valgrind >/dev/null; then
  valgrind --tool=callgrind --compress-strings=no --callgrind-out-file="$tmp/cg.out" \
    "$bin" "${report[@]}" >/dev/null 2>&1
  awk '/^cfn=/ { want = $0 ~ /[ =]jv_recompute$/; next }
       want && /^calls=/ { split($1, c, "="); n += c[2]; want = 0 }
       /^summary:/ { ir = $2 }
       END { printf "jv_recompute calls: %d; instructions: %d\n", n, ir }' "$tmp/cg.out"
fi
