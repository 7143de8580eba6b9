#!/usr/bin/env bash
# The main job under valgrind: no invalid reads/writes, no use of
# uninitialised memory, no definite leaks. (Skipped in the sanitizer build,
# where ASan already checks the same.)
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"
command -v valgrind >/dev/null || { echo "valgrind missing"; exit 1; }
vg=(valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect
    --show-leak-kinds=definite,indirect)
"${vg[@]}" "$bin" report -o "$tmp/r.pdf" 2>"$tmp/vg1.txt" || { cat "$tmp/vg1.txt"; echo "FAIL: report"; exit 1; }
"${vg[@]}" "$bin" check >/dev/null 2>"$tmp/vg2.txt" || { cat "$tmp/vg2.txt"; echo "FAIL: check"; exit 1; }
(cd "$tmp" && "${vg[@]}" "$bin" map --indicator absoluut_verzuim -o "$tmp/m.png" >/dev/null 2>"$tmp/vg3.txt") ||
  { cat "$tmp/vg3.txt"; echo "FAIL: map"; exit 1; }
"${vg[@]}" "$bin" chart --kind trend --indicator vrijstellingen -o "$tmp/c.svg" >/dev/null 2>"$tmp/vg4.txt" ||
  { cat "$tmp/vg4.txt"; echo "FAIL: chart"; exit 1; }
echo "4 passed, 0 failed"
