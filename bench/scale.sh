#!/usr/bin/env bash
# The cost curve: the report of one synthetic region of about 17, 95 and 380
# municipalities (scripts/synthetic_project.py with 22, 4 and 1 regions),
# median wall time and peak RSS of N runs, and the time per municipality
# (constant if the cost is linear in municipalities x indicators).
# Usage: bench/scale.sh [RUNS]   (default 5; JV_BIN as in bench/bench.sh)
set -euo pipefail
runs=${1:-5}
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
for regions in 22 4 1; do
  python3 scripts/synthetic_project.py "$tmp/p$regions" --regions "$regions" --take 1 >/dev/null
  dir=$tmp/p$regions/synthetische-regio-01/2017-2018
  n=$(($(wc -l <"$dir/leerplichtigen.csv") - 1))
  line=$(python3 bench/run.py -n "$runs" --label "report, $n municipalities" -- \
    "$bin" report --data "$dir" -o "$tmp/r.pdf")
  ms=$(echo "$line" | sed -n 's/.*wall median *\([0-9.]*\) ms.*/\1/p')
  echo "$line  $(awk -v t="$ms" -v n="$n" 'BEGIN { printf "%.2f ms per municipality", t / n }')," \
    "$(pdfinfo "$tmp/r.pdf" | awk '/^Pages/{print $2}') pages"
done
