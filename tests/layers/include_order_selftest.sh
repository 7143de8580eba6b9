#!/usr/bin/env bash
# include_order_selftest.sh SRC_DIR - the include-order check must fail, and
# name file and line, when a reverse include is added to a copy of the tree.
set -euo pipefail
src=${1:?usage: include_order_selftest.sh SRC_DIR}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$src" "$tmp/src"
bash "$here/include_order.sh" "$tmp/src" >/dev/null
# layout -> render: the cycle this check exists to stop
printf '#include "render/fonts.h"\n' >>"$tmp/src/layout/measure.h"
line=$(wc -l <"$tmp/src/layout/measure.h")
if out=$(bash "$here/include_order.sh" "$tmp/src"); then
  echo "FAIL: a reverse include layout -> render was not reported" >&2
  exit 1
fi
echo "$out"
grep -q "^src/layout/measure.h:$line: layout includes \"render/fonts.h\"" <<<"$out" || {
  echo "FAIL: the report does not name src/layout/measure.h:$line" >&2
  exit 1
}
# cli -> stats, and a folder that is no layer
printf '#include "stats/checks.h"\n' >>"$tmp/src/cli/main.c"
mkdir "$tmp/src/extra" && printf '#include "util/error.h"\n' >"$tmp/src/extra/x.c"
out=$(bash "$here/include_order.sh" "$tmp/src") && exit 1
grep -q '^src/cli/main.c:[0-9]*: cli includes "stats/checks.h"' <<<"$out"
grep -q '^src/extra/x.c:1: folder extra is not a layer' <<<"$out"
echo "include order check reports reverse includes with file and line"
