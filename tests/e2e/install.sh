#!/usr/bin/env bash
# After `cmake --install`, the installed binary finds its fonts, assets and
# bundled data under <prefix>/share/jaarverslag and writes the same report.
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"
build=$(dirname "$bin")
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
test -x "$tmp/prefix/bin/jaarverslag"
test -f "$tmp/prefix/share/jaarverslag/assets/fonts/LiberationSans-Regular.ttf"
test -f "$tmp/prefix/share/jaarverslag/data/zuid-holland-zuid/2017-2018/regio.csv"
(cd "$tmp" && env -u JAARVERSLAG_HOME SOURCE_DATE_EPOCH=1546300800 "$tmp/prefix/bin/jaarverslag" report -o installed.pdf)
SOURCE_DATE_EPOCH=1546300800 "$bin" report -o "$tmp/build.pdf"
cmp "$tmp/installed.pdf" "$tmp/build.pdf" || { echo "FAIL: installed binary writes another report"; exit 1; }
echo "1 passed, 0 failed"
