#!/usr/bin/env bash
# `jaarverslag check` on the bundled data and its command-line contract:
# summary line, located warnings, exit statuses 0/64/66.
# Usage: check.sh /path/to/jaarverslag   (env JV_SRC = repository root)
set -u
. "$(dirname "$0")/lib/e2e.sh"
data=$src/data/zuid-holland-zuid/2017-2018
expect() { # name, want status, got status, condition (0 = ok)
  if [ "$2" = "$3" ] && [ "$4" = 0 ]; then
    pass=$((pass + 1))
  else
    echo "FAIL $1: status $3 (want $2); stderr: $(head -c 300 "$tmp/err")" >&2
    fail=$((fail + 1))
  fi
}

"$bin" check --data "$data" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$(cat "$tmp/out")" = "17 gemeenten, 29 indicatoren, 2 waarschuwingen" ]
expect "bundled summary" 0 $rc $?
grep -qF "thuiszitters.csv:5:8: warning: Dordrecht: thuiszitters_actueel is 17, but aanvang + nieuw - opgelost - 18 jaar - verhuisd gives 16" "$tmp/err"
expect "Dordrecht flow warning" 0 $rc $?
grep -qF "thuiszitters.csv:18:8: warning: Zwijndrecht: thuiszitters_actueel is 2" "$tmp/err"
expect "Zwijndrecht flow warning" 0 $rc $?
[ "$(grep -c warning: "$tmp/err")" = 2 ]
expect "exactly two warnings" 0 $rc $?

# without --data: the bundled directory
"$bin" check >"$tmp/out" 2>"$tmp/err"
rc=$?
grep -qx "17 gemeenten, 29 indicatoren, 2 waarschuwingen" "$tmp/out"
expect "default data" 0 $rc $?

"$bin" check --help >"$tmp/out" 2>"$tmp/err"
rc=$?
grep -q "^Usage: jaarverslag check" "$tmp/out"
expect "--help" 0 $rc $?

"$bin" check --bogus >"$tmp/out" 2>"$tmp/err"
expect "unknown option" 64 $? 0
"$bin" check "$data" >"$tmp/out" 2>"$tmp/err"
expect "stray argument" 64 $? 0
"$bin" check --data >"$tmp/out" 2>"$tmp/err"
expect "--data without DIR" 64 $? 0

"$bin" check --data "$tmp/nope" >"$tmp/out" 2>"$tmp/err"
rc=$?
grep -qF "$tmp/nope: error: no such data directory" "$tmp/err" && [ ! -s "$tmp/out" ]
expect "missing directory" 66 $rc $?

mkdir "$tmp/unreadable" && cp "$data"/*.csv "$tmp/unreadable/" && chmod 000 "$tmp/unreadable/verzuim.csv"
if [ -r "$tmp/unreadable/verzuim.csv" ]; then
  echo "skip unreadable file (running as root)"
else
  "$bin" check --data "$tmp/unreadable" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  grep -qF "verzuim.csv: error: cannot open" "$tmp/err"
  expect "unreadable file" 66 $rc $?
fi

e2e_end
