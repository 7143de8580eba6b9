#!/usr/bin/env bash
# Benchmarks the main job: the default Zuid-Holland Zuid 2017-2018 report.
# Prints median wall time and peak RSS over N runs (default 11).
# Usage: bench/bench.sh [RUNS]   (builds ./build-bench in Release mode first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-11}
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DJV_TESTS=OFF >/dev/null
cmake --build build-bench -j "$(nproc)" >/dev/null
bin=$PWD/build-bench/jaarverslag
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1546300800
echo "jaarverslag $("$bin" --version | cut -d' ' -f2), $(nproc) cores, $(date -u +%Y-%m-%d)"
python3 bench/run.py -n "$runs" --label "check (bundled data)" -- "$bin" check
python3 bench/run.py -n "$runs" --label "report (default, full)" -- "$bin" report -o "$tmp/r.pdf"
if "$bin" report --help | grep -q -- --no-charts; then
  python3 bench/run.py -n "$runs" --label "report (default, no charts)" -- "$bin" report --no-charts -o "$tmp/n.pdf"
fi
echo "output: $(stat -c %s "$tmp/r.pdf") bytes, $(pdfinfo "$tmp/r.pdf" | awk '/^Pages/{print $2}') pages"
