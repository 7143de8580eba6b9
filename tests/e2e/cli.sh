#!/usr/bin/env bash
# The command line behaves like a well-kept CLI: --help and --version exit 0,
# wrong use exits 64 with a message, the catalogues list stable names.
set -uo pipefail
. "$(dirname "$0")/lib/e2e.sh"
"$bin" --version | grep -Eq '^jaarverslag [0-9]+\.[0-9]+\.[0-9]+$' && ok || bad "--version"
"$bin" --help | grep -q "Commands:" && ok || bad "--help"
for c in report check indicators chart map batch init invoer; do
  "$bin" $c --help >/dev/null && ok || bad "$c --help"
done
# the commands that share the option table (cli/cli_opts.c): -h too, a wrong
# option or a stray argument is 64 with the help on stderr, nothing on stdout
for c in report check init invoer; do
  grep -q "^Usage: jaarverslag $c" <<<"$("$bin" $c -h)" && ok || bad "$c -h"
  rc=0; "$bin" $c --bogus >"$tmp/out" 2>"$tmp/err" || rc=$?
  [ $rc -eq 64 ] && [ ! -s "$tmp/out" ] && grep -q "^Usage: jaarverslag $c" "$tmp/err" && ok ||
    bad "$c --bogus: exit $rc"
done
for c in report check; do
  rc=0; "$bin" $c stray 2>"$tmp/err" >/dev/null || rc=$?
  [ $rc -eq 64 ] && grep -q "jaarverslag $c: unexpected argument 'stray'" "$tmp/err" && ok || bad "$c stray: exit $rc"
done
rc=0; "$bin" invoer --regio X 2>"$tmp/err" >/dev/null || rc=$?
[ $rc -eq 64 ] && grep -q "are required" "$tmp/err" && ok || bad "invoer without -o: exit $rc"
rc=0; "$bin" init a b --regio X --schooljaar 2019-2020 2>"$tmp/err" >/dev/null || rc=$?
[ $rc -eq 64 ] && grep -q "expected one project folder DIR" "$tmp/err" && ok || bad "init with two folders: exit $rc"
# an option's value is taken as given (a flag needs none)
"$bin" check --data "$src/data/zuid-holland-zuid/2017-2018" >/dev/null 2>&1 && ok || bad "check --data"
outline=$("$bin" report -d "$src/data/zuid-holland-zuid/2017-2018" --no-charts --outline-text 2>/dev/null)
grep -q "^H1: Voorwoord" <<<"$outline" && ok || bad "report -d --no-charts --outline-text"
"$bin" bogus 2>/dev/null; [ $? -eq 64 ] && ok || bad "unknown command not 64"
"$bin" 2>/dev/null; [ $? -eq 64 ] && ok || bad "no command not 64"
"$bin" indicators --bogus 2>/dev/null; [ $? -eq 64 ] && ok || bad "unknown option not 64"
out=$("$bin" indicators)
for n in leerplichtigen_5_17 absoluut_verzuim relatief_verzuim vrijstelling_5a vervangende_leerplicht_3a thuiszitters_actueel; do
  grep -q "^$n	" <<<"$out" && ok || bad "indicator $n not listed"
done
[ "$(echo "$out" | cut -f1 | sort | uniq -d | wc -l)" -eq 0 ] && ok || bad "duplicate indicator names"
"$bin" indicators --series | grep -q "^vsv	vsv	" && ok || bad "series vsv not listed"
e2e_end
