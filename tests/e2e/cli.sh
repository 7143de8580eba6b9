#!/usr/bin/env bash
# The command line behaves like a well-kept CLI: --help and --version exit 0,
# wrong use exits 64 with a message, the catalogues list stable names.
set -uo pipefail
bin=$1
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
"$bin" --version | grep -Eq '^jaarverslag [0-9]+\.[0-9]+\.[0-9]+$' && ok || bad "--version"
"$bin" --help | grep -q "Commands:" && ok || bad "--help"
for c in report check indicators chart map batch; do
  "$bin" $c --help >/dev/null && ok || bad "$c --help"
done
"$bin" bogus 2>/dev/null; [ $? -eq 64 ] && ok || bad "unknown command not 64"
"$bin" 2>/dev/null; [ $? -eq 64 ] && ok || bad "no command not 64"
"$bin" indicators --bogus 2>/dev/null; [ $? -eq 64 ] && ok || bad "unknown option not 64"
out=$("$bin" indicators)
for n in leerplichtigen_5_17 absoluut_verzuim relatief_verzuim vrijstelling_5a vervangende_leerplicht_3a thuiszitters_actueel; do
  grep -q "^$n	" <<<"$out" && ok || bad "indicator $n not listed"
done
[ "$(echo "$out" | cut -f1 | sort | uniq -d | wc -l)" -eq 0 ] && ok || bad "duplicate indicator names"
"$bin" indicators --series | grep -q "^vsv	vsv	" && ok || bad "series vsv not listed"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
