#!/usr/bin/env bash
# Benchmarks `jaarverslag batch` on the synthetic project of
# scripts/synthetic_project.py (380 municipalities in 39 regions, 2017-2018:
# 39 reports + 1 national annex). Prints wall time and outputs rebuilt for a
# full batch with -j 1 and with -j 2, a no-op batch and a batch after a
# correction to one municipality.
# Usage: bench/batch.sh [REGIONS]   (default 39)
#   JV_BIN=/path/to/jaarverslag uses that binary; otherwise ./build-bench is
#   built in Release mode first.
set -euo pipefail
regions=${1:-39}
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
proj=$tmp/project
python3 scripts/synthetic_project.py "$proj" --regions "$regions" >/dev/null

# runs a batch and prints: label, wall seconds, what the summary line says
bench() { # label, batch options...
  local label=$1
  shift
  local t0 t1 rc=0
  t0=$(date +%s%N)
  "$bin" batch "$proj" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
  t1=$(date +%s%N)
  local built
  built=$(grep -c '^\[[0-9]*/[0-9]*\] gebouwd ' "$tmp/out" || true)
  printf '%-34s %7.2f s  %3d rebuilt  (%s)\n' "$label" \
    "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')" "$built" "$(tail -n 1 "$tmp/out")"
  if [ $rc != 0 ]; then
    echo "batch failed with status $rc:" >&2
    head -n 5 "$tmp/err" >&2
    exit 1
  fi
}

echo "jaarverslag $("$bin" --version | cut -d' ' -f2), $(nproc) cores, $(date -u +%Y-%m-%d)," \
  "synthetic project: $regions regions, 380 municipalities, 2017-2018"
bench "full batch, -j 1" -j 1
rm -rf "$proj/out"
bench "full batch, -j 2" -j 2
bench "no-op batch (nothing changed)" -j 2
r=$proj/synthetische-regio-07/2017-2018
mkdir -p "$r/correcties"
IFS=, read -r code name _ < <(sed -n 2p "$r/leerplichtigen.csv")
printf 'cbs_code,gemeente,absoluut_verzuim,datum,reden\n%s,"%s",99,2018-10-01,benchmark\n' \
  "$code" "$name" >"$r/correcties/2018-10-01.csv"
bench "one correction (regio 07), -j 2" -j 2
echo "outputs: $(ls "$proj/out"/*.pdf | wc -l) PDFs, $(du -sh "$proj/out" | cut -f1)"
