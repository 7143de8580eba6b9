#!/usr/bin/env bash
# Benchmarks the main jobs as paired comparisons (bench/pair.py: alternating
# runs, median of the per-pair ratios, so machine load cancels out):
#   1. the default Zuid-Holland Zuid 2017-2018 report against the floor probe
#      of ../shared/bench/floor/ (libharu alone writing 24 comparable pages;
#      goal: ratio <= 1.5);
#   2. the national map as a 300-dpi PNG against that report (goal <= 1) and
#      as a 600-dpi PNG (goal < 0,5 s and < 60 MiB);
#   3. batch -j 2 against -j 1 on the 39 synthetic regions + annex;
#   4. the cost curve over 17, 95 and 380 municipalities (bench/scale.sh).
# Usage: bench/bench.sh [PAIRS]   (default 11; builds ./build-bench in Release)
#   JV_BIN=/path/to/jaarverslag uses that binary instead.
set -euo pipefail
pairs=${1:-11}
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"

floor=../shared/bench/floor
python3 "$floor/rings.py" ../shared/geo/gemeente_2020.topojson >"$tmp/rings.txt"
cc -O2 "$floor/floor.c" -o "$tmp/floor" -lhpdf
probe=("$tmp/floor" "$tmp/rings.txt" assets/fonts/LiberationSans-Regular.ttf "$tmp/floor.pdf")
report=("$bin" report -o "$tmp/r.pdf")
map300=("$bin" map --indicator absoluut_verzuim --national --dpi 300 -o "$tmp/m300.png")
map600=("$bin" map --indicator absoluut_verzuim --national --dpi 600 -o "$tmp/m600.png")

echo "jaarverslag $("$bin" --version | cut -d' ' -f2), $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "A/B ratios (median of $pairs alternating pairs); A and B: median wall, peak RSS"
python3 bench/pair.py -n "$pairs" --label "report / floor probe (goal <= 1.5)" -- \
  "${report[@]}" -- "${probe[@]}"
python3 bench/pair.py -n "$pairs" --label "national 300-dpi PNG / report (goal <= 1)" -- \
  "${map300[@]}" -- "${report[@]}"
python3 bench/pair.py -n "$pairs" --label "national 600-dpi PNG / report" -- \
  "${map600[@]}" -- "${report[@]}"
echo "output: report $(stat -c %s "$tmp/r.pdf") bytes, $(pdfinfo "$tmp/r.pdf" | awk '/^Pages/{print $2}') pages;" \
  "map 300 dpi $(stat -c %s "$tmp/m300.png") bytes, 600 dpi $(stat -c %s "$tmp/m600.png") bytes"

proj=$tmp/project
python3 scripts/synthetic_project.py "$proj" --regions 39 >/dev/null
# each run a full batch: the previous run's outputs removed first
batch() { printf 'rm -rf "%s/out" && exec "%s" batch "%s" -j %s\n' "$proj" "$bin" "$proj" "$1"; }
batch 1 >"$tmp/batch1.sh"
batch 2 >"$tmp/batch2.sh"
python3 bench/pair.py -n "$(((pairs + 1) / 2))" --label "batch 39 regions + annex: -j 2 / -j 1" -- \
  sh "$tmp/batch2.sh" -- sh "$tmp/batch1.sh"

JV_BIN=$bin bash bench/scale.sh
