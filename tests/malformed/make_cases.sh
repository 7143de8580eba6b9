#!/usr/bin/env bash
# Builds the malformed-data corpus: for every case directory here (one with a
# `defect` script), copies the bundled data into OUT/<case> and runs the
# defect script inside that copy. Each case is thus the real Zuid-Holland
# Zuid 2017-2018 data with exactly one defect, readable in its `defect`.
#
# Usage: make_cases.sh DATA_DIR OUT_DIR [CASE...]
#   DATA_DIR  normally data/zuid-holland-zuid/2017-2018
#   OUT_DIR   created if needed; existing case copies are replaced
# Exits non-zero when a defect script fails or leaves the copy unchanged
# (the bundled data changed under it), so no case passes by accident.
set -u
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -lt 2 ]; then
  sed -n '2,12p' "$0" >&2
  exit 64
fi
data=$1
out=$2
shift 2
mkdir -p "$out" || exit 73
if [ $# -eq 0 ]; then
  set -- $(cd "$here" && for d in */; do [ -f "$d/defect" ] && echo "${d%/}"; done)
fi
# defect scripts may use the corpus' own files (fixtures/) and the repository
export MALFORMED=$here
REPO=$(cd "$here/../.." && pwd)
export REPO
status=0
for c in "$@"; do
  rm -rf "${out:?}/$c"
  cp -R "$data" "$out/$c" || exit 74
  if ! (cd "$out/$c" && LC_ALL=C bash -eu "$here/$c/defect"); then
    echo "make_cases: $c: defect script failed" >&2
    status=1
  elif diff -rq "$data" "$out/$c" >/dev/null; then
    echo "make_cases: $c: defect changed nothing" >&2
    status=1
  fi
done
exit $status
